#include "autonomy.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "approval.hpp"

namespace mcp {

namespace {

using sdk::Severity;

// High; critical in a project file, where the repository switches approvals off for everyone
// who opens it.
Severity autonomy_severity(const Analysis& a) {
    return a.is_project_file() ? Severity::critical : Severity::high;
}

std::string in_project(const Analysis& a) {
    return a.is_project_file()
               ? "; in a project file, the repository turns this on for everyone who opens it"
               : "";
}

void report(Analysis& a, const sdk::Node& node, const std::string& what) {
    a.sink.finding("AUTO-001", autonomy_severity(a), what + in_project(a), node);
}

// Gemini CLI's shell tool, named whole (no command in parentheses): every command runs unasked.
bool whole_shell_tool(std::string_view entry) {
    return entry == "run_shell_command" || entry == "ShellTool" || entry == "run_shell_command()" ||
           entry == "run_shell_command(*)" || entry == "ShellTool(*)";
}

// A VS Code terminal auto-approve key that matches every command line.
bool matches_every_command(std::string_view key) {
    static constexpr std::array kEverything{"/.*/",  "/.*/i",  "/.+/",    "/.+/i",  "/^/",
                                            "/^.*/", "/^.*$/", "/^.*$/i", "/(.*)/", "*"};
    return std::find(kEverything.begin(), kEverything.end(), key) != kEverything.end();
}

// An external agent's session mode that runs every tool unasked: Claude Code's bypassPermissions,
// Codex's agent-full-access (approval never, no sandbox), Gemini's and Qwen's yolo.
bool unasked_agent_mode(std::string_view mode) {
    return mode == "bypassPermissions" || mode == "agent-full-access" || mode == "full-access" ||
           mode == "yolo";
}

void check_zed_agent_servers(Analysis& a, const sdk::Node& servers) {
    for (const sdk::Node& agent : servers.children()) {
        const std::string name = "agent_servers." + std::string(agent.key());
        if (const sdk::Node mode = agent["default_mode"]; unasked_agent_mode(mode.string_or(""))) {
            report(a, mode,
                   name + ".default_mode is " + quoted(mode.value()) +
                       ": Zed starts this external agent in a mode that runs every tool, shell "
                       "commands and edits included, without asking");
        }
        for (const char* variable : {"ACP_PERMISSION_MODE", "INITIAL_AGENT_MODE"}) {
            const sdk::Node mode = agent["env"][variable];
            if (!unasked_agent_mode(mode.string_or(""))) continue;
            report(a, mode,
                   name + ".env." + variable + " is " + quoted(mode.value()) +
                       ": the external agent starts in a mode that runs every tool without "
                       "asking");
        }
    }
}

void check_opencode_permission(Analysis& a, const sdk::Node& permission, const std::string& where) {
    if (permission.is_string()) {
        if (permission.value() == "allow")
            report(a, permission,
                   where +
                       " is \"allow\": OpenCode runs every tool, shell commands included, "
                       "without asking");
        return;
    }
    if (!permission.is_object()) return;
    if (const sdk::Node all = permission["*"]; all.string_or("") == "allow")
        report(a, all, where + "[\"*\"] is \"allow\": OpenCode runs every tool without asking");
    const sdk::Node bash = permission["bash"];
    if (bash.string_or("") == "allow") {
        report(a, bash,
               where + ".bash is \"allow\": OpenCode runs every shell command without asking");
    } else if (const sdk::Node any = bash["*"]; bash.is_object() && any.string_or("") == "allow") {
        report(a, any,
               where +
                   ".bash[\"*\"] is \"allow\": OpenCode runs every shell command not listed "
                   "otherwise without asking");
    }
}

}  // namespace

void check_gemini_autonomy(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    const sdk::Node tools = root["tools"];
    for (const auto& [accept, name] : {std::pair{tools["autoAccept"], "tools.autoAccept"},
                                       std::pair{root["autoAccept"], "autoAccept"}}) {
        if (!accept.is_true()) continue;
        report(a, accept,
               std::string(name) +
                   " is true: Gemini CLI runs the tool calls it considers safe without asking");
    }
    for (const sdk::Node& mode :
         {root["general"]["defaultApprovalMode"], tools["approvalMode"], root["approvalMode"]}) {
        if (mode.string_or("") != "yolo") continue;
        report(a, mode,
               std::string(mode.key()) +
                   " is \"yolo\": a request to approve every tool call, shell commands included "
                   "(releases that honour it start in YOLO mode; current ones fall back to "
                   "default and only --approval-mode=yolo turns it on)");
    }
    for (const sdk::Node& list : {tools["allowed"], root["allowedTools"]}) {
        for (const sdk::Node& entry : list.children()) {
            if (!whole_shell_tool(entry.string_or(""))) continue;
            report(a, entry,
                   quoted(entry.value()) + " in " +
                       (list.key() == "allowed" ? std::string("tools.allowed")
                                                : std::string("allowedTools")) +
                       ": Gemini CLI runs every shell command without the confirmation dialog");
        }
    }
}

void check_vscode_autonomy(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    // VS Code reads this setting from user settings only (application scope); a workspace file
    // that sets it is a repository asking for YOLO mode.
    const std::string scope_note =
        a.is_project_file() ? " (VS Code applies it from user settings; a workspace that sets it "
                              "asks everyone who opens it to run tools unasked)"
                            : "";
    for (const std::string_view key : {"chat.tools.global.autoApprove", "chat.tools.autoApprove"}) {
        const sdk::Node approve = root[key];
        if (!approve.is_true()) continue;
        a.sink.finding("AUTO-001", Severity::high,
                       std::string(key) +
                           " is true (YOLO mode): VS Code runs every tool, terminal commands and "
                           "MCP tools included, without asking" +
                           scope_note,
                       approve);
    }
    for (const sdk::Node& rule : root["chat.tools.terminal.autoApprove"].children()) {
        if (!rule.is_true() && !(rule.is_object() && rule["approve"].is_true())) continue;
        if (!matches_every_command(rule.key())) continue;
        report(a, rule,
               "chat.tools.terminal.autoApprove rule " + quoted(rule.key()) +
                   " matches every command: the agent's terminal commands run without asking");
    }
}

void check_zed_autonomy(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    for (const std::string_view section : {"agent", "assistant"}) {
        const sdk::Node agent = root[section];
        if (const sdk::Node all = agent["always_allow_tool_actions"]; all.is_true())
            report(a, all,
                   std::string(section) +
                       ".always_allow_tool_actions is true: Zed's agent runs every tool, terminal "
                       "commands included, without asking");
        const sdk::Node permissions = agent["tool_permissions"];
        if (const sdk::Node def = permissions["default"]; def.string_or("") == "allow")
            report(a, def,
                   std::string(section) +
                       ".tool_permissions.default is \"allow\": Zed's agent runs every tool "
                       "without asking");
        if (const sdk::Node terminal = permissions["tools"]["terminal"]["default"];
            terminal.string_or("") == "allow")
            report(a, terminal,
                   std::string(section) +
                       ".tool_permissions.tools.terminal.default is \"allow\": Zed's agent runs "
                       "every terminal command without asking");
    }
    check_zed_agent_servers(a, root["agent_servers"]);
}

void check_goose_autonomy(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (const sdk::Node mode = root["GOOSE_MODE"]; root.is_object() && mode.string_or("") == "auto")
        report(a, mode,
               "GOOSE_MODE is auto: Goose runs every tool, shell commands and file changes "
               "included, without asking (smart_approve or approve ask first)");
}

void check_opencode_autonomy(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    check_opencode_permission(a, root["permission"], "permission");
    for (const std::string_view section : {"agent", "mode"}) {
        for (const sdk::Node& agent : root[section].children()) {
            check_opencode_permission(
                a, agent["permission"],
                std::string(section) + "." + std::string(agent.key()) + ".permission");
        }
    }
}

void analyze_cursor_cli(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    for (const sdk::Node& rule : root["permissions"]["allow"].children()) {
        std::string text(rule.string_or(""));
        text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
        if (text.starts_with("Mcp(") && text.ends_with(")")) {
            check_mcp_allowlist_entry(a, rule, std::string_view(text).substr(4, text.size() - 5),
                                      "permissions.allow");
            continue;
        }
        if (text != "Shell(*)" && text != "Shell(**)" && text != "Shell") continue;
        report(a, rule,
               quoted(rule.value()) +
                   " in permissions.allow: the Cursor CLI agent runs every shell command "
                   "without asking");
    }
    if (const sdk::Node mode = root["approvalMode"]; mode.string_or("") == "unrestricted")
        report(a, mode,
               "approvalMode is \"unrestricted\": the Cursor CLI agent runs every tool without "
               "asking");
}

void analyze_cursor_permissions(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    for (const sdk::Node& entry : root["mcpAllowlist"].children()) {
        if (entry.is_string()) check_mcp_allowlist_entry(a, entry, entry.value(), "mcpAllowlist");
    }
    for (const sdk::Node& entry : root["terminalAllowlist"].children()) {
        std::string text(entry.string_or(""));
        text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
        if (text != "*" && text != "**") continue;
        report(a, entry,
               quoted(entry.value()) +
                   " in terminalAllowlist: Cursor's agent auto-runs every terminal command "
                   "without asking");
    }
}

}  // namespace mcp
