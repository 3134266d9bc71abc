// Hooks ("hooks": {Event: [{matcher, hooks: [{type, command|url, ...}]}]}) in settings files,
// plugin hooks.json, and agent and skill front matter: one inventory item per handler, and the
// HOOK rules on each (hook_rules.cpp); what a hook's shell command does (hooks.cpp,
// exfiltration.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <confscope/plugin_common/shell_commands.hpp>

#include "common.hpp"

namespace claude_code {

class ShellData;

/// What a hook's command line does that a rule reports: HOOK-002 (critical), HOOK-003 (high),
/// HOOK-006..HOOK-012, AUTH-002 (medium); `what` reads after the subject ("sends data off the
/// machine: curl sends …"). `data` knows the variables of the script the line is part of (the
/// line alone when null).
struct CommandRisk {
    std::string_view id;
    sdk::Severity severity;
    std::string what;
};
std::vector<CommandRisk> command_risks(std::string_view command, const ShellData* data = nullptr);

/// Analyzes a `hooks` object; `origin` names where it sits for messages ("settings", "agent x").
/// HOOK-001 (inventory), HOOK-002, HOOK-003, HOOK-004 and HOOK-005 (project and plugin files).
void analyze_hooks(Analysis& a, const sdk::Node& hooks, std::string_view origin);

}  // namespace claude_code
