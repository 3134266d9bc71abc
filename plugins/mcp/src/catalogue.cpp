#include "catalogue.hpp"

#include <confscope/plugin_common/mcp_servers.hpp>
#include <confscope/plugin_common/shared_rules.hpp>

namespace mcp {

using confscope::sdk::Rule;
using confscope::sdk::Severity;

std::vector<Rule> rule_catalogue() {
    std::vector<Rule> rules = {
        {"MCP-012", Severity::high,
         "MCP tools approved in advance (Cline or Kiro autoApprove, Gemini CLI trust: true, "
         "Cursor mcpAllowlist / Mcp(...) rules for a whole server)",
         "The client calls these tools without asking, so a prompt injection in anything the "
         "model reads can use them unseen. Cline and Kiro autoApprove lists tools by name (\"*\" "
         "is every tool); Gemini CLI trust: true skips every confirmation for the server; Cursor "
         "permissions.json mcpAllowlist \"*:*\" or \"server:*\" and the Cursor CLI's "
         "permissions.allow Mcp(*:*) or Mcp(server:*) approve every tool of every server, or of "
         "one, including tools a later version adds. Named tools (\"github:get_issue\", "
         "\"*:search\") are not reported. Empty the list or remove trust, and approve calls as "
         "they come (or allow named read-only tools)."},
        {"CDX-001", Severity::high,
         "Codex runs without a sandbox (sandbox_mode = \"danger-full-access\") or never asks "
         "(approval_policy = \"never\")",
         "danger-full-access lets Codex run any command with full disk and network access "
         "(high); approval_policy = \"never\" runs commands without asking (medium). In a "
         "project's .codex/config.toml the repository grants itself this: one level worse. Use "
         "sandbox_mode = \"workspace-write\" and approval_policy = \"on-request\", and choose "
         "more autonomy per session on the command line."},
        {"AUTO-001", Severity::high,
         "Client set to run tools and commands without asking (YOLO / auto-approve settings)",
         "The agent runs shell commands, file changes and MCP tools without a confirmation, so a "
         "prompt injection in anything it reads acts unseen. Reported (high; critical in a "
         "project file, where the repository switches it on for everyone who opens it): Gemini "
         "CLI tools.autoAccept / autoAccept true, general.defaultApprovalMode \"yolo\", "
         "run_shell_command named whole in tools.allowed; VS Code chat.tools.global.autoApprove "
         "/ chat.tools.autoApprove true (a workspace file is high: VS Code applies it from user "
         "settings), a chat.tools.terminal.autoApprove rule matching every command; Zed "
         "agent.always_allow_tool_actions true, agent.tool_permissions.default or "
         "tools.terminal.default \"allow\", an external agent started in a mode that asks "
         "nothing (agent_servers.<name>.default_mode bypassPermissions, agent-full-access or "
         "yolo, or the same in its env ACP_PERMISSION_MODE / INITIAL_AGENT_MODE); Goose "
         "GOOSE_MODE: auto; OpenCode permission "
         "\"allow\", {\"*\": \"allow\"}, bash \"allow\" or bash {\"*\": \"allow\"} (also per "
         "agent); "
         "Cursor CLI Shell(*) in permissions.allow or approvalMode \"unrestricted\", Cursor "
         "permissions.json terminalAllowlist \"*\". Not reported: auto_edit / acceptEdits-style "
         "modes, security.disableYoloMode, chat.tools.edits.autoApprove, allow rules for named "
         "commands, GOOSE_MODE smart_approve or approve. Codex approval_policy is CDX-001; "
         "per-server autoApprove and trust are MCP-012. Turn the setting off and approve "
         "commands as they come, or allow only named commands."},
    };
    rules.push_back(confscope::plugin_common::workspace_trust_rule());
    for (Rule& rule : confscope::plugin_common::server_rules())
        rules.push_back(std::move(rule));
    return rules;
}

}  // namespace mcp
