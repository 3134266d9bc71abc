// Small text helpers for the plugin's rules: command names, URLs, quoting for messages.
#pragma once

#include <string>
#include <string_view>

namespace confscope::plugin_common {

/// "npx" for "/usr/local/bin/npx", "npx.cmd" or "C:\\node\\npx.exe".
std::string command_name(std::string_view command);

std::string to_lower(std::string_view text);

/// ASCII lower case of one byte (other bytes unchanged): what std::tolower does in the C locale,
/// without a library call per character on the hot paths.
constexpr char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// A URL's parts, as far as the rules need them.
struct Url {
    std::string scheme;    ///< lower case: "https"
    std::string userinfo;  ///< "user:password" or ""
    std::string host;      ///< lower case, without brackets
    std::string query;     ///< after '?', without the fragment
    bool valid = false;
};

Url parse_url(std::string_view text);

/// localhost, *.localhost, 127.0.0.0/8, ::1, 0.0.0.0.
bool is_loopback_host(std::string_view host);

/// Where a remote host leads, for MCP-010.
enum class HostRisk {
    none,
    tunnel,    ///< a tunnel to someone's machine: ngrok, trycloudflare.com, loca.lt, serveo, ...
    metadata,  ///< a cloud metadata service: 169.254.169.254, metadata.google.internal, ...
    private_network,  ///< 10/8, 172.16/12, 192.168/16, 100.64/10, 169.254/16, fc00::/7
};

HostRisk classify_host(std::string_view host);

/// "a tunnel", "a cloud metadata address", "a private network address".
std::string_view describe(HostRisk risk);

/// `text` in double quotes, shortened to `max` characters for messages.
std::string quoted(std::string_view text, std::size_t max = 80);

}  // namespace confscope::plugin_common
