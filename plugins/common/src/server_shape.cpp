#include <confscope/plugin_common/server_shape.hpp>
#include <confscope/plugin_common/text.hpp>

namespace confscope::plugin_common {

namespace {

// "everything", "github" and 2 more: the names the entries give themselves, if any.
std::string entry_names(const sdk::Node& entries) {
    std::string names;
    std::size_t named = 0, shown = 0;
    for (const sdk::Node& entry : entries.children()) {
        const std::string_view name = entry["name"].string_or("");
        if (name.empty()) continue;
        ++named;
        if (shown < 3) {
            names += (shown ? ", " : "") + quoted(name, 40);
            ++shown;
        }
    }
    if (named > shown) names += " and " + std::to_string(named - shown) + " more";
    return names;
}

std::string shape_of(const sdk::Node& servers) {
    if (servers.is_array()) {
        const std::size_t n = servers.size();
        return "a list of " + std::to_string(n) + (n == 1 ? " entry" : " entries");
    }
    if (servers.is_string()) return "a string";
    return "a " + std::string(servers.kind() == sdk::NodeKind::boolean ? "boolean" : "number");
}

}  // namespace

sdk::Rule rejected_servers_rule() {
    return {"CFG-004", sdk::Severity::low,
            "MCP servers in a shape the client rejects: none of them loads",
            "Clients read MCP servers from an object keyed by server name (Claude Code, Claude "
            "Desktop, Cursor and most others: \"mcpServers\": {\"name\": {...}}; VS Code "
            "\"servers\"; Zed \"context_servers\"; Codex [mcp_servers.<name>]; Goose "
            "\"extensions\"; OpenCode \"mcp\"). A list of entries (\"servers\": [{\"name\": "
            "\"x\", ...}]) or a string there is rejected: the client shows an error and starts "
            "none of them, so they are neither inventoried nor checked as servers. (Continue "
            "accepts a list; an agent's mcpServers list in Claude Code front matter is "
            "documented too.) Rewrite the list as an object keyed by each server's name, then "
            "review the servers it will start."};
}

bool servers_object(Analysis& a, const sdk::Node& servers, std::string_view key,
                    std::string_view product) {
    if (servers.is_object()) return true;
    if (!servers.exists() || servers.kind() == sdk::NodeKind::null) return false;
    std::string message = std::string(key) + " is " + shape_of(servers);
    if (const std::string names = entry_names(servers); !names.empty())
        message += " (" + names + ")";
    message += "; " + std::string(product) +
               " reads servers only from an object keyed by server name and loads none of these";
    a.sink.finding("CFG-004", sdk::Severity::low, message, servers);
    return false;
}

}  // namespace confscope::plugin_common
