// MCP servers across files (MCP-014): the same name at two scopes, where the higher scope silently
// replaces the other (local > project > user > plugin), and servers that the managed
// allowedMcpServers / deniedMcpServers policy blocks; and which servers managed policy keeps from
// starting at all (managed-mcp.json is exclusive), for effective_policy.hpp.
#pragma once

#include <string>
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

/// Why managed policy keeps Claude Code from starting `server` ("" when it may start): another
/// server set is exclusive (managed-mcp.json), deniedMcpServers matches it, or allowedMcpServers
/// does not admit it. For messages: "managed-mcp.json in /etc/… defines the only servers …".
std::string server_exclusion(const ScanFacts& facts, const ServerRecord& server);

/// Servers that are not loaded (ServerRecord::loaded) take no part.
void report_server_shadowing(const ScanFacts& facts, sdk::Sink& sink);
void report_server_policy(const ScanFacts& facts, sdk::Sink& sink);

}  // namespace claude_code
