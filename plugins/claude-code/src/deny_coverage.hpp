// PERM-006: the user's effective deny rules (the user settings' own and every managed settings
// file's, which apply to every user) should keep Claude from reading .env files and ~/.ssh.
// Reported once, on the user settings file, when it has a permissions block. Under managed
// allowManagedPermissionRulesOnly only the managed deny rules count (Claude Code ignores the
// user's).
#pragma once

#include "common.hpp"
#include "scan_facts.hpp"

namespace claude_code {

/// Keeps a settings file's deny rules: the user's and managed ones count for PERM-006.
void record_deny_rules(Analysis& a, ScanFacts& facts, const sdk::Node& permissions);

void report_deny_coverage(const ScanFacts& facts, sdk::Sink& sink);

}  // namespace claude_code
