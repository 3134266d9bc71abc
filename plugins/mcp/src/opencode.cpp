// OpenCode: "mcp" in opencode.json(c); local servers give the command and its arguments as one
// array, remote ones a url.
#include "autonomy.hpp"
#include "clients.hpp"
#include "dialects.hpp"

namespace mcp {

void analyze_opencode(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (root.is_object() && servers_object(a, root["mcp"], "mcp", "OpenCode"))
        analyze_mcp_servers(a, root["mcp"], a.scope(), opencode_dialect());
    check_opencode_autonomy(a);
}

}  // namespace mcp
