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

bool secret_query(std::string_view query) {
    std::size_t pos = 0;
    while (pos < query.size()) {
        const auto amp = query.find('&', pos);
        const std::string_view pair =
            query.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && eq + 1 < pair.size()) {
            const std::string name = to_lower(pair.substr(0, eq));
            const std::string_view value = pair.substr(eq + 1);
            const bool reference = value.starts_with("${") || value.starts_with('$');
            if (!reference && (name == "token" || name == "access_token" || name == "api_key" ||
                               name == "apikey" || name == "key" || name == "secret" ||
                               name == "password" || name == "auth" || name == "client_secret")) {
                return true;
            }
        }
        if (amp == std::string_view::npos) break;
        pos = amp + 1;
    }
    return false;
}

bool header_argument(const std::vector<std::string>& args, std::size_t i) {
    const std::string& a = args[i];
    if (a.starts_with("--header") || to_lower(a).find("authorization") != std::string::npos)
        return true;
    return i > 0 && (args[i - 1] == "--header" || args[i - 1] == "-H");
}

void check_secrets(Analysis& a, const sdk::Node& srv, std::string_view name) {
    for (const sdk::Node& env : srv["env"].children()) {
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
    const std::vector<std::string_view> views = args.strings();
    const std::vector<std::string> arg_text(views.begin(), views.end());
    for (std::size_t i = 0; i < args.size(); ++i) {
        const sdk::Node arg = args.at(i);
        if (!arg.is_secret() || i >= arg_text.size()) continue;
        if (header_argument(arg_text, i)) {
            a.sink.finding("SEC-002", Severity::high,
                           "MCP server " + quoted(name) +
                               " passes a literal token in a --header argument (args[" +
                               std::to_string(i) + "]); use ${VAR}",
                           arg);
        } else {
            a.sink.finding("SEC-001", arg.is_secret_token() ? Severity::critical : Severity::high,
                           "MCP server " + quoted(name) + " passes a literal secret in args[" +
                               std::to_string(i) + "]; pass it through env as ${VAR}",
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
    const auto colon = url.userinfo.find(':');
    if ((colon != std::string::npos && colon + 1 < url.userinfo.size()) ||
        secret_query(url.query)) {
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
