// Change over time, end to end through the confscope executable, once per backend
// (CONFSCOPE_TEST_BACKEND): scan, change a file, scan again; `diff` shows exactly the change and
// the drift findings are stored; `history` lists every version; `restore` writes the first back
// byte for byte after a backup, and refuses what it must (a file changed since the last scan, a
// version stored redacted, a version without content) without touching anything.
#define BOOST_TEST_MODULE confscope history
#include <set>
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include <confscope/io/sha256.hpp>

#include "store_fixtures.hpp"
#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;

namespace {

const std::string kToken = "ghp_HistoryPlantedTokenAbcdefghijklmnopq12";

const std::string kSettingsV1 = R"J({
  "permissions": {
    "allow": ["Bash(npm test)"],
    "deny": ["Read(./.env)"]
  }
}
)J";
// An allow rule added: permissions widened (DRIFT-003).
const std::string kSettingsV2 = R"J({
  "permissions": {
    "allow": ["Bash(npm test)", "Bash(git push:*)"],
    "deny": ["Read(./.env)"]
  }
}
)J";
const std::string kServersV1 = R"J({"mcpServers": {
  "files": {"command": "npx", "args": ["@modelcontextprotocol/server-filesystem@1.0.0", "/srv"]}
}}
)J";
// A server added (DRIFT-001).
const std::string kServersV2 = R"J({"mcpServers": {
  "files": {"command": "npx", "args": ["@modelcontextprotocol/server-filesystem@1.0.0", "/srv"]},
  "github": {"command": "docker", "args": ["run", "-i", "ghcr.io/github/github-mcp-server"]}
}}
)J";

// A home with two configuration files and a store of the backend under test.
struct History {
    FreshStore store;
    TempDir dir;
    std::string db = cli_url(store);
    fs::path settings = dir / "home/.claude/settings.json";
    fs::path servers = dir / "home/.claude.json";

    History() {
        write_file(settings, kSettingsV1,
                   fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
        write_file(servers, kServersV1, fs::perms::owner_read | fs::perms::owner_write);
    }

    ProcessResult run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", db});
        return run_confscope(args);
    }
    ProcessResult scan(std::vector<std::string> extra = {}) const {
        std::vector<std::string> args{
            "scan",   "--home", (dir / "home").string(), "--system-root", (dir / "sys").string(),
            "--quiet"};
        args.insert(args.end(), extra.begin(), extra.end());
        const ProcessResult r = run(args);
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return r;
    }
    // The files beside `file` whose names start with its name and ".confscope-backup-".
    std::vector<fs::path> backups_of(const fs::path& file) const {
        std::vector<fs::path> found;
        for (const auto& entry : fs::directory_iterator(file.parent_path())) {
            if (entry.path().filename().string().starts_with(file.filename().string() +
                                                             ".confscope-backup-"))
                found.push_back(entry.path());
        }
        return found;
    }
    // Every name in the file's folder (nothing may be left behind by a refused restore).
    std::set<std::string> names_beside(const fs::path& file) const {
        std::set<std::string> names;
        for (const auto& entry : fs::directory_iterator(file.parent_path()))
            names.insert(entry.path().filename().string());
        return names;
    }
};

rapidjson::Document json_of(const ProcessResult& r) {
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0 || r.exit_code == 1, r.err);
    rapidjson::Document doc;
    doc.Parse(r.out.c_str());
    BOOST_REQUIRE_MESSAGE(!doc.HasParseError(), "not JSON: " + r.out.substr(0, 300));
    return doc;
}

std::string str(const rapidjson::Value& v, const char* key) {
    return v[key].IsString() ? std::string(v[key].GetString()) : std::string();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// "rule file message" of every finding of a scan with one of the DRIFT rules.
std::multiset<std::string> drift_findings_of(const History& h, const std::string& scan) {
    const rapidjson::Document doc = json_of(h.run({"--json", "findings", "--scan", scan}));
    std::multiset<std::string> found;
    for (const auto& f : doc["findings"].GetArray()) {
        if (str(f, "rule").starts_with("DRIFT-"))
            found.insert(str(f, "rule") + " " + str(f, "file") + " " + str(f, "message"));
    }
    return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(history)

BOOST_AUTO_TEST_CASE(diff_drift_history_and_restore_of_one_change) {
    History h;
    h.scan();
    BOOST_TEST(drift_findings_of(h, "latest").empty());  // nothing to compare the first scan with

    write_file(h.settings, kSettingsV2);
    write_file(h.servers, kServersV2);
    h.scan();

    // diff: exactly the two files, the two inventory changes, the two drift findings.
    const rapidjson::Document diff = json_of(h.run({"--json", "diff"}));
    BOOST_TEST(diff["from"]["id"].GetInt64() + 1 == diff["to"]["id"].GetInt64());
    std::set<std::string> files;
    for (const auto& f : diff["files"].GetArray()) {
        files.insert(str(f, "change") + " " + str(f, "path"));
        BOOST_TEST(str(f, "sha256_after") != str(f, "sha256_before"));
    }
    BOOST_TEST((files == std::set<std::string>{"changed ~/.claude.json",
                                               "changed ~/.claude/settings.json"}));
    std::set<std::string> inventory;
    for (const auto& c : diff["inventory"].GetArray())
        inventory.insert(str(c, "change") + " " + str(c, "kind") + " " + str(c, "name"));
    BOOST_TEST((inventory == std::set<std::string>{"added mcp_server github",
                                                   "added permission_rule Bash(git push:*)"}));
    std::multiset<std::string> drift;
    for (const auto& d : diff["drift"].GetArray())
        drift.insert(str(d, "rule") + " " + str(d, "severity") + " " + str(d, "file"));
    BOOST_TEST((drift == std::multiset<std::string>{"DRIFT-001 info ~/.claude.json",
                                                    "DRIFT-003 high ~/.claude/settings.json"}));

    // The patch of settings.json is the one line that changed, with its context.
    for (const auto& f : diff["files"].GetArray()) {
        if (str(f, "path") != "~/.claude/settings.json") continue;
        BOOST_TEST(str(f, "patch") ==
                   "--- ~/.claude/settings.json (scan 1)\n"
                   "+++ ~/.claude/settings.json (scan 2)\n"
                   "@@ -1,6 +1,6 @@\n"
                   " {\n"
                   "   \"permissions\": {\n"
                   "-    \"allow\": [\"Bash(npm test)\"],\n"
                   "+    \"allow\": [\"Bash(npm test)\", \"Bash(git push:*)\"],\n"
                   "     \"deny\": [\"Read(./.env)\"]\n"
                   "   }\n"
                   " }\n");
        BOOST_TEST(f["lines_added"].GetInt64() == 1);
        BOOST_TEST(f["lines_removed"].GetInt64() == 1);
    }

    // The text form says it in words.
    const ProcessResult text = h.run({"diff", "1", "2"});
    BOOST_REQUIRE_EQUAL(text.exit_code, 0);
    BOOST_TEST(contains(text.out, "Files: 2 changed, 0 added, 0 removed"), text.out);
    BOOST_TEST(contains(text.out,
                        "+ MCP server \"github\" added in ~/.claude.json: runs \"docker "
                        "run -i ghcr.io/github/github-mcp-server\""),
               text.out);
    BOOST_TEST(contains(text.out,
                        "+ permission rule \"Bash(git push:*)\" added to the allow "
                        "list in ~/.claude/settings.json"),
               text.out);
    BOOST_TEST(contains(text.out, "+    \"allow\": [\"Bash(npm test)\", \"Bash(git push:*)\"],"),
               text.out);
    BOOST_TEST(h.run({"diff", "--fail-on", "high"}).exit_code == 1);
    BOOST_TEST(h.run({"diff", "--fail-on", "critical"}).exit_code == 0);

    // The drift findings are stored with the scan, like any other finding.
    BOOST_TEST((drift_findings_of(h, "latest") ==
                std::multiset<std::string>{
                    "DRIFT-001 ~/.claude.json MCP server \"github\" was added since scan 1 "
                    "(docker run -i ghcr.io/github/github-mcp-server)",
                    "DRIFT-003 ~/.claude/settings.json allow rule \"Bash(git push:*)\" was added "
                    "since scan 1"}));

    // history: both versions, with their hashes and sizes; --show prints the first.
    const rapidjson::Document versions = json_of(h.run({"--json", "history", h.settings.string()}));
    BOOST_REQUIRE_EQUAL(versions["versions"].Size(), 2U);
    const auto& v1 = versions["versions"][0];
    const auto& v2 = versions["versions"][1];
    BOOST_TEST(v1["version"].GetInt() == 1);
    BOOST_TEST(str(v1, "sha256") == io::sha256_hex(kSettingsV1));
    BOOST_TEST(str(v2, "sha256") == io::sha256_hex(kSettingsV2));
    BOOST_TEST(v1["size"].GetInt64() == static_cast<long long>(kSettingsV1.size()));
    BOOST_TEST(v2["size"].GetInt64() == static_cast<long long>(kSettingsV2.size()));
    BOOST_TEST(str(v1, "content") == "restorable");
    BOOST_TEST(v1["scan_id"].GetInt64() < v2["scan_id"].GetInt64());
    const ProcessResult shown = h.run({"history", h.settings.string(), "--show", "1"});
    BOOST_REQUIRE_EQUAL(shown.exit_code, 0);
    BOOST_TEST(shown.out == kSettingsV1);
    const ProcessResult table = h.run({"history", h.settings.string()});
    BOOST_TEST(contains(table.out, io::sha256_hex(kSettingsV1).substr(0, 12)), table.out);
    const ProcessResult listed = h.run({"history"});
    BOOST_TEST(contains(listed.out, h.settings.string()), listed.out);
    BOOST_TEST(contains(listed.out, h.servers.string()), listed.out);

    // restore: the first version back, byte for byte, with the file's mode; the second in a
    // backup beside it, as private as the file.
    const ProcessResult restored = h.run({"restore", h.settings.string(), "--version", "1"});
    BOOST_REQUIRE_MESSAGE(restored.exit_code == 0, restored.err);
    BOOST_TEST(read_file(h.settings) == kSettingsV1);
    const auto mode = fs::status(h.settings).permissions();
    BOOST_TEST((mode == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read)));
    const std::vector<fs::path> backups = h.backups_of(h.settings);
    BOOST_REQUIRE_EQUAL(backups.size(), 1U);
    BOOST_TEST(read_file(backups.front()) == kSettingsV2);
    BOOST_TEST((fs::status(backups.front()).permissions() == mode));
    BOOST_TEST(contains(restored.out, backups.front().string()), restored.out);
    BOOST_TEST(h.names_beside(h.settings).size() == 2U);  // no temporary file left

    // Scanning the restored file records a third version and reports no drift: an allow rule
    // removed narrows permissions.
    h.scan();
    BOOST_TEST(json_of(h.run({"--json", "history", h.settings.string()}))["versions"].Size() == 3U);
    const std::multiset<std::string> after_restore = drift_findings_of(h, "latest");
    BOOST_TEST(after_restore.empty());
    BOOST_TEST(h.run({"restore", h.settings.string(), "--version", "1"})
                   .out.find("already holds version 1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(restore_refuses_and_leaves_everything_as_it_was) {
    History h;
    h.scan();
    write_file(h.settings, kSettingsV2);
    h.scan();
    const std::set<std::string> before = h.names_beside(h.settings);

    // Changed since the last scan: refused, nothing written; --force restores after a backup.
    const std::string edited = kSettingsV2 + "\n";
    write_file(h.settings, edited);
    const ProcessResult changed = h.run({"restore", h.settings.string(), "--version", "1"});
    BOOST_TEST(changed.exit_code == 3);
    BOOST_TEST(contains(changed.err, "changed since the last scan"), changed.err);
    BOOST_TEST(contains(changed.err, "--force"), changed.err);
    BOOST_TEST(read_file(h.settings) == edited);
    BOOST_TEST((h.names_beside(h.settings) == before));
    const ProcessResult forced =
        h.run({"restore", h.settings.string(), "--version", "1", "--force"});
    BOOST_REQUIRE_MESSAGE(forced.exit_code == 0, forced.err);
    BOOST_TEST(read_file(h.settings) == kSettingsV1);
    BOOST_REQUIRE_EQUAL(h.backups_of(h.settings).size(), 1U);
    BOOST_TEST(read_file(h.backups_of(h.settings).front()) == edited);

    // No such version, no such file.
    const ProcessResult out_of_range = h.run({"restore", h.settings.string(), "--version", "7"});
    BOOST_TEST(out_of_range.exit_code == 2);
    BOOST_TEST(contains(out_of_range.err, "versions 1 to 2"), out_of_range.err);
    const ProcessResult unknown =
        h.run({"restore", (h.dir / "home/nothing.json").string(), "--version", "1"});
    BOOST_TEST(unknown.exit_code == 2);
    BOOST_TEST(contains(unknown.err, "no stored versions of"), unknown.err);
    BOOST_TEST(h.run({"history", (h.dir / "home/nothing.json").string()}).exit_code == 2);

    // A version that held a secret was stored redacted: never written back, and the message says
    // how to keep restorable versions. The token reaches no output.
    const std::string secret_servers =
        R"J({"mcpServers": {"gh": {"command": "npx", "args": ["@modelcontextprotocol/server-github@1.0.0"],
  "env": {"GITHUB_TOKEN": ")J" +
        kToken + "\"}}}}\n";
    write_file(h.servers, secret_servers);
    h.scan();
    write_file(h.servers, kServersV1);
    h.scan();
    const ProcessResult redacted = h.run({"restore", h.servers.string(), "--version", "2"});
    BOOST_TEST(redacted.exit_code == 3);
    BOOST_TEST(contains(redacted.err, "stored redacted"), redacted.err);
    BOOST_TEST(contains(redacted.err, "never writes a redaction marker"), redacted.err);
    BOOST_TEST(contains(redacted.err, "--store-content raw:" + h.servers.string()), redacted.err);
    BOOST_TEST(read_file(h.servers) == kServersV1);
    BOOST_TEST(h.backups_of(h.servers).empty());
    const ProcessResult shown = h.run({"history", h.servers.string(), "--show", "2"});
    BOOST_TEST(shown.exit_code == 0);
    BOOST_TEST(contains(shown.out, "[REDACTED:"), shown.out);
    BOOST_TEST(!contains(shown.out + shown.err + redacted.out + redacted.err, kToken));

    // Stored raw (for that path only), the same version becomes restorable, byte for byte;
    // --show still redacts it.
    write_file(h.servers, secret_servers);
    const ProcessResult raw = h.scan({"--store-content", "raw:~/.claude.json"});
    BOOST_TEST(contains(raw.err, "plaintext"), raw.err);
    write_file(h.servers, kServersV1);
    h.scan();
    const rapidjson::Document versions = json_of(h.run({"--json", "history", h.servers.string()}));
    BOOST_REQUIRE_EQUAL(versions["versions"].Size(), 5U);
    BOOST_TEST(str(versions["versions"][1], "content") == "restorable");
    const ProcessResult shown_raw = h.run({"history", h.servers.string(), "--show", "4"});
    BOOST_TEST(!contains(shown_raw.out, kToken));
    BOOST_TEST(contains(shown_raw.out, "[REDACTED:"), shown_raw.out);
    const ProcessResult back = h.run({"restore", h.servers.string(), "--version", "2"});
    BOOST_REQUIRE_MESSAGE(back.exit_code == 0, back.err);
    BOOST_TEST(read_file(h.servers) == secret_servers);
    BOOST_TEST(!contains(back.out + back.err, kToken));

    // A version scanned with --store-content none has no content to write back.
    write_file(h.servers, kServersV2);
    h.scan({"--store-content", "none"});
    const ProcessResult none = h.run({"restore", h.servers.string(), "--version", "6"});
    BOOST_TEST(none.exit_code == 3);
    BOOST_TEST(contains(none.err, "no stored content"), none.err);
    BOOST_TEST(read_file(h.servers) == kServersV2);
}

BOOST_AUTO_TEST_CASE(restore_through_a_link_and_of_a_deleted_file) {
    History h;
    // settings.json is a link into a dotfiles folder in the home, as stow and chezmoi make them.
    const fs::path real = h.dir / "home/dotfiles/claude-settings.json";
    write_file(real, kSettingsV1, fs::perms::owner_read | fs::perms::owner_write);
    fs::remove(h.settings);
    fs::create_symlink(real, h.settings);
    h.scan();
    write_file(real, kSettingsV2);
    h.scan();
    const ProcessResult linked = h.run({"restore", h.settings.string(), "--version", "1"});
    BOOST_REQUIRE_MESSAGE(linked.exit_code == 0, linked.err);
    BOOST_TEST(fs::is_symlink(h.settings));  // still a link, to the same file
    BOOST_TEST(read_file(real) == kSettingsV1);
    BOOST_TEST(h.backups_of(real).size() == 1U);
    // A dangling link is refused: restore never creates a file through a link.
    fs::remove(real);
    const ProcessResult dangling = h.run({"restore", h.settings.string(), "--version", "2"});
    BOOST_TEST(dangling.exit_code == 3);
    BOOST_TEST(contains(dangling.err, "which does not exist"), dangling.err);
    BOOST_TEST(fs::is_symlink(h.settings));
    BOOST_TEST(!fs::exists(real));

    // A deleted file is written back with the mode it had; nothing needed a backup.
    fs::remove(h.servers);
    const ProcessResult deleted = h.run({"restore", h.servers.string(), "--version", "1"});
    BOOST_REQUIRE_MESSAGE(deleted.exit_code == 0, deleted.err);
    BOOST_TEST(read_file(h.servers) == kServersV1);
    BOOST_TEST(
        (fs::status(h.servers).permissions() == (fs::perms::owner_read | fs::perms::owner_write)));
    BOOST_TEST(h.backups_of(h.servers).empty());
    BOOST_TEST(contains(deleted.out, "nothing needed a backup"), deleted.out);

    // The history of another host name (scan --host) is read with --host.
    h.scan({"--host", "ci-runner-7"});
    BOOST_TEST(h.run({"history", h.servers.string(), "--host", "ci-runner-7"}).exit_code == 0);
    BOOST_TEST(h.run({"history", h.servers.string(), "--host", "nobody"}).exit_code == 2);
}

// Restore writes only the path that was scanned: never through a link out of the scanned home,
// never through a dangling link, never into a folder swapped for a link, never a new folder. Each
// refusal names the path, why and the fix, exits 3, and writes nothing anywhere.
BOOST_AUTO_TEST_CASE(restore_never_writes_outside_the_scanned_path) {
    History h;
    h.scan();
    write_file(h.settings, kSettingsV2);
    h.scan();
    const fs::path outside = h.dir / "outside";
    const fs::path victim = outside / "credentials";
    const std::string secret = "https://ana:token@example.com\n";
    write_file(victim, secret, fs::perms::owner_read | fs::perms::owner_write);

    // The scanned file replaced by a link to another file, outside the home: refused, with and
    // without --force; the other file keeps its bytes and gets no backup beside it.
    fs::remove(h.settings);
    fs::create_symlink(victim, h.settings);
    for (const bool force : {false, true}) {
        std::vector<std::string> args{"restore", h.settings.string(), "--version", "1"};
        if (force) args.emplace_back("--force");
        const ProcessResult r = h.run(args);
        BOOST_TEST(r.exit_code == 3);
        BOOST_TEST(contains(r.err, h.settings.string() + " resolves to " + victim.string()), r.err);
        BOOST_TEST(contains(r.err, "outside the home, roots and system root"), r.err);
        BOOST_TEST(contains(r.err, "nothing was written"), r.err);
        BOOST_TEST(contains(r.err, "rm " + h.settings.string()), r.err);
        BOOST_TEST(read_file(victim) == secret);
        BOOST_TEST(h.backups_of(victim).empty());
        BOOST_TEST(fs::is_symlink(h.settings));
    }

    // A dangling link to a file in folders that do not exist: refused, no folder, no file.
    fs::remove(h.settings);
    const fs::path nowhere = outside / "new/folders/settings.json";
    fs::create_symlink(nowhere, h.settings);
    const ProcessResult dangling = h.run({"restore", h.settings.string(), "--version", "1"});
    BOOST_TEST(dangling.exit_code == 3);
    BOOST_TEST(contains(dangling.err, h.settings.string() + " is a symbolic link to " +
                                          nowhere.string() + ", which does not exist"),
               dangling.err);
    BOOST_TEST(contains(dangling.err, "nothing was written"), dangling.err);
    BOOST_TEST(!fs::exists(outside / "new"));
    BOOST_TEST(fs::is_symlink(h.settings));

    // The file's folder swapped for a link to a folder outside the home: refused; the folder
    // there keeps exactly what it had.
    const fs::path claude = h.settings.parent_path();
    fs::remove_all(claude);
    const fs::path elsewhere = outside / "claude";
    write_file(elsewhere / "settings.json", kSettingsV2);
    fs::create_symlink(elsewhere, claude);
    const std::set<std::string> there = h.names_beside(elsewhere / "settings.json");
    for (const bool force : {false, true}) {
        std::vector<std::string> args{"restore", h.settings.string(), "--version", "1"};
        if (force) args.emplace_back("--force");
        const ProcessResult r = h.run(args);
        BOOST_TEST(r.exit_code == 3);
        BOOST_TEST(contains(r.err, " resolves to " + (elsewhere / "settings.json").string()),
                   r.err);
        BOOST_TEST(contains(r.err, "nothing was written"), r.err);
        BOOST_TEST(read_file(elsewhere / "settings.json") == kSettingsV2);
        BOOST_TEST((h.names_beside(elsewhere / "settings.json") == there));
    }
    // The same with the file gone from the linked folder: still refused, nothing created there.
    fs::remove(elsewhere / "settings.json");
    const ProcessResult gone = h.run({"restore", h.settings.string(), "--version", "1"});
    BOOST_TEST(gone.exit_code == 3);
    BOOST_TEST(contains(gone.err, "outside the home, roots and system root"), gone.err);
    BOOST_TEST(fs::is_empty(elsewhere));

    // The file's folder missing: refused, the folder is not created.
    fs::remove(claude);
    const ProcessResult missing = h.run({"restore", h.settings.string(), "--version", "1"});
    BOOST_TEST(missing.exit_code == 3);
    BOOST_TEST(contains(missing.err, h.settings.string() + ": its folder " + claude.string() +
                                         " does not exist and restore never creates folders"),
               missing.err);
    BOOST_TEST(contains(missing.err, "mkdir -p " + claude.string()), missing.err);
    BOOST_TEST(!fs::exists(claude));

    // A FIFO where the file was: refused without opening it.
    fs::create_directories(claude);
    BOOST_REQUIRE(::mkfifo(h.settings.c_str(), 0600) == 0);
    const ProcessResult fifo = h.run({"restore", h.settings.string(), "--version", "1"});
    BOOST_TEST(fifo.exit_code == 3);
    BOOST_TEST(contains(fifo.err, h.settings.string() + " is not a regular file"), fifo.err);
    BOOST_TEST(fs::is_fifo(h.settings));

    // The normal case still works: the file back in a real folder, restored after a backup.
    fs::remove(h.settings);
    write_file(h.settings, kSettingsV2);
    const ProcessResult normal = h.run({"restore", h.settings.string(), "--version", "1"});
    BOOST_REQUIRE_MESSAGE(normal.exit_code == 0, normal.err);
    BOOST_TEST(read_file(h.settings) == kSettingsV1);
    BOOST_REQUIRE_EQUAL(h.backups_of(h.settings).size(), 1U);
    BOOST_TEST(read_file(h.backups_of(h.settings).front()) == kSettingsV2);
    BOOST_TEST(read_file(victim) == secret);
}

BOOST_AUTO_TEST_CASE(usage_errors_name_the_fix) {
    History h;
    h.scan();
    const ProcessResult bad_mode = h.run(
        {"scan", "--home", (h.dir / "home").string(), "--store-content", "plain:~/.claude.json"});
    BOOST_TEST(bad_mode.exit_code == 2);
    BOOST_TEST(contains(bad_mode.err, "use redacted, none or raw"), bad_mode.err);
    const ProcessResult empty =
        h.run({"scan", "--home", (h.dir / "home").string(), "--store-content", "raw:"});
    BOOST_TEST(empty.exit_code == 2);
    BOOST_TEST(contains(empty.err, "after the colon"), empty.err);
    const ProcessResult no_baseline = h.run({"diff"});
    BOOST_TEST(no_baseline.exit_code == 2);
    BOOST_TEST(contains(no_baseline.err, "name both scans"), no_baseline.err);
    const ProcessResult no_scan = h.run({"diff", "41", "latest"});
    BOOST_TEST(no_scan.exit_code == 2);
    BOOST_TEST(contains(no_scan.err, "no scan 41"), no_scan.err);
    BOOST_TEST(h.run({"history", "--show", "1"}).exit_code == 2);
    BOOST_TEST(h.run({"history", h.settings.string(), "--show", "2"}).exit_code == 2);
    BOOST_TEST(h.run({"restore", h.settings.string()}).exit_code == 2);  // --version is required
    BOOST_TEST(h.run({"--version"}).out.starts_with("confscope "));

    // previous / latest and --no-patch.
    write_file(h.settings, kSettingsV2);
    h.scan();
    const ProcessResult named = h.run({"diff", "previous", "latest", "--no-patch"});
    BOOST_REQUIRE_EQUAL(named.exit_code, 0);
    BOOST_TEST(contains(named.out, "changed  ~/.claude/settings.json  (+1 -1 lines)"), named.out);
    BOOST_TEST(!contains(named.out, "@@"), named.out);
}

BOOST_AUTO_TEST_CASE(drift_compares_only_like_with_like) {
    History h;
    write_file(h.dir / "repo/.mcp.json", kServersV1);
    h.scan();
    write_file(h.servers, kServersV2);

    // Another set of roots is another baseline: no drift against the home-only scan.
    h.scan({"--root", (h.dir / "repo").string()});
    BOOST_TEST(drift_findings_of(h, "latest").empty());
    // Fewer plugins this time: the servers of the plugins that did not run are not "removed",
    // and the server added in ~/.claude.json (claude-code) is not compared at all.
    h.scan({"--plugin", "mcp"});
    BOOST_TEST(drift_findings_of(h, "latest").empty());
    // The same scope as the first scan: the server added since is reported once.
    h.scan();
    BOOST_TEST(drift_findings_of(h, "latest").size() == 1U);
    // diff with nothing comparable before the first scan says so.
    const ProcessResult first = h.run({"diff", "1", "1"});
    BOOST_TEST(first.exit_code == 0);
    BOOST_TEST(contains(first.out, "no differences"), first.out);
}

BOOST_AUTO_TEST_CASE(prune_keeps_every_version_a_kept_scan_saw) {
    History h;
    h.scan();
    write_file(h.settings, kSettingsV2);
    h.scan();
    h.scan();  // unchanged: no new version
    const rapidjson::Document before = json_of(h.run({"--json", "history", h.settings.string()}));
    BOOST_REQUIRE_EQUAL(before["versions"].Size(), 2U);
    const std::string v2_time = str(before["versions"][1], "changed_at");

    // Keep the newest two scans: version 1 (seen only by scan 1) goes, with its content.
    const rapidjson::Document pruned = json_of(h.run({"--json", "db", "prune", "--keep", "2"}));
    BOOST_TEST(pruned["scans_removed"].GetInt64() == 1);
    BOOST_TEST(pruned["versions_removed"].GetInt64() == 1);
    const rapidjson::Document kept2 = json_of(h.run({"--json", "history", h.settings.string()}));
    BOOST_REQUIRE_EQUAL(kept2["versions"].Size(), 1U);
    BOOST_TEST(str(kept2["versions"][0], "sha256") == io::sha256_hex(kSettingsV2));
    // ~/.claude.json never changed: its only version, recorded by the pruned scan, stays.
    BOOST_TEST(json_of(h.run({"--json", "history", h.servers.string()}))["versions"].Size() == 1U);

    // Keep one: version 2 was recorded by scan 2, which goes; scan 3 still saw it, so it stays,
    // with its original time, and can still be shown and restored.
    json_of(h.run({"--json", "db", "prune", "--keep", "1"}));
    const rapidjson::Document kept1 = json_of(h.run({"--json", "history", h.settings.string()}));
    BOOST_REQUIRE_EQUAL(kept1["versions"].Size(), 1U);
    BOOST_TEST(str(kept1["versions"][0], "changed_at") == v2_time);
    BOOST_TEST(kept1["versions"][0]["scan_id"].GetInt64() == 3);
    BOOST_TEST(h.run({"history", h.settings.string(), "--show", "1"}).out == kSettingsV2);
}

BOOST_AUTO_TEST_SUITE_END()
