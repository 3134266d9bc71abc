// The canonical JSON document, `confscope import`, and the export and scan commands' contract:
// atomic output, --fail-on exit codes, refusals that store and write nothing.
#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include "export_support.hpp"

using namespace confscope::test;

namespace {

// How many scans a store holds, by the CLI.
std::size_t scan_count(const std::string& db) {
    const ProcessResult r = run_confscope({"--db", db, "--json", "scans", "list"});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const rapidjson::Document doc = parse_json(r.out);
    const rapidjson::Value& list = doc.IsArray() ? doc : doc["scans"];
    return list.Size();
}

// `text` with the value of the first member `"key": ` replaced by `value` (JSON as written).
std::string with_member(std::string text, const std::string& key, const std::string& value) {
    const std::string head = "\"" + key + "\": ";
    const std::size_t at = text.find(head);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, key + " not in the document");
    const std::size_t start = at + head.size();
    std::size_t end = start;
    if (text[start] == '"') {
        end = start + 1;
        while (text[end] != '"')
            end += text[end] == '\\' ? 2 : 1;
        ++end;
    } else {
        end = text.find_first_of(",}\n", start);
    }
    text.replace(start, end - start, value);
    return text;
}

std::string negative_exporter() {
    return (negative_plugin_dir() / "throwing-exporter.so").string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_document)

BOOST_AUTO_TEST_CASE(holds_the_whole_scan_and_no_secret) {
    ReportMachine m;
    const std::string text = m.export_as("json");
    BOOST_TEST(text.find(ReportMachine::kToken) == std::string::npos);
    const rapidjson::Document doc = parse_json(text);
    BOOST_TEST(std::string(doc["format"].GetString()) == "confscope-scan");
    BOOST_TEST(std::string(doc["format_version"].GetString()) == "1.0");
    BOOST_TEST(doc["scan"]["complete"].GetBool());
    BOOST_TEST(doc["findings"].Size() == static_cast<unsigned>(PlantedFacts::kFindings));
    BOOST_TEST(doc["summary"]["suppressed"].GetUint() ==
               static_cast<unsigned>(PlantedFacts::kSuppressed));
    BOOST_TEST(doc["summary"]["by_severity"]["critical"].GetUint() ==
               static_cast<unsigned>(PlantedFacts::kCritical));
    unsigned servers = 0;
    for (const auto& item : doc["items"].GetArray()) {
        if (std::string(item["kind"].GetString()) != "mcp_server") continue;
        ++servers;
        BOOST_TEST(item["data"].IsObject());  // details embedded as an object
    }
    BOOST_TEST(servers == static_cast<unsigned>(PlantedFacts::kServers));
    // Every finding points into /files, at the file its display path names.
    bool broken_seen = false;
    for (const auto& f : doc["findings"].GetArray()) {
        const auto& file = doc["files"][f["file"].GetUint()];
        BOOST_TEST(std::string(file["display_path"].GetString()) == f["display_path"].GetString());
        if (std::string(f["rule_id"].GetString()) == "CFG-001") {
            broken_seen = true;
            BOOST_TEST(std::string(file["display_path"].GetString()) == PlantedFacts::kBroken);
            BOOST_TEST(std::string(file["parse_error"].GetString()).find("line 5") !=
                       std::string::npos);
        }
        // Files in the repository carry their repository path; home files do not.
        const std::string display = f["display_path"].GetString();
        const std::string repo_path = file["repo_path"].GetString();
        BOOST_TEST((display.starts_with("~") ? repo_path.empty() : repo_path == display),
                   display + " has repo_path '" + repo_path + "'");
    }
    BOOST_TEST(broken_seen);
}

BOOST_AUTO_TEST_CASE(export_import_export_gives_the_same_document) {
    ReportMachine m;
    const std::string first = m.export_as("json");
    const fs::path file = m.folder() / "scan.json";
    write_file(file, first);

    const std::string other_db = (m.folder() / "other.db").string();
    const ProcessResult imported = run_confscope({"--db", other_db, "import", file.string()});
    BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
    BOOST_TEST(imported.out.find("imported scan") != std::string::npos);
    const ProcessResult again = run_confscope({"--db", other_db, "export", "--format", "json"});
    BOOST_REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    BOOST_TEST(again.out == first);

    // The imported scan answers the other commands like a local one.
    const ProcessResult findings =
        run_confscope({"--db", other_db, "findings", "--rule", "MCP-003"});
    BOOST_TEST(findings.exit_code == 0);
    BOOST_TEST(findings.out.find("app/.mcp.json") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(import_is_idempotent_by_scan_uuid) {
    ReportMachine m;
    const fs::path file = m.export_to_file("json", "scan.json");
    const std::string other_db = (m.folder() / "other.db").string();
    for (int round = 0; round < 2; ++round) {
        const ProcessResult r = run_confscope({"--db", other_db, "import", file.string()});
        BOOST_TEST(r.exit_code == 0, r.err);
        if (round == 1) BOOST_TEST(r.out.find("already in the store") != std::string::npos);
    }
    BOOST_TEST(scan_count(other_db) == 1u);
    // Importing into the store it came from changes nothing either.
    const ProcessResult home = m.confscope({"import", file.string()});
    BOOST_TEST(home.exit_code == 0);
    BOOST_TEST(scan_count(m.db()) == 1u);
}

BOOST_AUTO_TEST_CASE(import_refuses_bad_documents_and_stores_nothing) {
    ReportMachine m;
    const std::string good = m.export_as("json");
    const std::string other_db = (m.folder() / "other.db").string();
    struct Case {
        std::string name, text, expected;
    };
    std::string newer = good;
    newer.replace(newer.find("\"1.0\""), 5, "\"2.3\"");
    std::string wrong_type = good;
    wrong_type.replace(wrong_type.find("\"complete\": true"), 16, "\"complete\": \"yes\"");
    const std::vector<Case> cases{
        {"newer.json", newer, "format 2.3 by a newer confscope"},
        {"truncated.json", good.substr(0, 300), "truncated.json:"},
        {"wrong-type.json", wrong_type, "at /scan/complete: expected true or false"},
        {"other.json", R"({"format": "something-else"})", "not a confscope scan document"},
        // Ids, times, NUL characters and counts are checked, each with its JSON pointer and fix.
        {"bad-uuid.json", with_member(good, "uuid", R"("../../not-a-uuid")"),
         "at /scan/uuid: \"../../not-a-uuid\" is not a UUID"},
        {"bad-time.json", with_member(good, "started_at", R"("yesterday")"),
         "at /scan/started_at: \"yesterday\" is not an RFC 3339 UTC time"},
        {"bad-finished.json", with_member(good, "finished_at", R"("2026-13-45T99:00:00Z")"),
         "at /scan/finished_at:"},
        {"bad-modified.json", with_member(good, "modified_time", R"("Tuesday")"),
         "/modified_time: \"Tuesday\" is not an RFC 3339 UTC time"},
        {"nul-host.json", with_member(good, "host", R"("lap\u0000top")"),
         "at /scan/host: a NUL character"},
        {"nul-path.json", with_member(good, "path", R"("/home/x/\u0000.mcp.json")"),
         "/path: a NUL character"},
        {"huge-count.json", with_member(good, "locations_checked", "18446744073709551615"),
         "at /scan/locations_checked: 18446744073709551615 is out of range: expected a whole "
         "number from 0 to 9007199254740991"},
        {"huge-line.json", with_member(good, "line", "4294967296"),
         "/line: 4294967296 is out of range"},
        {"huge-mode.json", with_member(good, "mode", "65536"), "/mode: 65536 is out of range"},
        {"bad-fingerprint.json", with_member(good, "fingerprint", R"("DROP TABLE")"),
         "/fingerprint: \"DROP TABLE\" is not a finding fingerprint"},
    };
    for (const Case& c : cases) {
        const fs::path file = m.folder() / c.name;
        write_file(file, c.text);
        const ProcessResult r = run_confscope({"--db", other_db, "import", file.string()});
        BOOST_TEST(r.exit_code == 2, c.name);
        BOOST_TEST(r.err.find(c.expected) != std::string::npos, c.name + ": " + r.err);
        BOOST_TEST(r.err.find(c.name) != std::string::npos, c.name + " not named: " + r.err);
        if (c.name.starts_with("bad-") || c.name.starts_with("nul-") ||
            c.name.starts_with("huge-")) {
            BOOST_TEST(r.err.find("export the scan again") != std::string::npos, r.err);
            BOOST_TEST(r.err.find('\0') == std::string::npos);
        }
    }
    const ProcessResult missing =
        run_confscope({"--db", other_db, "import", (m.folder() / "absent.json").string()});
    BOOST_TEST(missing.exit_code == 2);
    BOOST_TEST(missing.err.find("absent.json") != std::string::npos);
    if (fs::exists(other_db)) BOOST_TEST(scan_count(other_db) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(export_command)

BOOST_AUTO_TEST_CASE(a_failed_export_leaves_no_file_and_keeps_an_existing_one) {
    ReportMachine m;
    const fs::path existing = m.folder() / "report.txt";
    write_file(existing, "the previous report\n");
    const ProcessResult failed =
        m.confscope({"export", "--format", negative_exporter(), "--output", existing.string()});
    BOOST_TEST(failed.exit_code == 3);
    BOOST_TEST(failed.err.find("boom after writing a partial report") != std::string::npos,
               failed.err);
    BOOST_TEST(read_file(existing) == "the previous report\n");
    const fs::path fresh = m.folder() / "fresh.txt";
    const ProcessResult fresh_run =
        m.confscope({"export", "--format", negative_exporter(), "--output", fresh.string()});
    BOOST_TEST(fresh_run.exit_code == 3);
    BOOST_TEST(!fs::exists(fresh));
    for (const auto& entry : fs::directory_iterator(m.folder()))  // no temporary file left
        BOOST_TEST(entry.path().filename().string().find("fresh") == std::string::npos);
    const ProcessResult to_stdout = m.confscope({"export", "--format", negative_exporter()});
    BOOST_TEST(to_stdout.exit_code == 3);
    BOOST_TEST(to_stdout.out.empty(), "partial output on stdout: " + to_stdout.out);
}

BOOST_AUTO_TEST_CASE(an_unknown_format_names_the_installed_ones) {
    ReportMachine m;
    const ProcessResult r = m.confscope({"export", "--format", "docx"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("--format docx") != std::string::npos, r.err);
    for (const char* format : {"csv", "html", "json", "junit", "markdown", "sarif"})
        BOOST_TEST(r.err.find(format) != std::string::npos, format);
    // scan --format checks the format before scanning: nothing is stored.
    const ProcessResult scan = m.confscope({"scan", "--home", (m.folder() / "home").string(),
                                            "--root", m.repo().string(), "--format", "docx"});
    BOOST_TEST(scan.exit_code == 2);
    BOOST_TEST(scan_count(m.db()) == 1u);
}

BOOST_AUTO_TEST_CASE(fail_on_high_exits_1_with_a_high_finding_and_0_on_a_clean_tree) {
    ReportMachine m;
    const std::string home = (m.folder() / "home").string();
    const std::string sys = (m.folder() / "sys").string();
    const ProcessResult dirty = m.confscope({"scan", "--home", home, "--system-root", sys, "--root",
                                             m.repo().string(), "--fail-on", "high"});
    BOOST_TEST(dirty.exit_code == 1, dirty.err);

    write_file(
        m.folder() / "clean/.mcp.json",
        R"J({"mcpServers": {"docs": {"type": "http", "url": "https://mcp.example.com/x"}}})J");
    const ProcessResult clean =
        m.confscope({"scan", "--home", home, "--system-root", sys, "--root",
                     (m.folder() / "clean").string(), "--fail-on", "high", "--ignore", "PERM-006"});
    BOOST_TEST(clean.exit_code == 0, clean.out + clean.err);

    // export --fail-on judges the exported scan the same way.
    BOOST_TEST(m.confscope({"export", "--scan", "previous", "--format", "json", "--fail-on", "high",
                            "--output", (m.folder() / "a.json").string()})
                   .exit_code == 1);
    BOOST_TEST(m.confscope({"export", "--scan", "latest", "--format", "json", "--fail-on", "high",
                            "--output", (m.folder() / "b.json").string()})
                   .exit_code == 0);
}

BOOST_AUTO_TEST_CASE(scan_writes_a_report_of_the_scan_it_stored) {
    ReportMachine m;
    const fs::path report = m.folder() / "ci.json";
    const ProcessResult r =
        m.confscope({"scan", "--home", (m.folder() / "home").string(), "--system-root",
                     (m.folder() / "sys").string(), "--root", m.repo().string(), "--format", "json",
                     "--output", report.string(), "--fail-on", "critical"});
    BOOST_TEST(r.exit_code == 1);  // critical findings, and the report is still written
    const rapidjson::Document doc = parse_json(read_file(report));
    const rapidjson::Document latest = parse_json(m.export_as("json", {"--scan", "latest"}));
    BOOST_TEST(std::string(doc["scan"]["uuid"].GetString()) == latest["scan"]["uuid"].GetString());
    BOOST_TEST(scan_count(m.db()) == 2u);
    // With the report on stdout, stdout is the report alone.
    const ProcessResult piped = m.confscope({"scan", "--home", (m.folder() / "home").string(),
                                             "--system-root", (m.folder() / "sys").string(),
                                             "--root", m.repo().string(), "--format", "json"});
    BOOST_TEST(piped.exit_code == 0);
    const rapidjson::Document piped_doc = parse_json(piped.out);
    BOOST_TEST(piped_doc["findings"].Size() == static_cast<unsigned>(PlantedFacts::kFindings));
}

BOOST_AUTO_TEST_SUITE_END()
