// Paths and text as the store keeps them: escaped paths are valid UTF-8 and give the bytes back;
// sanitized text is valid UTF-8 and leaves valid text alone.
#include <random>

#include <boost/test/unit_test.hpp>

#include <confscope/store/stored_text.hpp>

using namespace confscope::store;

BOOST_AUTO_TEST_SUITE(stored_text)

BOOST_AUTO_TEST_CASE(valid_utf8_follows_postgresql) {
    BOOST_TEST(is_valid_utf8("plain ascii"));
    BOOST_TEST(is_valid_utf8("é ✓ 🙂"));
    BOOST_TEST(!is_valid_utf8("\xff\xfe"));
    BOOST_TEST(!is_valid_utf8(std::string("a\0b", 3)));  // NUL
    BOOST_TEST(!is_valid_utf8("\xc0\xaf"));              // overlong
    BOOST_TEST(!is_valid_utf8("\xe0\x80\xaf"));          // overlong
    BOOST_TEST(!is_valid_utf8("\xed\xa0\x80"));          // a surrogate
    BOOST_TEST(!is_valid_utf8("\xf4\x90\x80\x80"));      // above U+10FFFF
    BOOST_TEST(!is_valid_utf8("\xe2\x9c"));              // cut short
}

BOOST_AUTO_TEST_CASE(paths_are_escaped_one_to_one) {
    BOOST_TEST(escape_path("/home/a/.claude.json") == "/home/a/.claude.json");
    BOOST_TEST(escape_path("/src/proj\xff\xfe/.mcp.json") == "/src/proj\\xff\\xfe/.mcp.json");
    BOOST_TEST(escape_path("back\\slash") == "back\\\\slash");
    BOOST_TEST(escape_path("caf\xc3\xa9") == "caf\xc3\xa9");
    // A name that reads like an escape stays distinct from the bytes it looks like.
    BOOST_TEST(escape_path("\\xff") == "\\\\xff");
    BOOST_TEST(escape_path("\\xff") != escape_path("\xff"));
    BOOST_TEST(*unescape_path("/src/proj\\xff\\xfe/.mcp.json") == "/src/proj\xff\xfe/.mcp.json");
    BOOST_TEST(!unescape_path("lone \\ backslash").has_value());
    BOOST_TEST(!unescape_path("\\xZZ").has_value());
    BOOST_TEST(!unescape_path("\xff").has_value());

    std::mt19937 random(14);
    for (int i = 0; i < 2000; ++i) {
        std::string raw(random() % 24, '\0');
        for (char& c : raw)
            c = static_cast<char>(random() % 4 == 0 ? '\\' : random() % 256);
        const std::string escaped = escape_path(raw);
        BOOST_REQUIRE(is_valid_utf8(escaped));
        BOOST_REQUIRE(unescape_path(escaped).value_or("<none>") == raw);
    }
}

BOOST_AUTO_TEST_CASE(reports_show_real_paths_unless_they_are_not_utf8) {
    BOOST_TEST(readable_path(escape_path("C:\\work\\repo")) == "C:\\work\\repo");
    BOOST_TEST(readable_path(escape_path("/src/proj\xff\xfe")) == "/src/proj\\xff\\xfe");
    BOOST_TEST(path_from_report(readable_path(escape_path("C:\\work"))) == "C:\\work");
    BOOST_TEST(path_from_report(readable_path(escape_path("/p\xff/a\\b"))) == "/p\xff/a\\b");
    BOOST_TEST(path_from_report("odd\\dir #1") == "odd\\dir #1");
}

BOOST_AUTO_TEST_CASE(text_is_sanitized_and_valid_text_kept) {
    const std::string awkward = "tab\there back\\slash \\N \\x41 é ✓";
    BOOST_TEST(sanitize_text(awkward) == awkward);
    BOOST_TEST(sanitize_text("server \xff") == "server \\xff");
    BOOST_TEST(sanitize_text(std::string("nul\0", 4)) == "nul\\x00");
    BOOST_TEST(sanitize_json("{\"name\":\"a\xfe\"}") == "{\"name\":\"a\\\\xfe\"}");
    BOOST_TEST(sanitize_json("{\"ok\":\"é\"}") == "{\"ok\":\"é\"}");
}

BOOST_AUTO_TEST_SUITE_END()
