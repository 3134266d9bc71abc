#include <boost/test/unit_test.hpp>

#include <confscope/discovery/glob.hpp>

using namespace confscope::discovery;

BOOST_AUTO_TEST_SUITE(glob)

BOOST_AUTO_TEST_CASE(star_question_and_sets) {
    BOOST_TEST(glob_match("*.md", "CLAUDE.md"));
    BOOST_TEST(!glob_match("*.md", "CLAUDE.mdx"));
    BOOST_TEST(glob_match("*", ""));
    BOOST_TEST(glob_match("a*b*c", "aXXbYYc"));
    BOOST_TEST(!glob_match("a*b*c", "aXXbYY"));
    BOOST_TEST(glob_match("file?.json", "file1.json"));
    BOOST_TEST(!glob_match("file?.json", "file.json"));
    BOOST_TEST(glob_match("[0-9]*.json", "10-policy.json"));
    BOOST_TEST(!glob_match("[!0-9]*.json", "10-policy.json"));
    BOOST_TEST(glob_match("exact", "exact"));
    BOOST_TEST(!glob_match("exact", "Exact"));
}

BOOST_AUTO_TEST_CASE(no_exponential_backtracking) {
    const std::string name(5000, 'a');
    BOOST_TEST(!glob_match("*a*a*a*a*a*a*a*a*b", name));
}

BOOST_AUTO_TEST_CASE(detects_glob_segments) {
    BOOST_TEST(has_glob("*.md"));
    BOOST_TEST(has_glob("[ab]"));
    BOOST_TEST(!has_glob("settings.json"));
}

BOOST_AUTO_TEST_SUITE_END()
