"""Every MCP client's files, their baseline content, and how a server is written in each dialect.

A server spec is neutral: {"command", "args", "env", "url", "headers", "transport"}; each client
writes it in its own field names (VS Code `servers`, Zed `context_servers`, Codex `mcp_servers`
TOML tables, Goose `extensions` with `cmd`/`envs`, OpenCode `mcp` with a command array, Continue a
YAML list, ...). place() returns the document and the path of the entry, which labels anchor to.
"""

import os

from .emit import Inline, Raw


class Client:
    def __init__(self, cid, scope, fmt, path, container, dialect, remote=True, jsonc=False,
                 per_server_file=False, family=None):
        self.id = cid
        self.scope = scope
        self.fmt = fmt
        self.path = path  # (machine, project) -> absolute path
        self.container = container  # tuple, or (machine, project) -> tuple
        self.dialect = dialect
        self.remote = remote
        self.per_server_file = per_server_file
        self.family = family or cid.split("-")[0]

    def is_project(self):
        return self.scope in ("project", "local-entry")


def _proj(p, rel):
    return os.path.join(p.path, rel)


CLIENTS = [
    # Claude Code
    Client("claude-user", "user", "json", lambda m, p: m.h(".claude.json"), ("mcpServers",), "claude"),
    Client("claude-local", "local-entry", "json", lambda m, p: m.h(".claude.json"),
           lambda m, p: ("projects", p.path, "mcpServers"), "claude", family="claude"),
    Client("claude-project", "project", "json", lambda m, p: _proj(p, ".mcp.json"), ("mcpServers",),
           "claude"),
    # Claude Desktop (no remote servers in the file: mcp-remote in args instead)
    Client("desktop", "user", "json", lambda m, p: m.h(".config/Claude/claude_desktop_config.json"),
           ("mcpServers",), "desktop", remote=False),
    Client("cursor-user", "user", "json", lambda m, p: m.h(".cursor/mcp.json"), ("mcpServers",), "cursor"),
    Client("cursor-project", "project", "json", lambda m, p: _proj(p, ".cursor/mcp.json"),
           ("mcpServers",), "cursor"),
    Client("vscode-user", "user", "jsonc", lambda m, p: m.h(".config/Code/User/mcp.json"), ("servers",),
           "vscode"),
    Client("vscode-usersettings", "user", "jsonc", lambda m, p: m.h(".config/Code/User/settings.json"),
           ("mcp", "servers"), "vscode", family="vscode"),
    Client("vscode-project", "project", "jsonc", lambda m, p: _proj(p, ".vscode/mcp.json"), ("servers",),
           "vscode"),
    Client("windsurf-user", "user", "json", lambda m, p: m.h(".codeium/windsurf/mcp_config.json"),
           ("mcpServers",), "windsurf"),
    Client("windsurf-project", "project", "json", lambda m, p: _proj(p, ".windsurf/mcp.json"),
           ("mcpServers",), "windsurf"),
    Client("zed-user", "user", "jsonc", lambda m, p: m.h(".config/zed/settings.json"),
           ("context_servers",), "zed"),
    Client("zed-project", "project", "jsonc", lambda m, p: _proj(p, ".zed/settings.json"),
           ("context_servers",), "zed"),
    Client("cline-ext", "user", "json",
           lambda m, p: m.h(".config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/"
                            "cline_mcp_settings.json"), ("mcpServers",), "cline", family="cline"),
    Client("cline-cli", "user", "json", lambda m, p: m.h(".cline/data/settings/cline_mcp_settings.json"),
           ("mcpServers",), "cline", family="cline"),
    Client("continue-user", "user", "yaml", lambda m, p: m.h(".continue/config.yaml"), ("mcpServers",),
           "continue"),
    Client("continue-project", "project", "yaml", None, ("mcpServers",), "continue", per_server_file=True),
    Client("gemini-user", "user", "json", lambda m, p: m.h(".gemini/settings.json"), ("mcpServers",), "gemini"),
    Client("gemini-project", "project", "json", lambda m, p: _proj(p, ".gemini/settings.json"),
           ("mcpServers",), "gemini"),
    Client("gemini-system", "system", "json", lambda m, p: m.s("etc/gemini-cli/settings.json"),
           ("mcpServers",), "gemini"),
    Client("codex-user", "user", "toml", lambda m, p: m.h(".codex/config.toml"), ("mcp_servers",), "codex"),
    Client("codex-project", "project", "toml", lambda m, p: _proj(p, ".codex/config.toml"),
           ("mcp_servers",), "codex"),
    Client("codex-system", "system", "toml", lambda m, p: m.s("etc/codex/config.toml"), ("mcp_servers",),
           "codex"),
    Client("goose", "user", "yaml", lambda m, p: m.h(".config/goose/config.yaml"), ("extensions",), "goose"),
    Client("opencode-user", "user", "jsonc", lambda m, p: m.h(".config/opencode/opencode.json"), ("mcp",),
           "opencode"),
    Client("opencode-project", "project", "jsonc", lambda m, p: _proj(p, "opencode.json"), ("mcp",),
           "opencode"),
    Client("junie-user", "user", "json", lambda m, p: m.h(".junie/mcp/mcp.json"), ("mcpServers",), "junie"),
    Client("junie-project", "project", "json", lambda m, p: _proj(p, ".junie/mcp/mcp.json"), ("mcpServers",),
           "junie"),
    Client("antigravity", "user", "json", lambda m, p: m.h(".gemini/antigravity/mcp_config.json"),
           ("mcpServers",), "antigravity"),
    Client("antigravity-cli", "user", "json", lambda m, p: m.h(".gemini/config/mcp_config.json"),
           ("mcpServers",), "antigravity", family="antigravity"),
    Client("kiro-user", "user", "json", lambda m, p: m.h(".kiro/settings/mcp.json"), ("mcpServers",), "kiro"),
    Client("kiro-project", "project", "json", lambda m, p: _proj(p, ".kiro/settings/mcp.json"),
           ("mcpServers",), "kiro"),
]
BY_ID = {c.id: c for c in CLIENTS}
USER_CLIENTS = [c for c in CLIENTS if c.scope == "user"]
PROJECT_CLIENTS = [c for c in CLIENTS if c.is_project()]
SYSTEM_CLIENTS = [c for c in CLIENTS if c.scope == "system"]

# How each client spells a reference to an environment variable (a decoy: not a secret).
REF = {
    "claude": "${%s}", "cursor": "${env:%s}", "vscode": "${env:%s}", "windsurf": "${%s}",
    "zed": "$%s", "cline": "${%s}", "continue": "${{ secrets.%s }}", "gemini": "$%s",
    "codex": None, "goose": "${%s}", "opencode": "{env:%s}", "junie": "${%s}",
    "antigravity": "${%s}", "kiro": "${%s}", "desktop": None,
}


class EnvRef(str):
    """A variable forwarded by name (Codex env_vars); written as such by the Codex dialect."""


ALT_REF = {"claude": ["${%s:-}", "${%s}"], "vscode": ["${input:github_token}", "${env:%s}"],
           "opencode": ["{env:%s}", "{file:~/.secrets/%s}"]}


def ref(client, var, tokens=None):
    """An idiomatic reference to var in client's files; a placeholder where none exists."""
    if client.dialect == "codex":
        return EnvRef(var)
    fmt = REF.get(client.dialect)
    alts = ALT_REF.get(client.dialect)
    if alts and len(var) % 2 == 0:
        fmt = alts[len(var) % 4 // 2]
    if fmt:
        return fmt % var if "%s" in fmt else fmt
    return "<your-%s>" % var.lower().replace("_", "-")


def baseline(machine, client, t, rng):
    """Realistic content of a client's file before any server is added."""
    d = client.dialect
    if client.id == "claude-user" or client.id == "claude-local":
        return None  # ~/.claude.json is built by the Claude planter
    if d == "vscode" and client.id == "vscode-usersettings":
        return {
            "editor.fontSize": 14, "editor.formatOnSave": True, "files.autoSave": "onFocusChange",
            "workbench.colorTheme": "Default Dark Modern", "git.autofetch": True,
            "github.copilot.enable": {"*": True, "markdown": False, "plaintext": False},
            "chat.mcp.discovery.enabled": {"claude-desktop": False},
            "terminal.integrated.defaultProfile.linux": "zsh",
            "mcp": {"servers": {}},
        }
    if d == "vscode":
        return {"inputs": [{"type": "promptString", "id": "github_token", "description": "GitHub Personal Access Token",
                            "password": True}], "servers": {}}
    if d == "zed":
        base = {"theme": {"mode": "system", "light": "One Light", "dark": "One Dark"},
                "ui_font_size": 16, "buffer_font_size": 15, "vim_mode": rng.random() < 0.3,
                "format_on_save": "on", "telemetry": {"diagnostics": False, "metrics": False},
                "context_servers": {}}
        if client.scope == "project":
            base = {"tab_size": 2, "format_on_save": "on", "context_servers": {}}
        return base
    if d == "continue":
        return {"name": "Local Config", "version": "1.0.0", "schema": "v1",
                "models": [{"name": "Claude Sonnet", "provider": "anthropic", "model": "claude-sonnet-4-5",
                            "apiKey": "${{ secrets.ANTHROPIC_API_KEY }}", "roles": ["chat", "edit", "apply"]},
                           {"name": "Qwen local", "provider": "ollama", "model": "qwen2.5-coder:7b",
                            "roles": ["autocomplete"]}],
                "context": [{"provider": "code"}, {"provider": "docs"}, {"provider": "diff"}],
                "mcpServers": []}
    if d == "gemini":
        base = {"general": {"vimMode": False, "preferredEditor": "code"},
                "ui": {"theme": "GitHub"}, "model": {"name": "gemini-2.5-pro"}, "mcpServers": {}}
        if client.scope != "user":
            base = {"mcpServers": {}}
        return base
    if d == "codex":
        base = {"model": "gpt-5-codex", "model_reasoning_effort": "medium",
                "approval_policy": "on-request", "sandbox_mode": "workspace-write",
                "mcp_servers": {}}
        if client.scope == "project":
            base = {"model": "gpt-5-codex", "mcp_servers": {}}
        return base
    if d == "goose":
        return {"GOOSE_PROVIDER": "anthropic", "GOOSE_MODEL": "claude-sonnet-4-5",
                "GOOSE_MODE": "smart_approve",
                "extensions": {"developer": {"enabled": True, "name": "developer", "type": "builtin",
                                             "timeout": 300, "bundled": True, "display_name": "Developer"}}}
    if d == "opencode":
        base = {"$schema": "https://opencode.ai/config.json", "theme": "opencode",
                "model": "anthropic/claude-sonnet-4-5", "autoupdate": True, "mcp": {}}
        if client.scope == "project":
            base = {"$schema": "https://opencode.ai/config.json", "mcp": {}}
        return base
    if d == "desktop":
        return {"mcpServers": {}, "globalShortcut": "Ctrl+Space"}
    return {"mcpServers": {}}


def render(client, spec, rng):
    """The client's entry for a neutral server spec."""
    d = client.dialect
    cmd, args, env = spec.get("command"), list(spec.get("args", [])), spec.get("env") or {}
    url, headers = spec.get("url"), spec.get("headers") or {}
    remote = url is not None
    extra = spec.get("extra", {}).get(d, {})
    if remote and not client.remote:
        raise ValueError("%s has no remote servers" % client.id)
    if d in ("claude", "cursor", "junie", "kiro", "cline", "desktop", "antigravity", "windsurf", "gemini"):
        if remote:
            e = {}
            t = spec.get("transport", "http")
            if d == "claude":
                e["type"] = t
                e["url"] = url
            elif d in ("windsurf", "antigravity"):
                e["serverUrl"] = url
            elif d == "gemini":
                e["httpUrl" if t == "http" else "url"] = url
            elif d == "cline":
                e["type"] = "streamableHttp" if t == "http" else "sse"
                e["url"] = url
            else:
                if rng.random() < 0.5:
                    e["type"] = t
                e["url"] = url
            if headers:
                e["headers"] = dict(headers)
        else:
            e = {}
            if d in ("claude", "cursor") and rng.random() < 0.3:
                e["type"] = "stdio"
            e["command"] = cmd
            if args:
                e["args"] = args
            if env:
                e["env"] = dict(env)
        if d == "cline" or (d == "kiro" and rng.random() < 0.5):
            e["disabled"] = False
            e["autoApprove"] = []
        e.update(extra)
        return e
    if d == "vscode":
        if remote:
            e = {"type": spec.get("transport", "http"), "url": url}
            if headers:
                e["headers"] = dict(headers)
        else:
            e = {"type": "stdio", "command": cmd, "args": args}
            if env:
                e["env"] = dict(env)
        e.update(extra)
        return e
    if d == "zed":
        if remote:
            e = {"url": url}
            if headers:
                e["headers"] = dict(headers)
        elif spec.get("zed_legacy", rng.random() < 0.35):
            e = {"source": "custom", "command": {"path": cmd, "args": args, "env": dict(env)}, "settings": {}}
        else:
            e = {"source": "custom", "command": cmd, "args": args}
            if env:
                e["env"] = dict(env)
        e.update(extra)
        return e
    if d == "continue":
        e = {"name": spec["name"]}
        if remote:
            e["type"] = "streamable-http" if spec.get("transport", "http") == "http" else "sse"
            e["url"] = url
            if headers:
                e["requestOptions"] = {"headers": dict(headers)}
        else:
            e["command"] = cmd
            if args:
                e["args"] = args
            if env:
                e["env"] = dict(env)
        e.update(extra)
        return e
    if d == "codex":
        if remote:
            e = {"url": url}
            if headers:
                e["http_headers"] = Inline(headers) if rng.random() < 0.5 else dict(headers)
        else:
            e = {"command": cmd}
            if args:
                e["args"] = args
            forwarded = [k for k, v in env.items() if isinstance(v, EnvRef)]
            env = {k: v for k, v in env.items() if not isinstance(v, EnvRef)}
            if forwarded:
                e["env_vars"] = forwarded
            if env:
                multiline = any(isinstance(v, Raw) and "\n" in v.text for v in env.values())
                e["env"] = Inline(env) if (rng.random() < 0.5 and not multiline) else dict(env)
        e.update(extra)
        return e
    if d == "goose":
        if remote:
            e = {"enabled": True, "name": spec["name"], "type": "streamable_http", "uri": url,
                 "timeout": 300}
            if headers:
                e["headers"] = dict(headers)
        else:
            e = {"enabled": True, "name": spec["name"], "type": "stdio", "cmd": cmd, "args": args,
                 "envs": dict(env), "env_keys": [], "timeout": 300,
                 "description": "%s MCP server" % spec["name"]}
        e.update(extra)
        return e
    if d == "opencode":
        if remote:
            e = {"type": "remote", "url": url, "enabled": True}
            if headers:
                e["headers"] = dict(headers)
        else:
            e = {"type": "local", "command": [cmd] + args, "enabled": True}
            if env:
                e["environment"] = dict(env)
        e.update(extra)
        return e
    raise ValueError(d)
