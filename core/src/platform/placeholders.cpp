#include <algorithm>

#include <confscope/platform/placeholders.hpp>

namespace confscope::platform {

namespace detail {

std::string join(std::string_view base, std::string_view tail) {
    std::string out(base);
    while (out.size() > 1 && out.back() == '/')
        out.pop_back();
    while (!tail.empty() && tail.front() == '/')
        tail.remove_prefix(1);
    if (tail.empty()) return out;
    if (out.empty() || out.back() != '/') out.push_back('/');
    out.append(tail);
    return out;
}

std::string env_path_or(const Environment& env, const std::string& name, std::string fallback) {
    const auto it = env.find(name);
    if (it == env.end() || it->second.empty()) return fallback;
    std::string value = it->second;
    std::replace(value.begin(), value.end(), '\\', '/');
    // Only absolute values relocate: a relative one would depend on the scanner's cwd.
    const bool absolute = value.front() == '/' || (value.size() > 2 && value[1] == ':');
    if (!absolute) return fallback;
    while (value.size() > 1 && value.back() == '/')
        value.pop_back();
    return value;
}

}  // namespace detail

Placeholders Placeholders::resolve(Os os, const ScanRoots& roots, const Environment& env) {
    Placeholders result;
    switch (os) {
        case Os::linux:
            result.values_ = detail::linux_placeholders(roots, env);
            break;
        case Os::macos:
            result.values_ = detail::macos_placeholders(roots, env);
            break;
        case Os::windows:
            result.values_ = detail::windows_placeholders(roots, env);
            break;
    }
    result.values_["HOME"] = roots.home;
    result.values_["SYSTEM_ROOT"] = roots.system_root;
    return result;
}

std::optional<std::string> Placeholders::get(std::string_view name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Placeholders::expand(std::string_view text,
                                                std::string* unknown_name) const {
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find('{', pos);
        if (open == std::string_view::npos) {
            out.append(text.substr(pos));
            break;
        }
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) {
            out.append(text.substr(pos));
            break;
        }
        out.append(text.substr(pos, open - pos));
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const auto value = get(name);
        if (!value) {
            if (unknown_name) *unknown_name = std::string(name);
            return std::nullopt;
        }
        // A placeholder value ends without '/', and the template supplies the separator.
        out.append(*value == "/" && close + 1 < text.size() && text[close + 1] == '/' ? ""
                                                                                      : *value);
        pos = close + 1;
    }
    return out;
}

}  // namespace confscope::platform
