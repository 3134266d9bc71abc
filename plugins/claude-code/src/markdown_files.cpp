#include "markdown_files.hpp"

#include <string>
#include <vector>

#include "common.hpp"
#include "hooks.hpp"
#include "mcp_scopes.hpp"
#include "permissions.hpp"

namespace claude_code {

namespace {

// "reviewer" for ".../agents/reviewer.md"; "frontend:deploy" for ".../commands/frontend/deploy.md".
std::string name_from_path(std::string_view path, std::string_view folder) {
    const std::string marker = "/" + std::string(folder) + "/";
    const auto at = path.rfind(marker);
    std::string name(at == std::string_view::npos ? path : path.substr(at + marker.size()));
    if (name.ends_with(".md")) name.resize(name.size() - 3);
    for (char& c : name) {
        if (c == '/') c = ':';
    }
    return name;
}

// The entries of a tool string: "Read, Grep", "Bash(git add:*), Bash(git commit:*)" or
// "Bash(git status) Read" — separated by commas or white space outside parentheses.
std::vector<std::string> split_tools(std::string_view text) {
    std::vector<std::string> tools;
    std::string current;
    int depth = 0;
    for (const char c : text) {
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n')) {
            if (!current.empty()) tools.push_back(std::move(current));
            current.clear();
            continue;
        }
        current.push_back(c);
    }
    if (!current.empty()) tools.push_back(std::move(current));
    return tools;
}

// Tools may be a YAML list or a string of entries.
sdk::JsonArray tool_list(const sdk::Node& node) {
    sdk::JsonArray tools;
    if (node.is_array()) {
        for (const std::string_view t : node.strings())
            tools.push(t);
    } else if (node.is_string()) {
        for (const std::string& t : split_tools(node.value()))
            tools.push(t);
    }
    return tools;
}

// allowed-tools: the tools a command, skill or agent may use without asking while it runs —
// approvals like permissions.allow, judged by the same rules.
void analyze_allowed_tools(Analysis& a, const sdk::Node& root, std::string_view kind,
                           const std::string& name) {
    const sdk::Node tools = root["allowed-tools"];
    if (!tools) return;
    RuleSource source;
    source.key = "allowed-tools";
    source.label = "allowed-tools entry";
    source.where = " in " + std::string(kind) + " " + name;
    source.during = " while the " + std::string(kind) + " runs";
    source.scope = a.scope();
    source.extra.emplace_back(std::string(kind), name);
    // Sub-agents take tools: (which tools they have), not allowed-tools (which need no prompt).
    if (kind == "agent")
        source.ignored = "Claude Code reads tools:, not allowed-tools, in agent files";
    if (tools.is_string()) {
        for (const std::string& t : split_tools(tools.value()))
            analyze_permission_rule(a, t, tools, source);
    }
    for (const sdk::Node& entry : tools.is_array() ? tools.children() : std::vector<sdk::Node>{}) {
        if (!entry.is_string()) continue;
        for (const std::string& t : split_tools(entry.value()))
            analyze_permission_rule(a, t, entry, source);
    }
}

// Lines of the body that import other files: "@path/to/file".
std::size_t count_imports(std::string_view body) {
    std::size_t imports = 0;
    std::size_t pos = 0;
    while (pos < body.size()) {
        const auto end = body.find('\n', pos);
        std::string_view line =
            body.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        if (line.size() > 1 && line.front() == '@' && line[1] != ' ') ++imports;
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    return imports;
}

}  // namespace

void analyze_memory(Analysis& a) {
    sdk::JsonObject data;
    data.set("target", a.file.target_id())
        .set("size", a.file.size())
        .set("imports", count_imports(a.doc.body()));
    if (const sdk::Node paths = a.doc.find("/paths"); paths.exists())
        data.set("paths", tool_list(paths));
    a.sink.item("memory_file", a.file.display_path(), a.scope(), data);
}

void analyze_agent(Analysis& a, ScanFacts& facts) {
    const sdk::Node root = a.doc.root();
    const std::string name(root["name"].string_or(name_from_path(a.file.path(), "agents")));
    sdk::JsonObject data;
    data.set("description", root["description"].string_or(""));
    if (root["tools"]) data.set("tools", tool_list(root["tools"]));
    if (root["model"].is_string()) data.set("model", root["model"].value());
    if (root["permissionMode"].is_string())
        data.set("permission_mode", root["permissionMode"].value());
    a.sink.item("agent", name, a.scope(), data, root);
    check_bypass_mode(a, root["permissionMode"], "agent " + name + " permissionMode");
    analyze_allowed_tools(a, root, "agent", name);
    // mcpServers: an object of servers, or the documented list of names (servers configured
    // elsewhere) and {name: config} entries.
    const sdk::Node servers = root["mcpServers"];
    if (servers.is_object()) analyze_servers(a, facts, servers, a.scope(), "", false);
    for (const sdk::Node& entry :
         servers.is_array() ? servers.children() : std::vector<sdk::Node>{}) {
        if (entry.is_object()) analyze_servers(a, facts, entry, a.scope(), "", false);
    }
    analyze_hooks(a, root["hooks"], "agent " + name);
}

void analyze_command(Analysis& a) {
    const sdk::Node root = a.doc.root();
    sdk::JsonObject data;
    data.set("description", root["description"].string_or(""));
    if (root["allowed-tools"]) data.set("allowed_tools", tool_list(root["allowed-tools"]));
    if (root["model"].is_string()) data.set("model", root["model"].value());
    const std::string name = name_from_path(a.file.path(), "commands");
    a.sink.item("command", name, a.scope(), data, root);
    analyze_allowed_tools(a, root, "command", name);
}

void analyze_skill(Analysis& a) {
    const sdk::Node root = a.doc.root();
    // skills/<name>/SKILL.md: the folder names the skill unless the front matter does.
    std::string folder = name_from_path(a.file.path(), "skills");
    if (folder.ends_with(":SKILL")) folder.resize(folder.size() - 6);
    const std::string name(root["name"].string_or(folder));
    sdk::JsonObject data;
    data.set("description", root["description"].string_or(""));
    if (root["allowed-tools"]) data.set("allowed_tools", tool_list(root["allowed-tools"]));
    a.sink.item("skill", name, a.scope(), data, root);
    analyze_allowed_tools(a, root, "skill", name);
    analyze_hooks(a, root["hooks"], "skill " + name);
}

}  // namespace claude_code
