// Every hook handler: its inventory item and HOOK-001 (inventory finding), HOOK-002 (download and
// execute), HOOK-003 (exfiltration), HOOK-004 (http hook over plaintext or with a literal secret
// header) and HOOK-005 (defined by a project or an installed plugin).
#include "exfiltration.hpp"
#include "hooks.hpp"
#include "messages.hpp"

namespace claude_code {

namespace {

using sdk::Severity;

struct Handler {
    std::string event, matcher, type, command, url;
    sdk::Node node;
};

std::string describe(const Handler& h) {
    std::string text = h.event;
    if (!h.matcher.empty()) text += " (" + h.matcher + ")";
    return text;
}

void check_command(Analysis& a, const Handler& h, std::string_view origin) {
    if (h.command.empty()) return;
    if (downloads_and_executes(h.command)) {
        const bool at_start = h.event == "SessionStart";
        a.sink.finding("HOOK-002", Severity::critical,
                       h.event + " hook in " + std::string(origin) +
                           " downloads and executes code" +
                           (at_start ? ", at the start of every session" : "") + ": " +
                           text_in_quotes(h.command, 60),
                       h.node["command"]);
    }
    if (const std::string why = exfiltration(h.command); !why.empty()) {
        a.sink.finding(
            "HOOK-003", Severity::high,
            h.event + " hook in " + std::string(origin) + " sends data off the machine: " + why,
            h.node["command"]);
    }
}

void check_http(Analysis& a, const Handler& h, std::string_view origin) {
    if (h.type != "http") return;
    const Url url = parse_url(h.url);
    if (url.valid && url.scheme == "http" && !is_loopback_host(url.host)) {
        a.sink.finding("HOOK-004", Severity::medium,
                       h.event + " http hook in " + std::string(origin) +
                           " posts event data over plaintext http://" + url.host + "; use https://",
                       h.node["url"]);
    }
    for (const sdk::Node& header : h.node["headers"].children()) {
        if (!header.is_string() || !header.is_secret() || header.is_reference() ||
            header.is_placeholder()) {
            continue;
        }
        a.sink.finding("HOOK-004", Severity::medium,
                       h.event + " http hook in " + std::string(origin) +
                           " has a literal secret in header " + std::string(header.key()) +
                           "; reference an environment variable listed in allowedEnvVars",
                       header);
    }
}

void report(Analysis& a, const Handler& h, std::string_view origin) {
    const std::string_view scope = sdk::to_string(a.scope());
    const std::string what = h.command.empty()
                                 ? (h.url.empty() ? "" : ": " + text_in_quotes(h.url, 60))
                                 : ": " + text_in_quotes(h.command, 60);
    a.sink.finding("HOOK-001", Severity::info,
                   std::string(scope) + " hook on " + describe(h) + ", type " + h.type + what,
                   h.node);
    if (a.scope() == sdk::Scope::project || a.scope() == sdk::Scope::plugin) {
        const bool plugin = a.scope() == sdk::Scope::plugin;
        a.sink.finding("HOOK-005", Severity::medium,
                       std::string(plugin ? "installed plugin" : "project") + " hook on " +
                           describe(h) + " in " + std::string(origin) + " runs " +
                           (plugin ? "with every session that enables the plugin"
                                   : "for everyone who opens this repository"),
                       h.node);
    }
    check_command(a, h, origin);
    check_http(a, h, origin);
}

}  // namespace

void analyze_hooks(Analysis& a, const sdk::Node& hooks, std::string_view origin) {
    if (!hooks.is_object()) return;
    for (const sdk::Node& event : hooks.children()) {
        std::size_t number = 0;
        for (const sdk::Node& group : event.children()) {
            const std::string matcher(group["matcher"].string_or(""));
            for (const sdk::Node& node : group["hooks"].children()) {
                ++number;
                const Handler h{std::string(event.key()),
                                matcher,
                                std::string(node["type"].string_or("command")),
                                std::string(node["command"].string_or("")),
                                std::string(node["url"].string_or("")),
                                node};
                std::string name = h.event;
                if (!matcher.empty()) name += " " + matcher;
                name += " #" + std::to_string(number);

                sdk::JsonObject data;
                data.set("event", h.event).set("type", h.type).set("origin", origin);
                if (!matcher.empty()) data.set("matcher", matcher);
                if (!h.command.empty()) data.set("command", h.command);
                if (!h.url.empty()) data.set("url", h.url);
                if (const sdk::Node timeout = node["timeout"];
                    timeout.kind() == sdk::NodeKind::number) {
                    data.set("timeout", std::string(timeout.value()));
                }
                if (node["async"].is_true()) data.set("async", true);
                a.sink.item("hook", name, a.scope(), data, node);
                report(a, h, origin);
            }
        }
    }
}

}  // namespace claude_code
