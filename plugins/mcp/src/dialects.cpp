// Transports are checked (MCP-013) only where the client's documentation names the complete set;
// elsewhere `transports` is empty.
#include "dialects.hpp"

namespace mcp {

const ServerDialect& cursor_dialect() {
    static const ServerDialect d{.client = "cursor", .product = "Cursor", .transports = {}};
    return d;
}

const ServerDialect& vscode_dialect() {
    // servers: {type: stdio|http|sse, command, args, env, envFile} or {type, url, headers}.
    static const ServerDialect d{.client = "vscode",
                                 .product = "VS Code",
                                 .transports = {"stdio", "http", "sse"},
                                 .inventory_keys = {"envFile"}};
    return d;
}

const ServerDialect& windsurf_dialect() {
    static const ServerDialect d{.client = "windsurf",
                                 .product = "Windsurf",
                                 .url_keys = {"serverUrl", "url"},
                                 .transports = {}};
    return d;
}

const ServerDialect& zed_dialect() {
    // context_servers: {command, args, env} or {url, headers}; older {command: {path, args, env}};
    // extension-provided servers carry "source": "extension" and settings only.
    static const ServerDialect d{.client = "zed",
                                 .product = "Zed",
                                 .transports = {},
                                 .command_object = true,
                                 .inventory_keys = {"source"}};
    return d;
}

const ServerDialect& cline_dialect() {
    static const ServerDialect d{
        .client = "cline", .product = "Cline", .transports = {"stdio", "sse", "streamableHttp"}};
    return d;
}

const ServerDialect& continue_dialect() {
    // mcpServers: [{name, type: stdio|sse|streamable-http, command, args, env, cwd, url,
    // requestOptions: {headers}}], or a hub block: {uses: owner/block, with: {...}}.
    static const ServerDialect d{.client = "continue",
                                 .product = "Continue",
                                 .header_keys = {"requestOptions/headers", "headers"},
                                 .transports = {"stdio", "sse", "streamable-http"},
                                 .inventory_keys = {"uses", "cwd"}};
    return d;
}

const ServerDialect& gemini_dialect() {
    // mcpServers: {command, args, env, cwd} or {httpUrl} (streamable HTTP) or {url} (SSE), with
    // headers, trust, includeTools, excludeTools, oauth.
    static const ServerDialect d{.client = "gemini",
                                 .product = "Gemini CLI",
                                 .url_keys = {"httpUrl", "url"},
                                 .transports = {},
                                 .url_transports = {{"httpUrl", "http"}, {"url", "sse"}},
                                 .inventory_keys = {"cwd"}};
    return d;
}

const ServerDialect& codex_dialect() {
    // [mcp_servers.<name>]: command, args, env, env_vars, cwd; or url (streamable HTTP),
    // http_headers, env_http_headers, bearer_token_env_var. No type key.
    static const ServerDialect d{.client = "codex",
                                 .product = "Codex",
                                 .header_keys = {"http_headers"},
                                 .type_key = "",
                                 .transports = {},
                                 .url_transports = {{"url", "http"}},
                                 .env_header_keys = {"env_http_headers"},
                                 .env_reference_keys = {"bearer_token_env_var", "env_vars"},
                                 .inventory_keys = {"cwd"}};
    return d;
}

const ServerDialect& goose_dialect() {
    // extensions: {type: stdio|streamable_http|sse|builtin|platform|frontend|inline_python, cmd,
    // args, envs, env_keys, uri, headers, enabled}.
    static const ServerDialect d{.client = "goose",
                                 .product = "Goose",
                                 .command_keys = {"cmd"},
                                 .env_keys = {"envs"},
                                 .url_keys = {"uri"},
                                 .transports = {"stdio", "streamable_http", "sse", "builtin",
                                                "platform", "frontend", "inline_python"},
                                 .env_reference_keys = {"env_keys"}};
    return d;
}

const ServerDialect& opencode_dialect() {
    // mcp: {type: local, command: ["npx", "-y", "pkg"], environment, enabled} or
    // {type: remote, url, headers, enabled}.
    static const ServerDialect d{.client = "opencode",
                                 .product = "OpenCode",
                                 .env_keys = {"environment"},
                                 .transports = {"local", "remote"},
                                 .command_array = true};
    return d;
}

const ServerDialect& junie_dialect() {
    static const ServerDialect d{.client = "junie", .product = "Junie", .transports = {}};
    return d;
}

const ServerDialect& antigravity_dialect() {
    static const ServerDialect d{.client = "antigravity",
                                 .product = "Antigravity",
                                 .url_keys = {"serverUrl", "url"},
                                 .transports = {}};
    return d;
}

const ServerDialect& kiro_dialect() {
    static const ServerDialect d{.client = "kiro", .product = "Kiro", .transports = {}};
    return d;
}

}  // namespace mcp
