#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include <confscope/plugin_common/text.hpp>

namespace confscope::plugin_common {

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = ascii_lower(c);
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

namespace {

// Dotted-quad IPv4 address, or nothing.
std::optional<std::array<unsigned, 4>> ipv4(std::string_view host) {
    std::array<unsigned, 4> octets{};
    std::size_t part = 0;
    std::size_t digits = 0;
    unsigned value = 0;
    for (const char c : host) {
        if (c == '.') {
            if (digits == 0 || part == 3) return std::nullopt;
            octets[part++] = value;
            value = 0;
            digits = 0;
        } else if (c >= '0' && c <= '9' && digits < 3) {
            value = value * 10 + static_cast<unsigned>(c - '0');
            ++digits;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || part != 3) return std::nullopt;
    octets[3] = value;
    for (const unsigned o : octets) {
        if (o > 255) return std::nullopt;
    }
    return octets;
}

bool under_domain(std::string_view host, std::string_view domain) {
    return host == domain || (host.size() > domain.size() && host.ends_with(domain) &&
                              host[host.size() - domain.size() - 1] == '.');
}

}  // namespace

HostRisk classify_host(std::string_view raw_host) {
    std::string host = to_lower(raw_host);
    while (!host.empty() && host.back() == '.')
        host.pop_back();  // a fully qualified name: "x.ngrok.io."
    for (const std::string_view tunnel :
         {"ngrok.io", "ngrok.app", "ngrok-free.app", "ngrok.dev", "ngrok-free.dev",
          "trycloudflare.com", "loca.lt", "serveo.net", "serveousercontent.com", "devtunnels.ms",
          "localhost.run", "lhr.life", "pinggy.link"}) {
        if (under_domain(host, tunnel)) return HostRisk::tunnel;
    }
    if (host == "metadata.google.internal" || host == "metadata.goog" || host == "fd00:ec2::254")
        return HostRisk::metadata;
    if (const auto ip = ipv4(host)) {
        const auto& o = *ip;
        if ((o[0] == 169 && o[1] == 254 && o[2] == 169 && o[3] == 254) ||
            (o[0] == 169 && o[1] == 254 && o[2] == 170 && o[3] == 2) ||  // ECS task metadata
            (o[0] == 100 && o[1] == 100 && o[2] == 100 && o[3] == 200))  // Alibaba Cloud
            return HostRisk::metadata;
        if (o[0] == 10 || (o[0] == 172 && o[1] >= 16 && o[1] <= 31) ||
            (o[0] == 192 && o[1] == 168) || (o[0] == 100 && o[1] >= 64 && o[1] <= 127) ||
            (o[0] == 169 && o[1] == 254))
            return HostRisk::private_network;
        return HostRisk::none;
    }
    // IPv6 unique local addresses (fc00::/7).
    if (host.find(':') != std::string::npos && host.size() > 2 &&
        (host.starts_with("fc") || host.starts_with("fd")) && host[2] != ':' &&
        std::isxdigit(static_cast<unsigned char>(host[2])))
        return HostRisk::private_network;
    return HostRisk::none;
}

std::string_view describe(HostRisk risk) {
    switch (risk) {
        case HostRisk::tunnel:
            return "a tunnel service";
        case HostRisk::metadata:
            return "a cloud metadata address";
        case HostRisk::private_network:
            return "a private network address";
        case HostRisk::none:
            break;
    }
    return "";
}

std::string quoted(std::string_view text, std::size_t max) {
    std::string out = "\"";
    if (text.size() > max) {
        // Cut on a code point boundary: half a UTF-8 character would make the message invalid text
        // (PostgreSQL refuses it).
        std::size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        out.append(text.substr(0, cut));
        out.append("…");
    } else {
        out.append(text);
    }
    out.push_back('"');
    return out;
}

}  // namespace confscope::plugin_common
