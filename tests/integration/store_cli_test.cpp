// The store under real processes: concurrent scans into one store, a PostgreSQL server that goes
// away in the middle of a scan or for a moment, the `db` commands end to end and the fleet
// queries. Runs once per backend (CONFSCOPE_TEST_BACKEND); the fault cases start a private
// PostgreSQL server of their own (tests/pg/pg-test-server), so stopping it disturbs nothing else.
#define BOOST_TEST_MODULE confscope store processes
#include <chrono>
#include <set>
#include <thread>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include "store_fixtures.hpp"
#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;
using namespace std::chrono_literals;

namespace {

// A PostgreSQL server of this test alone, on a free loopback port.
class PrivateServer {
  public:
    PrivateServer() {
        const ProcessResult started = control("start");
        BOOST_REQUIRE_MESSAGE(started.exit_code == 0, started.err);
        url_ = read_file(dir_ / "url");
        while (!url_.empty() && (url_.back() == '\n' || url_.back() == ' '))
            url_.pop_back();
    }
    ~PrivateServer() { control("stop"); }
    PrivateServer(const PrivateServer&) = delete;
    PrivateServer& operator=(const PrivateServer&) = delete;

    [[nodiscard]] const std::string& url() const { return url_; }
    void halt() { BOOST_REQUIRE_EQUAL(control("halt").exit_code, 0); }
    void resume() { BOOST_REQUIRE_EQUAL(control("resume").exit_code, 0); }

  private:
    ProcessResult control(const std::string& action) const {
        return run_process(
            {(source_dir() / "tests/pg/pg-test-server").string(), action, (dir_ / "url").string()});
    }
    TempDir dir_;
    std::string url_;
};

std::vector<std::string> scan_args(const std::string& db, const PlantedMachine& machine,
                                   const std::string& host) {
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

rapidjson::Document json_of(const std::string& text) {
    rapidjson::Document doc;
    doc.Parse(text.c_str());
    BOOST_REQUIRE_MESSAGE(!doc.HasParseError(), "not JSON: " + text.substr(0, 300));
    return doc;
}

long long count_rows(const store::StoreUrl& url, const std::string& table) {
    soci::session sql;
    if (url.backend == store::Backend::postgresql) {
        sql.open(*soci::factory_postgresql(), url.connect_string);
    } else {
        sql.open(*soci::factory_sqlite3(), "db=\"" + url.sqlite_path + "\"");
    }
    long long n = 0;
    sql << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
}

const char* const kTables[] = {"scans",           "file_contents", "env_vars",
                               "scan_plugins",    "paths",         "config_history",
                               "inventory_items", "findings",      "scan_rules"};

}  // namespace

BOOST_AUTO_TEST_SUITE(store_processes)

BOOST_AUTO_TEST_CASE(concurrent_scans_are_all_stored_complete_and_consistent) {
    const int processes = postgres() ? 16 : 8;
    FreshStore fresh;
    PlantedMachine machine;
    const std::string target = cli_url(fresh);
    std::vector<BackgroundProcess> running;
    for (int i = 0; i < processes; ++i)
        running.push_back(spawn_confscope(scan_args(target, machine, "host-" + std::to_string(i))));
    for (auto& p : running) {
        const ProcessResult r = p.wait();
        BOOST_TEST(r.exit_code == 0, r.err);
    }
    auto s = fresh.open();
    auto scans = s->list_scans(100);
    BOOST_REQUIRE(scans.is_ok());
    BOOST_REQUIRE_EQUAL(scans->size(), static_cast<std::size_t>(processes));
    std::set<std::string> hosts;
    std::size_t files = 0;
    for (const auto& summary : *scans) {
        hosts.insert(summary.host);
        BOOST_TEST(summary.status == "complete");
        BOOST_TEST(s->items(summary.id)->size() == static_cast<std::size_t>(summary.item_count));
        BOOST_TEST(s->findings(summary.id)->size() ==
                   static_cast<std::size_t>(summary.finding_count));
        BOOST_TEST(summary.item_count > 0);
        const std::size_t n = s->files(summary.id)->size();
        if (files == 0) files = n;
        BOOST_TEST(n == files);  // every scan saw the same machine, and stored all of it
    }
    BOOST_TEST(hosts.size() == static_cast<std::size_t>(processes));
    BOOST_TEST(count_rows(fresh.url(), "findings") ==
               static_cast<long long>(processes) * scans->front().finding_count);
}

BOOST_AUTO_TEST_CASE(postgresql_stopped_in_the_middle_of_a_scan_leaves_no_partial_scan) {
    if (!postgres()) return;
    PrivateServer server;
    PlantedMachine machine;
    const ProcessResult first = run_confscope(scan_args(server.url(), machine, "first"));
    BOOST_REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    const store::StoreUrl url = *store::parse_store_url(server.url(), {});
    std::map<std::string, long long> before;
    for (const char* table : kTables)
        before[table] = count_rows(url, table);

    BackgroundProcess scan = [&] {
        // Hold the findings table, so the scan's transaction stops half-way through its writes.
        auto blocker =
            std::make_unique<soci::session>(*soci::factory_postgresql(), url.connect_string);
        *blocker << "BEGIN";
        *blocker << "LOCK TABLE findings IN ACCESS EXCLUSIVE MODE";
        BackgroundProcess p = spawn_confscope(
            {"--db", server.url(), "--db-retries", "2", "scan", "--home",
             (machine.dir / "home").string(), "--system-root", (machine.dir / "sys").string(),
             "--root", (machine.dir / "src").string(), "--host", "second", "--quiet"});
        soci::session watcher(*soci::factory_postgresql(), url.connect_string);
        long long waiting = 0;
        for (int i = 0; i < 600 && waiting == 0 && p.running(); ++i) {
            std::this_thread::sleep_for(100ms);
            watcher << "SELECT COUNT(*) FROM pg_locks WHERE NOT granted", soci::into(waiting);
        }
        BOOST_REQUIRE_MESSAGE(waiting > 0, "the scan never reached its writes");
        // The scan has written its scan row, paths and inventory, uncommitted; now the server
        // goes away.
        long long uncommitted_scan = 0;
        watcher << "SELECT COUNT(*) FROM scans", soci::into(uncommitted_scan);
        BOOST_TEST(uncommitted_scan == before["scans"]);  // invisible to others
        watcher.close();
        server.halt();
        blocker.reset();
        return p;
    }();
    const ProcessResult r = scan.wait();
    BOOST_TEST_MESSAGE("the interrupted scan said: " << r.err);
    BOOST_TEST(r.exit_code == 3, r.err);
    BOOST_TEST(r.err.find(url.display) != std::string::npos, r.err);  // names the store
    const std::string error = r.err.substr(r.err.find("confscope: error:"));
    BOOST_TEST(error.find("saving the scan failed") != std::string::npos, error);
    BOOST_TEST((r.err.find("terminating connection") != std::string::npos ||
                r.err.find("server closed the connection") != std::string::npos ||
                r.err.find("Connection refused") != std::string::npos),
               r.err);  // and the cause
    BOOST_TEST(error.find("nothing was stored") != std::string::npos, error);
    BOOST_TEST(r.err.find(url.connect_string.substr(url.connect_string.find("password='") + 10,
                                                    8)) == std::string::npos);  // no password

    server.resume();
    for (const char* table : kTables)
        BOOST_TEST(count_rows(url, table) == before[table], table);
    // The store is whole and usable: the next scan is stored.
    const ProcessResult again = run_confscope(scan_args(server.url(), machine, "third"));
    BOOST_TEST(again.exit_code == 0, again.err);
    BOOST_TEST(count_rows(url, "scans") == before["scans"] + 1);
}

BOOST_AUTO_TEST_CASE(a_server_that_is_back_within_the_retries_is_used) {
    if (!postgres()) return;
    PrivateServer server;
    BOOST_REQUIRE_EQUAL(run_confscope({"--db", server.url(), "db", "init"}).exit_code, 0);
    server.halt();
    BackgroundProcess status = spawn_confscope({"--db", server.url(), "--json", "db", "status"});
    std::this_thread::sleep_for(300ms);
    server.resume();
    const ProcessResult r = status.wait();
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(r.err.find("retrying in") != std::string::npos, r.err);  // it did wait
    BOOST_TEST(json_of(r.out)["schema_version"].GetInt() == store::Store::latest_schema_version());

    server.halt();
    const ProcessResult gone =
        run_confscope({"--db", server.url(), "--db-retries", "0", "scans", "list"});
    BOOST_TEST(gone.exit_code == 3);
    BOOST_TEST(gone.err.find("is unreachable") != std::string::npos, gone.err);
    BOOST_TEST(gone.err.find("retrying") == std::string::npos, gone.err);
    server.resume();
}

BOOST_AUTO_TEST_CASE(db_commands_operate_a_store_end_to_end) {
    FreshStore fresh, other(!postgres());
    PlantedMachine machine;
    TempDir dir;
    const std::string db = cli_url(fresh);
    BOOST_TEST(run_confscope({"db"}).exit_code == 2);
    BOOST_TEST(run_confscope({"db", "--help"}).out.find("prune --keep N") != std::string::npos);
    BOOST_TEST(run_confscope({"--db", db, "db", "frobnicate"}).exit_code == 2);

    // Looking at a store never creates one.
    const std::string missing = (dir / "missing.db").string();
    const ProcessResult look = run_confscope({"--db", missing, "db", "status"});
    BOOST_TEST(look.exit_code == 2);
    BOOST_TEST(look.err.find("create it with confscope db init") != std::string::npos, look.err);
    BOOST_TEST(!fs::exists(missing));

    const ProcessResult init = run_confscope({"--db", db, "db", "init"});
    BOOST_TEST(init.exit_code == 0, init.err);
    BOOST_TEST(
        init.out.find("is ready (schema version " +
                      std::to_string(store::Store::latest_schema_version())) != std::string::npos,
        init.out);
    BOOST_TEST(run_confscope({"--db", db, "db", "migrate"}).out.find("up to date") !=
               std::string::npos);
    for (const char* host : {"alpha", "alpha", "alpha", "beta"}) {
        const ProcessResult r = run_confscope(scan_args(db, machine, host));
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    const rapidjson::Document status =
        json_of(run_confscope({"--db", db, "--json", "db", "status"}).out);
    BOOST_TEST(status["scans"].GetInt64() == 4);
    BOOST_TEST(status["hosts"].GetInt64() == 2);
    BOOST_TEST(status["tables"]["paths"].GetInt64() == fresh.count("paths"));

    const std::string backup = (dir / "store.backup").string();
    const ProcessResult backed = run_confscope({"--db", db, "db", "backup", backup});
    BOOST_TEST(backed.exit_code == 0, backed.err);
    BOOST_TEST(backed.out.find("Backed up 4 scan(s)") != std::string::npos, backed.out);
    BOOST_TEST(((fs::status(backup).permissions() & fs::perms::others_read) == fs::perms::none));
    const ProcessResult to_stdout = run_confscope({"--db", db, "db", "backup", "-"});
    BOOST_TEST(to_stdout.exit_code == 0, to_stdout.err);
    BOOST_TEST(to_stdout.out.starts_with("{\"format\":\"confscope-backup\""),
               to_stdout.out.substr(0, 80));

    // Into the other backend, then every row compared through an export.
    const std::string other_db = cli_url(other);
    {
        const ProcessResult restored = run_confscope({"--db", other_db, "db", "restore", backup});
        BOOST_TEST(restored.exit_code == 0, restored.err);
        BOOST_TEST(restored.out.find("Restored 4 scan(s)") != std::string::npos, restored.out);
        const ProcessResult a = run_confscope({"--db", db, "export", "--format", "json"});
        const ProcessResult b = run_confscope({"--db", other_db, "export", "--format", "json"});
        BOOST_TEST(a.exit_code == 0, a.err);
        BOOST_TEST(a.out == b.out);
        const ProcessResult again = run_confscope({"--db", other_db, "db", "restore", backup});
        BOOST_TEST(again.exit_code == 3);
        BOOST_TEST(again.err.find("--replace") != std::string::npos, again.err);
    }
    const std::string copy_db = (dir / "copy.db").string();
    const ProcessResult copied = run_confscope({"--db", db, "db", "copy", "--to", copy_db});
    BOOST_TEST(copied.exit_code == 0, copied.err);
    BOOST_TEST(copied.out.find("Copied 4 scan(s)") != std::string::npos, copied.out);
    BOOST_TEST(run_confscope({"--db", copy_db, "export", "--format", "json"}).out ==
               run_confscope({"--db", db, "export", "--format", "json"}).out);
    BOOST_TEST(run_confscope({"--db", db, "db", "copy"}).exit_code == 2);

    const ProcessResult dry =
        run_confscope({"--db", db, "db", "prune", "--keep", "1", "--dry-run"});
    BOOST_TEST(dry.out.find("Would remove 2 scan(s) (alpha: 2)") != std::string::npos, dry.out);
    BOOST_TEST(fresh.count("scans") == 4);
    const ProcessResult pruned = run_confscope({"--db", db, "db", "prune", "--keep", "1"});
    BOOST_TEST(pruned.out.find("Removed 2 scan(s) (alpha: 2)") != std::string::npos, pruned.out);
    BOOST_TEST(fresh.count("scans") == 2);
    BOOST_TEST(run_confscope({"--db", db, "db", "prune"}).exit_code == 2);
    BOOST_TEST(run_confscope({"--db", db, "db", "vacuum"}).out.find("after") != std::string::npos);

    write_file(dir / "damaged.backup", "{\"format\":\"confscope-backup\"}\n");
    const ProcessResult damaged =
        run_confscope({"--db", copy_db, "db", "restore", (dir / "damaged.backup").string()});
    BOOST_TEST(damaged.exit_code == 2);
    BOOST_TEST(damaged.err.find("damaged.backup, line 1") != std::string::npos, damaged.err);
}

BOOST_AUTO_TEST_CASE(fleet_queries_name_the_hosts_that_have_a_server_or_a_finding) {
    FreshStore fresh;
    TempDir dir;
    const std::string db = cli_url(fresh);
    const std::string github =
        R"({"mcpServers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"]}}})";
    write_file(dir / "alpha/.claude.json", github);
    write_file(dir / "beta/.claude.json", github);
    write_file(dir / "gamma/.claude.json",
               R"({"mcpServers": {"db": {"command": "uvx", "args": ["mcp-db==1.0.0"]}}})");
    for (const char* host : {"alpha", "beta", "gamma"}) {
        const ProcessResult r =
            run_confscope({"--db", db, "scan", "--home", (dir / host).string(), "--system-root",
                           (dir / "none").string(), "--host", host, "--quiet"});
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    // gamma removes its server later: only its newest scan counts.
    write_file(dir / "beta/.claude.json", "{}");
    BOOST_REQUIRE_EQUAL(
        run_confscope({"--db", db, "scan", "--home", (dir / "beta").string(), "--system-root",
                       (dir / "none").string(), "--host", "beta", "--quiet"})
            .exit_code,
        0);

    const rapidjson::Document inventory = json_of(
        run_confscope({"--db", db, "--json", "inventory", "--all-hosts", "--name", "github"}).out);
    BOOST_TEST(inventory["hosts"].Size() == 3u);
    std::set<std::string> with_github;
    for (const auto& item : inventory["items"].GetArray())
        with_github.insert(item["host"].GetString());
    BOOST_TEST((with_github == std::set<std::string>{"alpha"}));

    const rapidjson::Document findings = json_of(
        run_confscope({"--db", db, "--json", "findings", "--all-hosts", "--rule", "MCP-004"}).out);
    std::set<std::string> with_rule;
    for (const auto& f : findings["findings"].GetArray())
        with_rule.insert(f["host"].GetString());
    BOOST_TEST((with_rule == std::set<std::string>{"alpha"}));

    const ProcessResult table =
        run_confscope({"--db", db, "inventory", "--all-hosts", "--kind", "mcp_server"});
    BOOST_TEST(table.out.find("HOST") != std::string::npos, table.out);
    BOOST_TEST(table.out.find("on 2 host(s) in the newest scans of 3 host(s)") != std::string::npos,
               table.out);
    BOOST_TEST(run_confscope({"--db", db, "findings", "--all-hosts", "--scan", "1"}).exit_code ==
               2);
}

BOOST_AUTO_TEST_SUITE_END()
