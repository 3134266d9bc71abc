#include <algorithm>

#include <re2/re2.h>

#include <confscope/plugin_common/package_pinning.hpp>
#include <confscope/plugin_common/text.hpp>

namespace confscope::plugin_common {

namespace {

bool full_match(std::string_view text, const RE2& re) {
    return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), re);
}

const RE2& exact_version() {
    static const RE2 re(R"(v?\d+\.\d+\.\d+([-+][0-9A-Za-z.\-+]+)?)");
    return re;
}

bool is_commit(std::string_view text) {
    static const RE2 re(R"([0-9a-fA-F]{40})");
    return full_match(text, re);
}

bool is_local_path(std::string_view spec) {
    return spec.starts_with('.') || spec.starts_with('/') || spec.starts_with('~') ||
           spec.starts_with("file:") ||
           (spec.size() > 2 && spec[1] == ':' && (spec[2] == '\\' || spec[2] == '/'));
}

// Flags that consume the next argument, per launcher.
bool takes_value(std::string_view launcher, std::string_view flag) {
    if (launcher == "uvx") {
        return flag == "--with" || flag == "--python" || flag == "-p" || flag == "--index" ||
               flag == "--index-url" || flag == "--extra-index-url" ||
               flag == "--with-requirements" || flag == "--constraint" || flag == "-c";
    }
    if (launcher == "pipx")
        return flag == "--python" || flag == "--pip-args" || flag == "--index-url";
    return flag == "--registry" || flag == "--cache" || flag == "--userconfig" || flag == "-c" ||
           flag == "--call";
}

}  // namespace

std::string package_name(std::string_view spec) {
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
    // git and tarball specs: pinned only by a full commit.
    if (const auto hash = spec.find('#'); hash != std::string_view::npos)
        return is_commit(spec.substr(hash + 1));
    const auto at = spec.find('@', spec.starts_with('@') ? 1 : 0);
    if (at == std::string_view::npos) return false;
    const std::string_view version = spec.substr(at + 1);
    return full_match(version, exact_version());
}

bool python_spec_is_pinned(std::string_view spec) {
    if (spec.starts_with("git+")) {
        const auto at = spec.rfind('@');
        return at != std::string_view::npos && is_commit(spec.substr(at + 1, 40));
    }
    std::string_view version;
    if (const auto eq = spec.find("=="); eq != std::string_view::npos) {
        version = spec.substr(eq + 2);
    } else if (const auto at = spec.find('@'); at != std::string_view::npos) {
        version = spec.substr(at + 1);
    } else {
        return false;
    }
    static const RE2 python_version(R"(\d+(\.\d+)*([a-zA-Z0-9.+!\-]*)?)");
    return full_match(version, python_version);
}

std::optional<LaunchedPackage> launched_package(std::string_view command,
                                                const std::vector<std::string>& args) {
    std::string launcher = command_name(command);
    std::size_t i = 0;
    // Look through Windows wrappers: cmd /c npx ..., and "npx" given as the first argument.
    if ((launcher == "cmd" || launcher == "powershell" || launcher == "pwsh") && i < args.size() &&
        (to_lower(args[i]) == "/c" || to_lower(args[i]) == "-c" ||
         to_lower(args[i]) == "-command")) {
        ++i;
        if (i >= args.size()) return std::nullopt;
        launcher = command_name(args[i]);
        ++i;
    }
    if (launcher == "pnpm" || launcher == "yarn" || launcher == "npm" || launcher == "bun") {
        if (i >= args.size()) return std::nullopt;
        const std::string sub = args[i];
        const bool runs_package = (launcher == "npm" && (sub == "exec" || sub == "x")) ||
                                  ((launcher == "pnpm" || launcher == "yarn") && sub == "dlx") ||
                                  (launcher == "bun" && sub == "x");
        if (!runs_package) return std::nullopt;
        ++i;
        launcher += " " + sub;
    } else if (launcher == "pipx") {
        if (i >= args.size() || args[i] != "run") return std::nullopt;
        ++i;
    } else if (launcher != "npx" && launcher != "bunx" && launcher != "uvx") {
        return std::nullopt;
    }
    const bool python = launcher == "uvx" || launcher == "pipx";

    // The flag that names the package explicitly (npx -p pkg cmd, uvx --from pkg cmd).
    const std::string_view package_flag = launcher == "uvx"    ? "--from"
                                          : launcher == "pipx" ? "--spec"
                                                               : "--package";
    const std::string_view package_short = launcher == "uvx" || launcher == "pipx" ? "" : "-p";
    std::optional<std::size_t> spec_index;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            if (i + 1 < args.size()) spec_index = i + 1;
            break;
        }
        if ((a == package_flag || (!package_short.empty() && a == package_short)) &&
            i + 1 < args.size()) {
            spec_index = i + 1;
            break;
        }
        if (a.starts_with(std::string(package_flag) + "=")) {
            spec_index = i;
            break;
        }
        if (a.starts_with('-')) {
            if (a.find('=') == std::string::npos && takes_value(launcher, a)) ++i;
            continue;
        }
        spec_index = i;
        break;
    }
    if (!spec_index || *spec_index >= args.size()) return std::nullopt;
    std::string spec = args[*spec_index];
    if (const auto eq = spec.find('='); spec.starts_with("--") && eq != std::string::npos)
        spec = spec.substr(eq + 1);
    if (spec.empty() || is_local_path(spec)) return std::nullopt;
    LaunchedPackage package{launcher, spec, false, *spec_index};
    package.pinned = python ? python_spec_is_pinned(spec) : npm_spec_is_pinned(spec);
    return package;
}

}  // namespace confscope::plugin_common
