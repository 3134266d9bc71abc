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

// The lines as compared: a last line without its '\n' differs from the same text with one, as in
// diff -u (a line never holds '\n', so appending one makes it distinct from every complete line).
std::vector<std::string> compared(const Lines& lines) {
    std::vector<std::string> text = lines.text;
    if (!lines.final_newline && !text.empty()) text.back() += '\n';
    return text;
}

// The shortest edit script, from dtl (Wu's O(NP) algorithm). Within each run of changes the
// removed lines come first, then the added ones, as diff -u and git diff print them.
std::vector<Edit> edit_script(const Lines& a, const Lines& b) {
    dtl::Diff<std::string, std::vector<std::string>> diff(compared(a), compared(b));
    diff.onHuge();
    diff.compose();
    std::vector<Op> ops;
    std::vector<Op> added;  // the adds of the current run, held back until its removes are out
    for (const auto& [line, info] : diff.getSes().getSequence()) {
        switch (info.type) {
            case dtl::SES_COMMON:
                ops.insert(ops.end(), added.begin(), added.end());
                added.clear();
                ops.push_back(Op::keep);
                break;
            case dtl::SES_DELETE:
                ops.push_back(Op::remove);
                break;
            case dtl::SES_ADD:
                added.push_back(Op::add);
                break;
        }
    }
    ops.insert(ops.end(), added.begin(), added.end());
    std::vector<Edit> edits;
    edits.reserve(ops.size());
    std::size_t i = 0;
    std::size_t j = 0;
    for (const Op op : ops) {
        switch (op) {
            case Op::keep:
                edits.push_back({op, i++, j++});
                break;
            case Op::remove:
                edits.push_back({op, i++, j});
                break;
            case Op::add:
                edits.push_back({op, i, j++});
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
    const std::vector<Edit> edits = edit_script(a, b);

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
