// Permission rules (permissions.allow / deny / ask, defaultMode; ~/.claude.json
// projects[*].allowedTools; allowed-tools in command, agent and skill front matter): one inventory
// item per rule and the PERM rules on them.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common.hpp"

namespace claude_code {

/// A rule "Tool" or "Tool(specifier)".
struct PermissionRule {
    std::string tool;
    std::string specifier;  ///< "" when the rule has no parentheses
    bool has_specifier = false;
};

PermissionRule parse_permission_rule(std::string_view text);

/// Where a rule comes from, for its inventory item and the messages of its findings.
struct RuleSource {
    std::string list = "allow";             ///< "allow", "deny" or "ask"
    std::string key = "permissions.allow";  ///< the key as written, for the inventory
    std::string label = "allow rule";       ///< how messages name one entry
    std::string where;                      ///< "" or " in command deploy", " for project /src/x"
    std::string during;                     ///< "" or " while the command runs"
    /// When Claude Code does not apply the list: why ("Claude Code reads tools:, not
    /// allowed-tools, in agent files"). Findings keep their rule and become info.
    std::string ignored;
    sdk::Scope scope = sdk::Scope::user;
    std::vector<std::pair<std::string, std::string>> extra;  ///< more inventory data ("project")
};

/// One rule of a permission list: its inventory item, PERM-003/PERM-004 (broad allow rules),
/// PERM-007 (rules Claude Code never applies) and MCP-012 (a whole MCP server approved). `at` is
/// the node findings point at (the entry, or the front matter string that lists it).
void analyze_permission_rule(Analysis& a, std::string_view text, const sdk::Node& at,
                             const RuleSource& source);

/// Analyzes a settings file's `permissions` object.
void analyze_permissions(Analysis& a, const sdk::Node& permissions);

/// PERM-001 for a bypassPermissions mode at `mode` (defaultMode or an agent's permissionMode).
void check_bypass_mode(Analysis& a, const sdk::Node& mode, std::string_view where);

}  // namespace claude_code
