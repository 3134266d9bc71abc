// confscope/plugin_common/server_shape.hpp — the container of a file's MCP servers as the client
// reads it. Every client that keys servers by name (Claude Code's and Cursor's mcpServers, VS
// Code's servers, Zed's context_servers, Codex's [mcp_servers.*], Goose's extensions, OpenCode's
// mcp) rejects another shape: an array of entries ("servers": [{"name": "x", ...}]) or a string
// loads no server at all. Such a container is CFG-004, and none of its entries is inventoried or
// checked as a server (they never start).
#pragma once

#include <string_view>

#include <confscope/plugin_common/analysis.hpp>

namespace confscope::plugin_common {

/// CFG-004 (low): configuration the client rejects, so the servers in it never load.
sdk::Rule rejected_servers_rule();

/// True when `servers` is an object of servers (the shape `product` reads). For an array or a
/// scalar it reports CFG-004 on it, naming `key` and the entries, and returns false; an absent
/// or null value is no finding and false.
bool servers_object(Analysis& a, const sdk::Node& servers, std::string_view key,
                    std::string_view product);

}  // namespace confscope::plugin_common
