#include <confscope/plugin_common/shared_rules.hpp>

namespace confscope::plugin_common {

sdk::Rule workspace_trust_rule() {
    using sdk::Severity;
    return {"TRUST-001", Severity::high,
            "Workspace trust granted to the root of the file system or the whole home folder",
            "Clients ask once per folder whether you trust it, and trust of a folder covers every "
            "folder below it: Claude Code projects[<folder>].hasTrustDialogAccepted in "
            "~/.claude.json, Codex [projects.\"<folder>\"] trust_level = \"trusted\" in "
            "~/.codex/config.toml, Gemini CLI TRUST_FOLDER (or TRUST_PARENT on a folder directly "
            "below) in ~/.gemini/trustedFolders.json. Trusting \"/\", a drive root, \"~\" or your "
            "home folder (with or without a trailing slash) trusts every repository you ever clone "
            "or download: their project settings, hooks and MCP servers load without the dialog "
            "that would have warned you. Zed's session.trust_all_worktrees: true (user settings) "
            "does the same for every folder Zed opens: Restricted Mode never holds back a "
            "repository's .zed/settings.json. A trusted project folder is not reported. Remove "
            "the entry (or set it to untrusted) and trust project folders one by one."};
}

}  // namespace confscope::plugin_common
