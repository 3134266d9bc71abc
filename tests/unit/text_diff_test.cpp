// Unified diffs of stored file contents: the hunks must be the ones GNU `diff -u` prints for the
// same two files (every expected text below was checked against diff -u on real files).
#include <boost/test/unit_test.hpp>

#include <confscope/history/text_diff.hpp>

using confscope::history::TextDiff;
using confscope::history::unified_diff;

namespace {

constexpr const char* kTen = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
constexpr const char* kTwelve = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";

TextDiff diff(std::string_view before, std::string_view after) {
    return unified_diff(before, after, "a", "b");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_diff)

BOOST_AUTO_TEST_CASE(equal_texts_give_no_patch) {
    for (const char* text : {"", "one\n", "no final newline", kTen}) {
        const TextDiff d = diff(text, text);
        BOOST_TEST(d.patch.empty());
        BOOST_TEST(d.added == 0u);
        BOOST_TEST(d.removed == 0u);
    }
}

BOOST_AUTO_TEST_CASE(one_changed_line_has_three_lines_of_context) {
    const TextDiff d = diff(kTen, "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n");
    BOOST_TEST(d.patch ==
               "--- a\n"
               "+++ b\n"
               "@@ -2,7 +2,7 @@\n"
               " 2\n"
               " 3\n"
               " 4\n"
               "-5\n"
               "+five\n"
               " 6\n"
               " 7\n"
               " 8\n");
    BOOST_TEST(d.added == 1u);
    BOOST_TEST(d.removed == 1u);
}

BOOST_AUTO_TEST_CASE(labels_head_the_patch) {
    const TextDiff d = unified_diff("x\n", "y\n", "scan 3", "scan 4");
    BOOST_TEST(d.patch == "--- scan 3\n+++ scan 4\n@@ -1 +1 @@\n-x\n+y\n");
}

BOOST_AUTO_TEST_CASE(a_line_added_at_the_end) {
    const TextDiff d = diff(kTen, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n");
    BOOST_TEST(d.patch == "--- a\n+++ b\n@@ -8,3 +8,4 @@\n 8\n 9\n 10\n+11\n");
    BOOST_TEST(d.added == 1u);
    BOOST_TEST(d.removed == 0u);
}

BOOST_AUTO_TEST_CASE(a_lost_final_newline_changes_the_last_line) {
    const TextDiff lost = diff(kTen, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10");
    BOOST_TEST(lost.patch ==
               "--- a\n+++ b\n@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+10\n"
               "\\ No newline at end of file\n");
    BOOST_TEST(lost.added == 1u);
    BOOST_TEST(lost.removed == 1u);

    const TextDiff gained = diff("1\n2\n3", "1\n2\n3\n");
    BOOST_TEST(gained.patch ==
               "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n 2\n-3\n\\ No newline at end of file\n+3\n");
}

BOOST_AUTO_TEST_CASE(an_unterminated_line_never_matches_a_terminated_one) {
    // "x" without its newline is not the "x\n" of the other side, even when it is not that
    // side's last line (diff -u: the patch must turn one text into the other exactly).
    const TextDiff grew = diff("x", "x\ny\n");
    BOOST_TEST(grew.patch ==
               "--- a\n+++ b\n@@ -1 +1,2 @@\n-x\n\\ No newline at end of file\n+x\n+y\n");
    BOOST_TEST(grew.added == 2u);
    BOOST_TEST(grew.removed == 1u);

    const TextDiff shrank = diff("x\ny\n", "x");
    BOOST_TEST(shrank.patch ==
               "--- a\n+++ b\n@@ -1,2 +1 @@\n-x\n-y\n+x\n\\ No newline at end of file\n");
    BOOST_TEST(shrank.added == 1u);
    BOOST_TEST(shrank.removed == 2u);
}

BOOST_AUTO_TEST_CASE(an_unchanged_unterminated_last_line_is_marked_once) {
    const TextDiff d = diff("a\nb\nc", "a\nB\nc");
    BOOST_TEST(d.patch ==
               "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n\\ No newline at end of file\n");
}

BOOST_AUTO_TEST_CASE(changes_far_apart_make_two_hunks) {
    // Seven unchanged lines between the changes: more than twice the context.
    const TextDiff d = diff(kTwelve, "1\nTWO\n3\n4\n5\n6\n7\n8\n9\nTEN\n11\n12\n");
    BOOST_TEST(d.patch ==
               "--- a\n+++ b\n"
               "@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n"
               "@@ -7,6 +7,6 @@\n 7\n 8\n 9\n-10\n+TEN\n 11\n 12\n");
    BOOST_TEST(d.added == 2u);
    BOOST_TEST(d.removed == 2u);
}

BOOST_AUTO_TEST_CASE(changes_close_together_share_one_hunk) {
    // Six unchanged lines between the changes: the two contexts touch, one hunk.
    const TextDiff d = diff(kTwelve, "1\nTWO\n3\n4\n5\n6\n7\n8\nNINE\n10\n11\n12\n");
    BOOST_TEST(
        d.patch ==
        "--- a\n+++ b\n"
        "@@ -1,12 +1,12 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+NINE\n 10\n 11\n 12\n");
    BOOST_TEST(d.added == 2u);
    BOOST_TEST(d.removed == 2u);
}

BOOST_AUTO_TEST_CASE(removed_lines_come_before_added_ones) {
    const TextDiff d = diff("a\nb\nc\n", "a\nX\nY\nc\n");
    BOOST_TEST(d.patch == "--- a\n+++ b\n@@ -1,3 +1,4 @@\n a\n-b\n+X\n+Y\n c\n");
    BOOST_TEST(d.added == 2u);
    BOOST_TEST(d.removed == 1u);

    const TextDiff all = diff("a\nb\n", "c\nd\n");
    BOOST_TEST(all.patch == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n-a\n-b\n+c\n+d\n");
}

BOOST_AUTO_TEST_CASE(an_empty_side_is_all_added_or_all_removed) {
    const TextDiff created = diff("", "a\nb\nc\n");
    BOOST_TEST(created.patch == "--- a\n+++ b\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n");
    BOOST_TEST(created.added == 3u);
    BOOST_TEST(created.removed == 0u);

    const TextDiff emptied = diff("a\nb\n", "");
    BOOST_TEST(emptied.patch == "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-a\n-b\n");
    BOOST_TEST(emptied.added == 0u);
    BOOST_TEST(emptied.removed == 2u);

    const TextDiff one = diff("", "only");
    BOOST_TEST(one.patch == "--- a\n+++ b\n@@ -0,0 +1 @@\n+only\n\\ No newline at end of file\n");
}

BOOST_AUTO_TEST_CASE(counts_cover_every_hunk) {
    // Two lines added near the top, three removed near the bottom, 20 lines apart.
    std::string before;
    for (int i = 1; i <= 30; ++i)
        before += std::to_string(i) + "\n";
    std::string after = "new1\nnew2\n" + before;
    after.erase(after.find("25\n"), std::string("25\n26\n27\n").size());
    const TextDiff d = diff(before, after);
    BOOST_TEST(d.added == 2u);
    BOOST_TEST(d.removed == 3u);
    BOOST_TEST(d.patch ==
               "--- a\n+++ b\n"
               "@@ -1,3 +1,5 @@\n+new1\n+new2\n 1\n 2\n 3\n"
               "@@ -22,9 +24,6 @@\n 22\n 23\n 24\n-25\n-26\n-27\n 28\n 29\n 30\n");
}

BOOST_AUTO_TEST_CASE(a_smaller_context_narrows_the_hunks) {
    const TextDiff d = unified_diff(kTen, "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n", "a", "b", 1);
    BOOST_TEST(d.patch == "--- a\n+++ b\n@@ -4,3 +4,3 @@\n 4\n-5\n+five\n 6\n");
}

BOOST_AUTO_TEST_SUITE_END()
