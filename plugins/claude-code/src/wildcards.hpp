// Wildcard matching for rules that compare patterns with names, URLs and paths: managed
// serverUrl patterns (MCP-014) and permission rule paths (PERM-006).
#pragma once

#include <string_view>

namespace claude_code {

/// `*` matches any run of characters (also '/'), `?` one character; everything else literally.
bool wildcard_match(std::string_view pattern, std::string_view text);

/// Gitignore-style path globs as permission rules use them: `*` and `?` within one segment, `**`
/// any number of segments (also none). Both sides use '/' as the separator.
bool path_glob_match(std::string_view pattern, std::string_view path);

}  // namespace claude_code
