// The rules this plugin reports (ids and severities from the catalogue in docs and
// reference/rules.md), with their one-line titles and help texts.
#pragma once

#include <vector>

#include <confscope/sdk/types.hpp>

namespace claude_code {

std::vector<confscope::sdk::Rule> rule_catalogue();

}  // namespace claude_code
