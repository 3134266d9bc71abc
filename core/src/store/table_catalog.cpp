#include "table_catalog.hpp"

namespace confscope::store::detail {

namespace {

ColumnSpec integer(const char* name) {
    return {name, ColumnType::integer, false};
}
ColumnSpec real(const char* name) {
    return {name, ColumnType::real, false};
}
ColumnSpec text(const char* name) {
    return {name, ColumnType::text, false};
}
ColumnSpec nullable_text(const char* name) {
    return {name, ColumnType::text, true};
}

std::vector<TableSpec> make_tables() {
    std::vector<TableSpec> all;
    all.push_back({"scans",
                   {integer("id"),
                    text("uuid"),
                    text("status"),
                    text("started_at"),
                    text("finished_at"),
                    integer("duration_ms"),
                    text("host"),
                    text("os_type"),
                    text("os_version"),
                    text("username"),
                    text("os_profile"),
                    text("home"),
                    text("system_root"),
                    text("roots_json"),
                    text("tool_version"),
                    text("store_content"),
                    integer("total_scanned"),
                    integer("total_found"),
                    real("detection_rate"),
                    integer("directories_walked"),
                    integer("unreadable"),
                    integer("item_count"),
                    integer("finding_count")},
                   {"id"},
                   "id"});
    all.push_back({"file_contents",
                   {text("content_hash"), integer("size_bytes"), text("content"),
                    integer("redacted"), text("first_seen_at")},
                   {"content_hash"},
                   ""});
    all.push_back({"env_vars",
                   {integer("scan_id"), text("placeholder"), text("resolved_path")},
                   {"scan_id", "placeholder"},
                   ""});
    all.push_back({"scan_plugins",
                   {integer("scan_id"), text("name"), text("version"), integer("abi_major"),
                    integer("abi_minor"), text("library_path"), text("library_sha256"),
                    text("status"), text("error"), integer("files_analyzed")},
                   {"scan_id", "name"},
                   ""});
    all.push_back({"paths",
                   {integer("scan_id"),     integer("seq"),        text("plugin"),
                    text("target_id"),      text("category"),      text("name"),
                    text("path_template"),  text("scope"),         text("format"),
                    text("resolved_path"),  text("display_path"),  text("project_dir"),
                    integer("exists_flag"), text("type"),          integer("size_bytes"),
                    integer("mode"),        integer("uid"),        integer("gid"),
                    text("modified_time"),  text("sha256"),        nullable_text("content_hash"),
                    text("parse_error"),    text("error_message"), text("repo_path")},
                   {"scan_id", "seq"},
                   ""});
    all.push_back({"config_history",
                   {integer("id"), text("host"), text("config_path"), text("config_type"),
                    text("sha256"), nullable_text("content_hash"), text("changed_at"),
                    text("changed_by"), integer("scan_id")},
                   {"id"},
                   "id"});
    all.push_back({"inventory_items",
                   {integer("scan_id"), integer("seq"), integer("path_seq"), text("plugin"),
                    text("kind"), text("client"), text("scope"), text("name"), text("data_json"),
                    text("pointer"), integer("line"), integer("col")},
                   {"scan_id", "seq"},
                   ""});
    all.push_back({"findings",
                   {integer("scan_id"), integer("seq"), integer("path_seq"), text("plugin"),
                    text("rule_id"), text("severity"), integer("severity_rank"), text("message"),
                    text("pointer"), integer("line"), integer("col"), text("fingerprint"),
                    integer("suppressed"), text("suppression")},
                   {"scan_id", "seq"},
                   ""});
    all.push_back({"scan_rules",
                   {integer("scan_id"), text("rule_id"), text("plugin"), text("severity"),
                    text("title"), text("help"), text("help_uri")},
                   {"scan_id", "rule_id"},
                   ""});
    return all;
}

}  // namespace

const std::vector<TableSpec>& tables() {
    static const std::vector<TableSpec> all = make_tables();
    return all;
}

const TableSpec* find_table(const std::string& name) {
    for (const TableSpec& table : tables())
        if (table.name == name) return &table;
    return nullptr;
}

}  // namespace confscope::store::detail
