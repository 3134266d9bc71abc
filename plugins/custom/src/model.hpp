// What a set of rule files declares, once parsed and validated: targets (where files are and how
// to parse them), rules (what to report) and inventory entries (what to record). Immutable after
// loading; the regular expressions are compiled once and shared.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include <confscope/sdk/types.hpp>

namespace custom {

namespace sdk = confscope::sdk;

/// A literal a condition compares with: a TOML string, integer, float or boolean.
struct Scalar {
    enum class Kind { string, number, boolean };
    Kind kind = Kind::string;
    std::string text;  ///< the string; for numbers and booleans their TOML text (for messages)
    double number = 0;
    bool boolean = false;
};

/// One test on a set of nodes. The set is the node the selector chose, or with `path` the nodes
/// that relative pattern selects under it. A positive test holds when at least one node of the
/// set passes; a negated one (not_exists, not_equals, ...) holds when none does.
struct Condition {
    enum class Test {
        exists,        ///< the set is not empty
        equals,        ///< values[0], type-strict
        one_of,        ///< any of values, type-strict
        matches,       ///< regex finds a match in the scalar text
        key_matches,   ///< regex finds a match in the member name / index
        is_secret,     ///< the host flagged the value as a literal secret
        is_reference,  ///< the host flagged the value as a reference (${VAR}, env:NAME)
        all,           ///< every child holds (children share the selected node)
        any,           ///< at least one child holds
    };
    Test test = Test::exists;
    bool negated = false;
    std::string path;  ///< relative pointer pattern; "" means the selected node itself
    std::vector<Scalar> values;
    std::shared_ptr<const re2::RE2> regex;
    std::vector<Condition> children;
};

/// How a rule looks at a file.
enum class RuleMode {
    nodes,   ///< report every node the selector chooses that passes the conditions
    absent,  ///< report the file once when the selector chooses nothing (rule-level not_exists)
    body,    ///< report every line of the text (Markdown: the body) that body_matches matches
};

struct RuleDef {
    sdk::Rule rule;
    std::vector<std::string> targets;  ///< target ids
    RuleMode mode = RuleMode::nodes;
    std::string selector;  ///< pointer pattern (nodes, absent)
    std::shared_ptr<const re2::RE2> body_regex;
    std::vector<Condition> conditions;  ///< all must hold
    std::string message;                ///< template with {key} {pointer} {file} {value} ...
};

struct InventoryDef {
    std::vector<std::string> targets;
    std::string selector;
    std::vector<Condition> conditions;
    std::string kind;    ///< "aider_model"
    std::string name;    ///< template, default "{key}"
    std::string client;  ///< the client that uses it, default "custom"
};

struct RuleSet {
    std::vector<sdk::Target> targets;
    std::vector<RuleDef> rules;
    std::vector<InventoryDef> inventory;
};

}  // namespace custom
