// YAML and Markdown front matter into the same document model.
#include <boost/test/unit_test.hpp>

#include <confscope/parse/document.hpp>

#include "test_support.hpp"

using namespace confscope;
using confscope::test::find_node;
using namespace confscope::parse;

BOOST_AUTO_TEST_SUITE(yaml_parser)

BOOST_AUTO_TEST_CASE(scalars_are_typed_by_the_core_schema) {
    const std::string text =
        "name: reviewer\n"
        "count: 3\n"
        "ratio: 1.5\n"
        "on: true\n"
        "none: ~\n"
        "quoted: \"42\"\n"
        "tools:\n"
        "  - Read\n"
        "  - Grep\n";
    const Document d = parse::parse(sdk::Format::yaml, text);
    BOOST_REQUIRE(!d.error);
    BOOST_TEST((find_node(d, "/name")->kind == NodeKind::string));
    BOOST_TEST((find_node(d, "/count")->kind == NodeKind::number));
    BOOST_TEST((find_node(d, "/ratio")->kind == NodeKind::number));
    BOOST_TEST((find_node(d, "/on")->kind == NodeKind::boolean));
    BOOST_TEST(find_node(d, "/on")->value == "true");
    BOOST_TEST((find_node(d, "/none")->kind == NodeKind::null));
    BOOST_TEST((find_node(d, "/quoted")->kind == NodeKind::string));
    BOOST_TEST(find_node(d, "/quoted")->value == "42");
    BOOST_TEST(find_node(d, "/tools/1")->value == "Grep");
    BOOST_TEST(find_node(d, "/tools/1")->line == 9u);
    BOOST_TEST(find_node(d, "/tools/1")->column == 5u);
    BOOST_TEST(find_node(d, "/count")->line == 2u);
    BOOST_TEST(text.substr(find_node(d, "/quoted")->value_offset,
                           find_node(d, "/quoted")->value_length) == "\"42\"");
}

BOOST_AUTO_TEST_CASE(yaml_errors_have_positions) {
    const Document d = parse::parse(sdk::Format::yaml, "a: 1\nb: [1, 2\nc: 3\n");
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.error->line >= 2u);
    BOOST_TEST(d.nodes.empty());
}

BOOST_AUTO_TEST_CASE(files_yaml_cpp_would_half_read_are_errors) {
    // A quoted scalar that is never closed: yaml-cpp swallows the rest of the file into it.
    Document d = parse::parse(sdk::Format::yaml,
                              "mcpServers:\n  - name: a\n    command: \"npx\n  - name: b\n"
                              "    command: uvx\n");
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.error->line == 3u);
    BOOST_TEST(d.nodes.empty());
    d = parse::parse(sdk::Format::yaml, "a: 'unclosed\nb: c\n");
    BOOST_TEST(d.error.has_value());
    // A duplicate key: yaml-cpp keeps both, the clients' parsers refuse the file.
    d = parse::parse(sdk::Format::yaml,
                     "mcpServers:\n  - name: a\n    command: npx\n"
                     "    command: uvx\n");
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.error->line == 4u);
    BOOST_TEST(d.error->message.find("duplicate key 'command'") != std::string::npos);
    // A broken second document is a broken file.
    d = parse::parse(sdk::Format::yaml, "a: 1\n---\nfoo: [unclosed\n");
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.nodes.empty());

    // Near misses: closed quotes over several lines, '' inside single quotes, the same key in
    // two different mappings, and a second document that parses.
    d = parse::parse(sdk::Format::yaml,
                     "a: \"one\n  two\"\nb: 'it''s'\nc:\n  name: x\nd:\n  name: y\n---\ne: 2\n");
    BOOST_TEST(!d.error.has_value());
    BOOST_TEST(find_node(d, "/a")->value == "one two");
    BOOST_TEST(find_node(d, "/b")->value == "it's");
    BOOST_TEST(find_node(d, "/e") == nullptr);  // the clients read the first document
}

BOOST_AUTO_TEST_CASE(front_matter_is_read_as_claude_code_reads_it) {
    // Strict YAML refuses these one-line values; Claude Code loads them.
    const std::string command =
        "---\ndescription: Fix an issue: reproduce, patch, test\nargument-hint: [issue-number] "
        "[optional-priority]\nallowed-tools:\n  - Bash(git diff:*)\n  - Read\nmodel: sonnet\n---\n"
        "Fix #$1.\n";
    Document d = parse::parse(sdk::Format::markdown, command);
    BOOST_REQUIRE_MESSAGE(!d.error.has_value(), (d.error ? d.error->message : std::string()));
    BOOST_TEST(find_node(d, "/argument-hint")->value == "[issue-number] [optional-priority]");
    BOOST_TEST(find_node(d, "/argument-hint")->line == 3u);
    BOOST_TEST(find_node(d, "/description")->value == "Fix an issue: reproduce, patch, test");
    BOOST_TEST((find_node(d, "/allowed-tools")->kind == NodeKind::array));
    BOOST_TEST(find_node(d, "/allowed-tools/0")->value == "Bash(git diff:*)");
    BOOST_TEST(find_node(d, "/allowed-tools/1")->line == 6u);
    BOOST_TEST(find_node(d, "/model")->value == "sonnet");
    const std::size_t at = command.find("[issue-number]");
    BOOST_TEST(find_node(d, "/argument-hint")->value_offset == at);
    // An agent's one-line description with "key: value" pairs inside it.
    d = parse::parse(sdk::Format::markdown,
                     "---\nname: rev\ndescription: Use this agent. Examples: <example>Context: x "
                     "user: \"review\" assistant: \"ok\"</example>\n---\nBody\n");
    BOOST_REQUIRE(!d.error.has_value());
    BOOST_TEST(find_node(d, "/description")->value.starts_with("Use this agent."));
    // Near miss: a continuation at the margin is what the client cannot read either.
    d = parse::parse(sdk::Format::markdown,
                     "---\nname: rev\ndescription: Use this agent. Examples:\n<example>user: "
                     "\"x\"</example>\n---\nBody\n");
    BOOST_TEST(d.error.has_value());
}

BOOST_AUTO_TEST_CASE(front_matter_becomes_nodes_with_file_positions) {
    const std::string text =
        "---\n"
        "name: deploy\n"
        "allowed-tools: Bash(git *), Read\n"
        "---\n"
        "# Deploy\n"
        "Body text\n";
    const Document d = parse::parse(sdk::Format::markdown, text);
    BOOST_REQUIRE(!d.error);
    BOOST_TEST(find_node(d, "/name")->value == "deploy");
    BOOST_TEST(find_node(d, "/name")->line == 2u);
    BOOST_TEST(find_node(d, "/allowed-tools")->line == 3u);
    BOOST_TEST(text.substr(d.body_offset) == "# Deploy\nBody text\n");
}

BOOST_AUTO_TEST_CASE(markdown_without_front_matter_has_no_nodes) {
    const Document d = parse::parse(sdk::Format::markdown, "# Title\n---\nnot front matter\n");
    BOOST_TEST(!d.error);
    BOOST_TEST(d.nodes.empty());
    BOOST_TEST(d.body_offset == 0u);
}

BOOST_AUTO_TEST_CASE(unclosed_front_matter_is_an_error) {
    const Document d = parse::parse(sdk::Format::markdown, "---\nname: x\nno end\n");
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.error->line == 1u);
}

BOOST_AUTO_TEST_CASE(long_one_line_flow_lists_keep_exact_spans_and_columns) {
    // 50,000 items on one line (the shape that cost quadratic time): every span is the item's
    // own text, the last item's column is right, and a commented plain scalar stops before "#".
    std::string text = "models: [";
    for (int i = 0; i < 50000; ++i)
        text += (i ? ", m" : "m") + std::to_string(i);
    text += "]\nkey: plain value  # note\n";
    const Document d = parse::parse(sdk::Format::yaml, text);
    BOOST_REQUIRE_MESSAGE(!d.error.has_value(), (d.error ? d.error->message : std::string()));
    const Node* last = find_node(d, "/models/49999");
    BOOST_REQUIRE(last);
    BOOST_TEST(text.substr(last->value_offset, last->value_length) == "m49999");
    BOOST_TEST(last->line == 1u);
    BOOST_TEST(last->column == static_cast<std::uint32_t>(text.find("m49999") + 1));
    const Node* plain = find_node(d, "/key");
    BOOST_REQUIRE(plain);
    BOOST_TEST(text.substr(plain->value_offset, plain->value_length) == "plain value");
}

BOOST_AUTO_TEST_CASE(an_alias_bomb_is_an_error_and_ordinary_aliases_still_expand) {
    // Nine aliases nested ten deep: about 500 bytes that would expand to 3.9e9 nodes.
    std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int k = 0; k < 9; ++k)
            bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
        bomb += "]\n";
    }
    const Document d = parse::parse(sdk::Format::yaml, bomb);
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.error->message.find("alias bomb") != std::string::npos, d.error->message);
    BOOST_TEST(d.nodes.empty());
    const Document ok = parse::parse(sdk::Format::yaml,
                                     "base: &base {model: gpt, temperature: 0.2}\n"
                                     "models:\n  - *base\n  - *base\n  - *base\n");
    BOOST_REQUIRE_MESSAGE(!ok.error.has_value(), (ok.error ? ok.error->message : std::string()));
    BOOST_TEST(find_node(ok, "/models/2/model")->value == "gpt");
}

// Found by the scanner fuzzer: yaml-cpp 0.7 loops for ever (allocating a node per turn) on a
// stray ',' at the top of a block document. The event budget stops it with a position; a file of
// the same shape that is valid still parses (the near miss).
BOOST_AUTO_TEST_CASE(text_the_yaml_parser_makes_no_progress_on_is_an_error) {
    const std::string stuck =
        ",\n  \"userConfig\": {\n    \"api_key\": \"3f1c9a7e-52b4-4d0e-9c61-8e2f7a4b6d13\"\n  "
        "}\n}\n";
    const Document d = parse::parse(sdk::Format::yaml, stuck);
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.error->message.find("makes no progress") != std::string::npos, d.error->message);
    BOOST_TEST(d.error->line == 1u);
    BOOST_TEST(d.nodes.empty());
    const Document ok = parse::parse(sdk::Format::yaml,
                                     "{\n  \"userConfig\": {\n    \"api_key\": "
                                     "\"3f1c9a7e-52b4-4d0e-9c61-8e2f7a4b6d13\"\n  }\n}\n");
    BOOST_REQUIRE_MESSAGE(!ok.error.has_value(), (ok.error ? ok.error->message : std::string()));
    BOOST_TEST(find_node(ok, "/userConfig/api_key") != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
