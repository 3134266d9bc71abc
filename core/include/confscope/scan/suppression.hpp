// confscope/scan/suppression.hpp — findings a team has decided to accept, so CI reports only what
// is new: ignore entries (--ignore RULE, ignore files) and a baseline of finding fingerprints.
//
// An ignore file is TOML, found as .confscope-ignore.toml at the top of each scanned --root (its
// paths are relative to that root) or given with --ignore-file:
//
//     [[ignore]]
//     rule = "PERM-004"                      # a rule id, or "*" for every rule
//     path = "**/.claude/settings.json"      # optional glob: on the path relative to the root
//                                            # for a root's file, else on the display path
//     reason = "the team allows curl"        # optional, shown with the finding
//     expires = 2027-01-31                   # optional; afterwards the entry no longer applies
//
// A baseline is the JSON `confscope baseline write` produces: the fingerprints of a scan's
// findings (stable across runs and machines). Suppressed findings are stored and listed with
// their reason, but never count for --fail-on.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/scan/model.hpp>

namespace confscope::scan {

struct IgnoreEntry {
    std::string rule;       ///< a rule id, or "*"
    std::string path_glob;  ///< "" for every file; else matched against the display path
    std::string reason;
    std::string expires;  ///< "YYYY-MM-DD" or ""
    std::string root;     ///< the --root an ignore file came from ("" for --ignore/--ignore-file)
    std::string source;   ///< "--ignore", or "<file>:<line>"
};

struct Suppressions {
    std::vector<IgnoreEntry> ignores;
    std::set<std::string, std::less<>> baseline;  ///< fingerprints
    std::string baseline_source;                  ///< the baseline file, for messages
};

/// The name of the ignore file looked for at the top of each --root.
inline constexpr std::string_view kIgnoreFileName = ".confscope-ignore.toml";

/// Parses an ignore file. An error names the file, line and column and says how to fix it.
Result<std::vector<IgnoreEntry>> parse_ignore_file(const std::string& path,
                                                   std::string_view content);

/// Parses a baseline file (JSON from `confscope baseline write`).
Result<std::set<std::string, std::less<>>> parse_baseline(const std::string& path,
                                                          std::string_view content);

/// Marks the findings an entry or the baseline covers; `today` is "YYYY-MM-DD" (expired entries
/// are skipped and reported once each through `expired`). Returns how many findings are suppressed.
std::size_t apply_suppressions(ScanResult& result, const Suppressions& suppressions,
                               std::string_view today, std::vector<std::string>* expired = nullptr);

/// One finding of a baseline: its fingerprint, and for people the rule, file and pointer.
struct BaselineEntry {
    std::string fingerprint;
    std::string rule;
    std::string file;
    std::string pointer;
};

/// A baseline document (version 1) of these findings.
std::string baseline_json(const std::string& scan_uuid, const std::vector<BaselineEntry>& findings);

}  // namespace confscope::scan
