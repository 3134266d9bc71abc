#include "approval.hpp"

#include <algorithm>

namespace mcp {

namespace {

using sdk::Severity;

std::string in_project(const Analysis& a) {
    return a.is_project_file() ? "; in a project file, the repository approves its own server" : "";
}

}  // namespace

void check_auto_approve(Analysis& a, const sdk::Node& servers, std::string_view product) {
    for (const sdk::Node& srv : servers.children()) {
        const sdk::Node approve = srv["autoApprove"];
        if (!approve.is_array() || approve.size() == 0) continue;
        const std::vector<std::string_view> tools = approve.strings();
        const bool every = std::find(tools.begin(), tools.end(), "*") != tools.end();
        const std::string what =
            every ? std::string("every tool")
                  : std::to_string(approve.size()) + (approve.size() == 1 ? " tool" : " tools");
        a.sink.finding("MCP-012", Severity::high,
                       "MCP server " + quoted(srv.key()) + " auto-approves " + what +
                           " (autoApprove): " + std::string(product) +
                           " calls them without asking" + in_project(a),
                       approve);
    }
}

void check_mcp_allowlist_entry(Analysis& a, const sdk::Node& entry, std::string_view pattern,
                               const std::string& where) {
    const auto colon = pattern.find(':');
    const std::string_view server = pattern.substr(0, colon);
    const std::string_view tool =
        colon == std::string_view::npos ? std::string_view("*") : pattern.substr(colon + 1);
    if (tool != "*" || server.empty()) return;
    const std::string what = server == "*" ? std::string("every tool of every MCP server")
                                           : "every tool of MCP server " + quoted(server);
    a.sink.finding(
        "MCP-012", Severity::high,
        quoted(entry.value()) + " in " + where + " approves " + what +
            " without asking, including tools added later" +
            (a.is_project_file() ? "; in a project file, the repository approves them for everyone "
                                   "who opens it"
                                 : ""),
        entry);
}

void check_trusted_servers(Analysis& a, const sdk::Node& servers) {
    for (const sdk::Node& srv : servers.children()) {
        const sdk::Node trust = srv["trust"];
        if (!trust.is_true()) continue;
        a.sink.finding("MCP-012", Severity::high,
                       "MCP server " + quoted(srv.key()) +
                           " is trusted (trust: true): Gemini CLI calls every tool it offers "
                           "without asking" +
                           in_project(a),
                       trust);
    }
}

}  // namespace mcp
