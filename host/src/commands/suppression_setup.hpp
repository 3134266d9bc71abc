// Reading what a scan should suppress: --ignore RULE, --ignore-file FILE, the
// .confscope-ignore.toml at the top of each --root, and --baseline FILE. Read before the scan so a
// bad file stops it early (exit 2) with the file, line and fix.
#pragma once

#include <string>
#include <vector>

#include <confscope/scan/suppression.hpp>

namespace confscope::host {

Result<scan::Suppressions> read_suppressions(const std::vector<std::string>& ignore_rules,
                                             const std::vector<std::string>& ignore_files,
                                             const std::vector<std::string>& roots,
                                             const std::string& baseline);

/// Today's date in UTC, "YYYY-MM-DD", for ignore entries that expire.
std::string today_utc();

}  // namespace confscope::host
