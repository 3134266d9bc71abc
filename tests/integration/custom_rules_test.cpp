// The custom plugin's rule files (docs/CUSTOM_RULES.md): a bad file refuses the plugin at create()
// with one line, "<file>:<line>:<column>: <what>; <fix>", through the plugin API and through
// `confscope scan --rules` / the rules folder (exit 3, nothing stored); a good file's rules are
// declared to the host; the documented examples load; a secret is never put in a message.
// The real plugin library is loaded from disk; the golden cases are in tests/fixtures/custom/.
#define BOOST_TEST_MODULE confscope custom rules
#include <map>

#include <boost/test/unit_test.hpp>

#include <confscope/plugins/loader.hpp>
#include <confscope/plugins/rule_files.hpp>

#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;

namespace {

std::shared_ptr<plugins::LoadedPlugin> custom_plugin() {
    plugins::PluginLoader loader;
    auto plugin = loader.load(plugin_dir() / ("custom" + plugins::library_suffix()));
    BOOST_REQUIRE_MESSAGE(plugin.is_ok(), plugin.status().message());
    return *plugin;
}

Result<std::unique_ptr<plugins::PluginInstance>> create(
    const std::vector<plugins::RuleFile>& files) {
    return plugins::PluginInstance::create(custom_plugin(), plugins::rule_files_config(files));
}

// The refusal of `content` as the rule file "/rules/<name>.toml".
std::string refusal(const std::string& name, const std::string& content) {
    auto instance = create({{"/rules/" + name + ".toml", content}});
    BOOST_REQUIRE_MESSAGE(!instance.is_ok(), name + ": the rule file was accepted");
    return instance.status().message();
}

const std::string kTarget = R"(
[[target]]
id = "acme"
name = "Acme configuration"
path = "{PROJECT}/.acme/config.json"
format = "json"
scope = "project"
)";

// A valid rule; `extra` is appended inside its table.
std::string rule(const std::string& extra = "", const std::string& id = "ACME-001") {
    return "[[rule]]\nid = \"" + id +
           "\"\nseverity = \"high\"\ntitle = \"Mode is yolo\"\nmessage = \"{file}: {value}\"\n"
           "help = \"Set mode to safe.\"\ntargets = [\"acme\"]\nselector = \"/mode\"\n" +
           extra;
}

struct BadFile {
    std::string name;
    std::string content;
    std::string place;  // "<line>:<column>"
    std::string what;   // a part of the message
};

// "a.a.a…" with `segments` key segments.
std::string dotted_key(int segments) {
    std::string key = "a";
    for (int i = 1; i < segments; ++i)
        key += ".a";
    return key;
}

std::vector<BadFile> bad_files() {
    // kTarget takes lines 1-7 (it starts with a newline); rule() starts on line 9 after "\n".
    const std::string head = kTarget + "\n";
    return {
        {"syntax", "[[rule]\nid = \"ACME-001\"\n", "1:8", "not valid TOML"},
        {"unknown-key", "[[target]]\nid = \"acme\"\nfromat = \"json\"\n", "3:1",
         "unknown key 'fromat' in [[target]]; did you mean 'format'?"},
        {"unknown-top-level", "[[rules]]\nid = \"ACME-001\"\n", "1:3",
         "unknown key 'rules' in the rule file; did you mean 'rule'?"},
        {"missing-field", head + "[[rule]]\nid = \"ACME-001\"\ntitle = \"Mode is yolo\"\n", "9:1",
         "missing 'severity'"},
        {"bad-regex", head + rule("matches = '(yolo'\n"), "17:11", "bad RE2 pattern '(yolo'"},
        {"unknown-target",
         head + rule().replace(rule().find("[\"acme\"]"), 8, "[\"acme\", \"nope\"]"), "15:20",
         "unknown target 'nope'; use a declared target (acme)"},
        {"duplicate-id", head + rule() + "\n" + rule(), "19:6",
         "rule id 'ACME-001' is already declared at /rules/duplicate-id.toml:10:6"},
        {"reserved-prefix", head + rule("", "PERM-900"), "10:6", "built-in prefix PERM-"},
        {"id-shape", head + rule("", "acme-1"), "10:6", "rule id 'acme-1' is not PREFIX-NUMBER"},
        {"unknown-placeholder", head + rule().replace(rule().find("{value}"), 7, "{valeu}"),
         "13:11", "unknown placeholder {valeu}"},
        {"path-template",
         "[[target]]\nid = \"aider\"\nname = \"Aider\"\npath = \"~/.aider.conf.yml\"\n"
         "format = \"yaml\"\nscope = \"user\"\n",
         "4:8", "does not start with a placeholder"},
        {"unknown-format",
         "[[target]]\nid = \"aider\"\nname = \"Aider\"\npath = \"{HOME}/.aider.conf.yml\"\n"
         "format = \"yml\"\nscope = \"user\"\n",
         "5:10", "format 'yml' is unknown; use json, jsonc, yaml, toml, markdown"},
        {"absent-with-wildcard",
         head + rule().replace(rule().find("\"/mode\""), 7, "\"/servers/*/version\"") +
             "not_exists = true\n",
         "17:14", "not_exists on the rule needs a selector without * or **"},
        {"selector-on-text",
         "[[target]]\nid = \"acme\"\nname = \"Notes\"\npath = \"{PROJECT}/NOTES.txt\"\n"
         "format = \"text\"\nscope = \"project\"\n\n" +
             rule(),
         "14:12", "target 'acme' is text, which has no keys to select"},
        {"multi-line-title", head + rule().replace(rule().find("Mode is yolo"), 12, "Mode\\nyolo"),
         "12:9", "title spans several lines"},
        // 40,000 dotted keys: refused before toml++ recurses (which would overflow the stack).
        {"too-deep", dotted_key(40'000) + " = 1\n", "1:1024",
         "keys or values nest deeper than 512 levels"},
    };
}

bool one_line(const std::string& text) {
    return text.find('\n') == std::string::npos && text.find('\r') == std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_bad_rule_file_is_refused_with_file_line_and_column) {
    for (const BadFile& bad : bad_files()) {
        BOOST_TEST_CONTEXT(bad.name) {
            const std::string message = refusal(bad.name, bad.content);
            const std::string where = "/rules/" + bad.name + ".toml:" + bad.place + ": ";
            BOOST_TEST(message.find(where) != std::string::npos, message);
            BOOST_TEST(message.find(bad.what) != std::string::npos, message);
            BOOST_TEST(message.find("; ", message.find(where)) != std::string::npos, message);
            BOOST_TEST(one_line(message), message);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_duplicate_id_across_files_names_both) {
    auto instance = create({{"/rules/a.toml", kTarget + "\n" + rule()}, {"/rules/b.toml", rule()}});
    BOOST_REQUIRE(!instance.is_ok());
    const std::string& message = instance.status().message();
    BOOST_TEST(message.find("/rules/b.toml:2:6: ") != std::string::npos, message);
    BOOST_TEST(message.find("already declared at /rules/a.toml:10:6") != std::string::npos,
               message);
}

BOOST_AUTO_TEST_CASE(without_rule_files_the_plugin_loads_and_does_nothing) {
    for (const std::string config : {"{}", R"({"rule_files": []})"}) {
        auto instance = plugins::PluginInstance::create(custom_plugin(), config);
        BOOST_REQUIRE_MESSAGE(instance.is_ok(), instance.status().message());
        BOOST_TEST((*instance)->extra_rules().empty());
        auto targets = (*instance)->targets();
        BOOST_REQUIRE(targets.is_ok());
        BOOST_TEST(targets->empty());
    }
    BOOST_TEST(plugins::accepts_rule_files(*custom_plugin()));
}

BOOST_AUTO_TEST_CASE(the_rules_of_a_rule_file_are_declared_to_the_host) {
    auto instance =
        create({{"/rules/good.toml", kTarget + "\n" + rule("", "ACME-001") + "\n" +
                                         rule("help_uri = \"https://acme.dev/r\"\n", "ACME-002")}});
    BOOST_REQUIRE_MESSAGE(instance.is_ok(), instance.status().message());
    const auto& rules = (*instance)->extra_rules();
    BOOST_REQUIRE_EQUAL(rules.size(), 2u);
    BOOST_TEST(rules[0].id == "ACME-001");
    BOOST_TEST(sdk::to_string(rules[0].severity) == "high");
    BOOST_TEST(rules[0].title == "Mode is yolo");
    BOOST_TEST(rules[0].help == "Set mode to safe.");
    BOOST_TEST(rules[1].help_uri == "https://acme.dev/r");
    auto targets = (*instance)->targets();
    BOOST_REQUIRE(targets.is_ok());
    BOOST_REQUIRE_EQUAL(targets->size(), 1u);
    BOOST_TEST(targets->front().path == "{PROJECT}/.acme/config.json");
    BOOST_TEST(targets->front().category == "custom");
}

BOOST_AUTO_TEST_CASE(the_documented_examples_load) {
    const fs::path examples = source_dir() / "docs" / "examples";
    std::vector<plugins::RuleFile> files;
    for (const char* name : {"team-policy.toml", "aider.toml"})
        files.push_back({(examples / name).string(), read_file(examples / name)});
    auto instance = create(files);
    BOOST_REQUIRE_MESSAGE(instance.is_ok(), instance.status().message());
    std::vector<std::string> ids;
    for (const sdk::Rule& r : (*instance)->extra_rules())
        ids.push_back(r.id);
    const std::vector<std::string> expected{"TEAM-001",  "TEAM-002",  "TEAM-003",
                                            "AIDER-001", "AIDER-002", "AIDER-003"};
    BOOST_TEST(ids == expected, boost::test_tools::per_element());
}

// The golden case secret-never-in-message compares positions; here its messages.
BOOST_AUTO_TEST_CASE(a_secret_is_never_put_in_a_message) {
    const fs::path fixture = source_dir() / "tests/fixtures/custom/secret-never-in-message";
    TempDir machine;
    copy_tree(fixture / "input", machine.path());
    auto instances = load_plugins({"custom"}, {fixture / "rules.toml"});
    BOOST_REQUIRE_EQUAL(instances.size(), 1u);
    const scan::ScanResult result = scan::run_scan(
        planted_scan(machine / "home", machine / "system", {machine / "repo"}), raw(instances));
    const std::string token = "ghp_Q7wE9rT2yU4iO6pA8sD0fG1hJ3kL5zX7cV9b";
    const std::string password = "q8Zr4x2LmP0vT7wKc9YsB3nDj6Hf";
    std::map<std::string, std::string> by_place;  // "rule pointer line" -> message
    for (const scan::Finding& f : result.findings) {
        BOOST_TEST(f.message.find(token) == std::string::npos, f.message);
        BOOST_TEST(f.message.find(password) == std::string::npos, f.message);
        BOOST_TEST(f.message.find("REDACTED") == std::string::npos,
                   "the plugin, not the host's scrubber, must keep the secret out: " + f.message);
        by_place[f.rule_id + " " + f.pointer + " " + std::to_string(f.line)] = f.message;
    }
    BOOST_TEST(by_place["ACME-028 /env/GITHUB_TOKEN 3"] ==
               "GITHUB_TOKEN in .acme/config.json is a literal secret: <secret withheld>");
    BOOST_TEST(by_place["ACME-029 /env/DB_PASSWORD 4"] == "DB_PASSWORD = <secret withheld>");
    BOOST_TEST(by_place["ACME-029 /env/TOKEN_TTL 5"] == "TOKEN_TTL = 3600");
    BOOST_TEST(by_place["ACME-030  2"] == "line 2: <secret withheld>");
    BOOST_TEST(by_place["ACME-030  3"] == "line 3: export LOG_LEVEL=info");
}

// ---- the command line -------------------------------------------------------------------------

namespace {

struct Cli {
    TempDir dir;
    std::vector<std::string> env{"HOME=" + (dir / "home").string(),
                                 "XDG_CONFIG_HOME=" + (dir / "config").string(),
                                 "XDG_DATA_HOME=" + (dir / "data").string()};
    Cli() {
        write_file(dir / "repo/.acme/config.json", "{\n  \"mode\": \"yolo\"\n}\n");
        fs::create_directories(dir / "home");
    }
    ProcessResult scan(const std::vector<std::string>& extra) const {
        std::vector<std::string> args{"--db",
                                      (dir / "store.db").string(),
                                      "scan",
                                      "--home",
                                      (dir / "home").string(),
                                      "--system-root",
                                      (dir / "sys").string(),
                                      "--root",
                                      (dir / "repo").string(),
                                      "--plugin",
                                      "custom"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_confscope(args, env);
    }
    // The lines of stderr that name `file`.
    static std::vector<std::string> lines_naming(const std::string& text, const std::string& file) {
        std::vector<std::string> out;
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            const std::string line = text.substr(start, end - start);
            if (line.find(file) != std::string::npos) out.push_back(line);
            start = end + 1;
        }
        return out;
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(scan_rules_with_a_bad_file_exits_3_with_one_line) {
    Cli cli;
    const std::string bad = (cli.dir / "bad.toml").string();
    write_file(bad, kTarget + "\n" + rule("matches = '(yolo'\n"));
    const ProcessResult r = cli.scan({"--rules", bad});
    BOOST_TEST(r.exit_code == 3, r.err);
    const auto lines = Cli::lines_naming(r.err, bad);
    BOOST_REQUIRE_EQUAL(lines.size(), 1u);
    BOOST_TEST(lines.front().find(bad + ":17:11: ") != std::string::npos, lines.front());
    BOOST_TEST(lines.front().find("bad RE2 pattern") != std::string::npos, lines.front());
    const bool stored =
        fs::exists(cli.dir / "store.db") &&
        run_confscope({"--db", (cli.dir / "store.db").string(), "scans", "show", "latest"}, cli.env)
                .exit_code == 0;
    BOOST_TEST(!stored, "nothing may be stored");
}

BOOST_AUTO_TEST_CASE(a_bad_file_in_the_rules_folder_exits_3_naming_it) {
    Cli cli;
    const fs::path file = cli.dir / "config/confscope/rules/team.toml";
    write_file(file, kTarget + "\n[[rule]]\nid = \"ACME-001\"\n");
    const ProcessResult r = cli.scan({});
    BOOST_TEST(r.exit_code == 3, r.err);
    const auto lines = Cli::lines_naming(r.err, file.string());
    BOOST_REQUIRE_EQUAL(lines.size(), 1u);
    BOOST_TEST(lines.front().find(file.string() + ":9:1: ") != std::string::npos, lines.front());
}

BOOST_AUTO_TEST_CASE(scan_rules_with_a_good_file_reports_its_findings) {
    Cli cli;
    const std::string good = (cli.dir / "good.toml").string();
    write_file(good, kTarget + "\n" + rule("equals = \"yolo\"\n"));
    const ProcessResult r = cli.scan({"--rules", good});
    BOOST_TEST(r.exit_code == 0, r.err);
    const ProcessResult findings =
        run_confscope({"--db", (cli.dir / "store.db").string(), "findings"}, cli.env);
    BOOST_TEST(findings.exit_code == 0, findings.err);
    BOOST_TEST(findings.out.find("ACME-001") != std::string::npos, findings.out);
}
