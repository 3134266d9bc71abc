// MCP server entries (in .mcp.json, ~/.claude.json, managed-mcp.json, plugins and agent front
// matter): one normalized inventory item per server, and the MCP and secret rules on each.
#pragma once

#include <string_view>

#include "analysis.hpp"

namespace claude_code {

/// Analyzes every member of an `mcpServers` object. `project` is the project folder a local-scope
/// server belongs to ("" otherwise).
void analyze_mcp_servers(Analysis& a, const sdk::Node& servers, sdk::Scope scope,
                         std::string_view project = "");

}  // namespace claude_code
