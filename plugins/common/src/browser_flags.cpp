#include <array>
#include <cctype>

#include <confscope/plugin_common/browser_flags.hpp>
#include <confscope/plugin_common/text.hpp>

namespace confscope::plugin_common {

namespace {

struct KnownFlag {
    std::string_view flag;
    std::string_view what;
};

constexpr std::array kAlwaysUnsafe{
    KnownFlag{"--no-sandbox", "the browser's sandbox"},
    KnownFlag{"--disable-setuid-sandbox", "the browser's setuid sandbox"},
    KnownFlag{"--disable-web-security", "the same-origin policy"},
    KnownFlag{"--disable-site-isolation-trials", "site isolation"},
    KnownFlag{"--allow-running-insecure-content", "the block on http:// content in https:// pages"},
    KnownFlag{"--ignore-certificate-errors", "TLS certificate checks"},
    KnownFlag{"--ignore-https-errors", "TLS certificate checks"},
    KnownFlag{"--accept-insecure-certs", "TLS certificate checks"},
    KnownFlag{"--acceptinsecurecerts", "TLS certificate checks"},
};

// A switch stands alone: not inside a longer name ("--no-sandbox-x", "x--no-sandbox").
bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

// The switch's value after '=' (up to a separator), or "".
std::string_view value_at(std::string_view text, std::size_t end) {
    if (end >= text.size() || text[end] != '=') return {};
    const std::size_t from = end + 1;
    std::size_t to = from;
    while (to < text.size() && !std::isspace(static_cast<unsigned char>(text[to])) &&
           text[to] != ',' && text[to] != '"' && text[to] != '\'' && text[to] != ']' &&
           text[to] != '}')
        ++to;
    return text.substr(from, to - from);
}

// Every standalone occurrence of `flag` (lower case) in `lower`: the offsets just past it.
std::vector<std::size_t> occurrences(std::string_view lower, std::string_view flag) {
    std::vector<std::size_t> ends;
    for (std::size_t at = lower.find(flag); at != std::string_view::npos;
         at = lower.find(flag, at + 1)) {
        const std::size_t end = at + flag.size();
        // "--browser-arg=--no-sandbox" and "[\"--no-sandbox\"]" count; "x--no-sandbox" and
        // "--no-sandbox-extra" do not.
        if ((at > 0 && name_char(lower[at - 1])) || (end < lower.size() && name_char(lower[end])))
            continue;
        ends.push_back(end);
    }
    return ends;
}

}  // namespace

std::vector<UnsafeBrowserFlag> unsafe_browser_flags(std::string_view text) {
    std::vector<UnsafeBrowserFlag> found;
    const std::string lower = to_lower(text);
    for (const KnownFlag& known : kAlwaysUnsafe) {
        if (!occurrences(lower, known.flag).empty())
            found.push_back({std::string(known.flag), std::string(known.what), true});
    }
    for (const std::size_t end : occurrences(lower, "--remote-allow-origins")) {
        if (value_at(lower, end) == "*")
            found.push_back({"--remote-allow-origins=*",
                             "the origin check of the debugging port (any web page may connect)",
                             true});
    }
    bool exposed_address = false;
    for (const std::size_t end : occurrences(lower, "--remote-debugging-address")) {
        const std::string host(value_at(lower, end));
        if (host.empty() || (is_loopback_host(host) && host != "0.0.0.0")) continue;
        exposed_address = true;
        found.push_back({"--remote-debugging-address=" + host,
                         "the loopback-only binding of the debugging port", true});
    }
    if (!exposed_address && !occurrences(lower, "--remote-debugging-port").empty()) {
        found.push_back({"--remote-debugging-port",
                         "the isolation of the browser session: any program on this machine can "
                         "drive it, with its cookies and logins",
                         false});
    }
    return found;
}

}  // namespace confscope::plugin_common
