// Names from scanned files are attacker-controlled: a folder or server name carrying escape
// sequences, a bell, a carriage return or a bidirectional override must reach neither the
// terminal (every command's stdout and stderr, colour on or off) nor a CSV report as a control
// character — only as visible text — while --json keeps the exact value (JSON-escaped).
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

using namespace confscope::test;

namespace {

// "\x1b", "\x07", "\r" not before "\n", and U+202E (E2 80 AE) nowhere in `text`.
bool has_raw_controls(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\x1b' || c == '\x07' || c == '\x08') return true;
        if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) return true;
    }
    return text.find("\xE2\x80\xAE") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_output)

BOOST_AUTO_TEST_CASE(control_characters_in_names_are_shown_as_text_everywhere) {
    TempDir dir;
    const fs::path home = dir / "home";
    fs::create_directories(home);
    const fs::path project = dir / "src" / "evil\x1b]0;pwned\x07\x1b[2J";
    // A server name that would clear the screen, return to the line's start, print a forged
    // all-clear line and reverse the rest.
    write_file(project / ".mcp.json",
               "{\"mcpServers\": {\"x\\u001b[2J\\rAll clear: 0 findings\\u202e\": "
               "{\"command\": \"npx\", \"args\": [\"-y\", \"some-server\"]}}}\n");
    const std::string db = (dir / "s.db").string();
    std::vector<ProcessResult> outputs;
    outputs.push_back(run_confscope({"--db", db, "--log-level", "info", "scan", "--home",
                                     home.string(), "--root", (dir / "src").string()}));
    BOOST_REQUIRE_MESSAGE(outputs.back().exit_code <= 1, outputs.back().err);
    outputs.push_back(run_confscope({"--db", db, "findings"}));
    outputs.push_back(run_confscope({"--db", db, "inventory"}));
    outputs.push_back(run_confscope({"--db", db, "scans", "show", "latest"}));
    outputs.push_back(
        run_confscope({"--db", db, "export", "--format", "csv", "--what", "inventory"}));
    outputs.push_back(run_confscope({"--db", db, "export", "--format", "markdown"}));
    bool shown_as_text = false;
    for (const ProcessResult& r : outputs) {
        BOOST_TEST(!has_raw_controls(r.out), r.out);
        BOOST_TEST(!has_raw_controls(r.err), r.err);
        if (r.out.find("\\x1b[2J") != std::string::npos) shown_as_text = true;
    }
    BOOST_TEST(shown_as_text);
    // The CSV report written to a file is as clean as the one on stdout.
    const fs::path csv = dir / "inventory.csv";
    const ProcessResult to_file = run_confscope(
        {"--db", db, "export", "--format", "csv", "--what", "inventory", "--output", csv.string()});
    BOOST_REQUIRE_MESSAGE(to_file.exit_code <= 1, to_file.err);
    BOOST_TEST(!has_raw_controls(read_file(csv)));
    BOOST_TEST(read_file(csv).find("x\\x1b[2J\\x0dAll clear") != std::string::npos);
    // --json keeps the exact name, JSON-escaped (the near miss: the data itself is untouched).
    const ProcessResult json = run_confscope({"--db", db, "--json", "inventory"});
    BOOST_TEST(!has_raw_controls(json.out));
    BOOST_TEST(json.out.find("[2J\\rAll clear: 0 findings\\u202e") != std::string::npos, json.out);
}

BOOST_AUTO_TEST_SUITE_END()
