#include "deny_coverage.hpp"

#include "permissions.hpp"
#include "wildcards.hpp"

namespace claude_code {

namespace {

using sdk::Severity;

// A Read rule's path pattern as an absolute pattern, or "" when it is relative to the project
// ("./.env", ".env", "**/.env*", and "/x", which is relative to the settings file's project).
std::string absolute_pattern(std::string_view spec, std::string_view home) {
    if (spec.starts_with("//")) return std::string(spec.substr(1));
    if (spec == "~") return std::string(home);
    if (spec.starts_with("~/")) return std::string(home) + std::string(spec.substr(1));
    return {};
}

std::string_view relative_pattern(std::string_view spec) {
    if (spec.starts_with("./")) return spec.substr(2);
    if (spec.starts_with('/') && !spec.starts_with("//")) return spec.substr(1);
    return spec;
}

// The rule matches `path` or a folder above it (a folder rule covers what is inside).
bool covers_path(std::string_view pattern, std::string_view path) {
    std::string_view p = path;
    while (!p.empty()) {
        if (path_glob_match(pattern, p)) return true;
        const auto slash = p.find_last_of('/');
        if (slash == std::string_view::npos || slash == 0) break;
        p = p.substr(0, slash);
    }
    return false;
}

struct Coverage {
    bool env = false;
    bool ssh = false;
};

void add_rule(Coverage& c, std::string_view text, std::string_view home) {
    const PermissionRule rule = parse_permission_rule(text);
    if (rule.tool != "Read") return;
    if (!rule.has_specifier || rule.specifier.empty() || rule.specifier == "*" ||
        rule.specifier == "**" || rule.specifier == "//**") {
        c.env = c.ssh = true;  // every read denied
        return;
    }
    const std::string example_project = std::string(home) + "/projects/app";
    const std::string absolute = absolute_pattern(rule.specifier, home);
    if (!absolute.empty()) {
        c.env = c.env || covers_path(absolute, example_project + "/.env");
        c.ssh = c.ssh || covers_path(absolute, std::string(home) + "/.ssh/id_ed25519");
    } else {
        c.env = c.env || path_glob_match(relative_pattern(rule.specifier), ".env");
    }
}

}  // namespace

void record_deny_rules(Analysis& a, ScanFacts& facts, const sdk::Node& permissions) {
    const bool user = a.file.target_id() == "user-settings";
    const bool managed = a.scope() == sdk::Scope::managed;
    if (!user && !managed) return;
    if (user && permissions.is_object()) {
        facts.user_permissions = sdk::Location::of(a.file, permissions);
        facts.home = std::string(a.file.home_dir());
    }
    for (const std::string_view rule : permissions["deny"].strings())
        (user ? facts.user_deny : facts.managed_deny).emplace_back(rule);
}

void report_deny_coverage(const ScanFacts& facts, sdk::Sink& sink) {
    if (!facts.user_permissions) return;
    // Under allowManagedPermissionRulesOnly Claude Code ignores the user's own rules, deny rules
    // included: only managed ones protect.
    const std::optional<std::string>& managed_only = facts.policy.managed_permission_rules_only;
    Coverage c;
    if (!managed_only) {
        for (const std::string& rule : facts.user_deny)
            add_rule(c, rule, facts.home);
    }
    for (const std::string& rule : facts.managed_deny)
        add_rule(c, rule, facts.home);
    if (c.env && c.ssh) return;
    std::string missing;
    if (!c.env) missing = ".env files (Read(./.env), Read(**/.env*))";
    if (!c.ssh) missing += std::string(missing.empty() ? "" : " or ") + "~/.ssh (Read(~/.ssh/**))";
    if (managed_only) {
        sink.finding("PERM-006", Severity::low,
                     "no managed deny rule keeps Claude from reading " + missing +
                         "; your own deny rules are ignored under managed policy "
                         "(allowManagedPermissionRulesOnly in " +
                         *managed_only + "), so the managed settings must add them",
                     *facts.user_permissions);
        return;
    }
    sink.finding(
        "PERM-006", Severity::low,
        "no deny rule in your settings or managed policy keeps Claude from reading " + missing,
        *facts.user_permissions);
}

}  // namespace claude_code
