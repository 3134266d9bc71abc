// The Claude Code scanner: every Claude Code location (settings at each scope, ~/.claude.json,
// .mcp.json, managed files, memory, agents, commands, skills, plugins), an inventory of MCP
// servers, permission rules, hooks and memory files, and the rules of catalogue.cpp. Rules that
// compare files are reported from finish() with what analyze() kept in ScanFacts.
#include "catalogue.hpp"
#include "common.hpp"
#include "file_rules.hpp"
#include "markdown_files.hpp"
#include "markdown_secrets.hpp"
#include "memory_imports.hpp"
#include "prompt_injection.hpp"
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
        Analysis a{file, doc, sink};
        const std::string_view c = file.category();
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
        } else if (c == category::plugins) {
            analyze_plugin_metadata(a, facts_);
        } else if (c == category::credentials) {
            analyze_credentials(a);
        }
        if (c == category::memory || c == category::agents || c == category::commands ||
            c == category::skills) {
            check_prompt_injection(a);
            check_markdown_secrets(a);
        }
    }

    void finish(sdk::Sink& sink) {
        report_cross_file_rules(facts_, sink);
        facts_ = {};
    }

  private:
    ScanFacts facts_;
};

}  // namespace claude_code

CONFSCOPE_PLUGIN(claude_code::ClaudeCodeScanner)
