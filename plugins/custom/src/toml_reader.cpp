#include "toml_reader.hpp"

#include <algorithm>

namespace custom {

namespace {

// Edit distance, for "did you mean".
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string join(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::string_view n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

}  // namespace

std::string location(std::string_view file, const toml::source_region& at) {
    const auto line = at.begin.line == 0 ? 1u : at.begin.line;
    const auto column = at.begin.column == 0 ? 1u : at.begin.column;
    return std::string(file) + ":" + std::to_string(line) + ":" + std::to_string(column);
}

void fail(std::string_view where, std::string_view what, std::string_view fix) {
    throw RuleFileError(std::string(where) + ": " + std::string(what) + "; " + std::string(fix));
}

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a float";
        case toml::node_type::boolean:
            return "a boolean";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::table:
            return "a table";
        case toml::node_type::date:
        case toml::node_type::time:
        case toml::node_type::date_time:
            return "a date or time";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

std::string quoted(std::string_view text) {
    return "'" + std::string(text) + "'";
}

TableReader::TableReader(std::string file, const toml::table& table, std::string what,
                         const std::vector<std::string_view>& allowed)
    : file_(std::move(file)), table_(&table), what_(std::move(what)) {
    for (auto&& [key, value] : table) {
        const std::string_view name = key.str();
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        std::string_view best;
        std::size_t best_distance = 3;
        for (std::string_view candidate : allowed) {
            const std::size_t d = distance(name, candidate);
            if (d < best_distance) {
                best_distance = d;
                best = candidate;
            }
        }
        const std::string fix = best.empty()
                                    ? "remove it (" + what_ + " takes " + join(allowed) + ")"
                                    : "did you mean " + quoted(best) + "?";
        fail(location(file_, key.source()), "unknown key " + quoted(name) + " in " + what_, fix);
    }
}

const toml::node* TableReader::find(std::string_view key) const {
    return table_->get(key);
}

std::string TableReader::where(std::string_view key) const {
    const toml::node* node = find(key);
    return location(file_, node ? node->source() : table_->source());
}

std::string TableReader::where(const toml::node& node) const {
    return location(file_, node.source());
}

std::string TableReader::where_key(std::string_view key) const {
    for (auto&& [k, value] : *table_) {
        if (k.str() == key) return location(file_, k.source());
    }
    return location(file_, table_->source());
}

void TableReader::fail_at(std::string_view key, std::string_view what, std::string_view fix) const {
    fail(where(key), what_ + ": " + std::string(what), fix);
}

void TableReader::fail_at(const toml::node& node, std::string_view what,
                          std::string_view fix) const {
    fail(where(node), what_ + ": " + std::string(what), fix);
}

std::string TableReader::string(std::string_view key, std::string_view fix) const {
    const toml::node* node = find(key);
    if (node == nullptr) fail_at(key, "missing " + quoted(key), fix);
    if (!node->is_string()) fail_at(key, quoted(key) + " is " + std::string(type_name(*node)), fix);
    std::string value = node->as_string()->get();
    if (value.empty()) fail_at(key, quoted(key) + " is empty", fix);
    return value;
}

std::optional<std::string> TableReader::optional_string(std::string_view key) const {
    const toml::node* node = find(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_string()) {
        fail_at(key, quoted(key) + " is " + std::string(type_name(*node)),
                "write it as a string in quotes");
    }
    std::string value = node->as_string()->get();
    if (value.empty()) fail_at(key, quoted(key) + " is empty", "give it a value or remove it");
    return value;
}

std::optional<bool> TableReader::optional_bool(std::string_view key) const {
    const toml::node* node = find(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_boolean()) {
        fail_at(key, quoted(key) + " is " + std::string(type_name(*node)),
                "write " + std::string(key) + " = true (or false, without quotes)");
    }
    return node->as_boolean()->get();
}

std::vector<TableReader::Item> TableReader::strings(std::string_view key,
                                                    std::string_view fix) const {
    const toml::node* node = find(key);
    if (node == nullptr) fail_at(key, "missing " + quoted(key), fix);
    const toml::array* array = node->as_array();
    if (array == nullptr)
        fail_at(key, quoted(key) + " is " + std::string(type_name(*node)) + ", not a list", fix);
    if (array->empty()) fail_at(key, quoted(key) + " is an empty list", fix);
    std::vector<Item> out;
    for (const toml::node& element : *array) {
        if (!element.is_string() || element.as_string()->get().empty()) {
            fail_at(element, quoted(key) + " holds " + std::string(type_name(element)), fix);
        }
        out.push_back({element.as_string()->get(), where(element)});
    }
    return out;
}

std::vector<const toml::table*> TableReader::tables(std::string_view key,
                                                    std::string_view fix) const {
    std::vector<const toml::table*> out;
    const toml::node* node = find(key);
    if (node == nullptr) return out;
    const toml::array* array = node->as_array();
    if (array == nullptr) {
        fail(where_key(key),
             what_ + ": " + quoted(key) + " is " + std::string(type_name(*node)) +
                 ", not a list of tables",
             fix);
    }
    if (array->empty()) fail_at(key, quoted(key) + " is an empty list", fix);
    for (const toml::node& element : *array) {
        if (!element.is_table())
            fail_at(element, quoted(key) + " holds " + std::string(type_name(element)), fix);
        out.push_back(element.as_table());
    }
    return out;
}

}  // namespace custom
