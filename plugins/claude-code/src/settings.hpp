// JSON files: settings (user, project, local, managed), ~/.claude.json, .mcp.json and
// managed-mcp.json, Claude Code plugins' hooks.json and manifests, the credentials file.
#pragma once

#include "common.hpp"

namespace claude_code {

void analyze_settings(Analysis& a);
void analyze_global_state(Analysis& a);
void analyze_mcp_file(Analysis& a);
void analyze_plugin_hooks(Analysis& a);
void analyze_plugin_metadata(Analysis& a);
void analyze_credentials(Analysis& a);

}  // namespace claude_code
