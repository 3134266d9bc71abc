#include "desktop_config.hpp"

#include <array>
#include <utility>

#include <confscope/plugin_common/server_shape.hpp>

namespace claude_desktop {

namespace {

using sdk::Severity;

// Keys other clients use for a remote server's address; Desktop starts none of them.
constexpr std::array<std::string_view, 3> kUrlKeys{"url", "serverUrl", "httpUrl"};

bool has_command(const sdk::Node& entry) {
    return !entry["command"].string_or("").empty();
}

sdk::Node remote_address(const sdk::Node& entry) {
    for (const std::string_view key : kUrlKeys) {
        if (sdk::Node url = entry[key]) return url;
    }
    return {};
}

// MCP-013: Claude Desktop starts only entries with a command (stdio). A url, or a remote type,
// without a command is skipped by the app: the server silently does not load.
void check_remote_entry(Analysis& a, const sdk::Node& entry, std::string_view name) {
    if (has_command(entry)) return;
    const sdk::Node url = remote_address(entry);
    const std::string_view type = entry["type"].string_or("");
    if (!url && (type.empty() || type == "stdio")) return;
    const std::string what = url ? "has a " + std::string(url.key()) + " but no command"
                                 : "has transport " + quoted(type) + " but no command";
    a.sink.finding("MCP-013", Severity::low,
                   "MCP server " + quoted(name) + " " + what +
                       "; Claude Desktop starts only local servers from this file and skips it: "
                       "bridge it with a pinned mcp-remote or add it as a connector",
                   entry);
}

bool is_mcp_remote(std::string_view arg) {
    return arg == "mcp-remote" || arg.starts_with("mcp-remote@");
}

// MCP-003 for a bridge: `npx mcp-remote http://host/sse --allow-http` (or an installed
// `mcp-remote http://…`) sends every request, and the headers it adds, in plaintext.
void check_bridge(Analysis& a, const sdk::Node& entry, const std::string& name) {
    const ServerEntry srv = read_server(entry, name, desktop_dialect());
    bool bridge = is_mcp_remote(command_name(srv.command));  // installed globally
    for (std::size_t i = 0; i < srv.args.size(); ++i) {
        if (!bridge) {
            bridge = is_mcp_remote(srv.args[i]);
            continue;
        }
        const Url url = parse_url(srv.args[i]);
        if (!url.valid) continue;
        if ((url.scheme == "http" || url.scheme == "ws") && !is_loopback_host(url.host)) {
            a.sink.finding("MCP-003", Severity::high,
                           "MCP server " + quoted(srv.name) +
                               " bridges with mcp-remote over plaintext " + url.scheme + "://" +
                               url.host + "; use " + (url.scheme == "http" ? "https" : "wss") +
                               "://",
                           srv.arg_node(i));
        }
        return;  // the first URL after mcp-remote is the server
    }
}

}  // namespace

const ServerDialect& desktop_dialect() {
    // Transports are not checked by the shared model: Desktop ignores "type" on a command entry,
    // and check_remote_entry() reports the entries it skips.
    static const ServerDialect dialect{.client = "claude-desktop",
                                       .product = "Claude Desktop",
                                       .transports = {},
                                       .url_needs_type = false};
    return dialect;
}

void analyze_desktop_server(Analysis& a, const sdk::Node& entry, std::string name,
                            sdk::Scope scope) {
    check_remote_entry(a, entry, name);
    check_bridge(a, entry, name);
    analyze_mcp_server(a, entry, std::move(name), scope, desktop_dialect());
}

void analyze_desktop_config(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object() ||
        !servers_object(a, root["mcpServers"], "mcpServers", desktop_dialect().product))
        return;
    for (const sdk::Node& entry : root["mcpServers"].children()) {
        if (entry.is_object())
            analyze_desktop_server(a, entry, std::string(entry.key()), sdk::Scope::user);
    }
}

}  // namespace claude_desktop
