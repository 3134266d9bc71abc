// Every Claude Code location (reference: Claude Code docs settings.md, managed-settings.md,
// memory.md, mcp.md; summarised in docs/families/claude-code.md).
#pragma once

#include <string_view>
#include <vector>

#include <confscope/sdk/types.hpp>

namespace claude_code {

/// Target categories, which decide how a file is analyzed.
namespace category {
inline constexpr std::string_view settings = "settings";   // settings.json family
inline constexpr std::string_view global_state = "state";  // ~/.claude.json
inline constexpr std::string_view mcp = "mcp";             // .mcp.json, managed-mcp.json
inline constexpr std::string_view memory = "memory";       // CLAUDE.md, rules
inline constexpr std::string_view agents = "agents";
inline constexpr std::string_view commands = "commands";
inline constexpr std::string_view skills = "skills";
inline constexpr std::string_view hooks = "hooks";  // a Claude Code plugin's hooks.json
inline constexpr std::string_view hook_scripts = "hook-scripts";  // scripts in hooks folders
inline constexpr std::string_view plugins = "plugins";            // marketplaces, plugin manifests
inline constexpr std::string_view installed_plugins =
    "installed-plugins";  // installed_plugins.json
inline constexpr std::string_view credentials = "credentials";
inline constexpr std::string_view unread = "unread";  // files Claude Code never reads (CFG-002)
}  // namespace category

std::vector<confscope::sdk::Target> all_targets();

}  // namespace claude_code
