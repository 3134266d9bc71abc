#include "exfiltration.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "common.hpp"
#include "shell_words.hpp"

namespace claude_code {

namespace {

// ---- destinations ----------------------------------------------------------------------------

bool is_number(std::string_view w) {
    return !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The host a word names as a destination, "" when it names none: a URL, a variable ("$URL",
// unknown and so remote), "host.example/path"; with `bare` also "host.example" and "localhost".
std::string destination_host(std::string_view word, bool bare = false) {
    if (word.empty() || word.starts_with('-') || word.starts_with('>') || word.starts_with('<'))
        return {};
    if (word.find("://") != std::string_view::npos) {
        const Url url = parse_url(word);
        return url.valid ? url.host : std::string(word);
    }
    if (word.starts_with('$')) return std::string(word);
    const auto end = word.find_first_of("/:");
    const std::string_view host = word.substr(0, end);
    const bool pathed = end != std::string_view::npos && word[end] == '/';
    if ((bare || pathed) && (host == "localhost" || host.find('.') != std::string_view::npos))
        return to_lower(host);
    return {};
}

// A redirection whose file is the next word ("> out.log").
bool redirection(std::string_view w) {
    return w == ">" || w == ">>" || w == "<" || w == "2>" || w == "&>" || w == "2>>";
}

bool remote(std::string_view host) {
    return !host.empty() && !is_loopback_host(host);
}

// Among the words that name a destination: the first remote one; "a remote host" when none is
// literal (a variable); nullopt when every destination is loopback.
std::optional<std::string> remote_destination(const std::vector<std::string>& hosts) {
    if (hosts.empty()) return std::string("a remote host");
    for (const std::string& h : hosts) {
        if (remote(h)) return h.starts_with('$') ? "the host in " + h : h;
    }
    return std::nullopt;
}

// ---- per tool
// ------------------------------------------------------------------------------------

bool dynamic_value(std::string_view v, bool form) {
    if (v.starts_with('@') || v.find('$') != std::string_view::npos ||
        v.find('`') != std::string_view::npos) {
        return true;
    }
    return form &&
           (v.find("=@") != std::string_view::npos || v.find("=<") != std::string_view::npos);
}

struct Send {
    bool sends = false;  // data leaves: an upload or a computed body
    std::string how;     // the option
    std::vector<std::string> hosts;
};

// Options of curl that take a value (so the value is not a URL).
bool curl_value_option(std::string_view name) {
    static constexpr std::string_view kLong[] = {
        "--header",    "--output",     "--user",    "--user-agent",    "--referer",
        "--cookie",    "--cookie-jar", "--proxy",   "--max-time",      "--connect-timeout",
        "--write-out", "--retry",      "--config",  "--resolve",       "--cacert",
        "--cert",      "--key",        "--request", "--oauth2-bearer", "--variable"};
    return std::find(std::begin(kLong), std::end(kLong), name) != std::end(kLong);
}

Send curl(const std::vector<std::string>& w, std::size_t i) {
    Send s;
    auto sends = [&](std::string how) {
        s.sends = true;
        s.how = std::move(how);
    };
    auto take = [&](std::size_t& j, std::string_view attached) -> std::string {
        if (!attached.empty()) return std::string(attached);
        return j + 1 < w.size() ? w[++j] : std::string("$(");  // a substitution follows
    };
    for (std::size_t j = i + 1; j < w.size(); ++j) {
        const std::string& a = w[j];
        if (redirection(a)) {
            ++j;
        } else if (a.starts_with("--")) {
            const auto eq = a.find('=');
            const std::string name = a.substr(0, eq);
            const std::string_view attached =
                eq == std::string::npos ? std::string_view() : std::string_view(a).substr(eq + 1);
            if (name.starts_with("--data") || name == "--json" || name.starts_with("--form")) {
                const std::string v = take(j, attached);
                if (dynamic_value(v, name.starts_with("--form"))) sends(name);
            } else if (name == "--upload-file") {
                take(j, attached);
                sends(name);
            } else if (name == "--url") {
                s.hosts.push_back(destination_host(take(j, attached)));
            } else if (curl_value_option(name) && attached.empty()) {
                ++j;
            }
        } else if (a.size() > 1 && a.starts_with('-')) {
            for (std::size_t k = 1; k < a.size(); ++k) {
                const char c = a[k];
                if (std::string_view("dFT").find(c) != std::string_view::npos) {
                    const std::string v = take(j, std::string_view(a).substr(k + 1));
                    if (c == 'T' || dynamic_value(v, c == 'F')) sends("-" + std::string(1, c));
                    break;
                }
                if (std::string_view("HouAebcxmwrKEXYyzC").find(c) != std::string_view::npos) {
                    if (k + 1 == a.size()) ++j;
                    break;
                }
            }
        } else if (std::string host = destination_host(a); !host.empty()) {
            s.hosts.push_back(std::move(host));
        }
    }
    return s;
}

Send wget(const std::vector<std::string>& w, std::size_t i) {
    Send s;
    for (std::size_t j = i + 1; j < w.size(); ++j) {
        const std::string& a = w[j];
        const auto eq = a.find('=');
        const std::string name = a.substr(0, eq);
        const std::string value = eq != std::string::npos ? a.substr(eq + 1)
                                  : j + 1 < w.size()      ? w[j + 1]
                                                          : "";
        if (name == "--post-file" || name == "--body-file" ||
            ((name == "--post-data" || name == "--body-data") && dynamic_value(value, false))) {
            s.sends = true;
            s.how = name;
        } else if (!a.starts_with('-') && !redirection(a)) {
            if (std::string host = destination_host(a); !host.empty()) s.hosts.push_back(host);
        }
        const bool long_with_value =
            a.starts_with("--") && eq == std::string::npos &&
            (name.starts_with("--post") || name.starts_with("--body") || name == "--header" ||
             name == "--output-document" || name == "--user-agent" || name == "--method");
        const bool short_with_value =
            a.size() == 2 && a.starts_with('-') &&
            std::string_view("OoaeUtTwPiBQ").find(a[1]) != std::string_view::npos;
        if (long_with_value || short_with_value || redirection(a)) ++j;
    }
    return s;
}

// nc / ncat / netcat HOST PORT: a raw connection; listening (-l) and port checks (-z) are not.
std::optional<std::string> netcat_host(const std::vector<std::string>& w, std::size_t i) {
    for (std::size_t j = i + 1; j < w.size(); ++j) {
        const std::string& a = w[j];
        if (a == "--listen") return std::nullopt;
        if (a.starts_with("--")) continue;
        if (a.size() > 1 && a.starts_with('-')) {
            if (a.find_first_of("lz") != std::string::npos) return std::nullopt;
            if (std::string_view("pwqisxXecWTPOI").find(a.back()) != std::string_view::npos) ++j;
            continue;
        }
        if (is_number(a)) continue;
        return remote(a) ? std::optional<std::string>(a) : std::nullopt;
    }
    return std::nullopt;
}

// socat ... TCP:host:port (also TCP4, TCP6, UDP*, OPENSSL, SSL, SCTP, with -CONNECT).
std::optional<std::string> socat_host(const std::vector<std::string>& w, std::size_t i) {
    for (std::size_t j = i + 1; j < w.size(); ++j) {
        const std::string address = to_lower(w[j]);
        const auto colon = address.find(':');
        if (colon == std::string::npos) continue;
        std::string_view kind = std::string_view(address).substr(0, colon);
        if (kind.ends_with("-connect")) kind.remove_suffix(8);
        static constexpr std::string_view kKinds[] = {"tcp",  "tcp4",    "tcp6", "udp", "udp4",
                                                      "udp6", "openssl", "ssl",  "sctp"};
        if (std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds)) continue;
        const std::string_view rest = std::string_view(address).substr(colon + 1);
        const std::string host(rest.substr(0, rest.find_first_of(":,")));
        if (remote(host)) return host;
    }
    return std::nullopt;
}

// A bash /dev/tcp/HOST/PORT redirection.
std::optional<std::string> dev_tcp_host(const std::string& word) {
    for (const std::string_view dev : {"/dev/tcp/", "/dev/udp/"}) {
        const auto at = word.find(dev);
        if (at == std::string::npos) continue;
        const std::string rest = word.substr(at + dev.size());
        const std::string host = rest.substr(0, rest.find('/'));
        if (remote(to_lower(host))) return host;
    }
    return std::nullopt;
}

// Invoke-WebRequest / Invoke-RestMethod sending a file (-InFile) or a computed -Body.
std::string powershell_upload(const std::string& tool, const std::vector<std::string>& w,
                              std::size_t i) {
    if (tool != "invoke-webrequest" && tool != "invoke-restmethod" && tool != "iwr" &&
        tool != "irm") {
        return {};
    }
    for (std::size_t j = i + 1; j + 1 < w.size(); ++j) {
        const std::string option = to_lower(w[j]);
        if (option == "-infile") return "-InFile";
        if (option == "-body" && dynamic_value(w[j + 1], false)) return "-Body";
    }
    return {};
}

bool prefix_word(std::string_view w) {
    for (const std::string_view p :
         {"sudo", "env", "command", "exec", "nohup", "time", "timeout", "xargs"}) {
        if (w == p) return true;
    }
    // VAR=value
    const auto eq = w.find('=');
    const bool assignment = eq != std::string_view::npos && eq > 0 &&
                            std::all_of(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(eq),
                                        [](char c) {
                                            return c == '_' || (c >= 'A' && c <= 'Z') ||
                                                   (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                                        }) &&
                            !(w[0] >= '0' && w[0] <= '9');
    return w.starts_with('-') || is_number(w) || assignment;
}

struct Verdict {
    std::string reason;  // exfiltration on its own
    std::string sender;  // a network tool that reaches a remote host (for the transcript)
};

void judge(const ShellCommand& cmd, Verdict& v) {
    const std::vector<std::string>& w = cmd.words;
    for (const std::string& word : w) {
        if (const auto host = dev_tcp_host(word); host && v.reason.empty())
            v.reason = "writes to a raw connection (/dev/tcp) to " + *host;
    }
    std::size_t i = 0;
    while (i < w.size() && prefix_word(w[i]))
        ++i;
    if (i == w.size()) return;
    const std::string tool = command_name(w[i]);
    std::optional<std::string> target;
    if (tool == "curl" || tool == "wget") {
        const Send s = tool == "curl" ? curl(w, i) : wget(w, i);
        target = remote_destination(s.hosts);
        if (target && s.sends && v.reason.empty())
            v.reason = tool + " uploads data (" + s.how + ") to " + *target;
    } else if (tool == "nc" || tool == "ncat" || tool == "netcat") {
        target = netcat_host(w, i);
        if (target && v.reason.empty()) v.reason = tool + " opens a raw connection to " + *target;
    } else if (tool == "socat") {
        target = socat_host(w, i);
        if (target && v.reason.empty()) v.reason = "socat opens a raw connection to " + *target;
    } else if (tool == "scp" || tool == "rsync" || tool == "sftp" || tool == "ftp" ||
               tool == "http" || tool == "https" || tool == "invoke-webrequest" ||
               tool == "invoke-restmethod" || tool == "iwr" || tool == "irm") {
        for (std::size_t j = i + 1; j < w.size() && !target; ++j) {
            const std::string host = destination_host(w[j], tool != "scp" && tool != "rsync");
            const auto colon = w[j].find(':');
            if (remote(host)) {
                target = host;
            } else if (colon != std::string::npos && colon > 1 && !w[j].starts_with('-')) {
                const std::string user_host = w[j].substr(0, colon);  // user@host:path
                const std::string h = to_lower(user_host.substr(user_host.find('@') + 1));
                if (remote(h)) target = h;
            }
        }
    }
    if (target && v.sender.empty()) v.sender = tool + " to " + *target;
    if (target && v.reason.empty()) {
        if (const std::string how = powershell_upload(tool, w, i); !how.empty())
            v.reason = tool + " uploads data (" + how + ") to " + *target;
    }
}

void judge_all(std::string_view command, Verdict& v, int depth) {
    for (const ShellCommand& cmd : commands(tokenize(command))) {
        judge(cmd, v);
        if (depth >= 3) continue;
        // sh -c "…", "$(…)": commands inside a word.
        for (const std::string& word : cmd.words) {
            if (word.find(' ') != std::string::npos || word.find("$(") != std::string::npos)
                judge_all(word, v, depth + 1);
        }
    }
}

}  // namespace

std::string exfiltration(std::string_view command) {
    Verdict v;
    judge_all(command, v, 0);
    std::string reason = v.reason;
    if (reason.empty()) {
        const std::string lower = to_lower(command);
        const bool transcript = lower.find("transcript_path") != std::string::npos ||
                                lower.find(".claude/projects") != std::string::npos;
        if (transcript && !v.sender.empty())
            reason = "reads the session transcript and sends it with " + v.sender;
    }
    if (reason.size() > 160) {  // a host can be anything: cut on a UTF-8 boundary
        std::size_t cut = 160;
        while (cut > 0 && (static_cast<unsigned char>(reason[cut]) & 0xC0) == 0x80)
            --cut;
        reason = reason.substr(0, cut) + "…";
    }
    return reason;
}

}  // namespace claude_code
