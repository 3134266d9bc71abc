#include <cctype>
#include <optional>
#include <string_view>
#include <vector>

#include <confscope/store/store_url.hpp>

namespace confscope::store {

std::string default_sqlite_path(const platform::Environment& env) {
    std::string data_home;
    if (const auto it = env.find("XDG_DATA_HOME");
        it != env.end() && !it->second.empty() && it->second[0] == '/') {
        data_home = it->second;
    } else {
        const auto home = env.find("HOME");
        data_home = (home != env.end() ? home->second : std::string(".")) + "/.local/share";
    }
    return data_home + "/confscope/confscope.db";
}

namespace {

// "postgresql://user:secret@host/db" -> "postgresql://user:***@host/db"
std::string hide_password(const std::string& url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    const std::size_t authority_start = scheme + 3;
    const std::size_t at = url.find('@', authority_start);
    const std::size_t slash = url.find('/', authority_start);
    if (at == std::string::npos || (slash != std::string::npos && at > slash)) return url;
    const std::size_t colon = url.find(':', authority_start);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// libpq keyword/value syntax: value in single quotes, backslash and quote escaped.
std::string keyword(const std::string& key, const std::string& value) {
    std::string out = key + "='";
    for (const char c : value) {
        if (c == '\\' || c == '\'') out.push_back('\\');
        out.push_back(c);
    }
    return out + "'";
}

std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            return std::nullopt;
        }
        out.push_back(
            static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
        i += 2;
    }
    return out;
}

// postgresql://[user[:password]@][host][:port][/dbname][?key=value&...] into libpq keyword/value
// form. SOCI 4.0 rewrites URIs it is handed (it appended '=' to the database name), so the store
// always passes keywords.
Result<std::string> postgres_keywords(const std::string& url) {
    const auto invalid = [&](const std::string& why) {
        return Status::invalid_argument("--db " + hide_password(url) + ": " + why +
                                        " (write postgresql://user:password@host:port/database)");
    };
    std::string_view rest(url);
    rest.remove_prefix(rest.find("://") + 3);
    std::string_view query;
    if (const auto q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    std::string_view authority = rest.substr(0, rest.find('/'));
    const std::string_view database =
        authority.size() < rest.size() ? rest.substr(authority.size() + 1) : "";
    std::vector<std::string> parts;
    auto add = [&](const std::string& key, std::string_view raw) -> Status {
        if (raw.empty()) return Status::ok();
        const auto decoded = percent_decode(raw);
        if (!decoded) return invalid("bad percent-encoding in " + key);
        parts.push_back(keyword(key, *decoded));
        return Status::ok();
    };
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        const std::string_view userinfo = authority.substr(0, at);
        const auto colon = userinfo.find(':');
        CONFSCOPE_TRY(add("user", userinfo.substr(0, colon)));
        if (colon != std::string_view::npos)
            CONFSCOPE_TRY(add("password", userinfo.substr(colon + 1)));
        authority = authority.substr(at + 1);
    }
    std::string_view host = authority, port;
    if (authority.starts_with('[')) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return invalid("unclosed [ in the host");
        host = authority.substr(1, close - 1);
        if (close + 1 < authority.size() && authority[close + 1] == ':')
            port = authority.substr(close + 2);
    } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    }
    CONFSCOPE_TRY(add("host", host));
    CONFSCOPE_TRY(add("port", port));
    CONFSCOPE_TRY(add("dbname", database));
    bool has_timeout = false;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos || eq == 0)
            return invalid("query parameters must be key=value");
        const std::string key(pair.substr(0, eq));
        has_timeout = has_timeout || key == "connect_timeout";
        CONFSCOPE_TRY(add(key, pair.substr(eq + 1)));
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
    // Fail fast on an unreachable server instead of the OS's long TCP timeout.
    if (!has_timeout) parts.push_back(keyword("connect_timeout", "10"));
    std::string joined;
    for (const std::string& part : parts)
        joined += (joined.empty() ? "" : " ") + part;
    return joined;
}

}  // namespace

Result<StoreUrl> parse_store_url(const std::string& text, const platform::Environment& env) {
    StoreUrl url;
    if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
        url.backend = Backend::postgresql;
        url.display = hide_password(text);
        CONFSCOPE_ASSIGN_OR_RETURN(url.connect_string, postgres_keywords(text));
        return url;
    }
    std::string path = text;
    if (path.starts_with("sqlite://")) {
        path = path.substr(9);
    } else if (path.starts_with("sqlite:")) {
        path = path.substr(7);
    } else if (path.find("://") != std::string::npos) {
        return Status::invalid_argument(
            "--db " + text +
            ": unsupported store; use a file path, sqlite:PATH or postgresql://...");
    }
    if (path.empty()) path = default_sqlite_path(env);
    if (path.find('"') != std::string::npos) {
        return Status::invalid_argument("--db " + text + ": an SQLite path may not contain '\"'");
    }
    url.sqlite_path = path;
    url.display = path;
    return url;
}

}  // namespace confscope::store
