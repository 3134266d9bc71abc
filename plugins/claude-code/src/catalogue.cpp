#include "catalogue.hpp"

#include <algorithm>

#include <confscope/plugin_common/mcp_servers.hpp>
#include <confscope/plugin_common/shared_rules.hpp>

namespace claude_code {

using confscope::sdk::Rule;
using confscope::sdk::Severity;

std::vector<Rule> rule_catalogue() {
    std::vector<Rule> rules = {
        {"PERM-001", Severity::high,
         "Permission checks bypassed (defaultMode or agent permissionMode bypassPermissions)",
         "bypassPermissions lets Claude run every tool without asking, including edits to .git and "
         ".claude. "
         "In a project file it applies to everyone who opens the repository (critical). Managed "
         "permissions.disableBypassPermissionsMode \"disable\" keeps bypass mode from starting: "
         "then the finding is info, saying so. Use \"default\", \"acceptEdits\" or \"plan\", "
         "and set disableBypassPermissionsMode to \"disable\" in managed settings."},
        {"PERM-002", Severity::high,
         "Permission-mode confirmation skipped (skipDangerousModePermissionPrompt, "
         "skipAutoPermissionPrompt)",
         "skipDangerousModePermissionPrompt: true removes the warning shown before bypass mode "
         "starts, so bypass can be entered without anyone noticing (high). "
         "skipAutoPermissionPrompt: true removes the opt-in dialog of auto mode, where a "
         "classifier approves tool calls instead of you: high in a committed project file (the "
         "repository opts everyone in; recent Claude Code versions read it only from user, "
         "local and managed settings), medium elsewhere. false is not reported. Under managed "
         "disableBypassPermissionsMode (for skipDangerousModePermissionPrompt) or disableAutoMode "
         "(for skipAutoPermissionPrompt) \"disable\" the mode cannot start and the finding is "
         "info. Remove the keys and confirm the mode yourself."},
        {"PERM-003", Severity::critical,
         "Unrestricted shell or edit permission (Bash, Bash(*), Bash(sudo *), bare Edit/Write, "
         "Write(*)), or edits of files that run later",
         "An allow rule (in permissions.allow, ~/.claude.json projects[*].allowedTools or the "
         "allowed-tools of a command, agent or skill) that lets Claude run any command or change "
         "any file without asking: a bare Bash, Write, Edit, MultiEdit or NotebookEdit, or the "
         "same tool with (*) (since Claude Code 2.1.210 Tool(*) is the tool-wide rule, not a "
         "path); Bash(*), Bash(* ...), Bash(*:*); a wrapper that runs the command after it — "
         "sudo, doas, pkexec, su, env, xargs, nohup, timeout, exec, nice, ... — or a shell (bash, "
         "sh, zsh, eval, source, cmd /c) followed by the wildcard (Bash(sudo *), Bash(env *), "
         "Bash(bash -c *)), and sudo before an interpreter or package runner (Bash(sudo python3 "
         "*)); find (find -exec) or fd with a trailing wildcard, awk whose program is the "
         "wildcard (system()) and sed whose script is (GNU sed's e command; not with --sandbox); "
         "a rule whose own command downloads code and runs it, wildcard or "
         "not (Bash(eval $(curl …)), Bash(curl … | sh)); Edit(**), Edit(*), Edit(**/*), "
         "Edit(//**), Edit(~/**), Edit(//<home>/**) and Edit rules on Claude Code's own settings "
         "(~/.claude/settings*.json, ~/.claude.json, ~/.claude/hooks, a project's "
         ".claude/settings*.json: a write there grants every permission or adds a hook). High, "
         "not critical, for Edit rules on files whose contents run later (persistence): shell "
         "startup files (~/.bashrc, ~/.zshrc, ~/.profile, ...), ~/.ssh (authorized_keys, config), "
         "autostart folders (systemd user units, LaunchAgents, ~/.config/autostart), git "
         "configuration and hooks, /etc. Not reported: exact commands (Bash(sudo systemctl "
         "restart nginx)), a wildcard after a named command (Bash(sudo systemctl status *)), "
         "Write(src/**) (PERM-007), Edit(./**) and Edit(/**) (PERM-004), project patterns that "
         "do not name .claude or .git (Edit(*.json)). Allow specific commands (Bash(npm run test "
         "*)) and scope edits to project paths (Edit(src/**))."},
        {"PERM-004", Severity::medium,
         "Broad allow rule: interpreters, package runners, network and cloud tools, git, other "
         "agents, deleting and file-writing commands, listeners, the whole working directory, "
         "reads "
         "outside it",
         "An allow rule (in any of the lists PERM-003 reads) whose wildcard takes the place of "
         "everything after a command that runs arbitrary code or sends arbitrary data: "
         "interpreters (python, node, deno, bun, ruby, perl, php, osascript), package runners "
         "and installers (npx, uvx, pipx, bunx, npm, pnpm, yarn, uv, uv run, pip install, gem, "
         "cargo, go, brew), network and remote tools (curl, wget, ssh, scp, rsync, nc, socat), "
         "container engines (docker, podman, kubectl exec), cloud, cluster and forge CLIs that "
         "act on everything the signed-in account reaches (gh, glab, aws, gcloud, az, kubectl, "
         "helm, terraform, ...), git (git:*, git *, git push *, git config *), other coding "
         "agents (claude, codex, gemini, aider, opencode, goose) and commands that delete "
         "whatever the wildcard names (rm -rf *, rm:*, shred) or write and replace it (tee, cp, "
         "mv, dd, install, ln, truncate, sed -i under --sandbox: ~/.bashrc or a project's "
         ".claude/settings.json is one argument away); options before the wildcard "
         "count (python3 -c *, npx -y *), legacy :* too. Also curl, wget or ssh with any "
         "trailing wildcard (Bash(curl https://api.x.com/*): -d @file, -o file or another URL "
         "can follow), a rule whose own command opens a network listener (Bash(nc -l 4444), "
         "python3 -m http.server), WebFetch without a domain, Edit(./**) / Edit(/**): every file "
         "of the working directory or the project root, what acceptEdits grants, and Read rules "
         "outside the working directory on the whole disk (Read(//**)), the home folder "
         "(Read(~/**)) or a credential store (Read(~/.ssh/**), Read(~/.aws/**), ~/.kube, "
         "~/.gnupg, ~/.docker/config.json, ~/.netrc, gcloud, Azure). Not reported: a wildcard "
         "after a named subcommand or tool (git diff:*, npm run test:*, uv run pytest *, python3 "
         "-m pytest *, gh pr view *, aws s3 ls *), after an option that only prints (brew "
         "--version:*, npm --help *), the project's own scripts and targets (npm run *, make *), "
         "tools whose names merely start alike (gitleaks, nodemon), rm or cp of a named path "
         "(Bash(cp .env.example .env)), a bare "
         "Read (the read-only tools idiom) and Read of project paths. Narrow the rule to the "
         "exact command or use WebFetch(domain:example.com)."},
        {"MCP-001", Severity::high,
         "Every project MCP server approved in advance (enableAllProjectMcpServers)",
         "enableAllProjectMcpServers starts every server a repository's .mcp.json declares without "
         "asking. In a "
         "committed project file a repository approves its own servers (high). Remove it and "
         "approve servers one "
         "by one (enabledMcpjsonServers in your local settings)."},
        {"HOOK-002", Severity::critical, "Hook downloads and executes code (curl | sh and similar)",
         "A hook that pipes a download into a shell runs whatever the server returns, with your "
         "permissions, on every matching event (on SessionStart: every session). Vendor the "
         "script into the repository, review it, and call it by path. This rule and HOOK-003, "
         "HOOK-006 … HOOK-012 and AUTH-002 also read the scripts hooks run from the project's "
         ".claude/hooks/, the user's ~/.claude/hooks/ and an installed, enabled plugin's hooks/ "
         "folder (*.sh, *.bash, *.zsh command by command "
         "with their variables; *.py, *.js, *.mjs, *.cjs, *.ts where they hand a command line to "
         "a shell: os.system, subprocess, child_process exec/spawn), reported at the script's "
         "line as \"hook script …\"."},
        {"PERM-005", Severity::medium,
         "additionalDirectories opens the whole disk, the home folder or a drive root",
         "permissions.additionalDirectories lets Claude read (and, with edit permissions, change) "
         "files in the folders listed as if they were part of the project. An entry of /, ~, ~/, "
         "$HOME, the home folder's own path, or a drive root (C:\\, C:/) hands it every file "
         "there, "
         "including ~/.ssh, cloud credentials and other projects. List the specific folders it "
         "needs (~/src/shared-lib)."},
        {"PERM-006", Severity::low, "No deny rule protects .env files or ~/.ssh",
         "Deny rules stop Claude from reading files even when a broader rule or mode allows it. "
         "Reported once, on your user settings (~/.claude/settings.json, or under "
         "CLAUDE_CONFIG_DIR), when that file has a permissions block and neither it nor any "
         "managed "
         "settings file has a Read deny rule that covers a project's .env file (Read(./.env), "
         "Read(.env), Read(**/.env*), Read(//**/.env)) and ~/.ssh (Read(~/.ssh/**), Read(~/.ssh), "
         "Read(//<home>/.ssh/**)). Project settings do not count: they protect one repository "
         "only. Under managed allowManagedPermissionRulesOnly only managed deny rules count "
         "(Claude Code ignores yours). Add both rules to permissions.deny in your user settings "
         "(or, under that policy, in the managed settings)."},
        {"PERM-007", Severity::low, "Permission rule that Claude Code never applies",
         "Some rules look protective or permissive but do nothing: path rules on Write(…), "
         "Glob(…) or NotebookEdit(…) are never consulted (file rules are Edit(…) for writes and "
         "Read(…) for reads; Write(*) is the whole tool, PERM-003); Tool(parameter:value) "
         "rules such as Bash(command:…) or Read(file_path:…) work in deny and ask only, not in "
         "allow; and an MCP allow rule without a server name "
         "(mcp__*, mcp__*__*, mcp__*__read) is ignored — only deny and ask accept those globs. "
         "Rewrite the rule in a form Claude Code applies, or remove it."},
        {"PERM-008", Severity::medium,
         "Sandbox weakened (allowUnsandboxedCommands or enableWeaker*)",
         "sandbox.allowUnsandboxedCommands: true lets a command ask to run outside the sandbox "
         "(dangerouslyDisableSandbox), and every sandbox.enableWeaker* option (for example "
         "enableWeakerNestedSandbox) trades isolation for compatibility. Set "
         "allowUnsandboxedCommands to false and remove the enableWeaker* options unless the "
         "environment (say, a container without user namespaces) needs them."},
        {"MCP-002", Severity::medium,
         "Project settings approve the repository's own .mcp.json servers (enabledMcpjsonServers)",
         "enabledMcpjsonServers in a committed .claude/settings.json approves servers of the same "
         "repository's .mcp.json for everyone who opens it, so the repository vouches for itself. "
         "Approval belongs to each user: keep the list in .claude/settings.local.json or approve "
         "servers when Claude Code asks."},
        {"MCP-012", Severity::high,
         "Every tool of an MCP server approved in advance (allow mcp__server or mcp__server__*)",
         "An allow rule mcp__name or mcp__name__* lets Claude call every tool the server offers "
         "without asking — including tools that write, delete or send, and tools a later version "
         "of the server adds. Allow the individual read-only tools instead "
         "(mcp__github__get_issue)."},
        {"MCP-014", Severity::info,
         "MCP server name defined at two scopes, or a server the managed policy blocks",
         "Claude Code takes a server entry from one scope only, local > project > user > plugin: a "
         "server defined again at a higher scope silently replaces the other definition, command, "
         "url and all (info; the finding is on the definition that wins). A server that matches "
         "managed deniedMcpServers, or that managed allowedMcpServers does not admit (by "
         "serverName, by the exact serverCommand for stdio servers when the list has commands, by "
         "a serverUrl pattern for remote servers when it has URLs), is blocked by Claude Code "
         "(info, since it does not run: remove it or ask your administrator to allow it). "
         "Local-scope servers in ~/.claude.json replace project servers only in their own "
         "project. Plugin servers take part only when the plugin is installed and enabled. The "
         "other findings on a server Claude Code does not start (blocked this way, or left out "
         "because managed-mcp.json defines the only servers it loads) are info, with the reason."},
        {"HOOK-001", Severity::info, "Hook inventory (scope, event, type)",
         "Every hook handler Claude Code runs: its scope, event, matcher and type, with the "
         "command "
         "or URL. Hooks run with your permissions on every matching event; review the list and "
         "remove the ones you do not recognise."},
        {"HOOK-003", Severity::high,
         "Hook sends data off the machine (an upload of its input, files, the environment or "
         "the transcript; nc; DNS)",
         "A hook receives the event's data on stdin (prompts, tool input and output, the "
         "transcript path) and runs with your permissions. Reported when it sends something worth "
         "having to a host that is not loopback: the hook's input (-d @-, --data-binary @-, "
         "\"$(cat)\", jq of the input beyond the tool name, session and file path), a file (-d "
         "@file, -F f=@file, -T, --post-file, \"$(cat file)\"), the environment (\"$(env)\", "
         "printenv), a secret-named variable ($*_KEY, $*_TOKEN, $*_SECRET, $*PASSWORD) in the "
         "body, the transcript, the clipboard, shell history or git diff — in a body, the URL's "
         "query or path, or a header, with curl, wget, httpie, Invoke-WebRequest or mail; a name "
         "with a computed part under a fixed domain looked up in DNS (nslookup "
         "\"$(whoami).x.example.net\", dig, host, ping, curl https://$(id -u).x.example.net); nc, "
         "ncat, netcat, socat or /dev/tcp connecting to a remote host (listening and -z port "
         "checks are not); scp, rsync or sftp of credentials, history or the transcript. "
         "Variables are followed through the command's assignments. A notification is not "
         "reported: fixed or single-quoted text, or a message built from date, pwd, basename, "
         "hostname, $USER or $CLAUDE_PROJECT_DIR, sent to a webhook whose URL (and token) comes "
         "from your own environment ($SLACK_WEBHOOK_URL, api.telegram.org/bot$TELEGRAM_BOT_TOKEN). "
         "Remove the hook or send only what you reviewed to a host you control."},
        {"HOOK-004", Severity::medium,
         "HTTP hook over plaintext http:// or with a literal secret header",
         "An http hook posts the event's data to its URL. Over http:// (not loopback) prompts, "
         "tool "
         "input and any Authorization header travel in plaintext; a token written into headers "
         "leaks with the file. Use https:// and reference the token as $VAR, listing the variable "
         "in allowedEnvVars."},
        {"HOOK-005", Severity::medium,
         "Command defined by a project or a plugin (hook, statusLine, apiKeyHelper, auth helpers)",
         "Hooks, statusLine, fileSuggestion, apiKeyHelper, awsAuthRefresh, awsCredentialExport, "
         "gcpAuthRefresh and otelHeadersHelper run shell commands. Defined in a repository's "
         "committed settings or its agents' and skills' front matter, they run for everyone who "
         "opens the repository (hooks even before the folder is trusted, when a parent folder "
         "is); defined in a Claude Code plugin, they run with it once it is installed "
         "(installed_plugins.json) and enabled (enabledPlugins) — a plugin that is only in a "
         "marketplace clone under ~/.claude/plugins/marketplaces runs nothing and is not reported. "
         "Hooks that managed allowManagedHooksOnly or disableAllHooks (or disableAllHooks in "
         "settings) switch off are reported as info. Review each command; keep personal helpers "
         "in your user settings and consider allowManagedHooksOnly."},
        {"AUTH-001", Severity::high,
         "Project settings redirect API traffic (ANTHROPIC_BASE_URL or a proxy in env)",
         "ANTHROPIC_BASE_URL, ANTHROPIC_BEDROCK_BASE_URL, ANTHROPIC_VERTEX_BASE_URL, HTTP_PROXY, "
         "HTTPS_PROXY or ALL_PROXY (any case) in a committed project settings env send every "
         "prompt, file Claude reads and your credentials through a host the repository chooses. "
         "Set endpoints and proxies in your user or managed settings or your shell instead."},
        {"AUTH-002", Severity::high,
         "TLS certificate verification disabled (NODE_TLS_REJECT_UNAUTHORIZED=0)",
         "NODE_TLS_REJECT_UNAUTHORIZED=0 in settings env (or a server's env) makes Node accept any "
         "certificate, so anyone on the network path can read and change API traffic and "
         "credentials. Remove it; for a corporate proxy add its CA with NODE_EXTRA_CA_CERTS. A "
         "hook command that turns certificate checks off for what it fetches or sends (curl "
         "-k/--insecure, wget --no-check-certificate, httpie --verify=no, git -c "
         "http.sslVerify=false, pip --trusted-host, npm strict-ssl false, "
         "NODE_TLS_REJECT_UNAUTHORIZED=0, GIT_SSL_NO_VERIFY=1, PYTHONHTTPSVERIFY=0) is reported "
         "medium: that one request can be read or changed on the way."},
        {"PLG-001", Severity::medium,
         "Project adds a plugin marketplace or enables a plugin from an unvetted source",
         "extraKnownMarketplaces and enabledPlugins (\"name@marketplace\": true) in a committed "
         "project settings file offer everyone who trusts the repository plugins — with hooks, MCP "
         "servers and commands — from the marketplace it names. Reported unless the marketplace is "
         "Anthropic's official one (github anthropics/claude-plugins-official, or the name "
         "claude-plugins-official when the project does not redefine it) or its source is listed "
         "in managed strictKnownMarketplaces. Add vetted sources to strictKnownMarketplaces, or "
         "remove the entries."},
        {"PI-001", Severity::high, "Hidden Unicode characters in instructions Claude reads",
         "Zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF after the start), "
         "bidirectional controls (U+202A-U+202E, U+2066-U+2069) and Unicode tag characters "
         "(U+E0000-U+E007F) in CLAUDE.md, rules, agents, commands or skills make the text Claude "
         "reads differ from what a reviewer sees, a known way to smuggle instructions. Not "
         "reported: a byte-order mark at the start, joiners inside emoji sequences, non-joiners "
         "between Arabic, Persian or Indic letters, tags in flag emoji. Remove the characters."},
        {"PI-002", Severity::medium,
         "Prompt-injection phrase, jailbreak framing or instruction hidden in an HTML comment",
         "Text in memory, rules, agents, commands and skills (front matter included) that tries "
         "to override Claude's instructions. Phrases, matched word by word in any case, the words "
         "separated by white space only: ignore|disregard|forget|override [all|any] [of] "
         "[the|your|my|these] previous|prior|above|earlier|preceding|former|system [one more "
         "word] instructions|directions|rules|prompt(s)|messages|guidelines (\"ignore all "
         "previous safety instructions\"); \"disregard (all of) (everything) (the) "
         "above|previous\"; \"forget everything|all above|before\" and \"... you were told\"; "
         "jailbreak framing: \"you are (now)\" DAN, jailbroken, unrestricted, unfiltered or "
         "uncensored, \"act as\" one, \"you are now\" a new persona or \"in\" developer, god, "
         "admin, debug or jailbreak mode, \"do anything now\", \"DAN|jailbreak mode\", "
         "\"developer|god mode enabled\", ignore|disregard|bypass|override your safety|ethical|"
         "content guidelines|rules|policies|restrictions|filters, \"you have no restrictions\", "
         "\"without any ethical restrictions\"; \"do not|don't|never tell|inform|notify|alert "
         "the user about|that|what|of|this|it\"; \"without|avoid telling|informing the user\"; "
         "\"hide|conceal|keep this|it ... from the user\"; \"reveal|print|output|repeat|leak "
         "your|the system prompt|hidden instructions\"; and exfiltrate / exfiltrating (not the "
         "descriptive \"exfiltrated\", \"exfiltrates\"); \"disregard|ignore|bypass all|any "
         "(safety) rules|measures|guardrails|…\", \"bypass|disable (the) guardrails\", "
         "\"jailbreak the|yourself …\", \"use this jailbreak\", \"enable developer|god mode\" "
         "(not a device's Developer Mode), \"bypass|ignore security checks|warnings\", "
         "\"hide|remove security warnings\", \"do not show security warnings\", GODMODE; role "
         "tags that open a fake system turn ([SYSTEM], <|system|>, <|im_start|>system, [INST], "
         "<<SYS>> at the start of a line or in a comment; chat-template tokens such as "
         "<|endofprompt|> anywhere). One finding per line names every phrase on it. "
         "Prohibitions are not instructions: a phrase is not reported when a negation (never, "
         "not, no, don't, must not, avoid, forbid, ...) precedes it in the same sentence "
         "(\"YOU MUST NEVER: Exfiltrate client data\", \"NO data exfiltrated\"), when it is "
         "listed under a prohibition (\"Never:\", \"## Don't\", \"Bad:\"), nor \"exfiltrate\" on "
         "a line about detecting or preventing it. Code — fenced blocks and inline code spans — "
         "and quotations are evidence, reported in code only when the line speaks to the "
         "assistant (Claude, assistant, AI, system:) outside a heading or lead-in that presents "
         "it as an example, an attack or a test. Running prose is never evidence because of a "
         "heading: Claude reads the text under \"## Examples of prompt injection\" as "
         "instructions all the same. An "
         "HTML comment (<!-- … -->), invisible when rendered, is reported when it holds such a "
         "phrase, addresses an AI (Claude, assistant, AI, LLM, Copilot, language model) with a "
         "directive that asks for or conceals something (must, should, always, run, send, "
         "ignore, include, do not mention, ...) — not one that only restricts (\"AI agents: do "
         "not edit this section\") — or tells someone to run curl, wget, nc, base64, powershell "
         "or eval; tool comments and TODO notes are not. Remove the text or make it visible."},
        {"PI-003", Severity::low, "Memory import from outside the project and the home folder",
         "An @path import in CLAUDE.md, CLAUDE.local.md or a rule pulls that file into Claude's "
         "instructions. One that resolves (relative to the importing file) outside both the "
         "project and your home folder — @/etc/passwd, @../../../x — reads system files or another "
         "tree that nobody reviews with the project. Imports in code spans and code blocks are "
         "not imports. Copy the content into the project or import from inside it."},
        {"SEC-005", Severity::medium, "Secret in CLAUDE.md, rules, agents, commands or skills",
         "A literal token or secret-named value in text Claude loads as instructions is sent to "
         "the model on every session, ends up in transcripts, and is committed with the project. "
         "The finding names the place, never the value. Remove it, reference an environment "
         "variable instead, and rotate it."},
        {"FS-002", Severity::high, "Credentials file readable or writable by others",
         "~/.claude/.credentials.json holds your OAuth tokens and must be mode 0600. Reported when "
         "any group or other permission bit is set. chmod 600 ~/.claude/.credentials.json."},
        {"FS-003", Severity::high, "World-writable Claude Code configuration",
         "A settings file, CLAUDE.md or rule, agent, command, skill, .mcp.json, plugin file or "
         "hook script (.claude/hooks/, ~/.claude/hooks/) that every user can write lets any "
         "account on the machine add hooks, servers or instructions that run as you. chmod o-w "
         "the file. Scripts elsewhere that hooks call are not seen: check those yourself."},
        {"FS-004", Severity::low,
         "Local settings tracked by git, or the project's .claude folder is a symbolic link",
         "settings.local.json (and CLAUDE.local.md) hold one person's approvals and preferences; "
         "tracked by git they are committed for everyone. When a project's .claude folder (or a "
         "folder inside it) is a symbolic link, the settings, hooks and agents Claude loads live "
         "outside the repository and change without review. git rm --cached the local files and "
         "ignore them; replace the link with a real folder."},
        {"CFG-002", Severity::medium, "Managed settings at a path Claude Code does not read",
         "Claude Code reads managed settings only from /etc/claude-code (Linux), /Library/"
         "Application Support/ClaudeCode (macOS) and C:\\Program Files\\ClaudeCode (Windows). The "
         "legacy C:\\ProgramData\\ClaudeCode\\managed-settings.json and a managed-settings.json in "
         "~/.claude (or CLAUDE_CONFIG_DIR) are ignored, so the policy they hold is not enforced. "
         "Move the file."},
        {"HOOK-006", Severity::high,
         "Hook installs persistence (cron, shell startup files, services)",
         "A hook that installs a crontab (crontab FILE, crontab -; not crontab -l), writes or "
         "appends to a shell startup file (~/.bashrc, ~/.bash_profile, ~/.profile, ~/.zshrc, "
         "~/.zshenv, ~/.zprofile, fish config, /etc/profile.d), to ~/.ssh/authorized_keys, to a "
         "systemd unit folder, a LaunchAgents/LaunchDaemons folder or an autostart folder, or "
         "enables a service (systemctl enable, launchctl load/bootstrap, loginctl enable-linger, "
         "schtasks /create, a Run registry key) keeps code running after Claude Code exits. "
         "Commands are read through sh -c / bash -lc, $(...), pipes, && and ;. Reading these "
         "files (cat ~/.bashrc, grep crontab README, crontab -l) is not reported. Remove the "
         "hook; install services yourself."},
        {"HOOK-007", Severity::high,
         "Hook escalates privileges (sudo, chmod 777, privileged containers)",
         "A hook that runs sudo, doas, pkexec, su or runuser, makes files world-writable or "
         "setuid (chmod 777, 666, o+w, a+w, u+s, 4755), changes owners (chown/chgrp to anyone but "
         "you), edits sudoers, adds a user to sudo/wheel/docker, sets capabilities, or starts a "
         "container with the host (docker/podman run --privileged, a bind mount of / or of the "
         "Docker socket, --pid=host, --cap-add ALL/SYS_ADMIN) runs with more rights than Claude "
         "Code. Text that merely mentions them (echo \"sudo\") and chmod +x or 755 are not "
         "reported. Remove the escalation from the hook."},
        {"HOOK-008", Severity::critical, "Hook opens a listener, a tunnel or a reverse shell",
         "A hook that listens on a port (nc -l, ncat -l, socat TCP-LISTEN, python3 -m "
         "http.server, php -S, ruby -run -e httpd), exposes a local port (ssh -R, ngrok, "
         "cloudflared tunnel) or connects a shell to the network (bash -i >& /dev/tcp/…, nc -e "
         "/bin/sh, a shell piped into nc, socket + subprocess one-liners in python/perl/ruby/php/"
         "node) lets someone else control the machine. Port checks (nc -z host 443) are not "
         "reported. Remove the hook and check the machine."},
        {"HOOK-009", Severity::high, "Hook wipes shell history or logs",
         "A hook that turns shell history off or clears it (unset HISTFILE, HISTFILE=/dev/null, "
         "HISTSIZE=0, set +o history, history -c, Clear-History) or deletes, truncates or "
         "shreds history files (~/.bash_history, ~/.zsh_history, fish_history, ...) or system "
         "logs (/var/log/…, journalctl --vacuum-*, wevtutil cl, log erase) removes the traces "
         "of what ran. Reading history or logs (history | tail, tail /var/log/syslog) and "
         "removing a project's own log files are not reported. Remove the hook."},
        {"HOOK-010", Severity::high, "Hook reads credentials (SSH keys, cloud credentials, .env)",
         "A hook that prints, copies, encodes or uploads a credential file — ~/.ssh/id_* (not "
         ".pub), ~/.aws/credentials, ~/.netrc, ~/.docker/config.json, ~/.kube/config, gcloud and "
         "Azure token files, ~/.git-credentials, ~/.npmrc, ~/.pypirc, ~/.config/gh/hosts.yml, "
         "~/.claude/.credentials.json, GnuPG private keys, /etc/shadow, a .env file (not "
         ".env.example, .env.sample, .env.template) — or dumps the keychain (security "
         "dump-keychain, find-generic-password -w, secret-tool lookup, gpg --export-secret-keys) "
         "puts secrets where the hook's output goes (into Claude's context, a log, the network). "
         "Listing folders (ls ~/.ssh), public keys, source .env and grep -q are not reported. "
         "Remove the read; let the tool that needs the secret read it itself."},
        {"HOOK-011", Severity::medium, "Hook installs packages",
         "A hook that installs packages from a registry — npm/pnpm/yarn/bun global installs, pip "
         "install PKG (also python -m pip, uv pip, uv add, uv tool install, pipx), gem, cargo, go "
         "install, brew, apt, dnf, yum, pacman, apk, snap, choco, winget, scoop, conda — runs "
         "the packages' install scripts with your rights on every matching event and changes the "
         "machine behind your back. Installing what the project declares (npm install, npm ci, "
         "pip install -r requirements.txt, pip install -e ., uv sync, cargo install --path .) is "
         "not reported. Install tools once, yourself, pinned."},
        {"HOOK-012", Severity::high,
         "Hook destroys data (the home folder, the disk, a system folder, the whole project)",
         "A hook that deletes recursively the home folder (rm -rf ~, \"$HOME\", ~/*), the whole "
         "disk or every user's home (/, /*, --no-preserve-root, /home, /Users), a system folder "
         "(/etc, /usr, /var, /System, C:\\Windows), a drive root, or the whole project it runs in "
         "(rm -rf *, ., \"$CLAUDE_PROJECT_DIR\") — also through find -delete, Remove-Item "
         "-Recurse, rd /s — or that erases or overwrites a disk (mkfs, wipefs, diskutil "
         "eraseDisk, format C:, dd of=/dev/sda, shred /dev/nvme0n1, > /dev/sda) destroys work on "
         "every matching event. Removing the hook's own files and build output (rm -rf ./dist, "
         "rm -rf $HOME/.cache/tool, rm -rf \"$CLAUDE_PROJECT_DIR\"/tmp) is not reported. Remove "
         "the hook and check what it already deleted."},
        {"CFG-003", Severity::medium, "Hook in a shape Claude Code ignores",
         "Claude Code runs hooks written as \"hooks\": {\"Event\": [{\"matcher\": …, "
         "\"hooks\": [{\"type\": \"command\", \"command\": …}]}]}. Entries in another shape — "
         "the legacy {\"matcher\": …, \"hook\": \"cmd\"} or {\"command\": …} without a "
         "\"hooks\" array, a command string where an object belongs, an event that is not a list, "
         "\"hooks\" as a list instead of an object — are skipped: the guard or the automation "
         "they hold never runs. The finding names the ignored commands and what the hook rules "
         "would report for them (\"the ignored command opens a listener, a tunnel or a reverse "
         "shell … (what HOOK-008 reports)\"). Medium; high when an ignored command downloads and "
         "runs code, sends data off the machine or opens a shell to the network (HOOK-002, "
         "HOOK-003, HOOK-008): Claude Code does not run it, but someone committed it, other "
         "tools may run that shape, and fixing the shape would arm it. Rewrite them in the "
         "current shape (or remove them)."},
        {"PI-004", Severity::high,
         "Instructions tell Claude to download and run code, to send data off the machine or to "
         "destroy data",
         "CLAUDE.md, rules, agents, commands and skills are instructions Claude follows. A "
         "command line there that pipes a download into a shell or an interpreter (curl … | bash, "
         "bash <(curl …), iwr … | iex, curl -o x.sh … && sh x.sh) runs whatever the server "
         "returns; one that uploads the environment, credentials or the transcript (curl -d "
         "\"$(env)\", curl -F f=@~/.aws/credentials) sends them away; one that deletes the home "
         "folder, the disk, a system folder or the whole project (rm -rf ~, what HOOK-012 "
         "reports in a hook) destroys work. The same said in words: an order to send, post, "
         "upload, forward or exfiltrate data, credentials, secrets, keys, files, results, "
         "output, contents, prompts, history, .env, ~/.ssh or \"the collected …\" to a URL off the "
         "machine, an e-mail address "
         "or \"the endpoint\"; to read a credential file (~/.aws/credentials, ~/.ssh/id_*, .env, "
         "~/.netrc) and use or send it, or to print one into the conversation; to fetch a script "
         "from a URL and execute it. Reported in prose, code spans, fenced blocks and HTML "
         "comments, one finding per line; not when the text forbids it (\"never run curl | "
         "bash\", \"YOU MUST NEVER send credentials\", a list under \"Don't:\"), nor for code "
         "under a heading or lead-in that presents it as an example of an attack, nor for "
         "ordinary requests (\"send the reset link to the user\", release files, loopback "
         "URLs, results posted on a pull request), a plain download (curl -o install.sh), "
         "pip/npm installs or removing build output (rm -rf ./dist). Replace it with a "
         "reviewed, pinned install step, and remove orders to send or delete."},
        {"PI-005", Severity::high, "Instructions switch off asking before acting",
         "Text that tells Claude to act without confirmation — \"always run commands without "
         "asking\", \"never ask for permission|confirmation|approval\", \"don't ask the user "
         "before running commands\", \"execute everything without confirmation\", \"skip the "
         "permission prompts\", \"auto-approve all tool calls\", \"approve all permission "
         "requests\", any action ordered without asking, confirmation, approval or prompting "
         "(\"install any missing dependencies without asking\", \"execute without confirmation "
         "when tests pass\") or silently (\"silently run the deploy script\") — removes the "
         "human check that catches a bad command. One finding per line. A named command in a "
         "code span (\"run `npm test` without asking\"), descriptions (\"the hook silently "
         "runs prettier\", \"we deploy without approval\") and prohibitions (\"never run "
         "commands without asking\") are not reported. Remove the instruction; approve commands "
         "with narrow permission rules instead."},
    };
    rules.push_back(confscope::plugin_common::workspace_trust_rule());
    // The server rules every MCP client's entries get (plugins/common), unless declared above.
    for (Rule& rule : confscope::plugin_common::server_rules()) {
        const bool declared =
            std::any_of(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == rule.id; });
        if (!declared) rules.push_back(std::move(rule));
    }
    return rules;
}

}  // namespace claude_code
