// confscope/io/git_index.hpp — which files git tracks, read from a work tree's index file
// (.git/index, versions 2 to 4), without running git.
//
// GitLocator answers, for a file, whether it lies in a git work tree and whether its path is in
// that tree's index (committed, or staged to be). Repositories and their indexes are read once and
// cached; a worktree or submodule whose .git is a file ("gitdir: ...") is followed.
//
// Example:
//     io::GitLocator git;
//     io::GitStatus s = git.status("/src/app/.claude/settings.local.json");
//     if (s.tracked) ...   // committed: the repository shares it with everyone
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include <confscope/base/status.hpp>

namespace confscope::io {

/// Every path (relative to the work tree, '/'-separated) in a git index file.
Result<std::unordered_set<std::string>> read_git_index(const std::string& index_path);

struct GitStatus {
    bool in_repo = false;   ///< a folder above the file holds .git
    bool tracked = false;   ///< the file's path is in that work tree's index
    std::string work_tree;  ///< the work tree's folder ("" when not in a repository)
};

class GitLocator {
  public:
    /// The status of an absolute file path. Unreadable or corrupt indexes count as "not tracked".
    GitStatus status(const std::string& file);

  private:
    std::optional<std::string> work_tree_of(const std::string& dir);
    const std::unordered_set<std::string>& index_of(const std::string& work_tree);

    std::map<std::string, std::optional<std::string>> work_trees_;  // folder -> its work tree
    std::map<std::string, std::unordered_set<std::string>> indexes_;
};

}  // namespace confscope::io
