// MCP-012: servers whose tools the client calls without asking (Cline and Kiro autoApprove,
// Gemini CLI trust: true).
#pragma once

#include "common.hpp"

namespace mcp {

/// A non-empty autoApprove array on each server of `servers` (Cline, Kiro).
void check_auto_approve(Analysis& a, const sdk::Node& servers, std::string_view product);

/// trust: true on each server of `servers` (Gemini CLI).
void check_trusted_servers(Analysis& a, const sdk::Node& servers);

}  // namespace mcp
