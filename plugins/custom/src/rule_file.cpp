#include "rule_file.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <confscope/parse/toml_nesting.hpp>

#include "condition_parser.hpp"
#include "message.hpp"
#include "syntax.hpp"

namespace custom {

namespace {

constexpr std::int64_t kSchemaVersion = 1;
constexpr std::size_t kMaxNesting = 512;

std::vector<std::string_view> with_conditions(std::vector<std::string_view> keys) {
    const std::vector<std::string_view>& conditions = condition_keys();
    keys.insert(keys.end(), conditions.begin(), conditions.end());
    return keys;
}

std::string trim_end(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' ||
                             text.back() == '\t'))
        text.pop_back();
    return text;
}

void require(const TableReader& r, std::string_view key, const Check& problem) {
    if (problem) r.fail_at(key, problem->what, problem->fix);
}

// A selector may be "" (the whole document), so it is read without TableReader::string.
std::string read_selector(const TableReader& r) {
    const toml::node* node = r.find("selector");
    if (node == nullptr || !node->is_string()) {
        r.fail_at("selector",
                  node ? "'selector' is " + std::string(type_name(*node)) : "missing 'selector'",
                  "write a JSON pointer in quotes, e.g. selector = \"/permissions/allow/*\" "
                  "(\"\" is the whole document)");
    }
    std::string selector = node->as_string()->get();
    require(r, "selector", check_pointer_pattern(selector, /*relative=*/false));
    return selector;
}

// Drops the always-true "exists = true" on the selected node; returns whether a "not_exists"
// on the selected node itself was among the conditions (and drops it too).
bool take_not_exists(std::vector<Condition>& conditions) {
    bool absent = false;
    std::erase_if(conditions, [&](const Condition& c) {
        if (c.test != Condition::Test::exists || !c.path.empty()) return false;
        absent = absent || c.negated;
        return true;
    });
    return absent;
}

class Loader {
  public:
    void load(const RuleFileSource& file) {
        if (!loaded_.insert(file.path).second) return;
        // Before toml++ recurses into it: a rule file 40,000 keys deep would overflow the stack.
        if (const auto deep = confscope::parse::toml_nesting_beyond(file.content, kMaxNesting)) {
            fail(file.path + ":" + std::to_string(deep->line) + ":" + std::to_string(deep->column),
                 "keys or values nest deeper than " + std::to_string(kMaxNesting) + " levels",
                 "flatten the rule file");
        }
        toml::table root;
        try {
            root = toml::parse(file.content, file.path);
        } catch (const toml::parse_error& e) {
            fail(location(file.path, e.source()), "not valid TOML: " + std::string(e.description()),
                 "fix the TOML syntax (https://toml.io/en/v1.0.0)");
        }
        const TableReader top(file.path, root, "the rule file",
                              {"version", "target", "rule", "inventory"});
        if (const toml::node* version = top.find("version")) {
            if (!version->is_integer() || version->as_integer()->get() != kSchemaVersion) {
                top.fail_at("version", "this confscope reads rule files of version 1 only",
                            "write version = 1, or leave it out");
            }
        }
        for (const toml::table* t :
             top.tables("target", "declare each target in its own [[target]] table"))
            read_target(file.path, *t);
        for (const toml::table* t :
             top.tables("rule", "declare each rule in its own [[rule]] table"))
            read_rule(file.path, *t);
        for (const toml::table* t :
             top.tables("inventory", "declare each entry in its own [[inventory]] table"))
            read_inventory(file.path, *t);
    }

    RuleSet finish() {
        for (const Reference& ref : references_) {
            const auto it = targets_.find(ref.target);
            if (it == targets_.end()) {
                std::string known;
                for (const auto& [id, _] : targets_)
                    known += (known.empty() ? "" : ", ") + id;
                fail(ref.where, ref.what + ": unknown target " + quoted(ref.target),
                     known.empty()
                         ? "declare it in a [[target]] table with id = \"" + ref.target + "\""
                         : "use a declared target (" + known +
                               ") or declare it in a [[target]] table");
            }
            if (ref.needs_keys && it->second.format == sdk::Format::text) {
                fail(ref.where,
                     ref.what + ": target " + quoted(ref.target) +
                         " is text, which has no keys to select",
                     "use body_matches for text files, or give the target a structured format "
                     "(json, jsonc, yaml, toml, markdown)");
            }
        }
        return std::move(set_);
    }

  private:
    struct Declared {
        std::string where;
        sdk::Format format = sdk::Format::unknown;
    };
    struct Reference {
        std::string target;
        std::string where;
        std::string what;
        bool needs_keys = true;
    };

    void read_target(const std::string& file, const toml::table& t) {
        TableReader r(file, t, "[[target]]",
                      {"id", "name", "category", "path", "format", "scope", "os"});
        sdk::Target target;
        target.id = r.string("id", "give every target an id, e.g. id = \"aider-user\"");
        require(r, "id", check_target_id(target.id));
        r.rename("[[target]] " + target.id);
        if (const auto it = targets_.find(target.id); it != targets_.end()) {
            r.fail_at(
                "id",
                "target id " + quoted(target.id) + " is already declared at " + it->second.where,
                "give each target its own id");
        }
        target.name = r.string("name", "name it for people, e.g. name = \"Aider configuration\"");
        require(r, "name", check_title(target.name));
        target.category = r.optional_string("category").value_or("custom");
        require(r, "category", check_title(target.category));
        target.path = r.string("path", "give its location, e.g. path = \"{HOME}/.aider.conf.yml\"");
        require(r, "path", check_path_template(target.path));
        const std::string format = r.string("format",
                                            "write format = \"json\" (or jsonc, yaml, "
                                            "toml, markdown, text)");
        const auto parsed_format = parse_format(format);
        if (!parsed_format) {
            r.fail_at("format", "format " + quoted(format) + " is unknown",
                      "use json, jsonc, yaml, toml, markdown (YAML front matter) or text");
        }
        target.format = *parsed_format;
        const std::string scope = r.string("scope",
                                           "write scope = \"user\" (or project, local, "
                                           "managed, system)");
        const auto parsed_scope = parse_scope(scope);
        if (!parsed_scope) {
            r.fail_at("scope", "scope " + quoted(scope) + " is unknown",
                      "use user, project, local, managed or system");
        }
        target.scope = *parsed_scope;
        if (r.has("os")) {
            for (const TableReader::Item& os :
                 r.strings("os", "list the systems: os = [\"linux\", \"macos\"]")) {
                const std::uint32_t bit = parse_os(os.text);
                if (bit == 0) {
                    fail(os.where, r.what() + ": os " + quoted(os.text) + " is unknown",
                         "use linux, macos or windows");
                }
                target.os_mask |= bit;
            }
        }
        targets_[target.id] = {r.where("id"), target.format};
        set_.targets.push_back(std::move(target));
    }

    void read_rule(const std::string& file, const toml::table& t) {
        TableReader r(file, t, "[[rule]]",
                      with_conditions({"id", "severity", "title", "message", "help", "help_uri",
                                       "targets", "selector", "body_matches"}));
        RuleDef rule;
        rule.rule.id = r.string("id", "give every rule an id, e.g. id = \"TEAM-001\"");
        require(r, "id", check_rule_id(rule.rule.id));
        r.rename("[[rule]] " + rule.rule.id);
        if (const auto it = rules_.find(rule.rule.id); it != rules_.end()) {
            r.fail_at("id",
                      "rule id " + quoted(rule.rule.id) + " is already declared at " + it->second,
                      "give each rule its own id; never reuse an id for another check");
        }
        const std::string severity = r.string("severity",
                                              "write severity = \"medium\" (or info, "
                                              "low, high, critical)");
        const auto parsed = parse_severity(severity);
        if (!parsed) {
            r.fail_at("severity", "severity " + quoted(severity) + " is unknown",
                      "use info, low, medium, high or critical");
        }
        rule.rule.severity = *parsed;
        rule.rule.title = r.string("title", "give it a one-line title for reports");
        require(r, "title", check_title(rule.rule.title));
        rule.message = r.string("message",
                                "write the finding's message, e.g. message = \"{key} "
                                "in {file} is not allowed\"");
        require(r, "message", check_template(rule.message, "message"));
        rule.rule.help = trim_end(r.string("help", "explain what it means and how to fix it"));
        rule.rule.help_uri = r.optional_string("help_uri").value_or("");
        read_targets(r, rule.targets, /*needs_keys=*/!r.has("body_matches"));

        if (r.has("body_matches")) {
            if (r.has("selector")) {
                r.fail_at("body_matches", "a rule has a selector or body_matches, not both",
                          "keep selector to test keys, or body_matches to test lines of text");
            }
            for (std::string_view key : condition_keys()) {
                if (r.has(key)) {
                    r.fail_at(key, quoted(key) + " cannot be combined with body_matches",
                              "body_matches tests lines of text; use a selector to test keys");
                }
            }
            rule.mode = RuleMode::body;
            rule.body_regex = compile_regex(r, "body_matches");
        } else {
            if (!r.has("selector")) {
                r.fail_at("selector", "missing 'selector'",
                          "add selector = \"/key\" (a JSON pointer with * and **; \"\" is the "
                          "whole document), or body_matches = '...' to test lines of text");
            }
            rule.selector = read_selector(r);
            rule.conditions = read_conditions(r);
            if (take_not_exists(rule.conditions)) {
                const std::string_view key = r.has("not_exists") ? "not_exists" : "exists";
                if (!rule.conditions.empty()) {
                    r.fail_at(key, "not_exists on the rule cannot be combined with other tests",
                              "select the parent and use all = [{ path = \"/key\", "
                              "not_exists = true }, ...]");
                }
                if (has_wildcard(rule.selector)) {
                    r.fail_at(key, "not_exists on the rule needs a selector without * or **",
                              "to require a key under each match, select the matches and add "
                              "all = [{ path = \"/key\", not_exists = true }]");
                }
                rule.mode = RuleMode::absent;
            }
        }
        rules_[rule.rule.id] = r.where("id");
        set_.rules.push_back(std::move(rule));
    }

    void read_inventory(const std::string& file, const toml::table& t) {
        TableReader r(file, t, "[[inventory]]",
                      with_conditions({"kind", "name", "client", "targets", "selector"}));
        InventoryDef entry;
        entry.kind = r.string("kind", "name the kind of item, e.g. kind = \"aider_model\"");
        require(r, "kind", check_kind(entry.kind));
        r.rename("[[inventory]] " + entry.kind);
        entry.name = r.optional_string("name").value_or("{key}");
        require(r, "name", check_template(entry.name, "name"));
        entry.client = r.optional_string("client").value_or("custom");
        require(r, "client", check_client(entry.client));
        read_targets(r, entry.targets, /*needs_keys=*/true);
        entry.selector = read_selector(r);
        entry.conditions = read_conditions(r);
        if (take_not_exists(entry.conditions)) {
            r.fail_at(r.has("not_exists") ? "not_exists" : "exists",
                      "an inventory entry records values that exist",
                      "drop not_exists, or write a [[rule]] to report a missing key");
        }
        set_.inventory.push_back(std::move(entry));
    }

    void read_targets(const TableReader& r, std::vector<std::string>& out, bool needs_keys) {
        for (const TableReader::Item& item : r.strings(
                 "targets", "list the target ids it applies to: targets = [\"aider-user\"]")) {
            if (std::find(out.begin(), out.end(), item.text) != out.end()) {
                fail(item.where, r.what() + ": target " + quoted(item.text) + " is listed twice",
                     "list each target once");
            }
            out.push_back(item.text);
            references_.push_back({item.text, item.where, r.what(), needs_keys});
        }
    }

    RuleSet set_;
    std::set<std::string> loaded_;
    std::map<std::string, Declared> targets_;
    std::map<std::string, std::string> rules_;  // id -> where it was declared
    std::vector<Reference> references_;
};

}  // namespace

RuleSet load_rule_files(const std::vector<RuleFileSource>& files) {
    Loader loader;
    for (const RuleFileSource& file : files)
        loader.load(file);
    return loader.finish();
}

}  // namespace custom
