// YAML (the first document) into the document model, with yaml-cpp, and Markdown front matter.
//
// yaml-cpp gives each node a Mark (byte offset, 0-based line and column); positions are recomputed
// from the offset with the shared LineIndex so every format counts columns the same way. Scalars
// carry no type in yaml-cpp: plain scalars are typed by the YAML 1.2 core schema (null, bool,
// number), quoted ones are strings.
#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include <re2/re2.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <confscope/parse/document.hpp>

namespace confscope::parse::detail {

namespace {

constexpr std::size_t kMaxDepth = 512;  // as for JSON: pointers make depth cost memory

bool is_null_scalar(const std::string& s) {
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}
bool is_bool_scalar(const std::string& s) {
    return s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" ||
           s == "FALSE";
}
bool is_number_scalar(const std::string& s) {
    static const RE2 number(
        R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))");
    return RE2::FullMatch(s, number);
}

class Converter {
  public:
    Converter(std::string_view text, std::size_t base, const LineIndex& index, Document& doc)
        : text_(text),
          base_(base),
          index_(index),
          doc_(doc),
          // Without aliases a document has fewer nodes than bytes; aliases repeat a node where
          // they stand, and nine of them nested ten deep (500 bytes) would make 3.9e9 nodes.
          node_budget_(2 * text.size() + 1024) {}

    void convert(const YAML::Node& node, std::int32_t parent, std::string key, std::string pointer,
                 std::size_t key_offset, std::size_t depth) {
        if (depth > kMaxDepth)
            throw YAML::ParserException(node.Mark(), "nesting deeper than 512 levels");
        if (node_budget_ == 0) {
            throw YAML::ParserException(
                node.Mark(),
                "aliases expand to more nodes than the file could hold (an alias bomb)");
        }
        --node_budget_;
        const std::size_t value_offset = offset_of(node);
        Node out;
        out.parent = parent;
        out.key = std::move(key);
        out.pointer = std::move(pointer);
        out.value_offset = base_ + value_offset;
        const LineIndex::Position pos =
            index_.position(base_ + (parent >= 0 ? key_offset : value_offset));
        out.line = pos.line;
        out.column = pos.column;
        switch (node.Type()) {
            case YAML::NodeType::Map:
                out.kind = NodeKind::object;
                break;
            case YAML::NodeType::Sequence:
                out.kind = NodeKind::array;
                break;
            case YAML::NodeType::Scalar:
                classify_scalar(node, out, value_offset);
                break;
            case YAML::NodeType::Null:
            case YAML::NodeType::Undefined:
                out.kind = NodeKind::null;
                out.value = "null";
                break;
        }
        if (parent >= 0) ++doc_.nodes[static_cast<std::size_t>(parent)].child_count;
        doc_.nodes.push_back(std::move(out));
        const auto self = static_cast<std::int32_t>(doc_.nodes.size() - 1);
        const std::string base_pointer = doc_.nodes.back().pointer;

        if (node.IsMap()) {
            // YAML requires unique keys; yaml-cpp keeps both, the clients' parsers refuse the
            // file (js-yaml, the yaml package, PyYAML's safe loaders differ, so be strict).
            std::vector<std::string_view> seen;
            for (const auto& member : node) {
                const YAML::Node& k = member.first;
                std::string name = k.IsScalar() ? k.Scalar() : std::string("<complex key>");
                if (k.IsScalar()) {
                    for (const std::string_view earlier : seen) {
                        if (earlier == name)
                            throw YAML::ParserException(
                                k.Mark(),
                                "duplicate key '" + name.substr(0, 80) + "' in a mapping");
                    }
                    seen.push_back(k.Scalar());
                }
                std::string child_pointer = base_pointer + "/" + escape_pointer_token(name);
                convert(member.second, self, std::move(name), std::move(child_pointer),
                        offset_of(k), depth + 1);
            }
        } else if (node.IsSequence()) {
            std::size_t i = 0;
            for (const auto& element : node) {
                std::string index = std::to_string(i++);
                std::string child_pointer = base_pointer + "/" + index;
                convert(element, self, std::move(index), std::move(child_pointer),
                        offset_of(element), depth + 1);
            }
        }
    }

  private:
    [[nodiscard]] std::size_t offset_of(const YAML::Node& node) const {
        const YAML::Mark mark = node.Mark();
        return mark.pos >= 0 ? std::min(static_cast<std::size_t>(mark.pos), text_.size()) : 0;
    }

    void classify_scalar(const YAML::Node& node, Node& out, std::size_t offset) const {
        out.value = node.Scalar();
        const bool quoted = node.Tag() == "!";
        if (quoted) {
            out.kind = NodeKind::string;
        } else if (is_null_scalar(out.value)) {
            out.kind = NodeKind::null;
            out.value = "null";
        } else if (is_bool_scalar(out.value)) {
            out.kind = NodeKind::boolean;
            out.value = (out.value[0] == 't' || out.value[0] == 'T') ? "true" : "false";
        } else if (is_number_scalar(out.value)) {
            out.kind = NodeKind::number;
        } else {
            out.kind = NodeKind::string;
        }
        out.value_length = scalar_length(offset, quoted, node.Scalar());
        // yaml-cpp accepts a quoted scalar that is never closed, swallowing the rest of the
        // file into it; the clients refuse the file.
        if (quoted && offset < text_.size() && (text_[offset] == '"' || text_[offset] == '\'') &&
            (out.value_length < 2 || text_[offset + out.value_length - 1] != text_[offset]))
            throw YAML::ParserException(node.Mark(), "quoted string is never closed");
    }

    // Length of the scalar's text at `offset`: to the closing quote for quoted scalars, else to
    // the end of the line (without a trailing comment). Block scalars (| >) run to the next line
    // that is indented no deeper than their key; the line end is a safe, redaction-friendly bound
    // for everything else.
    [[nodiscard]] std::uint64_t scalar_length(std::size_t offset, bool quoted,
                                              std::string_view scalar) const {
        if (offset >= text_.size()) return 0;
        const char first = text_[offset];
        // A plain scalar written on one line is its own text: no search to the line's end, which
        // would cost quadratic time on a long one-line flow list ([a, b, c, …]).
        if (!quoted && !scalar.empty() && first != '|' && first != '>' &&
            scalar.find('\n') == std::string_view::npos &&
            text_.substr(offset, scalar.size()) == scalar)
            return scalar.size();
        if (quoted && (first == '"' || first == '\'')) {
            for (std::size_t i = offset + 1; i < text_.size(); ++i) {
                if (first == '"' && text_[i] == '\\') {
                    ++i;
                    continue;
                }
                if (text_[i] == first) {
                    if (first == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
                        ++i;
                        continue;
                    }
                    return i + 1 - offset;
                }
            }
            return text_.size() - offset;
        }
        if (first == '|' || first == '>') {
            std::size_t line_end = text_.find('\n', offset);
            std::size_t indent_of_key = 0;
            const std::size_t line_start = text_.rfind('\n', offset);
            for (std::size_t i = line_start == std::string_view::npos ? 0 : line_start + 1;
                 i < text_.size() && text_[i] == ' '; ++i) {
                ++indent_of_key;
            }
            while (line_end != std::string_view::npos && line_end + 1 < text_.size()) {
                std::size_t indent = 0, i = line_end + 1;
                while (i < text_.size() && text_[i] == ' ')
                    ++indent, ++i;
                if (i < text_.size() && text_[i] != '\n' && indent <= indent_of_key) break;
                line_end = text_.find('\n', line_end + 1);
            }
            return (line_end == std::string_view::npos ? text_.size() : line_end) - offset;
        }
        std::size_t end = text_.find('\n', offset);
        if (end == std::string_view::npos) end = text_.size();
        const std::size_t comment = text_.substr(offset, end - offset).find(" #");
        if (comment != std::string_view::npos) end = offset + comment;
        while (end > offset && (text_[end - 1] == ' ' || text_[end - 1] == '\r'))
            --end;
        return end - offset;
    }

    std::string_view text_;
    std::size_t base_;
    const LineIndex& index_;
    Document& doc_;
    std::size_t node_budget_;
};

}  // namespace

namespace {

// yaml-cpp 0.7 can loop for ever on some malformed text (a stray ',' at the top of a block
// document emits null nodes without consuming it: 81 bytes ran for half an hour, allocating
// without end). A first pass counts the parser's events and stops it when they outnumber what the
// text can hold — every real node costs at least one byte, so twice the size (and a margin) is
// never reached by a file that parses. The real load runs only after it.
class EventBudget : public YAML::EventHandler {
  public:
    explicit EventBudget(std::size_t text_size) : left_(2 * text_size + 1024) {}

    void OnDocumentStart(const YAML::Mark& mark) override { spend(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { spend(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { spend(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  const std::string&) override {
        spend(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        spend(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        spend(mark);
    }
    void OnMapEnd() override {}

  private:
    void spend(const YAML::Mark& mark) {
        if (left_-- == 0)
            throw YAML::ParserException(mark,
                                        "the YAML parser makes no progress here (more nodes "
                                        "than the file has bytes): fix the syntax");
    }
    std::size_t left_;
};

void check_parser_progress(const std::string& text) {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    EventBudget budget(text.size());
    while (parser.HandleNextDocument(budget)) {
    }
}

}  // namespace

void parse_yaml(std::string_view text, std::size_t base, const LineIndex& index, Document& doc) {
    try {
        const std::string copy(text);
        check_parser_progress(copy);
        // Every document of the stream must parse (a broken second document is a broken file),
        // but the clients read the first.
        const std::vector<YAML::Node> documents = YAML::LoadAll(copy);
        if (documents.empty()) return;
        const YAML::Node& root = documents.front();
        if (!root.IsDefined() || root.IsNull()) return;  // an empty file is an empty document
        Converter(text, base, index, doc).convert(root, -1, "", "", 0, 0);
    } catch (const YAML::Exception& e) {
        const std::size_t offset = e.mark.pos >= 0 ? static_cast<std::size_t>(e.mark.pos) : 0;
        const LineIndex::Position pos = index.position(base + offset);
        doc.error = ParseError{e.msg.empty() ? "invalid YAML" : e.msg, pos.line, pos.column};
        doc.nodes.clear();
    }
}

namespace {

std::string_view trimmed_view(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

bool front_matter_key(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
}

// One top-level entry of lenient front matter: a key and what follows it.
struct LenientEntry {
    std::string key;
    std::size_t key_offset = 0;    // in the YAML text
    std::size_t value_offset = 0;  // first byte of the value (after "key:" and spaces)
    std::size_t value_end = 0;     // one past its last byte (continuation lines included)
    std::vector<std::pair<std::size_t, std::size_t>> items;  // "- item" lines: offset, length
};

// The lenient reading of front matter: every line at the margin is "key: value" (or "key:"),
// indented lines continue the value before them, "- item" lines under an empty value make a
// list. What it cannot read (a line at the margin that is no key) fails, as it fails the client.
bool parse_lenient_front_matter(std::string_view text, std::size_t base, const LineIndex& index,
                                Document& doc) {
    std::vector<LenientEntry> entries;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        const std::string_view content = trimmed_view(line);
        const bool indented = !line.empty() && (line.front() == ' ' || line.front() == '\t');
        if (content.empty() || content.front() == '#') {
            // blank lines and comments
        } else if (indented || content.starts_with("- ")) {
            if (entries.empty()) return false;
            LenientEntry& last = entries.back();
            const std::size_t at = pos + static_cast<std::size_t>(content.data() - line.data());
            if (content.starts_with("- ") && last.value_offset == last.value_end) {
                const std::string_view item = trimmed_view(content.substr(2));
                last.items.emplace_back(static_cast<std::size_t>(item.data() - text.data()),
                                        item.size());
            } else if (last.items.empty()) {
                if (last.value_offset == last.value_end) last.value_offset = at;
                last.value_end = at + content.size();
            } else {
                return false;  // text after a list that is neither an item nor a key
            }
        } else {
            const auto colon = content.find(':');
            if (colon == std::string_view::npos || !front_matter_key(content.substr(0, colon)))
                return false;
            LenientEntry e;
            e.key = std::string(content.substr(0, colon));
            e.key_offset = pos + static_cast<std::size_t>(content.data() - line.data());
            const std::string_view value = trimmed_view(content.substr(colon + 1));
            e.value_offset = value.empty() ? e.key_offset + colon + 1
                                           : static_cast<std::size_t>(value.data() - text.data());
            e.value_end = e.value_offset + value.size();
            entries.push_back(std::move(e));
        }
        pos = end + 1;
    }

    Node root;
    root.kind = NodeKind::object;
    const LineIndex::Position start = index.position(base);
    root.line = start.line;
    root.column = start.column;
    root.value_offset = base;
    doc.nodes.push_back(std::move(root));
    std::vector<std::string> seen;
    for (const LenientEntry& e : entries) {
        if (std::find(seen.begin(), seen.end(), e.key) != seen.end()) continue;  // first wins
        seen.push_back(e.key);
        const LineIndex::Position at = index.position(base + e.key_offset);
        Node node;
        node.parent = 0;
        node.key = e.key;
        node.pointer = "/" + escape_pointer_token(e.key);
        node.line = at.line;
        node.column = at.column;
        node.value_offset = base + e.value_offset;
        ++doc.nodes.front().child_count;
        std::string_view value = text.substr(e.value_offset, e.value_end - e.value_offset);
        if (!e.items.empty()) {
            node.kind = NodeKind::array;
            const auto self = static_cast<std::int32_t>(doc.nodes.size());
            const std::string pointer = node.pointer;
            doc.nodes.push_back(std::move(node));
            for (std::size_t i = 0; i < e.items.size(); ++i) {
                const auto [offset, length] = e.items[i];
                Node item;
                item.kind = NodeKind::string;
                item.parent = self;
                item.key = std::to_string(i);
                item.pointer = pointer + "/" + item.key;
                item.value = std::string(text.substr(offset, length));
                const LineIndex::Position p = index.position(base + offset);
                item.line = p.line;
                item.column = p.column;
                item.value_offset = base + offset;
                item.value_length = length;
                ++doc.nodes[static_cast<std::size_t>(self)].child_count;
                doc.nodes.push_back(std::move(item));
            }
            continue;
        }
        node.kind = NodeKind::string;
        node.value_length = value.size();
        // A whole value in matching quotes loses them; continuation lines join with a space.
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front())
            value = value.substr(1, value.size() - 2);
        std::string joined;
        for (const char c : value) {
            if (c == '\n' || c == '\r') {
                if (!joined.empty() && joined.back() != ' ') joined.push_back(' ');
                continue;
            }
            if (c == ' ' && !joined.empty() && joined.back() == ' ') continue;
            joined.push_back(c);
        }
        node.value = std::move(joined);
        doc.nodes.push_back(std::move(node));
    }
    return true;
}

}  // namespace

void parse_markdown(std::string_view text, std::size_t base, const LineIndex& index,
                    Document& doc) {
    // Front matter: a first line of exactly "---", YAML, then a line of "---" or "...".
    auto line_is = [](std::string_view line, std::string_view marker) {
        while (!line.empty() &&
               (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
            line.remove_suffix(1);
        }
        return line == marker;
    };
    const std::size_t first_end = text.find('\n');
    if (first_end == std::string_view::npos || !line_is(text.substr(0, first_end), "---")) {
        doc.body_offset = base;
        return;
    }
    std::size_t pos = first_end + 1;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        if (line_is(line, "---") || line_is(line, "...")) {
            const std::string_view yaml = text.substr(first_end + 1, pos - first_end - 1);
            parse_yaml(yaml, base + first_end + 1, index, doc);
            if (doc.error) {
                // Claude Code reads front matter leniently: a one-line value may hold ": " or
                // "[a] [b]" (argument-hint), which strict YAML refuses. Only what the lenient
                // reading also fails on is an error the client sees.
                Document lenient;
                lenient.format = doc.format;
                if (parse_lenient_front_matter(yaml, base + first_end + 1, index, lenient)) {
                    doc.nodes = std::move(lenient.nodes);
                    doc.error.reset();
                }
            }
            doc.body_offset = base + std::min(end + 1, text.size());
            return;
        }
        if (end == text.size()) break;
        pos = end + 1;
    }
    const LineIndex::Position where = index.position(base);
    doc.error =
        ParseError{"front matter opened with '---' is never closed", where.line, where.column};
}

}  // namespace confscope::parse::detail
