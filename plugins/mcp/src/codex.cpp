// Codex: config.toml at user, project (trusted projects), system and managed level. Servers are
// [mcp_servers.<name>] tables; approval_policy and sandbox_mode (top level or in a profile)
// decide what the agent may do without asking (CDX-001); shell_environment_policy.set is the
// environment of every command it runs (AUTH-002); [projects."<path>"] trust_level records
// trusted folders (TRUST-001).
#include <confscope/plugin_common/process_environment.hpp>

#include "clients.hpp"
#include "dialects.hpp"
#include "trust.hpp"

namespace mcp {

namespace {

using sdk::Severity;

Severity one_level_worse(Severity s) {
    switch (s) {
        case Severity::info:
            return Severity::low;
        case Severity::low:
            return Severity::medium;
        case Severity::medium:
            return Severity::high;
        case Severity::high:
        case Severity::critical:
            return Severity::critical;
    }
    return s;
}

// `where` is "" for the top level, "profile x" for [profiles.x].
void check_autonomy(Analysis& a, const sdk::Node& table, const std::string& where) {
    const bool project = a.is_project_file();
    const std::string suffix =
        (where.empty() ? std::string() : " in " + where) +
        (project ? "; in a project file, the repository grants it to everyone who trusts it" : "");
    if (const sdk::Node sandbox = table["sandbox_mode"];
        sandbox.string_or("") == "danger-full-access") {
        a.sink.finding("CDX-001", project ? one_level_worse(Severity::high) : Severity::high,
                       "sandbox_mode = \"danger-full-access\": Codex runs commands without a "
                       "sandbox, with full disk and network access" +
                           suffix,
                       sandbox);
    }
    if (const sdk::Node approval = table["approval_policy"]; approval.string_or("") == "never") {
        a.sink.finding(
            "CDX-001", project ? one_level_worse(Severity::medium) : Severity::medium,
            "approval_policy = \"never\": Codex never asks before running a command" + suffix,
            approval);
    }
}

// An inline bearer_token (older Codex versions) is a literal token in the file.
void check_inline_bearer_token(Analysis& a, const sdk::Node& servers) {
    for (const sdk::Node& srv : servers.children()) {
        const sdk::Node token = srv["bearer_token"];
        if (!token.is_string() || token.value().empty() || token.is_reference() ||
            token.is_placeholder())
            continue;
        a.sink.finding("SEC-002", Severity::high,
                       "MCP server " + quoted(srv.key()) +
                           " has a literal bearer_token; name the variable that holds it with "
                           "bearer_token_env_var",
                       token);
    }
}

// [shell_environment_policy] set = { NODE_TLS_REJECT_UNAUTHORIZED = "0" }: every command Codex
// runs (and every program those start) skips TLS certificate checks.
void check_shell_environment(Analysis& a, const sdk::Node& policy) {
    for (const sdk::Node& variable : policy["set"].children()) {
        if (!variable.is_scalar() || !disables_tls_verification(variable.key(), variable.value()))
            continue;
        a.sink.finding("AUTH-002", Severity::high,
                       "shell_environment_policy.set " + std::string(variable.key()) + " = " +
                           quoted(variable.value()) +
                           ": every command Codex runs skips TLS certificate checks; trust your "
                           "CA (NODE_EXTRA_CA_CERTS) instead",
                       variable);
    }
}

}  // namespace

void analyze_codex(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    if (const sdk::Node servers = root["mcp_servers"];
        servers_object(a, servers, "mcp_servers", "Codex")) {
        analyze_mcp_servers(a, servers, a.scope(), codex_dialect());
        check_inline_bearer_token(a, servers);
    }
    check_autonomy(a, root, "");
    check_shell_environment(a, root["shell_environment_policy"]);
    // Codex keeps trust decisions in the user's config.toml only.
    if (a.scope() == sdk::Scope::user) check_codex_trust(a, root["projects"]);
    for (const sdk::Node& profile : root["profiles"].children()) {
        if (profile.is_object()) check_autonomy(a, profile, "profile " + quoted(profile.key()));
    }
}

}  // namespace mcp
