// No secret in plaintext, anywhere, in the default mode: every shape a secret can take in a
// configuration file (a password in a database URL inside a longer string, JSON-, YAML- and
// TOML-escaped tokens, a token split over a TOML line continuation, a token as a server name or a
// TOML table key, a token in a file or folder name, secrets in a file that does not parse, in
// Markdown prose) is planted in a real home, scanned by the real executable into a real SQLite
// file, and then looked for in the file's bytes, `sqlite3 .dump`, `db backup`, every export
// format, `scans show`, `findings`, `inventory`, `diff`, `history --show`, the trace log and
// stderr. Every planted secret also has a SEC finding that says where it is. With the explicit
// `--store-content raw` the store keeps the bytes, and `history --show` and `diff` still redact.
#define BOOST_TEST_MODULE confscope secrets never in plaintext
#include <cstdlib>
#include <set>
#include <string_view>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;

namespace {

// Bodies of the planted tokens (each unique, none a documentation example) and passwords.
const std::string kServerNameToken = "ghp_qsR6RZ24lPoQj3oPUlieI2nVsbBi1RMar1jf";
const std::string kTableKeyToken = "ghp_3YZ4Zq0CVB8iY4qw2oF5WJKBQx4BOuPhw0MZ";
const std::string kJsonEscapedBody = "OqSCJNViCRUCIlsmlHwqxDqMrz4iKFJpKp4m";
const std::string kYamlEscapedBody = "SxieBPO9DyaUB73cojFZS1COqkUAV3q4WZwm";
const std::string kTomlFirstHalf = "T2OxHTQi5TMpUFn3NcL";
const std::string kTomlSecondHalf = "SLcwLUKvlsmkYRJh5";
const std::string kBrokenFileToken = "sk-ant-api03-okeBPMJZIScC0vPfHaithAt6rKMSe8EHx21c";
const std::string kFolderToken = "ghp_auvjFJIH0EoQnsZcyGT6kVjqBR02nqBLpwXp";
const std::string kFileNameToken = "ghp_LsBnPwBcuzDfeWcM6aPXtmCEJyvdsHB8ij3d";
const std::string kAddedLaterToken = "ghp_hx0knttMyscwigxFCL4LBcwIsi9Zduk54IVi";
const std::string kCommandPassword = "Vx7pQ2mZ9kLw";
const std::string kArgumentPassword = "Hq4nR8sT2vWy";
const std::string kProsePassword = "Zr5tK9pLm3Qx";
const std::string kBrokenFilePassword = "Bn6vC3xZ8mLq";
// A secret without a known shape or a telling name, in an argument; a webhook URL's credential.
const std::string kUnnamedArgument = "1MhKd3FfoWvc8c52baaKnFsGqD7ba1jTvTCfbXcZ7YQ";
const std::string kWebhookPath = "B07L3RZ9P2Q/Xz9kQ2mP7vL4nR8tY1wB3cD6";

// Every text that must never be printed or stored; both halves of the continued token count.
std::vector<std::string> plaintexts() {
    return {kServerNameToken, kTableKeyToken,     kJsonEscapedBody, kYamlEscapedBody,
            kTomlFirstHalf,   kTomlSecondHalf,    kBrokenFileToken, kFolderToken,
            kFileNameToken,   kAddedLaterToken,   kCommandPassword, kArgumentPassword,
            kProsePassword,   kBrokenFilePassword};
}

struct Planted {
    TempDir dir;
    fs::path home = dir / "home";
    fs::path src = dir / "home/src";
    fs::path repo = dir / "home/src/app";
    std::string db = (dir / "store.db").string();

    Planted() {
        // A project .mcp.json: passwords in a command string and in an argument, a token as a
        // server's name.
        write_file(repo / ".mcp.json", R"J({
  "mcpServers": {
    "reports": {"command": "psql postgresql://ro:)J" +
                                           kCommandPassword +
                                           R"J(@db.internal/prod"},
    "api": {"command": "node", "args": ["server.js", "--db=postgresql://u:)J" +
                                           kArgumentPassword + R"J(@db/app", "-k=)J" +
                                           kUnnamedArgument + R"J("]},
    ")J" + kServerNameToken + R"J(": {"command": "node", "args": ["x.js"]}
  }
}
)J");
        // Markdown prose with a database URL.
        write_file(repo / "CLAUDE.md", "# App\n\nConnect with mysql://admin:" + kProsePassword +
                                           "@db.internal/app when testing.\nNotify "
                                           "https://hooks.slack.com/services/T04QK2M7X/" +
                                           kWebhookPath + " when done.\n");
        // ~/.claude.json with a JSON-escaped token.
        write_file(home / ".claude.json",
                   "{\"primaryApiKey\": \"ghp\\u005f" + kJsonEscapedBody + "\"}\n",
                   fs::perms::owner_read | fs::perms::owner_write);
        // Continue with a YAML-escaped token.
        write_file(home / ".continue/config.yaml",
                   "models:\n  - name: m\n    provider: openai\n    apiKey: \"ghp\\x5f" +
                       kYamlEscapedBody + "\"\n");
        // Codex: a token split over a line continuation, and one as a table key.
        write_file(home / ".codex/config.toml",
                   "[mcp_servers.gh]\ncommand = \"npx\"\n[mcp_servers.gh.env]\nGITHUB_TOKEN = "
                   "\"\"\"ghp_" +
                       kTomlFirstHalf + "\\\n    " + kTomlSecondHalf + "\"\"\"\n[mcp_servers." +
                       kTableKeyToken + "]\ncommand = \"node\"\n");
        // A settings file that does not parse, with a token and a password in a URL.
        write_file(home / ".claude/settings.json",
                   "{\"env\": {\"ANTHROPIC_API_KEY\": \"" + kBrokenFileToken +
                       "\" \"BROKER\": \"amqp://app:" + kBrokenFilePassword + "@mq.internal/\"}\n");
        // A token in a folder name and one in a file name.
        write_file(src / kFolderToken / ".mcp.json",
                   R"J({"mcpServers": {"docs": {"command": "node", "args": ["docs.js"]}}})J");
        write_file(repo / ".claude/agents" / (kFileNameToken + ".md"),
                   "---\nname: helper\ndescription: helps\n---\nHelp.\n");
    }

    [[nodiscard]] std::vector<std::string> scan(std::vector<std::string> extra = {}) const {
        std::vector<std::string> args{"--db",
                                      db,
                                      "--log-level",
                                      "trace",
                                      "scan",
                                      "--home",
                                      home.string(),
                                      "--system-root",
                                      (dir / "system").string(),
                                      "--root",
                                      src.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
};

std::string everything_printed_by(const std::vector<std::vector<std::string>>& commands) {
    std::string all;
    for (const auto& command : commands) {
        const ProcessResult r = run_confscope(command);
        all += r.out + r.err;
    }
    return all;
}

void expect_no_plaintext(const std::string& text, const std::string& where) {
    for (const std::string& secret : plaintexts()) {
        BOOST_TEST_CONTEXT(where << ": " << secret) {
            BOOST_TEST(text.find(secret) == std::string::npos);
        }
    }
}

// The sqlite3 shell, looked up on PATH (run_process starts programs by path).
std::string sqlite3_shell() {
    const char* path = std::getenv("PATH");
    std::string_view dirs = path != nullptr ? path : "/usr/bin:/bin";
    while (!dirs.empty()) {
        const auto colon = dirs.find(':');
        const fs::path candidate = fs::path(std::string(dirs.substr(0, colon))) / "sqlite3";
        if (fs::exists(candidate)) return candidate.string();
        if (colon == std::string_view::npos) break;
        dirs.remove_prefix(colon + 1);
    }
    return "sqlite3";
}

std::string store_bytes(const std::string& db) {
    std::string bytes;
    for (const std::string suffix : {"", "-wal", "-shm", "-journal"}) {
        if (fs::exists(db + suffix)) bytes += read_file(db + suffix);
    }
    return bytes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plaintext)

BOOST_AUTO_TEST_CASE(no_planted_secret_reaches_the_store_an_output_or_a_log) {
    Planted m;
    const std::string log = (m.dir / "logs/trace.jsonl").string();
    std::vector<std::string> first = m.scan();
    first.insert(first.begin(), {"--log-file", log});
    const ProcessResult scan = run_confscope(first);
    BOOST_TEST((scan.exit_code == 0 || scan.exit_code == 1), scan.err);
    std::string printed = scan.out + scan.err + read_file(log);

    // A second scan after a change, so that diff and history have two versions to show.
    write_file(m.repo / ".mcp.json", read_file(m.repo / ".mcp.json") + "\n");
    write_file(m.home / ".continue/config.yaml", read_file(m.home / ".continue/config.yaml") +
                                                     "    token: " + kAddedLaterToken + "\n");
    const ProcessResult rescan = run_confscope(m.scan());
    printed += rescan.out + rescan.err;

    const std::string db = m.db;
    printed += everything_printed_by({
        {"--db", db, "scans", "show", "latest"},
        {"--db", db, "--json", "scans", "show", "latest"},
        {"--db", db, "findings"},
        {"--db", db, "--json", "findings"},
        {"--db", db, "inventory"},
        {"--db", db, "--json", "inventory"},
        {"--db", db, "diff"},
        {"--db", db, "--json", "diff"},
        {"--db", db, "history"},
        {"--db", db, "db", "backup", "-"},
    });
    for (const fs::path& file : {m.repo / ".mcp.json", m.repo / "CLAUDE.md",
                                 m.home / ".claude.json", m.home / ".continue/config.yaml",
                                 m.home / ".codex/config.toml", m.home / ".claude/settings.json"}) {
        printed += everything_printed_by({{"--db", db, "history", file.string()},
                                          {"--db", db, "history", file.string(), "--show", "1"},
                                          {"--db", db, "history", file.string(), "--show", "2"}});
    }
    for (const std::string format : {"json", "csv", "markdown", "html", "sarif", "junit"}) {
        const fs::path out = m.dir / ("report." + format);
        const ProcessResult r =
            run_confscope({"--db", db, "export", "--format", format, "--output", out.string()});
        BOOST_TEST(r.exit_code == 0, format + ": " + r.err);
        printed += r.out + r.err + (fs::exists(out) ? read_file(out) : std::string());
    }
    expect_no_plaintext(printed, "outputs");
    expect_no_plaintext(store_bytes(db), "the SQLite file");
    const ProcessResult dump = run_process({sqlite3_shell(), db, ".dump"});
    BOOST_REQUIRE_MESSAGE(dump.exit_code == 0, "sqlite3 .dump failed: " + dump.err);
    BOOST_TEST(dump.out.find("CREATE TABLE") != std::string::npos);
    expect_no_plaintext(dump.out, "sqlite3 .dump");
    // The markers are there instead, and the log was written.
    BOOST_TEST(dump.out.find("[REDACTED:") != std::string::npos);
    BOOST_TEST(read_file(log).find("\"level\"") != std::string::npos);

    // Every planted secret has a SEC finding on its file that says where it is.
    const ProcessResult findings = run_confscope({"--db", db, "--json", "findings"});
    rapidjson::Document doc;
    doc.Parse(findings.out.c_str());
    BOOST_REQUIRE(doc.IsObject() && doc.HasMember("findings") && doc["findings"].IsArray());
    std::multiset<std::string> secret_files;
    for (const auto& f : doc["findings"].GetArray()) {
        const std::string rule = f["rule"].GetString();
        if (rule.starts_with("SEC-")) secret_files.insert(f["file"].GetString());
    }
    const auto with_secret = [&](const std::string& suffix) {
        return std::count_if(secret_files.begin(), secret_files.end(),
                             [&](const std::string& f) { return f.ends_with(suffix); });
    };
    BOOST_TEST(with_secret("app/.mcp.json") >= 4);  // command, two arguments, server name
    BOOST_TEST(with_secret("app/CLAUDE.md") >= 2);  // the password and the webhook
    BOOST_TEST(with_secret(".claude.json") >= 1);
    BOOST_TEST(with_secret(".continue/config.yaml") >= 2);
    BOOST_TEST(with_secret(".codex/config.toml") >= 2);
    BOOST_TEST(with_secret(".claude/settings.json") >= 2);  // the file does not parse
    BOOST_TEST(with_secret("/.mcp.json") >= 4);             // the folder named with a token
    BOOST_TEST(findings.out.find("SEC-007") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(raw_content_is_the_explicit_opt_in_and_is_still_redacted_on_output) {
    Planted m;
    const ProcessResult scan = run_confscope(m.scan({"--store-content", "raw"}));
    BOOST_TEST((scan.exit_code == 0 || scan.exit_code == 1), scan.err);
    // Raw content is what the user asked for: the bytes are in the store.
    BOOST_TEST(store_bytes(m.db).find(kCommandPassword) != std::string::npos);
    write_file(m.repo / ".mcp.json", read_file(m.repo / ".mcp.json") + "\n");
    const ProcessResult rescan = run_confscope(m.scan({"--store-content", "raw"}));
    BOOST_TEST((rescan.exit_code == 0 || rescan.exit_code == 1), rescan.err);
    const std::string mcp = (m.repo / ".mcp.json").string();
    const std::string printed =
        scan.out + scan.err + rescan.out + rescan.err +
        everything_printed_by({{"--db", m.db, "history", mcp, "--show", "1"},
                               {"--db", m.db, "diff"},
                               {"--db", m.db, "findings"}});
    BOOST_TEST(printed.find("[REDACTED:") != std::string::npos);
    expect_no_plaintext(printed, "raw mode outputs");
}

BOOST_AUTO_TEST_SUITE_END()
