#include "migrations.hpp"

#include "text_upgrade.hpp"

namespace confscope::store::detail {

namespace {

// The two dialects differ only in how an auto-increment key is spelled.
std::string dialect(std::string sql, Backend backend) {
    const std::string id =
        backend == Backend::sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
    for (std::size_t pos = sql.find("{{ID}}"); pos != std::string::npos;
         pos = sql.find("{{ID}}", pos)) {
        sql.replace(pos, 6, id);
    }
    return sql;
}

// Version 1: the original tables (scans, env_vars, paths, file_contents, config_history), grown
// with the plugins used per scan, inventory items, findings and the rules they refer to. Content is
// content-addressed. Rows of a scan are keyed by (scan_id, seq) so one transaction can write them
// in bulk without reading generated ids back.
const char* const kVersion1[] = {
    R"(CREATE TABLE scans (
        id {{ID}},
        uuid TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        duration_ms BIGINT NOT NULL,
        host TEXT NOT NULL,
        os_type TEXT NOT NULL,
        os_version TEXT NOT NULL,
        username TEXT NOT NULL,
        os_profile TEXT NOT NULL,
        home TEXT NOT NULL,
        system_root TEXT NOT NULL,
        roots_json TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        store_content TEXT NOT NULL,
        total_scanned BIGINT NOT NULL,
        total_found BIGINT NOT NULL,
        detection_rate DOUBLE PRECISION NOT NULL,
        directories_walked BIGINT NOT NULL,
        unreadable BIGINT NOT NULL,
        item_count BIGINT NOT NULL,
        finding_count BIGINT NOT NULL))",
    "CREATE INDEX scans_by_host ON scans (host, id)",
    R"(CREATE TABLE env_vars (
        scan_id BIGINT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        placeholder TEXT NOT NULL,
        resolved_path TEXT NOT NULL,
        PRIMARY KEY (scan_id, placeholder)))",
    R"(CREATE TABLE file_contents (
        content_hash TEXT PRIMARY KEY,
        size_bytes BIGINT NOT NULL,
        content TEXT NOT NULL,
        redacted BIGINT NOT NULL,
        first_seen_at TEXT NOT NULL))",
    R"(CREATE TABLE scan_plugins (
        scan_id BIGINT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        version TEXT NOT NULL,
        abi_major BIGINT NOT NULL,
        abi_minor BIGINT NOT NULL,
        library_path TEXT NOT NULL,
        library_sha256 TEXT NOT NULL,
        status TEXT NOT NULL,
        error TEXT NOT NULL,
        files_analyzed BIGINT NOT NULL,
        PRIMARY KEY (scan_id, name)))",
    R"(CREATE TABLE paths (
        scan_id BIGINT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        seq BIGINT NOT NULL,
        plugin TEXT NOT NULL,
        target_id TEXT NOT NULL,
        category TEXT NOT NULL,
        name TEXT NOT NULL,
        path_template TEXT NOT NULL,
        scope TEXT NOT NULL,
        format TEXT NOT NULL,
        resolved_path TEXT NOT NULL,
        display_path TEXT NOT NULL,
        project_dir TEXT NOT NULL,
        exists_flag BIGINT NOT NULL,
        type TEXT NOT NULL,
        size_bytes BIGINT NOT NULL,
        mode BIGINT NOT NULL,
        uid BIGINT NOT NULL,
        gid BIGINT NOT NULL,
        modified_time TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        content_hash TEXT REFERENCES file_contents (content_hash),
        parse_error TEXT NOT NULL,
        error_message TEXT NOT NULL,
        PRIMARY KEY (scan_id, seq)))",
    "CREATE INDEX paths_by_path ON paths (resolved_path)",
    "CREATE INDEX paths_by_content ON paths (content_hash)",
    R"(CREATE TABLE config_history (
        id {{ID}},
        host TEXT NOT NULL,
        config_path TEXT NOT NULL,
        config_type TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        content_hash TEXT REFERENCES file_contents (content_hash),
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        scan_id BIGINT NOT NULL REFERENCES scans (id) ON DELETE CASCADE))",
    "CREATE INDEX config_history_by_path ON config_history (host, config_path, id)",
    R"(CREATE TABLE inventory_items (
        scan_id BIGINT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        seq BIGINT NOT NULL,
        path_seq BIGINT NOT NULL,
        plugin TEXT NOT NULL,
        kind TEXT NOT NULL,
        client TEXT NOT NULL,
        scope TEXT NOT NULL,
        name TEXT NOT NULL,
        data_json TEXT NOT NULL,
        pointer TEXT NOT NULL,
        line BIGINT NOT NULL,
        col BIGINT NOT NULL,
        PRIMARY KEY (scan_id, seq)))",
    "CREATE INDEX inventory_by_kind ON inventory_items (kind, name)",
    R"(CREATE TABLE findings (
        scan_id BIGINT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        seq BIGINT NOT NULL,
        path_seq BIGINT NOT NULL,
        plugin TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        severity TEXT NOT NULL,
        severity_rank BIGINT NOT NULL,
        message TEXT NOT NULL,
        pointer TEXT NOT NULL,
        line BIGINT NOT NULL,
        col BIGINT NOT NULL,
        fingerprint TEXT NOT NULL,
        PRIMARY KEY (scan_id, seq)))",
    "CREATE INDEX findings_by_rule ON findings (rule_id, severity_rank)",
    R"(CREATE TABLE scan_rules (
        scan_id BIGINT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        rule_id TEXT NOT NULL,
        plugin TEXT NOT NULL,
        severity TEXT NOT NULL,
        title TEXT NOT NULL,
        help TEXT NOT NULL,
        help_uri TEXT NOT NULL,
        PRIMARY KEY (scan_id, rule_id)))",
};

// Version 2: suppressed findings (ignore entries and baselines) are stored with their reason.
const char* const kVersion2[] = {
    "ALTER TABLE findings ADD COLUMN suppressed BIGINT NOT NULL DEFAULT 0",
    "ALTER TABLE findings ADD COLUMN suppression TEXT NOT NULL DEFAULT ''",
};

// Version 3: where a file lies in the git work tree it was found in (for repository-relative report
// paths such as SARIF's).
const char* const kVersion3[] = {
    "ALTER TABLE paths ADD COLUMN repo_path TEXT NOT NULL DEFAULT ''",
};

// Version 4: `db prune` deletes scans and then the content nothing refers to; these indexes keep
// both from scanning the history table once per scan.
const char* const kVersion4[] = {
    "CREATE INDEX config_history_by_scan ON config_history (scan_id)",
    "CREATE INDEX config_history_by_content ON config_history (content_hash)",
};

}  // namespace

std::vector<Migration> migrations(Backend backend) {
    std::vector<Migration> all;
    Migration v1{1, "scans, files, content, history, plugins, inventory, findings", {}};
    for (const char* sql : kVersion1)
        v1.statements.push_back(dialect(sql, backend));
    all.push_back(std::move(v1));
    Migration v2{2, "suppressed findings", {}};
    for (const char* sql : kVersion2)
        v2.statements.push_back(dialect(sql, backend));
    all.push_back(std::move(v2));
    Migration v3{3, "repository-relative paths", {}};
    for (const char* sql : kVersion3)
        v3.statements.push_back(dialect(sql, backend));
    all.push_back(std::move(v3));
    Migration v4{4, "indexes for pruning", {}};
    for (const char* sql : kVersion4)
        v4.statements.push_back(dialect(sql, backend));
    all.push_back(std::move(v4));
    // Version 5: every text is valid UTF-8 and every path is kept escaped (backslash doubled,
    // bytes that are not UTF-8 as \xNN; <confscope/store/stored_text.hpp>), so a folder with
    // such a name can be stored in PostgreSQL and copied there from SQLite. No table changes:
    // the rows older versions stored are rewritten.
    Migration v5{kEscapedTextVersion, "escaped paths, valid UTF-8 text", {}, &upgrade_stored_text};
    all.push_back(std::move(v5));
    return all;
}

}  // namespace confscope::store::detail
