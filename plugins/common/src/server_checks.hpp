// The launch and connection checks analyze_mcp_server() runs on every server entry, whatever client
// declared it (internal to plugin_common).
#pragma once

#include <confscope/plugin_common/mcp_servers.hpp>
#include <confscope/plugin_common/package_pinning.hpp>

namespace confscope::plugin_common::detail {

/// MCP-004: a launched package (or a --with package) without an exact version.
void check_pinning(Analysis& a, const ServerEntry& srv,
                   const std::vector<LaunchedPackage>& packages);
/// MCP-005: npx -y / --yes installs an unpinned package without asking (low); a package from git
/// without a full commit (medium).
void check_auto_install(Analysis& a, const ServerEntry& srv,
                        const std::vector<LaunchedPackage>& packages);
/// MCP-006: docker run with an image not pinned by digest, or with the host's privileges.
void check_container(Analysis& a, const ServerEntry& srv);
/// MCP-007 (shell wrapper, inline interpreter code or shell syntax) and MCP-008 (download and
/// execute, also inside inline code).
void check_shell(Analysis& a, const ServerEntry& srv);
/// MCP-015: the server's environment makes other code run in its process.
void check_environment(Analysis& a, const ServerEntry& srv);
/// MCP-016: the server starts through sudo, doas, pkexec, su, runas or gsudo.
void check_privilege(Analysis& a, const ServerEntry& srv);
/// MCP-017: a browser started with its protections off.
void check_browser(Analysis& a, const ServerEntry& srv);
/// MCP-009: headersHelper runs a shell command for every connection.
void check_headers_helper(Analysis& a, const ServerEntry& srv);
/// MCP-010: the server's URL (or an mcp-remote URL) leads to a tunnel, a metadata service or a
/// private network.
void check_remote_host(Analysis& a, const ServerEntry& srv);
/// MCP-011: a filesystem server granted /, the home folder or a drive root.
void check_filesystem_grant(Analysis& a, const ServerEntry& srv,
                            const std::optional<LaunchedPackage>& package);
/// AUTH-002: NODE_TLS_REJECT_UNAUTHORIZED=0 (and its peers) turn off TLS certificate checks, in
/// the server's env or as NAME=value in its arguments; so do switches such as curl -k and
/// --insecure-skip-tls-verify.
void check_tls_verification(Analysis& a, const ServerEntry& srv);
/// MCP-018: a local server told to listen on every network interface (--host 0.0.0.0,
/// HOST=0.0.0.0); not inside a container.
void check_network_exposure(Analysis& a, const ServerEntry& srv);

}  // namespace confscope::plugin_common::detail
