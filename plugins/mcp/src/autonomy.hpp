// AUTO-001: client settings that let the agent run tools and commands without asking, per
// client (Codex's approval_policy stays CDX-001; per-server approval stays MCP-012).
#pragma once

#include "common.hpp"

namespace mcp {

/// Gemini CLI settings.json: tools.autoAccept / v1 autoAccept, general.defaultApprovalMode (or
/// tools.approvalMode) "yolo", tools.allowed / allowedTools holding the whole shell tool.
void check_gemini_autonomy(Analysis& a);

/// VS Code settings.json: chat.tools.global.autoApprove / chat.tools.autoApprove true, and
/// chat.tools.terminal.autoApprove with a rule that matches every command.
void check_vscode_autonomy(Analysis& a);

/// Zed settings.json: agent.always_allow_tool_actions true (before v0.224),
/// agent.tool_permissions.default "allow", agent.tool_permissions.tools.terminal.default "allow",
/// and an external agent (agent_servers.<name>) started in a mode that asks nothing:
/// default_mode "bypassPermissions" (Claude Code), "agent-full-access" (Codex), "yolo" (Gemini,
/// Qwen), or the same through its env (ACP_PERMISSION_MODE, INITIAL_AGENT_MODE).
void check_zed_autonomy(Analysis& a);

/// Goose config.yaml: GOOSE_MODE: auto.
void check_goose_autonomy(Analysis& a);

/// OpenCode opencode.json: "permission": "allow", {"*": "allow"}, {"bash": "allow"},
/// {"bash": {"*": "allow"}}, at the top level and in each agent's (or mode's) permission.
void check_opencode_autonomy(Analysis& a);

/// Cursor CLI cli-config.json / .cursor/cli.json: permissions.allow holding Shell(*) (any shell
/// command), approvalMode "unrestricted" (AUTO-001); Mcp(*:*) or Mcp(server:*), every tool of
/// every or one MCP server (MCP-012).
void analyze_cursor_cli(Analysis& a);

/// Cursor permissions.json (~/.cursor and a workspace's .cursor): mcpAllowlist "*:*" or
/// "server:*" (MCP-012), terminalAllowlist "*" (AUTO-001: every terminal command auto-runs).
void analyze_cursor_permissions(Analysis& a);

}  // namespace mcp
