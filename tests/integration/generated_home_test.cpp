// A whole generated machine (tests/tools/fake_home.cpp), scanned with every in-tree plugin: the
// scan must find every config file the generator planted (Claude Code, Claude Desktop and every
// MCP client of config-families.md §3) and nothing it planted as a decoy (under node_modules,
// .git), inventory every MCP server it planted with the right client, scope and file, report
// CFG-001 exactly for the broken files (JSON, JSONC, TOML and YAML), and store none of the
// planted secrets.
//
// Misses are reported once per client ("cursor: 3 of 21 planted config files not found, e.g.
// …"), so a client whose plugin is missing or incomplete reads as one line, not hundreds.
#define BOOST_TEST_MODULE confscope generated home
#include <map>
#include <set>
#include <tuple>

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

std::string member(const rapidjson::Value& v, const char* key) {
    const auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

// Per client: how many were planted, and the ones that were missed.
class Tally {
  public:
    void planted(const std::string& client) { ++planted_[client]; }
    void missed(const std::string& client, std::string what) {
        missed_[client].push_back(std::move(what));
    }
    // One check per client that planted something.
    void report(const std::string& what) const {
        for (const auto& [client, count] : planted_) {
            const auto it = missed_.find(client);
            const std::size_t misses = it == missed_.end() ? 0 : it->second.size();
            BOOST_TEST(misses == 0u, client << ": " << misses << " of " << count << " planted "
                                            << what << ", e.g. "
                                            << (misses ? it->second.front() : ""));
        }
    }
    std::size_t total() const {
        std::size_t n = 0;
        for (const auto& [client, count] : planted_)
            n += count;
        return n;
    }

  private:
    std::map<std::string, std::size_t> planted_;
    std::map<std::string, std::vector<std::string>> missed_;
};

}  // namespace

BOOST_AUTO_TEST_CASE(every_planted_file_and_server_is_found_and_no_secret_is_stored) {
    GeneratedHome home(60, 7);
    auto plugins = load_plugins();  // every in-tree plugin
    BOOST_TEST_MESSAGE("plugins loaded: " << plugins.size());
    const scan::ScanResult r = scan::run_scan(home.options(), raw(plugins));
    for (const auto& p : r.plugins)
        BOOST_TEST(!p.failed, p.name + ": " + p.error);
    BOOST_REQUIRE(r.complete());

    // Files: every planted config file is found, by whichever plugin claims it; no decoy is.
    std::set<std::string> found;
    for (const auto& f : r.files) {
        if (f.exists) found.insert(f.path);
    }
    Tally files;
    for (const auto& f : home.manifest["config_files"].GetArray()) {
        const std::string path = member(f, "path"), client = member(f, "client");
        files.planted(client);
        if (!found.contains(path)) files.missed(client, path + " (" + member(f, "kind") + ")");
    }
    files.report("config files not found");
    BOOST_TEST(files.total() > 250u);
    for (const std::string& decoy : home.strings("decoy_files")) {
        BOOST_TEST(!found.contains(decoy), "decoy reported: " + decoy);
    }

    // Servers: (file, client, scope, name) of every planted server is in the inventory.
    using ServerKey = std::tuple<std::string, std::string, std::string, std::string>;
    std::set<ServerKey> servers;
    std::map<std::pair<std::string, std::string>, std::string> seen;  // (file, name) -> as found
    for (const auto& i : r.items) {
        if (i.kind != "mcp_server") continue;
        const std::string scope(sdk::to_string(i.scope));
        servers.insert({r.files[i.file].path, i.client, scope, i.name});
        seen[{r.files[i.file].path, i.name}] = i.client + "/" + scope;
    }
    Tally planted_servers;
    std::set<std::string> server_clients;
    for (const auto& s : home.manifest["mcp_servers"].GetArray()) {
        const std::string file = member(s, "file"), client = member(s, "client"),
                          scope = member(s, "scope"), name = member(s, "name");
        planted_servers.planted(client);
        server_clients.insert(client);
        if (servers.contains({file, client, scope, name})) continue;
        const auto other = seen.find({file, name});
        planted_servers.missed(
            client,
            name + " (" + client + "/" + scope + ") in " + file +
                (other == seen.end() ? ", not inventoried" : ", inventoried as " + other->second));
    }
    planted_servers.report("servers not inventoried with the right client, scope and file");
    BOOST_TEST(planted_servers.total() > 150u);
    for (const char* client :
         {"claude-code", "claude-desktop", "cursor", "vscode", "windsurf", "zed", "cline",
          "continue", "gemini", "codex", "goose", "opencode", "junie", "antigravity", "kiro"}) {
        BOOST_TEST(server_clients.contains(client),
                   std::string("the generator planted no server for ") + client);
    }

    // CFG-001 exactly for the deliberately broken files, in every format; comments and trailing
    // commas are fine.
    std::set<std::string> broken;
    for (const auto& f : r.findings) {
        if (f.rule_id == "CFG-001") broken.insert(r.files[f.file].path);
    }
    std::set<std::string> expected_broken, formats;
    Tally parse_errors;
    for (const auto& e : home.manifest["parse_errors"].GetArray()) {
        const std::string path = member(e, "path"), format = member(e, "format");
        expected_broken.insert(path);
        formats.insert(format);
        parse_errors.planted(member(e, "client"));
        if (!broken.contains(path))
            parse_errors.missed(member(e, "client"), path + " (" + format + ")");
    }
    parse_errors.report("parse errors without CFG-001");
    for (const char* format : {"json", "jsonc", "toml", "yaml"}) {
        BOOST_TEST(formats.contains(format),
                   std::string("the manifest has no parse error in ") + format);
    }
    for (const std::string& path : broken) {
        BOOST_TEST(expected_broken.contains(path), "CFG-001 for a file that parses: " + path);
    }
    for (const std::string& lenient : home.strings("lenient_json_files"))
        BOOST_TEST(!broken.contains(lenient), "CFG-001 for JSONC: " + lenient);

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

BOOST_AUTO_TEST_CASE(the_cli_and_its_log_print_no_secret) {
    GeneratedHome home(20, 11);
    const std::string db = (home.dir / "cli.db").string();
    // The most verbose log, to stderr and to a JSON-lines file, is part of what must stay clean.
    const fs::path log_file = home.dir / "confscope.log";
    ProcessResult scan =
        run_confscope({"--db", db, "--json", "--log-level", "trace", "--log-file",
                       log_file.string(), "scan", "--home", home.get("home"), "--system-root",
                       home.get("system_root"), "--root", home.get("projects_root")});
    BOOST_TEST(scan.exit_code == 0, scan.err);
    BOOST_REQUIRE(fs::exists(log_file));
    const std::string log = read_file(log_file);
    BOOST_TEST(log.find("\"level\"") != std::string::npos, "the log file holds no records");
    std::string output = scan.out + scan.err + log;
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
