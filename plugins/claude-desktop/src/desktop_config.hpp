// claude_desktop_config.json: {"mcpServers": {name: {command, args, env}}, …app preferences}.
// Every server goes through the shared model (plugins/common) as client "claude-desktop"; the
// Desktop-specific checks are MCP-013 (a remote entry, which Desktop does not start from this
// file) and MCP-003 for an mcp-remote bridge to a plaintext URL.
#pragma once

#include <string>

#include "common.hpp"

namespace claude_desktop {

/// How Claude Desktop spells a server: Claude Code's keys, no remote transport.
const ServerDialect& desktop_dialect();

/// One server entry: the Desktop checks, then the shared model (inventory and server rules).
void analyze_desktop_server(Analysis& a, const sdk::Node& entry, std::string name,
                            sdk::Scope scope);

void analyze_desktop_config(Analysis& a);

}  // namespace claude_desktop
