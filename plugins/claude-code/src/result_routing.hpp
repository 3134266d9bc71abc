// Where analyze()'s results go. Every file is analyzed into a RecordingSink; then:
//   - a file of a plugin folder (scope plugin) is held whole in its PluginFolder: finish()
//     reports it only if the plugin is installed and enabled, and inventories every plugin folder
//     as one claude_plugin item with its status (enabled, disabled, available, not_installed);
//     a plugin agent's hooks, mcpServers and permissionMode are dropped (Claude Code ignores them);
//   - elsewhere, items and findings that depend on nothing are passed on at once, and findings on
//     a permission rule, a hook or an MCP server wait for finish(), which reports them through
//     effective_policy.hpp.
// New rules need nothing here: their findings are classified by where they point.
#pragma once

#include <cstddef>

#include "common.hpp"
#include "plugin_state.hpp"
#include "recording_sink.hpp"
#include "scan_facts.hpp"

namespace claude_code {

/// Passes on or holds what the analysis of `a.file` recorded. `first_server` is the size of
/// facts.servers before the analysis.
void route_results(const Analysis& a, const RecordingSink& recorded, std::size_t first_server,
                   ScanFacts& facts, sdk::Sink& sink);

/// finish(): the claude_plugin items, then the items and findings of enabled plugins.
void report_plugins(const ScanFacts& facts, const PluginStates& states, sdk::Sink& sink);

/// finish(): the findings held outside plugin folders.
void report_held_findings(const ScanFacts& facts, const PluginStates& states, sdk::Sink& sink);

}  // namespace claude_code
