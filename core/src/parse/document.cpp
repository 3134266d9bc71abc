#include <algorithm>

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

LineIndex::LineIndex(std::string_view text) : text_(text) {
    line_starts_.push_back(text.starts_with(kBom) ? kBom.size() : 0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
}

LineIndex::Position LineIndex::position(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
    const std::size_t start = line_starts_[line == 0 ? 0 : line - 1];
    std::uint32_t column = 1;
    for (std::size_t i = start; i < offset; ++i) {
        // Count code points: every byte that is not a UTF-8 continuation byte.
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    return {static_cast<std::uint32_t>(std::max<std::size_t>(line, 1)), column};
}

std::size_t LineIndex::offset(std::uint32_t line, std::uint32_t column) const {
    if (line == 0 || line > line_starts_.size()) return text_.size();
    std::size_t at = line_starts_[line - 1];
    for (std::uint32_t c = 1; c < column && at < text_.size() && text_[at] != '\n'; ++c) {
        ++at;  // past one code point: its lead byte and any continuation bytes
        while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80)
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
