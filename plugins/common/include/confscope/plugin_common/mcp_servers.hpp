// confscope/plugin_common/mcp_servers.hpp — one normalized model for the MCP servers of every
// client, and the server rules that apply whatever client declared them.
//
// Clients spell a server entry differently (Windsurf's serverUrl, Gemini's httpUrl, Goose's cmd and
// envs and uri, OpenCode's command array and environment, Zed's context_servers). A ServerDialect
// names a client's keys; read_server() turns an entry into a ServerEntry; analyze_mcp_server()
// emits one "mcp_server" inventory item (client, scope, name, transport, command, args, env names,
// sanitized url, header names, package and whether it is pinned, source pointer) and the findings:
// MCP-003, MCP-004, MCP-013 (where the client requires a type), SEC-001, SEC-002, SEC-003, SEC-004,
// and the launch checks of server_checks.cpp: MCP-005 (auto-install), MCP-006 (docker run),
// MCP-007 (shell wrapper), MCP-008 (download and execute), MCP-009 (headersHelper), MCP-010
// (tunnel, metadata or private address), MCP-011 (filesystem server granted / or home), AUTH-002
// (NODE_TLS_REJECT_UNAUTHORIZED=0).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <confscope/plugin_common/analysis.hpp>

namespace confscope::plugin_common {

/// How one client spells a server entry.
struct ServerDialect {
    std::string_view client;   ///< inventory client ("claude-code", "cursor", "vscode", ...)
    std::string_view product;  ///< for messages ("Claude Code", "Cursor")
    std::vector<std::string_view> command_keys{"command"};
    std::vector<std::string_view> args_keys{"args"};
    std::vector<std::string_view> env_keys{"env"};
    std::vector<std::string_view> url_keys{"url"};
    std::vector<std::string_view> header_keys{"headers"};
    std::string_view type_key = "type";
    /// Known values of the type key; a value outside them is MCP-013. Empty: not checked.
    std::vector<std::string_view> transports{"stdio", "http", "sse", "ws", "sdk"};
    /// A url without a type is skipped by the client (Claude Code): MCP-013.
    bool url_needs_type = false;
    /// The command is an array holding the arguments too (OpenCode: ["npx", "-y", "pkg"]).
    bool command_array = false;

    // Members below were appended for the mcp plugin's clients; keep new ones at the end so
    // designated initializers elsewhere stay valid. The entries of every key list (command_keys
    // ... inventory_keys) may name a nested member with '/' ("requestOptions/headers").

    /// The transport a url key implies when the entry has no type (Gemini: httpUrl -> "http",
    /// url -> "sse"); checked in order. Empty: "remote".
    std::vector<std::pair<std::string_view, std::string_view>> url_transports{};
    /// The command may be an object {path, args, env} (Zed's older context_servers form).
    bool command_object = false;
    /// Headers whose values name environment variables (Codex env_http_headers): inventoried
    /// by name with the headers, never checked for literal secrets.
    std::vector<std::string_view> env_header_keys{};
    /// Keys naming environment variables the server reads (Codex bearer_token_env_var and
    /// env_vars, Goose env_keys): a string or an array of strings, inventoried as "env_refs".
    std::vector<std::string_view> env_reference_keys{};
    /// Scalar keys copied as they are into the inventory item (Continue "uses", Zed "source",
    /// "cwd"): never a key that may hold a secret.
    std::vector<std::string_view> inventory_keys{};
};

/// Claude Code's spelling (also Claude Desktop's, Cursor's, ...).
const ServerDialect& claude_code_dialect();

/// A server entry, normalized. Nodes are borrowed from the document.
struct ServerEntry {
    std::string name;
    std::string type;       ///< as written ("" when absent)
    std::string transport;  ///< type, or "stdio" with a command, or "remote" with only a url
    std::string command;
    std::vector<std::string> args;
    sdk::Node args_node;          ///< the array holding args
    std::size_t args_offset = 0;  ///< index of args[0] in args_node (1 for a command array)
    sdk::Node command_node;
    sdk::Node env_node;  ///< object of variables
    sdk::Node url_node;
    sdk::Node headers_node;  ///< object of headers
    sdk::Node type_node;
    sdk::Node entry;  ///< the whole entry

    /// The node of args[i].
    [[nodiscard]] sdk::Node arg_node(std::size_t i) const { return args_node.at(i + args_offset); }
};

/// Reads an entry (an object) in the dialect's spelling.
ServerEntry read_server(const sdk::Node& entry, std::string name, const ServerDialect& dialect);

/// Every rule analyze_mcp_server() may report, for the catalogues of the plugins that use it.
std::vector<sdk::Rule> server_rules();

/// Inventories and checks one server. `project` is the project a local-scope server belongs to.
void analyze_mcp_server(Analysis& a, const sdk::Node& entry, std::string name, sdk::Scope scope,
                        const ServerDialect& dialect, std::string_view project = "");

/// Every member of an object of servers (mcpServers, servers, context_servers, mcp_servers, ...).
void analyze_mcp_servers(Analysis& a, const sdk::Node& servers, sdk::Scope scope,
                         const ServerDialect& dialect, std::string_view project = "");

}  // namespace confscope::plugin_common
