// FS-004's git half, which the golden fixtures cannot plant (git keeps no nested .git): a
// settings.local.json or CLAUDE.local.md that is in the repository's index is reported; the same
// files untracked or ignored, and a tracked shared settings.json, are not. The repositories are
// made by the real git; the scan loads the real claude-code plugin.
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <confscope/scan/scanner.hpp>

#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;

namespace {

void git(const fs::path& repo, std::vector<std::string> args) {
    std::vector<std::string> argv{
        "/usr/bin/git", "-C", repo.string(), "-c", "user.email=t@example.com", "-c", "user.name=t"};
    argv.insert(argv.end(), args.begin(), args.end());
    const ProcessResult r = run_process(argv);
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "git failed: " + r.err);
}

// A project with shared and personal Claude Code files, in a fresh git repository.
fs::path plant_project(const TempDir& dir) {
    const fs::path repo = dir / "repo";
    write_file(repo / ".claude/settings.json",
               R"J({"permissions": {"allow": ["Bash(npm run test *)"]}})J");
    write_file(repo / ".claude/settings.local.json",
               R"J({"permissions": {"defaultMode": "plan"}})J");
    write_file(repo / "CLAUDE.md", "# Repository guide\n");
    write_file(repo / "CLAUDE.local.md", "# My notes\n");
    git(repo, {"init", "-q"});
    return repo;
}

// Display paths of the FS-004 findings of a scan of `repo`, each with its severity.
std::set<std::string> fs004(const TempDir& dir, const fs::path& repo) {
    auto instances = load_plugins({"claude-code"});
    const scan::ScanResult r =
        scan::run_scan(planted_scan(dir / "home", dir / "system", {repo}), raw(instances));
    for (const auto& p : r.plugins)
        BOOST_TEST(!p.failed, p.name + ": " + p.error);
    std::set<std::string> found;
    for (const scan::Finding& f : r.findings) {
        if (f.rule_id == "FS-004")
            found.insert(r.files[f.file].display_path + " " +
                         std::string(sdk::to_string(f.severity)));
    }
    return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(claude_code_git)

BOOST_AUTO_TEST_CASE(tracked_local_files_are_fs_004) {
    TempDir dir;
    const fs::path repo = plant_project(dir);
    git(repo, {"add", ".claude/settings.json", ".claude/settings.local.json", "CLAUDE.md",
               "CLAUDE.local.md"});
    const std::set<std::string> expected{".claude/settings.local.json low", "CLAUDE.local.md low"};
    BOOST_TEST(fs004(dir, repo) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(tracked_after_a_commit_is_still_fs_004) {
    TempDir dir;
    const fs::path repo = plant_project(dir);
    git(repo, {"add", ".claude/settings.local.json"});
    git(repo, {"commit", "-q", "-m", "add local settings"});
    const std::set<std::string> expected{".claude/settings.local.json low"};
    BOOST_TEST(fs004(dir, repo) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(untracked_and_ignored_local_files_are_not_fs_004) {
    TempDir dir;
    const fs::path repo = plant_project(dir);
    write_file(repo / ".gitignore", ".claude/settings.local.json\nCLAUDE.local.md\n");
    git(repo, {"add", ".gitignore", ".claude/settings.json", "CLAUDE.md"});
    git(repo, {"commit", "-q", "-m", "shared settings only"});
    BOOST_TEST(fs004(dir, repo).empty());
}

BOOST_AUTO_TEST_CASE(local_files_outside_any_repository_are_not_fs_004) {
    TempDir dir;
    const fs::path project = dir / "plain";
    write_file(project / ".claude/settings.local.json",
               R"J({"permissions": {"defaultMode": "plan"}})J");
    write_file(project / "CLAUDE.local.md", "# My notes\n");
    BOOST_TEST(fs004(dir, project).empty());
}

BOOST_AUTO_TEST_SUITE_END()
