// Goose: "extensions" in config.yaml; each is an MCP server (stdio: cmd, args, envs, env_keys;
// streamable_http: uri, headers) or a built-in one (builtin, platform).
#include "autonomy.hpp"
#include "clients.hpp"
#include "dialects.hpp"

namespace mcp {

void analyze_goose(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (root.is_object() && servers_object(a, root["extensions"], "extensions", "Goose"))
        analyze_mcp_servers(a, root["extensions"], a.scope(), goose_dialect());
    check_goose_autonomy(a);
}

}  // namespace mcp
