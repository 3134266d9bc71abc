// Continue: config.yaml and workspace blocks (.continue/mcpServers/*.yaml) hold "mcpServers" as a
// list of entries named by "name" ({name, type, command, args, env} or a hub block {uses: ...});
// JSON files in .continue/mcpServers may use Claude's {"mcpServers": {"name": {...}}} shape.
#include "clients.hpp"
#include "dialects.hpp"

namespace mcp {

namespace {

// requestOptions.verifySsl: false (on a model, a server or the whole file): requests go out
// without TLS certificate checks.
void check_verify_ssl(Analysis& a) {
    for (const sdk::Node& verify : a.doc.select("/**/requestOptions/verifySsl")) {
        if (verify.kind() != sdk::NodeKind::boolean || verify.value() != "false") continue;
        a.sink.finding("AUTH-002", sdk::Severity::high,
                       "requestOptions.verifySsl is false: Continue sends these requests, API "
                       "keys included, without checking TLS certificates; point caBundlePath at "
                       "your CA instead",
                       verify);
    }
}

}  // namespace

void analyze_continue(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    check_verify_ssl(a);
    const sdk::Node servers = root["mcpServers"];
    if (servers.is_object()) {
        analyze_mcp_servers(a, servers, a.scope(), continue_dialect());
        return;
    }
    for (const sdk::Node& entry : servers.children()) {
        if (!entry.is_object()) continue;
        std::string name(entry["name"].string_or(""));
        if (name.empty()) name = std::string(entry["uses"].string_or(""));
        if (name.empty()) name = "#" + std::string(entry.key());
        analyze_mcp_server(a, entry, std::move(name), a.scope(), continue_dialect());
    }
}

}  // namespace mcp
