// TOML into the document model: file order, positions, kinds, string spans, errors.
#include <boost/test/unit_test.hpp>

#include <confscope/parse/document.hpp>

#include "test_support.hpp"

using namespace confscope;
using namespace confscope::parse;
using confscope::test::find_node;

BOOST_AUTO_TEST_SUITE(toml_parser)

BOOST_AUTO_TEST_CASE(codex_config_in_file_order_with_positions) {
    const std::string text =
        "approval_policy = \"never\"\n"
        "sandbox_mode = 'danger-full-access'\n"
        "\n"
        "[mcp_servers.github]\n"
        "command = \"npx\"\n"
        "args = [\"-y\", \"@modelcontextprotocol/server-github@1.2.3\"]\n"
        "env = { GITHUB_TOKEN = \"ghp_abc\", DEBUG = true }\n"
        "\n"
        "[mcp_servers.api]\n"
        "url = \"https://api.example.com/mcp\"\n"
        "startup_timeout_sec = 20\n";
    const Document d = parse::parse(sdk::Format::toml, text);
    BOOST_REQUIRE_MESSAGE(!d.error.has_value(), (d.error ? d.error->message : std::string()));
    BOOST_TEST(d.nodes[1].key == "approval_policy");  // file order, not sorted
    BOOST_TEST(d.nodes[2].key == "sandbox_mode");
    BOOST_TEST(d.nodes[3].key == "mcp_servers");
    const Node* github = find_node(d, "/mcp_servers/github");
    const Node* api = find_node(d, "/mcp_servers/api");
    BOOST_REQUIRE(github && api);
    BOOST_TEST(github < api);
    BOOST_TEST(github->line == 4u);
    const Node* command = find_node(d, "/mcp_servers/github/command");
    BOOST_REQUIRE(command);
    BOOST_TEST(command->value == "npx");
    BOOST_TEST(command->line == 5u);
    BOOST_TEST(command->column == 1u);  // the key
    BOOST_TEST(text.substr(command->value_offset, command->value_length) == "\"npx\"");
    const Node* token = find_node(d, "/mcp_servers/github/env/GITHUB_TOKEN");
    BOOST_REQUIRE(token);
    BOOST_TEST(token->line == 7u);
    BOOST_TEST(text.substr(token->value_offset, token->value_length) == "\"ghp_abc\"");
    BOOST_TEST((find_node(d, "/mcp_servers/github/env/DEBUG")->kind == NodeKind::boolean));
    BOOST_TEST(find_node(d, "/mcp_servers/github/args")->child_count == 2u);
    BOOST_TEST(find_node(d, "/mcp_servers/github/args/1")->value ==
               "@modelcontextprotocol/server-github@1.2.3");
    BOOST_TEST((find_node(d, "/mcp_servers/api/startup_timeout_sec")->kind == NodeKind::number));
    BOOST_TEST(find_node(d, "/mcp_servers/api/startup_timeout_sec")->value == "20");
    const Node* literal = find_node(d, "/sandbox_mode");
    BOOST_TEST(text.substr(literal->value_offset, literal->value_length) == "'danger-full-access'");
}

BOOST_AUTO_TEST_CASE(multiline_strings_and_arrays_of_tables) {
    const std::string text =
        "[[rule]]\n"
        "id = \"A\"\n"
        "help = \"\"\"\n"
        "two lines\n"
        "\"\"\"\n"
        "[[rule]]\n"
        "id = \"B\"\n";
    const Document d = parse::parse(sdk::Format::toml, text);
    BOOST_REQUIRE(!d.error);
    BOOST_TEST(find_node(d, "/rule")->child_count == 2u);
    BOOST_TEST(find_node(d, "/rule/1/id")->value == "B");
    BOOST_TEST(find_node(d, "/rule/1/id")->line == 7u);
    const Node* help = find_node(d, "/rule/0/help");
    BOOST_TEST(help->value == "two lines\n");
    BOOST_TEST(text.substr(help->value_offset, help->value_length) == "\"\"\"\ntwo lines\n\"\"\"");
}

BOOST_AUTO_TEST_CASE(errors_have_positions) {
    const Document d = parse::parse(sdk::Format::toml, "a = 1\nb = \n");
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.error->line == 2u);
    BOOST_TEST(d.nodes.empty());
    BOOST_TEST(parse::parse(sdk::Format::toml, "[a]\nx = 1\n[a]\ny = 2\n")
                   .error.has_value());                      // redefined
    BOOST_TEST(!parse::parse(sdk::Format::toml, "").error);  // an empty file is an empty table
}

BOOST_AUTO_TEST_CASE(nesting_beyond_512_levels_is_an_error_with_its_line_not_a_crash) {
    // 40,000 levels in dotted keys, a table header or arrays: toml++ would recurse that deep.
    std::string dotted = "ok = 1\na";
    std::string header = "ok = 1\n[a";
    for (int i = 0; i < 40000; ++i) {
        dotted += ".a";
        header += ".a";
    }
    dotted += " = 1\n";
    header += "]\n";
    const std::string arrays =
        "ok = 1\nx = " + std::string(40000, '[') + std::string(40000, ']') + "\n";
    const std::string tables = "ok = 1\n" + [] {
        std::string t = "x = ";
        for (int i = 0; i < 40000; ++i)
            t += "{a = ";
        t += "1";
        for (int i = 0; i < 40000; ++i)
            t += "}";
        return t;
    }() + "\n";
    for (const std::string* text :
         std::initializer_list<const std::string*>{&dotted, &header, &arrays, &tables}) {
        const Document d = parse::parse(sdk::Format::toml, *text);
        BOOST_REQUIRE(d.error.has_value());
        BOOST_TEST(d.error->message.find("deeper than 512") != std::string::npos, d.error->message);
        BOOST_TEST(d.error->line == 2u);
        BOOST_TEST(d.nodes.empty());
    }
}

BOOST_AUTO_TEST_CASE(dots_in_values_strings_and_comments_do_not_count_as_nesting) {
    std::string floats = "x = [";
    for (int i = 0; i < 2000; ++i)
        floats += "1.5, ";
    floats += "2.5]\n";
    const std::string text = floats + "\"a.b.c\" = 'd.e.f' # g.h.i\n" +
                             "when = 2026-12-07T10:00:00.5Z\n" +
                             "[servers.\"api.example.com\".env]\nKEY = \"1.2.3\"\n" +
                             "deep = " + std::string(100, '[') + std::string(100, ']') + "\n";
    const Document d = parse::parse(sdk::Format::toml, text);
    BOOST_REQUIRE_MESSAGE(!d.error.has_value(), (d.error ? d.error->message : std::string()));
    BOOST_TEST(find_node(d, "/servers/api.example.com/env/KEY") != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
