#include "mcp_scopes.hpp"

#include <algorithm>
#include <map>

#include <confscope/plugin_common/server_shape.hpp>

#include "messages.hpp"
#include "wildcards.hpp"

namespace claude_code {

namespace {

using sdk::Scope;
using sdk::Severity;

// Precedence of the scopes a server name can be defined at; 0: not part of the contest (managed
// servers are exclusive, settings files are not a server source).
int rank(Scope scope) {
    switch (scope) {
        case Scope::local:
            return 4;
        case Scope::project:
            return 3;
        case Scope::user:
            return 2;
        case Scope::plugin:
            return 1;
        default:
            return 0;
    }
}

std::string_view trim_slashes(std::string_view path) {
    while (path.size() > 1 && (path.back() == '/' || path.back() == '\\'))
        path.remove_suffix(1);
    return path;
}

// `higher` replaces `lower` where both apply: a local server only in its own project.
bool replaces(const ServerRecord& higher, const ServerRecord& lower) {
    if (rank(higher.scope) <= rank(lower.scope) || rank(lower.scope) == 0) return false;
    if (higher.scope == Scope::local && lower.scope == Scope::project)
        return trim_slashes(higher.project) == trim_slashes(lower.project);
    return true;
}

bool competes(const ServerRecord& s) {
    return s.loaded && s.ranked && rank(s.scope) > 0;
}

std::vector<ServerPolicyEntry> read_policy(const sdk::Node& list) {
    std::vector<ServerPolicyEntry> entries;
    for (const sdk::Node& entry : list.children()) {
        ServerPolicyEntry e;
        if (entry["serverName"].is_string()) e.name = std::string(entry["serverName"].value());
        if (entry["serverCommand"].is_array()) {
            std::vector<std::string> command;
            for (const std::string_view part : entry["serverCommand"].strings())
                command.emplace_back(part);
            e.command = std::move(command);
        }
        if (entry["serverUrl"].is_string()) e.url = std::string(entry["serverUrl"].value());
        if (e.name || e.command || e.url) entries.push_back(std::move(e));
    }
    return entries;
}

void merge_policy(std::optional<ServerPolicy>& into, const sdk::Node& list,
                  std::string_view display) {
    if (!list.is_array()) return;
    if (!into) into = ServerPolicy{{}, std::string(display)};
    for (ServerPolicyEntry& e : read_policy(list))
        into->entries.push_back(std::move(e));
}

bool command_matches(const ServerPolicyEntry& e, const ServerRecord& s) {
    if (!e.command || s.command.empty() || e.command->empty()) return false;
    std::vector<std::string> actual{s.command};
    actual.insert(actual.end(), s.args.begin(), s.args.end());
    return actual == *e.command;
}

bool url_matches(const ServerPolicyEntry& e, const ServerRecord& s) {
    return e.url && !s.url.empty() && wildcard_match(*e.url, s.url);
}

bool name_matches(const ServerPolicyEntry& e, const ServerRecord& s) {
    return e.name && *e.name == s.name;
}

// Why Claude Code's allowlist refuses a server, or "" when it admits it: a stdio server must match
// a serverCommand entry when there are any, a remote server a serverUrl entry when there are any;
// otherwise the name decides.
std::string refusal(const ServerPolicy& policy, const ServerRecord& s) {
    const auto any = [&](auto&& pred) {
        return std::any_of(policy.entries.begin(), policy.entries.end(), pred);
    };
    const bool has_commands = any([](const ServerPolicyEntry& e) { return e.command.has_value(); });
    const bool has_urls = any([](const ServerPolicyEntry& e) { return e.url.has_value(); });
    if (!s.command.empty() && has_commands) {
        if (any([&](const ServerPolicyEntry& e) { return command_matches(e, s); })) return {};
        return "its command is not one of the allowed serverCommand entries, and a name alone "
               "does not admit a stdio server when there are some";
    }
    if (!s.url.empty() && has_urls) {
        if (any([&](const ServerPolicyEntry& e) { return url_matches(e, s); })) return {};
        return "its URL matches none of the allowed serverUrl patterns";
    }
    if (any([&](const ServerPolicyEntry& e) { return name_matches(e, s); })) return {};
    return policy.entries.empty() ? "the list is empty, which admits no server"
                                  : "its name is not in the list";
}

bool denied(const ServerPolicy& policy, const ServerRecord& s) {
    return std::any_of(policy.entries.begin(), policy.entries.end(), [&](const auto& e) {
        return name_matches(e, s) || command_matches(e, s) || url_matches(e, s);
    });
}

}  // namespace

void analyze_servers(Analysis& a, ScanFacts& facts, const sdk::Node& servers, sdk::Scope scope,
                     std::string_view project, bool ranked) {
    // A list or a string where Claude Code wants an object of servers: none of them loads.
    if (!servers_object(a, servers, "mcpServers", "Claude Code")) return;
    analyze_mcp_servers(a, servers, scope, claude_code_dialect(), project);
    for (const sdk::Node& entry : servers.children()) {
        if (!entry.is_object()) continue;
        const ServerEntry srv = read_server(entry, std::string(entry.key()), claude_code_dialect());
        ServerRecord r;
        r.name = srv.name;
        r.scope = scope;
        r.project = std::string(scope == Scope::project ? a.file.project_dir() : project);
        r.command = srv.command;
        r.args = srv.args;
        r.url = std::string(srv.url_node.string_or(""));
        r.ranked = ranked;
        r.at = sdk::Location::of(a.file, entry);
        facts.servers.push_back(std::move(r));
    }
}

void record_server_policy(Analysis& a, ScanFacts& facts, const sdk::Node& root) {
    merge_policy(facts.allowed_servers, root["allowedMcpServers"], a.file.display_path());
    merge_policy(facts.denied_servers, root["deniedMcpServers"], a.file.display_path());
}

void report_server_shadowing(const ScanFacts& facts, sdk::Sink& sink) {
    std::map<std::string, std::vector<const ServerRecord*>> by_name;
    for (const ServerRecord& s : facts.servers) {
        if (competes(s)) by_name[s.name].push_back(&s);
    }
    for (const auto& [name, defs] : by_name) {
        for (const ServerRecord* higher : defs) {
            std::string hidden;
            for (const ServerRecord* lower : defs) {
                if (!replaces(*higher, *lower)) continue;
                hidden += (hidden.empty() ? "" : ", ") + std::string(sdk::to_string(lower->scope)) +
                          " scope in " + lower->at.display;
            }
            if (hidden.empty()) continue;
            sink.finding("MCP-014", Severity::info,
                         "MCP server " + text_in_quotes(name) + " (" +
                             std::string(sdk::to_string(higher->scope)) +
                             " scope) silently replaces the server of the same name at " + hidden,
                         higher->at);
        }
    }
}

std::string server_exclusion(const ScanFacts& facts, const ServerRecord& s) {
    if (const auto& managed = facts.policy.managed_mcp; managed && s.at.path != managed->path) {
        return "managed-mcp.json in " + managed->display +
               " defines the only servers Claude Code loads";
    }
    if (facts.denied_servers && denied(*facts.denied_servers, s))
        return "deniedMcpServers in " + facts.denied_servers->display;
    if (facts.allowed_servers && s.scope != Scope::managed &&
        !refusal(*facts.allowed_servers, s).empty()) {
        return "allowedMcpServers in " + facts.allowed_servers->display + " does not admit it";
    }
    return {};
}

void report_server_policy(const ScanFacts& facts, sdk::Sink& sink) {
    for (const ServerRecord& s : facts.servers) {
        if (!s.loaded) continue;
        if (facts.denied_servers && denied(*facts.denied_servers, s)) {
            sink.finding("MCP-014", Severity::info,
                         "MCP server " + text_in_quotes(s.name) +
                             " matches the managed deniedMcpServers in " +
                             facts.denied_servers->display + "; Claude Code blocks it",
                         s.at);
        } else if (facts.allowed_servers && s.scope != Scope::managed) {
            const std::string why = refusal(*facts.allowed_servers, s);
            if (why.empty()) continue;
            sink.finding("MCP-014", Severity::info,
                         "MCP server " + text_in_quotes(s.name) +
                             " is not admitted by the managed allowedMcpServers of " +
                             facts.allowed_servers->display + ": " + why +
                             "; Claude Code blocks it",
                         s.at);
        }
    }
}

}  // namespace claude_code
