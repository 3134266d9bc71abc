#include "mcp_servers.hpp"

#include <array>

#include "package_pinning.hpp"
#include "text.hpp"

namespace claude_code {

namespace {

using sdk::Severity;

constexpr std::array kKnownTransports{"stdio", "http", "sse", "ws", "sdk"};

bool known_transport(std::string_view type) {
    for (const std::string_view t : kKnownTransports) {
        if (t == type) return true;
    }
    return false;
}

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

bool secret_query(std::string_view query) {
    std::size_t pos = 0;
    while (pos < query.size()) {
        const auto amp = query.find('&', pos);
        const std::string_view pair =
            query.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && eq + 1 < pair.size() &&
            secret_parameter_name(to_lower(pair.substr(0, eq))) &&
            !is_reference_text(pair.substr(eq + 1))) {
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
        !is_reference_text(std::string_view(url.userinfo).substr(colon + 1))) {
        return true;
    }
    return secret_query(url.query);
}

// "--header X", "-H X", "--header=Authorization: …", "Authorization: Bearer …" (mcp-remote style).
bool header_argument(const sdk::Node& args, std::size_t i) {
    const std::string text = to_lower(args.at(i).value());
    if (text.starts_with("--header") || text.find("authorization") != std::string::npos)
        return true;
    if (i == 0) return false;
    const std::string_view previous = args.at(i - 1).value();
    return previous == "--header" || previous == "-H";
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

void check_secrets(Analysis& a, const sdk::Node& srv, std::string_view name) {
    for (const sdk::Node& env : srv["env"].children()) {
        if (!env.is_string() ||
            report_url_credentials(a, env, name, "env " + std::string(env.key())))
            continue;
        if (!env.is_secret()) continue;
        const bool token = env.is_secret_token();
        a.sink.finding("SEC-001", token ? Severity::critical : Severity::high,
                       "MCP server " + quoted(name) + " sets env " + std::string(env.key()) +
                           " to a literal " + (token ? "token" : "secret") +
                           "; reference it as ${" + std::string(env.key()) + "}",
                       env);
    }
    for (const sdk::Node& header : srv["headers"].children()) {
        if (!header.is_secret()) continue;
        a.sink.finding("SEC-002", Severity::high,
                       "MCP server " + quoted(name) + " has a literal token in header " +
                           std::string(header.key()) + "; use ${VAR} or headersHelper",
                       header);
    }
    const sdk::Node args = srv["args"];
    for (std::size_t i = 0; i < args.size(); ++i) {
        const sdk::Node arg = args.at(i);
        const std::string where = "args[" + std::to_string(i) + "]";
        if (!arg.is_string() || report_url_credentials(a, arg, name, where) || !arg.is_secret())
            continue;
        if (header_argument(args, i)) {
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
    const sdk::Node secret = srv["oauth"]["clientSecret"];
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
    }
}

}  // namespace

void analyze_mcp_servers(Analysis& a, const sdk::Node& servers, sdk::Scope scope,
                         std::string_view project) {
    for (const sdk::Node& srv : servers.children()) {
        if (!srv.is_object()) continue;
        const std::string name(srv.key());
        const std::string type(srv["type"].string_or(""));
        const std::string command(srv["command"].string_or(""));
        const sdk::Node url_node = srv["url"];
        const std::string url_text(url_node.string_or(""));
        const Url url = parse_url(url_text);
        const std::vector<std::string_view> arg_views = srv["args"].strings();
        const std::vector<std::string> args(arg_views.begin(), arg_views.end());

        std::string transport = type;
        if (transport.empty() && !command.empty()) transport = "stdio";
        if (!url_text.empty() && type.empty()) {
            a.sink.finding("MCP-013", Severity::low,
                           "MCP server " + quoted(name) +
                               " has a url but no \"type\" (http, sse or ws); Claude Code skips it",
                           srv);
        } else if (!type.empty() && !known_transport(type)) {
            a.sink.finding("MCP-013", Severity::low,
                           "MCP server " + quoted(name) + " has unknown transport " + quoted(type) +
                               "; Claude Code skips it",
                           srv["type"]);
        }

        sdk::JsonObject data;
        data.set("transport", transport);
        if (!command.empty()) data.set("command", command);
        if (!args.empty()) data.set("args", sdk::JsonArray::of(args));
        sdk::JsonArray env_names;
        for (const sdk::Node& env : srv["env"].children())
            env_names.push(env.key());
        if (!env_names.empty()) data.set("env", env_names);
        if (!url_text.empty()) data.set("url", sanitized_url(url_text, url));
        sdk::JsonArray header_names;
        for (const sdk::Node& header : srv["headers"].children())
            header_names.push(header.key());
        if (!header_names.empty()) data.set("headers", header_names);
        if (srv["headersHelper"]) data.set("headers_helper", true);
        if (srv["oauth"]) data.set("oauth", true);
        if (!project.empty()) data.set("project", project);

        if (const auto package = launched_package(command, args)) {
            data.set("package", package->spec).set("pinned", package->pinned);
            if (!package->pinned) {
                a.sink.finding("MCP-004", Severity::medium,
                               "MCP server " + quoted(name) + " runs " + package->launcher +
                                   " package " + quoted(package->spec) +
                                   " without an exact version; every start may run different code",
                               srv["args"].at(package->arg_index));
            }
        }
        check_url(a, url_node, name, url);
        check_secrets(a, srv, name);
        a.sink.item("mcp_server", name, scope, data, srv);
    }
}

}  // namespace claude_code
