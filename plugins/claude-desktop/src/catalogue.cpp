#include "catalogue.hpp"

#include <confscope/plugin_common/mcp_servers.hpp>

namespace claude_desktop {

using confscope::sdk::Rule;

std::vector<Rule> rule_catalogue() {
    // No rules of its own: a literal secret in an extension's settings is SEC-001 (the value is
    // passed to the extension's server through ${user_config.KEY}); see README.md.
    std::vector<Rule> rules = confscope::plugin_common::server_rules();
    for (Rule& rule : rules) {
        if (rule.id == "MCP-013") {
            rule.help +=
                " Claude Desktop has no remote transport in claude_desktop_config.json: it starts "
                "only entries with a command, so an entry with a url is skipped. Bridge the "
                "server with a pinned mcp-remote (npx -y mcp-remote@<version> <url>) or add it "
                "as a connector in the app.";
        }
    }
    return rules;
}

}  // namespace claude_desktop
