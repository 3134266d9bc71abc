#include "condition_parser.hpp"

#include "syntax.hpp"

namespace custom {

namespace {

constexpr std::size_t kMaxDepth = 16;

const std::vector<std::string_view>& table_keys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> k = condition_keys();
        k.push_back("path");
        return k;
    }();
    return keys;
}

Scalar read_scalar(const TableReader& table, const toml::node& node, std::string_view key) {
    Scalar s;
    if (const auto* text = node.as_string()) {
        s.kind = Scalar::Kind::string;
        s.text = text->get();
    } else if (const auto* integer = node.as_integer()) {
        s.kind = Scalar::Kind::number;
        s.number = static_cast<double>(integer->get());
        s.text = std::to_string(integer->get());
    } else if (const auto* real = node.as_floating_point()) {
        s.kind = Scalar::Kind::number;
        s.number = real->get();
        s.text = std::to_string(real->get());
    } else if (const auto* flag = node.as_boolean()) {
        s.kind = Scalar::Kind::boolean;
        s.boolean = flag->get();
        s.text = flag->get() ? "true" : "false";
    } else {
        table.fail_at(node, quoted(key) + " compares with " + std::string(type_name(node)),
                      "compare with a string, a number or a boolean" +
                          std::string(node.is_array() ? " (for a list of values use one_of)" : ""));
    }
    return s;
}

bool read_flag(const TableReader& table, std::string_view key) {
    return *table.optional_bool(key);
}

Condition read_table(const TableReader& parent, const toml::table& t, std::size_t depth);

// Every test key of `table`, each applying to `path`.
std::vector<Condition> read_tests(const TableReader& table, const std::string& path,
                                  std::size_t depth) {
    std::vector<Condition> out;
    auto add = [&](Condition::Test test, bool negated) -> Condition& {
        Condition c;
        c.test = test;
        c.negated = negated;
        c.path = path;
        out.push_back(std::move(c));
        return out.back();
    };
    using T = Condition::Test;
    if (table.has("exists")) add(T::exists, !read_flag(table, "exists"));
    if (table.has("not_exists")) add(T::exists, read_flag(table, "not_exists"));
    for (const auto& [key, negated] : {std::pair{"equals", false}, {"not_equals", true}}) {
        if (const toml::node* node = table.find(key))
            add(T::equals, negated).values.push_back(read_scalar(table, *node, key));
    }
    for (const auto& [key, negated] : {std::pair{"one_of", false}, {"not_one_of", true}}) {
        const toml::node* node = table.find(key);
        if (node == nullptr) continue;
        const toml::array* list = node->as_array();
        if (list == nullptr || list->empty()) {
            table.fail_at(key, quoted(key) + " is not a list of values",
                          "write a non-empty list: " + std::string(key) + " = [\"a\", \"b\"]");
        }
        Condition& c = add(T::one_of, negated);
        for (const toml::node& element : *list)
            c.values.push_back(read_scalar(table, element, key));
    }
    for (const auto& [key, test, negated] : {std::tuple{"matches", T::matches, false},
                                             {"not_matches", T::matches, true},
                                             {"key_matches", T::key_matches, false}}) {
        if (table.has(key)) add(test, negated).regex = compile_regex(table, key);
    }
    if (table.has("is_secret")) add(T::is_secret, !read_flag(table, "is_secret"));
    if (table.has("is_reference")) add(T::is_reference, !read_flag(table, "is_reference"));
    for (const auto& [key, test] : {std::pair{"all", T::all}, {"any", T::any}}) {
        const std::vector<const toml::table*> tables = table.tables(
            key, std::string("write ") + key + " = [{ path = \"/x\", exists = true }, ...]");
        if (tables.empty()) continue;
        if (depth >= kMaxDepth) {
            table.fail_at(key, "all/any nested deeper than 16 levels", "flatten the conditions");
        }
        Condition& c = add(test, false);
        for (const toml::table* child : tables)
            c.children.push_back(read_table(table, *child, depth + 1));
    }
    return out;
}

Condition read_table(const TableReader& parent, const toml::table& t, std::size_t depth) {
    const TableReader table(parent.file(), t, parent.what() + ", in a condition", table_keys());
    std::string path;
    if (auto p = table.optional_string("path")) {
        if (auto problem = check_pointer_pattern(*p, /*relative=*/true))
            table.fail_at("path", problem->what, problem->fix);
        if (table.has("all") || table.has("any")) {
            table.fail_at("path", "path cannot be combined with all/any in one table",
                          "put the path in each condition inside all/any");
        }
        path = *p;
    }
    std::vector<Condition> tests = read_tests(table, path, depth);
    if (tests.empty()) {
        fail(location(table.file(), t.source()), table.what() + ": the condition tests nothing",
             "add a test such as exists = true, equals = \"x\" or matches = '...'");
    }
    for (const Condition& c : tests) {
        if (c.test == Condition::Test::exists && c.negated && c.path.empty()) {
            const std::string_view key = table.has("not_exists") ? "not_exists" : "exists";
            table.fail_at(key, "not_exists without path is always false inside all/any",
                          "name the missing key with path = \"/key\"");
        }
    }
    if (tests.size() == 1) return std::move(tests.front());
    Condition all;
    all.test = Condition::Test::all;
    all.children = std::move(tests);
    return all;
}

}  // namespace

const std::vector<std::string_view>& condition_keys() {
    static const std::vector<std::string_view> keys = {
        "exists",       "not_exists", "equals",      "not_equals",  "one_of",
        "not_one_of",   "matches",    "not_matches", "key_matches", "is_secret",
        "is_reference", "all",        "any"};
    return keys;
}

std::vector<Condition> read_conditions(const TableReader& table) {
    return read_tests(table, "", 0);
}

std::shared_ptr<const re2::RE2> compile_regex(const TableReader& table, std::string_view key) {
    const std::string pattern = table.string(key, "write an RE2 pattern in single quotes: '^x'");
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const re2::RE2>(pattern, options);
    if (!regex->ok()) {
        table.fail_at(key, "bad RE2 pattern " + quoted(pattern) + ": " + regex->error(),
                      "see https://github.com/google/re2/wiki/Syntax (no look-around or "
                      "back-references); write patterns in single quotes so backslashes stay");
    }
    return regex;
}

}  // namespace custom
