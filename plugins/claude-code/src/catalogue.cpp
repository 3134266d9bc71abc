#include "catalogue.hpp"

namespace claude_code {

using confscope::sdk::Rule;
using confscope::sdk::Severity;

std::vector<Rule> rule_catalogue() {
    return {
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
        {"MCP-003", Severity::high,
         "Remote MCP server over plaintext http:// or ws:// (not loopback)",
         "Traffic to this server, including tokens in headers, can be read and altered on the "
         "network. Use "
         "https:// or wss://; plaintext is acceptable only for localhost."},
        {"MCP-004", Severity::medium,
         "MCP server package not pinned (npx, uvx, bunx, pipx without a version, or @latest)",
         "Without an exact version every start may download and run different code, and a "
         "compromised release "
         "runs with your permissions. Pin it: npx -y @scope/server@1.2.3, uvx tool==1.2.3."},
        {"MCP-013", Severity::low, "MCP entry with a url but no type, or an unknown transport",
         "Claude Code skips a remote entry without \"type\" (\"http\", \"sse\" or \"ws\") and "
         "entries with an "
         "unknown type, so the server silently does not load. Add the type."},
        {"HOOK-002", Severity::critical, "Hook downloads and executes code (curl | sh and similar)",
         "A hook that pipes a download into a shell runs whatever the server returns, with your "
         "permissions, on "
         "every matching event (on SessionStart: every session). Vendor the script into the "
         "repository, review "
         "it, and call it by path."},
        {"SEC-001", Severity::high, "Literal secret in an MCP server's env",
         "The value is stored in plaintext in the configuration (and often committed). Reference "
         "an environment "
         "variable instead (\"TOKEN\": \"${TOKEN}\") and rotate the exposed secret. Critical when "
         "the value has "
         "the shape of a known token."},
        {"SEC-002", Severity::high,
         "Literal token in MCP headers or in mcp-remote --header arguments",
         "Authorization headers written into the file leak with it. Use \"${TOKEN}\" references or "
         "headersHelper, "
         "and rotate the exposed token."},
        {"SEC-003", Severity::high,
         "Credentials in an MCP server URL (user:password@ or a token in the query)",
         "URLs end up in logs, proxies and shell history. Move the credential into a header that "
         "references an "
         "environment variable, and rotate it."},
        {"SEC-004", Severity::high,
         "API key or token in settings env, or an inline OAuth client secret",
         "Keys such as ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN in settings.json are stored in "
         "plaintext (and "
         "committed when in a project file). Use apiKeyHelper or your shell environment, and "
         "rotate the key."},
    };
}

}  // namespace claude_code
