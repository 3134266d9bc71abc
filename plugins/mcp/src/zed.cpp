// Zed: "context_servers" in settings.json (user and project). JSONC.
#include "autonomy.hpp"
#include "clients.hpp"
#include "dialects.hpp"
#include "trust.hpp"

namespace mcp {

namespace {

// context_servers.<name>.settings: what Zed hands an extension-provided server (an API key, a
// database URL). A literal secret there is the server's credential written into the file, as
// it is in env: SEC-001 (SEC-003 for URL credentials is found by the core in the raw bytes).
void check_extension_settings(Analysis& a, const sdk::Node& servers) {
    for (const sdk::Node& server : servers.children()) {
        const sdk::Node settings = server["settings"];
        if (!settings.is_object()) continue;
        const std::string prefix(settings.pointer());
        for (const sdk::Node& value : a.doc.select(prefix + "/**")) {
            if (!value.is_string() || !value.is_secret()) continue;
            const bool token = value.is_secret_token();
            a.sink.finding("SEC-001", token ? sdk::Severity::critical : sdk::Severity::high,
                           "MCP server " + quoted(server.key()) + " has a literal " +
                               (token ? "token" : "secret") + " in its settings (" +
                               std::string(value.key()) +
                               "); Zed passes it to the server: keep it out of the file",
                           value);
        }
    }
}

}  // namespace

void analyze_zed(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (root.is_object() && servers_object(a, root["context_servers"], "context_servers", "Zed")) {
        analyze_mcp_servers(a, root["context_servers"], a.scope(), zed_dialect());
        check_extension_settings(a, root["context_servers"]);
    }
    check_zed_autonomy(a);
    check_zed_trust(a);
}

}  // namespace mcp
