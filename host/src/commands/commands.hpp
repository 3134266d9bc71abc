// The commands of the confscope executable. Each parses its own arguments (with --help) and
// returns an exit code (app/exit_codes.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../app/context.hpp"

namespace confscope::host {

using Arguments = std::vector<std::string>;

int run_scan_command(Context& context, const Arguments& args);
int run_plugins_command(Context& context, const Arguments& args);
int run_scans_command(Context& context, const Arguments& args);
int run_findings_command(Context& context, const Arguments& args);
int run_inventory_command(Context& context, const Arguments& args);
int run_rules_command(Context& context, const Arguments& args);
int run_baseline_command(Context& context, const Arguments& args);
int run_export_command(Context& context, const Arguments& args);
int run_import_command(Context& context, const Arguments& args);
int run_db_command(Context& context, const Arguments& args);
int run_diff_command(Context& context, const Arguments& args);
int run_history_command(Context& context, const Arguments& args);
int run_restore_command(Context& context, const Arguments& args);

struct CommandEntry {
    std::string_view name;
    std::string_view summary;
    int (*run)(Context&, const Arguments&);
};

/// Every command, in the order `confscope --help` lists them.
inline constexpr CommandEntry kCommands[] = {
    {"scan", "find, parse and audit configuration; store the scan and print a summary",
     &run_scan_command},
    {"findings", "findings of a stored scan, filterable by rule, severity, family and path",
     &run_findings_command},
    {"inventory",
     "MCP servers, permission rules, hooks, memory files ... across clients and scopes",
     &run_inventory_command},
    {"scans", "stored scans (list | show ID|latest)", &run_scans_command},
    {"rules", "the rule catalogue (list | show ID)", &run_rules_command},
    {"diff", "what changed between two scans: files, line diffs, inventory, drift findings",
     &run_diff_command},
    {"history", "every stored version of a file (--show N prints one)", &run_history_command},
    {"restore", "write a stored version of a file back (backup first, atomic)",
     &run_restore_command},
    {"export", "a stored scan as json, csv, markdown, html, sarif or junit", &run_export_command},
    {"import", "load a JSON export (from another machine or a CI job) into the store",
     &run_import_command},
    {"baseline", "fingerprints of a scan's findings, so CI reports only new ones (write)",
     &run_baseline_command},
    {"db", "operate the store: init, migrate, status, backup, restore, copy, prune, vacuum",
     &run_db_command},
    {"plugins", "list, describe and verify plugins (list | info NAME | verify PATH...)",
     &run_plugins_command},
};

}  // namespace confscope::host
