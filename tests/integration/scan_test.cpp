// Scans with failing plugins: a plugin that throws in analyze() or declares a bad target is
// marked failed with the reason, its partial results are discarded, and the other plugins' results
// stand. Plus the pipeline's own guarantees: each file read once for several plugins, secrets
// flagged for plugins, CFG-001 from the core.
#include <boost/test/unit_test.hpp>

#include <confscope/plugins/loader.hpp>
#include <confscope/scan/scanner.hpp>

#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;

namespace {

struct PlantedTree {
    TempDir dir;
    PlantedTree() {
        write_file(dir / "home/.claude/settings.json",
                   R"J({"permissions": {"allow": ["Bash(*)"]}})J");
        write_file(dir / "src/app/.mcp.json",
                   R"J({"mcpServers": {"x": {"type": "http", "url": "http://example.com/mcp"}}})J");
        write_file(dir / "src/broken/.mcp.json",
                   "{\"mcpServers\": {\n  \"x\": {}\n  \"y\": {}\n}}");
    }
    scan::ScanOptions options() const {
        return planted_scan(dir / "home", dir / "sys", {dir / "src"});
    }
};

std::unique_ptr<plugins::PluginInstance> negative_instance(plugins::PluginLoader& loader,
                                                           const std::string& name) {
    auto plugin = loader.load(negative_plugin_dir() / (name + ".so"));
    BOOST_REQUIRE_MESSAGE(plugin.is_ok(), plugin.status().message());
    auto instance = plugins::PluginInstance::create(*plugin);
    BOOST_REQUIRE(instance.is_ok());
    return std::move(*instance);
}

std::size_t count_rule(const scan::ScanResult& r, const std::string& rule) {
    std::size_t n = 0;
    for (const auto& f : r.findings)
        n += f.rule_id == rule ? 1 : 0;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scan_failures)

BOOST_AUTO_TEST_CASE(a_throwing_plugin_fails_alone) {
    PlantedTree tree;
    plugins::PluginLoader loader;
    auto good = load_plugins({"claude-code"});
    auto thrower = negative_instance(loader, "throws");
    std::vector<plugins::PluginInstance*> instances{good.front().get(), thrower.get()};
    const scan::ScanResult r = scan::run_scan(tree.options(), instances);

    BOOST_TEST(!r.complete());
    BOOST_REQUIRE(r.plugins.size() == 2u);
    const scan::PluginRun& failed = r.plugins[1];
    BOOST_TEST(failed.name == "throws");
    BOOST_TEST(failed.failed);
    BOOST_TEST(failed.error.find("boom while reading") != std::string::npos, failed.error);
    BOOST_TEST(failed.error.find("analyze failed (internal)") != std::string::npos, failed.error);
    BOOST_TEST(!r.plugins[0].failed);
    for (const auto& f : r.findings)
        BOOST_TEST(f.plugin != "throws");  // the partial result is gone
    BOOST_TEST(count_rule(r, "THROW-001") == 0u);
    BOOST_TEST(count_rule(r, "PERM-003") == 1u);
    BOOST_TEST(count_rule(r, "MCP-003") == 1u);
}

BOOST_AUTO_TEST_CASE(a_bad_target_fails_the_plugin_with_the_placeholder_named) {
    PlantedTree tree;
    plugins::PluginLoader loader;
    auto good = load_plugins({"claude-code"});
    auto bad = negative_instance(loader, "bad-target");
    const scan::ScanResult r = scan::run_scan(
        tree.options(), std::vector<plugins::PluginInstance*>{good.front().get(), bad.get()});
    BOOST_REQUIRE(r.plugins.size() == 2u);
    BOOST_TEST(r.plugins[1].failed);
    BOOST_TEST(r.plugins[1].error.find("{NO_SUCH_PLACE}") != std::string::npos, r.plugins[1].error);
    BOOST_TEST(count_rule(r, "PERM-003") == 1u);
}

BOOST_AUTO_TEST_CASE(parse_errors_become_cfg_001_with_position_and_the_scan_goes_on) {
    PlantedTree tree;
    auto good = load_plugins({"claude-code"});
    const scan::ScanResult r = scan::run_scan(tree.options(), raw(good));
    BOOST_TEST(r.complete());
    const scan::Finding* cfg = nullptr;
    for (const auto& f : r.findings) {
        if (f.rule_id == "CFG-001") cfg = &f;
    }
    BOOST_REQUIRE(cfg);
    BOOST_TEST(r.files[cfg->file].display_path == "broken/.mcp.json");
    BOOST_TEST(cfg->line == 3u);
    BOOST_TEST(cfg->column == 3u);
    BOOST_TEST(cfg->message.find("line 3, column 3") != std::string::npos, cfg->message);
    BOOST_TEST(r.files[cfg->file].parse_error.find("line 3") != std::string::npos);
    BOOST_TEST(count_rule(r, "MCP-003") == 1u);  // the other files were still analyzed
}

BOOST_AUTO_TEST_CASE(fingerprints_are_stable_and_machine_independent) {
    PlantedTree a, b;
    auto plugins_a = load_plugins({"claude-code"});
    const scan::ScanResult first = scan::run_scan(a.options(), raw(plugins_a));
    const scan::ScanResult second = scan::run_scan(b.options(), raw(plugins_a));  // another folder
    BOOST_REQUIRE(first.findings.size() == second.findings.size());
    for (std::size_t i = 0; i < first.findings.size(); ++i) {
        BOOST_TEST(first.findings[i].fingerprint == second.findings[i].fingerprint);
        BOOST_TEST(first.findings[i].fingerprint.size() == 32u);
    }
    BOOST_TEST(scan::fingerprint("R", "a", "/x") != scan::fingerprint("R", "a", "/y"));
}

BOOST_AUTO_TEST_CASE(oversized_and_non_regular_files_are_recorded_not_read) {
    PlantedTree tree;
    std::string big(4096, ' ');
    big += "{}";
    write_file(tree.dir / "src/big/.mcp.json", big);
    auto good = load_plugins({"claude-code"});
    scan::ScanOptions options = tree.options();
    options.max_file_size = 1024;
    const scan::ScanResult r = scan::run_scan(options, raw(good));
    bool seen = false;
    for (const auto& f : r.files) {
        if (f.display_path == "big/.mcp.json") {
            seen = true;
            BOOST_TEST(f.exists);
            BOOST_TEST(f.size == 4098u);
            BOOST_TEST(f.error.find("size limit") != std::string::npos);
            BOOST_TEST(!f.content.has_value());
        }
    }
    BOOST_TEST(seen);
}

BOOST_AUTO_TEST_SUITE_END()
