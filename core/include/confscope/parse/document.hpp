// confscope/parse/document.hpp — the host's owning form of the document model that crosses the
// ABI (confscope_document_v1), and parse(), which turns bytes of any supported format into it.
//
// One model for every format: an ordered list of nodes (pre-order, parent before children), each a
// JSON pointer, a kind, the scalar's text, its line and column, and the byte span of its value. A
// plugin selects by pointer; custom rules select with the same pointers; every finding gets a
// precise position.
//
// Tolerated: a UTF-8 BOM, comments and trailing commas in JSON. A file that does not parse yields a
// Document with `error` set (message, line, column) and no nodes; the scan reports CFG-001.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <confscope/sdk/types.hpp>

namespace confscope::parse {

enum class NodeKind : std::int32_t {
    object = CONFSCOPE_NODE_OBJECT,
    array = CONFSCOPE_NODE_ARRAY,
    string = CONFSCOPE_NODE_STRING,
    number = CONFSCOPE_NODE_NUMBER,
    boolean = CONFSCOPE_NODE_BOOL,
    null = CONFSCOPE_NODE_NULL,
};

struct Node {
    NodeKind kind = NodeKind::null;
    std::string pointer;  ///< RFC 6901
    std::string key;      ///< unescaped last token ("" for the root)
    std::string value;    ///< scalar text ("" for containers)
    std::int32_t parent = -1;
    std::uint32_t child_count = 0;
    std::uint32_t line = 0;          ///< 1-based; of the key for object members
    std::uint32_t column = 0;        ///< 1-based, in code points
    std::uint64_t value_offset = 0;  ///< byte span of the value's text (quotes included)
    std::uint64_t value_length = 0;
    std::uint32_t flags = 0;  ///< CONFSCOPE_NODE_FLAG_*, set by the secret detector
};

struct ParseError {
    std::string message;  ///< one line, no position
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct Document {
    sdk::Format format = sdk::Format::unknown;
    std::vector<Node> nodes;
    std::optional<ParseError> error;
    std::size_t body_offset = 0;  ///< Markdown: first byte after the front matter
};

/// Parses `bytes` as `format`. Never throws for bad input; see Document::error.
Document parse(sdk::Format format, std::string_view bytes);

/// Where TOML text nests keys, tables or values deeper than 512 levels, found in one linear pass
/// (toml++ recurses that deep and would overflow the stack); nullopt when it does not. Every
/// caller of toml::parse runs it first.
std::optional<ParseError> toml_nesting_error(std::string_view text);

/// RFC 6901 escaping of one token ("a/b" -> "a~1b").
std::string escape_pointer_token(std::string_view token);

/// Maps byte offsets to 1-based line and column (columns count Unicode code points; a BOM on the
/// first line is not counted).
class LineIndex {
  public:
    explicit LineIndex(std::string_view text);
    struct Position {
        std::uint32_t line;
        std::uint32_t column;
    };
    [[nodiscard]] Position position(std::size_t offset) const;
    /// The byte offset of a 1-based line and code-point column (clamped to the text).
    [[nodiscard]] std::size_t offset(std::uint32_t line, std::uint32_t column) const;

  private:
    // Every kBlock bytes, the code points from that offset's line start up to it: a position or
    // an offset on a long line is counted from the nearest checkpoint, not from the line's start
    // (a 1.6 MB one-line JSON file would otherwise cost quadratic time).
    static constexpr std::size_t kBlock = 256;
    static constexpr std::size_t kLongLine = 4096;  // shorter lines get no checkpoints
    [[nodiscard]] std::size_t line_start_of(std::size_t line) const;
    [[nodiscard]] bool long_line(std::size_t start, std::size_t end) const;
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
    std::vector<std::uint32_t> block_columns_;
};

namespace detail {
// Each format's parser appends to `doc`; `base` is the offset of `text` within the file.
void parse_json(std::string_view text, std::size_t base, const LineIndex& index, Document& doc);
void parse_yaml(std::string_view text, std::size_t base, const LineIndex& index, Document& doc);
void parse_markdown(std::string_view text, std::size_t base, const LineIndex& index, Document& doc);
void parse_toml(std::string_view text, std::size_t base, const LineIndex& index, Document& doc);
}  // namespace detail

}  // namespace confscope::parse
