// confscope db init | migrate | status | backup FILE | restore FILE | prune --keep N | vacuum |
//              copy --to URL
//
// Operating a store: create it and apply migrations explicitly (a deploy step), see its schema
// version and sizes, take a portable backup and restore it into either backend, copy a whole store
// between backends, keep the newest scans per host and give space back.
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include <confscope/base/status.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"

namespace confscope::host {

namespace {

namespace fs = std::filesystem;

std::string human_bytes(std::int64_t bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(units)) {
        value /= 1024.0;
        ++unit;
    }
    std::ostringstream out;
    if (unit == 0) {
        out << bytes << " B";
    } else {
        out << std::fixed << std::setprecision(1) << value << ' ' << units[unit];
    }
    return out.str();
}

std::int64_t total_rows(const std::vector<store::TableRows>& tables) {
    std::int64_t total = 0;
    for (const store::TableRows& t : tables)
        total += t.rows;
    return total;
}

std::int64_t rows_of(const std::vector<store::TableRows>& tables, const std::string& name) {
    for (const store::TableRows& t : tables)
        if (t.table == name) return t.rows;
    return 0;
}

// Writes a file through a private temporary file beside it (mode 0600: a backup may hold file
// content) and a rename, so FILE is the old file or the whole new one, never half a backup.
template <typename Write>
Status write_through_temp(const std::string& path, Write&& write) {
    const fs::path target = fs::absolute(path);
    std::string temp =
        (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return Status::unavailable(path +
                                   ": cannot create a file beside it: " + std::strerror(errno));
    ::close(fd);
    Status status;
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        status = write(out);
        out.close();
        if (status && !out) status = Status::unavailable(path + ": writing failed (disk full?)");
    }
    if (status) {
        const int sync_fd = ::open(temp.c_str(), O_RDONLY);
        if (sync_fd >= 0) {
            ::fsync(sync_fd);
            ::close(sync_fd);
        }
        std::error_code ec;
        fs::rename(temp, target, ec);
        if (ec)
            status =
                Status::unavailable(path + ": cannot move the backup in place: " + ec.message());
    }
    if (!status) ::unlink(temp.c_str());
    return status;
}

void print_tables(std::ostream& out, const std::vector<store::TableRows>& tables) {
    Table table({"TABLE", "ROWS"});
    for (const store::TableRows& t : tables)
        table.add({t.table, std::to_string(t.rows)});
    table.print(out);
}

void write_backup_json(JsonWriter& w, const store::BackupSummary& b) {
    w.StartObject();
    json_field(w, "schema_version", b.schema_version);
    json_field(w, "created_at", b.created_at);
    json_field(w, "source", b.source);
    json_field(w, "sha256", b.sha256);
    json_field(w, "bytes", static_cast<long long>(b.bytes));
    json_string(w, "tables");
    w.StartObject();
    for (const store::TableRows& t : b.tables)
        json_field(w, t.table, t.rows);
    w.EndObject();
    w.EndObject();
}

int print_json(Context& context, const std::function<void(JsonWriter&)>& body) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    body(w);
    context.out().out() << buffer.GetString() << '\n';
    return exit_ok;
}

// -- the subcommands
// ---------------------------------------------------------------------------------

int init(Context& context, const Arguments& args) {
    CommandSpec spec;
    spec.usage = "confscope db init";
    spec.description =
        "Creates the store (the SQLite file, or the tables in a PostgreSQL database) and applies\n"
        "every migration. Safe to run again.";
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    store::StoreOptions options;
    options.migrate = false;
    auto store = context.open_store(options);
    if (!store) return context.fail(store.status());
    auto applied = (*store)->apply_migrations();
    if (!applied) return context.fail(applied.status());
    const int version = store::Store::latest_schema_version();
    if (context.options().json) {
        return print_json(context, [&](JsonWriter& w) {
            w.StartObject();
            json_field(w, "store", (*store)->url().display);
            json_field(w, "schema_version", version);
            json_field(w, "applied", static_cast<long long>(applied->size()));
            w.EndObject();
        });
    }
    context.out().out() << "Store " << (*store)->url().display << " is ready (schema version "
                        << version << (applied->empty() ? ", already initialized" : "") << ")\n";
    return exit_ok;
}

int migrate(Context& context, const Arguments& args) {
    CommandSpec spec;
    spec.usage = "confscope db migrate";
    spec.description =
        "Applies the migrations the store lacks, each in a transaction. Commands that write\n"
        "(scan, import, ...) do this on their own; commands that only read never do, and ask\n"
        "for this instead. Also for a deploy step or a role that may alter tables. A store newer\n"
        "than this confscope is refused.";
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    store::StoreOptions options;
    options.migrate = false;
    options.create = false;
    auto store = context.open_store(options);
    if (!store) return context.fail(store.status());
    auto applied = (*store)->apply_migrations();
    if (!applied) return context.fail(applied.status());
    if (context.options().json) {
        return print_json(context, [&](JsonWriter& w) {
            w.StartObject();
            json_field(w, "store", (*store)->url().display);
            json_field(w, "schema_version", store::Store::latest_schema_version());
            json_string(w, "applied");
            w.StartArray();
            for (const store::MigrationState& m : *applied) {
                w.StartObject();
                json_field(w, "version", m.version);
                json_field(w, "name", m.name);
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        });
    }
    std::ostream& out = context.out().out();
    if (applied->empty()) {
        out << "Store " << (*store)->url().display << " is up to date (schema version "
            << store::Store::latest_schema_version() << ")\n";
    }
    for (const store::MigrationState& m : *applied)
        out << "Applied migration " << m.version << ": " << m.name << '\n';
    return exit_ok;
}

// A damaged SQLite file: one error line naming the file and the fix (the status was printed).
bool damaged(Context& context, const store::StoreStatus& s) {
    if (s.integrity.empty() || s.integrity == "ok") return false;
    std::string first = s.integrity.substr(0, s.integrity.find('\n'));
    context.out().error("store " + s.display + " is damaged (PRAGMA quick_check: " + first +
                        "); nothing was written to it. Restore your newest backup into a new store "
                        "(confscope --db NEW.db "
                        "db restore BACKUP) and use that one, or salvage what is readable with "
                        "sqlite3 " +
                        s.display + " .recover");
    return true;
}

int status(Context& context, const Arguments& args) {
    CommandSpec spec;
    spec.usage = "confscope db status";
    spec.description =
        "Shows the store: backend, schema version and pending migrations, scans and hosts, rows\n"
        "per table, stored content and the size on disk; on SQLite also checks the file\n"
        "(PRAGMA quick_check) and exits 3 when it is damaged. Changes nothing, and waits for no\n"
        "scan being written.";
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    store::StoreOptions options;
    options.read_only = true;
    options.require_current_schema = false;
    auto store = context.open_store(options);
    if (!store) return context.fail(store.status());
    auto s = (*store)->status();
    if (!s) return context.fail(s.status());
    if (context.options().json) {
        print_json(context, [&](JsonWriter& w) {
            w.StartObject();
            json_field(w, "store", s->display);
            json_field(w, "backend", s->backend);
            json_field(w, "schema_version", s->schema_version);
            json_field(w, "latest_schema_version", s->latest_schema_version);
            json_string(w, "migrations");
            w.StartArray();
            for (const store::MigrationState& m : s->migrations) {
                w.StartObject();
                json_field(w, "version", m.version);
                json_field(w, "name", m.name);
                json_field(w, "applied_at", m.applied_at);
                w.EndObject();
            }
            w.EndArray();
            json_field(w, "scans", s->scans);
            json_field(w, "hosts", s->hosts);
            json_field(w, "first_scan_at", s->first_scan_at);
            json_field(w, "last_scan_at", s->last_scan_at);
            json_field(w, "content_blobs", s->content_blobs);
            json_field(w, "content_bytes", s->content_bytes);
            json_field(w, "size_bytes", s->size_bytes);
            json_field(w, "integrity", s->integrity);
            json_string(w, "tables");
            w.StartObject();
            for (const store::TableRows& t : s->tables)
                json_field(w, t.table, t.rows);
            w.EndObject();
            w.EndObject();
        });
        return damaged(context, *s) ? exit_runtime_error : exit_ok;
    }
    std::ostream& out = context.out().out();
    if (damaged(context, *s)) {
        out << "Store    " << s->display << " (" << s->backend << ")\n"
            << "Size     " << human_bytes(s->size_bytes) << " on disk\n"
            << "Check    DAMAGED (PRAGMA quick_check: " << s->integrity << ")\n";
        return exit_runtime_error;
    }
    int pending = 0;
    for (const store::MigrationState& m : s->migrations)
        pending += m.applied_at.empty() ? 1 : 0;
    out << "Store    " << s->display << " (" << s->backend << ")\n";
    out << "Schema   version " << s->schema_version << " of " << s->latest_schema_version;
    if (s->schema_version > s->latest_schema_version) {
        out << " (newer than this confscope: use a newer one)\n";
    } else if (pending > 0) {
        out << " (" << pending << " pending: run confscope db migrate)\n";
    } else {
        out << " (up to date)\n";
    }
    out << "Scans    " << s->scans << " from " << s->hosts << " host(s)";
    if (s->scans > 0) out << ", " << s->first_scan_at << " to " << s->last_scan_at;
    out << "\nContent  " << s->content_blobs << " file version(s), "
        << human_bytes(s->content_bytes) << "\nSize     " << human_bytes(s->size_bytes)
        << " on disk\n";
    if (!s->integrity.empty()) out << "Check    ok (PRAGMA quick_check)\n";
    if (!s->tables.empty() && !context.options().quiet) {
        out << '\n';
        print_tables(out, s->tables);
    }
    return exit_ok;
}

int backup(Context& context, const Arguments& args) {
    std::string file;
    CommandSpec spec;
    spec.usage = "confscope db backup FILE";
    spec.description =
        "Writes every row of the store to FILE in a portable format (JSON lines with per-table\n"
        "digests and a checksum) that `db restore` loads into SQLite or PostgreSQL. The backup is\n"
        "one consistent snapshot, taken while other scans may be stored; FILE is written through "
        "a\n"
        "temporary file (mode 0600) and a rename. '-' writes to stdout.";
    spec.options.add_options()("file", po::value(&file)->value_name("FILE"), "the backup file");
    spec.positional.add("file", 1);
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    if (file.empty()) {
        context.out().error("db backup needs a FILE (usage: " + spec.usage + ")");
        return exit_usage;
    }
    auto store = context.open_store_for_reading();
    if (!store) return context.fail(store.status());
    store::BackupSummary summary;
    Status written;
    if (file == "-") {
        auto result = (*store)->backup(context.out().out());
        if (result) summary = *result;
        written = result.status();
    } else {
        written = write_through_temp(file, [&](std::ostream& out) -> Status {
            auto result = (*store)->backup(out);
            if (result) summary = *result;
            return result.status();
        });
    }
    if (!written) return context.fail(written);
    if (file == "-") return exit_ok;
    if (context.options().json) {
        return print_json(context, [&](JsonWriter& w) { write_backup_json(w, summary); });
    }
    context.out().out() << "Backed up " << rows_of(summary.tables, "scans") << " scan(s) ("
                        << total_rows(summary.tables) << " rows in " << summary.tables.size()
                        << " tables, schema version " << summary.schema_version << ") to " << file
                        << " (" << human_bytes(static_cast<std::int64_t>(summary.bytes))
                        << ", sha256 " << summary.sha256.substr(0, 16) << "...)\n";
    return exit_ok;
}

int report_restore(Context& context, const store::BackupSummary& summary, const std::string& what) {
    if (context.options().json) {
        return print_json(context, [&](JsonWriter& w) { write_backup_json(w, summary); });
    }
    context.out().out() << what << " " << rows_of(summary.tables, "scans") << " scan(s) ("
                        << total_rows(summary.tables)
                        << " rows, every table verified) into the store\n";
    return exit_ok;
}

int restore(Context& context, const Arguments& args) {
    std::string file;
    bool replace = false;
    CommandSpec spec;
    spec.usage = "confscope db restore FILE [--replace]";
    spec.description =
        "Loads a backup written by `db backup` (from either backend) into the store, in one\n"
        "transaction: the whole file is checked first (format, schema version, checksum), and\n"
        "every table is compared with the backup before the restore commits. The store must hold\n"
        "no scans, unless --replace, which deletes them in the same transaction.";
    spec.options.add_options()("file", po::value(&file)->value_name("FILE"), "the backup file")(
        "replace", po::bool_switch(&replace), "replace what the store holds");
    spec.positional.add("file", 1);
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    if (file.empty()) {
        context.out().error("db restore needs a FILE (usage: " + spec.usage + ")");
        return exit_usage;
    }
    auto store = context.open_store();
    if (!store) return context.fail(store.status());
    auto summary = (*store)->restore(file, replace);
    if (!summary) return context.fail(summary.status());
    return report_restore(context, *summary, "Restored");
}

int copy(Context& context, const Arguments& args) {
    std::string to;
    bool replace = false;
    CommandSpec spec;
    spec.usage = "confscope db copy --to URL [--replace]";
    spec.description =
        "Copies the whole store (--db) into another one, of either backend: a backup into a\n"
        "private temporary file, restored and verified at URL. URL must hold no scans, unless\n"
        "--replace.";
    spec.options.add_options()("to", po::value(&to)->value_name("URL"),
                               "the destination store: an SQLite file or postgresql://...")(
        "replace", po::bool_switch(&replace), "replace what the destination holds");
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    if (to.empty()) {
        context.out().error("db copy needs --to URL (usage: " + spec.usage + ")");
        return exit_usage;
    }
    auto to_url = store::parse_store_url(to, context.env());
    if (!to_url) return context.fail(to_url.status());
    auto from = context.open_store_for_reading();
    if (!from) return context.fail(from.status());
    if (to_url->display == (*from)->url().display) {
        context.out().error("db copy: --to names the store being copied (" + to_url->display + ")");
        return exit_usage;
    }
    store::StoreOptions options;
    options.retries = context.options().db_retries;
    auto destination = store::Store::open(*to_url, options);
    if (!destination) return context.fail(destination.status());

    char temp[] = "/tmp/confscope-copy.XXXXXX";
    const int fd = ::mkstemp(temp);  // mode 0600
    if (fd < 0) {
        context.out().error(std::string("db copy: cannot create a temporary file: ") +
                            std::strerror(errno));
        return exit_runtime_error;
    }
    ::close(fd);
    struct Remove {
        const char* path;
        ~Remove() { ::unlink(path); }
    } remove_temp{temp};
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        auto taken = (*from)->backup(out);
        out.close();
        if (!taken) return context.fail(taken.status());
        if (!out) {
            context.out().error(std::string("db copy: writing ") + temp + " failed (disk full?)");
            return exit_runtime_error;
        }
    }
    auto summary = (*destination)->restore(temp, replace);
    if (!summary) return context.fail(summary.status());
    return report_restore(context, *summary, "Copied");
}

int prune(Context& context, const Arguments& args) {
    std::size_t keep = 0;
    bool dry_run = false;
    CommandSpec spec;
    spec.usage = "confscope db prune --keep N [--dry-run]";
    spec.description =
        "Keeps the newest N scans of every host and deletes the older ones (their files,\n"
        "inventory, findings and history), then the stored content no remaining scan refers to.\n"
        "One transaction. Run `db vacuum` afterwards to give the space back to the system.";
    spec.options.add_options()("keep", po::value(&keep)->value_name("N"),
                               "scans to keep per host (at least 1)")(
        "dry-run,n", po::bool_switch(&dry_run), "report what would be deleted; delete nothing");
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    if (vm.count("keep") == 0U || keep == 0) {
        context.out().error("db prune needs --keep N with N at least 1 (usage: " + spec.usage +
                            ")");
        return exit_usage;
    }
    auto store = context.open_store();
    if (!store) return context.fail(store.status());
    auto report = (*store)->prune(keep, dry_run);
    if (!report) return context.fail(report.status());
    if (context.options().json) {
        return print_json(context, [&](JsonWriter& w) {
            w.StartObject();
            json_string(w, "dry_run");
            w.Bool(dry_run);
            json_field(w, "scans_removed", report->scans_removed);
            json_field(w, "scans_kept", report->scans_kept);
            json_field(w, "contents_removed", report->contents_removed);
            json_field(w, "content_bytes_removed", report->content_bytes_removed);
            json_field(w, "versions_removed", report->versions_removed);
            json_string(w, "hosts");
            w.StartObject();
            for (const auto& [host, n] : report->removed_per_host)
                json_field(w, host, n);
            w.EndObject();
            w.EndObject();
        });
    }
    std::ostream& out = context.out().out();
    out << (dry_run ? "Would remove " : "Removed ") << report->scans_removed << " scan(s)";
    if (!report->removed_per_host.empty()) {
        out << " (";
        bool first = true;
        for (const auto& [host, n] : report->removed_per_host) {
            out << (first ? "" : ", ") << host << ": " << n;
            first = false;
        }
        out << ")";
    }
    out << ", " << report->versions_removed << " file version(s) no kept scan saw and "
        << report->contents_removed << " stored content(s) ("
        << human_bytes(report->content_bytes_removed) << "); " << report->scans_kept
        << " scan(s) kept\n";
    return exit_ok;
}

int vacuum(Context& context, const Arguments& args) {
    CommandSpec spec;
    spec.usage = "confscope db vacuum";
    spec.description =
        "Gives free space back to the system (SQLite: checkpoint the WAL and VACUUM;\n"
        "PostgreSQL: VACUUM ANALYZE) and prints the size before and after.";
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    auto store = context.open_store();
    if (!store) return context.fail(store.status());
    auto sizes = (*store)->vacuum();
    if (!sizes) return context.fail(sizes.status());
    if (context.options().json) {
        return print_json(context, [&](JsonWriter& w) {
            w.StartObject();
            json_field(w, "size_before", sizes->first);
            json_field(w, "size_after", sizes->second);
            w.EndObject();
        });
    }
    context.out().out() << "Vacuumed " << (*store)->url().display << ": "
                        << human_bytes(sizes->first) << " before, " << human_bytes(sizes->second)
                        << " after\n";
    return exit_ok;
}

struct Subcommand {
    const char* name;
    const char* summary;
    int (*run)(Context&, const Arguments&);
};

constexpr Subcommand kSubcommands[] = {
    {"init", "create the store and apply every migration", &init},
    {"migrate", "apply pending migrations", &migrate},
    {"status", "schema version, pending migrations, scans, hosts, rows and sizes", &status},
    {"backup", "write a portable, verified backup FILE", &backup},
    {"restore", "load a backup FILE (from either backend) and verify it", &restore},
    {"copy", "copy the whole store into another (--to URL), of either backend", &copy},
    {"prune", "keep the newest N scans per host (--keep N), drop unreferenced content", &prune},
    {"vacuum", "give free space back to the system", &vacuum},
};

}  // namespace

int run_db_command(Context& context, const Arguments& args) {
    const std::string usage =
        "confscope db init | migrate | status | backup FILE | restore FILE | copy --to URL | "
        "prune --keep N | vacuum";
    if (args.empty() || args.front() == "--help" || args.front() == "-h") {
        std::ostream& os = args.empty() ? context.out().err() : context.out().out();
        os << "Usage: " << usage
           << "\n\nThe store is --db (else $CONFSCOPE_DB, else the default "
              "SQLite file).\n\n";
        for (const Subcommand& s : kSubcommands)
            os << "  " << s.name << std::string(10 - std::string_view(s.name).size(), ' ')
               << s.summary << '\n';
        os << "\nRun 'confscope db <subcommand> --help' for its options.\n";
        return args.empty() ? exit_usage : exit_ok;
    }
    const Arguments rest(args.begin() + 1, args.end());
    for (const Subcommand& s : kSubcommands)
        if (args.front() == s.name) return s.run(context, rest);
    context.out().error("unknown subcommand 'db " + args.front() + "' (usage: " + usage + ")");
    return exit_usage;
}

}  // namespace confscope::host
