// Reading what a scan should suppress: --ignore RULE, --ignore-file FILE, the
// .confscope-ignore.toml at the top of each --root, and --baseline FILE. Read before the scan so a
// bad file stops it early (exit 2) with the file, line and fix.
#pragma once

#include <string>
#include <vector>

#include <confscope/scan/suppression.hpp>

namespace confscope::host {

/// Whether the scanned repositories' own ignore files count. A repository under review must not
/// be able to silence its own findings in CI: --no-repo-ignores reads none of them, and even
/// without it a wildcard entry (rule = "*") in one is refused (warned about and not applied).
enum class RepositoryIgnores { apply, skip };

Result<scan::Suppressions> read_suppressions(
    const std::vector<std::string>& ignore_rules, const std::vector<std::string>& ignore_files,
    const std::vector<std::string>& roots, const std::string& baseline,
    RepositoryIgnores repository = RepositoryIgnores::apply);

/// Today's date in UTC, "YYYY-MM-DD", for ignore entries that expire.
std::string today_utc();

}  // namespace confscope::host
