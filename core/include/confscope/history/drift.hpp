// confscope/history/drift.hpp — the drift rules: what changed since the previous scan that a
// reviewer should see. DRIFT-001 an MCP server was added (info); DRIFT-002 a server's command or
// URL changed (medium); DRIFT-003 permissions were widened: an allow rule added, a deny rule
// removed, or a wider default permission mode (high).
//
// A scan is compared with its baseline, the previous complete scan of the same host, home, system
// root and project roots (history/baseline.hpp), and only for the scanner plugins that ran to the
// end in both, so running fewer plugins this time never reads as servers removed or added.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <confscope/history/inventory_diff.hpp>
#include <confscope/scan/model.hpp>

namespace confscope::history {

inline constexpr std::string_view kServerAddedRule = "DRIFT-001";
inline constexpr std::string_view kServerLaunchChangedRule = "DRIFT-002";
inline constexpr std::string_view kPermissionsWidenedRule = "DRIFT-003";

/// The three drift rules, for the catalogue (scan::core_rules() lists them).
std::vector<scan::RuleInfo> drift_rules();

/// One drift finding, positioned in the newer scan's file (or in the older one's, for what was
/// removed: then `line` is 0).
struct DriftFinding {
    std::string rule_id;
    sdk::Severity severity = sdk::Severity::info;
    std::string message;
    std::string display_path;
    std::string pointer;
    std::int64_t line = 0;
    std::int64_t column = 0;
    /// What the finding is about, after the change ("mcp_server:github=npx -y pkg@2"): part of
    /// the fingerprint, so a baseline of one change never hides a later one at the same place.
    std::string subject;
};

/// The drift findings among `changes` (compare_inventory, older first). `since` names the older
/// scan in messages ("scan 12").
std::vector<DriftFinding> drift_findings(const std::vector<InventoryChange>& changes,
                                         const std::string& since);

/// How permissive a default permission mode is: plan and dontAsk 0, default 1, acceptEdits 2,
/// auto 3, bypassPermissions 4; nothing for a mode this build does not know.
std::optional<int> permission_mode_rank(std::string_view mode);

/// The scan being stored, compared with the previous one: `previous` is that scan's inventory,
/// `previous_plugins` the plugins that ran to the end in it. Appends the drift findings to
/// `result`, each in the file of `result` with its display path; a finding
/// whose file is not in `result` at all is dropped. Returns how many were added.
std::size_t add_drift_findings(scan::ScanResult& result, std::vector<InventoryEntry> previous,
                               const std::set<std::string>& previous_plugins,
                               const std::string& since);

}  // namespace confscope::history
