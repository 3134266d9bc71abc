// Opening a store, retrying what may succeed a moment later, migrations, and saving a scan.
// Reads are in store_queries.cpp, operations (status, prune, vacuum) in store_admin.cpp, backup
// and restore in store_backup.cpp.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <confscope/base/time.hpp>
#include <confscope/log/log.hpp>
#include <confscope/sdk/json.hpp>
#include <confscope/store/store.hpp>
#include <confscope/store/stored_text.hpp>

#include "bulk_write.hpp"
#include "migrations.hpp"
#include "row_reader.hpp"
#include "store_internal.hpp"
#include "store_retry.hpp"

namespace confscope::store {

Store::Store(StoreUrl url, StoreOptions options)
    : url_(std::move(url)), options_(std::move(options)) {}

Store::~Store() = default;

int Store::latest_schema_version() {
    return detail::migrations(Backend::sqlite).back().version;
}

Status Store::connect() {
    session_.reset();
    auto session = std::make_unique<soci::session>();
    if (url_.backend == Backend::sqlite) {
        const std::filesystem::path file(url_.sqlite_path);
        std::error_code ec;
        if (options_.read_only && !std::filesystem::exists(file, ec)) {
            // Reading never creates: a mistyped --db must not leave folders and an empty store.
            return Status::not_found("store " + url_.display +
                                     " does not exist (nothing was created): check --db, or "
                                     "create it with confscope db init (or confscope scan)");
        }
        if (!options_.create && !std::filesystem::exists(file, ec)) {
            return Status::not_found("store " + url_.display +
                                     " does not exist: create it with confscope db init");
        }
        if (options_.read_only) {
            // WAL (set by every write open, and kept in the file) lets this read while another
            // process writes a scan; the busy timeout only covers WAL recovery and checkpoints.
            session->open(*soci::factory_sqlite3(),
                          "db=\"" + url_.sqlite_path + "\" timeout=2 readonly=1");
            *session << "PRAGMA query_only=ON";
            session_ = std::move(session);
            return Status::ok();
        }
        if (file.has_parent_path()) {
            std::filesystem::create_directories(file.parent_path(), ec);
            if (ec) {
                return Status::unavailable("store " + url_.display +
                                           ": cannot create its folder: " + ec.message());
            }
        }
        session->open(*soci::factory_sqlite3(), "db=\"" + url_.sqlite_path + "\" timeout=30");
        std::string mode;
        *session << "PRAGMA journal_mode=WAL", soci::into(mode);
        *session << "PRAGMA synchronous=NORMAL";
        *session << "PRAGMA foreign_keys=ON";
    } else {
        session->open(*soci::factory_postgresql(), url_.connect_string);
        *session << "SET client_min_messages TO WARNING";
        if (options_.read_only) *session << "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
    }
    session_ = std::move(session);
    return Status::ok();
}

Result<std::unique_ptr<Store>> Store::open(const StoreUrl& url, const StoreOptions& options) {
    std::unique_ptr<Store> store(new Store(url, options));
    CONFSCOPE_TRY(store->retrying("connecting", [](soci::session&, int) {}));
    if (options.read_only) {
        if (options.require_current_schema) CONFSCOPE_TRY(store->check_schema_for_reading());
        return store;
    }
    CONFSCOPE_TRY(store->check_file_for_writing());
    if (options.migrate) CONFSCOPE_TRY(store->migrate());
    return store;
}

Status Store::check_schema_for_reading() {
    CONFSCOPE_ASSIGN_OR_RETURN(int version, schema_version());
    const int latest = latest_schema_version();
    if (version == 0) {
        return Status::failed_precondition(
            "store " + url_.display +
            " holds no confscope schema yet: create it with confscope db init (or confscope scan)");
    }
    if (version > latest) {
        return Status::failed_precondition("store " + url_.display + " has schema version " +
                                           std::to_string(version) +
                                           ", newer than this confscope knows (" +
                                           std::to_string(latest) + "): use a newer confscope");
    }
    if (version < latest) {
        return Status::failed_precondition(
            "store " + url_.display + " has schema version " + std::to_string(version) +
            ", older than this confscope's (" + std::to_string(latest) +
            "), and reading commands never migrate: run confscope db migrate (or a command that "
            "writes, such as confscope scan) first");
    }
    return Status::ok();
}

Status Store::check_file_for_writing() {
    if (url_.backend != Backend::sqlite || options_.quick_check_max_bytes <= 0) return Status::ok();
    std::error_code ec;
    const auto size = std::filesystem::file_size(url_.sqlite_path, ec);
    if (ec || size == 0 || static_cast<std::int64_t>(size) > options_.quick_check_max_bytes)
        return Status::ok();
    CONFSCOPE_ASSIGN_OR_RETURN(std::string result, check_integrity(false));
    if (result == "ok") return Status::ok();
    return Status(
        StatusCode::data_loss,
        detail::damaged_message(url_.display, "PRAGMA quick_check: " + detail::one_line(result)));
}

Result<std::string> Store::check_integrity(bool full) {
    if (url_.backend != Backend::sqlite) return std::string("ok");
    return query<std::string>("checking the file", [&](soci::session& sql) {
        std::string problems;
        soci::rowset<std::string> rows =
            (sql.prepare << (full ? "PRAGMA integrity_check(20)" : "PRAGMA quick_check(20)"));
        for (const std::string& line : rows)
            problems += (problems.empty() ? "" : "\n") + line;
        return problems;
    });
}

Result<int> Store::current_version(soci::session& sql) {
    long long tables = 0;
    if (url_.backend == Backend::sqlite) {
        sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
               "'schema_migrations'",
            soci::into(tables);
    } else {
        sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
               "current_schema() AND table_name = 'schema_migrations'",
            soci::into(tables);
    }
    if (tables == 0) return 0;
    long long version = 0;
    sql << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", soci::into(version);
    return static_cast<int>(version);
}

Status Store::migrate() {
    return apply_migrations().status();
}

Result<std::vector<MigrationState>> Store::apply_migrations() {
    std::vector<MigrationState> applied;
    Status refused;
    CONFSCOPE_TRY(write_transaction("migration", [&](soci::session& sql, int) {
        applied.clear();
        if (url_.backend == Backend::postgresql) {
            // Serialises concurrent first opens, including the CREATE TABLE below.
            long long locked = 0;
            sql << "SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(7236418)) AS lock_taken",
                soci::into(locked);
        }
        sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name "
               "TEXT NOT NULL, applied_at TEXT NOT NULL)";
        long long current = 0;
        sql << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", soci::into(current);
        if (current > latest_schema_version()) {
            refused = Status::failed_precondition(
                "store " + url_.display + " has schema version " + std::to_string(current) +
                ", newer than this confscope knows (" + std::to_string(latest_schema_version()) +
                "): use a newer confscope");
            return;
        }
        for (const detail::Migration& m : detail::migrations(url_.backend)) {
            if (m.version <= current) continue;
            for (const std::string& statement : m.statements)
                sql << statement;
            if (m.data != nullptr) m.data(sql, url_.backend);
            const long long version = m.version;
            const std::string applied_at = now_rfc3339();
            sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
                soci::use(version), soci::use(m.name), soci::use(applied_at);
            applied.push_back({m.version, m.name, applied_at});
        }
    }));
    if (!refused.is_ok()) return refused;
    return applied;
}

Result<int> Store::schema_version() {
    return query<int>("reading the schema version",
                      [&](soci::session& sql) { return *current_version(sql); });
}

namespace {

std::string type_of(const scan::FileRecord& f) {
    if (f.category == "unreadable") return "folder";
    if (!f.exists) return "";
    return f.is_symlink ? "symlink" : "file";
}

using detail::RowBatch;

RowBatch scan_placeholders(const scan::ScanResult& r, std::int64_t scan_id) {
    RowBatch rows("env_vars", {"scan_id", "placeholder", "resolved_path"});
    for (const auto& [name, value] : r.placeholders) {
        rows.put(scan_id);
        rows.put(name);
        rows.put(escape_path(value));
    }
    return rows;
}

RowBatch scan_plugins(const scan::ScanResult& r, std::int64_t scan_id) {
    RowBatch rows("scan_plugins",
                  {"scan_id", "name", "version", "abi_major", "abi_minor", "library_path",
                   "library_sha256", "status", "error", "files_analyzed"});
    for (const scan::PluginRun& p : r.plugins) {
        rows.put(scan_id);
        rows.put(p.name);
        rows.put(p.version);
        rows.put(p.abi_major);
        rows.put(p.abi_minor);
        rows.put(escape_path(p.library_path));
        rows.put(p.library_sha256);
        rows.put(p.failed ? "failed" : "ok");
        rows.put(p.error);
        rows.put(p.files_analyzed);
    }
    return rows;
}

// The hashes of `r`'s content the store holds already: most of a machine's files do not change
// between scans, and sending their bytes again (only to have them skipped) is most of a rescan's
// traffic on PostgreSQL.
std::set<std::string> stored_hashes(soci::session& sql, Backend backend,
                                    const scan::ScanResult& r) {
    RowBatch hashes("confscope_candidate_hashes", {"content_hash"});
    std::set<std::string_view> seen;
    for (const scan::FileRecord& f : r.files)
        if (f.content && seen.insert(f.content_sha256).second) hashes.put(f.content_sha256);
    std::set<std::string> stored;
    if (hashes.rows() == 0) return stored;
    sql << (backend == Backend::sqlite
                ? "CREATE TEMP TABLE IF NOT EXISTS confscope_candidate_hashes (content_hash TEXT)"
                : "CREATE TEMP TABLE IF NOT EXISTS confscope_candidate_hashes (content_hash TEXT) "
                  "ON COMMIT DROP");
    sql << "DELETE FROM confscope_candidate_hashes";
    detail::insert_rows(sql, backend, hashes);
    soci::rowset<std::string> rows =
        (sql.prepare << "SELECT c.content_hash FROM confscope_candidate_hashes c JOIN "
                        "file_contents f ON f.content_hash = c.content_hash");
    for (const std::string& hash : rows)
        stored.insert(hash);
    sql << "DELETE FROM confscope_candidate_hashes";
    return stored;
}

RowBatch scan_contents(soci::session& sql, Backend backend, const scan::ScanResult& r) {
    RowBatch rows("file_contents",
                  {"content_hash", "size_bytes", "content", "redacted", "first_seen_at"});
    const std::set<std::string> stored = stored_hashes(sql, backend, r);
    std::set<std::string_view> added;
    for (const scan::FileRecord& f : r.files) {
        if (!f.content || stored.contains(f.content_sha256) ||
            !added.insert(f.content_sha256).second)
            continue;
        rows.put(f.content_sha256);
        rows.put(f.content->size());
        rows.put(*f.content);
        rows.put(f.content_redacted ? 1 : 0);
        rows.put(r.finished_at);
    }
    return rows;
}

RowBatch scan_paths(const scan::ScanResult& r, std::int64_t scan_id) {
    RowBatch rows(
        "paths",
        {"scan_id",       "seq",    "plugin",       "target_id",     "category",      "name",
         "path_template", "scope",  "format",       "resolved_path", "display_path",  "project_dir",
         "exists_flag",   "type",   "size_bytes",   "mode",          "uid",           "gid",
         "modified_time", "sha256", "content_hash", "parse_error",   "error_message", "repo_path"});
    rows.reserve(r.files.size());
    for (std::size_t i = 0; i < r.files.size(); ++i) {
        const scan::FileRecord& f = r.files[i];
        rows.put(scan_id);
        rows.put(i);
        rows.put(f.plugin);
        rows.put(f.target_id);
        rows.put(f.category);
        rows.put(f.target_name);
        rows.put(f.path_template);
        rows.put(std::string(sdk::to_string(f.scope)));
        rows.put(std::string(scan::to_string(f.format)));
        rows.put(escape_path(f.path));
        rows.put(escape_path(f.display_path));
        rows.put(escape_path(f.project_dir));
        rows.put(f.exists ? 1 : 0);
        rows.put(type_of(f));
        rows.put(f.size);
        rows.put(f.mode);
        rows.put(f.uid);
        rows.put(f.gid);
        rows.put(f.exists ? format_rfc3339_seconds(f.mtime_unix) : "");
        rows.put(f.sha256);
        rows.put(f.content ? std::optional<std::string>(f.content_sha256) : std::nullopt);
        rows.put(f.parse_error);
        rows.put(f.error);
        rows.put(escape_path(f.repo_path));
    }
    return rows;
}

RowBatch scan_items(const scan::ScanResult& r, std::int64_t scan_id) {
    RowBatch rows("inventory_items", {"scan_id", "seq", "path_seq", "plugin", "kind", "client",
                                      "scope", "name", "data_json", "pointer", "line", "col"});
    rows.reserve(r.items.size());
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const scan::Item& it = r.items[i];
        rows.put(scan_id);
        rows.put(i);
        rows.put(it.file);
        rows.put(it.plugin);
        rows.put(it.kind);
        rows.put(it.client);
        rows.put(std::string(sdk::to_string(it.scope)));
        rows.put(it.name);
        rows.put(sanitize_json(it.data_json));
        rows.put(it.pointer);
        rows.put(it.line);
        rows.put(it.column);
    }
    return rows;
}

RowBatch scan_findings(const scan::ScanResult& r, std::int64_t scan_id) {
    RowBatch rows("findings", {"scan_id", "seq", "path_seq", "plugin", "rule_id", "severity",
                               "severity_rank", "message", "pointer", "line", "col", "fingerprint",
                               "suppressed", "suppression"});
    rows.reserve(r.findings.size());
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const scan::Finding& f = r.findings[i];
        rows.put(scan_id);
        rows.put(i);
        rows.put(f.file);
        rows.put(f.plugin);
        rows.put(f.rule_id);
        rows.put(std::string(sdk::to_string(f.severity)));
        rows.put(static_cast<int>(f.severity));
        rows.put(f.message);
        rows.put(f.pointer);
        rows.put(f.line);
        rows.put(f.column);
        rows.put(f.fingerprint);
        rows.put(f.suppressed ? 1 : 0);
        rows.put(f.suppression);
    }
    return rows;
}

// The rules the findings cite, once each.
RowBatch scan_rules(const scan::ScanResult& r, std::int64_t scan_id) {
    RowBatch rows("scan_rules",
                  {"scan_id", "rule_id", "plugin", "severity", "title", "help", "help_uri"});
    std::set<std::string_view> used;
    for (const scan::Finding& f : r.findings)
        used.insert(f.rule_id);
    std::set<std::string_view> added;
    for (const scan::RuleInfo& info : r.rules) {
        if (!used.contains(info.id) || !added.insert(info.id).second) continue;
        rows.put(scan_id);
        rows.put(info.id);
        rows.put(info.plugin);
        rows.put(std::string(sdk::to_string(info.severity)));
        rows.put(info.title);
        rows.put(info.help);
        rows.put(info.help_uri);
    }
    return rows;
}

// A history row whenever a file's bytes differ from the last version recorded for its host.
RowBatch scan_history(soci::session& sql, const scan::ScanResult& r, std::int64_t scan_id) {
    const std::string host = sanitize_text(r.host.hostname);
    std::map<std::string, std::string> last;  // escaped path -> sha256
    soci::rowset<soci::row> recorded =
        (sql.prepare << "SELECT h.config_path, h.sha256 FROM config_history h WHERE h.host = :host "
                        "AND h.id = (SELECT MAX(x.id) FROM config_history x WHERE x.host = h.host "
                        "AND x.config_path = h.config_path)",
         soci::use(host));
    for (const soci::row& row : recorded)
        last[detail::text(row, 0)] = detail::text(row, 1);
    RowBatch rows("config_history", {"host", "config_path", "config_type", "sha256", "content_hash",
                                     "changed_at", "changed_by", "scan_id"});
    std::set<std::string_view> done;
    for (const scan::FileRecord& f : r.files) {
        if (!f.exists || f.sha256.empty() || !done.insert(f.path).second) continue;
        std::string path = escape_path(f.path);
        const auto it = last.find(path);
        if (it != last.end() && it->second == f.sha256) continue;
        rows.put(r.host.hostname);
        rows.put(std::move(path));
        rows.put(f.category);
        rows.put(f.sha256);
        rows.put(f.content ? std::optional<std::string>(f.content_sha256) : std::nullopt);
        rows.put(r.finished_at);
        rows.put(r.host.username);
        rows.put(scan_id);
    }
    return rows;
}

}  // namespace

Result<std::int64_t> Store::save(const scan::ScanResult& r) {
    long long scan_id = 0;
    const Status status = write_transaction("saving the scan", [&](soci::session& sql, int number) {
        // After a lost connection the COMMIT may have landed before the connection dropped: the
        // scan's UUID tells.
        if (number > 1) {
            soci::indicator found = soci::i_null;
            sql << "SELECT MAX(id) FROM scans WHERE uuid = :uuid", soci::use(r.uuid),
                soci::into(scan_id, found);
            if (found == soci::i_ok) {
                log::info("store " + url_.display +
                          ": the scan was stored before the connection "
                          "dropped");
                return;
            }
        }
        // Every text is valid UTF-8 and every path escaped (stored_text.hpp).
        sdk::JsonArray roots;
        for (const std::string& root : r.roots)
            roots.push(escape_path(root));
        const std::string roots_json = roots.dump();
        const std::string host = sanitize_text(r.host.hostname);
        const std::string os_name = sanitize_text(r.host.os_name);
        const std::string os_version = sanitize_text(r.host.os_version);
        const std::string username = sanitize_text(r.host.username);
        const std::string os_profile = sanitize_text(r.os_profile);
        const std::string home = escape_path(r.home);
        const std::string system_root = escape_path(r.system_root);
        const std::string uuid = sanitize_text(r.uuid);
        const std::string scan_status = r.complete() ? "complete" : "incomplete";
        const std::string store_content(scan::to_string(r.store_content));
        const long long duration_ms = std::llround(r.duration_seconds * 1000.0);
        const long long total_scanned = static_cast<long long>(r.stats.locations_checked);
        const long long total_found = static_cast<long long>(r.stats.files_found);
        const double detection_rate = total_scanned > 0 ? static_cast<double>(total_found) /
                                                              static_cast<double>(total_scanned)
                                                        : 0.0;
        const long long walked = static_cast<long long>(r.stats.directories_walked);
        const long long unreadable = static_cast<long long>(r.stats.unreadable);
        const long long item_count = static_cast<long long>(r.items.size());
        const long long finding_count = static_cast<long long>(r.findings.size());
        sql << "INSERT INTO scans (uuid, status, started_at, finished_at, duration_ms, host, "
               "os_type, os_version, username, os_profile, home, system_root, roots_json, "
               "tool_version, store_content, total_scanned, total_found, detection_rate, "
               "directories_walked, unreadable, item_count, finding_count) VALUES (:uuid, "
               ":status, :started, :finished, :duration, :host, :os, :osv, :user, :profile, "
               ":home, :sysroot, :roots, :version, :content, :scanned, :found, :rate, :walked, "
               ":unreadable, :items, :findings) RETURNING id",
            soci::use(uuid), soci::use(scan_status), soci::use(r.started_at),
            soci::use(r.finished_at), soci::use(duration_ms), soci::use(host), soci::use(os_name),
            soci::use(os_version), soci::use(username), soci::use(os_profile), soci::use(home),
            soci::use(system_root), soci::use(roots_json), soci::use(r.tool_version),
            soci::use(store_content), soci::use(total_scanned), soci::use(total_found),
            soci::use(detection_rate), soci::use(walked), soci::use(unreadable),
            soci::use(item_count), soci::use(finding_count), soci::into(scan_id);

        const auto insert = [&](const RowBatch& rows, detail::OnConflict on_conflict) {
            const auto started = std::chrono::steady_clock::now();
            detail::insert_rows(sql, url_.backend, rows, on_conflict);
            log::debug("stored " + std::to_string(rows.rows()) + " rows into " + rows.table() +
                       " in " +
                       std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::steady_clock::now() - started)
                                          .count()) +
                       " ms");
        };
        const auto fail = detail::OnConflict::fail;
        insert(scan_placeholders(r, scan_id), fail);
        insert(scan_plugins(r, scan_id), fail);
        insert(scan_contents(sql, url_.backend, r), detail::OnConflict::ignore);
        insert(scan_paths(r, scan_id), fail);
        insert(scan_items(r, scan_id), fail);
        insert(scan_findings(r, scan_id), fail);
        insert(scan_rules(r, scan_id), fail);
        insert(scan_history(sql, r, scan_id), fail);
    });
    if (!status) return status;
    return static_cast<std::int64_t>(scan_id);
}

}  // namespace confscope::store
