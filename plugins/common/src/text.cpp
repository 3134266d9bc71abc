#include <algorithm>
#include <cctype>

#include <confscope/plugin_common/text.hpp>

namespace confscope::plugin_common {

std::string to_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string command_name(std::string_view command) {
    const auto slash = command.find_last_of("/\\");
    std::string name =
        to_lower(slash == std::string_view::npos ? command : command.substr(slash + 1));
    for (const std::string_view suffix : {".exe", ".cmd", ".bat", ".ps1"}) {
        if (name.ends_with(suffix)) return name.substr(0, name.size() - suffix.size());
    }
    return name;
}

Url parse_url(std::string_view text) {
    Url url;
    const auto scheme_end = text.find("://");
    if (scheme_end == std::string_view::npos || scheme_end == 0) return url;
    url.scheme = to_lower(text.substr(0, scheme_end));
    std::string_view rest = text.substr(scheme_end + 3);
    const auto authority_end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, authority_end);
    if (authority_end != std::string_view::npos) {
        std::string_view tail = rest.substr(authority_end);
        const auto q = tail.find('?');
        if (q != std::string_view::npos) {
            std::string_view query = tail.substr(q + 1);
            url.query = std::string(query.substr(0, query.find('#')));
        }
    }
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        url.userinfo = std::string(authority.substr(0, at));
        authority = authority.substr(at + 1);
    }
    if (authority.starts_with('[')) {
        url.host = to_lower(authority.substr(1, authority.find(']') - 1));
    } else {
        url.host = to_lower(authority.substr(0, authority.find(':')));
    }
    url.valid = !url.host.empty();
    return url;
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost" || host.ends_with(".localhost") || host == "::1" || host == "0.0.0.0" ||
        host == "0:0:0:0:0:0:0:1") {
        return true;
    }
    return host.starts_with("127.") && std::all_of(host.begin(), host.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
           });
}

std::string quoted(std::string_view text, std::size_t max) {
    std::string out = "\"";
    if (text.size() > max) {
        out.append(text.substr(0, max));
        out.append("…");
    } else {
        out.append(text);
    }
    out.push_back('"');
    return out;
}

}  // namespace confscope::plugin_common
