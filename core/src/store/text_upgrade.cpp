#include "text_upgrade.hpp"

#include <map>
#include <set>
#include <utility>
#include <vector>

#include <rapidjson/document.h>
#include <soci/soci.h>

#include <confscope/sdk/json.hpp>
#include <confscope/store/stored_text.hpp>

#include "row_reader.hpp"
#include "table_catalog.hpp"

namespace confscope::store::detail {

namespace {

// The columns that hold a file system path (or a path relative to a root).
const std::set<std::pair<std::string_view, std::string_view>>& path_columns() {
    static const std::set<std::pair<std::string_view, std::string_view>> columns = {
        {"scans", "home"},
        {"scans", "system_root"},
        {"env_vars", "resolved_path"},
        {"scan_plugins", "library_path"},
        {"paths", "resolved_path"},
        {"paths", "display_path"},
        {"paths", "project_dir"},
        {"paths", "repo_path"},
        {"config_history", "config_path"},
    };
    return columns;
}

// The text columns `table` really has (a table of an older schema may lack some).
std::vector<std::string> existing_text_columns(soci::session& sql, Backend backend,
                                               const TableSpec& table) {
    std::set<std::string> present;
    if (backend == Backend::sqlite) {
        soci::rowset<std::string> rows =
            (sql.prepare << "SELECT name FROM pragma_table_info('" + table.name + "')");
        for (const std::string& name : rows)
            present.insert(name);
    } else {
        soci::rowset<std::string> rows =
            (sql.prepare << "SELECT column_name FROM information_schema.columns WHERE "
                            "table_schema = current_schema() AND table_name = '" +
                                table.name + "'");
        for (const std::string& name : rows)
            present.insert(name);
    }
    std::vector<std::string> columns;
    for (const ColumnSpec& c : table.columns)
        if (c.type == ColumnType::text && present.contains(c.name)) columns.push_back(c.name);
    return columns;
}

// SQLite keeps any bytes: every text of every row is looked at, and the rows that change are
// rewritten by rowid.
void upgrade_sqlite(soci::session& sql) {
    for (const TableSpec& table : tables()) {
        const std::vector<std::string> columns = existing_text_columns(sql, Backend::sqlite, table);
        if (columns.empty()) continue;
        std::vector<TextKind> kinds;
        std::string list;
        for (const std::string& c : columns) {
            kinds.push_back(text_kind(table.name, c));
            list += ", " + c;
        }
        std::vector<std::pair<long long, std::vector<std::optional<std::string>>>> changed;
        {
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT rowid" + list + " FROM " + table.name);
            for (const soci::row& row : rows) {
                std::vector<std::optional<std::string>> values;
                bool differs = false;
                for (std::size_t i = 0; i < columns.size(); ++i) {
                    if (is_null(row, i + 1)) {
                        values.emplace_back();
                        continue;
                    }
                    const std::string before = text(row, i + 1);
                    std::string after = upgrade_text(kinds[i], before);
                    differs = differs || after != before;
                    values.emplace_back(std::move(after));
                }
                if (differs) changed.emplace_back(integer(row, 0), std::move(values));
            }
        }
        if (changed.empty()) continue;
        std::string assignments;
        for (std::size_t i = 0; i < columns.size(); ++i)
            assignments += (i == 0 ? "" : ", ") + columns[i] + " = :v" + std::to_string(i);
        const std::string update =
            "UPDATE " + table.name + " SET " + assignments + " WHERE rowid = :rowid";
        for (auto& [rowid, values] : changed) {
            std::vector<soci::indicator> indicators(values.size());
            std::vector<std::string> texts(values.size());
            for (std::size_t i = 0; i < values.size(); ++i) {
                indicators[i] = values[i] ? soci::i_ok : soci::i_null;
                if (values[i]) texts[i] = *values[i];
            }
            soci::statement st(sql);
            for (std::size_t i = 0; i < values.size(); ++i)
                st.exchange(soci::use(texts[i], indicators[i]));
            st.exchange(soci::use(rowid));
            st.alloc();
            st.prepare(update);
            st.define_and_bind();
            st.execute(true);
        }
    }
}

// PostgreSQL never accepted invalid text, so only backslashes in paths change.
void upgrade_postgresql(soci::session& sql) {
    for (const auto& [table, column] : path_columns()) {
        const std::string c(column);
        sql << "UPDATE " + std::string(table) + " SET " + c + " = replace(" + c +
                   ", E'\\\\', E'\\\\\\\\') WHERE strpos(" + c + ", E'\\\\') > 0";
    }
    std::vector<std::pair<long long, std::string>> changed;
    {
        soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, roots_json FROM scans");
        for (const soci::row& row : rows) {
            const std::string before = text(row, 1);
            std::string after = upgrade_text(TextKind::roots_json, before);
            if (after != before) changed.emplace_back(integer(row, 0), std::move(after));
        }
    }
    for (auto& [id, roots] : changed)
        sql << "UPDATE scans SET roots_json = :r WHERE id = :id", soci::use(roots), soci::use(id);
}

}  // namespace

TextKind text_kind(std::string_view table, std::string_view column) {
    if (path_columns().contains({table, column})) return TextKind::path;
    if (table == "scans" && column == "roots_json") return TextKind::roots_json;
    if (table == "inventory_items" && column == "data_json") return TextKind::json;
    return TextKind::plain;
}

std::string upgrade_text(TextKind kind, std::string_view value) {
    switch (kind) {
        case TextKind::path:
            return escape_path(value);
        case TextKind::json:
            return sanitize_json(value);
        case TextKind::roots_json: {
            rapidjson::Document doc;
            doc.Parse(value.data(), value.size());
            if (doc.HasParseError() || !doc.IsArray()) return sanitize_json(value);
            sdk::JsonArray roots;
            for (const rapidjson::Value& v : doc.GetArray()) {
                if (!v.IsString()) return sanitize_json(value);
                roots.push(escape_path(std::string_view(v.GetString(), v.GetStringLength())));
            }
            return roots.dump();
        }
        case TextKind::plain:
            break;
    }
    return sanitize_text(value);
}

void upgrade_stored_text(soci::session& sql, Backend backend) {
    if (backend == Backend::sqlite) {
        upgrade_sqlite(sql);
    } else {
        upgrade_postgresql(sql);
    }
}

}  // namespace confscope::store::detail
