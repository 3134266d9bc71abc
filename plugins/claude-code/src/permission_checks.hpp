// Permission checks beyond the broad-allow rules of permissions.cpp: additional directories that
// open the whole disk or home (PERM-005), rules Claude Code never consults (PERM-007), and allow
// rules that approve every tool of an MCP server (MCP-012).
#pragma once

#include <string>
#include <string_view>

#include "common.hpp"
#include "permissions.hpp"

namespace claude_code {

/// Checks a settings file's `permissions` object (additionalDirectories).
void check_permission_scope(Analysis& a, const sdk::Node& permissions);

/// PERM-007 (a rule Claude Code never applies) and MCP-012 (an allow rule approving every tool
/// of an MCP server) for one rule of a list.
void check_rule_effect(Analysis& a, const PermissionRule& rule, std::string_view text,
                       const sdk::Node& at, const RuleSource& source);

/// "the root of the file system", "the whole home folder" or "a drive root" when `dir` is one of
/// them ("/", "~", "$HOME", the home folder's path with or without a trailing separator, "C:\"),
/// or "".
std::string whole_area(std::string_view dir, std::string_view home);

}  // namespace claude_code
