// Permission checks beyond the broad-allow rules of permissions.cpp: additional directories that
// open the whole disk or home (PERM-005), rules Claude Code never consults (PERM-007), and allow
// rules that approve every tool of an MCP server (MCP-012).
#pragma once

#include "common.hpp"

namespace claude_code {

/// Checks a settings file's `permissions` object.
void check_permission_scope(Analysis& a, const sdk::Node& permissions);

}  // namespace claude_code
