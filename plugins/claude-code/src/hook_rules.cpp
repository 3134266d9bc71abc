// Every hook handler: its inventory item and HOOK-001 (inventory finding), HOOK-002 (download and
// execute), HOOK-003 (exfiltration), HOOK-004 (http hook over plaintext or with a literal secret
// header), HOOK-005 (defined by a project or an installed plugin) and HOOK-006..HOOK-012 (what
// the command does: persistence, privilege, listeners, history wiping, credentials, installs);
// CFG-003 for entries in a shape Claude Code skips.
#include <array>
#include <string>
#include <vector>

#include "exfiltration.hpp"
#include "hook_behaviour.hpp"
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

std::vector<CommandRisk> risks_of(std::string_view command, const ShellData* data) {
    std::vector<CommandRisk> risks;
    if (command.empty()) return risks;
    if (runs_downloaded_code(command)) {
        risks.push_back({"HOOK-002", Severity::critical,
                         "downloads and executes code: " + text_in_quotes(command, 60)});
    }
    if (const std::string why = data ? exfiltration(command, *data) : exfiltration(command);
        !why.empty())
        risks.push_back({"HOOK-003", Severity::high, "sends data off the machine: " + why});
    struct Rule {
        std::string_view id;
        Severity severity;
        std::string_view what;
    };
    static constexpr std::array<Rule, 8> kRules{{
        {"HOOK-006", Severity::high, "installs persistence"},
        {"HOOK-007", Severity::high, "escalates privileges"},
        {"HOOK-008", Severity::critical, "opens a listener, a tunnel or a reverse shell"},
        {"HOOK-009", Severity::high, "wipes shell history or logs"},
        {"HOOK-010", Severity::high, "reads credentials"},
        {"HOOK-011", Severity::medium, "installs packages"},
        {"AUTH-002", Severity::medium, "turns off TLS certificate checks"},
        {"HOOK-012", Severity::high, "destroys data"},
    }};
    for (const BehaviourFinding& b : hook_behaviours(command)) {
        const Rule& r = kRules[static_cast<std::size_t>(b.kind)];
        risks.push_back({r.id, r.severity, std::string(r.what) + ": " + b.why});
    }
    return risks;
}

void check_command(Analysis& a, const Handler& h, std::string_view origin) {
    for (const CommandRisk& r : risks_of(h.command, nullptr)) {
        std::string what = r.what;
        if (r.id == "HOOK-002" && h.event == "SessionStart") {
            what.insert(what.find(':'), ", at the start of every session");
        }
        a.sink.finding(r.id, r.severity, h.event + " hook in " + std::string(origin) + " " + what,
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

// The handler's command line: "command", followed by its "args" (each quoted as one word) when
// the handler lists them apart.
std::string command_line(const sdk::Node& handler) {
    std::string line(handler["command"].string_or(""));
    for (const sdk::Node& arg : handler["args"].children()) {
        if (!arg.is_scalar()) continue;
        std::string quoted_arg = "'";
        for (const char c : arg.value()) {
            if (c == '\'') {
                quoted_arg += "'\\''";
            } else {
                quoted_arg.push_back(c);
            }
        }
        line += " " + quoted_arg + "'";
    }
    return line;
}

// The commands an entry in an ignored shape holds: strings under "command", "hook", "commands",
// "cmd" or "script", and plain strings where a handler belongs.
void collect_commands(const sdk::Node& node, std::vector<std::string>& out, int depth) {
    if (depth > 6 || out.size() >= 8) return;
    if (node.is_string()) {
        if (!node.value().empty()) out.emplace_back(node.value());
        return;
    }
    for (const sdk::Node& child : node.children()) {
        const std::string_view key = child.key();
        const bool command_key = key == "command" || key == "hook" || key == "hooks" ||
                                 key == "commands" || key == "cmd" || key == "script";
        if (node.is_array() || command_key || child.is_object() || child.is_array())
            collect_commands(child, out, depth + 1);
    }
}

// CFG-003: an entry Claude Code skips, naming the commands that never run and what they would
// do. Medium; high when an ignored command is plainly hostile — it downloads and runs code,
// sends data away or opens a shell to the network (HOOK-002, HOOK-003, HOOK-008): Claude Code
// does not run it, but someone committed it, other tools and older setups may, and fixing the
// shape would arm it.
void report_ignored(Analysis& a, const sdk::Node& node, std::string_view event,
                    std::string_view origin, std::string_view why) {
    std::vector<std::string> commands;
    collect_commands(node, commands, 0);
    if (commands.empty()) return;
    std::string list, risks;
    Severity severity = Severity::medium;
    std::size_t named = 0;
    for (const std::string& c : commands) {
        list += (list.empty() ? "" : ", ") + text_in_quotes(c, 60);
        for (const CommandRisk& r : risks_of(c, nullptr)) {
            if (r.id == "HOOK-002" || r.id == "HOOK-003" || r.id == "HOOK-008")
                severity = Severity::high;
            if (named++ >= 3) continue;
            // "opens a listener, …: connects an interactive shell …" -> "… (what HOOK-008 reports)"
            risks +=
                (risks.empty() ? "" : "; ") + r.what + " (what " + std::string(r.id) + " reports)";
        }
    }
    const std::string entry =
        event.empty() ? std::string("hooks") : std::string(event) + " hook entry";
    std::string message = entry + " in " + std::string(origin) +
                          " is in a shape Claude Code ignores (" + std::string(why) + "), so " +
                          list + (commands.size() == 1 ? " never runs" : " never run");
    if (!risks.empty()) message += "; the ignored command " + risks;
    message += "; write {\"matcher\": …, \"hooks\": [{\"type\": \"command\", \"command\": …}]}";
    a.sink.finding("CFG-003", severity, message, node);
}

}  // namespace

std::vector<CommandRisk> command_risks(std::string_view command, const ShellData* data) {
    return risks_of(command, data);
}

void analyze_hooks(Analysis& a, const sdk::Node& hooks, std::string_view origin) {
    if (hooks.is_array()) {
        report_ignored(a, hooks, "", origin, "a list where an object keyed by event belongs");
        return;
    }
    if (!hooks.is_object()) return;
    for (const sdk::Node& event : hooks.children()) {
        if (!event.is_array()) {
            report_ignored(a, event, event.key(), origin, "the event holds no list of matchers");
            continue;
        }
        std::size_t number = 0;
        for (const sdk::Node& group : event.children()) {
            if (!group.is_object()) {
                report_ignored(a, group, event.key(), origin, "a command where a matcher belongs");
                continue;
            }
            if (!group["hooks"].is_array()) {
                report_ignored(a, group, event.key(), origin,
                               group["hooks"]  ? "\"hooks\" is not a list"
                               : group["hook"] ? "the legacy {\"matcher\", \"hook\"} shape"
                                               : "no \"hooks\" list");
                continue;
            }
            const std::string matcher(group["matcher"].string_or(""));
            for (const sdk::Node& node : group["hooks"].children()) {
                if (!node.is_object()) {
                    report_ignored(a, node, event.key(), origin,
                                   "a command string where a handler object belongs");
                    continue;
                }
                ++number;
                const Handler h{std::string(event.key()),
                                matcher,
                                std::string(node["type"].string_or("command")),
                                command_line(node),
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
