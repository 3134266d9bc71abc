// One analysis per client file family; each turns the file's servers into "mcp_server" items with
// analyze_mcp_server(s) and adds the client's own checks.
#pragma once

#include "common.hpp"

namespace mcp {

/// {"mcpServers": {...}} files: Cursor, Windsurf, Junie, Antigravity, Kiro (+ MCP-012 for
/// autoApprove), Cline (+ MCP-012), Gemini CLI settings (+ MCP-012 for trust).
void analyze_cursor(Analysis& a);
void analyze_windsurf(Analysis& a);
void analyze_junie(Analysis& a);
void analyze_antigravity(Analysis& a);
void analyze_kiro(Analysis& a);
void analyze_cline(Analysis& a);
void analyze_gemini(Analysis& a);

/// VS Code mcp.json ("servers" and "inputs") and settings.json ("mcp": {servers, inputs}).
void analyze_vscode_mcp(Analysis& a);
void analyze_vscode_settings(Analysis& a);

/// Zed settings: "context_servers".
void analyze_zed(Analysis& a);

/// Continue config.yaml and workspace blocks: "mcpServers" as a list (or an object in JSON).
void analyze_continue(Analysis& a);

/// Codex config.toml: [mcp_servers.*], and CDX-001 for approval_policy and sandbox_mode.
void analyze_codex(Analysis& a);

/// Goose config.yaml: "extensions".
void analyze_goose(Analysis& a);

/// OpenCode opencode.json: "mcp".
void analyze_opencode(Analysis& a);

}  // namespace mcp
