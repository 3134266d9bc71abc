// The rules this plugin reports: its own (MCP-012, CDX-001, AUTO-001, TRUST-001) and the shared
// server rules every client's entries get (plugins/common server_rules()).
#pragma once

#include <vector>

#include <confscope/sdk/types.hpp>

namespace mcp {

std::vector<confscope::sdk::Rule> rule_catalogue();

}  // namespace mcp
