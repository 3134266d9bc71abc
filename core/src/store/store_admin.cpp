// Store operations behind `confscope db`: status, migrations, prune and vacuum.
#include <filesystem>
#include <map>
#include <set>

#include <soci/soci.h>

#include <confscope/store/store.hpp>

#include "migrations.hpp"
#include "row_reader.hpp"
#include "store_retry.hpp"
#include "table_catalog.hpp"

namespace confscope::store {

namespace {

long long count_of(soci::session& sql, const std::string& query) {
    long long n = 0;
    sql << query, soci::into(n);
    return n;
}

// A file version recorded by a scan about to be pruned is still current at the oldest kept scan of
// its host when that scan found the same bytes and recorded no version of its own: it moves to
// that scan, keeping its time, so history keeps every version a kept scan saw.
void keep_current_versions(soci::session& sql, const std::string& host, long long oldest_kept) {
    std::map<std::string, std::pair<long long, std::string>> newest;  // path -> (row id, sha256)
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT config_path, id, sha256 FROM config_history WHERE host = "
                            ":host AND scan_id < :kept ORDER BY scan_id, id",
             soci::use(host), soci::use(oldest_kept));
        for (const soci::row& row : rows)
            newest[detail::text(row, 0)] = {detail::integer(row, 1), detail::text(row, 2)};
    }
    if (newest.empty()) return;
    std::set<std::string> recorded;
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT config_path FROM config_history WHERE host = :host AND "
                            "scan_id = :kept",
             soci::use(host), soci::use(oldest_kept));
        for (const soci::row& row : rows)
            recorded.insert(detail::text(row, 0));
    }
    std::map<std::string, std::string> seen;
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT resolved_path, sha256 FROM paths WHERE scan_id = :kept AND "
                            "exists_flag = 1",
             soci::use(oldest_kept));
        for (const soci::row& row : rows)
            seen.emplace(detail::text(row, 0), detail::text(row, 1));
    }
    for (const auto& [path, version] : newest) {
        const auto it = seen.find(path);
        if (recorded.contains(path) || it == seen.end() || it->second != version.second) continue;
        long long id = version.first;
        sql << "UPDATE config_history SET scan_id = :kept WHERE id = :id", soci::use(oldest_kept),
            soci::use(id);
    }
}

}  // namespace

Result<std::int64_t> Store::size_on_disk() {
    if (url_.backend == Backend::sqlite) {
        std::int64_t total = 0;
        for (const char* suffix : {"", "-wal"}) {
            std::error_code ec;
            const auto size = std::filesystem::file_size(url_.sqlite_path + suffix, ec);
            if (!ec) total += static_cast<std::int64_t>(size);
        }
        return total;
    }
    return query<std::int64_t>("measuring the database", [&](soci::session& sql) {
        return static_cast<std::int64_t>(
            count_of(sql, "SELECT pg_database_size(current_database())"));
    });
}

Result<StoreStatus> Store::status() {
    CONFSCOPE_ASSIGN_OR_RETURN(std::int64_t size, size_on_disk());
    std::string integrity;
    if (url_.backend == Backend::sqlite) {
        auto checked = check_integrity(false);
        if (checked.is_ok()) {
            integrity = *checked;
        } else if (checked.status().code() == StatusCode::data_loss) {
            integrity = "the check itself failed: the file is damaged";  // SQLITE_CORRUPT
        } else {
            return checked.status();
        }
    }
    if (!integrity.empty() && integrity != "ok") {
        // Counting rows in a damaged file fails half-way: report what is known.
        StoreStatus s;
        s.backend = "sqlite";
        s.display = url_.display;
        s.size_bytes = size;
        s.latest_schema_version = latest_schema_version();
        s.integrity = integrity;
        return s;
    }
    return query<StoreStatus>("reading the store's status", [&](soci::session& sql) {
        StoreStatus s;
        s.integrity = integrity;
        s.backend = url_.backend == Backend::sqlite ? "sqlite" : "postgresql";
        s.display = url_.display;
        s.size_bytes = size;
        s.latest_schema_version = latest_schema_version();
        s.schema_version = *current_version(sql);
        std::map<int, std::string> applied;
        if (s.schema_version > 0) {
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT version, applied_at FROM schema_migrations");
            for (const soci::row& row : rows)
                applied[static_cast<int>(detail::integer(row, 0))] = detail::text(row, 1);
        }
        for (const detail::Migration& m : detail::migrations(url_.backend)) {
            const auto it = applied.find(m.version);
            s.migrations.push_back({m.version, m.name, it != applied.end() ? it->second : ""});
        }
        if (s.schema_version == 0) return s;  // an empty store: no tables yet
        s.scans = count_of(sql, "SELECT COUNT(*) FROM scans");
        s.hosts = count_of(sql, "SELECT COUNT(DISTINCT host) FROM scans");
        {
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT MIN(started_at), MAX(finished_at) FROM scans");
            for (const soci::row& row : rows) {
                s.first_scan_at = detail::text(row, 0);
                s.last_scan_at = detail::text(row, 1);
            }
        }
        for (const detail::TableSpec& table : detail::tables())
            s.tables.push_back({table.name, count_of(sql, "SELECT COUNT(*) FROM " + table.name)});
        s.content_blobs = count_of(sql, "SELECT COUNT(*) FROM file_contents");
        s.content_bytes = count_of(sql, "SELECT COALESCE(SUM(size_bytes), 0) FROM file_contents");
        return s;
    });
}

Result<PruneReport> Store::prune(std::size_t keep, bool dry_run) {
    if (keep == 0) return Status::invalid_argument("--keep must be at least 1");
    PruneReport report;
    CONFSCOPE_TRY(write_transaction("pruning", [&](soci::session& sql, int) {
        report = PruneReport{};
        report.dry_run = dry_run;
        std::map<std::string, std::vector<long long>> per_host;  // newest first
        {
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT host, id FROM scans ORDER BY id DESC");
            for (const soci::row& row : rows)
                per_host[detail::text(row, 0)].push_back(detail::integer(row, 1));
        }
        std::vector<long long> doomed;
        for (const auto& [host, ids] : per_host) {
            if (ids.size() <= keep) {
                report.scans_kept += static_cast<std::int64_t>(ids.size());
                continue;
            }
            report.scans_kept += static_cast<std::int64_t>(keep);
            report.removed_per_host.emplace_back(host,
                                                 static_cast<std::int64_t>(ids.size() - keep));
            doomed.insert(doomed.end(), ids.begin() + static_cast<std::ptrdiff_t>(keep), ids.end());
            keep_current_versions(sql, host, ids[keep - 1]);
        }
        report.scans_removed = static_cast<std::int64_t>(doomed.size());
        const long long versions_before = count_of(sql, "SELECT COUNT(*) FROM config_history");
        // Children first, so the deletes need no cascade support from the backend.
        for (std::size_t start = 0; start < doomed.size(); start += 500) {
            std::string list;
            for (std::size_t i = start; i < std::min(doomed.size(), start + 500); ++i)
                list += (list.empty() ? "" : ", ") + std::to_string(doomed[i]);
            for (auto table = detail::tables().rbegin(); table != detail::tables().rend();
                 ++table) {
                if (table->name == "file_contents") continue;
                sql << "DELETE FROM " + table->name + " WHERE " +
                           (table->name == "scans" ? "id" : "scan_id") + " IN (" + list + ")";
            }
        }
        report.versions_removed =
            versions_before - count_of(sql, "SELECT COUNT(*) FROM config_history");
        const std::string orphans =
            " FROM file_contents c WHERE NOT EXISTS (SELECT 1 FROM paths p WHERE p.content_hash = "
            "c.content_hash) AND NOT EXISTS (SELECT 1 FROM config_history h WHERE h.content_hash "
            "= c.content_hash)";
        report.contents_removed = count_of(sql, "SELECT COUNT(*)" + orphans);
        report.content_bytes_removed =
            count_of(sql, "SELECT COALESCE(SUM(size_bytes), 0)" + orphans);
        sql << "DELETE FROM file_contents WHERE content_hash IN (SELECT c.content_hash" + orphans +
                   ")";
        if (dry_run) {
            // The report is exact because the deletes ran; undo them and leave an empty
            // transaction for the caller's COMMIT.
            sql << "ROLLBACK";
            sql << (url_.backend == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
        }
    }));
    return report;
}

Result<std::pair<std::int64_t, std::int64_t>> Store::vacuum() {
    CONFSCOPE_ASSIGN_OR_RETURN(std::int64_t before, size_on_disk());
    CONFSCOPE_TRY(retrying("vacuum", [&](soci::session& sql, int) {
        if (url_.backend == Backend::sqlite) {
            sql << "PRAGMA wal_checkpoint(TRUNCATE)";
            sql << "VACUUM";
            sql << "PRAGMA wal_checkpoint(TRUNCATE)";
        } else {
            sql << "VACUUM (ANALYZE)";
        }
    }));
    CONFSCOPE_ASSIGN_OR_RETURN(std::int64_t after, size_on_disk());
    return std::make_pair(before, after);
}

}  // namespace confscope::store
