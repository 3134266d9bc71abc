// confscope/store/store.hpp — every scan, stored through SOCI in SQLite or PostgreSQL.
//
// One schema and one code path for both backends; versioned migrations run on open (idempotent,
// each in a transaction, safe when several processes open the store at once). A scan is written in
// one transaction — scan, placeholders, plugins, files, content, inventory, findings, history —
// and is visible only once complete, so a crash leaves no half scan. File content is stored once
// per hash (content-addressed), never once per scan. Bulk rows go through prepared statements with
// vector binding.
//
// Errors are values: an unreachable store, a failed migration or a failed write comes back as a
// Status whose message names the store (password hidden) and the cause.
//
// Example:
//     CONFSCOPE_ASSIGN_OR_RETURN(auto url, parse_store_url(db_flag, env));
//     CONFSCOPE_ASSIGN_OR_RETURN(auto store, Store::open(url));
//     CONFSCOPE_ASSIGN_OR_RETURN(std::int64_t id, store->save(result));
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/scan/model.hpp>
#include <confscope/store/store_url.hpp>

namespace soci {
class session;
}

namespace confscope::store {

/// One row of `scans list`.
struct ScanSummary {
    std::int64_t id = 0;
    std::string uuid;
    std::string status;  ///< "complete" or "incomplete" (a plugin failed)
    std::string started_at;
    std::string finished_at;
    std::int64_t duration_ms = 0;
    std::string host;
    std::string username;
    std::string os_type;
    std::string home;
    std::string roots_json;
    std::string tool_version;
    std::int64_t total_scanned = 0;  ///< locations checked
    std::int64_t total_found = 0;    ///< files found
    std::int64_t item_count = 0;
    std::int64_t finding_count = 0;
    std::string os_version;
    std::string os_profile;
    std::string system_root;
    std::string store_content;  ///< "none", "redacted" or "raw"
    std::int64_t directories_walked = 0;
    std::int64_t unreadable = 0;
};

struct StoredFile {
    std::int64_t seq = 0;
    std::string plugin;
    std::string category;
    std::string name;
    std::string scope;
    std::string format;
    std::string path;
    std::string display_path;
    bool exists = false;
    std::int64_t size = 0;
    std::int64_t mode = 0;
    std::string modified_time;
    std::string sha256;
    std::string content_hash;  ///< "" when no content was stored
    std::string parse_error;
    std::string error;
    std::string repo_path;  ///< relative to its git work tree (files under a scanned root)
};

struct StoredItem {
    std::string plugin;
    std::string kind;
    std::string client;
    std::string scope;
    std::string name;
    std::string data_json;
    std::string display_path;
    std::string pointer;
    std::int64_t line = 0;
    std::int64_t column = 0;
    std::int64_t path_seq = 0;  ///< the StoredFile::seq of the file that defines it
};

struct StoredFinding {
    std::int64_t scan_id = 0;
    std::string plugin;
    std::string rule_id;
    std::string severity;
    std::string message;
    std::string display_path;
    std::string pointer;
    std::int64_t line = 0;
    std::int64_t column = 0;
    std::string fingerprint;
    bool suppressed = false;
    std::string
        suppression;  ///< why it is suppressed ("baseline", "--ignore", "<file>:<line>: reason")
    std::int64_t path_seq = 0;  ///< the StoredFile::seq of its file
    std::string repo_path;      ///< its file's StoredFile::repo_path
};

struct StoredPlugin {
    std::string name;
    std::string version;
    std::int64_t abi_major = 0;
    std::int64_t abi_minor = 0;
    std::string library_path;
    std::string library_sha256;
    std::string status;  ///< "ok" or "failed"
    std::string error;
    std::int64_t files_analyzed = 0;
};

class Store {
  public:
    /// Connects, enables WAL and the busy timeout (SQLite), and applies pending migrations.
    /// Creates the SQLite file and its folder when missing.
    static Result<std::unique_ptr<Store>> open(const StoreUrl& url);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    [[nodiscard]] const StoreUrl& url() const { return url_; }
    /// The highest migration applied.
    Result<int> schema_version();
    /// The highest migration this build knows.
    static int latest_schema_version();

    /// Stores a scan in one transaction; returns its id.
    Result<std::int64_t> save(const scan::ScanResult& result);

    /// The newest scans first.
    Result<std::vector<ScanSummary>> list_scans(std::size_t limit);
    /// Resolves "latest", "previous", a numeric id or a UUID to a scan id.
    Result<std::int64_t> resolve_scan(const std::string& reference);
    Result<ScanSummary> scan(std::int64_t id);
    Result<std::vector<StoredFile>> files(std::int64_t scan_id);
    Result<std::vector<StoredItem>> items(std::int64_t scan_id);
    Result<std::vector<StoredFinding>> findings(std::int64_t scan_id);
    Result<std::vector<StoredPlugin>> plugins(std::int64_t scan_id);
    /// The rules the scan's findings refer to, by id.
    Result<std::vector<scan::RuleInfo>> rules(std::int64_t scan_id);
    /// The id of the scan with this UUID, if stored.
    Result<std::optional<std::int64_t>> find_scan(const std::string& uuid);
    /// Stored content by its hash.
    Result<std::optional<std::string>> content(const std::string& content_hash);

  private:
    Store(StoreUrl url, std::unique_ptr<soci::session> session);
    Status migrate();
    template <typename Body>
    Status write_transaction(const char* what, Body&& body);
    Status failure(const char* what, const std::exception& e) const;

    StoreUrl url_;
    std::unique_ptr<soci::session> session_;
};

}  // namespace confscope::store
