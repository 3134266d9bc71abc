// Which package a launcher command fetches (npx, bunx, pnpm dlx, yarn dlx, npm exec, uvx, pipx run)
// and whether it is pinned to an exact version — the basis of MCP-004.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confscope::plugin_common {

struct LaunchedPackage {
    std::string launcher;       ///< "npx", "uvx", ...
    std::string spec;           ///< the package as written: "@scope/server@1.2.3", "tool==1.0"
    bool pinned = false;        ///< an exact version (or a commit) is named
    std::size_t arg_index = 0;  ///< index into args of the spec (for the finding's position)
};

/// The package a command fetches and runs, or nothing when the command is not a package
/// launcher (or runs a local path). `cmd /c npx ...` and `sh -c`-less wrappers are looked through.
std::optional<LaunchedPackage> launched_package(std::string_view command,
                                                const std::vector<std::string>& args);

/// The package's name without its version: "@scope/server" for "@scope/server@1.2.3", "tool" for
/// "tool==1.0" or "tool@1.0"; a git or URL spec unchanged.
std::string package_name(std::string_view spec);

/// An npm spec names an exact version: "name@1.2.3", "@scope/name@1.2.3-beta.1", or a git commit.
bool npm_spec_is_pinned(std::string_view spec);
/// A Python spec names an exact version: "tool==1.2.3", "tool@1.2.3", "git+https://…@<40 hex>".
bool python_spec_is_pinned(std::string_view spec);

}  // namespace confscope::plugin_common
