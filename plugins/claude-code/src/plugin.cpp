// The Claude Code scanner: every Claude Code location (settings at each scope, ~/.claude.json,
// .mcp.json, managed files, memory, agents, commands, skills, plugins), an inventory of MCP
// servers, permission rules, hooks and memory files, and the rules of catalogue.cpp. Rules that
// compare files are reported from finish() with what analyze() kept in ScanFacts.
//
// Each file is analyzed into a RecordingSink and its results routed (result_routing.hpp): what
// does not depend on other files is reported at once; a plugin folder's files, and findings on
// allow rules, hooks and servers, wait for finish(), which knows which plugins run and which
// managed policy applies (plugin_state.hpp, effective_policy.hpp).
#include "catalogue.hpp"
#include "common.hpp"
#include "effective_policy.hpp"
#include "file_rules.hpp"
#include "hook_scripts.hpp"
#include "markdown_files.hpp"
#include "markdown_secrets.hpp"
#include "memory_imports.hpp"
#include "plugin_state.hpp"
#include "prompt_injection.hpp"
#include "recording_sink.hpp"
#include "result_routing.hpp"
#include "scan_facts.hpp"
#include "settings.hpp"
#include "targets.hpp"

namespace claude_code {

class ClaudeCodeScanner {
  public:
    static sdk::PluginInfo info() {
        return {
            .summary =
                "Claude Code: settings at every scope, ~/.claude.json, .mcp.json, managed policy, "
                "memory, agents, commands, skills and plugins",
            .license = "Apache-2.0",
            .contact = "https://github.com/confscope/confscope",
            .family = "claude-code",
            .config_schema = ""};
    }
    static std::vector<sdk::Rule> rules() { return rule_catalogue(); }

    std::vector<sdk::Target> targets() {
        facts_ = {};  // a new scan begins
        return all_targets();
    }

    void analyze(const sdk::File& file, const sdk::Document& doc, sdk::Sink& sink) {
        RecordingSink recorded(file, sink, info().family);
        Analysis a{file, doc, recorded.sink()};
        const std::size_t first_server = facts_.servers.size();
        run_rules(a);
        record_effective_policy(a, facts_);
        route_results(a, recorded, first_server, facts_, sink);
    }

    void finish(sdk::Sink& sink) {
        const PluginStates states = plugin_states(facts_);
        mark_plugin_servers(facts_, states);
        report_cross_file_rules(facts_, sink);
        report_plugins(facts_, states, sink);
        report_held_findings(facts_, states, sink);
        facts_ = {};
    }

  private:
    void run_rules(Analysis& a) {
        const std::string_view c = a.file.category();
        if (c == category::unread) {
            analyze_unread(a);
            return;
        }
        check_file_rules(a, facts_);
        if (c == category::settings) {
            analyze_settings(a, facts_);
        } else if (c == category::global_state) {
            analyze_global_state(a, facts_);
        } else if (c == category::mcp) {
            analyze_mcp_file(a, facts_);
        } else if (c == category::memory) {
            analyze_memory(a);
            check_memory_imports(a);
        } else if (c == category::agents) {
            analyze_agent(a, facts_);
        } else if (c == category::commands) {
            analyze_command(a);
        } else if (c == category::skills) {
            analyze_skill(a);
        } else if (c == category::hooks) {
            analyze_plugin_hooks(a);
        } else if (c == category::hook_scripts) {
            analyze_hook_script(a);
        } else if (c == category::plugins) {
            analyze_plugin_metadata(a, facts_);
        } else if (c == category::credentials) {
            analyze_credentials(a);
        } else if (c == category::installed_plugins) {
            record_installed_plugins(a, facts_);
        }
        if (c == category::settings) record_plugin_switches(a, facts_);
        if (c == category::memory || c == category::agents || c == category::commands ||
            c == category::skills) {
            check_prompt_injection(a);
            check_markdown_secrets(a);
        }
    }

    ScanFacts facts_;
};

}  // namespace claude_code

CONFSCOPE_PLUGIN(claude_code::ClaudeCodeScanner)
