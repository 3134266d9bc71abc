// Reading stored scans: summaries, files, inventory, findings, plugins, rules, content; and the
// newest scan of every host (fleet queries). Every read is retried like a write (store.cpp).
#include <algorithm>

#include <soci/soci.h>

#include <confscope/store/store.hpp>

#include "row_reader.hpp"
#include "store_internal.hpp"
#include "store_retry.hpp"

namespace confscope::store {

namespace {

constexpr const char* kScanColumns =
    "id, uuid, status, started_at, finished_at, duration_ms, host, username, os_type, home, "
    "roots_json, tool_version, total_scanned, total_found, item_count, finding_count, "
    "os_version, os_profile, system_root, store_content, directories_walked, unreadable";

ScanSummary read_summary(const soci::row& row) {
    ScanSummary s;
    s.id = detail::integer(row, 0);
    s.uuid = detail::text(row, 1);
    s.status = detail::text(row, 2);
    s.started_at = detail::text(row, 3);
    s.finished_at = detail::text(row, 4);
    s.duration_ms = detail::integer(row, 5);
    s.host = detail::text(row, 6);
    s.username = detail::text(row, 7);
    s.os_type = detail::text(row, 8);
    s.home = detail::text(row, 9);
    s.roots_json = detail::text(row, 10);
    s.tool_version = detail::text(row, 11);
    s.total_scanned = detail::integer(row, 12);
    s.total_found = detail::integer(row, 13);
    s.item_count = detail::integer(row, 14);
    s.finding_count = detail::integer(row, 15);
    s.os_version = detail::text(row, 16);
    s.os_profile = detail::text(row, 17);
    s.system_root = detail::text(row, 18);
    s.store_content = detail::text(row, 19);
    s.directories_walked = detail::integer(row, 20);
    s.unreadable = detail::integer(row, 21);
    return s;
}

}  // namespace

Result<std::vector<ScanSummary>> Store::list_scans(std::size_t limit) {
    return query<std::vector<ScanSummary>>(
        "listing scans", [&](soci::session& sql) -> std::vector<ScanSummary> {
            std::vector<ScanSummary> out;
            const long long max_rows = static_cast<long long>(limit);
            soci::rowset<soci::row> rows =
                (sql.prepare << std::string("SELECT ") + kScanColumns +
                                    " FROM scans ORDER BY id DESC LIMIT :n",
                 soci::use(max_rows));
            for (const soci::row& row : rows)
                out.push_back(read_summary(row));
            return out;
        });
}

Result<std::int64_t> Store::resolve_scan(const std::string& reference) {
    return query<std::int64_t>("finding the scan", [&](soci::session& sql) -> Result<std::int64_t> {
        std::vector<long long> ids;
        if (reference == "latest" || reference == "previous") {
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT id FROM scans ORDER BY id DESC LIMIT 2");
            for (const soci::row& row : rows)
                ids.push_back(detail::integer(row, 0));
            const std::size_t wanted = reference == "latest" ? 0 : 1;
            if (ids.size() <= wanted) {
                return Status::not_found(reference == "latest"
                                             ? "the store has no scans yet: run confscope scan"
                                             : "the store has fewer than two scans");
            }
            return static_cast<std::int64_t>(ids[wanted]);
        }
        const bool numeric = !reference.empty() && reference.size() < 19 &&
                             std::all_of(reference.begin(), reference.end(),
                                         [](char c) { return c >= '0' && c <= '9'; });
        if (numeric) {
            const long long id = std::stoll(reference);
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT id FROM scans WHERE id = :id", soci::use(id));
            for (const soci::row& row : rows)
                ids.push_back(detail::integer(row, 0));
        } else {
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT id FROM scans WHERE uuid = :uuid", soci::use(reference));
            for (const soci::row& row : rows)
                ids.push_back(detail::integer(row, 0));
        }
        if (ids.empty())
            return Status::not_found("no scan " + reference +
                                     " in the store (see confscope scans list)");
        return static_cast<std::int64_t>(ids.front());
    });
}

Result<ScanSummary> Store::scan(std::int64_t id) {
    return query<ScanSummary>("reading the scan", [&](soci::session& sql) -> Result<ScanSummary> {
        const long long key = id;
        soci::rowset<soci::row> rows =
            (sql.prepare << std::string("SELECT ") + kScanColumns + " FROM scans WHERE id = :id",
             soci::use(key));
        for (const soci::row& row : rows)
            return read_summary(row);
        return Status::not_found("no scan " + std::to_string(id) + " in the store");
    });
}

Result<std::vector<StoredFile>> Store::files(std::int64_t scan_id) {
    return query<std::vector<StoredFile>>(
        "reading the scan's files", [&](soci::session& sql) -> std::vector<StoredFile> {
            std::vector<StoredFile> out;
            const long long key = scan_id;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT seq, plugin, category, name, scope, format, "
                                "resolved_path, display_path, "
                                "exists_flag, size_bytes, mode, modified_time, sha256, "
                                "content_hash, parse_error, "
                                "error_message, repo_path FROM paths WHERE scan_id = :id "
                                "ORDER BY seq",
                 soci::use(key));
            for (const soci::row& row : rows) {
                StoredFile f;
                f.seq = detail::integer(row, 0);
                f.plugin = detail::text(row, 1);
                f.category = detail::text(row, 2);
                f.name = detail::text(row, 3);
                f.scope = detail::text(row, 4);
                f.format = detail::text(row, 5);
                f.path = detail::text(row, 6);
                f.display_path = detail::text(row, 7);
                f.exists = detail::integer(row, 8) != 0;
                f.size = detail::integer(row, 9);
                f.mode = detail::integer(row, 10);
                f.modified_time = detail::text(row, 11);
                f.sha256 = detail::text(row, 12);
                f.content_hash = detail::text(row, 13);
                f.parse_error = detail::text(row, 14);
                f.error = detail::text(row, 15);
                f.repo_path = detail::text(row, 16);
                out.push_back(std::move(f));
            }
            return out;
        });
}

Result<std::vector<StoredItem>> Store::items(std::int64_t scan_id) {
    return query<std::vector<
        StoredItem>>("reading the inventory", [&](soci::session& sql) -> std::vector<StoredItem> {
        std::vector<StoredItem> out;
        const long long key = scan_id;
        soci::rowset<soci::row> rows =
            (sql.prepare
                 << "SELECT i.plugin, i.kind, i.client, i.scope, i.name, i.data_json, "
                    "p.display_path, "
                    "i.pointer, i.line, i.col, i.path_seq FROM inventory_items i JOIN paths p ON "
                    "p.scan_id = "
                    "i.scan_id AND p.seq = i.path_seq WHERE i.scan_id = :id ORDER BY i.seq",
             soci::use(key));
        for (const soci::row& row : rows) {
            StoredItem it;
            it.plugin = detail::text(row, 0);
            it.kind = detail::text(row, 1);
            it.client = detail::text(row, 2);
            it.scope = detail::text(row, 3);
            it.name = detail::text(row, 4);
            it.data_json = detail::text(row, 5);
            it.display_path = detail::text(row, 6);
            it.pointer = detail::text(row, 7);
            it.line = detail::integer(row, 8);
            it.column = detail::integer(row, 9);
            it.path_seq = detail::integer(row, 10);
            out.push_back(std::move(it));
        }
        return out;
    });
}

Result<std::vector<StoredFinding>> Store::findings(std::int64_t scan_id) {
    return query<std::vector<
        StoredFinding>>("reading findings", [&](soci::session& sql) -> std::vector<StoredFinding> {
        std::vector<StoredFinding> out;
        const long long key = scan_id;
        soci::rowset<soci::row> rows =
            (sql.prepare
                 << "SELECT f.scan_id, f.plugin, f.rule_id, f.severity, f.message, p.display_path, "
                    "f.pointer, f.line, f.col, f.fingerprint, f.suppressed, f.suppression, "
                    "f.path_seq, p.repo_path FROM "
                    "findings f JOIN paths p ON "
                    "p.scan_id = f.scan_id AND p.seq = f.path_seq WHERE f.scan_id = :id ORDER BY "
                    "f.severity_rank DESC, p.display_path, f.line, f.seq",
             soci::use(key));
        for (const soci::row& row : rows) {
            StoredFinding f;
            f.scan_id = detail::integer(row, 0);
            f.plugin = detail::text(row, 1);
            f.rule_id = detail::text(row, 2);
            f.severity = detail::text(row, 3);
            f.message = detail::text(row, 4);
            f.display_path = detail::text(row, 5);
            f.pointer = detail::text(row, 6);
            f.line = detail::integer(row, 7);
            f.column = detail::integer(row, 8);
            f.fingerprint = detail::text(row, 9);
            f.suppressed = detail::integer(row, 10) != 0;
            f.suppression = detail::text(row, 11);
            f.path_seq = detail::integer(row, 12);
            f.repo_path = detail::text(row, 13);
            out.push_back(std::move(f));
        }
        return out;
    });
}

Result<std::vector<StoredPlugin>> Store::plugins(std::int64_t scan_id) {
    return query<std::vector<StoredPlugin>>(
        "reading the scan's plugins", [&](soci::session& sql) -> std::vector<StoredPlugin> {
            std::vector<StoredPlugin> out;
            const long long key = scan_id;
            soci::rowset<soci::row> rows =
                (sql.prepare
                     << "SELECT name, version, abi_major, abi_minor, library_path, library_sha256, "
                        "status, "
                        "error, files_analyzed FROM scan_plugins WHERE scan_id = :id ORDER BY name",
                 soci::use(key));
            for (const soci::row& row : rows) {
                StoredPlugin p;
                p.name = detail::text(row, 0);
                p.version = detail::text(row, 1);
                p.abi_major = detail::integer(row, 2);
                p.abi_minor = detail::integer(row, 3);
                p.library_path = detail::text(row, 4);
                p.library_sha256 = detail::text(row, 5);
                p.status = detail::text(row, 6);
                p.error = detail::text(row, 7);
                p.files_analyzed = detail::integer(row, 8);
                out.push_back(std::move(p));
            }
            return out;
        });
}

Result<std::vector<scan::RuleInfo>> Store::rules(std::int64_t scan_id) {
    return query<std::vector<scan::RuleInfo>>(
        "reading the scan's rules", [&](soci::session& sql) -> std::vector<scan::RuleInfo> {
            std::vector<scan::RuleInfo> out;
            const long long key = scan_id;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT rule_id, plugin, severity, title, help, help_uri FROM "
                                "scan_rules WHERE scan_id = :id ORDER BY rule_id",
                 soci::use(key));
            for (const soci::row& row : rows) {
                scan::RuleInfo r;
                r.id = detail::text(row, 0);
                r.plugin = detail::text(row, 1);
                r.severity =
                    scan::parse_severity(detail::text(row, 2)).value_or(sdk::Severity::info);
                r.title = detail::text(row, 3);
                r.help = detail::text(row, 4);
                r.help_uri = detail::text(row, 5);
                out.push_back(std::move(r));
            }
            return out;
        });
}

Result<std::optional<std::int64_t>> Store::find_scan(const std::string& uuid) {
    return query<std::optional<std::int64_t>>(
        "looking the scan up", [&](soci::session& sql) -> std::optional<std::int64_t> {
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT id FROM scans WHERE uuid = :uuid", soci::use(uuid));
            for (const soci::row& row : rows)
                return std::optional<std::int64_t>(detail::integer(row, 0));
            return std::optional<std::int64_t>();
        });
}

Result<std::optional<std::string>> Store::content(const std::string& content_hash) {
    return query<std::optional<std::string>>(
        "reading content", [&](soci::session& sql) -> std::optional<std::string> {
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT content FROM file_contents WHERE content_hash = :h",
                 soci::use(content_hash));
            for (const soci::row& row : rows)
                return std::optional<std::string>(detail::text(row, 0));
            return std::optional<std::string>();
        });
}

Result<std::vector<HostScan>> Store::latest_scan_per_host() {
    return query<std::vector<HostScan>>(
        "listing hosts", [&](soci::session& sql) -> std::vector<HostScan> {
            std::vector<HostScan> out;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT s.host, s.id, s.finished_at, s.status FROM scans s WHERE "
                                "s.id = (SELECT MAX(x.id) FROM scans x WHERE x.host = s.host) "
                                "ORDER BY s.host");
            for (const soci::row& row : rows) {
                out.push_back({detail::text(row, 0), detail::integer(row, 1), detail::text(row, 2),
                               detail::text(row, 3)});
            }
            // The same order on both backends (PostgreSQL sorts text by its collation).
            std::sort(out.begin(), out.end(),
                      [](const HostScan& a, const HostScan& b) { return a.host < b.host; });
            return out;
        });
}

}  // namespace confscope::store
