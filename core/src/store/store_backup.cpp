// The portable backup format and `db backup` / `db restore` (and so `db copy`).
//
// A backup is JSON lines, the same on both backends:
//   {"format":"confscope-backup","version":1,"schema_version":4,"created_at":...,"source":...}
//   {"table":"scans","columns":["id","uuid",...]}
//   [1,"6f1c...",...]                     one array per row, in primary-key order
//   ...                                    every table, parents before children
//   {"end":{"tables":{"scans":{"rows":N,"sha256":...},...},"sha256":...}}
// The trailer's sha256 covers every byte before it; each table's covers its row lines. Row lines
// are canonical (the JSON writer, integers as integers, NULL as null), so a restore can re-read
// what it wrote and compare digests before it commits.
#include <fstream>
#include <map>
#include <memory>
#include <ostream>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <soci/soci.h>

#include <confscope/base/json_depth.hpp>
#include <confscope/base/time.hpp>
#include <confscope/io/sha256.hpp>
#include <confscope/store/store.hpp>
#include <confscope/version.hpp>

#include "bulk_write.hpp"
#include "row_reader.hpp"
#include "store_retry.hpp"
#include "table_catalog.hpp"
#include "text_upgrade.hpp"

namespace confscope::store {

namespace {

constexpr const char* kFormat = "confscope-backup";
constexpr int kFormatVersion = 1;

using io::Sha256;

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// The SELECT that lists a table's rows in dump order: by primary key, text compared byte-wise on
// both backends.
std::string dump_query(const detail::TableSpec& table, const std::vector<std::string>& columns,
                       Backend backend) {
    std::string list;
    for (const std::string& column : columns)
        list += (list.empty() ? "" : ", ") + column;
    std::string order;
    for (const std::string& key : table.key) {
        bool text = false;
        for (const detail::ColumnSpec& c : table.columns)
            text = text || (c.name == key && c.type == detail::ColumnType::text);
        order += (order.empty() ? "" : ", ") + key +
                 (text ? (backend == Backend::sqlite ? " COLLATE BINARY" : " COLLATE \"C\"") : "");
    }
    return "SELECT " + list + " FROM " + table.name + " ORDER BY " + order;
}

const detail::ColumnSpec& column_spec(const detail::TableSpec& table, const std::string& name) {
    for (const detail::ColumnSpec& c : table.columns)
        if (c.name == name) return c;
    throw std::logic_error("no column " + name + " in " + table.name);
}

// One row as its canonical line (without the newline).
std::string row_line(const soci::row& row, const detail::TableSpec& table,
                     const std::vector<std::string>& columns) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartArray();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (detail::is_null(row, i)) {
            w.Null();
            continue;
        }
        switch (column_spec(table, columns[i]).type) {
            case detail::ColumnType::integer:
                w.Int64(detail::integer(row, i));
                break;
            case detail::ColumnType::real:
                w.Double(detail::real(row, i));
                break;
            case detail::ColumnType::text: {
                const std::string text = detail::text(row, i);
                w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
                break;
            }
        }
    }
    w.EndArray();
    return {buffer.GetString(), buffer.GetSize()};
}

struct TableDigest {
    std::int64_t rows = 0;
    std::string sha256;
};

// Reads every row of `table` (these columns) in dump order, handing each line to `line`.
template <typename Line>
TableDigest walk_table(soci::session& sql, Backend backend, const detail::TableSpec& table,
                       const std::vector<std::string>& columns, Line&& line) {
    Sha256 digest;
    TableDigest result;
    soci::rowset<soci::row> rows = (sql.prepare << dump_query(table, columns, backend));
    for (const soci::row& row : rows) {
        std::string text = row_line(row, table, columns);
        text.push_back('\n');
        digest.update(text);
        ++result.rows;
        line(text);
    }
    result.sha256 = digest.hex();
    return result;
}

std::vector<std::string> column_names(const detail::TableSpec& table) {
    std::vector<std::string> names;
    for (const detail::ColumnSpec& c : table.columns)
        names.push_back(c.name);
    return names;
}

// -- reading a backup file
// -------------------------------------------------------------------------

struct TableSection {
    std::size_t line = 0;  ///< the table line's number: the load starts each section there
    const detail::TableSpec* table = nullptr;
    std::vector<std::string> columns;
    std::int64_t rows = 0;
    std::string sha256;
};

struct CheckedBackup {
    BackupSummary summary;
    std::vector<TableSection> sections;
};

Status bad_backup(const std::string& file, std::size_t line, const std::string& why) {
    return Status::invalid_argument("backup " + file + ", line " + std::to_string(line) + ": " +
                                    why);
}

// The whole file, checked before anything is written: format, version, schema, every line's
// shape, the counts and digests in the trailer, and the SHA-256 of the body.
Result<CheckedBackup> check_backup(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::not_found("backup " + file + ": cannot open it");
    {
        // A file that does not end with a newline was cut short while being written or copied.
        std::ifstream tail(file, std::ios::binary | std::ios::ate);
        const auto size = static_cast<std::streamoff>(tail.tellg());
        if (size > 0) {
            tail.seekg(size - 1);
            if (tail.get() != '\n')
                return Status::invalid_argument(
                    "backup " + file +
                    ": the file ends in the middle of a line: the backup was cut short; take it "
                    "again");
        }
    }
    CheckedBackup checked;
    Sha256 body;
    Sha256 table_digest;
    std::string line;
    std::size_t number = 0;
    bool ended = false;
    rapidjson::Document trailer;
    const auto close_section = [&] {
        if (!checked.sections.empty()) checked.sections.back().sha256 = table_digest.hex();
        table_digest = Sha256();
    };
    while (std::getline(in, line)) {
        ++number;
        checked.summary.bytes += line.size() + 1;
        if (ended) return bad_backup(file, number, "text after the end line");
        if (json_too_deep(line))
            return bad_backup(file, number, "nests deeper than 512 levels (the file is damaged)");
        if (number == 1) {
            rapidjson::Document header;
            header.Parse(line.c_str(), line.size());
            if (header.HasParseError() || !header.IsObject() || !header.HasMember("format") ||
                !header["format"].IsString() ||
                header["format"].GetString() != std::string(kFormat))
                return bad_backup(file, number,
                                  "not a confscope backup (write one with confscope db backup)");
            if (!header.HasMember("version") || !header["version"].IsInt() ||
                header["version"].GetInt() != kFormatVersion)
                return bad_backup(
                    file, number,
                    "backup format version " +
                        std::string(header.HasMember("version") && header["version"].IsInt()
                                        ? std::to_string(header["version"].GetInt())
                                        : "?") +
                        " is not 1: use the confscope that wrote it");
            if (!header.HasMember("schema_version") || !header["schema_version"].IsInt())
                return bad_backup(file, number, "the header has no schema_version");
            checked.summary.schema_version = header["schema_version"].GetInt();
            if (checked.summary.schema_version > Store::latest_schema_version())
                return bad_backup(file, number,
                                  "schema version " +
                                      std::to_string(checked.summary.schema_version) +
                                      " is newer than this confscope knows (" +
                                      std::to_string(Store::latest_schema_version()) +
                                      "): restore with a newer confscope");
            if (header.HasMember("created_at") && header["created_at"].IsString())
                checked.summary.created_at = header["created_at"].GetString();
            if (header.HasMember("source") && header["source"].IsString())
                checked.summary.source = header["source"].GetString();
            body.update(line + "\n");
            continue;
        }
        if (!line.empty() && line[0] == '[') {
            if (checked.sections.empty())
                return bad_backup(file, number, "a row before any table line");
            rapidjson::Document row;
            row.Parse<rapidjson::kParseFullPrecisionFlag>(line.c_str(), line.size());
            if (row.HasParseError() || !row.IsArray() ||
                row.Size() != checked.sections.back().columns.size())
                return bad_backup(file, number,
                                  "a row that is not an array of " +
                                      std::to_string(checked.sections.back().columns.size()) +
                                      " values");
            ++checked.sections.back().rows;
            table_digest.update(line + "\n");
            body.update(line + "\n");
            continue;
        }
        rapidjson::Document object;
        object.Parse(line.c_str(), line.size());
        if (object.HasParseError() || !object.IsObject())
            return bad_backup(file, number, "not a JSON line of a backup (the file is damaged)");
        if (object.HasMember("table")) {
            close_section();
            if (!object["table"].IsString() || !object.HasMember("columns") ||
                !object["columns"].IsArray())
                return bad_backup(file, number, "a table line needs \"table\" and \"columns\"");
            TableSection section;
            section.line = number;
            section.table = detail::find_table(object["table"].GetString());
            if (section.table == nullptr)
                return bad_backup(file, number,
                                  std::string("unknown table ") + object["table"].GetString());
            for (const auto& column : object["columns"].GetArray()) {
                const std::string name = column.IsString() ? column.GetString() : "";
                bool known = false;
                for (const detail::ColumnSpec& c : section.table->columns)
                    known = known || c.name == name;
                if (!known)
                    return bad_backup(file, number,
                                      "unknown column '" + name + "' in " + section.table->name);
                section.columns.push_back(name);
            }
            checked.sections.push_back(std::move(section));
            body.update(line + "\n");
            continue;
        }
        if (object.HasMember("end")) {
            close_section();
            trailer.CopyFrom(object, trailer.GetAllocator());
            ended = true;
            continue;
        }
        return bad_backup(file, number, "not a JSON line of a backup (the file is damaged)");
    }
    if (number == 0) return bad_backup(file, 1, "the file is empty");
    if (!ended)
        return bad_backup(file, number,
                          "the end line is missing: the backup was cut short; take it again");
    const rapidjson::Value& end = trailer["end"];
    checked.summary.sha256 = body.hex();
    if (!end.IsObject() || !end.HasMember("sha256") || !end["sha256"].IsString() ||
        end["sha256"].GetString() != checked.summary.sha256)
        return bad_backup(file, number,
                          "the checksum does not match: the file was changed or damaged after it "
                          "was written");
    if (!end.HasMember("tables") || !end["tables"].IsObject())
        return bad_backup(file, number, "the end line has no table counts");
    for (const TableSection& section : checked.sections) {
        const auto it = end["tables"].FindMember(section.table->name.c_str());
        if (it == end["tables"].MemberEnd() || !it->value.IsObject() ||
            !it->value.HasMember("rows") || !it->value["rows"].IsInt64() ||
            it->value["rows"].GetInt64() != section.rows || !it->value.HasMember("sha256") ||
            !it->value["sha256"].IsString() || it->value["sha256"].GetString() != section.sha256)
            return bad_backup(
                file, number,
                "table " + section.table->name + " does not hold the rows the end line lists");
        checked.summary.tables.push_back({section.table->name, section.rows});
    }
    return checked;
}

detail::Value cell_of(const rapidjson::Value& value, detail::ColumnType type) {
    if (value.IsNull()) return std::monostate{};
    switch (type) {
        case detail::ColumnType::integer:
            if (value.IsInt64()) return value.GetInt64();
            break;
        case detail::ColumnType::real:
            if (value.IsNumber()) return value.GetDouble();
            break;
        case detail::ColumnType::text:
            if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
            break;
    }
    throw std::invalid_argument("a value of the wrong type");
}

// A row of cells as its canonical line (without the newline), as row_line writes a stored row.
std::string values_line(const std::vector<detail::Value>& cells) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartArray();
    for (const detail::Value& cell : cells) {
        if (const auto* i = std::get_if<std::int64_t>(&cell)) {
            w.Int64(*i);
        } else if (const auto* d = std::get_if<double>(&cell)) {
            w.Double(*d);
        } else if (const auto* t = std::get_if<std::string>(&cell)) {
            w.String(t->data(), static_cast<rapidjson::SizeType>(t->size()));
        } else {
            w.Null();
        }
    }
    w.EndArray();
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace

Result<BackupSummary> Store::backup(std::ostream& out) {
    BackupSummary summary;
    CONFSCOPE_TRY(retrying("backup", [&](soci::session& sql, int) {
        summary = BackupSummary{};
        // One snapshot for every table, while other processes go on storing scans.
        sql << (url_.backend == Backend::sqlite
                    ? "BEGIN"
                    : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        try {
            Sha256 body;
            const auto emit = [&](const std::string& line) {
                out << line;
                body.update(line);
                summary.bytes += line.size();
            };
            summary.schema_version = *current_version(sql);
            summary.created_at = now_rfc3339();
            summary.source = url_.backend == Backend::sqlite ? "sqlite" : "postgresql";
            {
                rapidjson::StringBuffer buffer;
                Writer w(buffer);
                w.StartObject();
                w.Key("format");
                w.String(kFormat);
                w.Key("version");
                w.Int(kFormatVersion);
                w.Key("schema_version");
                w.Int(summary.schema_version);
                w.Key("created_at");
                w.String(summary.created_at.c_str());
                w.Key("source");
                w.String(summary.source.c_str());
                w.Key("tool_version");
                w.String(CONFSCOPE_VERSION);
                w.EndObject();
                emit(std::string(buffer.GetString()) + "\n");
            }
            std::map<std::string, TableDigest> digests;
            for (const detail::TableSpec& table : detail::tables()) {
                const std::vector<std::string> columns = column_names(table);
                rapidjson::StringBuffer buffer;
                Writer w(buffer);
                w.StartObject();
                w.Key("table");
                w.String(table.name.c_str());
                w.Key("columns");
                w.StartArray();
                for (const std::string& c : columns)
                    w.String(c.c_str());
                w.EndArray();
                w.EndObject();
                emit(std::string(buffer.GetString()) + "\n");
                digests[table.name] = walk_table(sql, url_.backend, table, columns, emit);
                summary.tables.push_back({table.name, digests[table.name].rows});
            }
            summary.sha256 = body.hex();
            rapidjson::StringBuffer buffer;
            Writer w(buffer);
            w.StartObject();
            w.Key("end");
            w.StartObject();
            w.Key("tables");
            w.StartObject();
            for (const auto& [name, digest] : digests) {
                w.Key(name.c_str());
                w.StartObject();
                w.Key("rows");
                w.Int64(digest.rows);
                w.Key("sha256");
                w.String(digest.sha256.c_str());
                w.EndObject();
            }
            w.EndObject();
            w.Key("sha256");
            w.String(summary.sha256.c_str());
            w.EndObject();
            w.EndObject();
            out << buffer.GetString() << '\n';
            summary.bytes += buffer.GetSize() + 1;
            out.flush();
            if (!out) throw std::runtime_error("writing the backup failed");
            sql << "COMMIT";
        } catch (...) {
            try {
                sql << "ROLLBACK";
            } catch (...) {
            }
            throw;
        }
    }));
    return summary;
}

Result<BackupSummary> Store::restore(const std::string& backup_file, bool replace) {
    CONFSCOPE_ASSIGN_OR_RETURN(CheckedBackup checked, check_backup(backup_file));
    Status refused;
    CONFSCOPE_TRY(write_transaction("restoring " + backup_file, [&](soci::session& sql, int) {
        long long scans = 0;
        sql << "SELECT COUNT(*) FROM scans", soci::into(scans);
        if (scans > 0 && !replace) {
            refused = Status::failed_precondition(
                "store " + url_.display + " already holds " + std::to_string(scans) +
                " scan(s): restore into an empty store, or pass --replace to delete them first");
            return;
        }
        for (auto table = detail::tables().rbegin(); table != detail::tables().rend(); ++table)
            sql << "DELETE FROM " + table->name;

        // Second pass over the file, now known to be whole: load each table in batches.
        std::ifstream in(backup_file, std::ios::binary);
        std::string line;
        std::getline(in, line);  // the header
        std::size_t section = 0;
        std::unique_ptr<detail::RowBatch> batch;
        std::size_t batch_bytes = 0;
        const auto flush = [&] {
            if (batch) detail::insert_rows(sql, url_.backend, *batch);
            if (batch) batch->clear();
            batch_bytes = 0;
        };
        std::vector<detail::ColumnType> types;
        // A backup of a schema before version 5 may hold text that is not UTF-8 and unescaped
        // paths: its rows are loaded as migration 5 would have left them, and each table is
        // then compared with the rows as loaded (the file itself was checked above).
        const bool upgrade = checked.summary.schema_version < detail::kEscapedTextVersion;
        std::vector<detail::TextKind> kinds;
        std::vector<std::string> loaded(checked.sections.size());  // digests of the rows loaded
        Sha256 loaded_digest;
        std::vector<detail::Value> cells;
        // Sections start at the lines the check found (by number): the load never decides again
        // what a line is, so it cannot disagree with the check (a table line the check parsed
        // as JSON, such as {"columns":[...],"table":"scans"}, is a table line here too).
        std::size_t number = 1;
        while (std::getline(in, line)) {
            ++number;
            if (section < checked.sections.size() && checked.sections[section].line == number) {
                flush();
                if (section > 0) loaded[section - 1] = loaded_digest.hex();
                loaded_digest = Sha256();
                const TableSection& s = checked.sections[section++];
                batch = std::make_unique<detail::RowBatch>(s.table->name, s.columns);
                types.clear();
                kinds.clear();
                for (const std::string& c : s.columns) {
                    types.push_back(column_spec(*s.table, c).type);
                    kinds.push_back(detail::text_kind(s.table->name, c));
                }
                continue;
            }
            if (batch && !line.empty() && line[0] == '[') {
                rapidjson::Document row;
                row.Parse<rapidjson::kParseFullPrecisionFlag>(line.c_str(), line.size());
                cells.clear();
                for (rapidjson::SizeType i = 0; i < row.Size(); ++i) {
                    cells.push_back(cell_of(row[i], types[i]));
                    if (auto* text = std::get_if<std::string>(&cells.back()); text && upgrade)
                        *text = detail::upgrade_text(kinds[i], *text);
                }
                if (upgrade) loaded_digest.update(values_line(cells) + "\n");
                for (detail::Value& cell : cells)
                    batch->put(std::move(cell));
                batch_bytes += line.size();
                if (batch_bytes > (32U << 20) || batch->rows() >= 20000) flush();
                continue;
            }
        }
        flush();
        if (section > 0) loaded[section - 1] = loaded_digest.hex();
        if (url_.backend == Backend::postgresql) {
            for (const detail::TableSpec& table : detail::tables()) {
                if (table.serial.empty()) continue;
                long long next = 0;
                sql << "SELECT setval(pg_get_serial_sequence('" + table.name + "', '" +
                           table.serial + "'), COALESCE(MAX(" + table.serial +
                           "), 0) + 1, false) FROM " + table.name,
                    soci::into(next);
            }
        }
        // Verify before committing: every table holds exactly the rows of the backup.
        for (std::size_t i = 0; i < checked.sections.size(); ++i) {
            const TableSection& s = checked.sections[i];
            const TableDigest digest =
                walk_table(sql, url_.backend, *s.table, s.columns, [](const std::string&) {});
            if (digest.rows != s.rows || digest.sha256 != (upgrade ? loaded[i] : s.sha256)) {
                throw std::runtime_error("verification failed: table " + s.table->name + " holds " +
                                         std::to_string(digest.rows) + " rows after the restore, " +
                                         "not the " + std::to_string(s.rows) +
                                         " of the backup (nothing was restored)");
            }
        }
    }));
    if (!refused.is_ok()) return refused;
    return checked.summary;
}

}  // namespace confscope::store
