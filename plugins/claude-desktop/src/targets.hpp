// Every Claude Desktop location (reference: config-families.md §2). {APPDATA} is ~/.config on
// Linux, ~/Library/Application Support on macOS and %APPDATA% on Windows, so one template covers
// the three.
#pragma once

#include <string_view>
#include <vector>

#include <confscope/sdk/types.hpp>

namespace claude_desktop {

/// Target categories, which decide how a file is analyzed.
namespace category {
inline constexpr std::string_view config = "config";                // claude_desktop_config.json
inline constexpr std::string_view extension = "extension";          // Claude Extensions/*/manifest
inline constexpr std::string_view installations = "installations";  // extensions-installations
inline constexpr std::string_view extension_settings = "extension-settings";  // per extension
}  // namespace category

std::vector<confscope::sdk::Target> all_targets();

}  // namespace claude_desktop
