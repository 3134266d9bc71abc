// MCP servers across files (MCP-014): the same name at two scopes, where the higher scope silently
// replaces the other (local > project > user > plugin), and servers that the managed
// allowedMcpServers / deniedMcpServers policy blocks.
#pragma once

#include <string_view>

#include "common.hpp"
#include "scan_facts.hpp"

namespace claude_code {

/// Inventories and checks every server of `servers` (plugins/common) and keeps it for MCP-014.
/// `project` is the project a local-scope server belongs to; `ranked` false for servers outside
/// the scope contest (agent front matter, settings files).
void analyze_servers(Analysis& a, ScanFacts& facts, const sdk::Node& servers, sdk::Scope scope,
                     std::string_view project = "", bool ranked = true);

/// Keeps a managed settings file's allowedMcpServers and deniedMcpServers.
void record_server_policy(Analysis& a, ScanFacts& facts, const sdk::Node& root);

void report_server_shadowing(const ScanFacts& facts, sdk::Sink& sink);
void report_server_policy(const ScanFacts& facts, sdk::Sink& sink);

}  // namespace claude_code
