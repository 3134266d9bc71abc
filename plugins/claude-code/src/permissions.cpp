#include "permissions.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "common.hpp"

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

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto start = text.find_first_not_of(' ', pos);
        if (start == std::string_view::npos) break;
        const auto end = text.find(' ', start);
        words.emplace_back(text.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start));
        pos = end == std::string_view::npos ? text.size() : end;
    }
    return words;
}

// The command a Bash specifier lets run with any arguments: "curl *", "curl*", "curl:*" (legacy),
// "python3 -c *" (flags, then a bare wildcard) — but not "python3 -m pytest *", where a named
// tool takes the wildcard's place.
std::string broad_bash_command(const PermissionRule& r) {
    if (r.tool != "Bash" || r.specifier.empty()) return {};
    std::string spec = r.specifier;
    if (spec.ends_with(":*")) spec = spec.substr(0, spec.size() - 2) + " *";  // legacy prefix form
    if (spec.find('*') == std::string::npos) return {};
    static constexpr std::array kBroad{
        "git push", "curl", "wget", "python", "python3", "node", "ssh",  "scp", "bash", "sh",
        "zsh",      "sudo", "nc",   "ncat",   "perl",    "ruby", "eval", "npx", "deno"};
    const std::vector<std::string> words = split_words(spec);
    for (const std::string_view command : kBroad) {
        const std::vector<std::string> command_words = split_words(command);
        if (words.size() < command_words.size()) continue;
        const std::size_t last = command_words.size() - 1;
        if (!std::equal(command_words.begin(),
                        command_words.begin() + static_cast<std::ptrdiff_t>(last), words.begin())) {
            continue;
        }
        if (words[last] == command_words[last] + "*" && words.size() == last + 1)
            return std::string(command);
        if (words[last] != command_words[last] || words.size() == last + 1) continue;
        // After the command: only flags, then a bare "*" at the end.
        if (words.back() != "*") continue;
        const bool only_flags =
            std::all_of(words.begin() + static_cast<std::ptrdiff_t>(last) + 1, words.end() - 1,
                        [](const std::string& w) { return w.starts_with('-'); });
        if (only_flags) return std::string(command);
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
