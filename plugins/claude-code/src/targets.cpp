#include "targets.hpp"

#include <string>

namespace claude_code {

using confscope::sdk::Format;
using confscope::sdk::Scope;
using confscope::sdk::Target;

std::vector<Target> all_targets() {
    auto t = [](const char* id, std::string_view cat, const char* name, const char* path,
                Format format,
                Scope scope) { return Target{id, std::string(cat), name, path, format, scope}; };
    std::vector<Target> list{
        // User level ({CLAUDE_CONFIG_DIR} is ~/.claude unless CLAUDE_CONFIG_DIR relocates it).
        t("user-settings", category::settings, "User settings", "{CLAUDE_CONFIG_DIR}/settings.json",
          Format::json, Scope::user),
        t("global-state", category::global_state, "Global state (~/.claude.json)",
          "{HOME}/.claude.json", Format::json, Scope::user),
        t("global-state-relocated", category::global_state, "Global state in CLAUDE_CONFIG_DIR",
          "{CLAUDE_CONFIG_DIR}/.claude.json", Format::json, Scope::user),
        t("credentials", category::credentials, "Credentials",
          "{CLAUDE_CONFIG_DIR}/.credentials.json", Format::json, Scope::user),
        t("remote-settings", category::settings, "Server-managed settings cache",
          "{CLAUDE_CONFIG_DIR}/remote-settings.json", Format::json, Scope::managed),
        t("user-memory", category::memory, "User memory", "{CLAUDE_CONFIG_DIR}/CLAUDE.md",
          Format::markdown, Scope::user),
        t("user-rules", category::memory, "User rules", "{CLAUDE_CONFIG_DIR}/rules/**/*.md",
          Format::markdown, Scope::user),
        t("user-agents", category::agents, "User agents", "{CLAUDE_CONFIG_DIR}/agents/**/*.md",
          Format::markdown, Scope::user),
        t("user-commands", category::commands, "User commands",
          "{CLAUDE_CONFIG_DIR}/commands/**/*.md", Format::markdown, Scope::user),
        t("user-skills", category::skills, "User skills", "{CLAUDE_CONFIG_DIR}/skills/*/SKILL.md",
          Format::markdown, Scope::user),
        t("known-marketplaces", category::plugins, "Known plugin marketplaces",
          "{CLAUDE_CONFIG_DIR}/plugins/known_marketplaces.json", Format::json, Scope::user),
        t("installed-plugins", category::installed_plugins, "Installed plugins",
          "{CLAUDE_CONFIG_DIR}/plugins/installed_plugins.json", Format::json, Scope::user),
        // Plugin folders: the cache of installed plugins and the marketplace clones. What a
        // folder's files report counts only if its plugin is installed and enabled
        // (plugin_state.hpp).
        t("plugin-manifests", category::plugins, "Plugin manifests",
          "{CLAUDE_CONFIG_DIR}/plugins/**/.claude-plugin/plugin.json", Format::json, Scope::plugin),
        t("plugin-hooks", category::hooks, "Plugin hooks",
          "{CLAUDE_CONFIG_DIR}/plugins/**/hooks/hooks.json", Format::json, Scope::plugin),
        t("plugin-mcp", category::mcp, "Plugin MCP servers",
          "{CLAUDE_CONFIG_DIR}/plugins/**/.mcp.json", Format::json, Scope::plugin),
        t("plugin-agents", category::agents, "Plugin agents",
          "{CLAUDE_CONFIG_DIR}/plugins/**/agents/*.md", Format::markdown, Scope::plugin),
        t("plugin-commands", category::commands, "Plugin commands",
          "{CLAUDE_CONFIG_DIR}/plugins/**/commands/**/*.md", Format::markdown, Scope::plugin),
        t("plugin-skills", category::skills, "Plugin skills",
          "{CLAUDE_CONFIG_DIR}/plugins/**/skills/*/SKILL.md", Format::markdown, Scope::plugin),

        // Managed (Linux /etc/claude-code, macOS /Library/Application Support/ClaudeCode,
        // Windows C:\Program Files\ClaudeCode), under --system-root.
        t("managed-settings", category::settings, "Managed settings",
          "{CLAUDE_MANAGED_DIR}/managed-settings.json", Format::json, Scope::managed),
        t("managed-settings-d", category::settings, "Managed settings drop-in",
          "{CLAUDE_MANAGED_DIR}/managed-settings.d/*.json", Format::json, Scope::managed),
        t("managed-mcp", category::mcp, "Managed MCP servers",
          "{CLAUDE_MANAGED_DIR}/managed-mcp.json", Format::json, Scope::managed),
        t("managed-memory", category::memory, "Managed memory", "{CLAUDE_MANAGED_DIR}/CLAUDE.md",
          Format::markdown, Scope::managed),

        // Managed settings where Claude Code never reads them (CFG-002): the legacy Windows
        // folder, and the user's config folder, where people put them by mistake.
        Target{"legacy-managed-settings", std::string(category::unread),
               "Legacy managed settings (not read)",
               "{PROGRAMDATA}/ClaudeCode/managed-settings.json", Format::json, Scope::managed,
               CONFSCOPE_OS_WINDOWS},
        t("misplaced-managed-settings", category::unread,
          "Managed settings in the user config folder (not read)",
          "{CLAUDE_CONFIG_DIR}/managed-settings.json", Format::json, Scope::user),

        // Project level: every folder of every --root tree is tried as {PROJECT}.
        t("project-settings", category::settings, "Project settings",
          "{PROJECT}/.claude/settings.json", Format::json, Scope::project),
        t("local-settings", category::settings, "Local project settings",
          "{PROJECT}/.claude/settings.local.json", Format::json, Scope::local),
        t("project-mcp", category::mcp, "Project MCP servers", "{PROJECT}/.mcp.json", Format::json,
          Scope::project),
        t("project-memory", category::memory, "Project memory", "{PROJECT}/CLAUDE.md",
          Format::markdown, Scope::project),
        t("project-memory-dot", category::memory, "Project memory", "{PROJECT}/.claude/CLAUDE.md",
          Format::markdown, Scope::project),
        t("local-memory", category::memory, "Local project memory", "{PROJECT}/CLAUDE.local.md",
          Format::markdown, Scope::local),
        t("project-rules", category::memory, "Project rules", "{PROJECT}/.claude/rules/**/*.md",
          Format::markdown, Scope::project),
        t("project-agents", category::agents, "Project agents", "{PROJECT}/.claude/agents/**/*.md",
          Format::markdown, Scope::project),
        t("project-commands", category::commands, "Project commands",
          "{PROJECT}/.claude/commands/**/*.md", Format::markdown, Scope::project),
        t("project-skills", category::skills, "Project skills",
          "{PROJECT}/.claude/skills/*/SKILL.md", Format::markdown, Scope::project),
    };
    // Scripts in hooks folders, which hooks run ("$CLAUDE_PROJECT_DIR"/.claude/hooks/x.sh,
    // ~/.claude/hooks/x.py), read as text. One target per script extension: a glob cannot say
    // "no extension", and every file of a hooks folder (logs, caches, notes) would be read and
    // stored. A plugin's scripts under its hooks/ folder are read too; what they report follows
    // the plugin's state (plugin_state.hpp), like its hooks.json.
    struct Folder {
        const char* id;
        const char* name;
        const char* path;
        Scope scope;
    };
    static constexpr Folder kFolders[] = {
        {"project-hook-scripts", "Project hook scripts", "{PROJECT}/.claude/hooks/**/*.",
         Scope::project},
        {"user-hook-scripts", "User hook scripts", "{CLAUDE_CONFIG_DIR}/hooks/**/*.", Scope::user},
        {"plugin-hook-scripts", "Plugin hook scripts", "{CLAUDE_CONFIG_DIR}/plugins/**/hooks/**/*.",
         Scope::plugin},
    };
    std::vector<Target> targets = std::move(list);
    for (const Folder& f : kFolders) {
        for (const std::string_view ext : {"sh", "bash", "zsh", "py", "js", "mjs", "cjs", "ts"}) {
            targets.push_back(Target{
                std::string(f.id) + "-" + std::string(ext), std::string(category::hook_scripts),
                f.name, std::string(f.path) + std::string(ext), Format::text, f.scope});
        }
    }
    return targets;
}

}  // namespace claude_code
