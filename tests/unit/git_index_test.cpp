// Reading git indexes without git: versions 2 and 4 (prefix-compressed paths), worktrees whose
// .git is a file, and files outside any repository. The repositories are made by the real git.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include <confscope/io/git_index.hpp>

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

}  // namespace

BOOST_AUTO_TEST_SUITE(git_index)

BOOST_AUTO_TEST_CASE(tracked_untracked_and_outside) {
    TempDir dir;
    const fs::path repo = dir / "repo";
    write_file(repo / ".claude/settings.json", "{}");
    write_file(repo / ".claude/settings.local.json", "{}");
    write_file(repo / "deep/nested/path/CLAUDE.md", "x");
    write_file(dir / "outside/.mcp.json", "{}");
    git(repo, {"init", "-q"});
    git(repo, {"add", ".claude/settings.local.json", "deep/nested/path/CLAUDE.md"});

    for (const char* version : {"2", "4"}) {
        BOOST_TEST_CONTEXT("index version " << version) {
            git(repo, {"update-index", "--index-version", version});
            io::GitLocator locator;
            const io::GitStatus local =
                locator.status((repo / ".claude/settings.local.json").string());
            BOOST_TEST(local.in_repo);
            BOOST_TEST(local.tracked);
            BOOST_TEST(local.work_tree == repo.string());
            BOOST_TEST(locator.status((repo / "deep/nested/path/CLAUDE.md").string()).tracked);
            const io::GitStatus shared = locator.status((repo / ".claude/settings.json").string());
            BOOST_TEST(shared.in_repo);
            BOOST_TEST(!shared.tracked);
            const io::GitStatus outside = locator.status((dir / "outside/.mcp.json").string());
            BOOST_TEST(!outside.in_repo);
            BOOST_TEST(!outside.tracked);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_worktree_with_a_git_file_is_followed) {
    TempDir dir;
    const fs::path main = dir / "main";
    write_file(main / "README.md", "x");
    git(main, {"init", "-q"});
    git(main, {"add", "README.md"});
    git(main, {"commit", "-q", "-m", "init"});
    git(main, {"worktree", "add", "-q", (dir / "wt").string()});
    write_file(dir / "wt/.mcp.json", "{}");
    git(dir / "wt", {"add", ".mcp.json"});
    io::GitLocator locator;
    BOOST_TEST(fs::is_regular_file(dir / "wt/.git"));
    BOOST_TEST(locator.status((dir / "wt/.mcp.json").string()).tracked);
    BOOST_TEST(locator.status((dir / "wt/README.md").string()).tracked);
}

BOOST_AUTO_TEST_CASE(corrupt_indexes_are_errors_not_crashes) {
    TempDir dir;
    write_file(dir / "index", std::string("DIRC\0\0\0\2\0\0\0\5short", 17));  // 5 entries promised
    BOOST_TEST(!io::read_git_index((dir / "index").string()).is_ok());
    write_file(dir / "not-index", "hello");
    BOOST_TEST(!io::read_git_index((dir / "not-index").string()).is_ok());
    BOOST_TEST(!io::read_git_index((dir / "missing").string()).is_ok());
}

BOOST_AUTO_TEST_CASE(a_fifo_or_a_device_at_git_index_is_refused_without_waiting) {
    // Any local user can plant these in a shared folder above a scanned project.
    TempDir dir;
    fs::create_directories(dir / "shared/.git");
    BOOST_REQUIRE(::mkfifo((dir / "shared/.git/index").c_str(), 0644) == 0);
    write_file(dir / "shared/project/.mcp.json", "{}");
    BOOST_TEST(!io::read_git_index((dir / "shared/.git/index").string()).is_ok());
    io::GitLocator locator;
    const io::GitStatus s = locator.status((dir / "shared/project/.mcp.json").string());
    BOOST_TEST(s.in_repo);
    BOOST_TEST(!s.tracked);
    fs::create_directories(dir / "zero/.git");
    fs::create_symlink("/dev/zero", dir / "zero/.git/index");
    BOOST_TEST(!io::read_git_index((dir / "zero/.git/index").string()).is_ok());
}

BOOST_AUTO_TEST_SUITE_END()
