// A whole generated machine (tests/tools/fake_home.cpp): the scan must find every config file the
// generator planted and nothing it planted as a decoy (under node_modules, .git), inventory every
// MCP server it planted with the right scope, report CFG-001 exactly for the broken files, and
// store none of the planted secrets.
#define BOOST_TEST_MODULE confscope generated home
#include <map>
#include <set>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include <confscope/store/store.hpp>

#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;

namespace {

struct GeneratedHome {
    TempDir dir;
    rapidjson::Document manifest;
    GeneratedHome(int projects, int seed) {
        const ProcessResult r =
            run_process({fake_home_exe().string(), "--out", (dir / "machine").string(),
                         "--projects", std::to_string(projects), "--seed", std::to_string(seed)});
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        manifest.Parse(read_file(dir / "machine/manifest.json").c_str());
        BOOST_REQUIRE(!manifest.HasParseError());
    }
    std::string get(const char* key) const { return manifest[key].GetString(); }
    std::vector<std::string> strings(const char* key) const {
        std::vector<std::string> out;
        for (const auto& v : manifest[key].GetArray())
            out.emplace_back(v.GetString());
        return out;
    }
    scan::ScanOptions options() const {
        return planted_scan(get("home"), get("system_root"), {fs::path(get("projects_root"))});
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(every_planted_file_and_server_is_found_and_no_secret_is_stored) {
    GeneratedHome home(60, 7);
    auto plugins = load_plugins({"claude-code"});
    const scan::ScanResult r = scan::run_scan(home.options(), raw(plugins));
    BOOST_REQUIRE(r.complete());

    std::set<std::string> found;
    for (const auto& f : r.files) {
        if (f.exists) found.insert(f.path);
    }
    std::size_t planted = 0;
    for (const auto& f : home.manifest["config_files"].GetArray()) {
        ++planted;
        BOOST_TEST(found.contains(f["path"].GetString()),
                   std::string("not found: ") + f["path"].GetString());
    }
    BOOST_TEST(planted > 200u);
    for (const std::string& decoy : home.strings("decoy_files")) {
        BOOST_TEST(!found.contains(decoy), "decoy reported: " + decoy);
    }

    // Servers: (file, scope, name) of every planted server is in the inventory.
    std::set<std::tuple<std::string, std::string, std::string>> servers;
    for (const auto& i : r.items) {
        if (i.kind == "mcp_server")
            servers.insert({r.files[i.file].path, std::string(sdk::to_string(i.scope)), i.name});
    }
    std::size_t planted_servers = 0;
    for (const auto& s : home.manifest["mcp_servers"].GetArray()) {
        ++planted_servers;
        const std::tuple<std::string, std::string, std::string> key{
            s["file"].GetString(), s["scope"].GetString(), s["name"].GetString()};
        BOOST_TEST(servers.contains(key), std::string("server not inventoried: ") +
                                              s["name"].GetString() + " in " +
                                              s["file"].GetString());
    }
    BOOST_TEST(planted_servers > 50u);

    // CFG-001 exactly for the deliberately broken files; comments and trailing commas are fine.
    std::set<std::string> broken;
    for (const auto& f : r.findings) {
        if (f.rule_id == "CFG-001") broken.insert(r.files[f.file].path);
    }
    const std::vector<std::string> expected_broken = home.strings("parse_errors");
    BOOST_TEST(broken == std::set<std::string>(expected_broken.begin(), expected_broken.end()));
    for (const std::string& lenient : home.strings("lenient_json_files"))
        BOOST_TEST(!broken.contains(lenient));

    // No planted secret reaches the store.
    const fs::path db = home.dir / "store.db";
    {
        auto s = store::Store::open(*store::parse_store_url(db.string(), {}));
        BOOST_REQUIRE(s.is_ok());
        BOOST_REQUIRE((*s)->save(r).is_ok());
    }
    std::string bytes = read_file(db);
    if (fs::exists(db.string() + "-wal")) bytes += read_file(db.string() + "-wal");
    const std::vector<std::string> secrets = home.strings("secrets");
    BOOST_TEST(secrets.size() > 10u);
    for (const std::string& secret : secrets)
        BOOST_TEST(!contains_bytes(bytes, secret), "secret stored: " + secret.substr(0, 10));
}

BOOST_AUTO_TEST_CASE(the_cli_prints_no_secret) {
    GeneratedHome home(20, 11);
    const std::string db = (home.dir / "cli.db").string();
    ProcessResult scan =
        run_confscope({"--db", db, "--json", "scan", "--home", home.get("home"), "--system-root",
                       home.get("system_root"), "--root", home.get("projects_root")});
    BOOST_TEST(scan.exit_code == 0, scan.err);
    std::string output = scan.out + scan.err;
    for (const char* cmd : {"findings", "scans"}) {
        std::vector<std::string> args{"--db", db, "--json", cmd};
        if (std::string(cmd) == "scans") {
            args.emplace_back("show");
            args.emplace_back("--all-files");
        }
        const ProcessResult r = run_confscope(args);
        BOOST_TEST(r.exit_code == 0, r.err);
        output += r.out + r.err;
    }
    for (const std::string& secret : home.strings("secrets")) {
        BOOST_TEST(!contains_bytes(output, secret), "secret printed: " + secret.substr(0, 10));
    }
}
