// Rules on a file as a whole, from the metadata the host passes (no I/O): the credentials file's
// mode (FS-002), world-writable configuration (FS-003),
// local settings tracked by git and symbolic links in place of a project's .claude folder (FS-004),
// and managed settings where Claude Code never reads them (CFG-002).
//
// A plugin sees only the files its targets match: a hook's script (./scripts/x.sh) is not one of
// them, so FS-003 covers the configuration files themselves, not the scripts they run. Secrets in a
// file others can read (FS-001) are the core's rule, for every family's files.
#pragma once

#include "common.hpp"
#include "scan_facts.hpp"

namespace claude_code {

/// FS-002..FS-004 for any configuration file this plugin analyzes.
void check_file_rules(Analysis& a, ScanFacts& facts);

/// CFG-002 for a file at a managed-settings path Claude Code does not read.
void analyze_unread(Analysis& a);

/// FS-004 for projects whose .claude folder is a symbolic link (one finding per project).
void report_claude_symlinks(const ScanFacts& facts, sdk::Sink& sink);

}  // namespace claude_code
