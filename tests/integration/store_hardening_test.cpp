// The store under hostile conditions (issue 14), through the real executable, once per backend
// (CONFSCOPE_TEST_BACKEND): read commands answer while another process holds the write lock and
// never migrate, write or create anything; a bit-flipped SQLite file is refused with one clear
// error and nothing lost; a folder whose name is not UTF-8 is stored, copied SQLite → PostgreSQL,
// looked up and restored by its path, and shown escaped.
#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include <confscope/store/stored_text.hpp>

#include "store_fixtures.hpp"
#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<soci::session> connect(const store::StoreUrl& url) {
    if (url.backend == store::Backend::postgresql)
        return std::make_unique<soci::session>(*soci::factory_postgresql(), url.connect_string);
    return std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                           "db=\"" + url.sqlite_path + "\" timeout=30");
}

long long rows_in(const store::StoreUrl& url, const std::string& table) {
    long long n = 0;
    *connect(url) << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
}

std::vector<std::string> scan_args(const std::string& db, const PlantedMachine& machine,
                                   const std::string& host = "alpha") {
    return {"--db",
            db,
            "scan",
            "--home",
            (machine.dir / "home").string(),
            "--system-root",
            (machine.dir / "sys").string(),
            "--root",
            (machine.dir / "src").string(),
            "--host",
            host,
            "--quiet"};
}

// Every read command, as `confscope --db DB <command...>`.
std::vector<std::vector<std::string>> read_commands(const std::string& history_path) {
    return {{"findings"},
            {"--json", "findings"},
            {"scans", "list"},
            {"scans", "show"},
            {"inventory"},
            {"history", "--host", "alpha"},
            {"history", history_path, "--host", "alpha"},
            {"diff", "--no-patch"},
            {"export", "--format", "json"},
            {"baseline", "write", "--output", "-"},
            {"db", "status"}};
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& w : words)
        text += (text.empty() ? "" : " ") + w;
    return text;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_hardening)

BOOST_AUTO_TEST_CASE(read_commands_answer_while_a_writer_holds_the_store) {
    FreshStore fresh;
    PlantedMachine machine;
    const std::string db = cli_url(fresh);
    for (int i = 0; i < 2; ++i) {
        const ProcessResult r = run_confscope(scan_args(db, machine));
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    const long long scans = rows_in(fresh.url(), "scans");
    const long long migrations = rows_in(fresh.url(), "schema_migrations");

    // What a scan being stored holds: SQLite's write lock (BEGIN IMMEDIATE, then a write), and on
    // PostgreSQL the migration lock and an uncommitted scan row.
    auto writer = connect(fresh.url());
    if (postgres()) {
        *writer << "BEGIN";
        long long locked = 0;
        *writer << "SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(7236418)) AS l",
            soci::into(locked);
    } else {
        *writer << "BEGIN IMMEDIATE";
    }
    *writer << "INSERT INTO scans (uuid, status, started_at, finished_at, duration_ms, host, "
               "os_type, os_version, username, os_profile, home, system_root, roots_json, "
               "tool_version, store_content, total_scanned, total_found, detection_rate, "
               "directories_walked, unreadable, item_count, finding_count) VALUES ('held', "
               "'complete', 'x', 'x', 0, 'held', '', '', '', '', '', '', '[]', '', 'none', 0, 0, "
               "0, 0, 0, 0, 0)";

    // A scan started now waits for the writer (and is stored once it is gone)...
    BackgroundProcess waiting_scan = spawn_confscope(scan_args(db, machine, "waiting"));

    // ...while every read command answers at once, without a retry.
    const std::string history_path = (machine.dir / "home/.claude/settings.json").string();
    double slowest = 0;
    for (const auto& command : read_commands(history_path)) {
        std::vector<std::string> args{"--db", db};
        args.insert(args.end(), command.begin(), command.end());
        const auto started = std::chrono::steady_clock::now();
        const ProcessResult r = run_confscope(args);
        const double took = seconds_since(started);
        slowest = std::max(slowest, took);
        BOOST_TEST(r.exit_code == 0, joined(command) << ": " << r.err);
        BOOST_TEST(took < 5.0, joined(command) << " took " << took << " s");
        BOOST_TEST(r.err.find("retrying") == std::string::npos, joined(command) << ": " << r.err);
    }
    BOOST_TEST_MESSAGE("slowest read command while the store was held: " << slowest << " s");
    BOOST_TEST(waiting_scan.running());  // the writer still holds the store

    *writer << "ROLLBACK";
    writer.reset();
    const ProcessResult stored = waiting_scan.wait();
    BOOST_TEST(stored.exit_code == 0, stored.err);
    // The reads wrote nothing (no migration row, no scan); the waiting scan was stored whole.
    BOOST_TEST(rows_in(fresh.url(), "schema_migrations") == migrations);
    BOOST_TEST(rows_in(fresh.url(), "scans") == scans + 1);
}

BOOST_AUTO_TEST_CASE(read_commands_never_create_a_store) {
    if (postgres()) return;  // a PostgreSQL database is never created by confscope
    TempDir dir;
    const fs::path missing = dir / "mistyped/deeper/confscope.db";
    for (const auto& command : read_commands((dir / "x.json").string())) {
        std::vector<std::string> args{"--db", missing.string()};
        args.insert(args.end(), command.begin(), command.end());
        const ProcessResult r = run_confscope(args);
        BOOST_TEST(r.exit_code == 2, joined(command) << ": " << r.err);
        BOOST_TEST(r.err.find(missing.string() + " does not exist (nothing was created)") !=
                       std::string::npos,
                   joined(command) << ": " << r.err);
        BOOST_TEST(!fs::exists(dir / "mistyped"), joined(command));
    }
}

BOOST_AUTO_TEST_CASE(a_read_command_never_migrates_an_older_schema) {
    FreshStore fresh;
    PlantedMachine machine;
    const std::string db = cli_url(fresh);
    BOOST_REQUIRE_EQUAL(run_confscope(scan_args(db, machine)).exit_code, 0);
    const int latest = store::Store::latest_schema_version();
    *connect(fresh.url()) << "DELETE FROM schema_migrations WHERE version = " +
                                 std::to_string(latest);
    for (const auto& command : std::vector<std::vector<std::string>>{
             {"findings"}, {"scans", "list"}, {"export", "--format", "json"}}) {
        std::vector<std::string> args{"--db", db};
        args.insert(args.end(), command.begin(), command.end());
        const ProcessResult r = run_confscope(args);
        BOOST_TEST(r.exit_code == 3, joined(command) << ": " << r.err);
        BOOST_TEST(r.err.find("schema version " + std::to_string(latest - 1) +
                              ", older than this confscope's") != std::string::npos,
                   r.err);
        BOOST_TEST(r.err.find("run confscope db migrate") != std::string::npos, r.err);
        BOOST_TEST(r.out.empty(), r.out);
    }
    BOOST_TEST(rows_in(fresh.url(), "schema_migrations") == latest - 1);  // not migrated
    const ProcessResult status = run_confscope({"--db", db, "db", "status"});
    BOOST_TEST(status.exit_code == 0, status.err);
    BOOST_TEST(status.out.find("1 pending: run confscope db migrate") != std::string::npos,
               status.out);
}

BOOST_AUTO_TEST_CASE(a_bit_flipped_sqlite_store_is_refused_and_nothing_is_lost) {
    if (postgres()) return;
    FreshStore fresh;
    PlantedMachine machine;
    TempDir dir;
    const std::string db = cli_url(fresh);
    for (int i = 0; i < 3; ++i)
        BOOST_REQUIRE_EQUAL(run_confscope(scan_args(db, machine)).exit_code, 0);
    const std::string backup = (dir / "store.backup").string();
    BOOST_REQUIRE_EQUAL(run_confscope({"--db", db, "db", "backup", backup}).exit_code, 0);
    const ProcessResult healthy = run_confscope({"--db", db, "db", "status"});
    BOOST_TEST(healthy.out.find("Check    ok (PRAGMA quick_check)") != std::string::npos,
               healthy.out);

    // Everything into the main file, then flip the first bytes of the paths table's root page
    // (its header and cell pointers).
    long long root_page = 0;
    long long page_size = 0;
    {
        auto sql = connect(fresh.url());
        *sql << "PRAGMA wal_checkpoint(TRUNCATE)";
        *sql << "SELECT rootpage FROM sqlite_master WHERE name = 'paths'", soci::into(root_page);
        *sql << "PRAGMA page_size", soci::into(page_size);
    }
    BOOST_REQUIRE(root_page > 1);
    {
        std::fstream file(fresh.url().sqlite_path, std::ios::in | std::ios::out | std::ios::binary);
        const std::streamoff at = (root_page - 1) * page_size;
        std::string bytes(64, '\0');
        file.seekg(at);
        file.read(bytes.data(), 64);
        for (char& c : bytes)
            c = static_cast<char>(c ^ 0xA5);
        file.seekp(at);
        file.write(bytes.data(), 64);
    }
    const std::string damaged_bytes = read_file(fresh.url().sqlite_path);

    const auto refused = [&](const ProcessResult& r, const std::string& what) {
        BOOST_TEST(r.exit_code == 3, what << ": " << r.err);
        const std::size_t at = r.err.find("confscope: error: store " + db + " is damaged");
        BOOST_TEST(at != std::string::npos, what << ": " << r.err);
        BOOST_TEST(r.err.find("nothing was written to it") != std::string::npos, r.err);
        BOOST_TEST(r.err.find("db restore BACKUP") != std::string::npos, r.err);
        BOOST_TEST(r.err.find("retrying") == std::string::npos, r.err);
    };
    refused(run_confscope(scan_args(db, machine)), "scan");
    refused(run_confscope({"--db", db, "findings"}), "findings");
    const ProcessResult status = run_confscope({"--db", db, "db", "status"});
    refused(status, "db status");
    BOOST_TEST(status.out.find("Check    DAMAGED (PRAGMA quick_check:") != std::string::npos,
               status.out);
    const ProcessResult status_json = run_confscope({"--db", db, "--json", "db", "status"});
    BOOST_TEST(status_json.exit_code == 3);
    rapidjson::Document doc;
    doc.Parse(status_json.out.c_str());
    BOOST_REQUIRE(!doc.HasParseError());
    BOOST_TEST(std::string(doc["integrity"].GetString()) != "ok");
    // Nothing was written to the damaged file, and the backup gives every scan back.
    BOOST_TEST((read_file(fresh.url().sqlite_path) == damaged_bytes));
    const std::string restored = (dir / "restored.db").string();
    const ProcessResult back = run_confscope({"--db", restored, "db", "restore", backup});
    BOOST_TEST(back.exit_code == 0, back.err);
    BOOST_TEST(back.out.find("Restored 3 scan(s)") != std::string::npos, back.out);
}

BOOST_AUTO_TEST_CASE(a_folder_named_with_bytes_that_are_not_utf8_is_stored_and_found) {
    // Scanned into an SQLite store, copied into a PostgreSQL one, and scanned into the backend
    // under test directly.
    FreshStore sqlite_store(false), postgresql_store(true), fresh;
    TempDir dir;
    const std::string folder = "proj\xff\xfe";
    const fs::path project = dir / "src" / folder;
    const fs::path servers = project / ".mcp.json";
    const std::string v1 = R"({"mcpServers": {"x": {"command": "npx", "args": ["y"]}}})";
    write_file(servers, v1);
    write_file(dir / "src/back\\slash/.mcp.json", v1);
    write_file(dir / "home/.claude/settings.json", R"J({"permissions": {"allow": ["Bash(*)"]}})J");
    const auto scan_into = [&](const std::string& db) {
        const ProcessResult r =
            run_confscope({"--db", db, "scan", "--home", (dir / "home").string(), "--system-root",
                           (dir / "sys").string(), "--root", (dir / "src").string(), "--quiet"});
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    };
    scan_into(cli_url(sqlite_store));
    const ProcessResult copied = run_confscope(
        {"--db", cli_url(sqlite_store), "db", "copy", "--to", cli_url(postgresql_store)});
    BOOST_REQUIRE_MESSAGE(copied.exit_code == 0, copied.err);
    scan_into(cli_url(fresh));

    const std::string escaped = store::escape_path(servers.string());
    BOOST_TEST(escaped.find("proj\\xff\\xfe/.mcp.json") != std::string::npos, escaped);
    for (const FreshStore* s : {&sqlite_store, &postgresql_store, &fresh}) {
        const std::string db = cli_url(*s);
        // Stored escaped, as valid UTF-8.
        std::string stored;
        *connect(s->url()) << "SELECT MAX(config_path) FROM config_history WHERE config_path "
                              "LIKE '%.mcp.json' AND config_path LIKE '%proj%'",
            soci::into(stored);
        BOOST_TEST(stored == escaped, db);
        // Findings show the escaped display form, and no output carries the raw bytes.
        const ProcessResult findings = run_confscope({"--db", db, "--json", "findings"});
        BOOST_TEST(findings.exit_code == 0, findings.err);
        BOOST_TEST(findings.out.find("proj\\\\xff\\\\xfe/.mcp.json") != std::string::npos,
                   findings.out);
        BOOST_TEST(findings.out.find("back\\\\\\\\slash/.mcp.json") != std::string::npos,
                   findings.out);
        BOOST_TEST(store::is_valid_utf8(findings.out));
        // history by the real path, and by the escaped form history lists.
        const ProcessResult list = run_confscope({"--db", db, "history"});
        BOOST_TEST(list.out.find(escaped) != std::string::npos, list.out);
        BOOST_TEST(store::is_valid_utf8(list.out));
        for (const std::string& path : {servers.string(), escaped}) {
            const ProcessResult one = run_confscope({"--db", db, "history", path});
            BOOST_TEST(one.exit_code == 0, one.err);
            BOOST_TEST(one.out.find(escaped + " on ") != std::string::npos, one.out);
            BOOST_TEST(one.out.find("1 version") != std::string::npos, one.out);
        }
    }

    // Reports are valid UTF-8: the name that is not UTF-8 stays escaped, a backslash is itself;
    // an import of the report gives the real bytes back.
    const ProcessResult exported =
        run_confscope({"--db", cli_url(fresh), "export", "--format", "json", "--output",
                       (dir / "scan.json").string()});
    BOOST_REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);
    const std::string report = read_file(dir / "scan.json");
    BOOST_TEST(store::is_valid_utf8(report));
    BOOST_TEST(report.find("proj\\\\xff\\\\xfe/.mcp.json") != std::string::npos);
    BOOST_TEST(report.find("back\\\\slash/.mcp.json") != std::string::npos);
    FreshStore imported(false);
    const ProcessResult loaded =
        run_confscope({"--db", cli_url(imported), "import", (dir / "scan.json").string()});
    BOOST_REQUIRE_MESSAGE(loaded.exit_code == 0, loaded.err);
    const ProcessResult found =
        run_confscope({"--db", cli_url(imported), "history", servers.string()});
    BOOST_TEST(found.exit_code == 0, found.err);
    BOOST_TEST(found.out.find(escaped + " on ") != std::string::npos, found.out);

    // Changed, scanned again (drift finds the same file), and version 1 restored by its path.
    write_file(servers, R"({"mcpServers": {}})");
    scan_into(cli_url(postgresql_store));
    const ProcessResult diff =
        run_confscope({"--db", cli_url(postgresql_store), "diff", "--no-patch"});
    BOOST_TEST(diff.out.find("1 changed, 0 added, 0 removed") != std::string::npos, diff.out);
    const ProcessResult restored = run_confscope(
        {"--db", cli_url(postgresql_store), "restore", servers.string(), "--version", "1"});
    BOOST_TEST(restored.exit_code == 0, restored.err);
    BOOST_TEST(read_file(servers) == v1);
    BOOST_TEST(store::is_valid_utf8(restored.out), restored.out);
}

BOOST_AUTO_TEST_SUITE_END()
