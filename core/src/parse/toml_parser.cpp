// TOML into the document model, with toml++ (Codex's config.toml, custom rule files).
//
// toml++ keeps tables as sorted maps and gives each node and key a source position (1-based line
// and column); children are put back in file order by that position, and byte spans are found
// from it in the raw text (for redaction).
#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>
#include <toml++/toml.h>
#include <vector>

#include <confscope/parse/document.hpp>
#include <confscope/parse/toml_nesting.hpp>

namespace confscope::parse::detail {

namespace {

constexpr std::size_t kMaxDepth = 512;

struct Pos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool operator<(const Pos& o) const {
        return line != o.line ? line < o.line : column < o.column;
    }
};

Pos position_of(const toml::source_region& source) {
    return {static_cast<std::uint32_t>(source.begin.line),
            static_cast<std::uint32_t>(source.begin.column)};
}

// The earliest position inside a node (implicit tables such as "a" in [a.b] have none of their
// own).
Pos first_position(const toml::node& node) {
    Pos own = position_of(node.source());
    if (own.line != 0) return own;
    Pos best{~0u, ~0u};
    if (const toml::table* t = node.as_table()) {
        for (const auto& [key, child] : *t) {
            const Pos p = first_position(child);
            if (p.line != 0 && p < best) best = p;
        }
    } else if (const toml::array* a = node.as_array()) {
        for (const toml::node& child : *a) {
            const Pos p = first_position(child);
            if (p.line != 0 && p < best) best = p;
        }
    }
    return best.line == ~0u ? Pos{} : best;
}

class Converter {
  public:
    Converter(std::string_view text, std::size_t base, const LineIndex& index, Document& doc)
        : text_(text), base_(base), index_(index), doc_(doc) {}

    void convert(const toml::node& node, std::int32_t parent, std::string key, std::string pointer,
                 Pos key_pos, std::size_t depth) {
        if (depth > kMaxDepth) throw std::runtime_error("nesting deeper than 512 levels");
        Node out;
        out.parent = parent;
        out.key = std::move(key);
        out.pointer = std::move(pointer);
        const Pos value_pos = first_position(node);
        const Pos at = parent >= 0 && key_pos.line != 0 ? key_pos : value_pos;
        const std::size_t value_offset =
            value_pos.line != 0 ? index_.offset(value_pos.line, value_pos.column) : 0;
        const LineIndex::Position shown =
            index_.position(at.line != 0 ? index_.offset(at.line, at.column) : 0);
        out.line = shown.line;
        out.column = shown.column;
        out.value_offset = value_offset;
        classify(node, out, value_offset);
        if (parent >= 0) ++doc_.nodes[static_cast<std::size_t>(parent)].child_count;
        doc_.nodes.push_back(std::move(out));
        const auto self = static_cast<std::int32_t>(doc_.nodes.size() - 1);
        const std::string base_pointer = doc_.nodes.back().pointer;

        if (const toml::table* table = node.as_table()) {
            struct Member {
                Pos pos;
                std::string key;
                Pos key_pos;
                const toml::node* value;
            };
            std::vector<Member> members;
            for (const auto& [k, v] : *table) {
                const Pos kp = position_of(k.source());
                members.push_back(
                    {kp.line != 0 ? kp : first_position(v), std::string(k.str()), kp, &v});
            }
            std::stable_sort(members.begin(), members.end(),
                             [](const Member& a, const Member& b) { return a.pos < b.pos; });
            for (Member& m : members) {
                std::string child_pointer = base_pointer + "/" + escape_pointer_token(m.key);
                convert(*m.value, self, std::move(m.key), std::move(child_pointer), m.key_pos,
                        depth + 1);
            }
        } else if (const toml::array* array = node.as_array()) {
            std::size_t i = 0;
            for (const toml::node& element : *array) {
                std::string index = std::to_string(i++);
                std::string child_pointer = base_pointer + "/" + index;
                convert(element, self, std::move(index), std::move(child_pointer), {}, depth + 1);
            }
        }
    }

  private:
    void classify(const toml::node& node, Node& out, std::size_t offset) const {
        switch (node.type()) {
            case toml::node_type::table:
                out.kind = NodeKind::object;
                return;
            case toml::node_type::array:
                out.kind = NodeKind::array;
                return;
            case toml::node_type::string:
                out.kind = NodeKind::string;
                out.value = std::string(*node.value<std::string_view>());
                out.value_length = string_length(offset);
                return;
            case toml::node_type::integer:
                out.kind = NodeKind::number;
                out.value = std::to_string(*node.value<std::int64_t>());
                break;
            case toml::node_type::floating_point: {
                out.kind = NodeKind::number;
                std::ostringstream text;
                text << *node.value<double>();
                out.value = text.str();
                break;
            }
            case toml::node_type::boolean:
                out.kind = NodeKind::boolean;
                out.value = *node.value<bool>() ? "true" : "false";
                break;
            default:  // dates and times: kept as their TOML text
                out.kind = NodeKind::string;
                out.value =
                    std::string(text_.substr(std::min(offset, text_.size()), token_length(offset)));
                break;
        }
        out.value_length = token_length(offset);
    }

    // A string literal's length: basic "…", literal '…', and the multi-line """…""" and '''…'''.
    [[nodiscard]] std::uint64_t string_length(std::size_t offset) const {
        if (offset >= text_.size()) return 0;
        const char quote = text_[offset];
        if (quote != '"' && quote != '\'') return token_length(offset);
        const bool triple = text_.substr(offset, 3) == std::string(3, quote);
        std::size_t i = offset + (triple ? 3 : 1);
        while (i < text_.size()) {
            if (quote == '"' && text_[i] == '\\') {
                i += 2;
                continue;
            }
            if (triple ? text_.substr(i, 3) == std::string(3, quote) : text_[i] == quote) {
                return i + (triple ? 3 : 1) - offset;
            }
            if (!triple && text_[i] == '\n') break;
            ++i;
        }
        return i - offset;
    }

    [[nodiscard]] std::uint64_t token_length(std::size_t offset) const {
        std::size_t i = offset;
        while (i < text_.size() && text_[i] != ',' && text_[i] != ']' && text_[i] != '}' &&
               text_[i] != '\n' && text_[i] != '#' && text_[i] != '\r')
            ++i;
        while (i > offset && (text_[i - 1] == ' ' || text_[i - 1] == '\t'))
            --i;
        return i - offset;
    }

    std::string_view text_;
    [[maybe_unused]] std::size_t base_;
    const LineIndex& index_;
    Document& doc_;
};

}  // namespace

void parse_toml(std::string_view text, std::size_t base, const LineIndex& index, Document& doc) {
    // The whole file is parsed (base is 0 or a BOM), so offsets from positions are file offsets.
    const std::string_view file = std::string_view(text.data() - base, text.size() + base);
    if (std::optional<ParseError> deep = toml_nesting_error(text)) {
        doc.error = std::move(*deep);
        return;
    }
    try {
        const toml::table root = toml::parse(text);
        Converter(file, base, index, doc).convert(root, -1, "", "", {}, 0);
        if (!doc.nodes.empty()) {  // the root is the whole file
            doc.nodes.front().line = 1;
            doc.nodes.front().column = 1;
        }
    } catch (const toml::parse_error& e) {
        const toml::source_position at = e.source().begin;
        doc.error = ParseError{std::string(e.description()), static_cast<std::uint32_t>(at.line),
                               static_cast<std::uint32_t>(at.column)};
        doc.nodes.clear();
    } catch (const std::exception& e) {
        doc.error = ParseError{e.what(), 1, 1};
        doc.nodes.clear();
    }
}

}  // namespace confscope::parse::detail

namespace confscope::parse {

std::optional<ParseError> toml_nesting_error(std::string_view text) {
    const std::optional<TomlPosition> deep = toml_nesting_beyond(text, 512);
    if (!deep) return std::nullopt;
    return ParseError{"keys or values nest deeper than 512 levels: flatten the file", deep->line,
                      deep->column};
}

}  // namespace confscope::parse
