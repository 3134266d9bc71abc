#include "catalogue.hpp"

#include <confscope/plugin_common/mcp_servers.hpp>

namespace mcp {

using confscope::sdk::Rule;
using confscope::sdk::Severity;

std::vector<Rule> rule_catalogue() {
    std::vector<Rule> rules = {
        {"MCP-012", Severity::high,
         "MCP tools approved in advance (Cline or Kiro autoApprove, Gemini CLI trust: true)",
         "The client calls these tools without asking, so a prompt injection in anything the "
         "model reads can use them unseen. Cline and Kiro autoApprove lists tools by name (\"*\" "
         "is every tool); Gemini CLI trust: true skips every confirmation for the server. Empty "
         "the list or remove trust, and approve calls as they come."},
        {"CDX-001", Severity::high,
         "Codex runs without a sandbox (sandbox_mode = \"danger-full-access\") or never asks "
         "(approval_policy = \"never\")",
         "danger-full-access lets Codex run any command with full disk and network access "
         "(high); approval_policy = \"never\" runs commands without asking (medium). In a "
         "project's .codex/config.toml the repository grants itself this: one level worse. Use "
         "sandbox_mode = \"workspace-write\" and approval_policy = \"on-request\", and choose "
         "more autonomy per session on the command line."},
    };
    for (Rule& rule : confscope::plugin_common::server_rules())
        rules.push_back(std::move(rule));
    return rules;
}

}  // namespace mcp
