#include <confscope/plugin_common/mcp_servers.hpp>
#include <confscope/plugin_common/server_shape.hpp>

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
         "MCP server package not pinned (npx, uvx, bunx, pnpx, pipx, pnpm/yarn dlx, uv run --with, "
         "deno npm:/jsr: without an exact version)",
         "Without an exact version every start may download and run different code, and a "
         "compromised release runs with your permissions. Reported for a bare name, @latest or "
         "another dist-tag, a range (^1.2.3, ~1, 1.x, >=1), a git source without a full commit, "
         "and each unpinned uvx/uv run --with package. Not reported for an exact version "
         "(npx -y @scope/server@1.2.3, uvx tool==1.2.3, bunx pkg@1.2.3, deno run "
         "npm:pkg@1.2.3), a full 40-character commit, or a local path. Pin the exact release."},
        {"MCP-005", Severity::low,
         "MCP server auto-installs an unpinned package (npx -y / --yes), or installs from git "
         "without a full commit",
         "npx -y (npm exec --yes) in front of an unpinned package installs whatever the registry "
         "serves under the name today, without the confirmation that would show a typo or a "
         "squatted package (low). A package from git (npx -y git+https://…, github:owner/repo, "
         "owner/repo, uvx --from git+…, pipx run --spec git+…) at a branch, a tag or the "
         "default branch runs whatever that ref points to at each start (medium). npx -y with an "
         "exact version (npx -y pkg@1.2.3) is not reported: the version is pinned. Pin the "
         "package exactly, or name the full 40-character commit (github:owner/repo#<sha>, "
         "git+https://…@<sha>)."},
        {"MCP-006", Severity::medium,
         "MCP server runs a container by tag, or with the host's privileges",
         "docker run image:tag runs whatever the tag points to today (medium): pin the image by "
         "digest (image@sha256:…). --privileged, a bind mount of / or of the Docker socket, "
         "--network=host, --pid=host and --cap-add ALL/SYS_ADMIN give the container, and the "
         "model driving it, the host (high): remove them and mount only the folders it needs."},
        {"MCP-007", Severity::high,
         "MCP server launched through a shell (sh -c, cmd /c, powershell -Command), as inline "
         "interpreter code (python -c, node -e), or with shell syntax",
         "A shell wrapper or inline code (python3 -c \"…\", node -e/--eval/-p, perl -e, ruby -e, "
         "php -r, deno eval, bun -e, osascript -e) turns the entry into a script: what really "
         "starts is hidden in one string, variables and substitutions expand at each start, and "
         "anyone who can edit the file can chain commands. Run the server's program directly with "
         "its arguments. Not reported: cmd /c followed by one program and plain arguments "
         "(cmd /c npx -y pkg@1.2.3, the documented Windows form), python -m module, node "
         "script.js."},
        {"MCP-008", Severity::critical,
         "MCP server downloads and executes code (curl | sh, or inline code that fetches and runs "
         "what it gets)",
         "The server's command pipes a download into a shell or interpreter (curl … | sh, sh -c "
         "\"$(curl …)\", iwr … | iex, download then run), or its inline code fetches from the "
         "network and executes the result (urlopen/requests + exec/eval/subprocess, "
         "child_process + http/fetch, import(\"https://…\"), a socket + a shell), so every start "
         "runs whatever the remote host returns, with your permissions. Code hidden in an "
         "encoding and run (echo … | base64 -d | bash, eval \"$(… | base64 --decode)\", xxd -r -p "
         "| sh, powershell -EncodedCommand) counts the same: what runs cannot be reviewed. "
         "Inline code that only fetches (a health check) and decoding without running (… | base64 "
         "-d > file) are MCP-007 at most. Install a reviewed, pinned release and start it by "
         "path."},
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
         "TLS certificate checks turned off (NODE_TLS_REJECT_UNAUTHORIZED=0 and its peers)",
         "With NODE_TLS_REJECT_UNAUTHORIZED=0 Node.js accepts any certificate (likewise "
         "PYTHONHTTPSVERIFY=0 for Python, GIT_SSL_NO_VERIFY for git, NPM_CONFIG_STRICT_SSL=false "
         "for npm and so npx), so anyone on the network path can read and change the traffic, "
         "tokens included. Reported in a server's env (every client's env key), as NAME=value in "
         "its arguments, as switches in its arguments (curl -k/--insecure as the command, "
         "--insecure-skip-tls-verify, --no-verify-ssl, --tls-verify=false, "
         "--no-check-certificate) and in client-wide environments (Codex "
         "shell_environment_policy.set). "
         "NODE_TLS_REJECT_UNAUTHORIZED=1 is not reported. Remove it; to trust a private CA, set "
         "NODE_EXTRA_CA_CERTS to its certificate file."},
        {"MCP-015", Severity::high,
         "MCP server environment makes other code run in its process (NODE_OPTIONS --require, "
         "LD_PRELOAD, DYLD_*, PYTHONPATH/PATH in a temporary folder, …)",
         "Variables in a server's env (or env NAME=value in front of its command) can load code "
         "the server never asked for: NODE_OPTIONS with --require/-r/--import/--loader of a file "
         "or URL (a package such as -r dotenv/config is not reported), or --inspect on a "
         "non-loopback address, LD_PRELOAD, LD_AUDIT, DYLD_INSERT_LIBRARIES, "
         "PYTHONSTARTUP, PYTHONHOME, BASH_ENV, PERL5OPT -M, RUBYOPT -r <path>, JAVA_TOOL_OPTIONS "
         "-javaagent (high); PATH, PYTHONPATH, NODE_PATH, PERL5LIB, RUBYLIB with an entry in a "
         "temporary folder (/tmp, /var/tmp, /dev/shm, %TEMP%) or the home folder itself, or PATH "
         "with the working directory (high); LD_LIBRARY_PATH and DYLD_*_PATH with an entry in a "
         "temporary folder or anywhere in the home (high), elsewhere (medium). Not reported: "
         "NODE_OPTIONS=--max-old-space-size=4096, "
         "PATH=/usr/local/bin:/usr/bin, PYTHONPATH to a project folder, PYTHONUNBUFFERED=1, a "
         "tool's folder in the home on PATH (~/.nvm/…/bin). The same variables in Claude Code "
         "settings env reach Claude Code itself and every server and hook it starts (critical in "
         "a project file). Remove the variable, or install what it loads where only you (or "
         "root) can write."},
        {"MCP-016", Severity::high,
         "MCP server runs with elevated privileges (sudo, doas, pkexec, su, runas, gsudo)",
         "The server starts through a privilege tool (as its command, after env/nohup/cmd /c, or "
         "first in a shell wrapper's script), so it and every tool the model calls through it run "
         "as root or another user; sudo with cached credentials or NOPASSWD gives that silently. "
         "Not reported: the word sudo in a description or a server's own option. Run the server "
         "as yourself, and grant it only the files or sockets it needs."},
        {"MCP-017", Severity::high,
         "MCP server starts a browser with its protections off (--no-sandbox, "
         "--disable-web-security, remote debugging)",
         "Browser-automation servers (Puppeteer, Playwright, chrome-devtools) or a browser as the "
         "command, with --no-sandbox/--disable-setuid-sandbox, --disable-web-security, "
         "--disable-site-isolation-trials, --allow-running-insecure-content, "
         "--ignore-certificate-errors/--ignore-https-errors/--accept-insecure-certs, "
         "--remote-allow-origins=* or --remote-debugging-address on a non-loopback address (high), "
         "in its arguments (also --browser-arg=…, --chrome-arg=…, JSON launch options) or env "
         "(PUPPETEER_LAUNCH_OPTIONS): a page the model opens can escape the browser, read other "
         "sites' data or be driven from the network. --remote-debugging-port on loopback "
         "(the default address) is medium: any program on the machine can drive the browser "
         "with its cookies and logins. Not reported: --headless, --remote-debugging-pipe, "
         "--browser-url to a loopback port. Remove the switches; run the browser in a "
         "container if it must run without a sandbox."},
        {"MCP-018", Severity::medium,
         "Local MCP server listens on every network interface (--host 0.0.0.0, HOST=0.0.0.0)",
         "A server started on this machine with --host, --bind, --listen, --address (and their "
         "=value forms) or an env HOST, BIND, BIND_ADDRESS, LISTEN_ADDR, MCP_HOST, FASTMCP_HOST, "
         "UVICORN_HOST set to 0.0.0.0, ::, [::] or * accepts connections from the network, not "
         "only from the client that started it: anyone who reaches the machine (the café's Wi-Fi, "
         "the office LAN) can call its tools, usually without authentication. Not reported: "
         "127.0.0.1, localhost, ::1, and addresses inside a container (docker run: what reaches "
         "it is decided by -p). Bind the server to 127.0.0.1, or use the stdio transport."},
        // Reported by the plugins for the container of a file's servers (server_shape.hpp).
        rejected_servers_rule(),
    };
}

}  // namespace confscope::plugin_common
