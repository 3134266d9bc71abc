#include "permissions.hpp"

#include <array>

#include "text.hpp"

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

// Bash(*), Bash(* ...), Bash(*:*) and an empty specifier all match every command.
bool unrestricted_bash(const PermissionRule& r) {
    if (r.tool != "Bash") return false;
    return !r.has_specifier || r.specifier.empty() || r.specifier.front() == '*';
}

// Edit without a path, or with a pattern that covers every file.
bool unrestricted_edit(const PermissionRule& r) {
    if (r.tool != "Edit" && r.tool != "MultiEdit") return false;
    if (!r.has_specifier || r.specifier.empty()) return true;
    for (const std::string_view all : {"*", "**", "/**", "//**", "~/**", "./**"}) {
        if (r.specifier == all) return true;
    }
    return false;
}

// The command word of a Bash specifier followed by a wildcard: "curl *", "curl:*", "python3 -c *".
std::string broad_bash_command(const PermissionRule& r) {
    if (r.tool != "Bash" || r.specifier.empty()) return {};
    std::string spec = r.specifier;
    if (spec.ends_with(":*")) spec = spec.substr(0, spec.size() - 2) + " *";  // legacy prefix form
    if (spec.find('*') == std::string::npos) return {};
    static constexpr std::array kBroad{
        "curl", "wget", "python", "python3", "node", "ssh",  "scp", "bash", "sh",      "zsh",
        "sudo", "nc",   "ncat",   "perl",    "ruby", "eval", "npx", "deno", "git push"};
    for (const std::string_view word : kBroad) {
        if (spec.starts_with(word) && spec.size() > word.size() && (spec[word.size()] == ' '))
            return std::string(word);
    }
    return {};
}

bool unrestricted_webfetch(const PermissionRule& r) {
    if (r.tool != "WebFetch") return false;
    return !r.has_specifier || r.specifier.empty() || r.specifier == "*" ||
           r.specifier == "domain:*";
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

void analyze_permissions(Analysis& a, const sdk::Node& permissions) {
    if (!permissions.is_object()) return;
    check_bypass_mode(a, permissions["defaultMode"], "permissions.defaultMode");
    if (const sdk::Node mode = permissions["defaultMode"]; mode.is_string()) {
        a.sink.item("permission_mode", mode.value(), a.scope(),
                    sdk::JsonObject().set("mode", mode.value()), mode);
    }
    for (const std::string_view list : {"allow", "deny", "ask"}) {
        for (const sdk::Node& entry : permissions[list].children()) {
            if (!entry.is_string()) continue;
            const PermissionRule rule = parse_permission_rule(entry.value());
            sdk::JsonObject data;
            data.set("list", list).set("rule", entry.value()).set("tool", rule.tool);
            if (rule.has_specifier) data.set("specifier", rule.specifier);
            a.sink.item("permission_rule", entry.value(), a.scope(), data, entry);
            if (list != "allow") continue;

            const std::string text = quoted(entry.value());
            if (unrestricted_bash(rule)) {
                a.sink.finding(
                    "PERM-003", Severity::critical,
                    "allow rule " + text + " lets Claude run any shell command without asking",
                    entry);
            } else if (unrestricted_edit(rule)) {
                a.sink.finding("PERM-003", Severity::critical,
                               "allow rule " + text + " lets Claude edit any file without asking",
                               entry);
            } else if (const std::string word = broad_bash_command(rule); !word.empty()) {
                a.sink.finding("PERM-004", Severity::medium,
                               "allow rule " + text + " lets Claude run any " + quoted(word) +
                                   " command without asking",
                               entry);
            } else if (unrestricted_webfetch(rule)) {
                a.sink.finding("PERM-004", Severity::medium,
                               "allow rule " + text +
                                   " lets Claude fetch any URL without asking; name the domains",
                               entry);
            }
        }
    }
}

}  // namespace claude_code
