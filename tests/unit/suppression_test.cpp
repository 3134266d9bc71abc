// Ignore files, baselines and their application to a scan's findings.
#include <boost/test/unit_test.hpp>

#include <confscope/discovery/glob.hpp>
#include <confscope/scan/suppression.hpp>

using namespace confscope;
using namespace confscope::scan;

namespace {

ScanResult two_findings() {
    ScanResult r;
    r.files.push_back({});
    r.files.back().path = "/src/repo/.claude/settings.json";
    r.files.back().display_path = ".claude/settings.json";
    r.files.push_back({});
    r.files.back().path = "/src/repo/.mcp.json";
    r.files.back().display_path = ".mcp.json";
    Finding a;
    a.file = 0;
    a.rule_id = "PERM-004";
    a.severity = sdk::Severity::medium;
    a.fingerprint = "aaaa";
    Finding b;
    b.file = 1;
    b.rule_id = "MCP-003";
    b.severity = sdk::Severity::high;
    b.fingerprint = "bbbb";
    r.findings = {a, b};
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(suppression)

BOOST_AUTO_TEST_CASE(path_globs_cross_folders_with_double_star) {
    BOOST_TEST(discovery::path_glob_match("**/.claude/*.json", "app/.claude/settings.json"));
    BOOST_TEST(discovery::path_glob_match("**/.claude/*.json", ".claude/settings.json"));
    BOOST_TEST(discovery::path_glob_match("app/**", "app/x/y/z.md"));
    BOOST_TEST(!discovery::path_glob_match("app/*", "app/x/y.md"));
    BOOST_TEST(!discovery::path_glob_match(".mcp.json", "sub/.mcp.json"));
}

BOOST_AUTO_TEST_CASE(ignore_files_parse_and_refuse_with_positions) {
    const auto ok = parse_ignore_file(
        "i.toml",
        "[[ignore]]\nrule = \"PERM-004\"\npath = \"**/settings.json\"\n"
        "reason = \"team policy\"\nexpires = 2099-01-31\n\n[[ignore]]\nrule = \"*\"\n");
    BOOST_REQUIRE_MESSAGE(ok.is_ok(), ok.status().message());
    BOOST_REQUIRE(ok->size() == 2u);
    BOOST_TEST((*ok)[0].expires == "2099-01-31");
    BOOST_TEST((*ok)[0].source == "i.toml:1");
    BOOST_TEST((*ok)[1].rule == "*");

    const auto unknown =
        parse_ignore_file("i.toml", "[[ignore]]\nrule = \"PERM-004\"\nreasn = \"typo\"\n");
    BOOST_REQUIRE(!unknown.is_ok());
    BOOST_TEST(unknown.status().message().starts_with("i.toml:3:1: unknown key 'reasn'"),
               unknown.status().message());
    const auto bad_rule = parse_ignore_file("i.toml", "[[ignore]]\nrule = \"perm4\"\n");
    // A repository's ignore file nesting 40,000 levels is refused with its line, not a crash.
    std::string deep = "[[ignore]]\nrule = \"PERM-004\"\n[a";
    for (int i = 0; i < 40000; ++i)
        deep += ".a";
    const auto too_deep = parse_ignore_file("i.toml", deep + "]\n");
    BOOST_REQUIRE(!too_deep.is_ok());
    BOOST_TEST(too_deep.status().message().find("i.toml:3:") == 0u, too_deep.status().message());
    BOOST_TEST(too_deep.status().message().find("deeper than 512") != std::string::npos);
    BOOST_REQUIRE(!bad_rule.is_ok());
    BOOST_TEST(bad_rule.status().message().find("i.toml:2:") == 0u, bad_rule.status().message());
    const auto syntax = parse_ignore_file("i.toml", "[[ignore]\nrule = 1\n");
    BOOST_REQUIRE(!syntax.is_ok());
    BOOST_TEST(syntax.status().message().starts_with("i.toml:1:"), syntax.status().message());
    BOOST_TEST(!parse_ignore_file("i.toml", "[[ignore]]\npath = \"x\"\n").is_ok());  // no rule
    BOOST_TEST(
        !parse_ignore_file("i.toml", "[[ignore]]\nrule = \"A-1\"\nexpires = \"soon\"\n").is_ok());
}

BOOST_AUTO_TEST_CASE(entries_baselines_and_expiry) {
    Suppressions s;
    s.ignores.push_back(
        {"PERM-004", "**/settings.json", "team policy", "", "/src/repo", "i.toml:1"});
    ScanResult r = two_findings();
    BOOST_TEST(apply_suppressions(r, s, "2026-11-24") == 1u);
    BOOST_TEST(r.findings[0].suppressed);
    BOOST_TEST(r.findings[0].suppression == "i.toml:1: team policy");
    BOOST_TEST(!r.findings[1].suppressed);
    BOOST_TEST(r.count_at_or_above(sdk::Severity::medium) == 1u);  // suppressed ones never count

    // Another root's entries do not apply here.
    s.ignores[0].root = "/src/other";
    r = two_findings();
    BOOST_TEST(apply_suppressions(r, s, "2026-11-24") == 0u);

    // An expired entry no longer applies and is reported once.
    s.ignores[0] = {"*", "", "", "2026-01-01", "", "i.toml:4"};
    r = two_findings();
    std::vector<std::string> expired;
    BOOST_TEST(apply_suppressions(r, s, "2026-11-24", &expired) == 0u);
    BOOST_REQUIRE(expired.size() == 1u);
    BOOST_TEST(expired[0].find("expired on 2026-01-01") != std::string::npos);

    s.ignores.clear();
    s.baseline = {"bbbb"};
    r = two_findings();
    BOOST_TEST(apply_suppressions(r, s, "2026-11-24") == 1u);
    BOOST_TEST(r.findings[1].suppression == "baseline");
}

BOOST_AUTO_TEST_CASE(a_root_ignore_file_matches_paths_relative_to_its_root) {
    // Two roots: display paths carry the roots' labels ("src/api/...", "work/api/...").
    ScanResult r;
    for (const char* root : {"src", "work"}) {
        r.files.push_back({});
        r.files.back().path = std::string("/home/ada/") + root + "/api/.mcp.json";
        r.files.back().display_path = std::string(root) + "/api/.mcp.json";
        Finding f;
        f.file = r.files.size() - 1;
        f.rule_id = "MCP-003";
        f.fingerprint = root;
        r.findings.push_back(f);
    }
    // The ignore file of ~/src says "api/.mcp.json": its own file, not ~/work's.
    Suppressions s;
    s.ignores.push_back({"MCP-003", "api/.mcp.json", "", "", "/home/ada/src", "i.toml:1"});
    BOOST_TEST(apply_suppressions(r, s, "2026-11-24") == 1u);
    BOOST_TEST(r.findings[0].suppressed);
    BOOST_TEST(!r.findings[1].suppressed);

    // The label is no part of a root's own paths: "src/api/.mcp.json" would be ~/src/src/api.
    for (Finding& f : r.findings)
        f.suppressed = false;
    s.ignores[0].path_glob = "src/api/.mcp.json";
    BOOST_TEST(apply_suppressions(r, s, "2026-11-24") == 0u);

    // An --ignore-file entry (no root) matches the display path, label included.
    s.ignores[0] = {"MCP-003", "work/**", "", "", "", "ci.toml:1"};
    BOOST_TEST(apply_suppressions(r, s, "2026-11-24") == 1u);
    BOOST_TEST(r.findings[1].suppressed);

    // A home file below the root still matches by its display path.
    ScanResult home;
    home.files.push_back({});
    home.files.back().path = "/home/ada/.claude/settings.json";
    home.files.back().display_path = "~/.claude/settings.json";
    Finding f;
    f.rule_id = "PERM-004";
    home.findings.push_back(f);
    s.ignores[0] = {"PERM-004", "~/.claude/*.json", "", "", "/home/ada", "i.toml:1"};
    BOOST_TEST(apply_suppressions(home, s, "2026-11-24") == 1u);
    home.findings[0].suppressed = false;
    s.ignores[0].path_glob = ".claude/settings.json";
    BOOST_TEST(apply_suppressions(home, s, "2026-11-24") == 1u);
}

BOOST_AUTO_TEST_CASE(baselines_round_trip_and_refuse_other_files) {
    const std::string json =
        baseline_json("uuid-1", {{"ffff", "MCP-003", ".mcp.json", "/mcpServers/x/url"}});
    const auto prints = parse_baseline("b.json", json);
    BOOST_REQUIRE(prints.is_ok());
    BOOST_TEST(prints->contains("ffff"));
    BOOST_TEST(!parse_baseline("b.json", "{}").is_ok());
    BOOST_TEST(!parse_baseline("b.json", "not json").is_ok());
    // JSON that is not an object is refused before any member is asked of it (a "0" reached
    // RapidJSON's MemberEnd() of a number; fuzz/regressions/ignore/).
    for (const char* other : {"0", "[]", "\"findings\"", "null", "true"}) {
        const auto refused = parse_baseline("b.json", other);
        BOOST_REQUIRE(!refused.is_ok());
        BOOST_TEST(refused.status().message().find("not a confscope baseline") != std::string::npos,
                   refused.status().message());
    }
    BOOST_TEST(!parse_baseline("b.json", R"J({"version": 2, "findings": []})J").is_ok());
}

BOOST_AUTO_TEST_SUITE_END()
