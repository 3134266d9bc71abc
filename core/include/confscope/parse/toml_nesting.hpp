// confscope/parse/toml_nesting.hpp — how deep a TOML text nests, measured before any parser
// recurses into it.
//
// toml++ builds dotted keys (`a.a.a… = 1`) and table headers (`[a.a.…]`) recursively: 40,000
// levels in an 80 KB file overflow the stack before a check on the parsed tree could run. Every
// reader of TOML that may be hostile (config files under a scanned root, the repository's ignore
// file, custom rule files) calls this first. Self-contained (no other part of core), so that the
// custom plugin links it too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace confscope::parse {

struct TomlPosition {
    std::uint32_t line = 1, column = 1;  ///< 1-based
};

/// Where `text` first nests deeper than `limit` levels (table header segments, key segments,
/// inline tables and arrays around a value), or nothing. Linear in the text; dots inside strings,
/// comments and values (1.5, dates) do not count.
std::optional<TomlPosition> toml_nesting_beyond(std::string_view text, std::size_t limit);

}  // namespace confscope::parse
