// What analyze() keeps for the rules that compare files, reported from finish() once every file
// has been seen (files arrive in any order): MCP servers and the managed server policy (MCP-014),
// plugin sources and the managed marketplace allowlist (PLG-001), deny rules (PERM-006), and
// symbolic links in project .claude folders (FS-004); and what decides whether Claude Code uses
// a thing at all: which plugins are installed and enabled (plugin_state.hpp) and the managed
// policy that makes it ignore allow rules, hooks and servers (effective_policy.hpp), with the
// results held back until that is known. Everything is an owning copy.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "recording_sink.hpp"

namespace claude_code {

/// One MCP server definition.
struct ServerRecord {
    std::string name;
    sdk::Scope scope = sdk::Scope::unknown;
    std::string project;  ///< local scope: the projects[...] key; project scope: the project folder
    std::string command;
    std::vector<std::string> args;
    std::string url;
    /// Takes part in the scope contest (local > project > user > plugin): not servers in an agent's
    /// front matter (private to the agent) nor in settings files (not a server source).
    bool ranked = true;
    /// Claude Code loads it as far as the files say: false for a server of a plugin that is not
    /// installed and enabled, or in a plugin agent's front matter (which Claude Code ignores).
    bool loaded = true;
    sdk::Location at;
};

/// An entry of managed allowedMcpServers / deniedMcpServers.
struct ServerPolicyEntry {
    std::optional<std::string> name;
    std::optional<std::vector<std::string>> command;
    std::optional<std::string> url;  ///< a pattern; `*` matches anything
};

/// A list of managed allowedMcpServers or deniedMcpServers, with the file that set it.
struct ServerPolicy {
    std::vector<ServerPolicyEntry> entries;
    std::string display;  ///< the managed file, for messages
};

/// Where a plugin marketplace comes from (extraKnownMarketplaces, known_marketplaces.json,
/// strictKnownMarketplaces).
struct MarketplaceSource {
    std::string kind;  ///< "github", "git", "url", "directory", "file", "hostPattern", ...
    std::string repo;  ///< github: "owner/name"
    std::string url;
    std::string path;
    std::string ref;
    std::string host_pattern;
};

/// A marketplace a project settings file adds, or a plugin it enables ("name@marketplace").
struct ProjectPluginSource {
    std::string marketplace;
    std::string plugin;                       ///< "" for an extraKnownMarketplaces entry
    std::optional<MarketplaceSource> source;  ///< known when the same file defines it
    std::string project_file;                 ///< the file's path, to find its other entries
    sdk::Location at;
};

/// What Claude Code needs in order to use the thing a finding is about.
enum class Dependency {
    none,             ///< nothing: the finding stands as reported
    permission_rule,  ///< a permission rule outside managed settings (allow, ask, deny lists,
                      ///< allowed-tools, allowedTools)
    hook,             ///< a hook handler
    status_line,      ///< the statusLine command
    server,           ///< an MCP server (ScanFacts::servers[server])
    bypass_mode,      ///< bypassPermissions as a mode (defaultMode, an agent's permissionMode)
                      ///< and skipDangerousModePermissionPrompt, its warning
    auto_mode,        ///< skipAutoPermissionPrompt, the opt-in dialog of auto mode
};

/// A finding held back until finish(), with what it depends on and where its file sits.
struct HeldFinding {
    RecordedFinding finding;
    Dependency dependency = Dependency::none;
    std::size_t server = 0;                  ///< Dependency::server: index into ScanFacts::servers
    sdk::Scope scope = sdk::Scope::unknown;  ///< the file's scope
    std::string category;                    ///< the file's target category (targets.hpp)
    std::string project;                     ///< the file's project folder ("" outside projects)
    std::string plugin_folder;               ///< a plugin's file: PluginFolder::key
};

/// A folder under {CLAUDE_CONFIG_DIR}/plugins that holds a Claude Code plugin: a copy in the cache
/// (cache/<marketplace>/<plugin>/<version>), a plugin inside a marketplace clone
/// (marketplaces/<marketplace>/...), or elsewhere. Its results wait for finish(), which reports
/// them only if the plugin is installed and enabled.
struct PluginFolder {
    std::string key;          ///< its path relative to the plugins folder, '/'-separated
    std::string location;     ///< "cache", "marketplaces" or ""
    std::string marketplace;  ///< from the path ("" when unknown)
    std::string folder_name;  ///< the plugin's name in the path (the version folder's parent)
    std::optional<std::string> name, version, description;  ///< .claude-plugin/plugin.json
    std::optional<sdk::Location> manifest;                  ///< plugin.json's root
    sdk::Location first_file;  ///< where its item goes without a manifest
    std::vector<RecordedItem> items;
    std::vector<HeldFinding> findings;
};

/// One installation listed by installed_plugins.json.
struct InstalledPlugin {
    std::string id;          ///< "name@marketplace"
    std::string folder_key;  ///< installPath relative to the plugins folder ("" elsewhere)
    std::string version;
    std::string scope;  ///< "user", "project", "local" (version 2)
};

/// An enabledPlugins entry of a settings file.
struct PluginSwitch {
    std::string id;  ///< "name@marketplace"
    bool enabled = false;
    bool managed = false;
};

/// Settings that make Claude Code ignore what other files define, each with the file that set it
/// (its display path, for messages).
struct EffectivePolicy {
    std::optional<std::string> managed_permission_rules_only;  ///< allowManagedPermissionRulesOnly
    std::optional<std::string> managed_hooks_only;             ///< allowManagedHooksOnly
    std::optional<std::string> managed_disable_all_hooks;      ///< disableAllHooks (managed)
    /// permissions.disableBypassPermissionsMode "disable" (managed): bypass mode cannot start.
    std::optional<std::string> managed_disable_bypass;
    /// disableAutoMode (or permissions.disableAutoMode) "disable" (managed): no auto mode.
    std::optional<std::string> managed_disable_auto;
    std::optional<sdk::Location> managed_mcp;           ///< managed-mcp.json
    std::optional<std::string> user_disable_all_hooks;  ///< disableAllHooks (user settings)
    /// disableAllHooks in a project's shared or local settings: project folder, file.
    std::vector<std::pair<std::string, std::string>> project_disable_all_hooks;
};

struct ScanFacts {
    std::string home;  ///< the scan's home folder

    std::vector<ServerRecord> servers;
    std::optional<ServerPolicy> allowed_servers;  ///< nullopt: no allowlist
    std::optional<ServerPolicy> denied_servers;

    std::vector<ProjectPluginSource> project_plugins;
    std::vector<std::pair<std::string, MarketplaceSource>> known_marketplaces;  ///< the user's
    std::optional<std::vector<MarketplaceSource>> strict_marketplaces;  ///< nullopt: no list

    std::vector<std::string> managed_deny;          ///< deny rules of managed settings
    std::vector<std::string> user_deny;             ///< deny rules of the user settings
    std::optional<sdk::Location> user_permissions;  ///< the user settings' permissions block

    /// Files directly or further below a project's .claude folder with a symlinked folder above.
    struct SymlinkedFile {
        std::string project;
        bool direct = false;  ///< directly inside .claude: .claude itself is the link
        sdk::Location at;
    };
    std::vector<SymlinkedFile> symlinked_claude_files;

    EffectivePolicy policy;
    std::vector<HeldFinding> held_findings;  ///< outside plugin folders, waiting for the policy

    std::map<std::string, PluginFolder> plugin_folders;  ///< by PluginFolder::key
    bool installed_plugins_seen = false;                 ///< installed_plugins.json was read
    std::vector<InstalledPlugin> installed_plugins;
    std::vector<PluginSwitch> plugin_switches;
};

/// Reports the cross-file rules (MCP-014, PLG-001, PERM-006, FS-004 for symbolic links).
void report_cross_file_rules(const ScanFacts& facts, sdk::Sink& sink);

}  // namespace claude_code
