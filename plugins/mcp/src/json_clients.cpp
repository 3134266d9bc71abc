// Clients that write Claude Code's shape, {"mcpServers": {"name": {...}}}, each in its own
// dialect: Cursor, Windsurf, Junie, Antigravity, Kiro, Cline and Gemini CLI.
#include "approval.hpp"
#include "autonomy.hpp"
#include "clients.hpp"
#include "dialects.hpp"

namespace mcp {

namespace {

// The file's "mcpServers" object, or an absent node.
sdk::Node servers_of(const Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return {};
    const sdk::Node servers = root["mcpServers"];
    return servers.is_object() ? servers : sdk::Node();
}

void analyze_servers(Analysis& a, const ServerDialect& dialect) {
    const sdk::Node root = a.doc.root();
    if (root.is_object() && servers_object(a, root["mcpServers"], "mcpServers", dialect.product))
        analyze_mcp_servers(a, root["mcpServers"], a.scope(), dialect);
}

}  // namespace

void analyze_cursor(Analysis& a) {
    analyze_servers(a, cursor_dialect());
}
void analyze_windsurf(Analysis& a) {
    analyze_servers(a, windsurf_dialect());
}
void analyze_junie(Analysis& a) {
    analyze_servers(a, junie_dialect());
}
void analyze_antigravity(Analysis& a) {
    analyze_servers(a, antigravity_dialect());
}

void analyze_kiro(Analysis& a) {
    analyze_servers(a, kiro_dialect());
    check_auto_approve(a, servers_of(a), "Kiro");
}

void analyze_cline(Analysis& a) {
    analyze_servers(a, cline_dialect());
    check_auto_approve(a, servers_of(a), "Cline");
}

void analyze_gemini(Analysis& a) {
    analyze_servers(a, gemini_dialect());
    check_trusted_servers(a, servers_of(a));
    check_gemini_autonomy(a);
}

}  // namespace mcp
