#include "settings_keys.hpp"

#include <confscope/plugin_common/process_environment.hpp>

#include "messages.hpp"

namespace claude_code {

namespace {

using sdk::Severity;

void check_sandbox(Analysis& a, const sdk::Node& sandbox) {
    for (const sdk::Node& key : sandbox.children()) {
        if (!key.is_true()) continue;
        const std::string_view name = key.key();
        std::string effect;
        if (name == "allowUnsandboxedCommands") {
            effect = "commands may ask to run outside the sandbox (dangerouslyDisableSandbox)";
        } else if (name.starts_with("enableWeaker")) {
            effect = "the sandbox runs with weaker isolation";
        } else {
            continue;
        }
        a.sink.finding("PERM-008", Severity::medium,
                       "sandbox." + std::string(name) + " is true: " + effect, key);
    }
}

void check_mcpjson_approval(Analysis& a, const sdk::Node& root) {
    const sdk::Node enabled = root["enabledMcpjsonServers"];
    if (!a.is_project_file() || !enabled.is_array() || enabled.size() == 0) return;
    std::string names;
    for (const std::string_view name : enabled.strings())
        names += (names.empty() ? "" : ", ") + text_in_quotes(name, 40);
    a.sink.finding("MCP-002", Severity::medium,
                   "committed project settings approve the repository's own .mcp.json servers (" +
                       names + "); approval belongs in each user's settings.local.json",
                   enabled);
}

bool is_endpoint_variable(std::string_view name) {
    const std::string lower = to_lower(name);
    for (const std::string_view v :
         {"anthropic_base_url", "anthropic_bedrock_base_url", "anthropic_vertex_base_url",
          "http_proxy", "https_proxy", "all_proxy"}) {
        if (lower == v) return true;
    }
    return false;
}

void check_env(Analysis& a, const sdk::Node& env) {
    for (const sdk::Node& var : env.children()) {
        const std::string_view name = var.key();
        if (a.is_project_file() && var.is_string() && !var.value().empty() &&
            is_endpoint_variable(name)) {
            a.sink.finding("AUTH-001", Severity::high,
                           "project settings set " + std::string(name) + " to " +
                               text_in_quotes(var.value(), 60) +
                               ": the repository routes everyone's API traffic, prompts and "
                               "credentials through a host it chooses",
                           var);
        }
        if (!var.is_scalar()) continue;
        if (disables_tls_verification(name, var.value())) {
            a.sink.finding("AUTH-002", Severity::high,
                           "settings env " + std::string(name) + "=" +
                               text_in_quotes(var.value(), 20) +
                               " turns off TLS certificate checks for Claude Code and the "
                               "servers it starts",
                           var);
        }
        // Settings env reaches Claude Code itself and every server and hook it starts: a
        // preloaded library or module runs inside all of them (the same test as a server's env).
        if (const EnvironmentHijack hijack =
                environment_hijack(name, var.value(), a.file.home_dir());
            !hijack.why.empty()) {
            const bool project = a.is_project_file();
            a.sink.finding("MCP-015",
                           project && hijack.high ? Severity::critical
                           : hijack.high          ? Severity::high
                                                  : Severity::medium,
                           std::string(project ? "project " : "") + "settings env " +
                               std::string(name) + " " + hijack.why +
                               ": it applies to Claude Code and every server and hook it starts" +
                               (project ? ", for everyone who opens this repository" : ""),
                           var);
        }
    }
}

// Settings keys whose value is a command Claude Code runs.
void check_project_commands(Analysis& a, const sdk::Node& root) {
    if (!a.is_project_file()) return;
    for (const std::string_view key :
         {"statusLine", "apiKeyHelper", "awsAuthRefresh", "awsCredentialExport", "gcpAuthRefresh",
          "otelHeadersHelper", "fileSuggestion"}) {
        const sdk::Node value = root[key];
        const bool set =
            value.is_string() ? !value.value().empty() : (value.is_object() && value.size() > 0);
        if (!set) continue;
        a.sink.finding("HOOK-005", Severity::medium,
                       "project settings define " + std::string(key) +
                           ", a command that runs on the machine of everyone who opens this "
                           "repository",
                       value);
    }
}

}  // namespace

void check_settings_keys(Analysis& a, const sdk::Node& root) {
    check_sandbox(a, root["sandbox"]);
    check_mcpjson_approval(a, root);
    check_env(a, root["env"]);
    check_project_commands(a, root);
}

}  // namespace claude_code
