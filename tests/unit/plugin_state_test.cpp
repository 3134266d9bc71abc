// The claude-code plugin's plugin folders, tested directly on its sources: where a file under
// {CLAUDE_CONFIG_DIR}/plugins belongs (cache copy, marketplace clone, on every OS's separators,
// installPath values from other machines), and which plugin-agent keys Claude Code ignores.
#include "plugin_state.hpp"

#include <boost/test/unit_test.hpp>

using namespace claude_code;

BOOST_AUTO_TEST_SUITE(claude_code_plugin_state)

BOOST_AUTO_TEST_CASE(paths_relative_to_the_plugins_folder) {
    BOOST_TEST(
        plugins_relative("/home/dev/.claude/plugins/cache/acme/fmt/1.4.0/hooks/hooks.json") ==
        "cache/acme/fmt/1.4.0/hooks/hooks.json");
    // Windows separators, and installPath written on another machine (another user's home).
    BOOST_TEST(plugins_relative(
                   R"(C:\Users\dev\.claude\plugins\marketplaces\acme\plugins\fmt\.mcp.json)") ==
               "marketplaces/acme/plugins/fmt/.mcp.json");
    BOOST_TEST(plugins_relative("/Users/someone-else/.claude/plugins/cache/acme/fmt/1.4.0/") ==
               "cache/acme/fmt/1.4.0/");
    // A clone that itself has a plugins/ folder: the first plugins folder counts.
    BOOST_TEST(plugins_relative(
                   "/home/dev/.claude/plugins/marketplaces/acme/plugins/fmt/hooks/hooks.json") ==
               "marketplaces/acme/plugins/fmt/hooks/hooks.json");
    BOOST_TEST(plugins_relative("/home/dev/src/app/.mcp.json").empty());
}

BOOST_AUTO_TEST_CASE(a_file_says_where_its_plugin_root_is) {
    using Key = std::optional<std::string>;
    BOOST_TEST((plugin_folder_key("cache/acme/fmt/1.4.0/hooks/hooks.json") ==
                Key("cache/acme/fmt/1.4.0")));
    BOOST_TEST((plugin_folder_key("cache/acme/fmt/1.4.0/.claude-plugin/plugin.json") ==
                Key("cache/acme/fmt/1.4.0")));
    BOOST_TEST((plugin_folder_key("cache/acme/fmt/1.4.0/skills/tidy/SKILL.md") ==
                Key("cache/acme/fmt/1.4.0")));
    BOOST_TEST((plugin_folder_key("cache/acme/fmt/1.4.0/commands/git/commit.md") ==
                Key("cache/acme/fmt/1.4.0")));
    BOOST_TEST((plugin_folder_key("marketplaces/acme/plugins/fmt/agents/fixer.md") ==
                Key("marketplaces/acme/plugins/fmt")));
    BOOST_TEST((plugin_folder_key("marketplaces/acme/.claude-plugin/plugin.json") ==
                Key("marketplaces/acme")));
    // Not where Claude Code loads that kind of file: a document inside a skill, above the clone.
    BOOST_TEST(!plugin_folder_key("cache/acme/fmt/1.4.0/skills/tidy/agents/notes.md"));
    BOOST_TEST(!plugin_folder_key("cache/acme/fmt/hooks/hooks.json"));
    BOOST_TEST(!plugin_folder_key("marketplaces/.mcp.json"));
    BOOST_TEST(!plugin_folder_key("cache/acme/fmt/1.4.0/README.md"));
}

BOOST_AUTO_TEST_CASE(keys_claude_code_ignores_in_plugin_agents) {
    for (const char* pointer :
         {"/hooks", "/hooks/Stop/0/hooks/0/command", "/mcpServers/db/env/X", "/permissionMode"}) {
        BOOST_TEST(ignored_in_plugin_agent(pointer), pointer);
    }
    for (const char* pointer : {"", "/tools", "/hooksets", "/model", "/allowed-tools/0"})
        BOOST_TEST(!ignored_in_plugin_agent(pointer), pointer);
}

BOOST_AUTO_TEST_SUITE_END()
