// confscope/history/text_diff.hpp — a unified diff of two texts (the stored, redacted content of
// one file in two scans), as `diff -u` and `git diff` print it: "--- a", "+++ b", hunks with three
// lines of context, and "\ No newline at end of file" where a side lacks the final newline.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace confscope::history {

struct TextDiff {
    std::string patch;        ///< "" when the texts are equal
    std::size_t added = 0;    ///< lines only in the newer text
    std::size_t removed = 0;  ///< lines only in the older text
};

/// The unified diff from `before` to `after`, labelled `before_label` and `after_label`.
TextDiff unified_diff(std::string_view before, std::string_view after,
                      std::string_view before_label, std::string_view after_label,
                      std::size_t context = 3);

}  // namespace confscope::history
