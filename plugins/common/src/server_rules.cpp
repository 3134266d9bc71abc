#include <confscope/plugin_common/mcp_servers.hpp>

namespace confscope::plugin_common {

using sdk::Rule;
using sdk::Severity;

std::vector<Rule> server_rules() {
    return {
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

}  // namespace confscope::plugin_common
