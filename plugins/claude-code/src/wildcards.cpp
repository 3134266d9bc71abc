#include "wildcards.hpp"

#include <string>
#include <vector>

namespace claude_code {

namespace {

// Classic two-pointer matcher with backtracking to the last '*'; `star_crosses_slash` false keeps
// '*' and '?' inside one path segment.
bool match(std::string_view pattern, std::string_view text, bool star_crosses_slash) {
    std::size_t p = 0, t = 0;
    std::size_t star = std::string_view::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() &&
                   (pattern[p] == text[t] ||
                    (pattern[p] == '?' && (star_crosses_slash || text[t] != '/')))) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos && (star_crosses_slash || text[resume] != '/')) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos <= path.size()) {
        const auto slash = path.find('/', pos);
        const std::string_view part = path.substr(
            pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
        if (!part.empty()) out.push_back(part);
        if (slash == std::string_view::npos) break;
        pos = slash + 1;
    }
    return out;
}

bool match_segments(const std::vector<std::string_view>& pattern, std::size_t p,
                    const std::vector<std::string_view>& path, std::size_t t) {
    if (p == pattern.size()) return t == path.size();
    if (pattern[p] == "**") {
        for (std::size_t skip = t; skip <= path.size(); ++skip) {
            if (match_segments(pattern, p + 1, path, skip)) return true;
        }
        return false;
    }
    if (t == path.size() || !match(pattern[p], path[t], false)) return false;
    return match_segments(pattern, p + 1, path, t + 1);
}

}  // namespace

bool wildcard_match(std::string_view pattern, std::string_view text) {
    return match(pattern, text, true);
}

bool path_glob_match(std::string_view pattern, std::string_view path) {
    if (pattern.starts_with('/') != path.starts_with('/')) return false;
    return match_segments(segments(pattern), 0, segments(path), 0);
}

}  // namespace claude_code
