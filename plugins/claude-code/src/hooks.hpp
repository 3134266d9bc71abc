// Hooks ("hooks": {Event: [{matcher, hooks: [{type, command|url, ...}]}]}) in settings files,
// plugin hooks.json, and agent and skill front matter: one inventory item per handler, and the
// HOOK rules on each (hook_rules.cpp); what a hook's shell command does (hooks.cpp,
// exfiltration.cpp).
#pragma once

#include <string_view>

#include <confscope/plugin_common/shell_commands.hpp>

#include "common.hpp"

namespace claude_code {

/// Analyzes a `hooks` object; `origin` names where it sits for messages ("settings", "agent x").
/// HOOK-001 (inventory), HOOK-002, HOOK-003, HOOK-004 and HOOK-005 (project and plugin files).
void analyze_hooks(Analysis& a, const sdk::Node& hooks, std::string_view origin);

}  // namespace claude_code
