#include "effective_policy.hpp"

#include <vector>

#include "mcp_scopes.hpp"
#include "targets.hpp"

namespace claude_code {

namespace {

using sdk::Scope;

bool under(std::string_view pointer, std::string_view prefix) {
    return pointer == prefix || (pointer.starts_with(prefix) && pointer.size() > prefix.size() &&
                                 pointer[prefix.size()] == '/');
}

// "/projects/<key>/allowedTools/…" in ~/.claude.json.
bool project_allowed_tools(std::string_view pointer) {
    constexpr std::string_view kProjects = "/projects/";
    if (!pointer.starts_with(kProjects)) return false;
    pointer.remove_prefix(kProjects.size());
    const auto slash = pointer.find('/');
    return slash != std::string_view::npos && under(pointer.substr(slash), "/allowedTools");
}

bool settings_level(Scope scope) {
    return scope == Scope::user || scope == Scope::project || scope == Scope::local;
}

void set_once(std::optional<std::string>& slot, std::string_view display) {
    if (!slot) slot = std::string(display);
}

// disableAllHooks outside managed settings: in user settings it turns off every settings hook
// and status line below managed; in a project's settings, that project's.
std::string disabled_by_settings(const ScanFacts& facts, const HeldFinding& held) {
    if (held.category != category::settings || !settings_level(held.scope)) return {};
    if (facts.policy.user_disable_all_hooks)
        return "ignored: disableAllHooks is true in " + *facts.policy.user_disable_all_hooks;
    if (held.scope == Scope::user) return {};
    for (const auto& [project, display] : facts.policy.project_disable_all_hooks) {
        if (project == held.project) return "ignored: disableAllHooks is true in " + display;
    }
    return {};
}

std::string hook_ignored(const ScanFacts& facts, const PluginStates& states,
                         const HeldFinding& held) {
    const EffectivePolicy& p = facts.policy;
    if (p.managed_disable_all_hooks) {
        return "ignored under managed policy (disableAllHooks in " + *p.managed_disable_all_hooks +
               ")";
    }
    if (held.scope == Scope::managed) return {};
    if (p.managed_hooks_only) {
        const auto it = states.find(held.plugin_folder);
        const bool forced = it != states.end() && it->second.forced_by_managed;
        if (!forced) {
            return "ignored under managed policy (allowManagedHooksOnly in " +
                   *p.managed_hooks_only + ")";
        }
    }
    return disabled_by_settings(facts, held);
}

}  // namespace

void record_effective_policy(const Analysis& a, ScanFacts& facts) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    const std::string_view c = a.file.category();
    EffectivePolicy& p = facts.policy;
    if (c == category::mcp && a.scope() == Scope::managed &&
        a.file.file_name() == "managed-mcp.json") {
        if (!p.managed_mcp) p.managed_mcp = sdk::Location::of(a.file);
        return;
    }
    if (c != category::settings) return;
    const std::string_view display = a.file.display_path();
    if (a.scope() == Scope::managed) {
        if (root["allowManagedPermissionRulesOnly"].is_true())
            set_once(p.managed_permission_rules_only, display);
        if (root["allowManagedHooksOnly"].is_true()) set_once(p.managed_hooks_only, display);
        if (root["disableAllHooks"].is_true()) set_once(p.managed_disable_all_hooks, display);
        const sdk::Node permissions = root["permissions"];
        if (permissions["disableBypassPermissionsMode"].string_or("") == "disable")
            set_once(p.managed_disable_bypass, display);
        if (root["disableAutoMode"].string_or("") == "disable" ||
            permissions["disableAutoMode"].string_or("") == "disable")
            set_once(p.managed_disable_auto, display);
    } else if (root["disableAllHooks"].is_true()) {
        if (a.scope() == Scope::user) {
            set_once(p.user_disable_all_hooks, display);
        } else if (a.scope() == Scope::project || a.scope() == Scope::local) {
            p.project_disable_all_hooks.emplace_back(a.file.project_dir(), display);
        }
    }
}

Dependency dependency_of(const Analysis& a, const ScanFacts& facts, std::size_t first_server,
                         std::string_view rule_id, std::string_view pointer, std::size_t& server) {
    // A literal secret, or a file others can read, is a risk whether or not Claude Code uses it.
    if (rule_id.starts_with("SEC-") || rule_id.starts_with("FS-")) return Dependency::none;

    // Inside a server entry this file defines (the longest match: servers nest in projects).
    std::size_t best = facts.servers.size(), best_length = 0;
    for (std::size_t i = first_server; i < facts.servers.size(); ++i) {
        const sdk::Location& at = facts.servers[i].at;
        if (at.path != a.file.path() || at.pointer.empty() || !under(pointer, at.pointer)) continue;
        if (at.pointer.size() >= best_length) {
            best = i;
            best_length = at.pointer.size();
        }
    }
    if (best < facts.servers.size()) {
        server = best;
        return Dependency::server;
    }

    const std::string_view c = a.file.category();
    if (rule_id == "PERM-001" &&
        ((c == category::settings && pointer == "/permissions/defaultMode") ||
         (c == category::agents && pointer == "/permissionMode")))
        return Dependency::bypass_mode;
    if (rule_id == "PERM-002" && c == category::settings) {
        if (pointer == "/skipDangerousModePermissionPrompt") return Dependency::bypass_mode;
        if (pointer == "/skipAutoPermissionPrompt") return Dependency::auto_mode;
    }
    if (c == category::settings) {
        if (under(pointer, "/hooks")) return Dependency::hook;
        if (under(pointer, "/statusLine")) return Dependency::status_line;
        if (a.scope() != Scope::managed &&
            (under(pointer, "/permissions/allow") || under(pointer, "/permissions/ask") ||
             under(pointer, "/permissions/deny"))) {
            return Dependency::permission_rule;
        }
    } else if (c == category::hooks || c == category::plugins) {
        if (under(pointer, "/hooks")) return Dependency::hook;
    } else if (c == category::agents || c == category::commands || c == category::skills) {
        if (under(pointer, "/hooks")) return Dependency::hook;
        if (under(pointer, "/allowed-tools")) return Dependency::permission_rule;
    } else if (c == category::global_state) {
        if (project_allowed_tools(pointer)) return Dependency::permission_rule;
    } else if (c == category::hook_scripts) {
        return Dependency::hook;  // a script runs only as far as the hooks that call it run
    }
    return Dependency::none;
}

std::string ignored_because(const ScanFacts& facts, const PluginStates& states,
                            const HeldFinding& held) {
    const EffectivePolicy& p = facts.policy;
    switch (held.dependency) {
        case Dependency::none:
            return {};
        case Dependency::permission_rule:
            if (p.managed_permission_rules_only && held.scope != Scope::managed) {
                return "ignored under managed policy (allowManagedPermissionRulesOnly in " +
                       *p.managed_permission_rules_only + ")";
            }
            return {};
        case Dependency::hook:
            return hook_ignored(facts, states, held);
        case Dependency::status_line:
            if (p.managed_disable_all_hooks) {
                return "ignored under managed policy (disableAllHooks in " +
                       *p.managed_disable_all_hooks + ")";
            }
            return held.scope == Scope::managed ? std::string() : disabled_by_settings(facts, held);
        case Dependency::bypass_mode:
            if (p.managed_disable_bypass) {
                return "ignored under managed policy (disableBypassPermissionsMode in " +
                       *p.managed_disable_bypass + ")";
            }
            return {};
        case Dependency::auto_mode:
            if (p.managed_disable_auto) {
                return "ignored under managed policy (disableAutoMode in " +
                       *p.managed_disable_auto + ")";
            }
            return {};
        case Dependency::server:
            if (held.server < facts.servers.size()) {
                const std::string why = server_exclusion(facts, facts.servers[held.server]);
                if (!why.empty()) return "not started under managed policy (" + why + ")";
            }
            return {};
    }
    return {};
}

void report_held(sdk::Sink& sink, const ScanFacts& facts, const PluginStates& states,
                 const HeldFinding& held) {
    const RecordedFinding& f = held.finding;
    const std::string why = ignored_because(facts, states, held);
    if (why.empty()) {
        sink.finding(f.rule_id, f.severity, f.message, f.at);
    } else {
        sink.finding(f.rule_id, sdk::Severity::info, f.message + " — " + why, f.at);
    }
}

}  // namespace claude_code
