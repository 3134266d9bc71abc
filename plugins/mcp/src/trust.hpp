// TRUST-001: workspace trust granted to the root of the file system or to the whole home folder,
// so every repository below it is trusted without being asked (Codex [projects."<path>"]
// trust_level = "trusted", Gemini CLI trustedFolders.json).
#pragma once

#include "common.hpp"

namespace mcp {

/// Codex config.toml: [projects."<path>"] trust_level = "trusted" for /, a drive root or home.
void check_codex_trust(Analysis& a, const sdk::Node& projects);

/// Zed user settings.json: session.trust_all_worktrees true trusts every folder it ever opens.
void check_zed_trust(Analysis& a);

/// Gemini CLI ~/.gemini/trustedFolders.json: {"<path>": "TRUST_FOLDER" | "TRUST_PARENT"} whose
/// trusted folder is /, a drive root or home.
void analyze_gemini_trusted_folders(Analysis& a);

}  // namespace mcp
