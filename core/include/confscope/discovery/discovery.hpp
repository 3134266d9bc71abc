// confscope/discovery/discovery.hpp — turns the plugins' target templates into the list of files
// to read.
//
// Two kinds of template:
//   * user-level ("{CLAUDE_CONFIG_DIR}/settings.json",
//   "{CLAUDE_MANAGED_DIR}/managed-settings.d/*.json"):
//     placeholders are expanded, literal paths are checked (and recorded as missing when absent),
//     globs are expanded below their literal prefix;
//   * project-level ("{PROJECT}/.mcp.json"): every --root tree is walked once for all plugins and
//     every folder in it is tried as {PROJECT}.
// A project file is shown relative to its root. With several roots each root gets a label, put
// before that relative path, so that files of different roots never share a display path (which
// is also what fingerprints, baselines and drift key on): see root_labels(). A file under several
// (nested) roots belongs to the deepest of them, whatever order the roots were given in.
// The walk prunes heavy folders by name (node_modules, .git, ...), never descends through a
// symbolic link (so no loops), and records unreadable folders instead of failing, and the folders
// where it stopped at max_depth. A configuration path that holds no regular file (a FIFO, a
// device, a link to one) is recorded as special and never opened; a project file that is (or lies
// under) a symbolic link leading outside every scanned root, to no location some target names, is
// recorded as an outside_link with its target and never read — a hostile repository cannot make a
// scan read ~/.git-credentials by linking .mcp.json to it. A file claimed by
// a user-level template is never also a project file. When several project templates of one plugin
// match a file, the most specific (most segments) wins.
//
// Results are sorted by path so scans are reproducible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/platform/placeholders.hpp>
#include <confscope/sdk/types.hpp>

namespace confscope::discovery {

/// A plugin's target as the host copied it.
struct TargetSpec {
    std::size_t plugin_index = 0;  ///< which plugin asked (index into the scan's plugin list)
    std::string id;
    std::string category;
    std::string name;
    std::string path_template;
    sdk::Format format = sdk::Format::json;
    sdk::Scope scope = sdk::Scope::user;
};

/// One (plugin, target) that claimed a file.
struct Match {
    std::size_t target_index = 0;  ///< index into the targets passed to discover()
    std::string project_dir;       ///< the folder that matched {PROJECT}; "" for user-level targets
};

/// found: a regular file to read; missing: an absent location; unreadable: a folder the walk could
/// not enter; special: not a regular file (a FIFO, socket, device or folder), never opened;
/// outside_link: a project file reached through a symbolic link whose target lies outside every
/// scanned root and is no configuration location of any scanner, never read; not_walked: a folder
/// whose subfolders lie deeper than max_depth.
enum class EntryState { found, missing, unreadable, special, outside_link, not_walked };

/// A file (or an absent location) to report on.
struct Candidate {
    std::string path;  ///< absolute, '/'-separated
    /// "~/.claude/settings.json"; relative to its --root ("api/.mcp.json"), after the root's
    /// label when several roots are scanned ("src/api/.mcp.json")
    std::string display_path;
    EntryState state = EntryState::found;
    std::string error;  ///< why it is unreadable, what a special file is ("a FIFO"), why not walked
    std::string
        link_target;  ///< outside_link (and a special file reached through a link): where it leads
    bool is_symlink = false;     ///< the path itself is a symbolic link
    std::vector<Match> matches;  ///< empty for unreadable folders met during a walk
};

struct DiscoveryOptions {
    std::vector<std::string> roots;        ///< project trees to walk (absolute)
    std::vector<std::string> prune_names;  ///< folder names never entered (default_prune_names())
    std::size_t max_depth = 64;            ///< deepest folder level walked below a root
};

struct DiscoveryStats {
    std::uint64_t locations_checked = 0;  ///< user-level templates resolved
    std::uint64_t files_found = 0;        ///< distinct files matched
    std::uint64_t directories_walked = 0;
    std::uint64_t unreadable = 0;
};

struct DiscoveryResult {
    std::vector<Candidate> candidates;  ///< sorted by path
    DiscoveryStats stats;
};

/// Folder names the walk never enters unless told otherwise.
std::vector<std::string> default_prune_names();

/// Checks a template before discovery: placeholders known, {PROJECT} only first, no "..".
Status validate_template(const std::string& path_template, const platform::Placeholders& values);

/// Finds every file the targets describe. Invalid templates must be filtered out beforehand.
DiscoveryResult discover(const std::vector<TargetSpec>& targets,
                         const platform::Placeholders& values, const DiscoveryOptions& options);

/// The label each root gets in display paths, by index. One distinct root: "" (its paths stay
/// relative to it, as a single-root scan always showed them). Several: the root's folder name
/// ("/home/ada/src" → "src"), with parent folders added, one at a time, to the roots whose labels
/// would otherwise be equal ("/a/x/api", "/b/y/api" → "x/api", "y/api"), start one another
/// ("/p/a" and "/q/a/b": "a/b/..." could be either, so "p/a"), or start with '~' (read as the home
/// folder). A root whose label can grow no further keeps its whole path ("/" is "/": its files show
/// their absolute paths). The same set of roots gets the same labels in any order; `roots` are
/// absolute and normalized (no trailing '/'), duplicates share their label.
std::vector<std::string> root_labels(const std::vector<std::string>& roots);

/// The stable form of `path` used in reports and fingerprints: relative to `root` when under it,
/// "~/..." when under `home`, "/..." relative to `system_root` when under it (so a planted machine
/// shows /etc/claude-code/... like a real one), else the absolute path.
std::string display_path(const std::string& path, const std::string& home, const std::string& root,
                         const std::string& system_root = "/");

}  // namespace confscope::discovery
