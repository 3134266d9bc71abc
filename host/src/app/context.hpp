// What every command gets: the global options, the output, the environment, and helpers to load
// plugins and open the store the same way everywhere.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <confscope/platform/os.hpp>
#include <confscope/plugins/loader.hpp>
#include <confscope/store/store.hpp>

#include "output.hpp"

namespace confscope::host {

struct GlobalOptions {
    std::string db;      ///< --db
    int db_retries = 5;  ///< --db-retries
    std::vector<std::string>
        plugin_path;  ///< --plugin-path (each may hold several dirs joined by ':')
    std::string log_level = "warning";  ///< --log-level
    std::string log_file;               ///< --log-file (JSON lines, rotated)
    bool json = false;                  ///< --json
    bool quiet = false;                 ///< --quiet
    bool no_color = false;              ///< --no-color
};

class Context {
  public:
    Context(GlobalOptions options, Output& output, platform::Environment env)
        : options_(std::move(options)), output_(output), env_(std::move(env)) {}

    [[nodiscard]] const GlobalOptions& options() const { return options_; }
    Output& out() { return output_; }
    [[nodiscard]] const platform::Environment& env() const { return env_; }

    /// The install's own plugin folder (<dir of the executable>/../lib/confscope/plugins), then
    /// the --plugin-path folders, then $CONFSCOPE_PLUGIN_PATH.
    [[nodiscard]] std::vector<std::filesystem::path> plugin_dirs() const;
    /// The install's own plugin folder.
    [[nodiscard]] static std::filesystem::path own_plugin_dir();
    /// The isolated plugin runner beside the executable (<dir of the executable>/confscope-runner).
    [[nodiscard]] static std::filesystem::path runner_exe();

    /// The configuration to create `plugin` with: its rule files (each of `rule_files`, then the
    /// user's rule folder) when it accepts them, else "{}".
    [[nodiscard]] Result<std::string> plugin_config(
        const plugins::LoadedPlugin& plugin, const std::vector<std::string>& rule_files = {}) const;

    /// The store named by --db, else $CONFSCOPE_DB, else the default SQLite file.
    [[nodiscard]] Result<store::StoreUrl> store_url() const;
    /// Opens that store (with --db-retries) for a command that writes: creates and migrates it;
    /// `options` may turn off migrating or creating it.
    Result<std::unique_ptr<store::Store>> open_store(store::StoreOptions options = {}) const;
    /// Opens that store for a command that only reads: no migration, no write transaction, no
    /// file or folder created, and no waiting behind a scan being written
    /// (StoreOptions::read_only).
    Result<std::unique_ptr<store::Store>> open_store_for_reading() const;

    /// An open store and one scan in it.
    struct OpenScan {
        std::unique_ptr<store::Store> store;
        std::int64_t id = 0;
    };
    /// Opens the store for reading and resolves `reference` (an id, a UUID, "latest" or
    /// "previous").
    Result<OpenScan> open_scan(const std::string& reference) const;

    /// An open store and the scans a query reads: one scan (host left empty), or with
    /// `all_hosts` the newest scan of every host (fleet queries).
    struct OpenScans {
        std::unique_ptr<store::Store> store;
        std::vector<store::HostScan> scans;
    };
    Result<OpenScans> open_scans(const std::string& reference, bool all_hosts) const;

    /// Prints `status` as one error line and returns its exit code: 2 for what the user named
    /// wrongly (invalid_argument, not_found), 3 for everything else.
    int fail(const Status& status);

    /// Progress lines go to stderr only on a terminal, never with --quiet or --json.
    [[nodiscard]] bool progress_enabled() const;

  private:
    GlobalOptions options_;
    Output& output_;
    platform::Environment env_;
};

}  // namespace confscope::host
