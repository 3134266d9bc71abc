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
        {"MCP-005", Severity::low,
         "MCP server installed without asking (npx -y / --yes), or from git without a full commit",
         "npx -y installs whatever the registry serves under the name, without the confirmation "
         "that would show a typo or a squatted package (low). uvx --from git+… at a branch or tag "
         "runs whatever that ref points to at each start (medium). Pin the package exactly and "
         "install it once (npm i -g pkg@1.2.3), or name the full 40-character commit "
         "(git+https://…@<sha>)."},
        {"MCP-006", Severity::medium,
         "MCP server runs a container by tag, or with the host's privileges",
         "docker run image:tag runs whatever the tag points to today (medium): pin the image by "
         "digest (image@sha256:…). --privileged, a bind mount of / or of the Docker socket, "
         "--network=host, --pid=host and --cap-add ALL/SYS_ADMIN give the container, and the "
         "model driving it, the host (high): remove them and mount only the folders it needs."},
        {"MCP-007", Severity::high,
         "MCP server launched through a shell (sh -c, cmd /c, powershell -Command) or with shell "
         "syntax",
         "A shell wrapper turns the entry into a script: what really starts is hidden in one "
         "string, variables and substitutions expand at each start, and anyone who can edit the "
         "file can chain commands. Run the server's program directly with its arguments. cmd /c "
         "followed by one program and plain arguments (cmd /c npx -y pkg@1.2.3, the documented "
         "Windows form) is not reported."},
        {"MCP-008", Severity::critical,
         "MCP server downloads and executes code (curl | sh and similar)",
         "The server's command pipes a download into a shell or interpreter, so every start runs "
         "whatever the remote host returns, with your permissions. Install a reviewed, pinned "
         "release and start it by path."},
        {"MCP-009", Severity::medium, "MCP server runs a headersHelper command",
         "headersHelper is a shell command the client runs to build request headers for the "
         "server. In a project file (high) the repository chooses a command that runs for "
         "everyone who opens it. Keep headersHelper in user or local settings, and prefer "
         "${VAR} references in headers."},
        {"MCP-010", Severity::medium,
         "MCP server URL on a tunnel, a cloud metadata address or a private network address",
         "Tunnel hosts (ngrok, trycloudflare.com, loca.lt, serveo, devtunnels.ms) lead to "
         "someone's machine and change hands; metadata addresses (169.254.169.254, "
         "metadata.google.internal, fd00:ec2::254) hand out cloud credentials; a private address "
         "(10/8, 172.16/12, 192.168/16, 100.64/10) reaches internal services from the model. Use "
         "the server's published https:// address."},
        {"MCP-011", Severity::high,
         "Filesystem MCP server granted /, the home folder or a drive root",
         "@modelcontextprotocol/server-filesystem reads and writes every file under the folders "
         "it is given. Granting /, ~, $HOME or C:\\ exposes SSH keys, credentials and other "
         "projects to the model. Grant only the project folders it needs."},
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
        {"AUTH-002", Severity::high,
         "TLS certificate checks turned off (NODE_TLS_REJECT_UNAUTHORIZED=0)",
         "With NODE_TLS_REJECT_UNAUTHORIZED set to 0, Node.js accepts any certificate, so anyone "
         "on the network path can read and change the server's traffic, tokens included. Remove "
         "it; to trust a private CA, set NODE_EXTRA_CA_CERTS to its certificate file."},
    };
}

}  // namespace confscope::plugin_common
