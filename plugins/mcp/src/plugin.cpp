// The MCP scanner: the MCP servers of every MCP client but Claude Code (Cursor, VS Code, Windsurf,
// Zed, Cline, Continue, Gemini CLI, Codex, Goose, OpenCode, Junie, Antigravity, Kiro), each read
// in its client's dialect into the shared "mcp_server" inventory item and checked with the shared
// server rules, plus the clients' own approval and trust settings (MCP-012, CDX-001, AUTO-001,
// TRUST-001, AUTH-002 for Codex's shell environment).
#include "autonomy.hpp"
#include "catalogue.hpp"
#include "clients.hpp"
#include "common.hpp"
#include "targets.hpp"
#include "trust.hpp"

namespace mcp {

class McpScanner {
  public:
    static sdk::PluginInfo info() {
        return {.summary =
                    "MCP servers of Cursor, VS Code, Windsurf, Zed, Cline, Continue, Gemini "
                    "CLI, Codex, Goose, OpenCode, Junie, Antigravity and Kiro",
                .license = "Apache-2.0",
                .contact = "https://github.com/confscope/confscope",
                .family = "mcp",
                .config_schema = ""};
    }
    static std::vector<sdk::Rule> rules() { return rule_catalogue(); }

    std::vector<sdk::Target> targets() { return all_targets(); }

    void analyze(const sdk::File& file, const sdk::Document& doc, sdk::Sink& sink) {
        Analysis a{file, doc, sink};
        const std::string_view c = file.category();
        if (c == category::cursor) {
            analyze_cursor(a);
        } else if (c == category::vscode) {
            analyze_vscode_mcp(a);
        } else if (c == category::vscode_settings) {
            analyze_vscode_settings(a);
        } else if (c == category::windsurf) {
            analyze_windsurf(a);
        } else if (c == category::zed) {
            analyze_zed(a);
        } else if (c == category::cline) {
            analyze_cline(a);
        } else if (c == category::continue_config) {
            analyze_continue(a);
        } else if (c == category::gemini) {
            analyze_gemini(a);
        } else if (c == category::codex) {
            analyze_codex(a);
        } else if (c == category::goose) {
            analyze_goose(a);
        } else if (c == category::opencode) {
            analyze_opencode(a);
        } else if (c == category::junie) {
            analyze_junie(a);
        } else if (c == category::antigravity) {
            analyze_antigravity(a);
        } else if (c == category::kiro) {
            analyze_kiro(a);
        } else if (c == category::cursor_cli) {
            analyze_cursor_cli(a);
        } else if (c == category::cursor_permissions) {
            analyze_cursor_permissions(a);
        } else if (c == category::gemini_trust) {
            analyze_gemini_trusted_folders(a);
        }
    }
};

}  // namespace mcp

CONFSCOPE_PLUGIN(mcp::McpScanner)
