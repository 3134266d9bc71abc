// Permission rules (permissions.allow / deny / ask, defaultMode): one inventory item per rule and
// the PERM rules on them.
#pragma once

#include <string_view>

#include "common.hpp"

namespace claude_code {

/// A rule "Tool" or "Tool(specifier)".
struct PermissionRule {
    std::string tool;
    std::string specifier;  ///< "" when the rule has no parentheses
    bool has_specifier = false;
};

PermissionRule parse_permission_rule(std::string_view text);

/// Analyzes a settings file's `permissions` object.
void analyze_permissions(Analysis& a, const sdk::Node& permissions);

/// PERM-001 for a bypassPermissions mode at `mode` (defaultMode or an agent's permissionMode).
void check_bypass_mode(Analysis& a, const sdk::Node& mode, std::string_view where);

}  // namespace claude_code
