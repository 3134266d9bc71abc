// Reading the condition keys of a [[rule]], an [[inventory]] entry, or a table inside all/any:
// exists, not_exists, equals, not_equals, one_of, not_one_of, matches, not_matches, key_matches,
// is_secret, is_reference, all, any (and path, inside all/any). Regular expressions are compiled
// here, so a bad pattern fails the load with its place.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "toml_reader.hpp"

namespace custom {

/// The condition keys every rule, inventory entry and condition table may use.
const std::vector<std::string_view>& condition_keys();

/// The tests of `table` (no path: they apply to the selected node), all of which must hold.
std::vector<Condition> read_conditions(const TableReader& table);

/// Compiles the RE2 pattern at `key`; fails the load when the pattern is bad.
std::shared_ptr<const re2::RE2> compile_regex(const TableReader& table, std::string_view key);

}  // namespace custom
