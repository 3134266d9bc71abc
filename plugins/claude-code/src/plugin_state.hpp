// Claude Code plugins: which plugin folder under {CLAUDE_CONFIG_DIR}/plugins a file belongs to,
// which plugins are installed (plugins/installed_plugins.json) and enabled (enabledPlugins), and
// the claude_plugin inventory.
//
// Claude Code keeps a full clone of every marketplace under plugins/marketplaces/<name>/ (the
// official one is added by itself) and a copy of every installed plugin under
// plugins/cache/<marketplace>/<plugin>/<version>/. A plugin runs only when it is installed (listed
// in installed_plugins.json, whose installPath names its folder) and enabled
// ("name@marketplace": true in enabledPlugins of user, project, local or managed settings;
// managed settings win). installed_plugins.json comes in two shapes:
//   version 1: {"version": 1, "plugins": {"name@mkt": {"version", "installPath", "isLocal", ...}}}
//              (isLocal plugins are used in place, inside the marketplace clone);
//   version 2: {"version": 2, "plugins": {"name@mkt": [{"scope": "user"|"project"|"local",
//              "projectPath", "installPath", "version", "gitCommitSha", ...}]}}.
// Without installed_plugins.json in the scan, every folder of the cache counts as installed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common.hpp"
#include "scan_facts.hpp"

namespace claude_code {

/// `path` relative to the plugins folder it is in ("cache/m/p/1.0/hooks/hooks.json"), with '/'
/// separators, or "" when it is not inside a plugins folder.
std::string plugins_relative(std::string_view path);

/// The plugin folder a file at `relative` (plugins_relative) belongs to: where a plugin keeps
/// that kind of file (.claude-plugin/plugin.json, hooks/hooks.json, a script under hooks/,
/// .mcp.json, agents/*.md, commands/**/*.md, skills/<name>/SKILL.md) says where the plugin's root
/// is. nullopt when the file is not at such a place (a cache copy's root is fixed), so Claude Code
/// does not load it.
std::optional<std::string> plugin_folder_key(std::string_view relative);

/// The folder `a.file` (a plugin-scope file) belongs to, registered in `facts` on first use, or
/// nullptr when Claude Code does not load the file (plugin_folder_key).
PluginFolder* plugin_folder_of(const Analysis& a, ScanFacts& facts);

/// Keeps a plugin manifest's (.claude-plugin/plugin.json) name, version and description.
void record_plugin_manifest(const Analysis& a, PluginFolder& folder);

/// Keeps installed_plugins.json (either version).
void record_installed_plugins(const Analysis& a, ScanFacts& facts);

/// Keeps a settings file's enabledPlugins.
void record_plugin_switches(const Analysis& a, ScanFacts& facts);

/// A front-matter key of a plugin agent that Claude Code ignores (hooks, mcpServers,
/// permissionMode): `pointer` is at or below it.
bool ignored_in_plugin_agent(std::string_view pointer);

enum class PluginStatus {
    enabled,        ///< installed and enabled: it runs
    disabled,       ///< installed, enabled nowhere (or disabled by managed settings)
    available,      ///< only in a marketplace clone
    not_installed,  ///< a folder installed_plugins.json does not list (an old cache copy)
};

struct PluginState {
    PluginStatus status = PluginStatus::not_installed;
    std::string id;                  ///< "name@marketplace"
    std::string install_scope;       ///< installed_plugins.json's scope, when listed there
    std::string version;             ///< installed_plugins.json's version, when listed there
    bool forced_by_managed = false;  ///< managed enabledPlugins enables it
};

/// Every plugin folder's state, by PluginFolder::key.
using PluginStates = std::map<std::string, PluginState>;
PluginStates plugin_states(const ScanFacts& facts);

/// A plugin's servers are loaded only if the plugin is enabled (ServerRecord::loaded).
void mark_plugin_servers(ScanFacts& facts, const PluginStates& states);

std::string_view to_string(PluginStatus status);

}  // namespace claude_code
