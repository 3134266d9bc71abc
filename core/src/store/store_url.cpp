#include <confscope/store/store_url.hpp>

namespace confscope::store {

std::string default_sqlite_path(const platform::Environment& env) {
    std::string data_home;
    if (const auto it = env.find("XDG_DATA_HOME"); it != env.end() && !it->second.empty() && it->second[0] == '/') {
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

}  // namespace

Result<StoreUrl> parse_store_url(const std::string& text, const platform::Environment& env) {
    StoreUrl url;
    if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
        url.backend = Backend::postgresql;
        url.connect_string = text;
        // Fail fast on an unreachable server instead of the OS's long TCP timeout.
        if (text.find("connect_timeout=") == std::string::npos) {
            url.connect_string += (text.find('?') == std::string::npos ? "?" : "&");
            url.connect_string += "connect_timeout=10";
        }
        url.display = hide_password(text);
        return url;
    }
    std::string path = text;
    if (path.starts_with("sqlite://")) {
        path = path.substr(9);
    } else if (path.starts_with("sqlite:")) {
        path = path.substr(7);
    } else if (path.find("://") != std::string::npos) {
        return Status::invalid_argument("--db " + text +
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
