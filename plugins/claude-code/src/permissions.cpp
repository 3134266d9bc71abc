#include "permissions.hpp"

#include "common.hpp"
#include "messages.hpp"
#include "permission_checks.hpp"
#include "permission_reach.hpp"
#include "rule_paths.hpp"

namespace claude_code {

namespace {

using sdk::Severity;

std::string trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return std::string(text);
}

struct Verdict {
    std::string_view rule;  // "" when the rule is not broad
    Severity severity = Severity::info;
    std::string effect;  // "run any shell command"
};

// Tools that edit files: a bare name is every file.
bool edit_tool(std::string_view tool) {
    return tool == "Edit" || tool == "MultiEdit" || tool == "Write" || tool == "NotebookEdit";
}

std::string with_reason(std::string text, const std::string& why) {
    return why.empty() ? text : text + " (" + why + ")";
}

Verdict judge_bash(const PermissionRule& r) {
    const RuleReach reach = bash_reach(r.has_specifier ? r.specifier : "");
    if (!reach.effect.empty()) {
        return reach.reach == Reach::everything
                   ? Verdict{"PERM-003", Severity::critical, reach.effect}
                   : Verdict{"PERM-004", Severity::medium, reach.effect};
    }
    if (reach.reach == Reach::everything) {
        std::string through;
        if (!reach.what.empty()) through = "through " + text_in_quotes(reach.what, 40);
        if (!reach.why.empty()) through += (through.empty() ? "" : "; ") + reach.why;
        return {"PERM-003", Severity::critical, with_reason("run any shell command", through)};
    }
    if (reach.reach == Reach::broad) {
        return {"PERM-004", Severity::medium,
                with_reason("run any " + quoted(reach.what) + " command", reach.why)};
    }
    return {};
}

Verdict judge_edit(const PermissionRule& r, std::string_view home) {
    // A bare tool and Tool(*) are the whole tool (Claude Code 2.1.210 and later: Tool(*) is the
    // tool-wide rule, not a path).
    if (!r.has_specifier || r.specifier.empty() || r.specifier == "*")
        return {"PERM-003", Severity::critical, "use " + r.tool + " on any file"};
    // Write(...) and NotebookEdit(...) path rules are never consulted (PERM-007).
    if (r.tool != "Edit" && r.tool != "MultiEdit") return {};
    const RuleReach reach = edit_reach(r.specifier, home);
    switch (reach.reach) {
        case Reach::everything:
            if (reach.what.empty() || reach.what.starts_with("the whole "))
                return {"PERM-003", Severity::critical,
                        "edit any file" + (reach.what.empty() ? "" : " in " + reach.what)};
            return {"PERM-003", Severity::critical, "edit " + reach.what};
        case Reach::persistence:
            // As strong as running commands, one step later (the next shell, login or git run).
            return {"PERM-003", Severity::high, "edit " + reach.what};
        case Reach::broad:
            return {"PERM-004", Severity::medium,
                    "edit every file under " + reach.what + " (what acceptEdits grants)"};
        case Reach::narrow:
            break;
    }
    return {};
}

Verdict judge_allow(const PermissionRule& r, std::string_view home) {
    if (r.tool == "Bash" || r.tool == "PowerShell") return judge_bash(r);
    if (edit_tool(r.tool)) return judge_edit(r, home);
    // Reads outside the working directory ask first; a rule that opens the whole disk, the home
    // folder or a credential store takes that question away. A bare Read is not reported: the
    // read-only tools idiom ("Read", "Grep", "Glob") is the common reading of it.
    if (r.tool == "Read" && r.has_specifier && !r.specifier.empty() && r.specifier != "*") {
        if (const RuleReach reach = read_reach(r.specifier, home); reach.reach == Reach::broad)
            return {"PERM-004", Severity::medium, "read " + reach.what};
    }
    if (r.tool == "WebFetch" && (!r.has_specifier || r.specifier.empty() || r.specifier == "*" ||
                                 r.specifier == "domain:*")) {
        return {"PERM-004", Severity::medium, "fetch any URL"};
    }
    return {};
}

}  // namespace

PermissionRule parse_permission_rule(std::string_view text) {
    PermissionRule rule;
    const std::string t = trim(text);
    const auto open = t.find('(');
    if (open == std::string::npos || !t.ends_with(")")) {
        rule.tool = t;
        return rule;
    }
    rule.tool = trim(std::string_view(t).substr(0, open));
    rule.specifier = trim(std::string_view(t).substr(open + 1, t.size() - open - 2));
    rule.has_specifier = true;
    return rule;
}

void check_bypass_mode(Analysis& a, const sdk::Node& mode, std::string_view where) {
    if (mode.string_or("") != "bypassPermissions") return;
    const bool project = a.is_project_file();
    a.sink.finding("PERM-001", project ? Severity::critical : Severity::high,
                   std::string(where) + " is bypassPermissions: every tool runs without asking" +
                       (project ? ", for everyone who opens this repository" : ""),
                   mode);
}

void analyze_permission_rule(Analysis& a, std::string_view text, const sdk::Node& at,
                             const RuleSource& source) {
    const PermissionRule rule = parse_permission_rule(text);
    if (rule.tool.empty()) return;
    sdk::JsonObject data;
    data.set("list", source.list).set("rule", trim(text)).set("tool", rule.tool);
    if (rule.has_specifier) data.set("specifier", rule.specifier);
    if (source.key != "permissions." + source.list) data.set("source", source.key);
    for (const auto& [key, value] : source.extra)
        data.set(key, value);
    a.sink.item("permission_rule", trim(text), source.scope, data, at);

    if (source.list == "allow") {
        const Verdict v = judge_allow(rule, a.file.home_dir());
        if (!v.rule.empty() && source.ignored.empty()) {
            a.sink.finding(v.rule, v.severity,
                           source.label + " " + text_in_quotes(trim(text)) + source.where +
                               " lets Claude " + v.effect + " without asking" + source.during,
                           at);
        } else if (!v.rule.empty()) {
            a.sink.finding(v.rule, Severity::info,
                           source.label + " " + text_in_quotes(trim(text)) + source.where +
                               " would let Claude " + v.effect +
                               " without asking; ignored: " + source.ignored,
                           at);
        }
    }
    check_rule_effect(a, rule, trim(text), at, source);
}

void analyze_permissions(Analysis& a, const sdk::Node& permissions) {
    if (!permissions.is_object()) return;
    check_bypass_mode(a, permissions["defaultMode"], "permissions.defaultMode");
    if (const sdk::Node mode = permissions["defaultMode"]; mode.is_string()) {
        a.sink.item("permission_mode", mode.value(), a.scope(),
                    sdk::JsonObject().set("mode", mode.value()), mode);
    }
    for (const std::string_view list : {"allow", "deny", "ask"}) {
        RuleSource source;
        source.list = std::string(list);
        source.key = "permissions." + source.list;
        source.label = source.list + " rule";
        source.scope = a.scope();
        for (const sdk::Node& entry : permissions[list].children()) {
            if (entry.is_string()) analyze_permission_rule(a, entry.value(), entry, source);
        }
    }
}

}  // namespace claude_code
