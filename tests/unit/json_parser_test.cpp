// JSON / JSONC into the document model: pointers, kinds, values, positions, tolerance, errors.
#include <boost/test/unit_test.hpp>

#include <confscope/parse/document.hpp>

#include "test_support.hpp"

using namespace confscope;
using confscope::test::find_node;
using namespace confscope::parse;

BOOST_AUTO_TEST_SUITE(json_parser)

// Containers span their brackets, the root included (it used to start one byte early: offset -1,
// which wrapped to 2^64 - 1; found by fuzz/harnesses/fuzz_parse.cpp's span invariant).
BOOST_AUTO_TEST_CASE(objects_and_arrays_span_their_brackets) {
    for (const std::string prefix : {"", "\xEF\xBB\xBF", "\n  "}) {
        const std::string text = prefix + "{\"a\": {\"b\": [1, {}]},\n \"c\": [\n  {\"d\": 2}]}";
        const Document d = parse::parse(sdk::Format::jsonc, text);
        BOOST_REQUIRE(!d.error);
        const auto span = [&](const char* pointer) {
            const Node* n = find_node(d, pointer);
            BOOST_REQUIRE(n);
            BOOST_REQUIRE(n->value_offset + n->value_length <= text.size());
            return text.substr(n->value_offset, n->value_length);
        };
        BOOST_TEST(span("") == text.substr(prefix.size()));
        BOOST_TEST(span("/a") == "{\"b\": [1, {}]}");
        BOOST_TEST(span("/a/b") == "[1, {}]");
        BOOST_TEST(span("/a/b/1") == "{}");
        BOOST_TEST(span("/c") == "[\n  {\"d\": 2}]");
        BOOST_TEST(span("/c/0") == "{\"d\": 2}");
        const Node* element = find_node(d, "/c/0");
        BOOST_TEST(element->line == (prefix == "\n  " ? 4u : 3u));  // an element's own bracket
        BOOST_TEST(element->column == 3u);
    }
}

BOOST_AUTO_TEST_CASE(nodes_in_document_order_with_positions) {
    const std::string text =
        "{\n"
        "  \"mcpServers\": {\n"
        "    \"a/b~c\": {\"command\": \"npx\", \"args\": [\"-y\", 2, true, null]}\n"
        "  }\n"
        "}\n";
    const Document d = parse::parse(sdk::Format::json, text);
    BOOST_REQUIRE(!d.error);
    BOOST_TEST(d.nodes.size() == 9u);
    BOOST_TEST(d.nodes[0].pointer == "");
    BOOST_TEST(d.nodes[0].parent == -1);
    BOOST_TEST(d.nodes[0].child_count == 1u);
    const Node* server = find_node(d, "/mcpServers/a~1b~0c");
    BOOST_REQUIRE(server);
    BOOST_TEST(server->key == "a/b~c");
    BOOST_TEST(server->line == 3u);
    BOOST_TEST(server->column == 5u);  // the key's opening quote
    const Node* command = find_node(d, "/mcpServers/a~1b~0c/command");
    BOOST_REQUIRE(command);
    BOOST_TEST(command->value == "npx");
    BOOST_TEST((command->kind == NodeKind::string));
    BOOST_TEST(text.substr(command->value_offset, command->value_length) == "\"npx\"");
    const Node* number = find_node(d, "/mcpServers/a~1b~0c/args/1");
    BOOST_REQUIRE(number);
    BOOST_TEST((number->kind == NodeKind::number));
    BOOST_TEST(number->value == "2");
    BOOST_TEST(number->column == 48u);
    BOOST_TEST(find_node(d, "/mcpServers/a~1b~0c/args/2")->value == "true");
    BOOST_TEST((find_node(d, "/mcpServers/a~1b~0c/args/3")->kind == NodeKind::null));
    BOOST_TEST(find_node(d, "/mcpServers/a~1b~0c/args")->child_count == 4u);
}

BOOST_AUTO_TEST_CASE(bom_comments_and_trailing_commas_are_tolerated) {
    const std::string text =
        "\xEF\xBB\xBF// settings\n{\n  /* block */ \"a\": [1, 2,],\n  \"b\": \"x\", // end\n}\n";
    const Document d = parse::parse(sdk::Format::jsonc, text);
    BOOST_REQUIRE(!d.error);
    const Node* b = find_node(d, "/b");
    BOOST_REQUIRE(b);
    BOOST_TEST(b->line == 4u);
    BOOST_TEST(b->column == 3u);
    BOOST_TEST(find_node(d, "/a")->child_count == 2u);
    BOOST_TEST(find_node(d, "/a")->column == 15u);
    BOOST_TEST(parse::parse(sdk::Format::json, "\xEF\xBB\xBF{\"k\": 1}").nodes.at(1).column ==
               2u);  // BOM not counted
}

BOOST_AUTO_TEST_CASE(escapes_and_unicode_columns) {
    const std::string text = "{\"é\": \"a\\\"b\\u00e9\", \"n\": 1}";
    const Document d = parse::parse(sdk::Format::json, text);
    BOOST_REQUIRE(!d.error);
    BOOST_TEST(find_node(d, "/é")->value == "a\"bé");
    BOOST_TEST(text.substr(find_node(d, "/é")->value_offset, find_node(d, "/é")->value_length) ==
               "\"a\\\"b\\u00e9\"");
    BOOST_TEST(find_node(d, "/n")->column == 21u);  // é counts as one column
}

BOOST_AUTO_TEST_CASE(errors_carry_line_and_column) {
    const Document d = parse::parse(sdk::Format::json, "{\n  \"a\": 1\n  \"b\": 2\n}");
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.error->line == 3u);
    BOOST_TEST(d.error->column == 3u);
    BOOST_TEST(d.error->message.find("comma") != std::string::npos);
    BOOST_TEST(d.nodes.empty());

    BOOST_TEST(parse::parse(sdk::Format::json, "").error.has_value());
    BOOST_TEST(parse::parse(sdk::Format::json, "{} {}").error.has_value());
    BOOST_TEST(
        parse::parse(sdk::Format::json, "{\"a\": \"\xff\"}").error.has_value());  // invalid UTF-8
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_not_a_crash_or_a_memory_blowup) {
    const Document ok =
        parse::parse(sdk::Format::json, std::string(500, '[') + std::string(500, ']'));
    BOOST_TEST(!ok.error);
    BOOST_TEST(ok.nodes.size() == 500u);
    const std::string hostile = std::string(100000, '[') + std::string(100000, ']');
    const Document d = parse::parse(sdk::Format::json, hostile);
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.error->message == "nesting deeper than 512 levels");
    BOOST_TEST(d.error->column == 513u);
    BOOST_TEST(d.nodes.empty());
}

BOOST_AUTO_TEST_CASE(positions_on_long_lines_match_counting_from_the_line_start) {
    // Checkpoints every 256 bytes (on lines of 4 KiB or more) must give the same line and column
    // as counting code points from the line's start, inside multi-byte characters too, and
    // offset() must invert it. One short line checks the path without checkpoints.
    std::string text = "\xEF\xBB\xBF";  // a BOM
    for (int line = 0; line < 3; ++line) {
        for (int i = 0; i < 5000; ++i)
            text += (i % 7 == 0) ? "\xC3\xA9" : (i % 11 == 0) ? "\xE2\x82\xAC" : "a";
        text += "\n";
    }
    text += "short \xC3\xA9 line\n";
    const LineIndex index(text);
    std::vector<std::size_t> starts{3};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts.push_back(i + 1);
    for (std::size_t offset = 3; offset < text.size(); ++offset) {
        std::size_t line = 0;
        while (line + 1 < starts.size() && starts[line + 1] <= offset)
            ++line;
        std::uint32_t column = 1;
        for (std::size_t i = starts[line]; i < offset; ++i)
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
        const LineIndex::Position p = index.position(offset);
        BOOST_REQUIRE_MESSAGE(p.line == line + 1 && p.column == column,
                              "offset " + std::to_string(offset));
        if ((static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80)
            BOOST_REQUIRE_EQUAL(index.offset(p.line, p.column), offset);
    }
}

BOOST_AUTO_TEST_CASE(a_huge_key_over_many_values_is_an_error_not_exhausted_memory) {
    // Every value's pointer repeats the key: 1 MiB x 200 values is past the 64 MiB budget.
    const std::string key(1 << 20, 'k');
    std::string text = "{\"" + key + "\": [1";
    for (int i = 1; i < 200; ++i)
        text += ",1";
    text += "]}";
    const Document d = parse::parse(sdk::Format::json, text);
    BOOST_REQUIRE(d.error.has_value());
    BOOST_TEST(d.error->message.find("keys too long") != std::string::npos, d.error->message);
    // The same key over a few values is fine.
    const Document ok = parse::parse(sdk::Format::json, "{\"" + key + "\": [1, 2, 3]}");
    BOOST_TEST(!ok.error.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
