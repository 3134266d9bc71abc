// The JUnit report as GitLab and Jenkins read it: well-formed XML (Boost.PropertyTree's parser, a
// structural check for what that parser lets through, and xmllint when installed), one suite per
// family with counts that add up, failures at or above --fail-on, the suppressed finding skipped,
// the parse error and other scan gaps as errors, unique classname + name, markup escaped, no
// secret, the same bytes twice.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include "export_support.hpp"

using namespace confscope::test;
namespace pt = boost::property_tree;

namespace {

constexpr const char* kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

// Parses with Boost.PropertyTree (RapidXML inside); throws xml_parser_error when malformed.
pt::ptree parse_xml(const std::string& text) {
    std::istringstream in(text);
    pt::ptree tree;
    pt::read_xml(in, tree);
    return tree;
}

bool throws_on_parse(const std::string& text) {
    try {
        (void)parse_xml(text);
    } catch (const pt::xml_parser_error&) {
        return true;
    }
    return false;
}

// Whether text[i] (an '&') starts a character or entity reference XML knows without a DTD.
bool reference_at(const std::string& text, std::size_t i) {
    const std::size_t semi = text.find(';', i);
    if (semi == std::string::npos || semi - i > 12) return false;
    const std::string name = text.substr(i + 1, semi - i - 1);
    if (name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos")
        return true;
    if (name.size() < 2 || name[0] != '#') return false;
    const bool hex = name[1] == 'x';
    const std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return false;
    for (const char c : digits) {
        const bool ok = hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                            : std::isdigit(static_cast<unsigned char>(c)) != 0;
        if (!ok) return false;
    }
    return true;
}

// What PropertyTree's parser lets through (RapidXML without its validating flags): an end tag that
// does not match its start tag, a second root, text outside the root, an '&' that starts no
// reference, a '<' in an attribute value, a control character or noncharacter XML 1.0 forbids. ""
// when none.
std::string structure_problem(const std::string& xml) {
    std::vector<std::string> open;
    bool root_seen = false;
    std::size_t i = 0;
    if (xml.starts_with("<?xml")) {
        i = xml.find("?>");
        if (i == std::string::npos) return "unterminated XML declaration";
        i += 2;
    }
    const auto at = [](std::size_t pos) { return " at offset " + std::to_string(pos); };
    while (i < xml.size()) {
        const char c = xml[i];
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return "a forbidden control character" + at(i);
        if (xml.compare(i, 3, "\xEF\xBF\xBE") == 0 || xml.compare(i, 3, "\xEF\xBF\xBF") == 0)
            return "the noncharacter U+FFFE or U+FFFF" + at(i);
        if (c == '&' && !reference_at(xml, i)) return "an '&' that starts no reference" + at(i);
        if (c != '<') {
            if (open.empty() && std::isspace(static_cast<unsigned char>(c)) == 0)
                return "text outside the root element" + at(i);
            ++i;
            continue;
        }
        if (xml.compare(i, 4, "<!--") == 0) {
            const std::size_t end = xml.find("-->", i);
            if (end == std::string::npos) return "unterminated comment" + at(i);
            i = end + 3;
            continue;
        }
        std::size_t end = i + 1;  // the '>' that ends the tag, outside quoted values
        char quote = 0;
        for (; end < xml.size(); ++end) {
            const char t = xml[end];
            if (quote != 0) {
                if (t == quote) quote = 0;
                if (t == '<') return "a '<' in an attribute value" + at(end);
                if (t == '&' && !reference_at(xml, end))
                    return "an '&' that starts no reference" + at(end);
            } else if (t == '"' || t == '\'') {
                quote = t;
            } else if (t == '>') {
                break;
            }
        }
        if (end >= xml.size()) return "unterminated tag" + at(i);
        const std::string tag = xml.substr(i + 1, end - i - 1);
        if (tag.starts_with("/")) {
            const std::string name = tag.substr(1, tag.find_first_of(" \t\r\n", 1) - 1);
            if (open.empty()) return "</" + name + "> closes nothing" + at(i);
            if (open.back() != name) return "</" + name + "> closes <" + open.back() + ">" + at(i);
            open.pop_back();
        } else {
            const std::string name = tag.substr(0, tag.find_first_of(" \t\r\n/"));
            if (open.empty()) {
                if (root_seen) return "a second root element <" + name + ">" + at(i);
                root_seen = true;
            }
            if (!tag.ends_with("/")) open.push_back(name);
        }
        i = end + 1;
    }
    if (!open.empty()) return "<" + open.back() + "> is not closed";
    if (!root_seen) return "no root element";
    return "";
}

// libxml2's xmllint, a conforming parser, when installed.
std::optional<fs::path> xmllint() {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (!dir.empty() && fs::exists(fs::path(dir) / "xmllint")) return fs::path(dir) / "xmllint";
    }
    return std::nullopt;
}

// The document checked every way at hand, then parsed.
pt::ptree parse_report(const std::string& text, const fs::path& scratch) {
    BOOST_REQUIRE_MESSAGE(text.starts_with(kDeclaration),
                          "no XML declaration: " + text.substr(0, 80));
    BOOST_REQUIRE_MESSAGE(text.ends_with("</testsuites>\n"), "does not end with </testsuites>\\n");
    const std::string problem = structure_problem(text);
    BOOST_REQUIRE_MESSAGE(problem.empty(), "not well-formed: " + problem);
    if (const auto lint = xmllint()) {
        const fs::path file = scratch / "junit-lint.xml";
        write_file(file, text);
        const ProcessResult r = run_process({lint->string(), "--noout", file.string()});
        BOOST_TEST(r.exit_code == 0, "xmllint: " + r.err);
    } else {
        BOOST_TEST_MESSAGE("xmllint not installed: checked with PropertyTree and structure only");
    }
    try {
        return parse_xml(text);
    } catch (const pt::xml_parser_error& e) {
        BOOST_FAIL("the report does not parse: " << e.what());
    }
    return {};
}

// ---- the report, read back
// -----------------------------------------------------------------------

struct Case {
    std::string suite, classname, name, file, time;
    std::string outcome = "passed";  // or failure, error, skipped
    std::string type, message, body;
};

struct Counts {
    unsigned tests = 0, failures = 0, errors = 0, skipped = 0;
    bool operator==(const Counts&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Counts& c) {
    return os << "tests=" << c.tests << " failures=" << c.failures << " errors=" << c.errors
              << " skipped=" << c.skipped;
}

struct Suite {
    std::string name, timestamp, hostname, time;
    Counts declared, counted;
    std::map<std::string, std::string> properties;
};

struct Report {
    Counts declared;
    std::vector<Suite> suites;
    std::vector<Case> cases;

    [[nodiscard]] std::vector<Case> with(const std::string& outcome) const {
        std::vector<Case> out;
        for (const Case& c : cases) {
            if (c.outcome == outcome) out.push_back(c);
        }
        return out;
    }
    [[nodiscard]] const Suite* suite(const std::string& name) const {
        for (const Suite& s : suites) {
            if (s.name == name) return &s;
        }
        return nullptr;
    }
};

Counts declared_counts(const pt::ptree& element) {
    const pt::ptree& a = element.get_child("<xmlattr>");
    return {a.get<unsigned>("tests"), a.get<unsigned>("failures"), a.get<unsigned>("errors"),
            a.get<unsigned>("skipped")};
}

Report read_report(const std::string& text, const fs::path& scratch) {
    const pt::ptree doc = parse_report(text, scratch);
    BOOST_REQUIRE_EQUAL(doc.size(), 1u);
    const pt::ptree& root = doc.get_child("testsuites");
    Report report;
    report.declared = declared_counts(root);
    BOOST_TEST(root.get<std::string>("<xmlattr>.name") == "confscope");
    for (const auto& [tag, element] : root) {
        if (tag == "<xmlattr>") continue;
        BOOST_REQUIRE_MESSAGE(tag == "testsuite", "<testsuites> holds <" + tag + ">");
        Suite suite;
        suite.name = element.get<std::string>("<xmlattr>.name");
        suite.timestamp = element.get<std::string>("<xmlattr>.timestamp", "");
        suite.hostname = element.get<std::string>("<xmlattr>.hostname", "");
        suite.time = element.get<std::string>("<xmlattr>.time", "");
        suite.declared = declared_counts(element);
        for (const auto& [child_tag, child] : element) {
            if (child_tag == "properties") {
                for (const auto& [p_tag, p] : child)
                    suite.properties[p.get<std::string>("<xmlattr>.name")] =
                        p.get<std::string>("<xmlattr>.value");
                continue;
            }
            if (child_tag != "testcase") continue;
            Case c;
            c.suite = suite.name;
            c.classname = child.get<std::string>("<xmlattr>.classname");
            c.name = child.get<std::string>("<xmlattr>.name");
            c.file = child.get<std::string>("<xmlattr>.file", "");
            c.time = child.get<std::string>("<xmlattr>.time", "");
            for (const auto& [r_tag, r] : child) {
                if (r_tag != "failure" && r_tag != "error" && r_tag != "skipped") continue;
                BOOST_TEST(c.outcome == "passed", c.name + " has two results");
                c.outcome = r_tag;
                c.type = r.get<std::string>("<xmlattr>.type", "");
                c.message = r.get<std::string>("<xmlattr>.message", "");
                c.body = r.data();
            }
            ++suite.counted.tests;
            suite.counted.failures += c.outcome == "failure" ? 1 : 0;
            suite.counted.errors += c.outcome == "error" ? 1 : 0;
            suite.counted.skipped += c.outcome == "skipped" ? 1 : 0;
            report.cases.push_back(std::move(c));
        }
        report.suites.push_back(std::move(suite));
    }
    return report;
}

// Every count is right: each suite's attributes match its testcases, and the totals are the sums.
void check_counts(const Report& r) {
    Counts sum;
    std::set<std::string> names;
    for (const Suite& s : r.suites) {
        BOOST_TEST(s.declared == s.counted, "suite " + s.name);
        BOOST_TEST(names.insert(s.name).second, "suite " + s.name + " appears twice");
        sum.tests += s.counted.tests;
        sum.failures += s.counted.failures;
        sum.errors += s.counted.errors;
        sum.skipped += s.counted.skipped;
    }
    BOOST_TEST(r.declared == sum);
}

rapidjson::Document json_of(const std::string& text) {
    return parse_json(text);
}

std::string str(const rapidjson::Value& v) {
    return json_string(v);
}

// `confscope export --format junit [extra]` with its exit code checked by the caller's rule.
std::string junit(const ReportMachine& m, std::vector<std::string> extra, int expected_exit) {
    std::vector<std::string> args{"export", "--format", "junit"};
    args.insert(args.end(), extra.begin(), extra.end());
    const ProcessResult r = m.confscope(args);
    BOOST_REQUIRE_MESSAGE(r.exit_code == expected_exit,
                          "export exit " + std::to_string(r.exit_code) + ": " + r.err);
    return r.out;
}

// Scans the machine again (the new scan is the latest) with more arguments.
// A scan of the changed machine under a host name of its own: these tests are about the report's
// structure, and the same host's second scan would add a drift finding (DRIFT-001) for every server
// added since the first (history_cli_test covers drift).
void rescan(const ReportMachine& m, std::vector<std::string> extra, int expected_exit) {
    std::vector<std::string> args{"scan",
                                  "--home",
                                  (m.folder() / "home").string(),
                                  "--system-root",
                                  (m.folder() / "sys").string(),
                                  "--root",
                                  m.repo().string(),
                                  "--ignore",
                                  "PERM-006",
                                  "--host",
                                  "junit-rescan"};
    args.insert(args.end(), extra.begin(), extra.end());
    const ProcessResult r = m.confscope(args);
    BOOST_REQUIRE_MESSAGE(r.exit_code == expected_exit,
                          "scan exit " + std::to_string(r.exit_code) + ": " + r.err);
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

const Case* find_case(const Report& r, const std::string& name_prefix) {
    for (const Case& c : r.cases) {
        if (c.name.starts_with(name_prefix)) return &c;
    }
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(junit_report)

BOOST_AUTO_TEST_CASE(the_checks_reject_malformed_xml) {
    ReportMachine m;
    const std::string good = m.export_as("junit");
    BOOST_TEST(!throws_on_parse(good));
    BOOST_TEST(structure_problem(good).empty());

    // PropertyTree throws on a truncated document, a quote or '<' left unescaped...
    BOOST_TEST(throws_on_parse(good.substr(0, good.size() / 2)));
    BOOST_TEST(throws_on_parse(R"(<testsuites name="a"b"/>)"));
    BOOST_TEST(throws_on_parse("<testsuites><testsuite>x < y</testsuite></testsuites>"));
    // ...and on the report with the markup server name written unescaped.
    const std::string escaped = "remote &lt;b&gt;&amp;&quot;quoted&quot;";
    BOOST_REQUIRE(contains(good, escaped));
    std::string raw = good;
    for (std::size_t at = raw.find(escaped); at != std::string::npos; at = raw.find(escaped, at))
        raw.replace(at, escaped.size(), ReportMachine::kMarkupName);
    BOOST_TEST(throws_on_parse(raw));
    BOOST_TEST(!structure_problem(raw).empty());

    // What RapidXML lets through, the structure check catches.
    for (const std::string bad : {"<a><b></a></b>", "<a/><b/>", "<a>x & y</a>", "<a>\x01</a>",
                                  "<a>\xEF\xBF\xBE</a>", "<a x=\"<\"/>", "<a>", "<a/>junk"}) {
        BOOST_TEST(!structure_problem(bad).empty(), bad);
    }
    BOOST_TEST(structure_problem("<a x=\"&lt;&#10;&#x41;\"><b/>&amp;<!-- c --></a>").empty());
}

BOOST_AUTO_TEST_CASE(one_suite_per_family_with_counts_that_add_up) {
    ReportMachine m;
    // A second family with a finding: the mcp plugin reads Cursor's configuration.
    write_file(m.folder() / "home/.cursor/mcp.json",
               R"({"mcpServers": {"plain": {"url": "http://mcp.example.org/sse"}}})");
    rescan(m, {}, 0);
    const Report r = read_report(m.export_as("junit"), m.folder());
    check_counts(r);
    BOOST_TEST(r.cases.size() == static_cast<std::size_t>(PlantedFacts::kFindings + 1));

    // Each testcase is in the suite of the plugin that reported its finding (the JSON document
    // says which), and named after the family and the file.
    const rapidjson::Document scan = json_of(m.export_as("json"));
    std::multiset<std::string> expected, actual;
    for (const auto& f : scan["findings"].GetArray())
        expected.insert(str(f["plugin"]) + " " + str(f["rule_id"]) + " " + str(f["display_path"]));
    for (const Case& c : r.cases) {
        actual.insert(c.suite + " " + c.name.substr(0, c.name.find(' ')) + " " + c.file);
        BOOST_TEST(c.classname == c.suite + "." + c.file);
        BOOST_TEST(c.time == "0");
    }
    BOOST_TEST(actual == expected, boost::test_tools::per_element());
    BOOST_REQUIRE(r.suite("claude-code") != nullptr);
    BOOST_REQUIRE(r.suite("mcp") != nullptr);
    BOOST_TEST(r.suite("mcp")->counted.tests == 1u);
    BOOST_TEST(r.suite("mcp")->counted.failures == 1u);
    BOOST_TEST(r.suite("claude-code")->counted.tests ==
               static_cast<unsigned>(PlantedFacts::kFindings));

    // Every plugin of the scan has its suite, in name order; suites carry the scan's facts.
    std::vector<std::string> plugins, suites;
    for (const auto& p : scan["plugins"].GetArray())
        plugins.push_back(str(p["name"]));
    std::sort(plugins.begin(), plugins.end());
    for (const Suite& s : r.suites)
        suites.push_back(s.name);
    BOOST_TEST(suites == plugins, boost::test_tools::per_element());
    const std::string finished = str(scan["scan"]["finished_at"]);
    for (const Suite& s : r.suites) {
        BOOST_TEST(s.timestamp == finished.substr(0, 19), s.name + ": " + s.timestamp);
        BOOST_TEST(s.timestamp.size() == 19u);  // xs:dateTime without millis and "Z"
        BOOST_TEST(s.hostname == str(scan["scan"]["host"]));
        BOOST_TEST(s.time == "0");
        BOOST_TEST(s.properties.at("confscope.fail_on") == "low");
        BOOST_TEST(s.properties.at("confscope.scan") == str(scan["scan"]["uuid"]));
    }
}

BOOST_AUTO_TEST_CASE(default_threshold_low_fails_every_unsuppressed_finding) {
    ReportMachine m;
    const std::string text = m.export_as("junit");
    // Without --fail-on the threshold is low: the same report as --fail-on low (which exits 1).
    BOOST_TEST(junit(m, {"--fail-on", "low"}, 1) == text);
    const Report r = read_report(text, m.folder());
    check_counts(r);
    const int unsuppressed = PlantedFacts::kFindings - PlantedFacts::kSuppressed;
    BOOST_TEST(r.declared.tests == static_cast<unsigned>(PlantedFacts::kFindings));
    BOOST_TEST(r.declared.failures == static_cast<unsigned>(unsuppressed - 1));  // CFG-001 errs
    BOOST_TEST(r.declared.errors == 1u);
    BOOST_TEST(r.declared.skipped == static_cast<unsigned>(PlantedFacts::kSuppressed));
    BOOST_TEST(r.with("passed").empty());
    std::map<std::string, int> by_type;
    for (const Case& c : r.with("failure")) {
        ++by_type[c.type];
        BOOST_TEST(!c.message.empty(), c.name);
        // The body: location (file:line:column, or the file alone for a finding on the whole
        // file), message and the rule's help.
        BOOST_TEST(contains(c.body, c.file), c.name + ": " + c.body);
        BOOST_TEST(contains(c.body, c.message), c.name);
    }
    BOOST_TEST(by_type["critical"] == PlantedFacts::kCritical);
    BOOST_TEST(by_type["high"] == PlantedFacts::kHigh);
    BOOST_TEST(by_type["medium"] == PlantedFacts::kMedium);
    BOOST_TEST(by_type["low"] == PlantedFacts::kLow - 2);  // less CFG-001 and suppressed PERM-006
    const Case* perm = find_case(r, "PERM-003 ");
    BOOST_REQUIRE(perm != nullptr);
    BOOST_TEST(contains(perm->body, "Allow specific commands"), perm->body);
}

BOOST_AUTO_TEST_CASE(fail_on_high_fails_critical_and_high_only) {
    ReportMachine m;
    const Report r = read_report(junit(m, {"--fail-on", "high"}, 1), m.folder());
    check_counts(r);
    BOOST_TEST(r.declared.tests == static_cast<unsigned>(PlantedFacts::kFindings));
    BOOST_TEST(r.declared.failures ==
               static_cast<unsigned>(PlantedFacts::kCritical + PlantedFacts::kHigh));
    BOOST_TEST(r.declared.errors == 1u);  // a file that does not parse is an error at any threshold
    BOOST_TEST(r.declared.skipped == 1u);
    std::multiset<std::string> failed;
    for (const Case& c : r.with("failure"))
        failed.insert(c.type + " " + c.name.substr(0, c.name.find(' ')));
    const std::multiset<std::string> expected{"critical PERM-003", "critical SEC-001",
                                              "high MCP-003"};
    BOOST_TEST(failed == expected, boost::test_tools::per_element());
    // Medium and low findings pass.
    std::set<std::string> passed;
    for (const Case& c : r.with("passed"))
        passed.insert(c.name.substr(0, c.name.find(' ')));
    BOOST_TEST(passed == (std::set<std::string>{"FS-001", "MCP-004", "MCP-005"}),
               boost::test_tools::per_element());
    for (const Suite& s : r.suites)
        BOOST_TEST(s.properties.at("confscope.fail_on") == "high");
    // --fail-on critical: the two critical findings only.
    const Report none = read_report(junit(m, {"--fail-on", "critical"}, 1), m.folder());
    BOOST_TEST(none.declared.failures == static_cast<unsigned>(PlantedFacts::kCritical));
}

BOOST_AUTO_TEST_CASE(the_suppressed_finding_is_skipped_with_its_reason) {
    ReportMachine m;
    const Report r = read_report(m.export_as("junit"), m.folder());
    const std::vector<Case> skipped = r.with("skipped");
    BOOST_REQUIRE_EQUAL(skipped.size(), static_cast<std::size_t>(PlantedFacts::kSuppressed));
    BOOST_TEST(skipped[0].name.starts_with("PERM-006 "), skipped[0].name);
    std::string reason;
    for (const auto& f : json_of(m.export_as("json"))["findings"].GetArray()) {
        if (f["suppressed"].GetBool()) reason = str(f["suppression"]);
    }
    BOOST_REQUIRE(!reason.empty());
    BOOST_TEST(skipped[0].message == reason);
}

BOOST_AUTO_TEST_CASE(the_parse_error_is_an_error_naming_file_and_line) {
    ReportMachine m;
    const Report r = read_report(m.export_as("junit"), m.folder());
    const std::vector<Case> errors = r.with("error");
    BOOST_REQUIRE_EQUAL(errors.size(), 1u);
    const Case& e = errors[0];
    BOOST_TEST(e.name == "CFG-001 line 5");
    BOOST_TEST(e.file == PlantedFacts::kBroken);
    BOOST_TEST(e.classname == "claude-code." + std::string(PlantedFacts::kBroken));
    BOOST_TEST(e.suite == "claude-code");  // the plugin of the file, not "core"
    BOOST_TEST(e.type == "parse-error");
    BOOST_TEST(contains(e.message, PlantedFacts::kBroken), e.message);
    BOOST_TEST(contains(e.message, "line 5"), e.message);
    BOOST_TEST(contains(e.body, std::string(PlantedFacts::kBroken) + ":5"), e.body);
    BOOST_TEST(contains(e.body, "Fix the syntax"), e.body);  // the rule's help
}

BOOST_AUTO_TEST_CASE(classname_and_name_are_unique_across_the_report) {
    ReportMachine m;
    // One rule twice at one place (a JSON object with a duplicate key) and twice in one file.
    write_file(m.repo() / "dup/.mcp.json", R"({"mcpServers": {
  "twice": {"type": "http", "url": "http://one.example.com/x"},
  "twice": {"type": "http", "url": "http://two.example.com/x"},
  "other": {"type": "http", "url": "http://three.example.com/x"}
}}
)");
    rescan(m, {}, 0);
    const Report r = read_report(m.export_as("junit"), m.folder());
    check_counts(r);
    std::set<std::string> keys;
    for (const Case& c : r.cases)
        BOOST_TEST(keys.insert(c.classname + "\n" + c.name).second, c.classname + " " + c.name);
    BOOST_TEST(keys.size() == r.cases.size());
    std::set<std::string> dup;
    for (const Case& c : r.cases) {
        if (c.file == "dup/.mcp.json") dup.insert(c.name);
    }
    const std::set<std::string> expected{"MCP-003 /mcpServers/twice/url",
                                         "MCP-003 /mcpServers/twice/url #2",
                                         "MCP-003 /mcpServers/other/url"};
    BOOST_TEST(dup == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(markup_round_trips_and_the_token_stays_out) {
    ReportMachine m;
    const std::string text = m.export_as("junit");
    BOOST_TEST(!contains(text, ReportMachine::kToken));
    BOOST_TEST(!contains(text, ReportMachine::kMarkupName));  // never written raw
    const Report r = read_report(text, m.folder());
    const Case* remote = find_case(r, "MCP-003 ");
    BOOST_REQUIRE(remote != nullptr);
    const std::string name = ReportMachine::kMarkupName;
    BOOST_TEST(remote->name == "MCP-003 /mcpServers/" + name + "/url");
    BOOST_TEST(contains(remote->message, "\"" + name + "\""), remote->message);
    BOOST_TEST(contains(remote->body, "\"" + name + "\""), remote->body);
    for (const Case& c : r.cases) {
        BOOST_TEST(!contains(c.body, ReportMachine::kToken));
        BOOST_TEST(!contains(c.message, ReportMachine::kToken));
    }
    // The token is not in a report written to a file either.
    const fs::path file = m.export_to_file("junit", "report.xml");
    BOOST_TEST(!contains_bytes(read_file(file), ReportMachine::kToken));
}

BOOST_AUTO_TEST_CASE(control_characters_and_noncharacters_stay_well_formed) {
    ReportMachine m;
    // A server name with a newline, a tab, a carriage return, U+0001 and U+FFFE in it.
    write_file(
        m.repo() / "odd/.mcp.json",
        R"({"mcpServers": {"a\nb\tc\r\u0001d\uFFFEe": {"type": "http", "url": "http://odd.example.com/x"}}})");
    rescan(m, {}, 0);
    const std::string text = m.export_as("junit");
    const Report r = read_report(text, m.folder());
    const Case* odd = nullptr;
    for (const Case& c : r.cases) {
        if (c.file == "odd/.mcp.json") odd = &c;
    }
    BOOST_REQUIRE(odd != nullptr);
    // What XML cannot hold became U+FFFD; tab, newline and carriage return read back unchanged.
    const std::string fffd = "\xEF\xBF\xBD";
    const std::string name = "a\nb\tc\r" + fffd + "d" + fffd + "e";
    BOOST_TEST(odd->name == "MCP-003 /mcpServers/" + name + "/url");
    BOOST_TEST(contains(odd->message, "\"" + name + "\""), odd->message);
    // In attributes they are character references: a parser turns raw ones into spaces.
    BOOST_TEST(contains(text, "a&#10;b&#9;c&#13;" + fffd + "d" + fffd + "e"));
}

BOOST_AUTO_TEST_CASE(the_same_scan_gives_the_same_bytes) {
    ReportMachine m;
    const std::string first = m.export_as("junit");
    const std::string second = m.export_as("junit");
    BOOST_TEST(first == second);
    BOOST_TEST(read_file(m.export_to_file("junit", "again.xml")) == first);
    BOOST_TEST(first.ends_with("\n"));
}

BOOST_AUTO_TEST_CASE(a_failed_plugin_and_an_unread_file_are_errors) {
    ReportMachine m;
    // throws fails on its first file; app/.mcp.json is larger than the limit and is not read.
    rescan(m,
           {"--plugin", "claude-code", "--plugin", (negative_plugin_dir() / "throws.so").string(),
            "--max-file-size", "100"},
           3);
    const Report r = read_report(m.export_as("junit"), m.folder());
    check_counts(r);
    const Suite* throws = r.suite("throws");
    BOOST_REQUIRE(throws != nullptr);
    BOOST_TEST(throws->properties.at("confscope.complete") == "false");
    bool plugin_error = false, unread = false;
    for (const Case& c : r.with("error")) {
        if (c.type == "plugin-failed") {
            plugin_error = true;
            BOOST_TEST(c.suite == "throws");
            BOOST_TEST(contains(c.message, "plugin throws 1.0.0 failed"), c.message);
            BOOST_TEST(contains(c.body, "boom while reading"), c.body);
        }
        if (c.type == "file-not-read" && c.suite == "claude-code") {
            unread = true;
            BOOST_TEST(c.file == "app/.mcp.json");
            BOOST_TEST(contains(c.message, "size limit"), c.message);
        }
    }
    BOOST_TEST(plugin_error);
    BOOST_TEST(unread);
}

BOOST_AUTO_TEST_SUITE_END()
