#include "permission_checks.hpp"

#include <array>

#include "messages.hpp"
#include "permissions.hpp"

namespace claude_code {

namespace {

using sdk::Severity;

std::string_view without_trailing_separators(std::string_view path) {
    while (path.size() > 1 && (path.back() == '/' || path.back() == '\\'))
        path.remove_suffix(1);
    return path;
}

}  // namespace

std::string whole_area(std::string_view dir, std::string_view home) {
    const std::string_view d = without_trailing_separators(dir);
    const bool letter =
        !d.empty() && ((d[0] >= 'A' && d[0] <= 'Z') || (d[0] >= 'a' && d[0] <= 'z'));
    if (letter && (d.size() == 2 || (d.size() == 3 && (d[2] == '\\' || d[2] == '/'))) &&
        d[1] == ':')
        return "a drive root";
    if (d == "/" || d == "//" || d == "\\") return "the root of the file system";
    for (const std::string_view h : {"~", "$HOME", "${HOME}", "%USERPROFILE%", "%HOMEPATH%"}) {
        if (d == h) return "the whole home folder";
    }
    if (!home.empty() && d == without_trailing_separators(home)) return "the whole home folder";
    return {};
}

namespace {

void check_additional_directories(Analysis& a, const sdk::Node& dirs) {
    for (const sdk::Node& dir : dirs.children()) {
        if (!dir.is_string()) continue;
        const std::string area = whole_area(dir.value(), a.file.home_dir());
        if (area.empty()) continue;
        a.sink.finding("PERM-005", Severity::medium,
                       "additionalDirectories entry " + text_in_quotes(dir.value()) +
                           " gives Claude " + area +
                           " as a working directory; name the folders it needs",
                       dir);
    }
}

// Input parameters of built-in tools: Tool(param:value) rules work in deny and ask only.
bool parameter_form(const PermissionRule& r) {
    struct ToolParams {
        std::string_view tool;
        std::array<std::string_view, 4> params;
    };
    static constexpr std::array kParams{
        ToolParams{"Bash", {"command", "description", "timeout", "run_in_background"}},
        ToolParams{"Read", {"file_path", "offset", "limit", ""}},
        ToolParams{"Edit", {"file_path", "old_string", "new_string", "replace_all"}},
        ToolParams{"MultiEdit", {"file_path", "edits", "", ""}},
        ToolParams{"WebFetch", {"url", "prompt", "", ""}},
        ToolParams{"WebSearch", {"query", "allowed_domains", "blocked_domains", ""}},
        ToolParams{"Grep", {"pattern", "path", "glob", ""}},
        ToolParams{"Agent", {"subagent_type", "prompt", "description", ""}},
    };
    const auto colon = r.specifier.find(':');
    if (!r.has_specifier || colon == std::string::npos) return false;
    const std::string_view param = std::string_view(r.specifier).substr(0, colon);
    for (const ToolParams& t : kParams) {
        if (t.tool != r.tool) continue;
        for (const std::string_view p : t.params) {
            if (!p.empty() && p == param) return true;
        }
    }
    return false;
}

// "mcp__srv", "mcp__srv__tool": the server part, or "" for other tools.
std::string_view mcp_server(std::string_view tool) {
    if (!tool.starts_with("mcp__")) return {};
    const std::string_view rest = tool.substr(5);
    return rest.substr(0, rest.find("__"));
}

std::string ineffective(const PermissionRule& r, std::string_view list) {
    // Tool(*) (and Tool()) is the whole tool, not a path rule.
    const bool path_rule = r.has_specifier && !r.specifier.empty() && r.specifier != "*";
    if (path_rule && (r.tool == "Write" || r.tool == "Glob" || r.tool == "NotebookEdit")) {
        return "Claude Code never consults " + r.tool +
               "(path) rules; use Edit(…) for writes and Read(…) for reads";
    }
    if (list == "allow" && parameter_form(r))
        return "Tool(parameter:value) rules work in deny and ask only, not in allow";
    const std::string_view server = mcp_server(r.tool);
    if (list == "allow" && server.find_first_of("*?") != std::string_view::npos)
        return "allow rules must name the MCP server; an MCP glob without one is ignored";
    return {};
}

// mcp__srv and mcp__srv__* approve every tool the server has, now and in later versions.
bool approves_whole_server(const PermissionRule& r) {
    const std::string_view server = mcp_server(r.tool);
    if (server.empty() || server.find_first_of("*?") != std::string_view::npos) return false;
    const std::string_view rest = std::string_view(r.tool).substr(5 + server.size());
    return !r.has_specifier && (rest.empty() || rest == "__*");
}

}  // namespace

void check_permission_scope(Analysis& a, const sdk::Node& permissions) {
    if (!permissions.is_object()) return;
    check_additional_directories(a, permissions["additionalDirectories"]);
}

void check_rule_effect(Analysis& a, const PermissionRule& rule, std::string_view text,
                       const sdk::Node& at, const RuleSource& source) {
    if (!source.ignored.empty()) return;  // the whole list has no effect
    if (const std::string why = ineffective(rule, source.list); !why.empty()) {
        a.sink.finding(
            "PERM-007", Severity::low,
            source.label + " " + text_in_quotes(text) + source.where + " has no effect: " + why,
            at);
    } else if (source.list == "allow" && approves_whole_server(rule)) {
        a.sink.finding("MCP-012", Severity::high,
                       source.label + " " + text_in_quotes(text) + source.where +
                           " approves every tool of MCP server " +
                           text_in_quotes(mcp_server(rule.tool)) +
                           " without asking, including tools it adds later",
                       at);
    }
}

}  // namespace claude_code
