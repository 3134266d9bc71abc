// finish(): the rules that need every file of the scan.
#include "deny_coverage.hpp"
#include "file_rules.hpp"
#include "marketplaces.hpp"
#include "mcp_scopes.hpp"
#include "scan_facts.hpp"

namespace claude_code {

void report_cross_file_rules(const ScanFacts& facts, sdk::Sink& sink) {
    report_server_shadowing(facts, sink);
    report_server_policy(facts, sink);
    report_plugin_sources(facts, sink);
    report_deny_coverage(facts, sink);
    report_claude_symlinks(facts, sink);
}

}  // namespace claude_code
