// Isolated scans end to end, through the confscope command: every in-tree plugin gives the same
// findings and inventory in-process and isolated on a generated machine, and a plugin that
// crashes, hangs, exhausts memory, writes garbage, exits, closes its output, floods the host or
// throws is marked failed with its reason while the scan completes and the other plugins'
// findings are stored; an isolated plugin cannot fork, connect, exec, write files or read the
// user's environment.
#include <sys/syscall.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include "test_support.hpp"

using namespace confscope::test;

namespace {

rapidjson::Document json_of(const std::string& text) {
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    BOOST_REQUIRE_MESSAGE(!doc.HasParseError(), "not JSON: " + text.substr(0, 200));
    return doc;
}

std::string text(const rapidjson::Value& v, const char* key) {
    const auto it = v.FindMember(key);
    if (it == v.MemberEnd()) return {};
    if (it->value.IsString()) return it->value.GetString();
    if (it->value.IsNumber()) return std::to_string(it->value.GetInt64());
    return {};
}

// Every finding and inventory item of the latest scan as sorted lines, by the CLI.
std::vector<std::string> results_of(const std::string& db) {
    std::vector<std::string> lines;
    const ProcessResult findings = run_confscope({"--db", db, "--json", "findings"});
    BOOST_REQUIRE_MESSAGE(findings.exit_code == 0, findings.err);
    const rapidjson::Document f = json_of(findings.out);
    for (const auto& x : f["findings"].GetArray()) {
        lines.push_back("finding " + text(x, "rule") + " " + text(x, "file") + ":" +
                        text(x, "line") + " " + text(x, "fingerprint") + " " + text(x, "message"));
    }
    const ProcessResult items = run_confscope({"--db", db, "--json", "inventory"});
    BOOST_REQUIRE_MESSAGE(items.exit_code == 0, items.err);
    const rapidjson::Document i = json_of(items.out);
    for (const auto& x : i["items"].GetArray()) {
        lines.push_back("item " + text(x, "kind") + " " + text(x, "client") + " " +
                        text(x, "scope") + " " + text(x, "name") + " " + text(x, "file"));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

struct Machine {
    TempDir dir;
    std::string home, system_root, projects;
    Machine() {
        const ProcessResult r =
            run_process({fake_home_exe().string(), "--out", (dir / "m").string(), "--projects",
                         "12", "--seed", "3"});
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const rapidjson::Document manifest = json_of(read_file(dir / "m/manifest.json"));
        home = manifest["home"].GetString();
        system_root = manifest["system_root"].GetString();
        projects = manifest["projects_root"].GetString();
    }
    ProcessResult scan(const std::string& db, std::vector<std::string> extra) const {
        std::vector<std::string> args{"--db",          db,          "scan",   "--home", home,
                                      "--system-root", system_root, "--root", projects};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_confscope(args);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(isolation)

BOOST_AUTO_TEST_CASE(in_process_and_isolated_scans_give_the_same_results) {
    Machine m;
    const std::string in_process = (m.dir / "in.db").string();
    const std::string isolated = (m.dir / "iso.db").string();
    const ProcessResult a = m.scan(in_process, {"--no-isolate"});
    BOOST_REQUIRE_MESSAGE(a.exit_code == 0, a.err);
    const ProcessResult b = m.scan(isolated, {"--isolate", "--log-level", "info"});
    BOOST_REQUIRE_MESSAGE(b.exit_code == 0, b.err);
    BOOST_TEST(b.err.find("claude-code (isolated)") != std::string::npos, b.err);
    const std::vector<std::string> expected = results_of(in_process);
    const std::vector<std::string> got = results_of(isolated);
    BOOST_TEST(expected.size() > 50u);
    BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_misbehaving_plugin_fails_alone_with_its_reason) {
    Machine m;
    struct Case {
        std::string plugin, reason;
    };
    const std::vector<Case> cases{
        {"crash", "it crashed (signal 11"},
        {"hang", "it did not answer within 2 s (killed)"},
#ifndef CONFSCOPE_SANITIZED  // no RLIMIT_AS under ASan (runner_process.cpp): the hog would not stop
        {"hog", "ran out of its memory limit (256 MiB)"},
#endif
        {"garbage", "is not the runner protocol"},
        {"quit", "it exited early with code 3"},
        {"throws", "boom while reading"},
        {"mute", "it closed its output but did not exit (killed)"},
        {"flood", "it emitted more than 64 MiB of results for one file"},
    };
    for (const Case& c : cases) {
        const std::string db = (m.dir / (c.plugin + ".db")).string();
        const std::string timeout = c.plugin == "hang" ? "2" : "60";
        // Outside the install's own plugin folder, so isolated by default.
        const ProcessResult r = m.scan(db, {"--plugin", "claude-code", "--plugin",
                                            (negative_plugin_dir() / (c.plugin + ".so")).string(),
                                            "--plugin-timeout", timeout, "--plugin-memory", "256"});
        BOOST_TEST(r.exit_code == 3, c.plugin + ": " + r.err);  // stored, incomplete
        BOOST_TEST(r.out.find("plugin " + c.plugin + " 1.0.0") != std::string::npos, c.plugin);
        BOOST_TEST(r.out.find(c.reason) != std::string::npos, c.plugin + ": " + r.out);
        const ProcessResult scans = run_confscope({"--db", db, "--json", "scans", "list"});
        BOOST_TEST(scans.out.find("\"incomplete\"") != std::string::npos, c.plugin);
        // The other plugin's findings are stored; the failed plugin's are not.
        const ProcessResult findings = run_confscope({"--db", db, "findings"});
        BOOST_TEST(findings.out.find("MCP-00") != std::string::npos, c.plugin);
        BOOST_TEST(findings.out.find("BAD-001") == std::string::npos, c.plugin);
        BOOST_TEST(findings.out.find("THROW-001") == std::string::npos, c.plugin);
    }
}

// The escape plugin tries what the runner's sandbox forbids and reports each attempt in its
// finding; run in-process (the near miss) every attempt succeeds, so the probe itself works.
BOOST_AUTO_TEST_CASE(isolated_plugins_cannot_fork_connect_exec_write_or_read_the_environment) {
    Machine m;
    const std::string plugin = (negative_plugin_dir() / "escape.so").string();
    const auto message_of = [&](const std::string& db, std::vector<std::string> extra) {
        std::vector<std::string> args{"--plugin", plugin};
        args.insert(args.end(), extra.begin(), extra.end());
        const ProcessResult r = m.scan(db, args);
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const ProcessResult f = run_confscope({"--db", db, "--json", "findings"});
        const rapidjson::Document doc = json_of(f.out);
        for (const auto& x : doc["findings"].GetArray()) {
            if (text(x, "rule") == "BAD-001") return text(x, "message");
        }
        BOOST_FAIL("no BAD-001 finding: " + f.out.substr(0, 300));
        return std::string();
    };
    const std::string isolated = message_of((m.dir / "iso.db").string(), {});
#ifndef CONFSCOPE_SANITIZED  // LeakSanitizer needs clone() and ptrace(): the ASan runner keeps them
    BOOST_TEST(isolated.find("fork=denied") != std::string::npos, isolated);
#endif
    BOOST_TEST(isolated.find("socket=denied") != std::string::npos, isolated);
    BOOST_TEST(isolated.find("exec=denied") != std::string::npos, isolated);
    BOOST_TEST(isolated.find("home=denied") != std::string::npos, isolated);  // no user environment
    // Landlock (Linux 5.13+; signal scoping 6.12+) where this kernel has it.
    const long landlock_abi = ::syscall(SYS_landlock_create_ruleset, nullptr, 0, 1u);
    if (landlock_abi >= 1) BOOST_TEST(isolated.find("write=denied") != std::string::npos, isolated);
    if (landlock_abi >= 6)
        BOOST_TEST(isolated.find("signal=denied") != std::string::npos, isolated);
    const std::string in_process = message_of((m.dir / "in.db").string(), {"--no-isolate"});
    BOOST_TEST(in_process.find("fork=allowed socket=allowed exec=allowed write=allowed") !=
                   std::string::npos,
               in_process);
    // Nothing was left behind by the in-process write.
    for (const auto& e : fs::recursive_directory_iterator(m.projects))
        BOOST_TEST(e.path().filename() != "escaped-by-plugin.txt");
}

// An in-process plugin that ends the process cannot make confscope claim success: exit(0) during
// the scan is exit 3 with nothing stored; a crash in destroy() after the save is exit 3 and says
// the scan was stored (it is).
BOOST_AUTO_TEST_CASE(in_process_plugins_cannot_end_confscope_with_a_false_exit_code) {
    Machine m;
    const auto scans_in = [](const std::string& db) {
        return run_confscope({"--db", db, "--json", "scans", "list"}).out;
    };
    const std::string exits_db = (m.dir / "exits.db").string();
    const ProcessResult exits =
        m.scan(exits_db, {"--no-isolate", "--plugin", "claude-code", "--plugin",
                          (negative_plugin_dir() / "exits.so").string()});
    BOOST_TEST(exits.exit_code == 3, exits.err);
    BOOST_TEST(exits.err.find("a plugin ended the process during the scan; nothing was stored") !=
                   std::string::npos,
               exits.err);
    BOOST_TEST(scans_in(exits_db).find("\"complete\"") == std::string::npos);

    const std::string unload_db = (m.dir / "unload.db").string();
    const ProcessResult unload =
        m.scan(unload_db, {"--no-isolate", "--plugin", "claude-code", "--plugin",
                           (negative_plugin_dir() / "unload-crash.so").string()});
    BOOST_TEST(unload.exit_code == 3, unload.err);
    BOOST_TEST(
        unload.err.find("while being unloaded, after scan 1 was stored") != std::string::npos,
        unload.err);
    BOOST_TEST(scans_in(unload_db).find("\"complete\"") != std::string::npos);
    const ProcessResult findings = run_confscope({"--db", unload_db, "findings"});
    BOOST_TEST(findings.out.find("BAD-001") != std::string::npos);

    // Isolated, the same plugins only fail themselves (or nothing, at unload).
    const ProcessResult isolated = m.scan((m.dir / "iso-unload.db").string(),
                                          {"--plugin", "claude-code", "--plugin",
                                           (negative_plugin_dir() / "unload-crash.so").string()});
    BOOST_TEST(isolated.exit_code == 0, isolated.err);
}

// A plugin found in a plugin folder that crashes when created is a failed plugin of a stored,
// incomplete scan (exit 3), not a warning; named by path it stops the scan before anything runs.
BOOST_AUTO_TEST_CASE(a_plugin_that_fails_at_start_makes_the_scan_incomplete) {
    Machine m;
    const fs::path folder = m.dir / "third-party";
    fs::create_directories(folder);
    fs::copy_file(negative_plugin_dir() / "start-crash.so", folder / "start-crash.so");
    const std::string db = (m.dir / "start.db").string();
    std::vector<std::string> args{"--plugin-path", folder.string(), "--db",   db,        "scan",
                                  "--home",        m.home,          "--root", m.projects};
    const ProcessResult r = run_confscope(args);
    BOOST_TEST(r.exit_code == 3, r.err);
    BOOST_TEST(r.out.find("plugin start-crash 1.0.0: FAILED") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("it crashed (signal 11") != std::string::npos, r.out);
    const ProcessResult scans = run_confscope({"--db", db, "--json", "scans", "list"});
    BOOST_TEST(scans.out.find("\"incomplete\"") != std::string::npos, scans.out);
    const ProcessResult findings = run_confscope({"--db", db, "findings"});
    BOOST_TEST(findings.out.find("MCP-00") != std::string::npos);  // the others ran

    const std::string named_db = (m.dir / "named.db").string();
    const ProcessResult named =
        m.scan(named_db, {"--plugin", (folder / "start-crash.so").string()});
    BOOST_TEST(named.exit_code == 3, named.err);
    BOOST_TEST(named.err.find("nothing was scanned or stored") != std::string::npos, named.err);
    BOOST_TEST(!fs::exists(named_db));
}

// A library in a plugin folder named like a built-in plugin cannot replace it: the scan is
// refused, naming both; given by path it is used, and the built-in one steps aside.
BOOST_AUTO_TEST_CASE(a_plugin_named_like_a_built_in_one_is_refused_unless_chosen_by_path) {
    Machine m;
    const fs::path folder = m.dir / "impostor";
    fs::create_directories(folder);
    // The escape plugin is named "escape"; the in-tree mcp plugin copied under another folder
    // is a library named "mcp" like the installed one.
    fs::copy_file(plugin_dir() / "mcp.so", folder / "mcp.so");
    const std::string db = (m.dir / "clash.db").string();
    const ProcessResult r = run_confscope({"--plugin-path", folder.string(), "--db", db, "scan",
                                           "--home", m.home, "--root", m.projects});
    BOOST_TEST(r.exit_code == 3, r.err);
    BOOST_TEST(r.err.find("is named 'mcp' like") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("choose one with --plugin PATH") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(db));
    const ProcessResult chosen = m.scan((m.dir / "chosen.db").string(),
                                        {"--plugin", (folder / "mcp.so").string(), "--plugin",
                                         "claude-code", "--plugin-path", folder.string()});
    BOOST_TEST(chosen.exit_code == 0, chosen.err);
    BOOST_TEST(chosen.out.find("plugin mcp 0.") != std::string::npos, chosen.out);
}

// A third-party library whose constructor crashes takes none of the commands that only list or
// export down: they decide from its manifest, and run it (if at all) in confscope-runner.
BOOST_AUTO_TEST_CASE(listing_and_exporting_never_load_a_third_party_library_in_process) {
    Machine m;
    const fs::path folder = m.dir / "third-party";
    fs::create_directories(folder);
    fs::copy_file(negative_plugin_dir() / "start-crash.so", folder / "start-crash.so");
    const std::string path_option = "--plugin-path=" + folder.string();

    const ProcessResult list = run_confscope({path_option, "plugins", "list"});
    BOOST_TEST(list.exit_code == 0, list.err);
    BOOST_TEST(list.out.find("claude-code") != std::string::npos, list.out);
    BOOST_TEST(list.err.find("start-crash") != std::string::npos, list.err);
    BOOST_TEST(list.err.find("it crashed (signal 11") != std::string::npos, list.err);

    const ProcessResult rules = run_confscope({path_option, "rules", "list"});
    BOOST_TEST(rules.exit_code == 0, rules.err);
    BOOST_TEST(rules.out.find("MCP-001") != std::string::npos);

    const ProcessResult verify =
        run_confscope({"plugins", "verify", (folder / "start-crash.so").string()});
    BOOST_TEST(verify.exit_code == 1, verify.err);
    BOOST_TEST(verify.out.find("ok      manifest") != std::string::npos, verify.out);
    BOOST_TEST(verify.out.find("FAILED  load") != std::string::npos, verify.out);

    const std::string db = (m.dir / "export.db").string();
    BOOST_REQUIRE(m.scan(db, {}).exit_code <= 1);
    const ProcessResult csv = run_confscope({path_option, "--db", db, "export", "--format", "csv"});
    BOOST_TEST(csv.exit_code <= 1, csv.err);
    BOOST_TEST(csv.out.starts_with("severity,rule_id"), csv.out.substr(0, 200));

    // A third-party exporter (a copy of the csv one, outside the install's folder) runs in the
    // runner and writes exactly what the in-process one writes.
    fs::copy_file(plugin_dir() / "csv.so", folder / "csv-copy.so");
    const ProcessResult isolated =
        run_confscope({"--db", db, "export", "--format", (folder / "csv-copy.so").string()});
    BOOST_TEST(isolated.exit_code == csv.exit_code, isolated.err);
    BOOST_TEST(isolated.out == csv.out);
    const ProcessResult info =
        run_confscope({"plugins", "info", (folder / "csv-copy.so").string()});
    BOOST_TEST(info.exit_code == 0, info.err);
    BOOST_TEST(info.out.find("runs isolated, in confscope-runner") != std::string::npos, info.out);
    BOOST_TEST(info.out.find("license   Apache-2.0") != std::string::npos, info.out);
}

BOOST_AUTO_TEST_CASE(isolation_flags_are_checked) {
    Machine m;
    const std::string db = (m.dir / "flags.db").string();
    const ProcessResult both = m.scan(db, {"--isolate", "--no-isolate"});
    BOOST_TEST(both.exit_code == 2);
    BOOST_TEST(both.err.find("contradict") != std::string::npos);
    const ProcessResult tiny = m.scan(db, {"--plugin-memory", "1"});
    BOOST_TEST(tiny.exit_code == 2);
    // A text file named .so is refused before anything runs, by the same checks as in-process.
    write_file(m.dir / "text.so", "not a library\n");
    const ProcessResult text_so = m.scan(db, {"--plugin", (m.dir / "text.so").string()});
    BOOST_TEST(text_so.exit_code == 3);
    BOOST_TEST(text_so.err.find("refused by the symbol table check") != std::string::npos,
               text_so.err);
    const bool nothing_stored =
        !fs::exists(db) ||
        run_confscope({"--db", db, "scans", "list"}).out.find("complete") == std::string::npos;
    BOOST_TEST(nothing_stored);
}

BOOST_AUTO_TEST_SUITE_END()
