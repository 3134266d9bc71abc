#include <vector>

#include <confscope/discovery/glob.hpp>

namespace confscope::discovery {

bool has_glob(std::string_view segment) {
    return segment.find_first_of("*?[") != std::string_view::npos;
}

namespace {

// Matches one bracket expression at pattern[p] ('[') against c; sets `next` past the ']'.
bool match_set(std::string_view pattern, std::size_t p, char c, std::size_t& next) {
    std::size_t i = p + 1;
    bool negate = false;
    if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
        negate = true;
        ++i;
    }
    bool matched = false;
    bool first = true;
    for (; i < pattern.size() && (first || pattern[i] != ']'); ++i, first = false) {
        if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
            if (pattern[i] <= c && c <= pattern[i + 2]) matched = true;
            i += 2;
        } else if (pattern[i] == c) {
            matched = true;
        }
    }
    if (i >= pattern.size()) {  // unterminated: treat '[' literally
        next = p + 1;
        return c == '[';
    }
    next = i + 1;
    return matched != negate;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view name) {
    // Iterative wildcard matching with one backtrack point for the last '*': linear for the
    // patterns targets use, and never exponential.
    std::size_t p = 0, n = 0;
    std::size_t star_p = std::string_view::npos, star_n = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star_p = p++;
            star_n = n;
            continue;
        }
        if (p < pattern.size()) {
            if (pattern[p] == '?') {
                ++p;
                ++n;
                continue;
            }
            if (pattern[p] == '[') {
                std::size_t next = 0;
                if (match_set(pattern, p, name[n], next)) {
                    p = next;
                    ++n;
                    continue;
                }
            } else if (pattern[p] == name[n]) {
                ++p;
                ++n;
                continue;
            }
        }
        if (star_p == std::string_view::npos) return false;
        p = star_p + 1;
        n = ++star_n;
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

namespace {

std::vector<std::string_view> segments_of(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos <= path.size()) {
        const std::size_t slash = path.find('/', pos);
        const std::string_view seg = path.substr(
            pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
        if (!seg.empty()) out.push_back(seg);
        if (slash == std::string_view::npos) break;
        pos = slash + 1;
    }
    return out;
}

bool match_segments(const std::vector<std::string_view>& pattern, std::size_t p,
                    const std::vector<std::string_view>& path, std::size_t n) {
    while (p < pattern.size()) {
        if (pattern[p] == "**") {
            for (std::size_t skip = n; skip <= path.size(); ++skip) {
                if (match_segments(pattern, p + 1, path, skip)) return true;
            }
            return false;
        }
        if (n >= path.size() || !glob_match(pattern[p], path[n])) return false;
        ++p;
        ++n;
    }
    return n == path.size();
}

}  // namespace

bool path_glob_match(std::string_view pattern, std::string_view path) {
    return match_segments(segments_of(pattern), 0, segments_of(path), 0);
}

}  // namespace confscope::discovery
