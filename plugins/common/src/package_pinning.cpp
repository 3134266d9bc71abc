#include <algorithm>
#include <array>

#include <re2/re2.h>

#include <confscope/plugin_common/package_pinning.hpp>
#include <confscope/plugin_common/text.hpp>

namespace confscope::plugin_common {

namespace {

bool full_match(std::string_view text, const RE2& re) {
    return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), re);
}

// "1.2.3", "v1.2.3", "=1.2.3", "1.2.3-beta.1", "1.2.3+build": one exact semver version.
bool exact_version(std::string_view text) {
    static const RE2 re(R"(=?v?\d+\.\d+\.\d+([-+][0-9A-Za-z.\-+]+)?)");
    return full_match(text, re);
}

bool is_commit(std::string_view text) {
    static const RE2 re(R"([0-9a-fA-F]{40})");
    return full_match(text, re);
}

bool is_local_path(std::string_view spec) {
    return spec.starts_with('.') || spec.starts_with('/') || spec.starts_with('~') ||
           spec.starts_with("file:") || spec.starts_with("link:") ||
           (spec.size() > 2 && spec[1] == ':' && (spec[2] == '\\' || spec[2] == '/'));
}

// How a launcher names its packages.
enum class Family {
    npm,     ///< npx, npm exec, pnpm dlx, yarn dlx, bunx, bun x: first positional, or --package
    uvx,     ///< uvx, uv tool run: first positional, or --from; --with adds packages
    uv_run,  ///< uv run: runs a local script or command; only --with fetches packages
    pipx,    ///< pipx run: first positional, or --spec
    deno,    ///< deno run / deno x: npm:…, jsr:… or a URL
};

struct Launcher {
    std::string name;
    Family family = Family::npm;
    std::size_t first_option = 0;  ///< index into args where the launcher's own options start
};

constexpr std::array kUvGlobalValueOptions{"--directory", "--project", "--config-file",
                                           "--cache-dir", "--color",   "--allow-insecure-host",
                                           "--python",    "-p",        "--python-preference"};

bool one_of(std::string_view text, std::initializer_list<std::string_view> options) {
    return std::find(options.begin(), options.end(), text) != options.end();
}

// Options that consume the next argument, per family (the value may also follow '=').
bool takes_value(Family family, std::string_view launcher, std::string_view flag) {
    switch (family) {
        case Family::uvx:
        case Family::uv_run:
            return one_of(flag, {"--with",
                                 "--with-editable",
                                 "--with-requirements",
                                 "--python",
                                 "-p",
                                 "--index",
                                 "--index-url",
                                 "--extra-index-url",
                                 "--default-index",
                                 "--find-links",
                                 "-f",
                                 "--constraint",
                                 "--constraints",
                                 "-c",
                                 "--override",
                                 "--build-constraint",
                                 "-b",
                                 "--refresh-package",
                                 "--reinstall-package",
                                 "--upgrade-package",
                                 "-P",
                                 "--cache-dir",
                                 "--config-file",
                                 "--directory",
                                 "--project",
                                 "--env-file",
                                 "--extra",
                                 "--group",
                                 "--package",
                                 "--link-mode",
                                 "--resolution",
                                 "--prerelease",
                                 "--exclude-newer",
                                 "--index-strategy",
                                 "--keyring-provider",
                                 "--allow-insecure-host",
                                 "--python-platform",
                                 "--color",
                                 "--only-group",
                                 "--no-group"});
        case Family::pipx:
            return one_of(flag, {"--python", "--pip-args", "--index-url", "--spec"});
        case Family::deno:
            return one_of(flag, {"-c", "--config", "--import-map", "--lock", "--cert", "--location",
                                 "--seed", "--env-file", "--ext"});
        case Family::npm:
            break;
    }
    if (launcher == "pnpm dlx") return one_of(flag, {"--allow-build", "--reporter", "--dir", "-C"});
    return one_of(flag, {"--registry", "--cache", "--userconfig", "-c", "--call", "--prefix",
                         "--workspace", "-w", "--loglevel", "--node-options", "--shell"});
}

// Skips the options of a package manager before its subcommand ("uv --directory x run").
std::size_t skip_global_options(const std::vector<std::string>& args, std::size_t i,
                                bool uv_options) {
    while (i < args.size() && args[i].starts_with('-')) {
        const std::string& a = args[i];
        const bool value = uv_options && a.find('=') == std::string::npos &&
                           std::find(kUvGlobalValueOptions.begin(), kUvGlobalValueOptions.end(),
                                     a) != kUvGlobalValueOptions.end();
        i += value ? 2 : 1;
    }
    return i;
}

// The launcher a command line starts, or nothing.
std::optional<Launcher> find_launcher(std::string_view command,
                                      const std::vector<std::string>& args) {
    std::string name = command_name(command);
    std::size_t i = 0;
    // Look through Windows wrappers: cmd /c npx ..., powershell -Command npx ...
    if ((name == "cmd" || name == "powershell" || name == "pwsh") && i < args.size() &&
        one_of(to_lower(args[i]), {"/c", "-c", "-command"})) {
        ++i;
        if (i >= args.size()) return std::nullopt;
        name = command_name(args[i]);
        ++i;
    }
    // pnpx: pnpm's old alias of pnpm dlx, still shipped and still in READMEs.
    if (name == "npx" || name == "bunx" || name == "pnpx" || name == "uvx" || name == "dx") {
        const Family family = name == "uvx"  ? Family::uvx
                              : name == "dx" ? Family::deno
                                             : Family::npm;
        return Launcher{name == "dx" ? "deno x" : name, family, i};
    }
    if (name == "npm" || name == "pnpm" || name == "yarn" || name == "bun" || name == "uv" ||
        name == "pipx" || name == "deno") {
        i = skip_global_options(args, i, name == "uv");
        if (i >= args.size()) return std::nullopt;
        const std::string& sub = args[i];
        if (name == "uv" && sub == "tool" && i + 1 < args.size() && args[i + 1] == "run")
            return Launcher{"uv tool run", Family::uvx, i + 2};
        if (name == "uv" && sub == "run") return Launcher{"uv run", Family::uv_run, i + 1};
        if (name == "pipx" && sub == "run") return Launcher{"pipx", Family::pipx, i + 1};
        if (name == "deno" && (sub == "run" || sub == "x"))
            return Launcher{"deno " + sub, Family::deno, i + 1};
        const bool runs_package = (name == "npm" && (sub == "exec" || sub == "x")) ||
                                  ((name == "pnpm" || name == "yarn") && sub == "dlx") ||
                                  (name == "bun" && sub == "x");
        if (runs_package) return Launcher{name + " " + sub, Family::npm, i + 1};
    }
    return std::nullopt;
}

bool pinned_for(Family family, std::string_view spec) {
    if (family == Family::uvx || family == Family::uv_run || family == Family::pipx)
        return python_spec_is_pinned(spec);
    if (family == Family::deno) {
        if (spec.starts_with("npm:") || spec.starts_with("jsr:"))
            return npm_spec_is_pinned(spec.substr(4));
        // A remote module: pinned by an exact version ("…/x/mod@v1.2.3/main.ts") or a commit
        // in its path ("raw.githubusercontent.com/o/r/<40 hex>/main.ts").
        static const RE2 versioned(R"(@v?\d+\.\d+\.\d+([-+][0-9A-Za-z.\-]+)?(/|$))");
        static const RE2 commit(R"(/[0-9a-fA-F]{40}(/|$))");
        const re2::StringPiece text(spec.data(), spec.size());
        return RE2::PartialMatch(text, versioned) || RE2::PartialMatch(text, commit);
    }
    return npm_spec_is_pinned(spec);
}

// What a deno command runs is a package only when it is fetched: npm:, jsr: or a URL.
bool deno_fetches(std::string_view spec) {
    return spec.starts_with("npm:") || spec.starts_with("jsr:") || spec.starts_with("https://") ||
           spec.starts_with("http://");
}

void add_package(std::vector<LaunchedPackage>& out, const Launcher& launcher, std::string spec,
                 std::size_t index, bool extra) {
    if (spec.empty() || is_local_path(spec)) return;
    if (launcher.family == Family::deno && !deno_fetches(spec)) return;
    LaunchedPackage p;
    p.launcher = launcher.name;
    p.pinned = pinned_for(launcher.family, spec);
    // Python launchers name a repository only as git+…; "dir/sub" is a local folder to them.
    const bool python = launcher.family == Family::uvx || launcher.family == Family::uv_run ||
                        launcher.family == Family::pipx;
    p.from_git = python ? spec.starts_with("git+") : is_git_spec(spec);
    p.spec = std::move(spec);
    p.arg_index = index;
    p.extra = extra;
    out.push_back(std::move(p));
}

// "--flag=value" -> "value"; "" when the argument has no '='.
std::string value_after_equals(std::string_view arg) {
    const auto eq = arg.find('=');
    return eq == std::string_view::npos ? std::string() : std::string(arg.substr(eq + 1));
}

}  // namespace

bool is_git_spec(std::string_view spec) {
    if (spec.starts_with("npm:")) spec.remove_prefix(4);
    for (const std::string_view prefix :
         {"git+", "git://", "github:", "gitlab:", "bitbucket:", "gist:"}) {
        if (spec.starts_with(prefix)) return true;
    }
    if (spec.find("://github.com/") != std::string_view::npos ||
        spec.find("://gitlab.com/") != std::string_view::npos)
        return true;
    // npm's "owner/repo" (optionally "#ref") shorthand for a GitHub repository.
    const std::string_view path = spec.substr(0, spec.find('#'));
    const auto slash = path.find('/');
    return !spec.starts_with('@') && slash != std::string_view::npos && slash > 0 &&
           slash + 1 < path.size() && path.find('/', slash + 1) == std::string_view::npos &&
           path.find(':') == std::string_view::npos && path.find('@') == std::string_view::npos;
}

std::string package_name(std::string_view spec) {
    if (spec.starts_with("npm:") || spec.starts_with("jsr:")) spec.remove_prefix(4);
    if (spec.find("://") != std::string_view::npos || spec.starts_with("git+")) {
        return std::string(spec);
    }
    std::size_t end = spec.find('@', spec.starts_with('@') ? 1 : 0);
    for (const std::string_view op : {"==", ">=", "<=", "~=", "!=", ">", "<", "["}) {
        end = std::min(end, spec.find(op));
    }
    return std::string(spec.substr(0, end));
}

bool npm_spec_is_pinned(std::string_view spec) {
    if (spec.starts_with("npm:")) spec.remove_prefix(4);
    // git and tarball specs: pinned only by a full commit.
    if (const auto hash = spec.find('#'); hash != std::string_view::npos)
        return is_commit(spec.substr(hash + 1));
    if (is_git_spec(spec)) return false;
    const auto at = spec.find('@', spec.starts_with('@') ? 1 : 0);
    if (at == std::string_view::npos) return false;
    return exact_version(spec.substr(at + 1));
}

bool python_spec_is_pinned(std::string_view spec) {
    if (spec.starts_with("git+")) {
        const auto at = spec.rfind('@');
        return at != std::string_view::npos && is_commit(spec.substr(at + 1, 40)) &&
               (spec.size() == at + 41 || spec[at + 41] == '#');
    }
    std::string_view version;
    if (const auto eq = spec.find("=="); eq != std::string_view::npos) {
        version = spec.substr(eq + 2);
        if (version.starts_with('=')) version.remove_prefix(1);  // "===": arbitrary equality
    } else if (const auto at = spec.find('@'); at != std::string_view::npos) {
        version = spec.substr(at + 1);
    } else {
        return false;
    }
    static const RE2 python_version(R"(v?\d+(\.\d+)*([a-zA-Z0-9.+!\-]*)?)");
    return full_match(version, python_version);
}

std::vector<LaunchedPackage> launched_packages(std::string_view command,
                                               const std::vector<std::string>& args) {
    std::vector<LaunchedPackage> out;
    const std::optional<Launcher> launcher = find_launcher(command, args);
    if (!launcher) return out;
    const Family family = launcher->family;

    // The flag that names the program's package explicitly (npx -p pkg cmd, uvx --from pkg cmd,
    // pipx run --spec pkg cmd); the positional argument is then a command, not a package.
    const std::string_view package_flag = family == Family::uvx    ? "--from"
                                          : family == Family::pipx ? "--spec"
                                          : family == Family::npm  ? "--package"
                                                                   : "";
    const std::string_view package_short = family == Family::npm ? "-p" : "";
    bool named = false;  // a package flag named the program's package
    std::vector<LaunchedPackage> extras;

    for (std::size_t i = launcher->first_option; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            if (!named && family != Family::uv_run && i + 1 < args.size())
                add_package(out, *launcher, args[i + 1], i + 1, false);
            break;
        }
        const std::string flag = a.substr(0, a.find('='));
        const bool inline_value = a.find('=') != std::string::npos && a.starts_with("--");
        if (!package_flag.empty() && (flag == package_flag || flag == package_short) &&
            a.starts_with('-')) {
            // npx -p a -p b cmd: the first names the program, the others are added to it.
            const std::size_t index = inline_value ? i : i + 1;
            if (index < args.size()) {
                add_package(named ? extras : out, *launcher,
                            inline_value ? value_after_equals(a) : args[index], index, named);
                named = true;
            }
            i = index;
            continue;
        }
        if (flag == "--with" && (family == Family::uvx || family == Family::uv_run)) {
            // uv run --with a,b / --with a --with b
            const std::size_t index = inline_value ? i : i + 1;
            if (index < args.size()) {
                const std::string list = inline_value ? value_after_equals(a) : args[index];
                std::size_t pos = 0;
                while (pos <= list.size()) {
                    const auto comma = list.find(',', pos);
                    add_package(extras, *launcher,
                                list.substr(pos, comma == std::string::npos ? std::string::npos
                                                                            : comma - pos),
                                index, true);
                    if (comma == std::string::npos) break;
                    pos = comma + 1;
                }
            }
            i = index;
            continue;
        }
        if (a.starts_with('-') && a.size() > 1) {
            if (!inline_value && takes_value(family, launcher->name, a)) ++i;
            continue;
        }
        // The first positional argument: the package (or, after a package flag, the command;
        // for uv run, a local script or command).
        if (!named && family != Family::uv_run) add_package(out, *launcher, a, i, false);
        break;
    }
    for (LaunchedPackage& p : extras)
        out.push_back(std::move(p));
    return out;
}

std::optional<LaunchedPackage> launched_package(std::string_view command,
                                                const std::vector<std::string>& args) {
    for (LaunchedPackage& p : launched_packages(command, args)) {
        if (!p.extra) return std::move(p);
    }
    return std::nullopt;
}

}  // namespace confscope::plugin_common
