#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <confscope/base/time.hpp>
#include <confscope/sdk/json.hpp>
#include <confscope/store/store.hpp>

#include "migrations.hpp"
#include "row_reader.hpp"

namespace confscope::store {

namespace {

// A driver message on one line: SOCI puts libpq's reason on the lines after its own summary.
std::string one_line(const std::string& text) {
    std::string line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string part = text.substr(start, end - start);
        while (!part.empty() && (part.back() == ' ' || part.back() == '\r' || part.back() == '\t'))
            part.pop_back();
        while (!part.empty() && (part.front() == ' ' || part.front() == '\t'))
            part.erase(part.begin());
        if (!part.empty()) line += (line.empty() ? "" : line.back() == '.' ? " " : "; ") + part;
        start = end + 1;
    }
    return line;
}

std::string type_of(const scan::FileRecord& f) {
    if (f.category == "unreadable") return "folder";
    if (!f.exists) return "";
    return f.is_symlink ? "symlink" : "file";
}

// Runs one prepared INSERT for all rows at once (SOCI vector binding). `bind` adds the use()
// clauses to the prepared statement.
template <typename Bind>
void bulk_insert(soci::session& sql, const std::string& query, std::size_t rows, Bind&& bind) {
    if (rows == 0) return;  // SOCI refuses empty vectors
    soci::statement statement(sql);
    bind(statement);
    statement.alloc();
    statement.prepare(query);
    statement.define_and_bind();
    statement.execute(true);
}

}  // namespace

Store::Store(StoreUrl url, std::unique_ptr<soci::session> session)
    : url_(std::move(url)), session_(std::move(session)) {}

Store::~Store() = default;

int Store::latest_schema_version() {
    return detail::migrations(Backend::sqlite).back().version;
}

Status Store::failure(const char* what, const std::exception& e) const {
    return Status::unavailable("store " + url_.display + ": " + what +
                               " failed: " + one_line(e.what()));
}

Result<std::unique_ptr<Store>> Store::open(const StoreUrl& url) {
    auto session = std::make_unique<soci::session>();
    try {
        if (url.backend == Backend::sqlite) {
            const std::filesystem::path file(url.sqlite_path);
            if (file.has_parent_path()) {
                std::error_code ec;
                std::filesystem::create_directories(file.parent_path(), ec);
                if (ec) {
                    return Status::unavailable("store " + url.display +
                                               ": cannot create its folder: " + ec.message());
                }
            }
            session->open(*soci::factory_sqlite3(), "db=\"" + url.sqlite_path + "\" timeout=30");
            std::string mode;
            *session << "PRAGMA journal_mode=WAL", soci::into(mode);
            *session << "PRAGMA synchronous=NORMAL";
            *session << "PRAGMA foreign_keys=ON";
        } else {
            session->open(*soci::factory_postgresql(), url.connect_string);
            *session << "SET client_min_messages TO WARNING";
        }
    } catch (const std::exception& e) {
        return Status::unavailable("store " + url.display +
                                   " is unreachable: " + one_line(e.what()));
    }
    std::unique_ptr<Store> store(new Store(url, std::move(session)));
    CONFSCOPE_TRY(store->migrate());
    return store;
}

template <typename Body>
Status Store::write_transaction(const char* what, Body&& body) {
    try {
        // SQLite: take the write lock up front, so concurrent writers wait (busy timeout) instead
        // of failing when a read transaction cannot be upgraded.
        *session_ << (url_.backend == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
        try {
            body(*session_);
            *session_ << "COMMIT";
        } catch (...) {
            try {
                *session_ << "ROLLBACK";
            } catch (...) {
            }
            throw;
        }
        return Status::ok();
    } catch (const std::exception& e) {
        return failure(what, e);
    }
}

Status Store::migrate() {
    return write_transaction("migration", [&](soci::session& sql) {
        if (url_.backend == Backend::postgresql) {
            // Serialises concurrent first opens, including the CREATE TABLE below.
            long long locked = 0;
            sql << "SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(7236418)) AS lock_taken",
                soci::into(locked);
        }
        sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name "
               "TEXT NOT NULL, "
               "applied_at TEXT NOT NULL)";
        long long current = 0;
        sql << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", soci::into(current);
        for (const detail::Migration& m : detail::migrations(url_.backend)) {
            if (m.version <= current) continue;
            for (const std::string& statement : m.statements)
                sql << statement;
            const long long version = m.version;
            const std::string applied = now_rfc3339();
            sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
                soci::use(version), soci::use(m.name), soci::use(applied);
        }
    });
}

Result<int> Store::schema_version() {
    try {
        long long version = 0;
        *session_ << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", soci::into(version);
        return static_cast<int>(version);
    } catch (const std::exception& e) {
        return failure("reading the schema version", e);
    }
}

Result<std::int64_t> Store::save(const scan::ScanResult& r) {
    long long scan_id = 0;
    const Status status = write_transaction("saving the scan", [&](soci::session& sql) {
        // -- the scan ---------------------------------------------------------------------------
        sdk::JsonArray roots;
        for (const std::string& root : r.roots)
            roots.push(root);
        const std::string roots_json = roots.dump();
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
               "os_type, os_version, "
               "username, os_profile, home, system_root, roots_json, tool_version, store_content, "
               "total_scanned, "
               "total_found, detection_rate, directories_walked, unreadable, item_count, "
               "finding_count) VALUES "
               "(:uuid, :status, :started, :finished, :duration, :host, :os, :osv, :user, "
               ":profile, :home, :sysroot, "
               ":roots, :version, :content, :scanned, :found, :rate, :walked, :unreadable, :items, "
               ":findings) "
               "RETURNING id",
            soci::use(r.uuid), soci::use(scan_status), soci::use(r.started_at),
            soci::use(r.finished_at), soci::use(duration_ms), soci::use(r.host.hostname),
            soci::use(r.host.os_name), soci::use(r.host.os_version), soci::use(r.host.username),
            soci::use(r.os_profile), soci::use(r.home), soci::use(r.system_root),
            soci::use(roots_json), soci::use(r.tool_version), soci::use(store_content),
            soci::use(total_scanned), soci::use(total_found), soci::use(detection_rate),
            soci::use(walked), soci::use(unreadable), soci::use(item_count),
            soci::use(finding_count), soci::into(scan_id);

        // -- placeholders -----------------------------------------------------------------------
        {
            std::vector<long long> ids(r.placeholders.size(), scan_id);
            std::vector<std::string> names, values;
            for (const auto& [name, value] : r.placeholders) {
                names.push_back(name);
                values.push_back(value);
            }
            bulk_insert(
                sql,
                "INSERT INTO env_vars (scan_id, placeholder, resolved_path) VALUES (:s, :p, :v)",
                ids.size(), [&](soci::statement& st) {
                    st.exchange(soci::use(ids));
                    st.exchange(soci::use(names));
                    st.exchange(soci::use(values));
                });
        }

        // -- plugins ----------------------------------------------------------------------------
        {
            const std::size_t n = r.plugins.size();
            std::vector<long long> ids(n, scan_id), major(n), minor(n), analyzed(n);
            std::vector<std::string> name(n), version(n), path(n), hash(n), state(n), error(n);
            for (std::size_t i = 0; i < n; ++i) {
                const scan::PluginRun& p = r.plugins[i];
                name[i] = p.name;
                version[i] = p.version;
                major[i] = p.abi_major;
                minor[i] = p.abi_minor;
                path[i] = p.library_path;
                hash[i] = p.library_sha256;
                state[i] = p.failed ? "failed" : "ok";
                error[i] = p.error;
                analyzed[i] = static_cast<long long>(p.files_analyzed);
            }
            bulk_insert(sql,
                        "INSERT INTO scan_plugins (scan_id, name, version, abi_major, abi_minor, "
                        "library_path, "
                        "library_sha256, status, error, files_analyzed) VALUES (:s, :n, :v, :ma, "
                        ":mi, :p, :h, :st, "
                        ":e, :f)",
                        n, [&](soci::statement& st) {
                            st.exchange(soci::use(ids));
                            st.exchange(soci::use(name));
                            st.exchange(soci::use(version));
                            st.exchange(soci::use(major));
                            st.exchange(soci::use(minor));
                            st.exchange(soci::use(path));
                            st.exchange(soci::use(hash));
                            st.exchange(soci::use(state));
                            st.exchange(soci::use(error));
                            st.exchange(soci::use(analyzed));
                        });
        }

        // -- content, once per hash -------------------------------------------------------------
        {
            std::vector<std::string> hash, content, seen_at;
            std::vector<long long> size, redacted;
            std::set<std::string> added;
            for (const scan::FileRecord& f : r.files) {
                if (!f.content || !added.insert(f.content_sha256).second) continue;
                hash.push_back(f.content_sha256);
                content.push_back(*f.content);
                size.push_back(static_cast<long long>(f.content->size()));
                redacted.push_back(f.content_redacted ? 1 : 0);
                seen_at.push_back(r.finished_at);
            }
            bulk_insert(sql,
                        "INSERT INTO file_contents (content_hash, size_bytes, content, redacted, "
                        "first_seen_at) "
                        "VALUES (:h, :s, :c, :r, :t) ON CONFLICT (content_hash) DO NOTHING",
                        hash.size(), [&](soci::statement& st) {
                            st.exchange(soci::use(hash));
                            st.exchange(soci::use(size));
                            st.exchange(soci::use(content));
                            st.exchange(soci::use(redacted));
                            st.exchange(soci::use(seen_at));
                        });
        }

        // -- paths ------------------------------------------------------------------------------
        {
            const std::size_t n = r.files.size();
            std::vector<long long> ids(n, scan_id), seq(n), exists(n), size(n), mode(n), uid(n),
                gid(n);
            std::vector<std::string> plugin(n), target(n), category(n), name(n), tpl(n), scope(n),
                format(n), path(n), display(n), project(n), type(n), mtime(n), sha(n), content(n),
                parse_error(n), error(n), repo(n);
            std::vector<soci::indicator> content_ind(n);
            for (std::size_t i = 0; i < n; ++i) {
                const scan::FileRecord& f = r.files[i];
                seq[i] = static_cast<long long>(i);
                plugin[i] = f.plugin;
                target[i] = f.target_id;
                category[i] = f.category;
                name[i] = f.target_name;
                tpl[i] = f.path_template;
                scope[i] = sdk::to_string(f.scope);
                format[i] = scan::to_string(f.format);
                path[i] = f.path;
                display[i] = f.display_path;
                project[i] = f.project_dir;
                exists[i] = f.exists ? 1 : 0;
                type[i] = type_of(f);
                size[i] = static_cast<long long>(f.size);
                mode[i] = f.mode;
                uid[i] = f.uid;
                gid[i] = f.gid;
                mtime[i] = f.exists ? format_rfc3339_seconds(f.mtime_unix) : "";
                sha[i] = f.sha256;
                content[i] = f.content ? f.content_sha256 : "";
                content_ind[i] = f.content ? soci::i_ok : soci::i_null;
                parse_error[i] = f.parse_error;
                error[i] = f.error;
                repo[i] = f.repo_path;
            }
            bulk_insert(
                sql,
                "INSERT INTO paths (scan_id, seq, plugin, target_id, category, name, "
                "path_template, scope, "
                "format, resolved_path, display_path, project_dir, exists_flag, type, size_bytes, "
                "mode, uid, "
                "gid, modified_time, sha256, content_hash, parse_error, error_message, repo_path) "
                "VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k, :l, :m, :n, :o, :p, :q, :r, "
                ":s, :t, :u, :v, :w, :x)",
                n, [&](soci::statement& st) {
                    st.exchange(soci::use(ids));
                    st.exchange(soci::use(seq));
                    st.exchange(soci::use(plugin));
                    st.exchange(soci::use(target));
                    st.exchange(soci::use(category));
                    st.exchange(soci::use(name));
                    st.exchange(soci::use(tpl));
                    st.exchange(soci::use(scope));
                    st.exchange(soci::use(format));
                    st.exchange(soci::use(path));
                    st.exchange(soci::use(display));
                    st.exchange(soci::use(project));
                    st.exchange(soci::use(exists));
                    st.exchange(soci::use(type));
                    st.exchange(soci::use(size));
                    st.exchange(soci::use(mode));
                    st.exchange(soci::use(uid));
                    st.exchange(soci::use(gid));
                    st.exchange(soci::use(mtime));
                    st.exchange(soci::use(sha));
                    st.exchange(soci::use(content, content_ind));
                    st.exchange(soci::use(parse_error));
                    st.exchange(soci::use(error));
                    st.exchange(soci::use(repo));
                });
        }

        // -- inventory --------------------------------------------------------------------------
        {
            const std::size_t n = r.items.size();
            std::vector<long long> ids(n, scan_id), seq(n), path_seq(n), line(n), col(n);
            std::vector<std::string> plugin(n), kind(n), client(n), scope(n), name(n), data(n),
                pointer(n);
            for (std::size_t i = 0; i < n; ++i) {
                const scan::Item& it = r.items[i];
                seq[i] = static_cast<long long>(i);
                path_seq[i] = static_cast<long long>(it.file);
                plugin[i] = it.plugin;
                kind[i] = it.kind;
                client[i] = it.client;
                scope[i] = sdk::to_string(it.scope);
                name[i] = it.name;
                data[i] = it.data_json;
                pointer[i] = it.pointer;
                line[i] = it.line;
                col[i] = it.column;
            }
            bulk_insert(sql,
                        "INSERT INTO inventory_items (scan_id, seq, path_seq, plugin, kind, "
                        "client, scope, name, "
                        "data_json, pointer, line, col) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, "
                        ":i, :j, :k, :l)",
                        n, [&](soci::statement& st) {
                            st.exchange(soci::use(ids));
                            st.exchange(soci::use(seq));
                            st.exchange(soci::use(path_seq));
                            st.exchange(soci::use(plugin));
                            st.exchange(soci::use(kind));
                            st.exchange(soci::use(client));
                            st.exchange(soci::use(scope));
                            st.exchange(soci::use(name));
                            st.exchange(soci::use(data));
                            st.exchange(soci::use(pointer));
                            st.exchange(soci::use(line));
                            st.exchange(soci::use(col));
                        });
        }

        // -- findings and the rules they refer to -----------------------------------------------
        {
            const std::size_t n = r.findings.size();
            std::vector<long long> ids(n, scan_id), seq(n), path_seq(n), rank(n), line(n), col(n),
                suppressed(n);
            std::vector<std::string> plugin(n), rule(n), severity(n), message(n), pointer(n),
                print(n), suppression(n);
            std::set<std::string> used_rules;
            for (std::size_t i = 0; i < n; ++i) {
                const scan::Finding& f = r.findings[i];
                seq[i] = static_cast<long long>(i);
                path_seq[i] = static_cast<long long>(f.file);
                plugin[i] = f.plugin;
                rule[i] = f.rule_id;
                severity[i] = sdk::to_string(f.severity);
                rank[i] = static_cast<long long>(f.severity);
                message[i] = f.message;
                pointer[i] = f.pointer;
                line[i] = f.line;
                col[i] = f.column;
                print[i] = f.fingerprint;
                suppressed[i] = f.suppressed ? 1 : 0;
                suppression[i] = f.suppression;
                used_rules.insert(f.rule_id);
            }
            bulk_insert(
                sql,
                "INSERT INTO findings (scan_id, seq, path_seq, plugin, rule_id, severity, "
                "severity_rank, message, pointer, line, col, fingerprint, suppressed, "
                "suppression) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k, :l, :m, :n)",
                n, [&](soci::statement& st) {
                    st.exchange(soci::use(ids));
                    st.exchange(soci::use(seq));
                    st.exchange(soci::use(path_seq));
                    st.exchange(soci::use(plugin));
                    st.exchange(soci::use(rule));
                    st.exchange(soci::use(severity));
                    st.exchange(soci::use(rank));
                    st.exchange(soci::use(message));
                    st.exchange(soci::use(pointer));
                    st.exchange(soci::use(line));
                    st.exchange(soci::use(col));
                    st.exchange(soci::use(print));
                    st.exchange(soci::use(suppressed));
                    st.exchange(soci::use(suppression));
                });

            std::vector<long long> rule_scan;
            std::vector<std::string> rule_id, rule_plugin, rule_severity, title, help, uri;
            std::set<std::string> added;
            for (const scan::RuleInfo& info : r.rules) {
                if (!used_rules.contains(info.id) || !added.insert(info.id).second) continue;
                rule_scan.push_back(scan_id);
                rule_id.push_back(info.id);
                rule_plugin.push_back(info.plugin);
                rule_severity.emplace_back(sdk::to_string(info.severity));
                title.push_back(info.title);
                help.push_back(info.help);
                uri.push_back(info.help_uri);
            }
            bulk_insert(sql,
                        "INSERT INTO scan_rules (scan_id, rule_id, plugin, severity, title, help, "
                        "help_uri) VALUES "
                        "(:a, :b, :c, :d, :e, :f, :g)",
                        rule_scan.size(), [&](soci::statement& st) {
                            st.exchange(soci::use(rule_scan));
                            st.exchange(soci::use(rule_id));
                            st.exchange(soci::use(rule_plugin));
                            st.exchange(soci::use(rule_severity));
                            st.exchange(soci::use(title));
                            st.exchange(soci::use(help));
                            st.exchange(soci::use(uri));
                        });
        }

        // -- change history: a row whenever a file's bytes differ from its last recorded version -
        {
            std::map<std::string, std::string> last;
            soci::rowset<soci::row> rows =
                (sql.prepare
                     << "SELECT h.config_path, h.sha256 FROM config_history h WHERE h.host = :host "
                        "AND "
                        "h.id = (SELECT MAX(x.id) FROM config_history x WHERE x.host = h.host AND "
                        "x.config_path = h.config_path)",
                 soci::use(r.host.hostname));
            for (const soci::row& row : rows)
                last[detail::text(row, 0)] = detail::text(row, 1);
            std::vector<long long> ids;
            std::vector<std::string> host, path, type, sha, content, at, by;
            std::vector<soci::indicator> content_ind;
            std::set<std::string> done;
            for (const scan::FileRecord& f : r.files) {
                if (!f.exists || f.sha256.empty() || !done.insert(f.path).second) continue;
                const auto it = last.find(f.path);
                if (it != last.end() && it->second == f.sha256) continue;
                ids.push_back(scan_id);
                host.push_back(r.host.hostname);
                path.push_back(f.path);
                type.push_back(f.category);
                sha.push_back(f.sha256);
                content.push_back(f.content ? f.content_sha256 : "");
                content_ind.push_back(f.content ? soci::i_ok : soci::i_null);
                at.push_back(r.finished_at);
                by.push_back(r.host.username);
            }
            bulk_insert(
                sql,
                "INSERT INTO config_history (host, config_path, config_type, sha256, content_hash, "
                "changed_at, changed_by, scan_id) VALUES (:a, :b, :c, :d, :e, :f, :g, :h)",
                ids.size(), [&](soci::statement& st) {
                    st.exchange(soci::use(host));
                    st.exchange(soci::use(path));
                    st.exchange(soci::use(type));
                    st.exchange(soci::use(sha));
                    st.exchange(soci::use(content, content_ind));
                    st.exchange(soci::use(at));
                    st.exchange(soci::use(by));
                    st.exchange(soci::use(ids));
                });
        }
    });
    if (!status) return status;
    return static_cast<std::int64_t>(scan_id);
}

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
    try {
        std::vector<ScanSummary> out;
        const long long max_rows = static_cast<long long>(limit);
        soci::rowset<soci::row> rows =
            (session_->prepare << std::string("SELECT ") + kScanColumns +
                                      " FROM scans ORDER BY id DESC LIMIT :n",
             soci::use(max_rows));
        for (const soci::row& row : rows)
            out.push_back(read_summary(row));
        return out;
    } catch (const std::exception& e) {
        return failure("listing scans", e);
    }
}

Result<std::int64_t> Store::resolve_scan(const std::string& reference) {
    try {
        std::vector<long long> ids;
        if (reference == "latest" || reference == "previous") {
            soci::rowset<soci::row> rows =
                (session_->prepare << "SELECT id FROM scans ORDER BY id DESC LIMIT 2");
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
                (session_->prepare << "SELECT id FROM scans WHERE id = :id", soci::use(id));
            for (const soci::row& row : rows)
                ids.push_back(detail::integer(row, 0));
        } else {
            soci::rowset<soci::row> rows =
                (session_->prepare << "SELECT id FROM scans WHERE uuid = :uuid",
                 soci::use(reference));
            for (const soci::row& row : rows)
                ids.push_back(detail::integer(row, 0));
        }
        if (ids.empty())
            return Status::not_found("no scan " + reference +
                                     " in the store (see confscope scans list)");
        return static_cast<std::int64_t>(ids.front());
    } catch (const std::exception& e) {
        return failure("finding the scan", e);
    }
}

Result<ScanSummary> Store::scan(std::int64_t id) {
    try {
        const long long key = id;
        soci::rowset<soci::row> rows = (session_->prepare << std::string("SELECT ") + kScanColumns +
                                                                 " FROM scans WHERE id = :id",
                                        soci::use(key));
        for (const soci::row& row : rows)
            return read_summary(row);
        return Status::not_found("no scan " + std::to_string(id) + " in the store");
    } catch (const std::exception& e) {
        return failure("reading the scan", e);
    }
}

Result<std::vector<StoredFile>> Store::files(std::int64_t scan_id) {
    try {
        std::vector<StoredFile> out;
        const long long key = scan_id;
        soci::rowset<soci::row> rows =
            (session_->prepare << "SELECT seq, plugin, category, name, scope, format, "
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
    } catch (const std::exception& e) {
        return failure("reading the scan's files", e);
    }
}

Result<std::vector<StoredItem>> Store::items(std::int64_t scan_id) {
    try {
        std::vector<StoredItem> out;
        const long long key = scan_id;
        soci::rowset<soci::row> rows =
            (session_->prepare
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
    } catch (const std::exception& e) {
        return failure("reading the inventory", e);
    }
}

Result<std::vector<StoredFinding>> Store::findings(std::int64_t scan_id) {
    try {
        std::vector<StoredFinding> out;
        const long long key = scan_id;
        soci::rowset<soci::row> rows =
            (session_->prepare
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
    } catch (const std::exception& e) {
        return failure("reading findings", e);
    }
}

Result<std::vector<StoredPlugin>> Store::plugins(std::int64_t scan_id) {
    try {
        std::vector<StoredPlugin> out;
        const long long key = scan_id;
        soci::rowset<soci::row> rows =
            (session_->prepare
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
    } catch (const std::exception& e) {
        return failure("reading the scan's plugins", e);
    }
}

Result<std::vector<scan::RuleInfo>> Store::rules(std::int64_t scan_id) {
    try {
        std::vector<scan::RuleInfo> out;
        const long long key = scan_id;
        soci::rowset<soci::row> rows =
            (session_->prepare << "SELECT rule_id, plugin, severity, title, help, help_uri FROM "
                                  "scan_rules WHERE scan_id = :id ORDER BY rule_id",
             soci::use(key));
        for (const soci::row& row : rows) {
            scan::RuleInfo r;
            r.id = detail::text(row, 0);
            r.plugin = detail::text(row, 1);
            r.severity = scan::parse_severity(detail::text(row, 2)).value_or(sdk::Severity::info);
            r.title = detail::text(row, 3);
            r.help = detail::text(row, 4);
            r.help_uri = detail::text(row, 5);
            out.push_back(std::move(r));
        }
        return out;
    } catch (const std::exception& e) {
        return failure("reading the scan's rules", e);
    }
}

Result<std::optional<std::int64_t>> Store::find_scan(const std::string& uuid) {
    try {
        soci::rowset<soci::row> rows =
            (session_->prepare << "SELECT id FROM scans WHERE uuid = :uuid", soci::use(uuid));
        for (const soci::row& row : rows)
            return std::optional<std::int64_t>(detail::integer(row, 0));
        return std::optional<std::int64_t>();
    } catch (const std::exception& e) {
        return failure("looking the scan up", e);
    }
}

Result<std::optional<std::string>> Store::content(const std::string& content_hash) {
    try {
        soci::rowset<soci::row> rows =
            (session_->prepare << "SELECT content FROM file_contents WHERE content_hash = :h",
             soci::use(content_hash));
        for (const soci::row& row : rows)
            return std::optional<std::string>(detail::text(row, 0));
        return std::optional<std::string>();
    } catch (const std::exception& e) {
        return failure("reading content", e);
    }
}

}  // namespace confscope::store
