#include <algorithm>

#include <confscope/plugin_common/mcp_servers.hpp>
#include <confscope/plugin_common/package_pinning.hpp>
#include <confscope/plugin_common/text.hpp>

#include "server_checks.hpp"

namespace confscope::plugin_common {

namespace {

using sdk::Severity;

// A URL safe to keep in the inventory: no userinfo, query values hidden.
std::string sanitized_url(std::string_view url_text, const Url& url) {
    std::string out(url_text);
    if (!url.userinfo.empty()) {
        const auto at = out.find(url.userinfo + "@");
        if (at != std::string::npos) out.replace(at, url.userinfo.size() + 1, "***@");
    }
    if (const auto q = out.find('?'); q != std::string::npos) out = out.substr(0, q) + "?…";
    return out;
}

// A query parameter whose name says credential: token, access_token, auth_token, api_key, key,
// secret, client_secret, password, auth, sig.
bool secret_parameter_name(const std::string& name) {
    for (const std::string_view part : {"token", "secret", "password", "passwd"}) {
        if (name.find(part) != std::string::npos) return true;
    }
    for (const std::string_view whole :
         {"key", "apikey", "api_key", "api-key", "auth", "access_key", "sig", "signature"}) {
        if (name == whole) return true;
    }
    return false;
}

bool is_reference_text(std::string_view value) {
    return value.starts_with("${") || value.starts_with('$');
}

// A credential in a URL that documentation and templates write in its place:
// postgresql://user:password@localhost, ?token=YOUR_API_TOKEN, ?key=<key>, :xxxx@.
bool placeholder_credential(std::string_view value) {
    const std::string lower = to_lower(value);
    for (const std::string_view word :
         {"password", "pass", "passwd", "pwd", "pw", "secret", "changeme", "token", "apikey",
          "api_key", "key", "test", "admin", "root"}) {
        if (lower == word) return true;
    }
    if (lower.starts_with("your") || lower.starts_with('<') || lower.starts_with('[') ||
        lower.starts_with('{') || lower.find("example") != std::string::npos ||
        lower.find("placeholder") != std::string::npos || lower.find("xxxx") != std::string::npos ||
        lower.find("***") != std::string::npos || lower.find("...") != std::string::npos)
        return true;
    // An environment variable's name written where its value goes: YOUR_BRIGHTDATA_API_TOKEN.
    const bool variable_name =
        value.find('_') != std::string_view::npos &&
        std::all_of(value.begin(), value.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        });
    return variable_name;
}

// Reference forms the host's detector does not know: OpenCode's {env:NAME} and {file:path},
// Continue's ${{ secrets.NAME }}, after an optional "Bearer ". A value that is only such a
// reference holds no secret.
bool client_reference(std::string_view value) {
    if (const auto space = value.find(' ');
        space != std::string_view::npos && to_lower(value.substr(0, space)) == "bearer")
        value.remove_prefix(space + 1);
    if ((value.starts_with("{env:") || value.starts_with("{file:")) && value.ends_with('}'))
        return value.find('}') == value.size() - 1;
    if (value.starts_with("${{") && value.ends_with("}}"))
        return value.find("}}") == value.size() - 2;
    return false;
}

bool secret_query(std::string_view query) {
    std::size_t pos = 0;
    while (pos < query.size()) {
        const auto amp = query.find('&', pos);
        const std::string_view pair =
            query.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && eq + 1 < pair.size() &&
            secret_parameter_name(to_lower(pair.substr(0, eq))) &&
            !is_reference_text(pair.substr(eq + 1)) &&
            !placeholder_credential(pair.substr(eq + 1))) {
            return true;
        }
        if (amp == std::string_view::npos) break;
        pos = amp + 1;
    }
    return false;
}

// user:password@ with a literal password, or a credential in the query string.
bool url_has_credentials(const Url& url) {
    if (!url.valid) return false;
    const auto colon = url.userinfo.find(':');
    if (colon != std::string::npos && colon + 1 < url.userinfo.size() &&
        !is_reference_text(std::string_view(url.userinfo).substr(colon + 1)) &&
        !placeholder_credential(std::string_view(url.userinfo).substr(colon + 1))) {
        return true;
    }
    return secret_query(url.query);
}

// "--header X", "-H X", "--header=Authorization: …", "Authorization: Bearer …" (mcp-remote style).
bool header_argument(const std::vector<std::string>& args, std::size_t i) {
    const std::string text = to_lower(args[i]);
    if (text.starts_with("--header") || text.find("authorization") != std::string::npos)
        return true;
    return i > 0 && (args[i - 1] == "--header" || args[i - 1] == "-H");
}

// A connection string with a literal password (postgresql://app:pw@db/app) in env or args.
bool report_url_credentials(Analysis& a, const sdk::Node& value, std::string_view name,
                            const std::string& where) {
    const Url url = parse_url(value.value());
    if (!url_has_credentials(url)) return false;
    a.sink.finding("SEC-003", Severity::high,
                   "MCP server " + quoted(name) + " passes a URL with credentials (host " +
                       url.host + ") in " + where + "; reference the secret as ${VAR}",
                   value);
    return true;
}

void check_secrets(Analysis& a, const ServerEntry& srv) {
    const std::string_view name = srv.name;
    for (const sdk::Node& env : srv.env_node.children()) {
        if (!env.is_string() ||
            report_url_credentials(a, env, name, "env " + std::string(env.key())))
            continue;
        if (!env.is_secret() || client_reference(env.value())) continue;
        const bool token = env.is_secret_token();
        a.sink.finding("SEC-001", token ? Severity::critical : Severity::high,
                       "MCP server " + quoted(name) + " sets env " + std::string(env.key()) +
                           " to a literal " + (token ? "token" : "secret") +
                           "; reference it as ${" + std::string(env.key()) + "}",
                       env);
    }
    for (const sdk::Node& header : srv.headers_node.children()) {
        if (!header.is_secret() || client_reference(header.value())) continue;
        a.sink.finding("SEC-002", Severity::high,
                       "MCP server " + quoted(name) + " has a literal token in header " +
                           std::string(header.key()) + "; use ${VAR} or headersHelper",
                       header);
    }
    for (std::size_t i = 0; i < srv.args.size(); ++i) {
        const sdk::Node arg = srv.arg_node(i);
        const std::string where = "args[" + std::to_string(i) + "]";
        if (!arg.is_string() || report_url_credentials(a, arg, name, where) || !arg.is_secret() ||
            client_reference(arg.value()))
            continue;
        if (header_argument(srv.args, i)) {
            a.sink.finding("SEC-002", Severity::high,
                           "MCP server " + quoted(name) +
                               " passes a literal token in a --header argument (" + where +
                               "); use ${VAR}",
                           arg);
        } else {
            a.sink.finding("SEC-001", arg.is_secret_token() ? Severity::critical : Severity::high,
                           "MCP server " + quoted(name) + " passes a literal secret in " + where +
                               "; pass it through env as ${VAR}",
                           arg);
        }
    }
    // The command itself: "psql postgresql://ro:PW@db/prod", or a token pasted into it (for a
    // command array, its first element).
    const sdk::Node command =
        srv.args_offset == 1 && srv.args_node.is_array() ? srv.args_node.at(0) : srv.command_node;
    if (command.is_string() && !report_url_credentials(a, command, name, "its command") &&
        command.is_secret() && !client_reference(command.value())) {
        a.sink.finding("SEC-001", command.is_secret_token() ? Severity::critical : Severity::high,
                       "MCP server " + quoted(name) +
                           " has a literal secret in its command; pass it through env as ${VAR}",
                       command);
    }
    // headersHelper prints the headers: a token written into its command is in the file.
    if (const sdk::Node helper = srv.entry["headersHelper"];
        helper.is_string() && helper.is_secret() && !client_reference(helper.value())) {
        a.sink.finding("SEC-002", Severity::high,
                       "MCP server " + quoted(name) +
                           " has a literal token in its headersHelper command; read it from the "
                           "environment or a credential store",
                       helper);
    }
    const sdk::Node secret = srv.entry["oauth"]["clientSecret"];
    if (secret.is_string() && !secret.is_reference()) {
        a.sink.finding("SEC-004", Severity::high,
                       "MCP server " + quoted(name) +
                           " has an inline OAuth client secret; remove it from the file",
                       secret);
    }
}

void check_url(Analysis& a, const sdk::Node& url_node, std::string_view name, const Url& url) {
    if (!url.valid) return;
    if ((url.scheme == "http" || url.scheme == "ws") && !is_loopback_host(url.host)) {
        a.sink.finding("MCP-003", Severity::high,
                       "MCP server " + quoted(name) + " connects over plaintext " + url.scheme +
                           "://" + url.host + "; use " + (url.scheme == "http" ? "https" : "wss") +
                           "://",
                       url_node);
    }
    if (url_has_credentials(url)) {
        a.sink.finding("SEC-003", Severity::high,
                       "MCP server " + quoted(name) + " has credentials in its URL (host " +
                           url.host + "); move them to a header that references ${VAR}",
                       url_node);
    } else if (url_node.is_secret()) {
        // A token in the path (https://host/<token>/sse) or a query parameter of another name.
        a.sink.finding("SEC-003", Severity::high,
                       "MCP server " + quoted(name) + " has a token in its URL (host " + url.host +
                           "); move it to a header that references ${VAR}",
                       url_node);
    }
}

// A member, or a nested one when the key holds '/' ("requestOptions/headers").
sdk::Node member(const sdk::Node& entry, std::string_view key) {
    sdk::Node node = entry;
    while (node) {
        const auto slash = key.find('/');
        node = node[key.substr(0, slash)];
        if (slash == std::string_view::npos) break;
        key.remove_prefix(slash + 1);
    }
    return node;
}

sdk::Node first_of(const sdk::Node& entry, const std::vector<std::string_view>& keys) {
    for (const std::string_view key : keys) {
        if (sdk::Node node = member(entry, key)) return node;
    }
    return {};
}

// Environment variable names the entry refers to (Codex bearer_token_env_var, env_vars; Goose
// env_keys).
sdk::JsonArray env_references(const sdk::Node& entry, const ServerDialect& dialect) {
    sdk::JsonArray names;
    for (const std::string_view key : dialect.env_reference_keys) {
        const sdk::Node node = member(entry, key);
        if (node.is_string()) names.push(node.value());
        for (const std::string_view name : node.strings())
            names.push(name);
    }
    return names;
}

}  // namespace

const ServerDialect& claude_code_dialect() {
    static const ServerDialect dialect{
        .client = "claude-code", .product = "Claude Code", .url_needs_type = true};
    return dialect;
}

ServerEntry read_server(const sdk::Node& entry, std::string name, const ServerDialect& dialect) {
    ServerEntry s;
    s.name = std::move(name);
    s.entry = entry;
    s.type_node = entry[dialect.type_key];
    s.type = std::string(s.type_node.string_or(""));
    s.command_node = first_of(entry, dialect.command_keys);
    sdk::Node env_in_command;
    if (dialect.command_object && s.command_node.is_object()) {
        // Zed's older form: "command": {"path": "npx", "args": [...], "env": {...}}.
        const sdk::Node object = s.command_node;
        s.command_node = object["path"];
        s.command = std::string(s.command_node.string_or(""));
        s.args_node = object["args"];
        for (const std::string_view arg : s.args_node.strings())
            s.args.emplace_back(arg);
        env_in_command = object["env"];
    } else if (dialect.command_array && s.command_node.is_array()) {
        const std::vector<std::string_view> parts = s.command_node.strings();
        if (!parts.empty()) s.command = std::string(parts.front());
        for (std::size_t i = 1; i < parts.size(); ++i)
            s.args.emplace_back(parts[i]);
        s.args_node = s.command_node;
        s.args_offset = 1;
    } else {
        s.command = std::string(s.command_node.string_or(""));
        s.args_node = first_of(entry, dialect.args_keys);
        for (const std::string_view arg : s.args_node.strings())
            s.args.emplace_back(arg);
    }
    s.env_node = first_of(entry, dialect.env_keys);
    if (!s.env_node) s.env_node = env_in_command;
    s.url_node = first_of(entry, dialect.url_keys);
    s.headers_node = first_of(entry, dialect.header_keys);
    s.transport = s.type;
    if (s.transport.empty() && !s.command.empty()) s.transport = "stdio";
    if (s.transport.empty() && s.url_node) {
        s.transport = "remote";
        for (const auto& [key, transport] : dialect.url_transports) {
            if (member(entry, key)) {
                s.transport = std::string(transport);
                break;
            }
        }
    }
    return s;
}

void analyze_mcp_server(Analysis& a, const sdk::Node& entry, std::string name, sdk::Scope scope,
                        const ServerDialect& dialect, std::string_view project) {
    const ServerEntry srv = read_server(entry, std::move(name), dialect);
    const std::string url_text(srv.url_node.string_or(""));
    const Url url = parse_url(url_text);

    if (dialect.url_needs_type && !url_text.empty() && srv.type.empty()) {
        a.sink.finding("MCP-013", Severity::low,
                       "MCP server " + quoted(srv.name) +
                           " has a url but no \"type\" (http, sse or ws); " +
                           std::string(dialect.product) + " skips it",
                       entry);
    } else if (!srv.type.empty() && !dialect.transports.empty() &&
               std::find(dialect.transports.begin(), dialect.transports.end(), srv.type) ==
                   dialect.transports.end()) {
        a.sink.finding("MCP-013", Severity::low,
                       "MCP server " + quoted(srv.name) + " has unknown transport " +
                           quoted(srv.type) + "; " + std::string(dialect.product) + " skips it",
                       srv.type_node);
    }

    sdk::JsonObject data;
    data.set("transport", srv.transport);
    if (!srv.command.empty()) data.set("command", srv.command);
    if (!srv.args.empty()) data.set("args", sdk::JsonArray::of(srv.args));
    sdk::JsonArray env_names;
    for (const sdk::Node& env : srv.env_node.children())
        env_names.push(env.key());
    if (!env_names.empty()) data.set("env", env_names);
    if (!url_text.empty()) data.set("url", sanitized_url(url_text, url));
    sdk::JsonArray header_names;
    for (const sdk::Node& header : srv.headers_node.children())
        header_names.push(header.key());
    for (const sdk::Node& header : first_of(entry, dialect.env_header_keys).children())
        header_names.push(header.key());
    if (!header_names.empty()) data.set("headers", header_names);
    if (sdk::JsonArray refs = env_references(entry, dialect); !refs.empty())
        data.set("env_refs", refs);
    if (entry["headersHelper"]) data.set("headers_helper", true);
    if (entry["oauth"]) data.set("oauth", true);
    if (entry["disabled"].is_true() || entry["enabled"].value() == "false")
        data.set("enabled", false);
    for (const std::string_view key : dialect.inventory_keys) {
        const sdk::Node value = member(entry, key);
        if (value.is_scalar() && value.kind() != sdk::NodeKind::null) data.set(key, value.value());
    }
    if (!project.empty()) data.set("project", project);

    const std::vector<LaunchedPackage> packages = launched_packages(srv.command, srv.args);
    const std::optional<LaunchedPackage> package = launched_package(srv.command, srv.args);
    if (package) data.set("package", package->spec).set("pinned", package->pinned);
    detail::check_pinning(a, srv, packages);
    check_url(a, srv.url_node, srv.name, url);
    check_secrets(a, srv);
    detail::check_auto_install(a, srv, packages);
    detail::check_container(a, srv);
    detail::check_shell(a, srv);
    detail::check_headers_helper(a, srv);
    detail::check_remote_host(a, srv);
    detail::check_filesystem_grant(a, srv, package);
    detail::check_tls_verification(a, srv);
    detail::check_network_exposure(a, srv);
    detail::check_environment(a, srv);
    detail::check_privilege(a, srv);
    detail::check_browser(a, srv);
    a.sink.item("mcp_server", srv.name, scope, data, entry, dialect.client);
}

void analyze_mcp_servers(Analysis& a, const sdk::Node& servers, sdk::Scope scope,
                         const ServerDialect& dialect, std::string_view project) {
    for (const sdk::Node& srv : servers.children()) {
        if (srv.is_object())
            analyze_mcp_server(a, srv, std::string(srv.key()), scope, dialect, project);
    }
}

}  // namespace confscope::plugin_common
