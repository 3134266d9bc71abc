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

}  // namespace confscope::discovery
