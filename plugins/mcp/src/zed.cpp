// Zed: "context_servers" in settings.json (user and project). JSONC.
#include "autonomy.hpp"
#include "clients.hpp"
#include "dialects.hpp"

namespace mcp {

void analyze_zed(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (root.is_object()) analyze_mcp_servers(a, root["context_servers"], a.scope(), zed_dialect());
    check_zed_autonomy(a);
}

}  // namespace mcp
