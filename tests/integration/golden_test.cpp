// Golden fixtures: tests/fixtures/<plugin>/<case>/{input/, expected.json}. Each case plants a
// machine (input/home, input/system, project roots), scans it with the real plugin library, and
// compares the complete list of findings — rule, severity, file, pointer, line — with
// expected.json. Every rule has a case that fires and a near miss that must not.
//
// expected.json:
//   { "description": "...",
//     "roots": ["repo"],                  // project trees under input/ (default none)
//     "env": {"CLAUDE_CONFIG_DIR": "{INPUT}/home/elsewhere"},   // optional relocation variables
//     "fifos": ["repo/.claude/settings.json"],   // optional: FIFOs to make (git cannot hold them)
//     "os": "windows",                    // optional: resolve locations as on linux, macos,
//     windows "modes": {"home/.claude/.credentials.json": "0644"},       // optional permission
//     bits "findings": [{"rule": "PERM-001", "severity": "critical", "file":
//     "repo/.claude/settings.json",
//                   "pointer": "/permissions/defaultMode", "line": 3}],
//     "inventory": [{"kind": "mcp_server", "scope": "project", "name": "db"}] }   // optional,
//     exact; an item whose data has a "status" (claude_plugin) is listed with it:
//     {"kind": "claude_plugin", "scope": "plugin", "name": "fmt", "status": "available"}
//
// CONFSCOPE_UPDATE_GOLDEN=1 rewrites "findings" (and "inventory" where present) from the actual
// scan: review the diff before committing it.
#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <tuple>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <confscope/scan/scanner.hpp>

#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;
namespace utf = boost::unit_test;

namespace {

struct ExpectedFinding {
    std::string rule, severity, file, pointer;
    std::int64_t line = 0;
    auto key() const { return std::tie(rule, file, pointer, line, severity); }
    bool operator<(const ExpectedFinding& o) const { return key() < o.key(); }
    bool operator==(const ExpectedFinding& o) const { return key() == o.key(); }
};

struct ExpectedItem {
    std::string kind, scope, name, status;
    auto key() const { return std::tie(kind, scope, name, status); }
    bool operator<(const ExpectedItem& o) const { return key() < o.key(); }
    bool operator==(const ExpectedItem& o) const { return key() == o.key(); }
};

std::string text(const rapidjson::Value& v, const char* key, const std::string& fallback = "") {
    const auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : fallback;
}

std::string describe(const ExpectedFinding& f) {
    return f.rule + " " + f.severity + " " + f.file + " " + f.pointer + " line " +
           std::to_string(f.line);
}

void write_golden(const fs::path& file, rapidjson::Document& doc,
                  const std::vector<ExpectedFinding>& findings,
                  const std::vector<ExpectedItem>& items) {
    auto& a = doc.GetAllocator();
    rapidjson::Value list(rapidjson::kArrayType);
    for (const ExpectedFinding& f : findings) {
        rapidjson::Value o(rapidjson::kObjectType);
        o.AddMember("rule", rapidjson::Value(f.rule.c_str(), a), a);
        o.AddMember("severity", rapidjson::Value(f.severity.c_str(), a), a);
        o.AddMember("file", rapidjson::Value(f.file.c_str(), a), a);
        o.AddMember("pointer", rapidjson::Value(f.pointer.c_str(), a), a);
        o.AddMember("line", f.line, a);
        list.PushBack(o, a);
    }
    doc.RemoveMember("findings");
    doc.AddMember("findings", list, a);
    if (doc.HasMember("inventory")) {
        rapidjson::Value inventory(rapidjson::kArrayType);
        for (const ExpectedItem& i : items) {
            rapidjson::Value o(rapidjson::kObjectType);
            o.AddMember("kind", rapidjson::Value(i.kind.c_str(), a), a);
            o.AddMember("scope", rapidjson::Value(i.scope.c_str(), a), a);
            o.AddMember("name", rapidjson::Value(i.name.c_str(), a), a);
            if (!i.status.empty()) o.AddMember("status", rapidjson::Value(i.status.c_str(), a), a);
            inventory.PushBack(o, a);
        }
        doc.RemoveMember("inventory");
        doc.AddMember("inventory", inventory, a);
    }
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 2);
    writer.SetFormatOptions(rapidjson::kFormatSingleLineArray);
    doc.Accept(writer);
    write_file(file, std::string(buffer.GetString()) + "\n");
}

void run_case(const fs::path& case_dir) {
    const fs::path expected_file = case_dir / "expected.json";
    rapidjson::Document expected;
    expected.Parse(read_file(expected_file).c_str());
    BOOST_REQUIRE_MESSAGE(!expected.HasParseError() && expected.IsObject(),
                          expected_file.string() + " is not JSON");

    // Plant the machine in a fresh folder (the source tree stays untouched).
    TempDir machine;
    if (fs::exists(case_dir / "input")) copy_tree(case_dir / "input", machine.path());
    std::vector<fs::path> roots;
    if (const auto it = expected.FindMember("roots"); it != expected.MemberEnd()) {
        for (const auto& r : it->value.GetArray())
            roots.push_back(machine / r.GetString());
    }
    scan::ScanOptions options = planted_scan(machine / "home", machine / "system", roots);
    if (const auto it = expected.FindMember("os"); it != expected.MemberEnd()) {
        const auto os = platform::parse_os(it->value.GetString());
        BOOST_REQUIRE_MESSAGE(os.has_value(), "unknown \"os\" in " + expected_file.string());
        options.os = *os;
    }
    if (const auto it = expected.FindMember("env"); it != expected.MemberEnd()) {
        for (const auto& m : it->value.GetObject()) {
            std::string value = m.value.GetString();
            if (const auto at = value.find("{INPUT}"); at != std::string::npos)
                value.replace(at, 7, machine.path().string());
            options.env[m.name.GetString()] = value;
        }
    }
    // FIFOs cannot live in git: "fifos" lists the paths (under input/) to make one at.
    if (const auto it = expected.FindMember("fifos"); it != expected.MemberEnd()) {
        for (const auto& f : it->value.GetArray()) {
            const fs::path fifo = machine / f.GetString();
            fs::create_directories(fifo.parent_path());
            BOOST_REQUIRE_MESSAGE(::mkfifo(fifo.c_str(), 0600) == 0,
                                  "cannot make " + fifo.string());
        }
    }
    if (const auto it = expected.FindMember("modes"); it != expected.MemberEnd()) {
        for (const auto& m : it->value.GetObject()) {
            fs::permissions(machine / m.name.GetString(),
                            static_cast<fs::perms>(std::stoi(m.value.GetString(), nullptr, 8)),
                            fs::perm_options::replace);
        }
    }

    std::vector<fs::path> rule_files;
    if (const auto it = expected.FindMember("rule_files"); it != expected.MemberEnd()) {
        for (const auto& f : it->value.GetArray())
            rule_files.push_back(case_dir / f.GetString());
    }
    auto instances = load_plugins({case_dir.parent_path().filename().string()}, rule_files);
    BOOST_REQUIRE(!instances.empty());
    const scan::ScanResult result = scan::run_scan(options, raw(instances));
    for (const auto& p : result.plugins)
        BOOST_TEST(!p.failed, p.name + ": " + p.error);

    std::vector<ExpectedFinding> actual;
    for (const scan::Finding& f : result.findings) {
        actual.push_back({f.rule_id, std::string(sdk::to_string(f.severity)),
                          result.files[f.file].display_path, f.pointer, f.line});
    }
    std::sort(actual.begin(), actual.end());
    std::vector<ExpectedItem> actual_items;
    for (const scan::Item& i : result.items) {
        rapidjson::Document data;
        data.Parse(i.data_json.c_str());
        const std::string status = data.IsObject() ? text(data, "status") : "";
        actual_items.push_back({i.kind, std::string(sdk::to_string(i.scope)), i.name, status});
    }
    std::sort(actual_items.begin(), actual_items.end());

    if (const char* update = std::getenv("CONFSCOPE_UPDATE_GOLDEN");
        update && std::string(update) == "1") {
        write_golden(expected_file, expected, actual, actual_items);
        return;
    }

    std::vector<ExpectedFinding> wanted;
    BOOST_REQUIRE_MESSAGE(expected.HasMember("findings"),
                          expected_file.string() + " has no \"findings\"");
    for (const auto& f : expected["findings"].GetArray()) {
        wanted.push_back({text(f, "rule"), text(f, "severity"), text(f, "file"), text(f, "pointer"),
                          f.HasMember("line") ? f["line"].GetInt64() : 0});
    }
    std::sort(wanted.begin(), wanted.end());
    std::vector<ExpectedFinding> missing, extra;
    std::set_difference(wanted.begin(), wanted.end(), actual.begin(), actual.end(),
                        std::back_inserter(missing));
    std::set_difference(actual.begin(), actual.end(), wanted.begin(), wanted.end(),
                        std::back_inserter(extra));
    for (const auto& f : missing)
        BOOST_ERROR("expected but not reported: " + describe(f));
    for (const auto& f : extra)
        BOOST_ERROR("reported but not expected: " + describe(f));

    if (const auto it = expected.FindMember("inventory"); it != expected.MemberEnd()) {
        std::vector<ExpectedItem> wanted_items;
        for (const auto& i : it->value.GetArray()) {
            wanted_items.push_back(
                {text(i, "kind"), text(i, "scope"), text(i, "name"), text(i, "status")});
        }
        std::sort(wanted_items.begin(), wanted_items.end());
        std::vector<ExpectedItem> missing_items, extra_items;
        std::set_difference(wanted_items.begin(), wanted_items.end(), actual_items.begin(),
                            actual_items.end(), std::back_inserter(missing_items));
        std::set_difference(actual_items.begin(), actual_items.end(), wanted_items.begin(),
                            wanted_items.end(), std::back_inserter(extra_items));
        for (const auto& i : missing_items) {
            BOOST_ERROR("inventory missing: " + i.kind + " " + i.scope + " " + i.name + " " +
                        i.status);
        }
        for (const auto& i : extra_items) {
            BOOST_ERROR("inventory not expected: " + i.kind + " " + i.scope + " " + i.name + " " +
                        i.status);
        }
    }
}

// A rule id named by a case folder ("perm-001-fires" -> "PERM-001").
std::string rule_of_case(const std::string& name) {
    std::string rule;
    int dashes = 0;
    for (char c : name) {
        if (c == '-' && ++dashes == 2) break;
        rule.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return rule;
}

// Every rule a plugin declares must have a "-fires" and a "-near-miss" case.
void check_coverage(const fs::path& plugin_fixtures) {
    auto instances = load_plugins({plugin_fixtures.filename().string()});
    BOOST_REQUIRE(instances.size() == 1u);
    const confscope_plugin_v1& d = instances.front()->plugin().descriptor();
    std::set<std::string> rules;
    for (std::size_t i = 0; i < d.rule_count; ++i)
        rules.insert(d.rules[i]->id);
    rules.insert("CFG-001");  // reported by the core for every family
    std::set<std::string> fires, near_misses;
    for (const auto& entry : fs::directory_iterator(plugin_fixtures)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with("-fires")) fires.insert(rule_of_case(name));
        if (name.ends_with("-near-miss")) near_misses.insert(rule_of_case(name));
    }
    for (const std::string& rule : rules) {
        BOOST_TEST(fires.contains(rule), rule + " has no firing fixture");
        BOOST_TEST(near_misses.contains(rule), rule + " has no near-miss fixture");
    }
}

bool register_cases() {
    const fs::path root = source_dir() / "tests" / "fixtures";
    std::vector<fs::path> plugin_dirs;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (entry.is_directory()) plugin_dirs.push_back(entry.path());
    }
    std::sort(plugin_dirs.begin(), plugin_dirs.end());
    for (const fs::path& plugin : plugin_dirs) {
        auto* suite = BOOST_TEST_SUITE(plugin.filename().string());
        suite->add(utf::make_test_case([plugin] { check_coverage(plugin); },
                                       "every_rule_has_a_fixture_and_a_near_miss", __FILE__,
                                       __LINE__));
        std::vector<fs::path> cases;
        for (const auto& entry : fs::directory_iterator(plugin)) {
            if (entry.is_directory() && fs::exists(entry.path() / "expected.json"))
                cases.push_back(entry.path());
        }
        std::sort(cases.begin(), cases.end());
        for (const fs::path& c : cases) {
            std::string name = c.filename().string();
            std::replace(name.begin(), name.end(), '-', '_');
            suite->add(utf::make_test_case([c] { run_case(c); }, name, __FILE__, __LINE__));
        }
        utf::framework::master_test_suite().add(suite);
    }
    return true;
}

}  // namespace

int main(int argc, char* argv[]) {
    return utf::unit_test_main(&register_cases, argc, argv);
}
