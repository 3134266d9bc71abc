// JSON files: settings (user, project, local, managed), ~/.claude.json, .mcp.json and
// managed-mcp.json, Claude Code plugins' hooks.json and manifests, the credentials file.
#pragma once

#include "common.hpp"
#include "scan_facts.hpp"

namespace claude_code {

void analyze_settings(Analysis& a, ScanFacts& facts);
void analyze_global_state(Analysis& a, ScanFacts& facts);
void analyze_mcp_file(Analysis& a, ScanFacts& facts);
void analyze_plugin_hooks(Analysis& a);
void analyze_plugin_metadata(Analysis& a, ScanFacts& facts);
void analyze_credentials(Analysis& a);

}  // namespace claude_code
