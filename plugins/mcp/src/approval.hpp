// MCP-012: servers whose tools the client calls without asking (Cline and Kiro autoApprove,
// Gemini CLI trust: true).
#pragma once

#include "common.hpp"

namespace mcp {

/// A non-empty autoApprove array on each server of `servers` (Cline, Kiro).
void check_auto_approve(Analysis& a, const sdk::Node& servers, std::string_view product);

/// trust: true on each server of `servers` (Gemini CLI).
void check_trusted_servers(Analysis& a, const sdk::Node& servers);

/// An MCP allowlist pattern "server:tool" (Cursor permissions.json mcpAllowlist, the inside of a
/// Cursor CLI Mcp(...) rule) that approves every tool of a server: "*:*", "*" (every server) or
/// "name:*"; `where` says where the entry is.
void check_mcp_allowlist_entry(Analysis& a, const sdk::Node& entry, std::string_view pattern,
                               const std::string& where);

}  // namespace mcp
