#include "conditions.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <string>

namespace custom {

namespace {

std::size_t parse_index(std::string_view text) {
    std::size_t value = 0;
    if (text.empty() || text.size() > 9 || (text.size() > 1 && text.front() == '0'))
        return static_cast<std::size_t>(-1);
    for (char c : text) {
        if (c < '0' || c > '9') return static_cast<std::size_t>(-1);
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    return value;
}

void descendants(const sdk::Node& start, std::vector<sdk::Node>& out) {
    out.push_back(start);
    for (const sdk::Node& child : start.children())
        descendants(child, out);
}

sdk::Node child_named(const sdk::Node& parent, std::string_view token) {
    const std::string key = sdk::Document::unescape_token(token);
    if (parent.is_object()) return parent[key];
    if (parent.is_array()) return parent.at(parse_index(key));
    return {};
}

std::vector<std::string_view> tokens(std::string_view pattern) {
    std::vector<std::string_view> out;
    if (pattern.empty()) return out;
    pattern.remove_prefix(1);  // the leading '/'
    while (true) {
        const std::size_t slash = pattern.find('/');
        out.push_back(pattern.substr(0, slash));
        if (slash == std::string_view::npos) return out;
        pattern.remove_prefix(slash + 1);
    }
}

bool number_equals(std::string_view text, double wanted) {
    if (text.starts_with('+')) text.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && value == wanted;
}

bool equals(const Scalar& s, const sdk::Node& node) {
    switch (s.kind) {
        case Scalar::Kind::string:
            return node.kind() == sdk::NodeKind::string && node.value() == s.text;
        case Scalar::Kind::boolean:
            return node.kind() == sdk::NodeKind::boolean && (node.value() == "true") == s.boolean;
        case Scalar::Kind::number:
            return node.kind() == sdk::NodeKind::number && number_equals(node.value(), s.number);
    }
    return false;
}

// The positive form of a value test, for one node.
bool passes(const Condition& c, const sdk::Node& node) {
    using T = Condition::Test;
    switch (c.test) {
        case T::exists:
            return node.exists();
        case T::equals:
        case T::one_of:
            return std::any_of(c.values.begin(), c.values.end(),
                               [&](const Scalar& s) { return equals(s, node); });
        case T::matches:
            return node.is_scalar() && RE2::PartialMatch(node.value(), *c.regex);
        case T::key_matches:
            return node.exists() && RE2::PartialMatch(node.key(), *c.regex);
        case T::is_secret:
            return node.is_secret();
        case T::is_reference:
            return node.is_reference();
        case T::all:
            return all_hold(c.children, node);
        case T::any:
            return std::any_of(c.children.begin(), c.children.end(),
                               [&](const Condition& child) { return holds(child, node); });
    }
    return false;
}

}  // namespace

std::vector<sdk::Node> select_nodes(const sdk::Node& start, std::string_view pattern) {
    std::vector<sdk::Node> current;
    if (!start) return current;
    current.push_back(start);
    for (std::string_view token : tokens(pattern)) {
        std::vector<sdk::Node> next;
        if (token == "**") {
            for (const sdk::Node& n : current)
                descendants(n, next);
        } else if (token == "*") {
            for (const sdk::Node& n : current) {
                for (const sdk::Node& child : n.children())
                    next.push_back(child);
            }
        } else {
            for (const sdk::Node& n : current) {
                if (sdk::Node child = child_named(n, token)) next.push_back(child);
            }
        }
        // "**" twice (or "**/*") reaches a node along several routes: keep each once.
        std::set<const confscope_node_v1*> seen;
        std::erase_if(next, [&](const sdk::Node& n) { return !seen.insert(n.raw()).second; });
        current.swap(next);
        if (current.empty()) break;
    }
    return current;
}

sdk::Node deepest_existing(const sdk::Node& start, std::string_view pattern) {
    sdk::Node at = start;
    for (std::string_view token : tokens(pattern)) {
        if (token == "*" || token == "**") break;
        sdk::Node child = child_named(at, token);
        if (!child) break;
        at = child;
    }
    return at;
}

bool holds(const Condition& c, const sdk::Node& node) {
    if (c.path.empty()) return passes(c, node) != c.negated;
    const std::vector<sdk::Node> set = select_nodes(node, c.path);
    const bool some =
        std::any_of(set.begin(), set.end(), [&](const sdk::Node& n) { return passes(c, n); });
    return some != c.negated;
}

bool all_hold(const std::vector<Condition>& conditions, const sdk::Node& node) {
    return std::all_of(conditions.begin(), conditions.end(),
                       [&](const Condition& c) { return holds(c, node); });
}

}  // namespace custom
