// How much content a scan keeps of each file: the default, then the last --store-content MODE:WHAT
// rule that matches the file's scanner plugin or path.
#include <boost/test/unit_test.hpp>

#include <confscope/scan/scanner.hpp>

using namespace confscope;
using scan::StoreContent;

namespace {

scan::FileRecord file(std::string plugin, std::string path) {
    scan::FileRecord f;
    f.plugin = std::move(plugin);
    f.path = std::move(path);
    return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_content)

BOOST_AUTO_TEST_CASE(the_default_applies_without_rules) {
    scan::ScanOptions options;
    BOOST_TEST((scan::content_mode_for(options, file("mcp", "/h/.cursor/mcp.json")) ==
                StoreContent::redacted));
    options.store_content = StoreContent::none;
    BOOST_TEST((scan::content_mode_for(options, file("mcp", "/h/.cursor/mcp.json")) ==
                StoreContent::none));
}

BOOST_AUTO_TEST_CASE(a_rule_names_a_plugin_a_file_or_a_folder) {
    scan::ScanOptions options;
    options.content_rules = {{StoreContent::raw, "claude-code"},
                             {StoreContent::raw, "/h/.cursor/mcp.json"},
                             {StoreContent::none, "/h/src/app"}};
    BOOST_TEST((scan::content_mode_for(options, file("claude-code", "/h/.claude.json")) ==
                StoreContent::raw));
    BOOST_TEST(
        (scan::content_mode_for(options, file("mcp", "/h/.cursor/mcp.json")) == StoreContent::raw));
    BOOST_TEST((scan::content_mode_for(options, file("mcp", "/h/src/app/.mcp.json")) ==
                StoreContent::none));
    // Near misses: another plugin, a sibling whose name only starts like the folder, another file.
    BOOST_TEST((scan::content_mode_for(options, file("mcp", "/h/.vscode/mcp.json")) ==
                StoreContent::redacted));
    BOOST_TEST((scan::content_mode_for(options, file("mcp", "/h/src/application/.mcp.json")) ==
                StoreContent::redacted));
    BOOST_TEST((scan::content_mode_for(options, file("mcp", "/h/.cursor/mcp.json.bak")) ==
                StoreContent::redacted));
}

BOOST_AUTO_TEST_CASE(the_last_matching_rule_wins) {
    scan::ScanOptions options;
    options.content_rules = {{StoreContent::raw, "claude-code"},
                             {StoreContent::redacted, "/h/.claude"}};
    BOOST_TEST((scan::content_mode_for(options, file("claude-code", "/h/.claude/settings.json")) ==
                StoreContent::redacted));
    BOOST_TEST((scan::content_mode_for(options, file("claude-code", "/h/.claude.json")) ==
                StoreContent::raw));
    options.content_rules.push_back({StoreContent::raw, "/h/.claude/"});  // a trailing slash too
    BOOST_TEST((scan::content_mode_for(options, file("claude-code", "/h/.claude/settings.json")) ==
                StoreContent::raw));
}

BOOST_AUTO_TEST_SUITE_END()
