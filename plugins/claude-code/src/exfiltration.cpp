#include "exfiltration.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <vector>

#include "common.hpp"
#include "data_sources.hpp"
#include "messages.hpp"
#include "sensitive_paths.hpp"
#include "shell_scan.hpp"
#include "shell_words.hpp"

namespace claude_code {

namespace {

constexpr int kMaxDepth = 3;

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_number(std::string_view w) {
    return !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ---- destinations ----------------------------------------------------------------------------

// The host a word names as a destination, "" when it names none: a URL, a variable ("$URL",
// unknown and so remote), "host.example/path"; with `bare` also "host.example" and "localhost".
std::string destination_host(std::string_view marked, bool bare = false) {
    const std::string text = unmarked(marked);
    const std::string_view word = text;
    if (word.empty() || word.starts_with('-') || word.starts_with('>') || word.starts_with('<'))
        return {};
    if (word.find("://") != std::string_view::npos) {
        const Url url = parse_url(word);
        return url.valid ? url.host : std::string(word);
    }
    if (word.starts_with('$')) return std::string(word.substr(0, word.find('/')));
    const auto end = word.find_first_of("/:");
    const std::string_view host = word.substr(0, end);
    const bool pathed = end != std::string_view::npos && word[end] == '/';
    if ((bare || pathed) && (host == "localhost" || host.find('.') != std::string_view::npos))
        return to_lower(host);
    return {};
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

// ---- names computed from data (DNS exfiltration) ---------------------------------------------

bool name_char(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A host name with a computed part in front of a fixed domain ("$(whoami).$(hostname).x.example
// .net"): the domain ("x.example.net") when the computed part is a command substitution or a
// variable holding data, else "". The domain needs two labels at least ($(hostname).local is the
// machine itself).
std::string computed_domain(std::string_view host, const ShellData& data) {
    std::size_t last_end = 0;
    bool computed = false;
    for (std::size_t i = 0; i < host.size(); ++i) {
        if (host[i] == '`') {
            const auto close = host.find('`', i + 1);
            i = close == std::string_view::npos ? host.size() : close;
            last_end = i + 1;
            computed = true;
        } else if (host[i] == '$' && i + 1 < host.size()) {
            if (host[i + 1] == '(') {
                i = substitution_end(host, i) - 1;
                computed = true;
            } else {
                const bool braced = host[i + 1] == '{';
                std::size_t n = i + (braced ? 2 : 1);
                const std::size_t from = n;
                while (n < host.size() && name_char(host[n]))
                    ++n;
                const std::string name(host.substr(from, n - from));
                if (braced) {
                    const auto close = host.find('}', n);
                    n = close == std::string_view::npos ? host.size() : close + 1;
                }
                if (!name.empty() && (data.computed(name) || data.word("$" + name)))
                    computed = true;
                i = n - 1;
            }
            last_end = i + 1;
        }
    }
    if (!computed || last_end >= host.size()) return {};
    std::string_view suffix = host.substr(last_end);
    if (!suffix.starts_with('.')) return {};
    suffix.remove_prefix(1);
    if (suffix.ends_with('.')) suffix.remove_suffix(1);
    const bool plain = !suffix.empty() && std::all_of(suffix.begin(), suffix.end(), [](char c) {
        return name_char(c) || c == '.' || c == '-';
    });
    if (!plain || std::count(suffix.begin(), suffix.end(), '.') < 1) return {};
    return to_lower(suffix);
}

// The host part of a URL word, substitutions kept whole ("https://$(id -u).x.example/p").
std::string_view url_host(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::size_t i = scheme + 3;
    const std::size_t from = i;
    while (i < url.size() && url[i] != '/' && url[i] != '?' && url[i] != '#' && url[i] != ':') {
        i = url[i] == '$' && i + 1 < url.size() && url[i + 1] == '(' ? substitution_end(url, i)
                                                                     : i + 1;
    }
    return url.substr(from, i - from);
}

// ---- what a command sends ----------------------------------------------------------------------

struct Sent {
    Carried what;
    std::string how;  // "with -d", "in the URL", "in a header"
};

struct Sends {
    std::vector<Sent> bodies;  // a credential variable counts here
    std::vector<Sent> others;  // URL, headers: a credential variable authenticates
    std::vector<std::string> hosts;
    std::string dns_domain;  // a computed host name under this domain
    std::string dns_how;
};

// The first thing sent that is data: a body first, then the URL or a header.
std::optional<Sent> worth_reporting(const Sends& s) {
    for (const Sent& b : s.bodies) {
        if (b.what && !b.what.credential_variable) return b;
    }
    for (const Sent& o : s.others) {
        if (o.what && !o.what.credential_variable) return o;
    }
    for (const Sent& b : s.bodies) {
        if (b.what) return b;
    }
    return std::nullopt;
}

// The stage inputs of one pipeline, worked out once and only when a sender asks.
class PipelineInputs {
  public:
    PipelineInputs(const ShellPipeline& pipeline, const ShellData& data)
        : pipeline_(pipeline), data_(data) {}
    [[nodiscard]] Carried at(std::size_t index) const {
        if (!inputs_) inputs_ = data_.stage_inputs(pipeline_);
        return index < inputs_->size() ? (*inputs_)[index] : Carried{};
    }

  private:
    const ShellPipeline& pipeline_;
    const ShellData& data_;
    mutable std::optional<std::vector<Carried>> inputs_;
};

struct Call {
    const ShellPipeline& pipeline;
    std::size_t index;
    const StageParts& stage;
    const ShellData& data;
    const PipelineInputs& inputs;
    [[nodiscard]] Carried input() const { return inputs.at(index); }
    [[nodiscard]] Carried file(std::string_view path) const {
        // xargs … curl -T {}: the files the input names.
        const bool xargs = std::find(stage.wrappers.begin(), stage.wrappers.end(), "xargs") !=
                           stage.wrappers.end();
        if (xargs && path == "{}" && index > 0) {
            for (const std::string& w : pipeline.stages[index - 1].words) {
                const std::string l = to_lower(unmarked(w));
                if (l.find("transcript") != std::string::npos ||
                    l.find(".claude/projects") != std::string::npos)
                    return {"the session transcript", false};
            }
            return {"the files its input names", false};
        }
        return data.file(path, input());
    }
};

// The word is one expansion and nothing else ("$URL", "${URL}", "$(jq -r .url f)"): it names
// the destination; data appended to a fixed URL ("https://x/p?d=$(…)") is sent.
bool sole_expansion(std::string_view w) {
    if (w.starts_with("$(")) return substitution_end(w, 0) >= w.size();
    if (w.starts_with("${")) return w.find('}') + 1 == w.size();
    if (!w.starts_with('$')) return false;
    return std::all_of(w.begin() + 1, w.end(), name_char);
}

void url_word(const Call& c, std::string_view word, Sends& s) {
    s.hosts.push_back(destination_host(word));
    if (!sole_expansion(word)) s.others.push_back({c.data.word(word), "in the URL"});
    if (s.dns_domain.empty()) {
        s.dns_domain = computed_domain(url_host(word), c.data);
        s.dns_how = "in the host name it connects to";
    }
}

// Options of curl that take a value (so the value is not a URL).
bool curl_value_option(std::string_view name) {
    return in(name, {"--output",          "--user",          "--user-agent", "--referer",
                     "--cookie",          "--cookie-jar",    "--proxy",      "--max-time",
                     "--connect-timeout", "--write-out",     "--retry",      "--config",
                     "--resolve",         "--cacert",        "--cert",       "--key",
                     "--request",         "--oauth2-bearer", "--variable",   "--retry-delay",
                     "--retry-max-time",  "--max-filesize",  "--limit-rate", "--interface",
                     "--dns-servers"});
}

// A curl body value: @file (or @- for stdin) for -d/--data-binary/--json, text otherwise.
Carried curl_body(const Call& c, std::string_view option, std::string_view value) {
    if (option == "--data-raw" || option == "--form-string") return c.data.word(value);
    if (option == "--data-urlencode") {
        // content, =content, name=content, @file, name@file
        const auto eq = value.find('=');
        const auto at = value.find('@');
        if (at != std::string_view::npos && (eq == std::string_view::npos || at < eq))
            return c.file(value.substr(at + 1));
        return c.data.word(eq == std::string_view::npos ? value : value.substr(eq + 1));
    }
    if (option == "-F" || option.starts_with("--form")) {
        const auto eq = value.find('=');
        std::string_view content = eq == std::string_view::npos ? value : value.substr(eq + 1);
        if (content.starts_with('@') || content.starts_with('<')) {
            content.remove_prefix(1);
            return c.file(content.substr(0, content.find(';')));
        }
        return c.data.word(content);
    }
    if (option == "-T" || option == "--upload-file")
        return value == "." ? c.input() : c.file(value);
    if (value.starts_with('@')) return c.file(value.substr(1));
    return c.data.word(value);
}

Sends curl(const Call& c) {
    Sends s;
    const std::vector<std::string>& w = c.stage.args;
    auto take = [&](std::size_t& j, std::string_view attached) -> std::string {
        if (!attached.empty()) return std::string(attached);
        return j + 1 < w.size() ? w[++j] : std::string();
    };
    auto body = [&](const std::string& option, const std::string& value) {
        s.bodies.push_back({curl_body(c, option, value), "with " + option});
    };
    for (std::size_t j = 0; j < w.size(); ++j) {
        const std::string& a = w[j];
        if (a.starts_with("--")) {
            const auto eq = a.find('=');
            const std::string name = a.substr(0, eq);
            const std::string_view attached =
                eq == std::string::npos ? std::string_view() : std::string_view(a).substr(eq + 1);
            if (name.starts_with("--data") || name == "--json" || name.starts_with("--form") ||
                name == "--upload-file") {
                body(name, take(j, attached));
            } else if (name == "--url") {
                url_word(c, take(j, attached), s);
            } else if (name == "--header") {
                s.others.push_back({c.data.word(take(j, attached)), "in a header"});
            } else if (curl_value_option(name) && attached.empty()) {
                ++j;
            }
        } else if (a.size() > 1 && a.starts_with('-')) {
            for (std::size_t k = 1; k < a.size(); ++k) {
                const char o = a[k];
                if (std::string_view("dFTH").find(o) != std::string_view::npos) {
                    const std::string v = take(j, std::string_view(a).substr(k + 1));
                    if (o == 'H') {
                        s.others.push_back({c.data.word(v), "in a header"});
                    } else {
                        body("-" + std::string(1, o), v);
                    }
                    break;
                }
                if (std::string_view("ouAebcxmwrKEXYyzCU").find(o) != std::string_view::npos) {
                    if (k + 1 == a.size()) ++j;
                    break;
                }
            }
        } else if (!destination_host(a).empty()) {
            url_word(c, a, s);
        }
    }
    return s;
}

Sends wget(const Call& c) {
    Sends s;
    const std::vector<std::string>& w = c.stage.args;
    for (std::size_t j = 0; j < w.size(); ++j) {
        const std::string& a = w[j];
        const auto eq = a.find('=');
        const std::string name = a.substr(0, eq);
        const bool attached = eq != std::string::npos;
        const std::string value = attached ? a.substr(eq + 1) : j + 1 < w.size() ? w[j + 1] : "";
        if (in(name, {"--post-file", "--body-file"})) {
            s.bodies.push_back({c.file(value), "with " + name});
        } else if (in(name, {"--post-data", "--body-data"})) {
            s.bodies.push_back({c.data.word(value), "with " + name});
        } else if (name == "--header") {
            s.others.push_back({c.data.word(value), "in a header"});
        } else if (!a.starts_with('-') && !destination_host(a).empty()) {
            url_word(c, a, s);
        }
        const bool long_with_value =
            a.starts_with("--") && !attached &&
            (name.starts_with("--post") || name.starts_with("--body") || name == "--header" ||
             name == "--output-document" || name == "--user-agent" || name == "--method");
        const bool short_with_value =
            a.size() == 2 && a.starts_with('-') &&
            std::string_view("OoaeUtTwPiBQ").find(a[1]) != std::string_view::npos;
        if (long_with_value || short_with_value) ++j;
    }
    return s;
}

// httpie (http, https, xh): [METHOD] URL ITEM…; items name=value, name:=json, name@file,
// name=@file, Header:value; a piped input is the body.
Sends httpie(const Call& c) {
    Sends s;
    bool url_seen = false;
    for (const std::string& a : c.stage.args) {
        if (a.starts_with('-')) continue;
        const std::string plain = unmarked(a);
        if (!url_seen) {
            if (std::all_of(plain.begin(), plain.end(),
                            [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
                continue;  // the method
            url_seen = true;
            s.hosts.push_back(destination_host(a, true));
            s.others.push_back({c.data.word(a), "in the URL"});
            continue;
        }
        const auto sep = a.find_first_of(":=@");
        if (sep == std::string::npos) continue;
        std::string_view rest = std::string_view(a).substr(sep);
        if (rest.starts_with(":=@") || rest.starts_with("=@") || rest.starts_with("@")) {
            s.bodies.push_back(
                {c.file(rest.substr(rest.find('@') + 1)), "with " + plain.substr(0, sep)});
        } else if (rest.starts_with("==") || (rest.starts_with(':') && !rest.starts_with(":="))) {
            s.others.push_back({c.data.word(rest.substr(rest.starts_with("==") ? 2 : 1)),
                                rest.starts_with("==") ? "in the URL" : "in a header"});
        } else {
            s.bodies.push_back({c.data.word(rest.substr(rest.starts_with(":=") ? 2 : 1)),
                                "with " + plain.substr(0, sep)});
        }
    }
    // No data items: httpie sends what it reads (in a hook, the hook's input when nothing is
    // piped in).
    if (s.bodies.empty()) s.bodies.push_back({c.input(), "from its input"});
    return s;
}

// Invoke-WebRequest / Invoke-RestMethod: -Uri, -Body, -InFile, -Headers.
Sends powershell_web(const Call& c) {
    Sends s;
    const std::vector<std::string>& w = c.stage.args;
    for (std::size_t j = 0; j < w.size(); ++j) {
        const std::string option = to_lower(w[j]);
        const std::string value = j + 1 < w.size() ? w[j + 1] : "";
        if (option == "-infile") {
            s.bodies.push_back({c.file(value), "with -InFile"});
            ++j;
        } else if (option == "-body") {
            s.bodies.push_back({c.data.word(value), "with -Body"});
            ++j;
        } else if (option == "-uri") {
            url_word(c, value, s);
            ++j;
        } else if (option.starts_with('-')) {
            ++j;
        } else if (!destination_host(w[j]).empty()) {
            url_word(c, w[j], s);
        }
    }
    return s;
}

// mail, mailx, sendmail, mutt, msmtp: the message read from a pipe or a file, attachments.
Sends mailer(const Call& c) {
    Sends s;
    const std::vector<std::string>& w = c.stage.args;
    for (std::size_t j = 0; j < w.size(); ++j) {
        const std::string plain = unmarked(w[j]);
        if ((plain == "-a" || plain == "-A" || plain == "--attach") && j + 1 < w.size()) {
            s.bodies.push_back({c.file(w[j + 1]), "as an attachment"});
            ++j;
        } else if (plain == "-s" || plain == "-c" || plain == "-b" || plain == "-r") {
            ++j;
        } else if (plain.find('@') != std::string::npos && !plain.starts_with('-')) {
            s.hosts.push_back(to_lower(plain));
        }
    }
    // The message is what it reads: in a hook, the hook's input unless something is piped in.
    s.bodies.push_back({c.input(), "as the message"});
    if (s.hosts.empty()) s.hosts.push_back("$recipient");
    return s;
}

// nslookup, dig, host, ping, …: a name with a computed part under a fixed domain.
std::string dns_lookup(const Call& c) {
    for (const std::string& a : c.stage.args) {
        if (a.starts_with('-') || a.starts_with('+') || a.starts_with('@')) continue;
        if (const std::string domain = computed_domain(a, c.data); !domain.empty())
            return c.stage.program + " puts data in a DNS name it looks up under " + domain + " (" +
                   text_in_quotes(unmarked(a), 60) + "): DNS exfiltration";
    }
    return {};
}

// nc / ncat / netcat HOST PORT: a raw connection; listening (-l) and port checks (-z) are not.
std::optional<std::string> netcat_host(const std::vector<std::string>& w) {
    for (std::size_t j = 0; j < w.size(); ++j) {
        const std::string a = unmarked(w[j]);
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
std::optional<std::string> socat_host(const std::vector<std::string>& w) {
    for (const std::string& word : w) {
        const std::string address = to_lower(unmarked(word));
        const auto colon = address.find(':');
        if (colon == std::string::npos) continue;
        std::string_view kind = std::string_view(address).substr(0, colon);
        if (kind.ends_with("-connect")) kind.remove_suffix(8);
        if (!in(kind, {"tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", "openssl", "ssl", "sctp"}))
            continue;
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

// scp, rsync, sftp, ftp: copies to a remote host; exfiltration when what it copies is
// credentials, history or the transcript.
std::string remote_copy(const Call& c) {
    std::string host;
    // scp and rsync copy to user@host:path or a URL; "dir.x/file" is a local path to them.
    const bool copier = in(c.stage.program, {"scp", "rsync"});
    for (const std::string& word : c.stage.args) {
        const std::string a = unmarked(word);
        if (a.starts_with('-')) continue;
        const std::string h =
            copier && a.find("://") == std::string::npos ? "" : destination_host(a, !copier);
        const auto colon = a.find(':');
        if (remote(h)) {
            host = h;
        } else if (colon != std::string::npos && colon > 1 && a.find('/') > colon) {
            const std::string user_host = a.substr(0, colon);  // user@host:path
            const std::string candidate = to_lower(user_host.substr(user_host.find('@') + 1));
            if (remote(candidate)) host = candidate;
        }
    }
    if (host.empty()) return {};
    for (const std::string& word : c.stage.args) {
        const std::string a = unmarked(word);
        if (a.starts_with('-') || a.find(':') != std::string::npos) continue;
        const Carried what = c.file(word);
        if (what && !what.what.starts_with("the file ")) {
            return c.stage.program + " copies " + what.what + " to " + host;
        }
        if (const std::string folder = credential_folder(home_relative(a)); !folder.empty())
            return c.stage.program + " copies " + folder + ", which holds credentials, to " + host;
    }
    return {};
}

std::string judge(const ShellPipeline& p, std::size_t index, const ShellData& data,
                  const PipelineInputs& inputs) {
    const std::vector<std::string>& words = p.stages[index].words;
    for (const std::string& word : words) {
        if (const auto host = dev_tcp_host(unmarked(word)); host)
            return "writes to a raw connection (/dev/tcp) to " + *host;
    }
    const StageParts stage = stage_parts(words);
    const Call call{p, index, stage, data, inputs};
    const std::string& tool = stage.program;
    std::optional<Sends> sends;
    if (tool == "curl") {
        sends = curl(call);
    } else if (tool == "wget") {
        sends = wget(call);
    } else if (in(tool, {"http", "https", "xh", "xhs"})) {
        sends = httpie(call);
    } else if (in(tool, {"invoke-webrequest", "invoke-restmethod", "iwr", "irm"})) {
        sends = powershell_web(call);
    } else if (in(tool, {"mail", "mailx", "sendmail", "mutt", "msmtp"})) {
        sends = mailer(call);
    } else if (in(tool, {"nslookup", "dig", "host", "drill", "kdig", "ping", "ping6", "fping",
                         "traceroute", "tracepath", "getent", "resolvectl"})) {
        return dns_lookup(call);
    } else if (in(tool, {"nc", "ncat", "netcat", "socat"})) {
        const auto host = tool == "socat" ? socat_host(stage.args) : netcat_host(stage.args);
        if (!host) return {};
        if (const Carried what = call.input(); what && (index > 0 || !stage.read_files.empty()))
            return tool + " sends " + what.what + " over a raw connection to " + *host;
        return tool + " opens a raw connection to " + *host;
    } else if (in(tool, {"scp", "rsync", "sftp", "ftp"})) {
        return remote_copy(call);
    }
    if (!sends) return {};
    const std::optional<std::string> target = remote_destination(sends->hosts);
    if (!target) return {};
    if (!sends->dns_domain.empty())
        return tool + " puts data " + sends->dns_how + " under " + sends->dns_domain +
               ": DNS exfiltration";
    if (const std::optional<Sent> sent = worth_reporting(*sends))
        return tool + " sends " + sent->what.what + " " + sent->how + " to " + *target;
    return {};
}

// words[j] is a script a shell runs: the value of -c (sh -c, bash -lc, su -c, powershell
// -Command, cmd /c), or an argument of eval, ssh, watch, screen, tmux, script or xargs sh.
bool runs_as_script(const std::vector<std::string>& words, std::size_t j) {
    if (j == 0) return false;
    const std::string before = to_lower(unmarked(words[j - 1]));
    const bool c_option = before.size() >= 2 && before[0] == '-' && before[1] != '-' &&
                          before.back() == 'c' &&
                          std::all_of(before.begin() + 1, before.end(),
                                      [](char ch) { return ch >= 'a' && ch <= 'z'; });
    if (c_option || in(before, {"--command", "-command", "/c", "/k"})) return true;
    for (std::size_t k = 0; k < j; ++k) {
        const std::string w = to_lower(unmarked(words[k]));
        const std::string name = w.substr(w.rfind('/') + 1);
        if (in(name, {"eval", "ssh", "watch", "screen", "tmux", "script"})) return true;
    }
    return false;
}

// Every pipeline of `text`, then the scripts inside its words: "$(…)", `…`, sh -c "…".
std::string judge_all(std::string_view text, const ShellData& data, int depth) {
    for (const ShellPipeline& p : pipelines(tokenize(text, kDataWords))) {
        const PipelineInputs inputs(p, data);
        for (std::size_t i = 0; i < p.stages.size(); ++i) {
            if (std::string why = judge(p, i, data, inputs); !why.empty()) return why;
        }
        if (depth >= kMaxDepth) continue;
        for (const ShellCommand& stage : p.stages) {
            for (std::size_t j = 0; j < stage.words.size(); ++j) {
                const std::string& word = stage.words[j];
                std::string why;
                if (word.find(' ') != std::string::npos && runs_as_script(stage.words, j)) {
                    why = judge_all(unmarked(word), data, depth + 1);  // sh -c "…", ssh h "…"
                } else {
                    for (std::size_t at = word.find("$("); at != std::string::npos && why.empty();
                         at = word.find("$(", at + 2)) {
                        const std::size_t end = substitution_end(word, at);
                        why = judge_all(std::string_view(word).substr(at + 2, end - at - 3), data,
                                        depth + 1);
                        at = end - 2;
                    }
                }
                if (!why.empty()) return why;
            }
        }
    }
    return {};
}

std::string cut(std::string reason) {
    if (reason.size() > 200) {  // a host can be anything: cut on a UTF-8 boundary
        std::size_t at = 200;
        while (at > 0 && (static_cast<unsigned char>(reason[at]) & 0xC0) == 0x80)
            --at;
        reason = reason.substr(0, at) + "…";
    }
    return reason;
}

}  // namespace

std::string exfiltration(std::string_view command, const ShellData& data) {
    return cut(judge_all(command, data, 0));
}

std::string exfiltration(std::string_view command) {
    const ShellData data(command);
    return exfiltration(command, data);
}

}  // namespace claude_code
