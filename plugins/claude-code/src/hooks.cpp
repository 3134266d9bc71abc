#include "hooks.hpp"

#include <regex>

#include "common.hpp"

namespace claude_code {

namespace {
using sdk::Severity;
}

namespace {

std::string regex_escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (std::string_view(R"(\^$.|?*+()[]{}/)").find(c) != std::string_view::npos)
            out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

// "curl … -o /tmp/x.sh && bash /tmp/x.sh", "wget -O x.sh URL; chmod +x x.sh; ./x.sh": the file a
// download writes, run later in the same command.
bool runs_downloaded_file(const std::string& text) {
    static const std::regex download(
        R"(\b(curl|wget)\b[^;&|]*?\s(-o|-O|--output|--output-document)(=|\s+)(['"]?)([^\s'";&|]+)\4)",
        std::regex::icase);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), download);
         it != std::sregex_iterator(); ++it) {
        const std::string file = (*it)[5].str();
        if (file == "-" || file == "/dev/null") continue;
        const std::string name = regex_escape(file);
        const std::string base = regex_escape(file.substr(file.find_last_of('/') + 1));
        const std::regex run("(\\b((ba|z|da|k)?sh|python3?|node|perl|ruby|source)\\s+(-\\S+\\s+)*" +
                             name + "|(^|[;&|]\\s*)\\.\\s+" + name + "|(^|[;&|]\\s*)(\\./)?" +
                             base + "(\\s|$)|(^|[;&|]\\s*)" + name + "(\\s|$))");
        const std::string after =
            text.substr(static_cast<std::size_t>(it->position() + it->length()));
        if (std::regex_search(after, run)) return true;
    }
    return false;
}

}  // namespace

bool downloads_and_executes(std::string_view command) {
    static const std::regex patterns[] = {
        // curl/wget piped into a shell or an interpreter
        std::regex(R"(\b(curl|wget|fetch)\b[^|;&]*\|\s*(sudo\s+)?(-\S+\s+)*(ba|z|da|k|fi)?sh\b)",
                   std::regex::icase),
        std::regex(R"(\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(python3?|node|perl|ruby|php)\b)",
                   std::regex::icase),
        // a shell or source reading a download: sh -c "$(curl …)", bash <(curl …), . <(wget …)
        std::regex(R"(\b(ba|z|da|k)?sh\s+(-c\s+)?["']?\$\(\s*(curl|wget)\b)", std::regex::icase),
        std::regex(R"((\b(ba|z)?sh|\bsource|(^|[;&|]\s*)\.)\s+<\(\s*(curl|wget)\b)",
                   std::regex::icase),
        std::regex(R"(\beval\s+["']?\$\(\s*(curl|wget)\b)", std::regex::icase),
        // PowerShell: iwr/irm … | iex, Invoke-Expression (New-Object Net.WebClient).DownloadString
        std::regex(
            R"(\b(iwr|irm|invoke-webrequest|invoke-restmethod)\b[^;]*\|\s*(iex|invoke-expression)\b)",
            std::regex::icase),
        std::regex(R"(\b(iex|invoke-expression)\b.*\b(downloadstring|iwr|irm|invoke-webrequest)\b)",
                   std::regex::icase),
    };
    const std::string text(command);
    for (const std::regex& re : patterns) {
        if (std::regex_search(text, re)) return true;
    }
    return runs_downloaded_file(text);
}

void analyze_hooks(Analysis& a, const sdk::Node& hooks, std::string_view origin) {
    if (!hooks.is_object()) return;
    for (const sdk::Node& event : hooks.children()) {
        std::size_t number = 0;
        for (const sdk::Node& group : event.children()) {
            const std::string matcher(group["matcher"].string_or(""));
            for (const sdk::Node& handler : group["hooks"].children()) {
                ++number;
                const std::string type(handler["type"].string_or("command"));
                const std::string command(handler["command"].string_or(""));
                const std::string url(handler["url"].string_or(""));
                std::string name = std::string(event.key());
                if (!matcher.empty()) name += " " + matcher;
                name += " #" + std::to_string(number);

                sdk::JsonObject data;
                data.set("event", event.key()).set("type", type).set("origin", origin);
                if (!matcher.empty()) data.set("matcher", matcher);
                if (!command.empty()) data.set("command", command);
                if (!url.empty()) data.set("url", url);
                if (const sdk::Node timeout = handler["timeout"];
                    timeout.kind() == sdk::NodeKind::number) {
                    data.set("timeout", std::string(timeout.value()));
                }
                if (handler["async"].is_true()) data.set("async", true);
                a.sink.item("hook", name, a.scope(), data, handler);

                if (!command.empty() && downloads_and_executes(command)) {
                    const bool at_start = event.key() == "SessionStart";
                    a.sink.finding("HOOK-002", Severity::critical,
                                   std::string(event.key()) + " hook in " + std::string(origin) +
                                       " downloads and executes code" +
                                       (at_start ? ", at the start of every session" : "") + ": " +
                                       quoted(command, 60),
                                   handler["command"]);
                }
            }
        }
    }
}

}  // namespace claude_code
