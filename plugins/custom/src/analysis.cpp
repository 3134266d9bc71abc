#include "analysis.hpp"

#include <algorithm>

#include "conditions.hpp"
#include "message.hpp"

namespace custom {

namespace {

constexpr std::string_view kWithheld = "<secret withheld>";

/// One file being analyzed, with what every rule needs to report on it.
struct Visit {
    const sdk::File& file;
    const sdk::Document& doc;
    sdk::Sink& sink;
    std::vector<sdk::Secret> secrets;

    [[nodiscard]] bool overlaps_secret(std::uint64_t offset, std::uint64_t length) const {
        return std::any_of(secrets.begin(), secrets.end(), [&](const sdk::Secret& s) {
            return offset < s.offset + s.length &&
                   s.offset < offset + std::max<std::uint64_t>(length, 1);
        });
    }

    /// The node's value as a message may show it: never a secret, always one line.
    [[nodiscard]] std::string shown_value(const sdk::Node& node) const {
        if (node.is_object()) return "{...}";
        if (node.is_array()) return "[...]";
        if (!node.is_scalar()) return "";
        const confscope_node_v1& raw = *node.raw();
        if (node.is_secret() ||
            (raw.value_length > 0 && overlaps_secret(raw.value_offset, raw.value_length))) {
            return std::string(kWithheld);
        }
        return one_line(node.value());
    }

    [[nodiscard]] MessageFields fields(std::string_view key, std::string_view pointer,
                                       std::string_view value, std::uint32_t line) const {
        return {key,
                pointer,
                file.display_path(),
                value,
                line,
                file.target_name(),
                sdk::to_string(file.scope())};
    }

    void report(const RuleDef& rule, const sdk::Node& node) const {
        const std::string value = shown_value(node);
        const std::string message =
            render(rule.message, fields(node.key(), node.pointer(), value, node.line()));
        sink.finding(rule.rule.id, rule.rule.severity, message, node);
    }
};

std::string last_token(std::string_view pointer) {
    const std::size_t slash = pointer.rfind('/');
    return slash == std::string_view::npos
               ? std::string()
               : sdk::Document::unescape_token(pointer.substr(slash + 1));
}

void check_nodes(const RuleDef& rule, const Visit& v) {
    for (const sdk::Node& node : select_nodes(v.doc.root(), rule.selector)) {
        if (all_hold(rule.conditions, node)) v.report(rule, node);
    }
}

// Rule-level not_exists: the file is reported once, at the place where the key would go.
void check_absent(const RuleDef& rule, const Visit& v) {
    if (!select_nodes(v.doc.root(), rule.selector).empty()) return;
    const sdk::Node anchor = deepest_existing(v.doc.root(), rule.selector);
    const std::string key = last_token(rule.selector);
    const std::string message =
        render(rule.message, v.fields(key, rule.selector, "", anchor.line()));
    v.sink.finding(rule.rule.id, rule.rule.severity, message, anchor);
}

std::uint32_t code_points(std::string_view text) {
    return static_cast<std::uint32_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// body_matches: every line of the text (Markdown: after the front matter) with a match.
void check_body(const RuleDef& rule, const Visit& v) {
    const std::string_view bytes = v.doc.bytes();
    const std::size_t start = std::min(v.doc.raw().body_offset, bytes.size());
    auto line = static_cast<std::uint32_t>(
        1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(start), '\n'));
    for (std::size_t at = start; at < bytes.size(); ++line) {
        std::size_t end = bytes.find('\n', at);
        if (end == std::string_view::npos) end = bytes.size();
        std::string_view text = bytes.substr(at, end - at);
        if (text.ends_with('\r')) text.remove_suffix(1);
        re2::StringPiece match;
        if (rule.body_regex->Match(text, 0, text.size(), RE2::UNANCHORED, &match, 1)) {
            const auto offset = static_cast<std::size_t>(match.data() - text.data());
            const std::string value = v.overlaps_secret(at + offset, match.size())
                                          ? std::string(kWithheld)
                                          : one_line(std::string_view(match.data(), match.size()));
            sdk::Location place = sdk::Location::of(v.file);
            place.line = line;
            place.column = 1 + code_points(text.substr(0, offset));
            v.sink.finding(rule.rule.id, rule.rule.severity,
                           render(rule.message, v.fields("", "", value, line)), place);
        }
        at = end + 1;
    }
}

void record(const InventoryDef& entry, const Visit& v) {
    for (const sdk::Node& node : select_nodes(v.doc.root(), entry.selector)) {
        if (!all_hold(entry.conditions, node)) continue;
        const std::string value = v.shown_value(node);
        std::string name =
            render(entry.name, v.fields(node.key(), node.pointer(), value, node.line()));
        if (name.empty())
            name = node.pointer().empty() ? "(document)" : std::string(node.pointer());
        sdk::JsonObject data;
        data.set("target", v.file.target_id()).set("pointer", node.pointer());
        if (node.is_scalar() && value != kWithheld) data.set("value", node.value());
        v.sink.item(entry.kind, name, v.file.scope(), data, node, entry.client);
    }
}

}  // namespace

Analyzer::Analyzer(RuleSet set) : set_(std::move(set)) {
    for (std::size_t i = 0; i < set_.rules.size(); ++i) {
        for (const std::string& target : set_.rules[i].targets)
            rules_by_target_[target].push_back(i);
    }
    for (std::size_t i = 0; i < set_.inventory.size(); ++i) {
        for (const std::string& target : set_.inventory[i].targets)
            inventory_by_target_[target].push_back(i);
    }
}

void Analyzer::analyze(const sdk::File& file, const sdk::Document& doc, sdk::Sink& sink) const {
    if (!doc.parsed()) return;
    const Visit v{file, doc, sink, doc.secrets()};
    if (const auto it = rules_by_target_.find(file.target_id()); it != rules_by_target_.end()) {
        for (const std::size_t i : it->second) {
            const RuleDef& rule = set_.rules[i];
            switch (rule.mode) {
                case RuleMode::nodes:
                    check_nodes(rule, v);
                    break;
                case RuleMode::absent:
                    check_absent(rule, v);
                    break;
                case RuleMode::body:
                    check_body(rule, v);
                    break;
            }
            if (sink.cancelled()) throw sdk::Cancelled();
        }
    }
    if (const auto it = inventory_by_target_.find(file.target_id());
        it != inventory_by_target_.end()) {
        for (const std::size_t i : it->second)
            record(set_.inventory[i], v);
    }
}

}  // namespace custom
