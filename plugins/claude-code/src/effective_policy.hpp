// What Claude Code actually uses, given managed policy (and disableAllHooks): a finding on a
// thing it ignores keeps its rule id but is reported as info, with the reason after the original
// message ("… — ignored under managed policy (allowManagedPermissionRulesOnly in
// /etc/claude-code/managed-settings.json)").
//
//   allowManagedPermissionRulesOnly (managed): the allow, ask and deny rules of user, project and
//     local settings, of ~/.claude.json projects[*].allowedTools and of front-matter
//     allowed-tools are ignored; only managed rules apply.
//   disableAllHooks (managed): every hook and status line is off, managed ones included.
//   allowManagedHooksOnly (managed): only managed hooks run; user, project and local settings
//     hooks, front-matter (session) hooks and plugin hooks are ignored — except hooks of plugins
//     that managed enabledPlugins force on.
//   disableAllHooks in user settings: the hooks and status lines of user, project and local
//     settings are off (managed ones still run); in a project's shared or local settings: that
//     project's settings hooks and status line. Plugin and front-matter hooks are judged as if it
//     were not set (Claude Code's documentation does not promise more).
//   permissions.disableBypassPermissionsMode "disable" (managed): bypass mode cannot start, so a
//     defaultMode or agent permissionMode of bypassPermissions in any other file is not applied
//     and skipDangerousModePermissionPrompt has no warning to skip (PERM-001, PERM-002).
//   disableAutoMode "disable" (managed; also under permissions): auto mode is gone, and with it
//     the opt-in dialog skipAutoPermissionPrompt skips (PERM-002).
//   managed-mcp.json: Claude Code loads only its servers (plugin servers included); a server
//     matching managed deniedMcpServers, or that managed allowedMcpServers does not admit, is not
//     started (mcp_scopes.hpp).
// Secrets (SEC-*) and file exposure (FS-*) findings never change: the value is on disk whether or
// not Claude Code uses it.
#pragma once

#include <string>
#include <string_view>

#include "common.hpp"
#include "plugin_state.hpp"
#include "scan_facts.hpp"

namespace claude_code {

/// Keeps what a settings file or managed-mcp.json says about what Claude Code ignores.
void record_effective_policy(const Analysis& a, ScanFacts& facts);

/// What a finding of `rule_id` at `pointer` in `a.file` depends on. `first_server` is the index of
/// the first ServerRecord this file's analysis added; `server` receives the server's index.
Dependency dependency_of(const Analysis& a, const ScanFacts& facts, std::size_t first_server,
                         std::string_view rule_id, std::string_view pointer, std::size_t& server);

/// Why Claude Code ignores what `held` is about ("" when it uses it).
std::string ignored_because(const ScanFacts& facts, const PluginStates& states,
                            const HeldFinding& held);

/// Reports a held finding: as analyzed, or as info with the reason when its subject is ignored.
void report_held(sdk::Sink& sink, const ScanFacts& facts, const PluginStates& states,
                 const HeldFinding& held);

}  // namespace claude_code
