#include "catalogue.hpp"

#include <confscope/plugin_common/mcp_servers.hpp>

namespace claude_code {

using confscope::sdk::Rule;
using confscope::sdk::Severity;

std::vector<Rule> rule_catalogue() {
    std::vector<Rule> rules = {
        {"PERM-001", Severity::high,
         "Permission checks bypassed (defaultMode or agent permissionMode bypassPermissions)",
         "bypassPermissions lets Claude run every tool without asking, including edits to .git and "
         ".claude. "
         "In a project file it applies to everyone who opens the repository (critical). Use "
         "\"default\", "
         "\"acceptEdits\" or \"plan\", and set disableBypassPermissionsMode to \"disable\" in "
         "managed settings."},
        {"PERM-002", Severity::high,
         "Dangerous-mode confirmation skipped (skipDangerousModePermissionPrompt)",
         "skipDangerousModePermissionPrompt removes the warning shown before bypass mode starts, "
         "so bypass can be "
         "entered without anyone noticing. Remove the key."},
        {"PERM-003", Severity::critical,
         "Unrestricted shell or edit permission (Bash, Bash(*), path-less Edit)",
         "An allow rule for Bash, Bash(*) or Bash(* ...) lets Claude run any command without "
         "asking; a path-less "
         "Edit lets it change any file. Allow specific commands instead (Bash(npm run test *)) and "
         "scope edits "
         "to paths (Edit(src/**))."},
        {"PERM-004", Severity::medium,
         "Broad allow rule for a network, interpreter or remote command",
         "Rules such as Bash(curl *), Bash(python *), Bash(ssh *), Bash(git push *) or WebFetch "
         "without a domain "
         "let Claude fetch, run or send arbitrary content without asking. Narrow the rule to the "
         "exact command or "
         "use WebFetch(domain:example.com)."},
        {"MCP-001", Severity::high,
         "Every project MCP server approved in advance (enableAllProjectMcpServers)",
         "enableAllProjectMcpServers starts every server a repository's .mcp.json declares without "
         "asking. In a "
         "committed project file a repository approves its own servers (high). Remove it and "
         "approve servers one "
         "by one (enabledMcpjsonServers in your local settings)."},
        {"HOOK-002", Severity::critical, "Hook downloads and executes code (curl | sh and similar)",
         "A hook that pipes a download into a shell runs whatever the server returns, with your "
         "permissions, on "
         "every matching event (on SessionStart: every session). Vendor the script into the "
         "repository, review "
         "it, and call it by path."},
    };
    // The server rules every MCP client's entries get (plugins/common).
    for (Rule& rule : confscope::plugin_common::server_rules())
        rules.push_back(std::move(rule));
    return rules;
}

}  // namespace claude_code
