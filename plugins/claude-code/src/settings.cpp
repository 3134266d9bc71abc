#include "settings.hpp"

#include <array>
#include <cstdio>

#include "common.hpp"
#include "deny_coverage.hpp"
#include "hooks.hpp"
#include "marketplaces.hpp"
#include "mcp_scopes.hpp"
#include "messages.hpp"
#include "permission_checks.hpp"
#include "permissions.hpp"
#include "settings_keys.hpp"

namespace claude_code {

namespace {

using sdk::Severity;

// Variables whose literal value in settings env is a credential even when it does not look random.
constexpr std::array kCredentialVariables{"ANTHROPIC_API_KEY",
                                          "ANTHROPIC_AUTH_TOKEN",
                                          "CLAUDE_CODE_OAUTH_TOKEN",
                                          "AWS_SECRET_ACCESS_KEY",
                                          "AWS_SESSION_TOKEN",
                                          "OPENAI_API_KEY",
                                          "GITHUB_TOKEN",
                                          "GH_TOKEN"};

bool is_credential_variable(std::string_view name) {
    for (const std::string_view v : kCredentialVariables) {
        if (v == name) return true;
    }
    return false;
}

void check_settings_env(Analysis& a, const sdk::Node& env) {
    for (const sdk::Node& var : env.children()) {
        if (!var.is_string() || var.is_reference() || var.is_placeholder()) continue;
        const bool named = is_credential_variable(var.key()) && var.value().size() >= 8;
        if (!var.is_secret() && !named) continue;
        a.sink.finding("SEC-004", Severity::high,
                       "settings env " + std::string(var.key()) + " holds a literal " +
                           (var.is_secret_token() ? "API key or token" : "secret") +
                           "; use apiKeyHelper or the shell environment",
                       var);
    }
}

void check_project_servers_approval(Analysis& a, const sdk::Node& root) {
    const sdk::Node all = root["enableAllProjectMcpServers"];
    if (!all.is_true()) return;
    const bool project = a.is_project_file();
    a.sink.finding(
        "MCP-001", project ? Severity::high : Severity::medium,
        std::string(
            "enableAllProjectMcpServers starts every server a repository's .mcp.json declares "
            "without asking") +
            (project ? "; committed here, the repository approves its own servers" : ""),
        all);
}

void check_dangerous_prompt(Analysis& a, const sdk::Node& root) {
    if (const sdk::Node skip = root["skipDangerousModePermissionPrompt"]; skip.is_true()) {
        a.sink.finding(
            "PERM-002", Severity::high,
            "skipDangerousModePermissionPrompt is true: bypass mode starts without its warning",
            skip);
    }
    // The opt-in dialog of auto mode, where a classifier approves tool calls instead of you.
    if (const sdk::Node skip = root["skipAutoPermissionPrompt"]; skip.is_true()) {
        const bool project = a.is_project_file();
        a.sink.finding(
            "PERM-002", project ? Severity::high : Severity::medium,
            std::string("skipAutoPermissionPrompt is true: auto mode, where a classifier "
                        "approves tool calls instead of you, starts without its opt-in "
                        "dialog") +
                (project ? "; committed here, the repository opts everyone in" : ""),
            skip);
    }
}

// projects["/"] or projects[<home>] with hasTrustDialogAccepted: every folder below is trusted, so
// the settings, hooks and servers of any repository cloned there run without the trust dialog.
void check_trusted_projects(Analysis& a, const sdk::Node& projects) {
    for (const sdk::Node& project : projects.children()) {
        const sdk::Node trusted = project["hasTrustDialogAccepted"];
        if (!trusted.is_true()) continue;
        const std::string area = whole_area(project.key(), a.file.home_dir());
        if (area.empty()) continue;
        a.sink.finding("TRUST-001", Severity::high,
                       "the trust dialog is accepted for " + text_in_quotes(project.key(), 60) +
                           ", " + area +
                           ": every folder below it is trusted, so a repository cloned anywhere "
                           "there runs its hooks, settings and MCP servers without asking",
                       trusted);
    }
}

// projects[*].allowedTools: approvals Claude Code kept per project (local scope).
void analyze_project_allowed_tools(Analysis& a, const sdk::Node& project) {
    const sdk::Node tools = project["allowedTools"];
    if (!tools.is_array()) return;
    RuleSource source;
    source.key = "projects[].allowedTools";
    source.label = "allowedTools entry";
    source.where = " for project " + text_in_quotes(project.key(), 60);
    source.scope = sdk::Scope::local;
    source.extra.emplace_back("project", std::string(project.key()));
    for (const sdk::Node& entry : tools.children()) {
        if (entry.is_string()) analyze_permission_rule(a, entry.value(), entry, source);
    }
}

}  // namespace

void analyze_settings(Analysis& a, ScanFacts& facts) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    analyze_permissions(a, root["permissions"]);
    check_permission_scope(a, root["permissions"]);
    record_deny_rules(a, facts, root["permissions"]);
    check_dangerous_prompt(a, root);
    check_project_servers_approval(a, root);
    check_settings_env(a, root["env"]);
    check_settings_keys(a, root);
    analyze_hooks(a, root["hooks"], a.file.display_path());
    // Settings files may also carry servers (managed settings and some tools write them there);
    // Claude Code does not load them as a scope of their own.
    analyze_servers(a, facts, root["mcpServers"], a.scope(), "", false);
    if (a.scope() == sdk::Scope::managed) {
        record_server_policy(a, facts, root);
        record_strict_marketplaces(facts, root);
    }
    if (a.is_project_file()) record_project_plugins(a, facts, root);
}

void analyze_global_state(Analysis& a, ScanFacts& facts) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    analyze_servers(a, facts, root["mcpServers"], sdk::Scope::user);
    check_dangerous_prompt(a, root);
    check_trusted_projects(a, root["projects"]);
    for (const sdk::Node& project : root["projects"].children()) {
        analyze_project_allowed_tools(a, project);
        analyze_servers(a, facts, project["mcpServers"], sdk::Scope::local, project.key());
    }
}

void analyze_mcp_file(Analysis& a, ScanFacts& facts) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    if (root["mcpServers"]) {
        analyze_servers(a, facts, root["mcpServers"], a.scope());
    } else if (a.scope() == sdk::Scope::plugin) {
        analyze_servers(a, facts, root, a.scope());  // plugins may list servers at the top level
    }
}

void analyze_plugin_hooks(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    analyze_hooks(a, root["hooks"], "plugin " + std::string(a.file.display_path()));
}

void analyze_plugin_metadata(Analysis& a, ScanFacts& facts) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    if (a.file.file_name() == "known_marketplaces.json") {
        for (const sdk::Node& market : root.children()) {
            const sdk::Node source = market["source"];
            sdk::JsonObject data;
            data.set("source", source["source"].string_or(""));
            for (const char* key : {"repo", "url", "path"}) {
                if (source[key].is_string()) data.set(key, source[key].value());
            }
            a.sink.item("plugin_marketplace", market.key(), a.scope(), data, market);
            facts.known_marketplaces.emplace_back(market.key(), read_marketplace_source(source));
        }
        return;
    }
    // .claude-plugin/plugin.json: the plugin, and servers and hooks it declares inline.
    sdk::JsonObject data;
    data.set("version", root["version"].string_or(""))
        .set("description", root["description"].string_or(""));
    a.sink.item("claude_plugin", root["name"].string_or(a.file.display_path()), a.scope(), data,
                root);
    if (root["mcpServers"].is_object()) analyze_servers(a, facts, root["mcpServers"], a.scope());
    if (root["hooks"].is_object())
        analyze_hooks(a, root["hooks"], "plugin " + std::string(root["name"].string_or("")));
}

void analyze_credentials(Analysis& a) {
    sdk::JsonObject data;
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", a.file.mode() & 07777u);
    data.set("mode", std::string_view(mode));
    sdk::JsonArray keys;
    for (const sdk::Node& member : a.doc.root().children())
        keys.push(member.key());
    data.set("entries", keys);
    a.sink.item("credentials_file", a.file.display_path(), a.scope(), data);
}

}  // namespace claude_code
