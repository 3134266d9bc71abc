// The rules this plugin reports: the shared server rules (plugins/common), with the MCP-013 help
// extended for Claude Desktop, which has no remote transport in its configuration file.
#pragma once

#include <vector>

#include <confscope/sdk/types.hpp>

namespace claude_desktop {

std::vector<confscope::sdk::Rule> rule_catalogue();

}  // namespace claude_desktop
