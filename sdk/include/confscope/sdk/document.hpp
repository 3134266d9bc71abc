// confscope/sdk/document.hpp — a convenient tree view over the document model the host hands to
// analyze() (confscope_document_v1), so a plugin selects values by JSON pointer and never links a
// parser.
//
// Lifetime: a Document borrows the host's confscope_document_v1, and a Node borrows its Document.
// Both are valid only during the analyze() call that received the document. Copy strings you keep.
//
// Example:
//     sdk::Document doc(*raw);
//     for (sdk::Node env : doc.select("/mcpServers/*/env/*")) {
//         if (env.is_secret()) sink.finding("SEC-001", sdk::Severity::high, "...", env);
//     }
//     if (doc.find("/permissions/defaultMode").string_or("") == "bypassPermissions") { ... }
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <confscope/plugin_api.h>
#include <confscope/sdk/types.hpp>

namespace confscope::sdk {

class Document;

enum class NodeKind : std::int32_t {
    none = 0,  ///< an absent node (a failed lookup)
    object = CONFSCOPE_NODE_OBJECT,
    array = CONFSCOPE_NODE_ARRAY,
    string = CONFSCOPE_NODE_STRING,
    number = CONFSCOPE_NODE_NUMBER,
    boolean = CONFSCOPE_NODE_BOOL,
    null = CONFSCOPE_NODE_NULL,
};

/// A value in the document, or an absent one (lookups never fail; they return an absent Node,
/// whose kind is none and whose accessors return empty values). Cheap to copy.
class Node {
  public:
    Node() = default;

    [[nodiscard]] bool exists() const { return raw_ != nullptr; }
    explicit operator bool() const { return exists(); }

    [[nodiscard]] NodeKind kind() const {
        return raw_ ? static_cast<NodeKind>(raw_->kind) : NodeKind::none;
    }
    [[nodiscard]] bool is_object() const { return kind() == NodeKind::object; }
    [[nodiscard]] bool is_array() const { return kind() == NodeKind::array; }
    [[nodiscard]] bool is_string() const { return kind() == NodeKind::string; }
    [[nodiscard]] bool is_scalar() const { return exists() && !is_object() && !is_array(); }

    /// RFC 6901 pointer from the document root ("" for the root).
    [[nodiscard]] std::string_view pointer() const { return raw_ ? raw_->pointer : ""; }
    /// Member name or array index of this node ("" for the root).
    [[nodiscard]] std::string_view key() const { return raw_ ? raw_->key : ""; }
    /// Scalar text: the decoded string, the number literal, "true"/"false", "null"; "" otherwise.
    [[nodiscard]] std::string_view value() const {
        return raw_ ? std::string_view(raw_->value, raw_->value_size) : std::string_view();
    }
    /// The string's value, or `fallback` when this is not a string.
    [[nodiscard]] std::string_view string_or(std::string_view fallback) const {
        return is_string() ? value() : fallback;
    }
    /// True for the boolean `true` only.
    [[nodiscard]] bool is_true() const { return kind() == NodeKind::boolean && value() == "true"; }

    [[nodiscard]] std::uint32_t line() const { return raw_ ? raw_->line : 0; }
    [[nodiscard]] std::uint32_t column() const { return raw_ ? raw_->column : 0; }
    [[nodiscard]] std::uint32_t flags() const { return raw_ ? raw_->flags : 0; }

    /// The host's secret detector recognised a literal secret (token shape, or a secret-named key
    /// with a long high-entropy value).
    [[nodiscard]] bool is_secret() const {
        return (flags() &
                (CONFSCOPE_NODE_FLAG_SECRET_TOKEN | CONFSCOPE_NODE_FLAG_SECRET_ENTROPY)) != 0;
    }
    /// The value matches a known token shape (sk-ant-, ghp_, AKIA..., PEM, JWT, ...).
    [[nodiscard]] bool is_secret_token() const {
        return (flags() & CONFSCOPE_NODE_FLAG_SECRET_TOKEN) != 0;
    }
    /// The value is an obvious placeholder ("<your-key>", "xxxxxxxx", "changeme"), not a secret.
    [[nodiscard]] bool is_placeholder() const {
        return (flags() & CONFSCOPE_NODE_FLAG_PLACEHOLDER) != 0;
    }
    /// The value is a reference such as ${VAR} or env:NAME, not a literal.
    [[nodiscard]] bool is_reference() const {
        return (flags() & CONFSCOPE_NODE_FLAG_REFERENCE) != 0;
    }

    /// Number of direct children (object members or array elements).
    [[nodiscard]] std::size_t size() const;
    /// Direct children in file order.
    [[nodiscard]] std::vector<Node> children() const;
    /// The member named `name` (the last one when a key repeats), or an absent Node.
    [[nodiscard]] Node operator[](std::string_view name) const;
    /// The array element at `index`, or an absent Node.
    [[nodiscard]] Node at(std::size_t index) const;
    /// The enclosing object or array, or an absent Node for the root.
    [[nodiscard]] Node parent() const;
    /// Strings of an array of strings (other elements are skipped).
    [[nodiscard]] std::vector<std::string_view> strings() const;

    [[nodiscard]] const confscope_node_v1* raw() const { return raw_; }

  private:
    friend class Document;
    Node(const Document* document, std::int32_t index);

    const Document* document_ = nullptr;
    std::int32_t index_ = -1;
    const confscope_node_v1* raw_ = nullptr;
};

/// A secret the host found in the file's bytes (a token shape anywhere, or a secret-named value
/// in text no node covers, such as a Markdown body). Never quote the bytes it covers.
struct Secret {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string_view kind;  ///< "github", "anthropic", ..., "named-key"
};

/// The parsed file. Builds a child index once (linear in the number of nodes).
class Document {
  public:
    explicit Document(const confscope_document_v1& raw) : raw_(&raw) {
        children_.resize(raw.node_count);
        for (std::size_t i = 0; i < raw.node_count; ++i) {
            const std::int32_t parent = raw.nodes[i]->parent;
            if (parent >= 0 && static_cast<std::size_t>(parent) < raw.node_count) {
                children_[static_cast<std::size_t>(parent)].push_back(static_cast<std::int32_t>(i));
            }
        }
    }

    /// True when the file parsed (a failed parse has no nodes; the host reported CFG-001).
    [[nodiscard]] bool parsed() const { return raw_->parse_status == CONFSCOPE_OK; }
    [[nodiscard]] Format format() const { return static_cast<Format>(raw_->format); }
    /// The raw file bytes.
    [[nodiscard]] std::string_view bytes() const { return {raw_->bytes, raw_->byte_count}; }
    /// Markdown: the text after the front matter; otherwise all bytes.
    [[nodiscard]] std::string_view body() const {
        return bytes().substr(std::min(raw_->body_offset, raw_->byte_count));
    }

    /// The root node (absent when the file did not parse or has no front matter).
    [[nodiscard]] Node root() const { return node(0); }

    /// The node at exactly this RFC 6901 pointer, or an absent Node.
    [[nodiscard]] Node find(std::string_view pointer) const {
        std::vector<Node> found = select_impl(pointer, /*wildcards=*/false);
        return found.empty() ? Node() : found.front();
    }

    /// Every node matching a pointer pattern: "*" matches any one member or element, "**" any
    /// number of levels (including none). "/mcpServers/*/env/*", "/hooks/**/command".
    [[nodiscard]] std::vector<Node> select(std::string_view pattern) const {
        return select_impl(pattern, /*wildcards=*/true);
    }

    [[nodiscard]] std::size_t node_count() const { return raw_->node_count; }

    /// The secrets the host found in the bytes, by offset.
    [[nodiscard]] std::vector<Secret> secrets() const {
        std::vector<Secret> out;
        if (!CONFSCOPE_HAS_MEMBER(raw_, confscope_document_v1, secret_count)) return out;
        for (std::size_t i = 0; i < raw_->secret_count; ++i) {
            const confscope_secret_v1* s = raw_->secrets[i];
            out.push_back({s->offset, s->length, s->line, s->column, s->kind ? s->kind : ""});
        }
        return out;
    }
    [[nodiscard]] const confscope_document_v1& raw() const { return *raw_; }

    /// Unescape one RFC 6901 token (~1 -> /, ~0 -> ~).
    static std::string unescape_token(std::string_view token) {
        std::string out;
        out.reserve(token.size());
        for (std::size_t i = 0; i < token.size(); ++i) {
            if (token[i] == '~' && i + 1 < token.size() &&
                (token[i + 1] == '0' || token[i + 1] == '1')) {
                out.push_back(token[i + 1] == '0' ? '~' : '/');
                ++i;
            } else {
                out.push_back(token[i]);
            }
        }
        return out;
    }

  private:
    friend class Node;

    [[nodiscard]] Node node(std::int32_t index) const {
        if (index < 0 || static_cast<std::size_t>(index) >= raw_->node_count) return {};
        return Node(this, index);
    }

    std::vector<Node> select_impl(std::string_view pattern, bool wildcards) const {
        std::vector<Node> current;
        if (raw_->node_count == 0) return current;
        current.push_back(root());
        if (pattern.empty()) return current;
        if (pattern.front() != '/') return {};
        pattern.remove_prefix(1);
        while (true) {
            const std::size_t slash = pattern.find('/');
            const std::string_view token = pattern.substr(0, slash);
            std::vector<Node> next;
            if (wildcards && token == "**") {
                // Any depth, including zero: every descendant-or-self of the current set.
                for (const Node& start : current)
                    collect_descendants(start, next);
            } else if (wildcards && token == "*") {
                for (const Node& parent : current) {
                    for (Node child : parent.children())
                        next.push_back(child);
                }
            } else {
                const std::string key = unescape_token(token);
                for (const Node& parent : current) {
                    if (parent.is_object()) {
                        if (Node child = parent[key]) next.push_back(child);
                    } else if (parent.is_array()) {
                        if (Node child = parent.at(parse_index(key))) next.push_back(child);
                    }
                }
            }
            current.swap(next);
            if (slash == std::string_view::npos || current.empty()) break;
            pattern.remove_prefix(slash + 1);
        }
        return current;
    }

    void collect_descendants(const Node& start, std::vector<Node>& out) const {
        out.push_back(start);
        for (Node child : start.children())
            collect_descendants(child, out);
    }

    static std::size_t parse_index(std::string_view text) {
        if (text.empty() || text.size() > 9) return static_cast<std::size_t>(-1);
        std::size_t value = 0;
        for (char c : text) {
            if (c < '0' || c > '9') return static_cast<std::size_t>(-1);
            value = value * 10 + static_cast<std::size_t>(c - '0');
        }
        return value;
    }

    const confscope_document_v1* raw_;
    std::vector<std::vector<std::int32_t>> children_;
};

inline Node::Node(const Document* document, std::int32_t index)
    : document_(document),
      index_(index),
      raw_(document->raw_->nodes[static_cast<std::size_t>(index)]) {}

inline std::size_t Node::size() const {
    return raw_ ? document_->children_[static_cast<std::size_t>(index_)].size() : 0;
}

inline std::vector<Node> Node::children() const {
    std::vector<Node> out;
    if (!raw_) return out;
    const auto& indices = document_->children_[static_cast<std::size_t>(index_)];
    out.reserve(indices.size());
    for (std::int32_t i : indices)
        out.push_back(document_->node(i));
    return out;
}

inline Node Node::operator[](std::string_view name) const {
    if (!is_object()) return {};
    const auto& indices = document_->children_[static_cast<std::size_t>(index_)];
    for (auto it = indices.rbegin(); it != indices.rend(); ++it) {
        const confscope_node_v1* child = document_->raw_->nodes[static_cast<std::size_t>(*it)];
        if (name == child->key) return document_->node(*it);
    }
    return {};
}

inline Node Node::at(std::size_t index) const {
    if (!is_array()) return {};
    const auto& indices = document_->children_[static_cast<std::size_t>(index_)];
    return index < indices.size() ? document_->node(indices[index]) : Node();
}

inline Node Node::parent() const {
    return raw_ ? document_->node(raw_->parent) : Node();
}

inline std::vector<std::string_view> Node::strings() const {
    std::vector<std::string_view> out;
    for (const Node& child : children()) {
        if (child.is_string()) out.push_back(child.value());
    }
    return out;
}

}  // namespace confscope::sdk
