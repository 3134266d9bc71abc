// Reading history: the previous comparable scan (drift, diff), the stored versions of a file, the
// files that have versions, and what the newest scan saw at a path (restore).
#include <algorithm>
#include <limits>

#include <rapidjson/document.h>
#include <soci/soci.h>

#include <confscope/store/store.hpp>
#include <confscope/store/stored_text.hpp>

#include "row_reader.hpp"
#include "store_retry.hpp"

namespace confscope::store {

namespace {

std::vector<std::string> sorted(std::vector<std::string> roots) {
    std::sort(roots.begin(), roots.end());
    roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
    return roots;
}

std::vector<std::string> roots_of(const std::string& roots_json) {
    std::vector<std::string> roots;
    rapidjson::Document doc;
    doc.Parse(roots_json.c_str(), roots_json.size());
    if (doc.HasParseError() || !doc.IsArray()) return roots;
    for (const rapidjson::Value& v : doc.GetArray()) {
        if (v.IsString()) roots.emplace_back(v.GetString(), v.GetStringLength());
    }
    return roots;
}

}  // namespace

ScanScope ScanScope::of(const scan::ScanResult& result) {
    // As the store keeps them (stored_text.hpp).
    std::vector<std::string> roots;
    for (const std::string& root : result.roots)
        roots.push_back(escape_path(root));
    return {sanitize_text(result.host.hostname), escape_path(result.home),
            escape_path(result.system_root), sanitize_text(result.os_profile),
            sorted(std::move(roots))};
}

ScanScope ScanScope::of(const ScanSummary& summary) {
    return {summary.host, summary.home, summary.system_root, summary.os_profile,
            sorted(roots_of(summary.roots_json))};
}

Result<std::vector<std::int64_t>> Store::previous_scans(const ScanScope& scope,
                                                        std::optional<std::int64_t> before,
                                                        std::size_t limit) {
    return query<std::vector<std::int64_t>>(
        "finding the previous scans", [&](soci::session& sql) -> std::vector<std::int64_t> {
            const long long below = before ? *before : std::numeric_limits<long long>::max();
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT id, roots_json FROM scans WHERE host = :host AND home = "
                                ":home AND system_root = :root AND os_profile = :profile AND "
                                "status = 'complete' AND id < :before ORDER BY id DESC",
                 soci::use(scope.host), soci::use(scope.home), soci::use(scope.system_root),
                 soci::use(scope.os_profile), soci::use(below));
            const std::vector<std::string> wanted = sorted(scope.roots);
            std::vector<std::int64_t> ids;
            for (const soci::row& row : rows) {
                if (ids.size() == limit) break;
                if (sorted(roots_of(detail::text(row, 1))) == wanted)
                    ids.push_back(detail::integer(row, 0));
            }
            return ids;
        });
}

Result<std::vector<FileVersion>> Store::file_history(const std::string& host,
                                                     const std::string& raw_path) {
    const std::string path = escape_path(raw_path);
    return query<std::vector<FileVersion>>(
        "reading the file's history", [&](soci::session& sql) -> std::vector<FileVersion> {
            // Size and mode come from the scan's own row for the file (same bytes).
            const std::string same_file =
                " FROM paths p WHERE p.scan_id = h.scan_id AND p.resolved_path = h.config_path "
                "AND p.sha256 = h.sha256)";
            // Content without redaction markers of the same bytes, stored by any scan of the
            // host (a later scan with --store-content raw makes an earlier version restorable).
            const std::string plain =
                "(SELECT MIN(p.content_hash) FROM paths p JOIN scans s ON s.id = p.scan_id JOIN "
                "file_contents pc ON pc.content_hash = p.content_hash WHERE s.host = h.host AND "
                "p.resolved_path = h.config_path AND p.sha256 = h.sha256 AND pc.redacted = 0)";
            soci::rowset<soci::row> rows =
                (sql.prepare
                     << "SELECT h.scan_id, h.changed_at, h.config_type, h.sha256, "
                        "COALESCE(" +
                            plain + ", h.content_hash), CASE WHEN " + plain +
                            " IS NULL THEN c.redacted ELSE 0 END, (SELECT MAX(p.size_bytes)" +
                            same_file + ", (SELECT MAX(p.mode)" + same_file +
                            ", (SELECT MAX(p.format)" + same_file +
                            " FROM config_history h LEFT JOIN file_contents c ON "
                            "c.content_hash = h.content_hash WHERE h.host = :host AND "
                            "h.config_path = :path ORDER BY h.scan_id, h.id",
                 soci::use(host), soci::use(path));
            std::vector<FileVersion> versions;
            for (const soci::row& row : rows) {
                FileVersion v;
                v.number = static_cast<int>(versions.size()) + 1;
                v.scan_id = detail::integer(row, 0);
                v.changed_at = detail::text(row, 1);
                v.category = detail::text(row, 2);
                v.sha256 = detail::text(row, 3);
                v.content_hash = detail::text(row, 4);
                v.redacted = detail::integer(row, 5) != 0;
                v.size = detail::is_null(row, 6) ? -1 : detail::integer(row, 6);
                v.mode = detail::integer(row, 7);
                v.format = detail::text(row, 8);
                versions.push_back(std::move(v));
            }
            return versions;
        });
}

Result<std::vector<HistoryPath>> Store::history_paths(const std::string& host) {
    return query<std::vector<HistoryPath>>(
        "listing the files with history", [&](soci::session& sql) -> std::vector<HistoryPath> {
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT config_path, COUNT(*), MAX(changed_at) FROM "
                                "config_history WHERE host = :host GROUP BY config_path",
                 soci::use(host));
            std::vector<HistoryPath> paths;
            for (const soci::row& row : rows)
                paths.push_back(
                    {detail::text(row, 0), detail::integer(row, 1), detail::text(row, 2)});
            // The same order on both backends (PostgreSQL sorts text by its collation).
            std::sort(paths.begin(), paths.end(),
                      [](const HistoryPath& a, const HistoryPath& b) { return a.path < b.path; });
            return paths;
        });
}

Result<std::optional<LastSeen>> Store::last_seen(const std::string& host,
                                                 const std::string& raw_path) {
    const std::string path = escape_path(raw_path);
    return query<std::optional<LastSeen>>(
        "reading the last scan of the file", [&](soci::session& sql) -> std::optional<LastSeen> {
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT p.scan_id, s.finished_at, p.exists_flag, p.sha256 FROM "
                                "paths p JOIN scans s ON s.id = p.scan_id WHERE s.host = :host "
                                "AND p.resolved_path = :path ORDER BY p.scan_id DESC, "
                                "p.exists_flag DESC LIMIT 1",
                 soci::use(host), soci::use(path));
            for (const soci::row& row : rows) {
                LastSeen seen;
                seen.scan_id = detail::integer(row, 0);
                seen.finished_at = detail::text(row, 1);
                seen.exists = detail::integer(row, 2) != 0;
                seen.sha256 = seen.exists ? detail::text(row, 3) : std::string();
                return seen;
            }
            return std::nullopt;
        });
}

}  // namespace confscope::store
