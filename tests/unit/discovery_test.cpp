// Discovery over real folders: user-level templates, the project walk, pruning, symlinks,
// unreadable folders, and which target claims a file.
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <confscope/discovery/discovery.hpp>

#include "test_support.hpp"

using namespace confscope;
using namespace confscope::discovery;
using confscope::test::TempDir;
using confscope::test::write_file;

namespace {

TargetSpec target(const char* id, const char* path, sdk::Scope scope = sdk::Scope::project,
                  std::size_t plugin = 0) {
    return {plugin, id, "cat", id, path, sdk::Format::json, scope};
}

const Candidate* find(const DiscoveryResult& r, const std::string& path) {
    for (const Candidate& c : r.candidates) {
        if (c.path == path) return &c;
    }
    return nullptr;
}

struct Machine {
    TempDir dir;
    platform::Placeholders values;
    Machine() {
        values = platform::Placeholders::resolve(
            platform::Os::linux, {(dir / "home").string(), (dir / "sys").string()}, {});
    }
    std::string p(const std::string& rel) const { return (dir / rel).string(); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(discovery_suite)

BOOST_AUTO_TEST_CASE(user_templates_find_files_and_record_absent_ones) {
    Machine m;
    write_file(m.dir / "home/.claude/settings.json", "{}");
    write_file(m.dir / "home/.claude/agents/a.md", "x");
    write_file(m.dir / "home/.claude/agents/team/b.md", "x");
    write_file(m.dir / "home/.claude/agents/notes.txt", "x");
    const std::vector<TargetSpec> targets{
        target("settings", "{CLAUDE_CONFIG_DIR}/settings.json", sdk::Scope::user),
        target("managed", "{CLAUDE_MANAGED_DIR}/managed-settings.json", sdk::Scope::managed),
        target("agents", "{CLAUDE_CONFIG_DIR}/agents/**/*.md", sdk::Scope::user)};
    const DiscoveryResult r = discover(targets, m.values, {});
    BOOST_TEST(r.stats.locations_checked == 3u);
    BOOST_TEST(r.stats.files_found == 3u);
    const Candidate* settings = find(r, m.p("home/.claude/settings.json"));
    BOOST_REQUIRE(settings);
    BOOST_TEST((settings->state == EntryState::found));
    BOOST_TEST(settings->display_path == "~/.claude/settings.json");
    const Candidate* managed = find(r, m.p("sys/etc/claude-code/managed-settings.json"));
    BOOST_REQUIRE(managed);
    BOOST_TEST((managed->state == EntryState::missing));
    BOOST_TEST(find(r, m.p("home/.claude/agents/team/b.md")));
    BOOST_TEST(!find(r, m.p("home/.claude/agents/notes.txt")));
}

BOOST_AUTO_TEST_CASE(walk_tries_every_folder_as_project_and_prunes_heavy_ones) {
    Machine m;
    write_file(m.dir / "src/a/.mcp.json", "{}");
    write_file(m.dir / "src/a/packages/api/.mcp.json", "{}");
    write_file(m.dir / "src/a/node_modules/dep/.mcp.json", "{}");
    write_file(m.dir / "src/a/.git/hooks/.mcp.json", "{}");
    write_file(m.dir / "src/b/.claude/rules/deep/x.md", "x");
    const std::vector<TargetSpec> targets{target("mcp", "{PROJECT}/.mcp.json"),
                                          target("rules", "{PROJECT}/.claude/rules/**/*.md")};
    DiscoveryOptions options;
    options.roots = {m.p("src")};
    options.prune_names = default_prune_names();
    const DiscoveryResult r = discover(targets, m.values, options);
    BOOST_TEST(find(r, m.p("src/a/.mcp.json")));
    const Candidate* nested = find(r, m.p("src/a/packages/api/.mcp.json"));
    BOOST_REQUIRE(nested);
    BOOST_TEST(nested->display_path == "a/packages/api/.mcp.json");
    BOOST_TEST(nested->matches.front().project_dir == m.p("src/a/packages/api"));
    BOOST_TEST(!find(r, m.p("src/a/node_modules/dep/.mcp.json")));
    BOOST_TEST(!find(r, m.p("src/a/.git/hooks/.mcp.json")));
    const Candidate* rule = find(r, m.p("src/b/.claude/rules/deep/x.md"));
    BOOST_REQUIRE(rule);
    BOOST_TEST(rule->matches.front().project_dir == m.p("src/b"));

    options.prune_names.clear();
    const DiscoveryResult unpruned = discover(targets, m.values, options);
    BOOST_TEST(find(unpruned, m.p("src/a/node_modules/dep/.mcp.json")));
}

BOOST_AUTO_TEST_CASE(most_specific_template_of_a_plugin_wins) {
    Machine m;
    write_file(m.dir / "src/p/.claude/CLAUDE.md", "x");
    const std::vector<TargetSpec> targets{
        target("memory", "{PROJECT}/CLAUDE.md"),
        target("memory-dot", "{PROJECT}/.claude/CLAUDE.md"),
        target("other-plugin", "{PROJECT}/CLAUDE.md", sdk::Scope::project, 1)};
    DiscoveryOptions options;
    options.roots = {m.p("src")};
    const DiscoveryResult r = discover(targets, m.values, options);
    const Candidate* c = find(r, m.p("src/p/.claude/CLAUDE.md"));
    BOOST_REQUIRE(c);
    BOOST_REQUIRE(c->matches.size() == 2u);  // one per plugin
    BOOST_TEST(c->matches[0].target_index == 1u);
    BOOST_TEST(c->matches[0].project_dir == m.p("src/p"));
    BOOST_TEST(c->matches[1].target_index == 2u);
}

BOOST_AUTO_TEST_CASE(user_level_files_are_never_project_files) {
    Machine m;
    write_file(m.dir / "home/.claude/settings.json", "{}");
    const std::vector<TargetSpec> targets{
        target("user", "{CLAUDE_CONFIG_DIR}/settings.json", sdk::Scope::user),
        target("project", "{PROJECT}/.claude/settings.json")};
    DiscoveryOptions options;
    options.roots = {m.p("home")};
    const DiscoveryResult r = discover(targets, m.values, options);
    const Candidate* c = find(r, m.p("home/.claude/settings.json"));
    BOOST_REQUIRE(c);
    BOOST_REQUIRE(c->matches.size() == 1u);
    BOOST_TEST(c->matches[0].target_index == 0u);
}

BOOST_AUTO_TEST_CASE(symlink_loops_are_not_followed_and_unreadable_folders_are_recorded) {
    Machine m;
    write_file(m.dir / "src/p/.mcp.json", "{}");
    std::filesystem::create_directory_symlink(m.dir / "src", m.dir / "src/p/loop");
    write_file(m.dir / "src/locked/q/.mcp.json", "{}");
    std::filesystem::permissions(m.dir / "src/locked", std::filesystem::perms::none);
    const std::vector<TargetSpec> targets{target("mcp", "{PROJECT}/.mcp.json")};
    DiscoveryOptions options;
    options.roots = {m.p("src")};
    const DiscoveryResult r = discover(targets, m.values, options);
    std::size_t outside_locked = 0;
    for (const Candidate& c : r.candidates) {
        if (c.path.ends_with(".mcp.json") && c.path.find("/locked/") == std::string::npos)
            ++outside_locked;
    }
    BOOST_TEST(outside_locked == 1u);  // the loop adds nothing (no src/p/loop/p/.mcp.json) and ends
    if (::geteuid() != 0) {            // root reads everything
        const Candidate* locked = find(r, m.p("src/locked"));
        BOOST_REQUIRE(locked);
        BOOST_TEST((locked->state == EntryState::unreadable));
        BOOST_TEST(!locked->error.empty());
        BOOST_TEST(r.stats.unreadable == 1u);
    }
}

// A hostile repository's links out of the scanned roots are recorded with their target and
// never become files to read; links inside a root, or to a location a user-level target reads,
// are read as before. Special files are recorded, never opened.
BOOST_AUTO_TEST_CASE(links_out_of_the_roots_and_special_files_are_recorded_not_read) {
    Machine m;
    namespace fs = std::filesystem;
    write_file(m.dir / "outside/credentials", "https://ana:token@example.com\n");
    write_file(m.dir / "outside/claude/settings.json", "{}");
    write_file(m.dir / "home/.claude.json", "{}");
    write_file(m.dir / "repo/b/real.json", "{}");
    fs::create_directories(m.dir / "repo/a");
    fs::create_directories(m.dir / "repo/c");
    fs::create_directories(m.dir / "repo/d");
    fs::create_directories(m.dir / "repo/e");
    fs::create_directories(m.dir / "repo/f");
    fs::create_directories(m.dir / "home/.claude");
    fs::create_symlink(m.dir / "outside/credentials", m.dir / "repo/.mcp.json");
    fs::create_symlink("../b/real.json", m.dir / "repo/a/.mcp.json");
    fs::create_symlink(m.dir / "home/.claude.json", m.dir / "repo/c/.mcp.json");
    fs::create_directory_symlink(m.dir / "outside/claude", m.dir / "repo/f/.claude");
    BOOST_REQUIRE(::mkfifo(m.p("repo/d/.mcp.json").c_str(), 0600) == 0);
    BOOST_REQUIRE(::mkfifo(m.p("home/.claude/settings.json").c_str(), 0600) == 0);
    fs::create_symlink("/dev/null", m.dir / "repo/e/.mcp.json");

    const std::vector<TargetSpec> targets{
        target("mcp", "{PROJECT}/.mcp.json"), target("settings", "{PROJECT}/.claude/settings.json"),
        target("user-settings", "{CLAUDE_CONFIG_DIR}/settings.json", sdk::Scope::user),
        target("user-mcp", "{HOME}/.claude.json", sdk::Scope::user)};
    DiscoveryOptions options;
    options.roots = {m.p("repo")};
    const DiscoveryResult r = discover(targets, m.values, options);

    const Candidate* out = find(r, m.p("repo/.mcp.json"));
    BOOST_REQUIRE(out);
    BOOST_TEST((out->state == EntryState::outside_link));
    BOOST_TEST(out->link_target == m.p("outside/credentials"));
    BOOST_TEST(out->is_symlink);
    const Candidate* under_link = find(r, m.p("repo/f/.claude/settings.json"));
    BOOST_REQUIRE(under_link);
    BOOST_TEST((under_link->state == EntryState::outside_link));
    BOOST_TEST(under_link->link_target == m.p("outside/claude/settings.json"));
    BOOST_TEST(!under_link->is_symlink);  // the folder is the link

    const Candidate* inside = find(r, m.p("repo/a/.mcp.json"));
    BOOST_REQUIRE(inside);
    BOOST_TEST((inside->state == EntryState::found));
    const Candidate* known = find(r, m.p("repo/c/.mcp.json"));
    BOOST_REQUIRE(known);
    BOOST_TEST((known->state == EntryState::found));  // ~/.claude.json is read anyway

    const Candidate* fifo = find(r, m.p("repo/d/.mcp.json"));
    BOOST_REQUIRE(fifo);
    BOOST_TEST((fifo->state == EntryState::special));
    BOOST_TEST(fifo->error == "a FIFO");
    const Candidate* user_fifo = find(r, m.p("home/.claude/settings.json"));
    BOOST_REQUIRE(user_fifo);
    BOOST_TEST((user_fifo->state == EntryState::special));
    const Candidate* device = find(r, m.p("repo/e/.mcp.json"));
    BOOST_REQUIRE(device);
    BOOST_TEST((device->state == EntryState::special));
    BOOST_TEST(device->error == "a character device");
    BOOST_TEST(device->link_target == "/dev/null");
}

// The walk stops at max_depth and records every folder whose subfolders it left unwalked.
BOOST_AUTO_TEST_CASE(the_walk_records_where_max_depth_stopped_it) {
    Machine m;
    write_file(m.dir / "repo/a/.mcp.json", "{}");
    write_file(m.dir / "repo/a/b/c/d/.mcp.json", "{}");
    write_file(m.dir / "repo/x/y/node_modules/z/.mcp.json", "{}");
    const std::vector<TargetSpec> targets{target("mcp", "{PROJECT}/.mcp.json")};
    DiscoveryOptions options;
    options.roots = {m.p("repo")};
    options.prune_names = default_prune_names();
    options.max_depth = 2;
    const DiscoveryResult r = discover(targets, m.values, options);
    BOOST_TEST(find(r, m.p("repo/a/.mcp.json")));
    BOOST_TEST(!find(r, m.p("repo/a/b/c/d/.mcp.json")));
    const Candidate* stopped = find(r, m.p("repo/a/b"));
    BOOST_REQUIRE(stopped);
    BOOST_TEST((stopped->state == EntryState::not_walked));
    BOOST_TEST(stopped->error.find("deeper than --max-depth 2") != std::string::npos,
               stopped->error);
    BOOST_TEST(stopped->display_path == "a/b");
    BOOST_TEST(!find(r, m.p("repo/x/y")));  // only a pruned folder below: nothing left unwalked

    options.max_depth = 64;
    const DiscoveryResult deep = discover(targets, m.values, options);
    BOOST_TEST(find(deep, m.p("repo/a/b/c/d/.mcp.json")));
    for (const Candidate& c : deep.candidates)
        BOOST_TEST((c.state != EntryState::not_walked), c.path);
}

BOOST_AUTO_TEST_CASE(display_paths_are_machine_independent) {
    BOOST_TEST(display_path("/src/repo/.mcp.json", "/home/ada", "/src/repo") == ".mcp.json");
    BOOST_TEST(display_path("/home/ada/.claude.json", "/home/ada", "") == "~/.claude.json");
    BOOST_TEST(display_path("/tmp/m/sys/etc/claude-code/managed-mcp.json", "/tmp/m/home", "",
                            "/tmp/m/sys") == "/etc/claude-code/managed-mcp.json");
    BOOST_TEST(display_path("/etc/claude-code/managed-mcp.json", "/home/ada", "", "/") ==
               "/etc/claude-code/managed-mcp.json");
    BOOST_TEST(display_path("/opt/other", "/home/ada", "/src") == "/opt/other");
}

BOOST_AUTO_TEST_CASE(root_labels_tell_roots_apart_whatever_their_order) {
    using Labels = std::vector<std::string>;
    // One root, however often given: no label, paths stay relative to it as they always were.
    BOOST_TEST(root_labels({"/home/ada/src"}) == Labels{""});
    BOOST_TEST((root_labels({"/home/ada/src", "/home/ada/src"}) == Labels{"", ""}));
    // The README's example: the folder names.
    BOOST_TEST((root_labels({"/home/ada/src", "/home/ada/work"}) == Labels{"src", "work"}));
    BOOST_TEST((root_labels({"/home/ada/work", "/home/ada/src"}) == Labels{"work", "src"}));
    // Equal names get parent folders until they differ.
    BOOST_TEST(
        (root_labels({"/a/x/api", "/b/x/api", "/c/web"}) == Labels{"a/x/api", "b/x/api", "web"}));
    // A label that starts another ("a" and "a/b": is "a/b/f" the file b/f of the first root or f
    // of the second?) grows: "p/a".
    BOOST_TEST((root_labels({"/p/a", "/q/a/b", "/r/c/b"}) == Labels{"p/a", "a/b", "c/b"}));
    // Nested roots keep their own names; a root that cannot grow keeps its whole path.
    BOOST_TEST((root_labels({"/src", "/src/api"}) == Labels{"src", "api"}));
    BOOST_TEST((root_labels({"/a", "/x/a"}) == Labels{"a", "x/a"}));
    BOOST_TEST((root_labels({"/", "/srv/app"}) == Labels{"/", "app"}));
    // A label never starts with '~', which reads as the home folder.
    BOOST_TEST((root_labels({"/m/~old", "/m/new"}) == Labels{"m/~old", "new"}));
}

BOOST_AUTO_TEST_CASE(several_roots_get_their_labels_and_nested_roots_the_deepest) {
    Machine m;
    write_file(m.dir / "src/api/.claude/settings.json", "{}");
    write_file(m.dir / "work/api/.claude/settings.json", "{}");
    write_file(m.dir / "work/api/sub/.mcp.json", "{}");
    const std::vector<TargetSpec> targets{target("settings", "{PROJECT}/.claude/settings.json"),
                                          target("mcp", "{PROJECT}/.mcp.json")};
    DiscoveryOptions options;
    options.roots = {m.p("src"), m.p("work")};
    const DiscoveryResult r = discover(targets, m.values, options);
    const Candidate* src = find(r, m.p("src/api/.claude/settings.json"));
    const Candidate* work = find(r, m.p("work/api/.claude/settings.json"));
    BOOST_REQUIRE(src);
    BOOST_REQUIRE(work);
    BOOST_TEST(src->display_path == "src/api/.claude/settings.json");
    BOOST_TEST(work->display_path == "work/api/.claude/settings.json");

    // A single root (given twice, with a trailing slash) shows paths as before: relative to it.
    options.roots = {m.p("src"), m.p("src") + "/"};
    const DiscoveryResult single = discover(targets, m.values, options);
    BOOST_TEST(find(single, m.p("src/api/.claude/settings.json"))->display_path ==
               "api/.claude/settings.json");

    // A file under two nested roots belongs to the deepest, in either order, with one match.
    for (const std::vector<std::string>& roots :
         {std::vector<std::string>{m.p("work"), m.p("work/api")},
          std::vector<std::string>{m.p("work/api"), m.p("work")}}) {
        options.roots = roots;
        const DiscoveryResult nested = discover(targets, m.values, options);
        const Candidate* mcp = find(nested, m.p("work/api/sub/.mcp.json"));
        BOOST_REQUIRE(mcp);
        BOOST_TEST(mcp->display_path == "api/sub/.mcp.json");
        BOOST_REQUIRE(mcp->matches.size() == 1u);
        BOOST_TEST(mcp->matches[0].project_dir == m.p("work/api/sub"));
        BOOST_TEST(find(nested, m.p("work/api/.claude/settings.json"))->display_path ==
                   "api/.claude/settings.json");
    }
}

BOOST_AUTO_TEST_CASE(templates_are_validated) {
    Machine m;
    BOOST_TEST(validate_template("{PROJECT}/.mcp.json", m.values).is_ok());
    BOOST_TEST(validate_template("{HOME}/x/{UNKNOWN}/y", m.values)
                   .message()
                   .find("unknown placeholder {UNKNOWN}") != std::string::npos);
    BOOST_TEST(!validate_template("{HOME}/../etc/passwd", m.values).is_ok());
    BOOST_TEST(!validate_template("{HOME}/{PROJECT}/x", m.values).is_ok());
    BOOST_TEST(!validate_template("{PROJECT}", m.values).is_ok());
}

BOOST_AUTO_TEST_SUITE_END()
