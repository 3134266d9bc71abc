// The storage suite. It runs once per backend (CONFSCOPE_TEST_BACKEND=sqlite|postgresql): a real
// SQLite file, and a real PostgreSQL server started on loopback by the ctest fixture. Each test
// gets a fresh store (a new file, or a new database on the server).
#define BOOST_TEST_MODULE confscope store
#include <cstdlib>
#include <random>

#include <boost/test/unit_test.hpp>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <confscope/plugins/loader.hpp>
#include <confscope/report/export_input.hpp>
#include <confscope/report/scan_document.hpp>
#include <confscope/store/store.hpp>

#include "store_fixtures.hpp"
#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;

BOOST_AUTO_TEST_SUITE(store_suite)

BOOST_AUTO_TEST_CASE(migrations_apply_once_and_are_idempotent) {
    FreshStore fresh;
    {
        auto s = fresh.open();
        BOOST_TEST(*s->schema_version() == store::Store::latest_schema_version());
    }
    auto again = fresh.open();  // a second open applies nothing
    BOOST_TEST(*again->schema_version() == store::Store::latest_schema_version());
    BOOST_TEST(fresh.count("schema_migrations") == store::Store::latest_schema_version());
}

BOOST_AUTO_TEST_CASE(a_scan_is_stored_with_paths_hashes_inventory_and_findings) {
    FreshStore fresh;
    PlantedMachine machine;
    const scan::ScanResult result = machine.scan();
    BOOST_REQUIRE(result.complete());
    auto s = fresh.open();
    auto id = s->save(result);
    BOOST_REQUIRE_MESSAGE(id.is_ok(), id.status().message());

    auto summary = s->scan(*id);
    BOOST_REQUIRE(summary.is_ok());
    BOOST_TEST(summary->uuid == result.uuid);
    BOOST_TEST(summary->status == "complete");
    BOOST_TEST(summary->total_found == 4);
    BOOST_TEST(summary->finding_count == static_cast<long long>(result.findings.size()));
    BOOST_TEST(*s->resolve_scan("latest") == *id);
    BOOST_TEST(*s->resolve_scan(result.uuid) == *id);
    BOOST_TEST(!s->resolve_scan("previous").is_ok());

    auto files = s->files(*id);
    BOOST_REQUIRE(files.is_ok());
    int found = 0;
    for (const auto& f : *files) {
        if (!f.exists) continue;
        ++found;
        BOOST_TEST(f.sha256.size() == 64u);
        BOOST_TEST(!f.content_hash.empty());
        auto content = s->content(f.content_hash);
        BOOST_REQUIRE(content.is_ok());
        BOOST_REQUIRE(content->has_value());
    }
    BOOST_TEST(found == 4);

    auto items = s->items(*id);
    BOOST_REQUIRE(items.is_ok());
    bool github = false, db = false;
    for (const auto& i : *items) {
        if (i.kind == "mcp_server" && i.name == "github") {
            github = true;
            BOOST_TEST(i.scope == "user");
            BOOST_TEST(i.display_path == "~/.claude.json");
            BOOST_TEST(i.data_json.find("\"GITHUB_TOKEN\"") !=
                       std::string::npos);  // the name, not the value
        }
        if (i.kind == "mcp_server" && i.name == "db")
            db = i.scope == "project" && i.display_path == "app/.mcp.json";
    }
    BOOST_TEST(github);
    BOOST_TEST(db);

    auto findings = s->findings(*id);
    BOOST_REQUIRE(findings.is_ok());
    std::set<std::string> rules;
    for (const auto& f : *findings) {
        rules.insert(f.rule_id);
        BOOST_TEST(f.fingerprint.size() >= 32u);
        BOOST_TEST(!f.display_path.empty());
    }
    BOOST_TEST(rules.contains("SEC-001"));
    BOOST_TEST(rules.contains("SEC-004"));
    BOOST_TEST(findings->front().severity == "critical");  // most severe first

    auto plugins = s->plugins(*id);
    BOOST_REQUIRE(plugins.is_ok());
    BOOST_REQUIRE(plugins->size() == 1u);
    BOOST_TEST(plugins->front().name == "claude-code");
    BOOST_TEST(plugins->front().library_sha256.size() == 64u);
    BOOST_TEST(fresh.count("env_vars") > 5);
    BOOST_TEST(fresh.count("scan_rules") == static_cast<long long>(rules.size()));
}

BOOST_AUTO_TEST_CASE(an_exported_scan_reads_back_into_the_same_document) {
    FreshStore fresh;
    PlantedMachine machine;
    auto s = fresh.open();
    auto id = s->save(machine.scan());
    BOOST_REQUIRE(id.is_ok());
    const std::string first = export_json(*s, *id);

    auto document = report::read_scan_document(first, "first.json");
    BOOST_REQUIRE_MESSAGE(document.is_ok(), document.status().message());
    const std::string original_uuid = document->uuid;
    document->uuid = "00000000-0000-4000-8000-000000000001";  // stored beside the original
    BOOST_TEST(!*s->find_scan(document->uuid));
    auto copy = s->save(*document);
    BOOST_REQUIRE_MESSAGE(copy.is_ok(), copy.status().message());
    BOOST_TEST(**s->find_scan(document->uuid) == *copy);

    std::string second = export_json(*s, *copy);
    second.replace(second.find(document->uuid), document->uuid.size(), original_uuid);
    BOOST_TEST(second == first);
    BOOST_TEST(first.find(kPlantedToken) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_planted_secret_reaches_the_store) {
    FreshStore fresh;
    PlantedMachine machine;
    {
        auto s = fresh.open();
        BOOST_REQUIRE(s->save(machine.scan()).is_ok());
    }
    const std::string bytes = fresh.all_bytes();
    BOOST_TEST(bytes.size() > 1000u);
    BOOST_TEST(contains_bytes(bytes, "[REDACTED:"));  // the markers are there ...
    for (const std::string& secret : {kPlantedToken, kPlantedKey, kPlantedPassword}) {
        BOOST_TEST(!contains_bytes(bytes, secret),
                   "planted secret found in the store: " + secret.substr(0, 8));
    }
}

BOOST_AUTO_TEST_CASE(content_is_stored_once_per_hash_and_history_records_changes) {
    FreshStore fresh;
    PlantedMachine machine;
    auto s = fresh.open();
    BOOST_REQUIRE(s->save(machine.scan()).is_ok());
    const long long contents = fresh.count("file_contents");
    const long long history = fresh.count("config_history");
    BOOST_TEST(contents == 4);
    BOOST_TEST(history == 4);

    BOOST_REQUIRE(s->save(machine.scan()).is_ok());  // nothing changed
    BOOST_TEST(fresh.count("file_contents") == contents);
    BOOST_TEST(fresh.count("config_history") == history);
    BOOST_TEST(fresh.count("scans") == 2);

    write_file(machine.dir / "src/app/CLAUDE.md", "# App\nChanged.\n");
    BOOST_REQUIRE(s->save(machine.scan()).is_ok());
    BOOST_TEST(fresh.count("file_contents") == contents + 1);
    BOOST_TEST(fresh.count("config_history") == history + 1);
    BOOST_TEST(*s->resolve_scan("previous") == *s->resolve_scan("latest") - 1);
    auto listed = s->list_scans(10);
    BOOST_REQUIRE(listed.is_ok());
    BOOST_TEST(listed->size() == 3u);
    BOOST_TEST(listed->front().id > listed->back().id);
}

BOOST_AUTO_TEST_CASE(a_failed_save_leaves_no_half_scan) {
    FreshStore fresh;
    PlantedMachine machine;
    auto s = fresh.open();
    scan::ScanResult result = machine.scan();
    result.plugins.push_back(result.plugins.front());  // a duplicate key, rejected mid-transaction
    auto id = s->save(result);
    BOOST_REQUIRE(!id.is_ok());
    BOOST_TEST(id.status().message().find("saving the scan failed") != std::string::npos,
               id.status().message());
    BOOST_TEST(id.status().message().find(fresh.url().display) != std::string::npos);
    for (const char* table :
         {"scans", "env_vars", "paths", "file_contents", "inventory_items", "findings"}) {
        BOOST_TEST(fresh.count(table) == 0, table);
    }
    result.plugins.pop_back();
    BOOST_TEST(s->save(result).is_ok());  // the store is still usable
}

BOOST_AUTO_TEST_CASE(an_unreachable_store_is_a_clear_error) {
    if (postgres()) {
        auto url =
            store::parse_store_url("postgresql://confscope:hunter22@127.0.0.1:1/nowhere", {});
        store::StoreOptions once;
        once.retries = 0;
        auto s = store::Store::open(*url, once);
        BOOST_REQUIRE(!s.is_ok());
        const std::string m = s.status().message();
        BOOST_TEST(m.find("postgresql://confscope:***@127.0.0.1:1/nowhere") != std::string::npos,
                   m);
        BOOST_TEST(m.find("unreachable") != std::string::npos, m);
        BOOST_TEST(m.find("hunter22") == std::string::npos);
        BOOST_TEST((s.status().code() == StatusCode::unavailable));
    } else {
        TempDir dir;
        write_file(dir / "not-a-db", "plain text, not SQLite\n");
        auto s = store::Store::open(*store::parse_store_url((dir / "not-a-db").string(), {}));
        BOOST_REQUIRE(!s.is_ok());
        BOOST_TEST(s.status().message().find((dir / "not-a-db").string()) != std::string::npos,
                   s.status().message());
        BOOST_TEST(read_file(dir / "not-a-db") == "plain text, not SQLite\n");  // nothing lost
    }
}

BOOST_AUTO_TEST_SUITE_END()
