// Hooks ("hooks": {Event: [{matcher, hooks: [{type, command|url, ...}]}]}) in settings files,
// plugin hooks.json, and agent and skill front matter: one inventory item per handler, and the
// HOOK rules on each.
#pragma once

#include <string_view>

#include "common.hpp"

namespace claude_code {

/// Analyzes a `hooks` object; `origin` names where it sits for messages ("settings", "agent x").
void analyze_hooks(Analysis& a, const sdk::Node& hooks, std::string_view origin);

/// True when a shell command downloads code and executes it (curl … | sh, sh -c "$(curl …)",
/// bash <(wget …), iwr … | iex, …).
bool downloads_and_executes(std::string_view command);

}  // namespace claude_code
