#include <algorithm>
#include <dtl/dtl.hpp>
#include <vector>

#include <confscope/history/text_diff.hpp>

namespace confscope::history {

namespace {

struct Lines {
    std::vector<std::string> text;
    bool final_newline = true;  // false when the last line has no '\n'
};

Lines split_lines(std::string_view s) {
    Lines lines;
    std::size_t start = 0;
    while (start < s.size()) {
        const std::size_t end = s.find('\n', start);
        if (end == std::string_view::npos) {
            lines.text.emplace_back(s.substr(start));
            lines.final_newline = false;
            break;
        }
        lines.text.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

enum class Op { keep, remove, add };

struct Edit {
    Op op;
    std::size_t old_line;  // 0-based index into the older text (keep, remove)
    std::size_t new_line;  // 0-based index into the newer text (keep, add)
};

// The shortest edit script, from dtl (Wu's O(NP) algorithm).
std::vector<Edit> edit_script(const Lines& a, const Lines& b) {
    dtl::Diff<std::string, std::vector<std::string>> diff(a.text, b.text);
    diff.onHuge();
    diff.compose();
    std::vector<Edit> edits;
    std::size_t i = 0;
    std::size_t j = 0;
    for (const auto& [line, info] : diff.getSes().getSequence()) {
        switch (info.type) {
            case dtl::SES_COMMON:
                edits.push_back({Op::keep, i++, j++});
                break;
            case dtl::SES_DELETE:
                edits.push_back({Op::remove, i++, j});
                break;
            case dtl::SES_ADD:
                edits.push_back({Op::add, i, j++});
                break;
        }
    }
    return edits;
}

// "start,count" of a hunk side; an empty side names the line before it, as diff -u does.
std::string range(std::size_t first, std::size_t count) {
    const std::size_t start = count == 0 ? first : first + 1;
    return count == 1 ? std::to_string(start) : std::to_string(start) + "," + std::to_string(count);
}

}  // namespace

TextDiff unified_diff(std::string_view before, std::string_view after,
                      std::string_view before_label, std::string_view after_label,
                      std::size_t context) {
    TextDiff out;
    if (before == after) return out;
    const Lines a = split_lines(before);
    const Lines b = split_lines(after);
    std::vector<Edit> edits = edit_script(a, b);
    // A last line that differs only in its final newline is a change of that line.
    if (a.final_newline != b.final_newline && !edits.empty() && edits.back().op == Op::keep &&
        !a.text.empty() && !b.text.empty()) {
        const Edit last = edits.back();
        edits.back() = {Op::remove, last.old_line, last.new_line};
        edits.push_back({Op::add, last.old_line + 1, last.new_line});
    }

    out.patch = "--- " + std::string(before_label) + "\n+++ " + std::string(after_label) + "\n";
    std::size_t k = 0;
    while (k < edits.size()) {
        // The next change, and the hunk around it: changes closer than 2 * context lines join.
        while (k < edits.size() && edits[k].op == Op::keep)
            ++k;
        if (k == edits.size()) break;
        const std::size_t first = k >= context ? k - context : 0;
        std::size_t last = k;  // one past the last change of the hunk
        for (std::size_t gap = 0, m = k; m < edits.size(); ++m) {
            if (edits[m].op == Op::keep) {
                if (++gap > 2 * context) break;
            } else {
                gap = 0;
                last = m + 1;
            }
        }
        const std::size_t end = std::min(edits.size(), last + context);

        std::size_t old_count = 0;
        std::size_t new_count = 0;
        for (std::size_t m = first; m < end; ++m) {
            old_count += edits[m].op != Op::add ? 1 : 0;
            new_count += edits[m].op != Op::remove ? 1 : 0;
        }
        out.patch += "@@ -" + range(edits[first].old_line, old_count) + " +" +
                     range(edits[first].new_line, new_count) + " @@\n";
        for (std::size_t m = first; m < end; ++m) {
            const Edit& e = edits[m];
            const bool old_side = e.op != Op::add;
            const std::string& line = old_side ? a.text[e.old_line] : b.text[e.new_line];
            out.patch += e.op == Op::keep ? ' ' : e.op == Op::remove ? '-' : '+';
            out.patch += line;
            out.patch += '\n';
            const bool last_of_a = old_side && e.old_line + 1 == a.text.size() && !a.final_newline;
            const bool last_of_b =
                e.op != Op::remove && e.new_line + 1 == b.text.size() && !b.final_newline;
            if ((e.op == Op::remove && last_of_a) || (e.op == Op::add && last_of_b) ||
                (e.op == Op::keep && last_of_a && last_of_b)) {
                out.patch += "\\ No newline at end of file\n";
            }
            out.added += e.op == Op::add ? 1 : 0;
            out.removed += e.op == Op::remove ? 1 : 0;
        }
        k = end;
    }
    return out;
}

}  // namespace confscope::history
