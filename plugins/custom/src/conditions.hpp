// Evaluating conditions on the host's document model, and selecting nodes with pointer patterns
// ("*" one member or element, "**" any number of levels, including none), from the root or from
// a node.
#pragma once

#include <string_view>
#include <vector>

#include <confscope/sdk/document.hpp>

#include "model.hpp"

namespace custom {

/// The nodes `pattern` selects under `start` ("" selects `start` itself), each once.
std::vector<sdk::Node> select_nodes(const sdk::Node& start, std::string_view pattern);

/// The deepest node that exists along the literal prefix of `pattern` (the place to add a
/// missing key); `start` when nothing below it matches.
sdk::Node deepest_existing(const sdk::Node& start, std::string_view pattern);

/// True when `condition` holds for the selected node `node`.
bool holds(const Condition& condition, const sdk::Node& node);

/// True when every condition holds (also for none).
bool all_hold(const std::vector<Condition>& conditions, const sdk::Node& node);

}  // namespace custom
