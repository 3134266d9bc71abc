// The isolated plugin runner: a real confscope-runner process per plugin, real plugin libraries.
// A well-behaved plugin answers as it would in-process; one that crashes, hangs, exhausts memory,
// writes garbage to stdout or exits is reported with the reason, within the deadline, and the host
// process carries on.
#include <boost/test/unit_test.hpp>

#include <confscope/isolation/runner_process.hpp>
#include <confscope/plugins/plugin_instance.hpp>

#include "test_support.hpp"

using namespace confscope;
using namespace confscope::isolation;
using namespace confscope::test;

namespace {

fs::path runner_exe() {
    return confscope_exe().parent_path() / "confscope-runner";
}

fs::path negative(const std::string& name) {
    return negative_plugin_dir() / (name + ".so");
}

// A parsed-looking empty JSON object file for analyze().
struct EmptyFile {
    confscope_node_v1 root{
        sizeof(confscope_node_v1), CONFSCOPE_NODE_OBJECT, "", "", "", 0, -1, 0, 1, 1, 0, 2, 0};
    const confscope_node_v1* nodes[1] = {&root};
    confscope_document_v1 document{};
    confscope_file_v1 file{};
    EmptyFile() {
        document.struct_size = sizeof document;
        document.format = CONFSCOPE_FORMAT_JSON;
        document.parse_status = CONFSCOPE_OK;
        document.parse_error = "";
        document.nodes = nodes;
        document.node_count = 1;
        document.bytes = "{}";
        document.byte_count = 2;
        file.struct_size = sizeof file;
        file.path = "/p/.mcp.json";
        file.display_path = ".mcp.json";
        file.target_id = "mcp";
        file.category = "mcp";
        file.target_name = "Project MCP";
        file.scope = CONFSCOPE_SCOPE_PROJECT;
        file.format = CONFSCOPE_FORMAT_JSON;
        file.project_dir = "/p";
        file.sha256_hex = "";
        file.home_dir = "/home/u";
        file.size = 2;
    }
};

struct Collected {
    std::vector<std::string> findings;
    RunnerCallbacks callbacks() {
        return {[](const confscope_item_v1&) { return CONFSCOPE_OK; },
                [this](const confscope_finding_v1& f) {
                    findings.emplace_back(f.rule_id);
                    return CONFSCOPE_OK;
                },
                {}};
    }
};

std::unique_ptr<RunnerProcess> start(const fs::path& plugin, RunnerLimits limits = {}) {
    auto runner = RunnerProcess::start(runner_exe(), plugin, "{}", limits);
    BOOST_REQUIRE_MESSAGE(runner.is_ok(), runner.status().message());
    return std::move(*runner);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(isolated_runner)

BOOST_AUTO_TEST_CASE(an_in_tree_plugin_answers_as_it_does_in_process) {
    auto runner = start(plugin_dir() / "claude-code.so");
    BOOST_TEST(runner->hello().name == "claude-code");
    BOOST_TEST(runner->hello().rules.size() > 10u);
    BOOST_TEST(runner->hello().library_sha256.size() == 64u);
    auto isolated = runner->targets();
    BOOST_REQUIRE_MESSAGE(isolated.is_ok(), isolated.status().message());

    auto in_process = load_plugins({"claude-code"});
    BOOST_REQUIRE(in_process.size() == 1u);
    auto expected = in_process.front()->targets();
    BOOST_REQUIRE(expected.is_ok());
    BOOST_REQUIRE(isolated->size() == expected->size());
    for (std::size_t i = 0; i < expected->size(); ++i) {
        BOOST_TEST((*isolated)[i].id == (*expected)[i].id);
        BOOST_TEST((*isolated)[i].path == (*expected)[i].path);
        BOOST_TEST(((*isolated)[i].scope == (*expected)[i].scope));
        BOOST_TEST((*isolated)[i].os_mask == (*expected)[i].os_mask);
    }
    EmptyFile empty;
    Collected results;
    const Status analyzed = runner->analyze(empty.file, empty.document, results.callbacks());
    BOOST_TEST(analyzed.is_ok(), analyzed.message());
    BOOST_TEST(runner->finish(results.callbacks()).is_ok());
}

BOOST_AUTO_TEST_CASE(a_plugin_that_throws_fails_like_in_process_and_the_runner_goes_on) {
    auto runner = start(negative("throws"));
    EmptyFile empty;
    Collected results;
    const Status first = runner->analyze(empty.file, empty.document, results.callbacks());
    BOOST_TEST((first.code() == StatusCode::internal));
    BOOST_TEST(first.message().find("boom while reading .mcp.json") != std::string::npos,
               first.message());
    BOOST_TEST(results.findings.size() == 1u);  // what it reported before; the host discards it
    const Status second = runner->analyze(empty.file, empty.document, results.callbacks());
    BOOST_TEST((second.code() == StatusCode::internal));  // the process is still there
}

BOOST_AUTO_TEST_CASE(every_way_of_dying_is_reported_with_its_reason) {
    struct Case {
        std::string plugin, expected;
    };
    const std::vector<Case> cases{
        {"crash", "it crashed (signal 11"},
        {"hang", "it did not answer within 2 s (killed)"},
#ifndef CONFSCOPE_SANITIZED  // no RLIMIT_AS under ASan (runner_process.cpp): the hog would not stop
        {"hog", "ran out of its memory limit (512 MiB)"},
#endif
        {"garbage", "is not the runner protocol"},
        {"quit", "it exited early with code 3"},
    };
    for (const Case& c : cases) {
        // Only the hang waits for the deadline; the others must be caught by what they do, so
        // they get a deadline a loaded CI machine cannot reach.
        RunnerLimits limits;
        limits.deadline = std::chrono::seconds(c.plugin == "hang" ? 2 : 60);
        limits.memory_bytes = 512ull << 20;
        const auto began = std::chrono::steady_clock::now();
        auto runner = start(negative(c.plugin), limits);
        EmptyFile empty;
        Collected results;
        const Status status = runner->analyze(empty.file, empty.document, results.callbacks());
        BOOST_TEST(!status.is_ok(), c.plugin);
        BOOST_TEST(status.message().find(c.expected) != std::string::npos,
                   c.plugin + ": " + status.message());
        const bool names_the_call =
            status.message().find("during analyze of .mcp.json") != std::string::npos;
        BOOST_TEST((names_the_call || c.plugin == "hog"), c.plugin + ": " + status.message());
        // Once gone, every later call says the same, at once.
        const Status again = runner->finish(results.callbacks());
        if (c.plugin != "hog") BOOST_TEST(again.message() == status.message(), c.plugin);
        const auto took = std::chrono::steady_clock::now() - began;
        BOOST_TEST(took < std::chrono::seconds(60), c.plugin);
    }
}

BOOST_AUTO_TEST_CASE(a_library_that_is_not_a_plugin_is_refused_in_the_runner) {
    TempDir dir;
    write_file(dir / "text.so", "not a library\n");
    auto runner = RunnerProcess::start(runner_exe(), dir / "text.so", "{}", {});
    BOOST_REQUIRE(!runner.is_ok());
    BOOST_TEST(runner.status().message().find("refused by the") != std::string::npos,
               runner.status().message());
}

BOOST_AUTO_TEST_CASE(a_missing_runner_is_named_with_the_fix) {
    auto runner =
        RunnerProcess::start("/nonexistent/confscope-runner", negative("crash"), "{}", {});
    BOOST_REQUIRE(!runner.is_ok());
    BOOST_TEST(runner.status().message().find("the plugin runner /nonexistent/confscope-runner is "
                                              "missing") != std::string::npos,
               runner.status().message());
    BOOST_TEST(runner.status().message().find("--no-isolate") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
