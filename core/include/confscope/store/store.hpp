// confscope/store/store.hpp — every scan, stored through SOCI in SQLite or PostgreSQL.
//
// One schema and one code path for both backends; versioned migrations run on a write open
// (idempotent, each in a transaction, safe when several processes open the store at once); a read
// open (StoreOptions::read_only) never migrates, writes or waits for a writer. A scan is written in
// one transaction — scan, placeholders, plugins, files, content, inventory, findings, history —
// and is visible only once complete, so a crash or a server that goes away leaves no half scan.
// File content is stored once per hash (content-addressed), never once per scan. Bulk rows go
// through each backend's native fast path (COPY on PostgreSQL, one prepared statement on SQLite).
// All stored text is valid UTF-8 and paths are kept escaped (<confscope/store/stored_text.hpp>).
//
// Errors are values: an unreachable store, a failed migration or a failed write comes back as a
// Status whose message names the store (password hidden) and the cause. Transient failures (a
// dropped connection, a server starting up or shutting down, a serialization failure, a busy
// SQLite file) are retried with exponential backoff a bounded number of times (StoreOptions),
// reconnecting first when the connection was lost; each retry is logged as a warning.
//
// A Store is one connection: use it from one thread at a time. Several processes may use one store
// at once (SQLite: WAL and a busy timeout; PostgreSQL: ordinary transactions).
//
// Example:
//     CONFSCOPE_ASSIGN_OR_RETURN(auto url, parse_store_url(db_flag, env));
//     CONFSCOPE_ASSIGN_OR_RETURN(auto store, Store::open(url));
//     CONFSCOPE_ASSIGN_OR_RETURN(std::int64_t id, store->save(result));
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
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
    std::string home;  ///< escaped, as stored (stored_text.hpp), like system_root and roots
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
    std::string path;  ///< escaped, as stored (stored_text.hpp): unescape_path for the bytes
    std::string display_path;  ///< escaped too
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

/// One stored version of a file (config_history): recorded whenever a scan of its host found
/// bytes that differ from the version recorded before.
struct FileVersion {
    int number = 0;            ///< 1 for the oldest stored version, counting up
    std::int64_t scan_id = 0;  ///< the scan that first saw it (or, after a prune, the oldest kept)
    std::string changed_at;    ///< when that scan finished
    std::string category;      ///< the target's category ("settings", "mcp", ...)
    std::string format;        ///< how the scan parsed it ("json", "toml", ...)
    std::string sha256;        ///< of the file's bytes
    std::int64_t size = -1;    ///< of the file's bytes (-1 when unknown)
    std::int64_t mode = 0;     ///< the file's mode bits then
    std::string content_hash;  ///< "" when no content was stored (--store-content none, binary)
    bool redacted = false;     ///< the stored content has redaction markers in it
};

/// A file with stored versions (`history` without a path).
struct HistoryPath {
    std::string path;
    std::int64_t versions = 0;
    std::string last_changed_at;
};

/// What the newest scan of a host that looked at a path found there.
struct LastSeen {
    std::int64_t scan_id = 0;
    std::string finished_at;
    bool exists = false;
    std::string sha256;  ///< "" when it did not exist or was not read
};

/// Which scans are comparable: the same host, home, system root, OS profile and project roots
/// (paths escaped, as the store keeps them).
struct ScanScope {
    std::string host;
    std::string home;
    std::string system_root;
    std::string os_profile;
    std::vector<std::string> roots;  ///< compared as a set

    static ScanScope of(const scan::ScanResult& result);
    static ScanScope of(const ScanSummary& summary);
};

/// How a store is opened and how hard it tries.
struct StoreOptions {
    int retries = 5;  ///< transient failures are retried this many times (0: never)
    std::chrono::milliseconds first_backoff{200};  ///< doubled after each retry, at most 5 s
    bool migrate = true;  ///< apply pending migrations on open (`db status` looks without)
    bool create = true;   ///< SQLite: create the file when missing (else: not_found)
    /// For commands that only read: never migrate, create or write. SQLite is opened read-only
    /// (a missing file is not_found, and WAL lets it read while a scan is being written) with a
    /// short busy timeout; PostgreSQL sessions are READ ONLY. A schema older or newer than this
    /// build is refused (failed_precondition) instead of migrated.
    bool read_only = false;
    /// With read_only: refuse a schema other than this build's (`db status` looks at any).
    bool require_current_schema = true;
    /// SQLite write opens: run PRAGMA quick_check on open when the file is at most this big
    /// (0: never). A damaged file is refused (data_loss) before anything is written to it.
    std::int64_t quick_check_max_bytes = 64LL << 20;
};

/// One migration this build knows, and when the store applied it ("" when pending).
struct MigrationState {
    int version = 0;
    std::string name;
    std::string applied_at;
};

struct TableRows {
    std::string table;
    std::int64_t rows = 0;
};

/// `db status`.
struct StoreStatus {
    std::string backend;  ///< "sqlite" or "postgresql"
    std::string display;
    int schema_version = 0;
    int latest_schema_version = 0;
    std::vector<MigrationState> migrations;  ///< every known one, applied or pending
    std::int64_t scans = 0;
    std::int64_t hosts = 0;
    std::string first_scan_at;
    std::string last_scan_at;
    std::vector<TableRows> tables;
    std::int64_t content_blobs = 0;
    std::int64_t content_bytes = 0;
    std::int64_t size_bytes = 0;  ///< on disk: the SQLite file and its WAL, or the database
    /// SQLite: the result of PRAGMA quick_check ("ok", or the problems it found, one per line);
    /// PostgreSQL: "" (the server checks its own pages).
    std::string integrity;
};

/// The newest scan of one host (fleet queries).
struct HostScan {
    std::string host;
    std::int64_t scan_id = 0;
    std::string finished_at;
    std::string status;
};

/// `db prune`.
struct PruneReport {
    std::int64_t scans_removed = 0;
    std::vector<std::pair<std::string, std::int64_t>> removed_per_host;
    std::int64_t scans_kept = 0;
    std::int64_t contents_removed = 0;
    std::int64_t content_bytes_removed = 0;
    std::int64_t versions_removed = 0;  ///< file versions (history rows) no kept scan saw
    bool dry_run = false;
};

/// What a backup holds (written, or read back and verified by a restore).
struct BackupSummary {
    int schema_version = 0;
    std::string created_at;
    std::string source;  ///< the backend it was taken from
    std::vector<TableRows> tables;
    std::string sha256;       ///< of the file's body (everything before its last line)
    std::uint64_t bytes = 0;  ///< the file's size
};

class Store {
  public:
    /// Connects (retrying transient failures), enables WAL and the busy timeout (SQLite), and
    /// applies pending migrations. Creates the SQLite file and its folder when missing. Refuses a
    /// store whose schema is newer than this build, and a damaged SQLite file (quick_check).
    /// With StoreOptions::read_only: none of that writing; see there.
    static Result<std::unique_ptr<Store>> open(const StoreUrl& url,
                                               const StoreOptions& options = {});
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

    // -- history -------------------------------------------------------------------------------
    /// The complete scans in `scope` (older than `before`, when given), newest first, at most
    /// `limit`: the candidates drift and `diff` compare a scan with (history/baseline.hpp).
    Result<std::vector<std::int64_t>> previous_scans(const ScanScope& scope,
                                                     std::optional<std::int64_t> before,
                                                     std::size_t limit);
    /// Every stored version of `raw_path` (absolute, as scanned: the real bytes) on `host`,
    /// oldest first.
    Result<std::vector<FileVersion>> file_history(const std::string& host,
                                                  const std::string& raw_path);
    /// The files of `host` that have stored versions, by path (escaped, as stored).
    Result<std::vector<HistoryPath>> history_paths(const std::string& host);
    /// What the newest scan of `host` that looked at `raw_path` found, if any scan did.
    Result<std::optional<LastSeen>> last_seen(const std::string& host, const std::string& raw_path);

    // -- fleet
    // --------------------------------------------------------------------------------------
    /// The newest scan of every host, by host name.
    Result<std::vector<HostScan>> latest_scan_per_host();

    // -- operations (confscope db ...)
    // -------------------------------------------------------------
    /// Applies pending migrations; returns the ones applied now (empty when up to date).
    Result<std::vector<MigrationState>> apply_migrations();
    /// Schema version, migrations, row counts and sizes; on SQLite also PRAGMA quick_check.
    Result<StoreStatus> status();
    /// SQLite: PRAGMA quick_check (or integrity_check when `full`): "ok" or the problems found.
    /// PostgreSQL: "ok".
    Result<std::string> check_integrity(bool full = false);
    /// Keeps the newest `keep` scans of every host, deletes the rest (with their files,
    /// inventory, findings and the file versions no kept scan saw), then the content no remaining
    /// row refers to. A version a kept scan still saw survives, attached to the oldest kept scan
    /// of its host with its original time. One transaction; with `dry_run` nothing is deleted and
    /// the report says what would be.
    Result<PruneReport> prune(std::size_t keep, bool dry_run);
    /// Gives free space back (SQLite: checkpoint and VACUUM; PostgreSQL: VACUUM ANALYZE).
    /// Returns the size on disk before and after.
    Result<std::pair<std::int64_t, std::int64_t>> vacuum();

    /// Writes every row of every table to `out` in the portable backup format (JSON lines:
    /// a header, per table its columns then one array per row, a trailer with row counts,
    /// per-table digests and the SHA-256 of the body). Reads in one transaction, so the backup
    /// is a consistent snapshot while other scans are stored.
    Result<BackupSummary> backup(std::ostream& out);
    /// Loads a backup file into this store in one transaction, after checking the whole file
    /// (format, schema version, body SHA-256) and before committing, that every table holds
    /// exactly the rows the backup lists (counts and digests). Refuses a store that holds scans
    /// unless `replace`, which deletes them in the same transaction.
    Result<BackupSummary> restore(const std::string& backup_file, bool replace);

  private:
    Store(StoreUrl url, StoreOptions options);
    Status connect();
    Status migrate();
    Status check_schema_for_reading();
    Status check_file_for_writing();
    Result<int> current_version(soci::session& sql);
    /// Runs `attempt(session, attempt_number)` until it succeeds, fails for good or the retries
    /// run out; reconnects before an attempt when the connection was lost.
    template <typename Attempt>
    Status retrying(const std::string& what, Attempt&& attempt);
    /// One transaction (BEGIN IMMEDIATE on SQLite), retried as a whole.
    template <typename Body>
    Status write_transaction(const std::string& what, Body&& body);
    /// A read, retried; `read(session)` returns the value.
    template <typename T, typename Read>
    Result<T> query(const std::string& what, Read&& read);
    Result<std::int64_t> size_on_disk();

    StoreUrl url_;
    StoreOptions options_;
    std::unique_ptr<soci::session> session_;
};

}  // namespace confscope::store
