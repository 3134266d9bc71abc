// What analyze() keeps for the rules that compare files, reported from finish() once every file
// has been seen (files arrive in any order): MCP servers and the managed server policy (MCP-014),
// plugin sources and the managed marketplace allowlist (PLG-001), deny rules (PERM-006), and
// symbolic links in project .claude folders (FS-004). Everything is an owning copy.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common.hpp"

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
};

/// Reports the cross-file rules (MCP-014, PLG-001, PERM-006, FS-004 for symbolic links).
void report_cross_file_rules(const ScanFacts& facts, sdk::Sink& sink);

}  // namespace claude_code
