// confscope/discovery/glob.hpp — segment globs for target templates.
//
// Within one path segment: `*` matches any run of characters, `?` one character, and `[...]` a set
// (`[!...]` negated). A whole segment `**` matches any number of segments; that is handled by the
// callers that walk folders, not here.
#pragma once

#include <string_view>

namespace confscope::discovery {

/// True when `segment` contains a glob metacharacter (* ? [).
bool has_glob(std::string_view segment);

/// True when `name` (one path segment) matches `pattern` (one glob segment). Case-sensitive.
bool glob_match(std::string_view pattern, std::string_view name);

/// True when a '/'-separated `path` matches a '/'-separated glob: segments match with glob_match,
/// and a `**` segment matches any number of segments ("**/.claude/*.json", "app/**").
bool path_glob_match(std::string_view pattern, std::string_view path);

}  // namespace confscope::discovery
