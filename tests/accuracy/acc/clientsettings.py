"""Client settings beyond servers: autonomy switches (item 17), secrets in unexpected keys (item 16),
Codex trust (item 9), per-server auto-approval."""

import os

from . import clients as C
from . import servers as S
from .emit import Inline

C_AUTO = "17-safety-off"
C_ANY = "16-secrets-anywhere"
C_TRUST = "09-trust"
C_LOOK = "02-secret-lookalike"

AUTO = ["AUTO-001"]


def doc_for(m, project, cid, rng):
    client = C.BY_ID[cid]
    return S.client_doc(m, project, client, rng)


def autonomy(m, project, rng, variant):
    """One autonomy switch per client file; the safe value beside it where the format allows."""
    scope_min = "high"
    out = []
    # Gemini
    g = doc_for(m, project, "gemini-project" if project else "gemini-user", rng)
    form = variant % 3
    if form == 0:
        g.node(("tools",))["autoAccept"] = True
        g.risk(("tools", "autoAccept"), AUTO, scope_min, C_AUTO, "Gemini tools.autoAccept")
    elif form == 1:
        g.put(("autoAccept",), True)
        g.risk(("autoAccept",), AUTO, scope_min, C_AUTO, "Gemini v1 autoAccept")
    else:
        g.node(("general",))["defaultApprovalMode"] = "yolo"
        g.risk(("general", "defaultApprovalMode"), AUTO, scope_min, C_AUTO, "Gemini defaultApprovalMode yolo")
    sec = g.node(("security",))
    sec["disableYoloMode"] = True
    g.decoy(("security", "disableYoloMode"), C_AUTO, "disableYoloMode is protective")
    gen = g.node(("general",))
    if "defaultApprovalMode" not in gen:
        gen["defaultApprovalMode"] = rng.choice(["default", "plan"])
        g.decoy(("general", "defaultApprovalMode"), C_AUTO, "default approval mode")
    # VS Code
    if project:
        v = m.struct(os.path.join(project.path, ".vscode", "settings.json"), "project", "jsonc", 0o644,
                     {"editor.formatOnSave": True, "typescript.tsdk": "node_modules/typescript/lib"},
                     {"trailing_commas": rng.random() < 0.5})
    else:
        v = doc_for(m, None, "vscode-usersettings", rng)
    key = ["chat.tools.autoApprove", "chat.tools.global.autoApprove"][variant % 2]
    v.put((key,), True)
    v.risk((key,), AUTO, scope_min, C_AUTO, "VS Code %s" % key)
    v.put(("chat.tools.edits.autoApprove",), {"**/*.md": True})
    v.decoy(("chat.tools.edits.autoApprove",), C_AUTO, "auto-approve edits of Markdown only", "medium")
    v.put(("chat.agent.enabled",), True)
    v.decoy(("chat.agent.enabled",), C_AUTO, "agent mode on, approvals kept")
    # Zed
    z = doc_for(m, project, "zed-project" if project else "zed-user", rng)
    agent = z.node(("agent",))
    if variant % 2 == 0:
        agent["always_allow_tool_actions"] = True
        z.risk(("agent", "always_allow_tool_actions"), AUTO, scope_min, C_AUTO, "Zed always_allow_tool_actions")
    else:
        agent["tool_permissions"] = {"default": "allow"}
        z.risk(("agent", "tool_permissions", "default"), AUTO, scope_min, C_AUTO, "Zed tool_permissions.default allow")
    agent["default_model"] = {"provider": "zed.dev", "model": "claude-sonnet-4-5"}
    z.comment(("agent",), "Agent panel settings")
    # OpenCode
    o = doc_for(m, project, "opencode-project" if project else "opencode-user", rng)
    perm = [("allow", ("permission",)), ({"*": "allow"}, ("permission", "*")),
            ({"bash": "allow", "edit": "ask"}, ("permission", "bash")),
            ({"bash": {"*": "allow", "rm *": "deny"}, "edit": "ask"}, ("permission", "bash", "*"))][variant % 4]
    o.put(("permission",), perm[0])
    o.risk(perm[1], AUTO, scope_min, C_AUTO, "OpenCode permission %r" % (perm[0],))
    o.put(("agent",), {"review": {"description": "Reviews code", "permission": {"bash": {"*": "ask", "git status": "allow"},
                                                                                 "edit": "deny"}}})
    o.decoy(("agent", "review"), C_AUTO, "agent permission asks for bash")
    if not project:
        # Goose, Cursor CLI, Codex
        gz = doc_for(m, None, "goose", rng)
        gz.put(("GOOSE_MODE",), "auto")
        gz.risk(("GOOSE_MODE",), AUTO, "high", C_AUTO, "GOOSE_MODE auto")
        gz.put(("GOOSE_TOOLSHIM",), False)
        gz.decoy(("GOOSE_TOOLSHIM",), C_AUTO, "unrelated goose setting")
        cli = m.struct(m.h(".cursor/cli-config.json"), "user", "json", 0o644,
                       {"version": 1, "editor": {"vimMode": False},
                        "permissions": {"allow": ["Shell(*)", "Shell(git status)", "Read(src/**)"],
                                        "deny": ["Shell(rm)", "Read(.env*)"]}}, {"inline_lists": False})
        cli.risk(("permissions", "allow", 0), AUTO, "high", C_AUTO, "Cursor CLI Shell(*)")
        cli.decoy(("permissions", "allow", 1), C_AUTO, "Cursor CLI one shell command")
        cli.decoy(("permissions", "allow", 2), C_AUTO, "Cursor CLI read of src")
        cli.decoy(("permissions", "deny", 0), C_AUTO, "deny rule")
    return out


def codex_settings(m, project, rng, t, variant):
    cid = "codex-project" if project else "codex-user"
    d = doc_for(m, project, cid, rng)
    proj = project is not None
    if variant % 2 == 0:
        d.put(("approval_policy",), "never")
        d.risk(("approval_policy",), ["CDX-001"], "high" if proj else "medium", C_AUTO, "approval_policy never")
        d.put(("sandbox_mode",), "workspace-write")
        d.decoy(("sandbox_mode",), C_AUTO, "workspace-write sandbox")
    else:
        d.put(("sandbox_mode",), "danger-full-access")
        d.risk(("sandbox_mode",), ["CDX-001"], "high", C_AUTO, "danger-full-access")
        d.put(("approval_policy",), "on-request")
        d.decoy(("approval_policy",), C_AUTO, "on-request")
    sep = Inline({"NODE_TLS_REJECT_UNAUTHORIZED": "0", "RUST_LOG": "info"}) if rng.random() < 0.5 else \
        {"NODE_TLS_REJECT_UNAUTHORIZED": "0", "RUST_LOG": "info"}
    d.put(("shell_environment_policy",), {"inherit": "core", "set": sep})
    d.risk(("shell_environment_policy", "set", "NODE_TLS_REJECT_UNAUTHORIZED"), ["AUTH-002"], "high", C_AUTO,
           "Codex shell_environment_policy.set NODE_TLS_REJECT_UNAUTHORIZED=0")
    d.decoy(("shell_environment_policy", "inherit"), C_AUTO, "inherit core")
    if not proj:
        # trust (item 9): the home folder and / trusted, one project trusted (fine)
        projects = d.node(("projects",))
        key = [m.home, "/", m.home + "/"][variant % 3]
        projects[key] = {"trust_level": "trusted"}
        d.risk(("projects", key, "trust_level"), ["TRUST-001"], "high", C_TRUST,
               "Codex trusts %s" % ("/" if key == "/" else "the home folder"))
        for p in m.projects[:2]:
            projects[p.path] = {"trust_level": "trusted"}
            d.decoy(("projects", p.path, "trust_level"), C_TRUST, "Codex trusts one project")
        # a bearer token in a provider (item 16); the env_key beside it names a variable
        tok = t.openai()
        d.put(("model_providers",), {
            "openrouter": {"name": "OpenRouter", "base_url": "https://openrouter.ai/api/v1",
                           "experimental_bearer_token": tok},
            "azure": {"name": "Azure", "base_url": "https://acme.openai.azure.com/openai",
                      "env_key": "AZURE_OPENAI_API_KEY", "query_params": Inline({"api-version": "2025-04-01-preview"})}})
        d.risk(("model_providers", "openrouter", "experimental_bearer_token"), ["SEC-006", "SEC-004"], "high", C_ANY,
               "Codex provider bearer token")
        d.secret(tok)
        d.decoy(("model_providers", "azure"), C_LOOK, "env_key names a variable")


def secrets_anywhere(m, project, rng, t):
    """Item 16: literal keys in Continue models, OpenCode providers, Zed server settings, VS Code settings."""
    if project is None:
        c = doc_for(m, None, "continue-user", rng)
        tok = t.openai()
        c.node(("models",)).append({"name": "GPT-5", "provider": "openai", "model": "gpt-5", "apiKey": tok,
                                    "roles": ["chat"]})
        i = len(c.node(("models",))) - 1
        c.risk(("models", i, "apiKey"), ["SEC-006", "SEC-004"], "high", C_ANY, "Continue models[].apiKey")
        c.secret(tok)
        c.decoy(("models", 0, "apiKey"), C_LOOK, "Continue secrets reference")
        g = doc_for(m, None, "goose", rng)
        tok = t.google()
        g.put(("GOOGLE_API_KEY",), tok)
        g.risk(("GOOGLE_API_KEY",), ["SEC-006", "SEC-004"], "high", C_ANY, "Goose top-level GOOGLE_API_KEY")
        g.secret(tok)
        g.put(("GOOGLE_HOST",), "https://generativelanguage.googleapis.com")
        g.decoy(("GOOGLE_HOST",), C_LOOK, "a URL")
    o = doc_for(m, project, "opencode-project" if project else "opencode-user", rng)
    tok = t.anthropic()
    o.put(("provider",), {"anthropic": {"options": {"apiKey": tok, "timeout": 600000}},
                          "openai": {"options": {"apiKey": "{env:OPENAI_API_KEY}",
                                                 "baseURL": "https://api.openai.com/v1"}}})
    o.risk(("provider", "anthropic", "options", "apiKey"), ["SEC-006", "SEC-004"], "high", C_ANY,
           "OpenCode provider apiKey")
    o.secret(tok)
    o.decoy(("provider", "openai"), C_LOOK, "OpenCode {env:...} reference")
    z = doc_for(m, project, "zed-project" if project else "zed-user", rng)
    tok = t.rand(40)
    z.node(("context_servers",))["postgres-context-server"] = {
        "source": "extension", "settings": {"database_url": "postgresql://postgres@localhost/my_database"}}
    z.decoy(("context_servers", "postgres-context-server"), C_LOOK, "database URL without a password")
    z.node(("context_servers",))["mcp-server-exa-search"] = {"source": "extension", "settings": {"exa_api_key": tok}}
    z.risk(("context_servers", "mcp-server-exa-search"), ["SEC-006", "SEC-004", "SEC-001"], "high", C_ANY,
           "Zed extension settings api key")
    z.secret(tok)
    if project is None:
        v = doc_for(m, None, "vscode-usersettings", rng)
        tok = t.github()
        v.put(("rest-client.environmentVariables",), {"$shared": {"token": tok},
                                                      "local": {"baseUrl": "http://localhost:8080"}})
        v.risk(("rest-client.environmentVariables", "$shared", "token"), ["SEC-006", "SEC-004"], "high", C_ANY,
               "GitHub token in an extension setting")
        v.secret(tok)
        v.decoy(("rest-client.environmentVariables", "local"), C_LOOK, "a local URL")


def auto_approve(m, project, rng):
    """Per-server approval of every tool: Kiro autoApprove ["*"], Cline autoApprove, Gemini trust."""
    out = []
    for cid, field, val, rules, note in [
        ("kiro-project" if project else "kiro-user", "autoApprove", ["*"], ["AUTO-001", "MCP-012"], "Kiro autoApprove *"),
        ("gemini-project" if project else "gemini-user", "trust", True, ["MCP-012", "AUTO-001"], "Gemini trust"),
    ] + ([] if project else [("cline-ext", "autoApprove", ["create_issue", "push_files", "delete_file"],
                              ["MCP-012", "AUTO-001"], "Cline autoApprove of write tools")]):
        client = C.BY_ID[cid]
        spec = S.stdio("npx", ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
                       {"GITHUB_PERSONAL_ACCESS_TOKEN": C.ref(client, "GITHUB_TOKEN")})
        spec["extra"] = {client.dialect: {field: val}}
        doc, path = S.place_server(m, project, client, "github-auto", spec, rng)
        doc.risk(path, rules, "medium", C_AUTO, note)
        spec2 = dict(spec)
        spec2["extra"] = {client.dialect: {field: [] if isinstance(val, list) else False}}
        doc, path = S.place_server(m, project, client, "github-ask", spec2, rng)
        doc.decoy(path, C_AUTO, note + " off")
    return out
