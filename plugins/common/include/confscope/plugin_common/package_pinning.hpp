// Which packages a launcher command fetches (npx, npm exec, pnpm dlx, yarn dlx, bunx, bun x, uvx,
// uv tool run, uv run --with, pipx run, deno run npm:/jsr:) and whether each is pinned to an exact
// version or commit — the basis of MCP-004 and MCP-005.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confscope::plugin_common {

struct LaunchedPackage {
    std::string launcher;       ///< "npx", "uvx", "uv run", "deno run", ...
    std::string spec;           ///< the package as written: "@scope/server@1.2.3", "tool==1.0"
    bool pinned = false;        ///< an exact version (or a full commit) is named
    std::size_t arg_index = 0;  ///< index into args of the spec (for the finding's position)
    /// Fetched from a git repository (git+https://…, github:owner/repo, owner/repo), where only a
    /// full 40-character commit pins the code.
    bool from_git = false;
    /// Added next to the main package (uvx --with, uv run --with), not the program that runs.
    bool extra = false;
};

/// Every package a command fetches and runs: the program's package first, then the extra ones
/// (--with). Empty when the command is not a package launcher or runs a local path. Windows'
/// `cmd /c npx …` is looked through.
std::vector<LaunchedPackage> launched_packages(std::string_view command,
                                               const std::vector<std::string>& args);

/// The package whose program the command runs (the first of launched_packages() that is not an
/// extra), or nothing.
std::optional<LaunchedPackage> launched_package(std::string_view command,
                                                const std::vector<std::string>& args);

/// The package's name without its version: "@scope/server" for "@scope/server@1.2.3", "tool" for
/// "tool==1.0" or "tool@1.0", "pkg" for "npm:pkg@1"; a git or URL spec unchanged.
std::string package_name(std::string_view spec);

/// An npm spec names an exact version: "name@1.2.3", "@scope/name@1.2.3-beta.1", or a git source
/// at a full commit ("github:o/r#<40 hex>", "git+https://…#<40 hex>"). Ranges ("^1.2.3", "~1",
/// "1.x", ">=1"), dist-tags ("latest", "next") and a bare name are not.
bool npm_spec_is_pinned(std::string_view spec);
/// A Python spec names an exact version: "tool==1.2.3", "tool===1.2.3", "tool@1.2.3",
/// "git+https://…@<40 hex>".
bool python_spec_is_pinned(std::string_view spec);
/// The spec fetches from a git repository: "git+…", "git://…", "github:o/r", "gitlab:…",
/// "bitbucket:…", an npm "owner/repo" shorthand, or a github.com URL.
bool is_git_spec(std::string_view spec);

}  // namespace confscope::plugin_common
