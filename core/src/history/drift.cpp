#include <algorithm>
#include <map>

#include <confscope/history/drift.hpp>
#include <confscope/scan/scanner.hpp>

#include "quoting.hpp"

namespace confscope::history {

namespace {

using detail::in_quotes;

DriftFinding at(const InventoryEntry& e, std::string_view rule, sdk::Severity severity,
                std::string message, bool removed) {
    DriftFinding f;
    f.rule_id = std::string(rule);
    f.severity = severity;
    f.message = std::move(message);
    f.display_path = e.display_path;
    f.pointer = e.pointer;
    f.line = removed ? 0 : e.line;
    f.column = removed ? 0 : e.column;
    f.subject = e.kind + ":" + e.name + "=" + (e.kind == "mcp_server" ? launch_of(e) : e.data_json);
    return f;
}

bool launch_changed(const InventoryChange& c) {
    for (const FieldChange& f : c.fields) {
        if (f.field == "command" || f.field == "args" || f.field == "url") return true;
    }
    return false;
}

std::string mode_of(const InventoryEntry& e) {
    return data_text(e, "mode");
}

// A wider default mode: from `before` ("default" when the file set none) to `after`.
bool wider(std::string_view before, std::string_view after) {
    const auto a = permission_mode_rank(before.empty() ? "default" : before);
    const auto b = permission_mode_rank(after.empty() ? "default" : after);
    return a && b && *b > *a;
}

}  // namespace

std::vector<scan::RuleInfo> drift_rules() {
    return {
        {std::string(kServerAddedRule), "core", sdk::Severity::info,
         "MCP server added since the previous scan",
         "A server that was not configured at the previous scan of this machine is configured "
         "now. Every MCP server can run code or reach data with the user's rights: check who "
         "added it, what it runs and what it is given before the next session starts it. "
         "`confscope diff` shows the whole change.",
         ""},
        {std::string(kServerLaunchChangedRule), "core", sdk::Severity::medium,
         "MCP server's command or URL changed since the previous scan",
         "The same server name now starts another program, other arguments or another package "
         "version, or connects to another address. A reviewed name running unreviewed code is "
         "how a configuration is quietly taken over: check that the new command or URL is the "
         "one you expect, then rescan.",
         ""},
        {std::string(kPermissionsWidenedRule), "core", sdk::Severity::high,
         "Permissions widened since the previous scan",
         "Since the previous scan an allow rule was added, a deny rule was removed, or the "
         "default permission mode became more permissive (plan or dontAsk < default < "
         "acceptEdits < auto < bypassPermissions). The assistant may now do without asking what "
         "it had to ask for or was refused: confirm the change was intended; otherwise restore "
         "the previous version (confscope history PATH, confscope restore PATH --version N).",
         ""},
    };
}

std::optional<int> permission_mode_rank(std::string_view mode) {
    static const std::map<std::string_view, int> kRanks = {
        {"plan", 0},        {"dontAsk", 0}, {"default", 1},           {"manual", 1},
        {"acceptEdits", 2}, {"auto", 3},    {"bypassPermissions", 4},
    };
    const auto it = kRanks.find(mode);
    if (it == kRanks.end()) return std::nullopt;
    return it->second;
}

std::vector<DriftFinding> drift_findings(const std::vector<InventoryChange>& changes,
                                         const std::string& since) {
    std::vector<DriftFinding> found;
    for (const InventoryChange& c : changes) {
        const InventoryEntry& e = c.entry();
        if (e.kind == "mcp_server") {
            if (c.change == ChangeKind::added) {
                const std::string launch = launch_of(e);
                found.push_back(at(e, kServerAddedRule, sdk::Severity::info,
                                   "MCP server " + in_quotes(e.name) + " was added since " + since +
                                       (launch.empty() ? "" : " (" + launch + ")"),
                                   false));
            } else if (c.change == ChangeKind::changed && launch_changed(c)) {
                found.push_back(at(e, kServerLaunchChangedRule, sdk::Severity::medium,
                                   "MCP server " + in_quotes(e.name) + " now " +
                                       (data_text(c.after, "url").empty() ? "runs " : "uses ") +
                                       in_quotes(launch_of(c.after)) + " (at " + since + ": " +
                                       in_quotes(launch_of(c.before)) + ")",
                                   false));
            }
        } else if (e.kind == "permission_rule") {
            const std::string list = data_text(e, "list");
            if (c.change == ChangeKind::added && list == "allow") {
                found.push_back(at(e, kPermissionsWidenedRule, sdk::Severity::high,
                                   "allow rule " + in_quotes(e.name) + " was added since " + since,
                                   false));
            } else if (c.change == ChangeKind::removed && list == "deny") {
                found.push_back(at(e, kPermissionsWidenedRule, sdk::Severity::high,
                                   "deny rule " + in_quotes(e.name) + " was removed since " + since,
                                   true));
            }
        } else if (e.kind == "permission_mode") {
            const std::string before = c.change == ChangeKind::added ? "" : mode_of(c.before);
            const std::string after = c.change == ChangeKind::removed ? "" : mode_of(c.after);
            if (wider(before, after)) {
                found.push_back(at(e, kPermissionsWidenedRule, sdk::Severity::high,
                                   "default permission mode is " +
                                       in_quotes(after.empty() ? "default" : after) + " (at " +
                                       since + ": " +
                                       in_quotes(before.empty() ? "default" : before) + ")",
                                   c.change == ChangeKind::removed));
            }
        }
    }
    return found;
}

std::size_t add_drift_findings(scan::ScanResult& result, std::vector<InventoryEntry> previous,
                               const std::set<std::string>& previous_plugins,
                               const std::string& since) {
    std::set<std::string> ran_in_both;
    for (const scan::PluginRun& run : result.plugins) {
        if (!run.failed && previous_plugins.contains(run.name)) ran_in_both.insert(run.name);
    }
    const auto compared = [&](const InventoryEntry& e) { return ran_in_both.contains(e.plugin); };
    std::erase_if(previous, [&](const InventoryEntry& e) { return !compared(e); });
    std::vector<InventoryEntry> current = entries_of(result);
    std::erase_if(current, [&](const InventoryEntry& e) { return !compared(e); });
    const std::vector<InventoryChange> changes = compare_inventory(previous, current);
    const std::vector<DriftFinding> found = drift_findings(changes, since);
    if (found.empty()) return 0;

    std::map<std::string_view, std::size_t> file_of;  // the first record of each display path
    for (std::size_t i = 0; i < result.files.size(); ++i)
        file_of.emplace(result.files[i].display_path, i);
    std::size_t added = 0;
    for (const DriftFinding& d : found) {
        const auto file = file_of.find(d.display_path);
        if (file == file_of.end()) continue;
        scan::Finding f;
        f.file = file->second;
        f.plugin = "core";
        f.rule_id = d.rule_id;
        f.severity = d.severity;
        f.message = d.message;
        f.pointer = d.pointer;
        f.line = static_cast<std::uint32_t>(d.line);
        f.column = static_cast<std::uint32_t>(d.column);
        f.fingerprint = scan::fingerprint(d.rule_id, d.display_path, d.pointer + "#" + d.subject);
        result.findings.push_back(std::move(f));
        ++added;
    }
    return added;
}

}  // namespace confscope::history
