#include "text_positions.hpp"

#include <algorithm>

namespace claude_code {

sdk::Location location_at(const sdk::File& file, std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    sdk::Location at = sdk::Location::of(file);
    const std::string_view before = text.substr(0, offset);
    at.line = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
    const auto line_start = before.rfind('\n');
    const std::string_view line =
        before.substr(line_start == std::string_view::npos ? 0 : line_start + 1);
    // Code points: every byte that is not a UTF-8 continuation byte.
    at.column = static_cast<std::uint32_t>(
        std::count_if(line.begin(), line.end(),
                      [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) +
        1);
    return at;
}

std::vector<ByteRange> fenced_blocks(std::string_view text, std::size_t from) {
    std::vector<ByteRange> blocks;
    std::size_t open_at = std::string_view::npos;
    std::string_view fence;  // "```" or "~~~~" ...
    std::size_t pos = from;
    while (pos < text.size()) {
        const auto end = text.find('\n', pos);
        const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        std::string_view line = text.substr(pos, next - pos);
        std::size_t indent = 0;
        while (indent < line.size() && indent < 3 && line[indent] == ' ')
            ++indent;
        line.remove_prefix(indent);
        const char c = line.empty() ? '\0' : line.front();
        std::size_t run = 0;
        while (run < line.size() && line[run] == c && (c == '`' || c == '~'))
            ++run;
        if (open_at == std::string_view::npos) {
            if (run >= 3) {
                open_at = pos;
                fence = line.substr(0, run);
            }
        } else if (run >= fence.size() && c == fence.front()) {
            blocks.emplace_back(open_at, next);
            open_at = std::string_view::npos;
        }
        pos = next;
    }
    if (open_at != std::string_view::npos) blocks.emplace_back(open_at, text.size());
    return blocks;
}

bool in_ranges(const std::vector<ByteRange>& ranges, std::size_t offset) {
    return std::any_of(ranges.begin(), ranges.end(),
                       [&](const ByteRange& r) { return offset >= r.first && offset < r.second; });
}

}  // namespace claude_code
