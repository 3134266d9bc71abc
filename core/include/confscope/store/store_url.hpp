// confscope/store/store_url.hpp — where a store lives (--db).
//
//   (empty)                          the default SQLite file, $XDG_DATA_HOME/confscope/confscope.db
//   /path/to/file.db, sqlite:PATH,
//   sqlite:///abs/path               an SQLite file
//   postgresql://user:pw@host:port/db?sslmode=...  (or postgres://)  a PostgreSQL database
#pragma once

#include <string>

#include <confscope/base/status.hpp>
#include <confscope/platform/os.hpp>

namespace confscope::store {

enum class Backend { sqlite, postgresql };

struct StoreUrl {
    Backend backend = Backend::sqlite;
    std::string sqlite_path;     ///< SQLite: the file
    std::string connect_string;  ///< PostgreSQL: libpq keyword/value pairs (with connect_timeout)
    std::string display;         ///< for messages and logs: the password is never shown
};

/// Parses --db. An empty text means the default SQLite file, resolved from `env`.
Result<StoreUrl> parse_store_url(const std::string& text, const platform::Environment& env);

/// $XDG_DATA_HOME/confscope/confscope.db (XDG_DATA_HOME defaults to ~/.local/share).
std::string default_sqlite_path(const platform::Environment& env);

}  // namespace confscope::store
