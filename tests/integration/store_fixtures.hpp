// Fixtures of the storage suites: a fresh store of either backend (a real SQLite file, or a new
// database on the PostgreSQL server the ctest fixture started) and a planted machine with secrets.
#pragma once

#include <cstdlib>
#include <random>

#include <boost/test/unit_test.hpp>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <confscope/plugins/loader.hpp>
#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/report/export_input.hpp>
#include <confscope/store/store.hpp>

#include "test_support.hpp"

namespace confscope::test {

inline const std::string kPlantedToken = "ghp_S3cr3tT0k3nPl4nt3dF0rT3st1ngXy9Wz8Vu7";
inline const std::string kPlantedKey = "sk-ant-api03-PlantedAnthropicKeyForStoreTests0123456789";
inline const std::string kPlantedPassword = "correct-horse-battery-staple-77";

/// The backend this run of the suite tests (CONFSCOPE_TEST_BACKEND=sqlite|postgresql).
inline bool postgres() {
    const char* backend = std::getenv("CONFSCOPE_TEST_BACKEND");
    return backend != nullptr && std::string(backend) == "postgresql";
}

/// A fresh, empty store for one test: an SQLite file in a temporary folder, or a new database on
/// the test server (dropped on destruction). By default of the backend under test.
class FreshStore {
  public:
    explicit FreshStore(bool on_postgresql = postgres()) : pg_(on_postgresql) {
        if (!pg_) {
            url_ = *store::parse_store_url((dir_ / "confscope.db").string(), {});
            return;
        }
        const auto admin = postgres_url();
        BOOST_REQUIRE_MESSAGE(admin.has_value(),
                              "CONFSCOPE_TEST_BACKEND=postgresql needs the pg_server fixture");
        std::random_device rd;
        database_ = "confscope_t" + std::to_string(rd());
        soci::session sql(*soci::factory_postgresql(),
                          store::parse_store_url(*admin, {})->connect_string);
        sql << "CREATE DATABASE " + database_;
        url_ = *store::parse_store_url(admin->substr(0, admin->rfind('/') + 1) + database_, {});
    }
    ~FreshStore() {
        if (database_.empty()) return;
        try {
            soci::session sql(*soci::factory_postgresql(),
                              store::parse_store_url(*postgres_url(), {})->connect_string);
            sql << "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)";
        } catch (...) {
        }
    }
    std::unique_ptr<store::Store> open() const {
        auto s = store::Store::open(url_);
        BOOST_REQUIRE_MESSAGE(s.is_ok(), s.status().message());
        return std::move(*s);
    }
    [[nodiscard]] const store::StoreUrl& url() const { return url_; }
    [[nodiscard]] const fs::path& dir() const { return dir_.path(); }

    // Every byte the store holds: the SQLite file and its WAL, or every row of every table.
    std::string all_bytes() const {
        if (!pg_) {
            std::string bytes;
            for (const char* suffix : {"", "-wal", "-shm"}) {
                const fs::path f = dir_ / (std::string("confscope.db") + suffix);
                if (fs::exists(f)) bytes += read_file(f);
            }
            return bytes;
        }
        soci::session sql(*soci::factory_postgresql(), url_.connect_string);
        std::string bytes;
        for (const char* table : {"scans", "env_vars", "file_contents", "scan_plugins", "paths",
                                  "config_history", "inventory_items", "findings", "scan_rules"}) {
            soci::rowset<std::string> rows =
                (sql.prepare << std::string("SELECT t::text FROM ") + table + " t");
            for (const std::string& row : rows)
                bytes += row + "\n";
        }
        return bytes;
    }

    long long count(const std::string& table) const {
        soci::session sql;
        if (pg_) {
            sql.open(*soci::factory_postgresql(), url_.connect_string);
        } else {
            sql.open(*soci::factory_sqlite3(), "db=\"" + url_.sqlite_path + "\"");
        }
        long long n = 0;
        sql << "SELECT COUNT(*) FROM " + table, soci::into(n);
        return n;
    }

  private:
    bool pg_ = false;
    TempDir dir_;
    std::string database_;
    store::StoreUrl url_;
};

// The store's URL as a command line takes it (for PostgreSQL with its password, which
// StoreUrl::display hides).
inline std::string cli_url(const FreshStore& store) {
    if (store.url().backend == store::Backend::sqlite) return store.url().sqlite_path;
    const std::string admin = *postgres_url();
    const std::string& display = store.url().display;
    return admin.substr(0, admin.rfind('/') + 1) + display.substr(display.rfind('/') + 1);
}

// A planted machine with secrets in every place the scanner reads.
struct PlantedMachine {
    TempDir dir;
    PlantedMachine() {
        write_file(dir / "home/.claude/settings.json",
                   R"J({"env": {"ANTHROPIC_API_KEY": ")J" + kPlantedKey + R"J("},
  "permissions": {"allow": ["Bash(git status)"], "deny": ["Read(./.env)"]}})J");
        write_file(
            dir / "home/.claude.json",
            R"J({"mcpServers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@1.2.3"],
  "env": {"GITHUB_TOKEN": ")J" +
                kPlantedToken + R"J("}}}})J");
        write_file(
            dir / "src/app/.mcp.json",
            R"J({"mcpServers": {"db": {"command": "uvx", "args": ["mcp-db==1.0.0", "--password", ")J" +
                kPlantedPassword + R"J("]}}})J");
        write_file(dir / "src/app/CLAUDE.md",
                   "# App\nUse the key " + kPlantedKey + " only in tests.\n");
    }
    scan::ScanResult scan() const {
        auto plugins = load_plugins({"claude-code"});
        return scan::run_scan(planted_scan(dir / "home", dir / "sys", {dir / "src"}), raw(plugins));
    }
};

// The JSON exporter plugin over a stored scan, as `confscope export --format json` runs it.
inline std::string export_json(store::Store& s, std::int64_t id) {
    plugins::PluginLoader loader;
    auto plugin = loader.load(plugin_dir() / "json.so");
    BOOST_REQUIRE_MESSAGE(plugin.is_ok(), plugin.status().message());
    auto exporter = plugins::PluginInstance::create(*plugin);
    BOOST_REQUIRE(exporter.is_ok());
    auto input = report::ExportInput::load(s, id, {});
    BOOST_REQUIRE_MESSAGE(input.is_ok(), input.status().message());
    auto bytes = report::run_exporter(**exporter, **input);
    BOOST_REQUIRE_MESSAGE(bytes.is_ok(), bytes.status().message());
    return *bytes;
}

}  // namespace confscope::test
