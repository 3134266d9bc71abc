// Desktop extensions (.mcpb bundles, formerly .dxt), where installed:
//   Claude Extensions/<id>/manifest.json      the unpacked bundle's manifest
//   extensions-installations.json             what is installed, from where, signed or not
//   Claude Extensions Settings/<id>.json      enabled or not, and the user_config values
// Inventory never carries user_config values, only their keys.
#pragma once

#include "common.hpp"

namespace claude_desktop {

void analyze_extension_manifest(Analysis& a);
void analyze_extension_installations(Analysis& a);
void analyze_extension_settings(Analysis& a);

}  // namespace claude_desktop
