#include <cctype>
#include <string>
#include <vector>

#include <confscope/parse/toml_nesting.hpp>

namespace confscope::parse {

// Found in one linear pass before toml++ sees the text:
// toml++ builds dotted keys (`a.a.a… = 1`) and table headers (`[a.a.…]`) recursively, so 40,000
// levels in an 80 KB file would overflow the stack before any check of ours could run. Counted:
// the [table] header's key segments, each key's segments, and the inline tables and arrays open
// around a value. Dots inside strings, comments and values (1.5, dates) do not count.
std::optional<TomlPosition> toml_nesting_beyond(std::string_view text, std::size_t limit) {
    struct Container {
        bool table = false;     // an inline table: its entries are keys; else an array
        std::size_t depth = 0;  // the container's own depth
    };
    std::vector<Container> open;
    std::size_t header_depth = 0;  // the current [table]'s key segments
    std::size_t key_depth = 0;     // the segments of the key being read
    std::size_t value_depth = 0;   // the depth of the value after the last '='
    bool key_mode = true, in_header = false;
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    const auto excess = [&](std::size_t at) {
        return TomlPosition{line, static_cast<std::uint32_t>(at - line_start + 1)};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            line_start = i + 1;
            if (open.empty()) {
                key_mode = true;
                key_depth = 0;
                in_header = false;
            }
            continue;
        }
        if (c == '#') {  // a comment, to the end of the line
            while (i + 1 < text.size() && text[i + 1] != '\n')
                ++i;
            continue;
        }
        if (c == '"' || c == '\'') {  // a string (basic, literal, multi-line): skipped
            const std::size_t quote = text.substr(i, 3) == std::string(3, c) ? 3 : 1;
            std::size_t j = i + quote;
            while (j < text.size() && text.substr(j, quote) != text.substr(i, quote)) {
                if (c == '"' && text[j] == '\\') ++j;
                if (j < text.size() && text[j] == '\n') {
                    ++line;
                    line_start = j + 1;
                }
                ++j;
            }
            i = std::min(text.size(), j + quote) - 1;
            if (key_mode) key_depth = std::max<std::size_t>(key_depth, 1);
            continue;
        }
        if (key_mode) {
            if (c == '[' && open.empty() && key_depth == 0 && !in_header) {
                in_header = true;  // [table] or [[array of tables]]
            } else if (c == '[' && in_header) {
            } else if (c == ']' && in_header) {
                if (key_depth != 0) header_depth = key_depth;
                key_depth = 0;
            } else if (c == '.') {
                ++key_depth;
            } else if (c == '=' && !in_header) {
                value_depth = (open.empty() ? header_depth : open.back().depth) + key_depth;
                key_mode = false;
            } else if (c == '}' && !open.empty()) {
                open.pop_back();
                key_mode = false;
            } else if (!std::isspace(static_cast<unsigned char>(c))) {
                key_depth = std::max<std::size_t>(key_depth, 1);
            }
            const std::size_t base = in_header      ? 0
                                     : open.empty() ? header_depth
                                                    : open.back().depth;
            if (base + key_depth > limit) return excess(i);
            continue;
        }
        if (c == '[' || c == '{') {
            const std::size_t depth =
                open.empty() || open.back().table ? value_depth : open.back().depth + 1;
            if (depth > limit || open.size() >= limit) return excess(i);
            open.push_back({c == '{', depth});
            if (c == '{') {
                key_mode = true;
                key_depth = 0;
            }
        } else if ((c == ']' || c == '}') && !open.empty()) {
            open.pop_back();
        } else if (c == ',' && !open.empty() && open.back().table) {
            key_mode = true;
            key_depth = 0;
        }
    }
    return std::nullopt;
}

}  // namespace confscope::parse
