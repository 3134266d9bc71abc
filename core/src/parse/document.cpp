#include <algorithm>
#include <cstring>

#include <confscope/parse/document.hpp>

namespace confscope::parse {

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";
}

std::string escape_pointer_token(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

namespace {

bool starts_code_point(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
    const std::size_t first = text.starts_with(kBom) ? kBom.size() : 0;
    line_starts_.push_back(first);
    for (const char* at = text.data();
         (at = static_cast<const char*>(std::memchr(
              at, '\n', static_cast<std::size_t>(text.data() + text.size() - at)))) != nullptr;
         ++at) {
        line_starts_.push_back(static_cast<std::size_t>(at - text.data()) + 1);
    }
    // Checkpoints only on long lines: short ones are counted from their start.
    for (std::size_t line = 0; line < line_starts_.size(); ++line) {
        const std::size_t start = line_starts_[line];
        const std::size_t end =
            line + 1 < line_starts_.size() ? line_starts_[line + 1] : text.size();
        if (end - start < kLongLine) continue;
        if (block_columns_.empty()) block_columns_.assign(text.size() / kBlock + 1, 0);
        std::uint32_t code_points = 0;
        for (std::size_t i = start; i < end; ++i) {
            if (i % kBlock == 0) block_columns_[i / kBlock] = code_points;
            if (starts_code_point(text[i])) ++code_points;
        }
    }
}

bool LineIndex::long_line(std::size_t start, std::size_t end) const {
    return !block_columns_.empty() && end - start >= kLongLine;
}

std::size_t LineIndex::line_start_of(std::size_t line) const {
    return line_starts_[line == 0 ? 0 : line - 1];
}

LineIndex::Position LineIndex::position(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
    const std::size_t start = line_start_of(line);
    // Count code points (bytes that are not UTF-8 continuation bytes) from the nearest
    // checkpoint on this line.
    std::size_t from = start;
    std::uint32_t column = 1;
    const std::size_t block = offset / kBlock;
    const std::size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
    if (long_line(start, end) && block < block_columns_.size() && block * kBlock >= start) {
        from = block * kBlock;
        column += block_columns_[block];
    }
    for (std::size_t i = from; i < offset; ++i) {
        if (starts_code_point(text_[i])) ++column;
    }
    return {static_cast<std::uint32_t>(std::max<std::size_t>(line, 1)), column};
}

std::size_t LineIndex::offset(std::uint32_t line, std::uint32_t column) const {
    if (line == 0 || line > line_starts_.size()) return text_.size();
    const std::size_t start = line_starts_[line - 1];
    std::size_t at = start;
    std::uint32_t c = 1;
    // The last checkpoint on this line at or before the column, found by binary search (the
    // checkpoints of one line count up).
    const std::size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
    std::size_t lo = long_line(start, end) ? (start + kBlock - 1) / kBlock : 0,
                hi = long_line(start, end) ? std::min(end / kBlock + 1, block_columns_.size()) : 0;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (mid * kBlock < end && block_columns_[mid] + 1 <= column) {
            at = mid * kBlock;
            c = block_columns_[mid] + 1;
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    // A checkpoint inside a multi-byte character: its column is that of the next code point.
    while (at > start && at < end && !starts_code_point(text_[at]))
        ++at;
    for (; c < column && at < text_.size() && text_[at] != '\n'; ++c) {
        ++at;  // past one code point: its lead byte and any continuation bytes
        while (at < text_.size() && !starts_code_point(text_[at]))
            ++at;
    }
    return at;
}

Document parse(sdk::Format format, std::string_view bytes) {
    Document doc;
    doc.format = format;
    const LineIndex index(bytes);
    const std::size_t base = bytes.starts_with(kBom) ? kBom.size() : 0;
    const std::string_view text = bytes.substr(base);
    switch (format) {
        case sdk::Format::json:
        case sdk::Format::jsonc:
            detail::parse_json(text, base, index, doc);
            break;
        case sdk::Format::yaml:
            detail::parse_yaml(text, base, index, doc);
            break;
        case sdk::Format::markdown:
            detail::parse_markdown(text, base, index, doc);
            break;
        case sdk::Format::text:
            break;
        case sdk::Format::toml:
            detail::parse_toml(text, base, index, doc);
            break;
        case sdk::Format::unknown:
            doc.error = ParseError{"unknown file format", 1, 1};
            break;
    }
    if (doc.error) doc.nodes.clear();
    return doc;
}

}  // namespace confscope::parse
