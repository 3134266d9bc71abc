"""Assembles the labeled machines: main (every category, scaled), policy (managed permission and hook
policy, denied servers) and exclusive (managed-mcp.json, disableAllHooks)."""

import os
import random
import zlib

from . import cases as K
from . import claude as CL
from . import clients as C
from . import clientsettings as CS
from . import servers as S
from . import shapes as SH
from .model import Machine
from .tokens import Tokens

PROJECT_NAMES = ["orders-api", "web-dashboard", "infra-terraform", "ml-pipeline", "mobile-app", "billing-service",
                 "docs-site", "data-warehouse"]


class Project:
    def __init__(self, machine, name, root=None):
        self.name = name
        self.path = os.path.join(root or machine.src, name)
        machine.projects.append(self)


class LabeledMachine(Machine):
    def __init__(self, name, base, seed, fs_flip):
        super().__init__(name, base, base, fs_flip)
        self.rng = random.Random("%s:%s" % (seed, name))
        self.tokens = Tokens(self.rng)
        self.tokens.home = self.home
        self.work = os.path.join(self.home, "work")
        self.roots = [self.src]

    def mode_for(self, family, scope, rng):
        """User and system files: private or readable by family, flipped between machines."""
        if scope in ("project", "plugin", "managed"):
            return 0o644
        h = zlib.crc32(family.encode()) & 1
        if bool(h) ^ self.fs_flip:
            return rng.choice([0o644, 0o644, 0o640, 0o604])
        return 0o600


def cycles(rng):
    return {
        "perm": CL.Cycle(K.PERM_RISKS, rng), "permd": CL.Cycle(K.PERM_DECOYS, rng),
        "hook": CL.Cycle(K.HOOKS, rng), "legacy": CL.Cycle(K.LEGACY_HOOKS, rng),
        "mdr": CL.Cycle(K.MD_RISKS, rng), "mdd": CL.Cycle(K.MD_DECOYS, rng),
        "allowed": CL.Cycle(CL.ALLOWED_TOOLS, rng), "allowed_json": CL.Cycle(CL.ALLOWED_JSON, rng),
        "deny": CL.Cycle(K.DENY_DECOYS, rng),
        "ask": CL.Cycle(K.ASK_DECOYS, rng),
        "settings": CL.Cycle(list(CL.SETTINGS_RISKS), rng),
    }


def perm_pairs(doc, cy, n_risk, n_decoy, policy=None):
    for _ in range(n_risk):
        rule, a, b, note = cy["perm"].next()
        CL.add_perm(doc, rule, "risk", a, b, note, policy=policy)
    for _ in range(n_decoy):
        rule, a, note = cy["permd"].next()
        CL.add_perm(doc, rule, "decoy", a, None, note, policy=None)


def deny_ask_project(m, p, rng):
    """Broad rules in deny and ask protect: a project whose allow list holds only narrow rules (a deny
    or ask rule would otherwise override the allow rules planted as risks, anywhere in scope)."""
    ps = CL.settings_doc(m, os.path.join(p.path, ".claude", "settings.json"), "project", rng)
    for rule, a, note in K.PERM_DECOYS[:4]:
        CL.add_perm(ps, rule, "decoy", a, None, note)
    for rule in K.DENY_DECOYS:
        CL.add_perm(ps, rule, "decoy", "info", None, "broad rule in deny is protective", "deny")
    for rule in K.ASK_DECOYS:
        CL.add_perm(ps, rule, "decoy", "info", None, "broad rule in ask asks first", "ask")


def hook_pairs(doc, cy, rng, n, project_like, policy=None):
    for _ in range(n):
        CL.plant_hook_pair(doc, cy["hook"].next(), rng, project_like, policy)
    if not policy:
        CL.plant_benign_hook(doc, rng, project_like)


# ------------------------------------------------------------------------------- Claude Code

def user_claude(m, cy, policy=None):
    rng, t = m.rng, m.tokens
    us = CL.settings_doc(m, m.h(".claude/settings.json"), "user", rng)
    perm_pairs(us, cy, 4, 3, policy)
    hook_pairs(us, cy, rng, 4, False, policy)
    if not policy:
        CL.plant_legacy_hook(us, rng, cy["legacy"].next(), False)
    us.node(("enabledPlugins",))
    CL.project_env(us, rng, t, "user")
    if policy:
        # user-level skipAutoPermissionPrompt is not a permission rule: still reported
        CL.plant_setting(us, "skipauto", "user")
    else:
        us.put(("permissions", "defaultMode"), "acceptEdits")
        us.decoy(("permissions", "defaultMode"), "00-baseline", "acceptEdits")
        us.put(("env", "ANTHROPIC_BASE_URL"), "https://llm-gateway.acme.internal")
        us.decoy(("env", "ANTHROPIC_BASE_URL"), "00-baseline", "the user's own gateway (not a project)")
    # user Markdown
    md = m.md(m.h(".claude/CLAUDE.md"), "user", m.mode_for("claude-md", "user", rng))
    CL.md_body(md, rng, cy["mdr"], cy["mdd"], "Personal preferences", n_pairs=2)
    md.add("")
    CL.md_secret_pair(md, rng, t)
    CL.hidden_unicode_pair(md)
    rules = m.md(m.h(".claude/rules/security.md"), "user")
    CL.md_body(rules, rng, cy["mdr"], cy["mdd"], "Security rules", n_pairs=2)
    CL.agent_file(m, m.h(".claude/agents/release-notes.md"), "user", rng, "release-notes", cy["mdr"], cy["mdd"],
                  hook=cy["hook"].next(), hook_policy=policy, project_like=False)
    CL.command_file(m, m.h(".claude/commands/commit.md"), "user", rng,
                    cy["allowed"].next() if not policy else ("decoy", "Read, Grep, Glob", "info", None, "read-only"),
                    cy["mdr"], cy["mdd"])
    sk = m.md(m.h(".claude/skills/pdf-report/SKILL.md"), "user")
    CL.md_front(sk, {"name": "pdf-report", "description": "Builds PDF reports from Markdown"})
    sk.add("")
    CL.md_body(sk, rng, cy["mdr"], cy["mdd"], "PDF report skill", n_pairs=1)
    return us


def project_claude(m, p, cy, round_no, policy=None, exclusive=False):
    rng, t = m.rng, m.tokens
    CL.claude_project_entry(m, p, rng, t, trusted=True)
    hooks_policy = policy or ("disableAllHooks in managed settings" if exclusive else None)
    ps = CL.settings_doc(m, os.path.join(p.path, ".claude", "settings.json"), "project", rng)
    ls = CL.settings_doc(m, os.path.join(p.path, ".claude", "settings.local.json"), "local", rng)
    perm_pairs(ps, cy, 3, 2, policy)
    perm_pairs(ls, cy, 1, 1, policy)
    hook_pairs(ps, cy, rng, 2, True, hooks_policy)
    hook_pairs(ls, cy, rng, 1, False, hooks_policy)
    if not hooks_policy and round_no % 2 == 0:
        CL.plant_legacy_hook(ps, rng, cy["legacy"].next(), True)
    if not hooks_policy:
        CL.plant_http_hooks(ps if round_no % 2 else ls, rng, t, round_no % 2 == 1)
        CL.plant_args_hook(ls if round_no % 2 else ps, rng, round_no % 2 == 0)
    key = cy["settings"].next()
    if policy:
        key = ["skipdanger", "skipauto", "sandbox"][round_no % 3]
    bypass_off = "disableBypassPermissionsMode in managed-settings.json" if policy else None
    CL.plant_setting(ps, key, "project", decoy_doc=ls, bypass_off=bypass_off)
    CL.project_env(ps, rng, t, "project")
    if rng.random() < 0.5:
        CL.project_env(ls, rng, t, "local")
    if exclusive:
        pass  # under managed-mcp.json no project server loads: approvals are moot
    elif rng.random() < 0.5:
        ps.put(("enableAllProjectMcpServers",), True)
        ps.risk(("enableAllProjectMcpServers",), ["MCP-001"], "high", "00-baseline", "enableAllProjectMcpServers in a project")
        ls.put(("enabledMcpjsonServers",), ["github", "context7"])
        ls.decoy(("enabledMcpjsonServers",), "00-baseline", "local approval of servers (the user's choice)")
    else:
        ps.put(("enabledMcpjsonServers",), ["github", "context7"])
        ps.risk(("enabledMcpjsonServers",), ["MCP-002"], "medium", "00-baseline", "enabledMcpjsonServers in a project")
        ls.put(("enableAllProjectMcpServers",), False)
        ls.decoy(("enableAllProjectMcpServers",), "00-baseline", "enableAllProjectMcpServers false")
    # plugins a project enables, marketplaces it adds (PLG-001); commands it defines (HOOK-005)
    if not policy:
        if round_no % 2 == 0:
            ps.put(("enabledPlugins",), {"formatter@acme-tools": True, "commit-commands@claude-plugins-official": True})
            ps.risk(("enabledPlugins", "formatter@acme-tools"), ["PLG-001"], "medium", "00-baseline",
                    "project enables a plugin from an unvetted marketplace")
            ps.decoy(("enabledPlugins", "commit-commands@claude-plugins-official"), "00-baseline",
                     "official marketplace plugin")
        else:
            ps.put(("extraKnownMarketplaces",), {"team-tools": {"source": {"source": "github",
                                                                           "repo": "acme-corp/claude-team-tools"}}})
            ps.risk(("extraKnownMarketplaces", "team-tools"), ["PLG-001"], "medium", "00-baseline",
                    "project adds a marketplace")
        helpers = [("apiKeyHelper", "./scripts/get-api-key.sh"), ("awsAuthRefresh", "aws sso login --profile dev")]
        if not exclusive:  # disableAllHooks switches the status line off too
            helpers.append(("statusLine", {"type": "command", "command": ".claude/statusline.sh"}))
        helper = rng.choice(helpers)
        ps.put((helper[0],), helper[1])
        ps.risk((helper[0],), ["HOOK-005"], "medium", "00-baseline", "%s defined by a project" % helper[0])
    # ~/.claude.json allowedTools of this project (item 15)
    items = [cy["allowed_json"].next() for _ in range(3)]
    CL.allowed_tools(m, p, items if not policy else [
        ("decoy", v, "info", None, "allowedTools ignored under managed policy") for r, v, a, b, n in items])
    # Markdown
    mdname = ["CLAUDE.md", ".claude/CLAUDE.md"][round_no % 2]
    md = m.md(os.path.join(p.path, mdname), "project")
    CL.md_body(md, rng, cy["mdr"], cy["mdd"], p.name, n_pairs=2)
    md.add("")
    CL.md_secret_pair(md, rng, t)
    if round_no % 2 == 0:
        CL.hidden_unicode_pair(md)
    local = m.md(os.path.join(p.path, "CLAUDE.local.md"), "local", m.mode_for("claude-local-md", "user", rng))
    CL.md_body(local, rng, cy["mdr"], cy["mdd"], "My notes for " + p.name, n_pairs=1)
    rules = m.md(os.path.join(p.path, ".claude", "rules", rng.choice(["api.md", "testing.md", "security.md"])),
                 "project")
    CL.md_body(rules, rng, cy["mdr"], cy["mdd"], "Rules", n_pairs=1)
    CL.agent_file(m, os.path.join(p.path, ".claude", "agents", "reviewer.md"), "project", rng, "reviewer",
                  cy["mdr"], cy["mdd"], hook=cy["hook"].next(), hook_policy=hooks_policy,
                  permission_mode="bypassPermissions" if round_no % 3 == 1 else None, no_servers=exclusive,
                  bypass_off=bypass_off)
    CL.command_file(m, os.path.join(p.path, ".claude", "commands", "ship.md"), "project", rng,
                    cy["allowed"].next() if not policy else ("decoy", "Read, Grep", "info", None, "read-only"),
                    cy["mdr"], cy["mdd"])
    sk = m.md(os.path.join(p.path, ".claude", "skills", "migrations", "SKILL.md"), "project")
    allowed = cy["allowed"].next() if not policy else ("decoy", "Read, Grep", "info", None, "read-only")
    role, value, a, b, note = allowed
    fields = {"name": "migrations", "description": "Write and check database migrations", "allowed-tools": value}
    skill_hook = cy["hook"].next() if round_no % 2 == 1 else None
    if skill_hook:
        fields["hooks"] = {"Stop": [{"hooks": [{"type": "command", "command": skill_hook[1]}]}]}
    first = CL.md_front(sk, fields)
    if skill_hook:
        hl = CL.find_line(sk, "command:", first)
        where = ((hl - 2, hl), ("hooks", "Stop", 0))
        if hooks_policy:
            sk.decoy(where, "06-managed-policy", "skill hook ignored under managed policy (%s)" % hooks_policy)
        else:
            sk.risk(where, skill_hook[2], skill_hook[3], CL.C_HOOK, "skill front-matter hook: %s" % skill_hook[4],
                    also_ok=CL.HOOK_RULES)
    ln = CL.find_line(sk, "allowed-tools:", first)
    end = ln
    while end < len(sk.lines) and sk.lines[end].startswith("  -"):
        end += 1
    if role == "risk":
        sk.risk(((ln, end), ("allowed-tools",)), a, b, CL.C_LIST, "skill allowed-tools %s: %s" % (value, note))
    else:
        sk.decoy(((ln, end), ("allowed-tools",)), CL.C_LIST, "skill allowed-tools %s: %s" % (value, note), a)
    sk.add("")
    CL.md_body(sk, rng, cy["mdr"], cy["mdd"], "Migrations", n_pairs=1)


def drain(m, cy, us, rng):
    """Round 0: every table entry not used yet goes into the user files, so each appears once."""
    while cy["perm"].queue:
        rule, a, b, note = cy["perm"].next()
        CL.add_perm(us, rule, "risk", a, b, note)
    while cy["permd"].queue:
        rule, a, note = cy["permd"].next()
        CL.add_perm(us, rule, "decoy", a, None, note)
    while cy["hook"].queue:
        CL.plant_hook_pair(us, cy["hook"].next(), rng, False)
    while cy["legacy"].queue:
        CL.plant_legacy_hook(us, rng, cy["legacy"].next(), False)
    md = m.docs[m.h(".claude/CLAUDE.md")]
    while cy["mdr"].queue or cy["mdd"].queue:
        if cy["mdr"].queue:
            text, rules, min_sev, note = cy["mdr"].next()
            md.add_risk(text, rules, min_sev, CL.C_MD, note)
            md.add("")
        if cy["mdd"].queue:
            text, max_sev, note = cy["mdd"].next()
            md.add_decoy(text, CL.C_PROHIB, note, max_sev)
            md.add("")
    while cy["allowed_json"].queue:
        CL.allowed_tools(m, m.projects[0], [cy["allowed_json"].next()])
    i = 0
    while cy["allowed"].queue:
        CL.command_file(m, m.h(".claude/commands/extra-%d.md" % i), "user", rng, cy["allowed"].next(),
                        cy["mdr"], cy["mdd"])
        i += 1


# ------------------------------------------------------------------------------- servers

def spread_servers(m, projects, round_no, copies, user_level, policy_clients=None):
    """Every server case into `copies` clients, turning through the clients so each gets many."""
    rng = m.rng
    pool = (C.USER_CLIENTS + C.SYSTEM_CLIENTS + C.PROJECT_CLIENTS) if user_level else list(C.PROJECT_CLIENTS)
    k = round_no * 5
    for i, case in enumerate(S.ALL_CASES):
        placed = 0
        tries = 0
        while placed < copies and tries < len(pool):
            client = pool[(k + i * 7 + placed * 11 + tries) % len(pool)]
            tries += 1
            project = projects[(i + placed + tries) % len(projects)] if client.is_project() else None
            placed += S.place_case(m, project, client, case, rng)
        k += 1


def family_sweep(m):
    """A literal token in every user and system client file, so FS-001 is exercised for each family."""
    env_token = next(c for c in S.ALL_CASES if c.__name__ == "env_token")
    for client in C.USER_CLIENTS + C.SYSTEM_CLIENTS:
        S.place_case(m, None, client, env_token, m.rng)


def policy_servers(m, projects, policy):
    """Servers Claude Code will not load under the managed policy: inventory only (info)."""
    rng = m.rng
    note = {"permissions": "denied by deniedMcpServers", "exclusive": "excluded by managed-mcp.json"}[policy]
    for p in projects:
        for cid in ["claude-project", "claude-local"]:
            client = C.BY_ID[cid]
            names = ["shady-tools"] if policy == "permissions" else ["team-search", "shady-tools"]
            for name in names:
                spec = S.stdio("npx", ["-y", "shady-tools-mcp"]) if name == "shady-tools" else \
                    S.stdio("bash", ["-c", "cd /opt/team && node index.js"])
                doc, path = S.place_server(m, p, client, name, spec, rng)
                doc.decoy(path, "06-managed-policy", "server %s: findings info only" % note, "info")
        # the same server for another client is still a risk
        client = C.BY_ID["cursor-project"]
        doc, path = S.place_server(m, p, client, "shady-tools", S.stdio("npx", ["-y", "shady-tools-mcp"]), rng)
        doc.risk(path, ["MCP-004", "MCP-005"], "low", "06-managed-policy", "Cursor is not bound by Claude Code policy")
    if policy == "permissions":
        client = C.BY_ID["claude-local"]
        doc, path = S.place_server(m, projects[0], client, "evil", S.stdio("npx", ["-y", "evil-mcp"]), rng)
        doc.decoy(path, "06-managed-policy", "server denied by serverCommand: info only", "info")
    else:
        for name, spec in [("user-shell", S.stdio("sh", ["-c", "node /opt/x/index.js"])),
                           ("user-unpinned", S.stdio("npx", ["-y", "@acme/user-mcp"]))]:
            doc, path = S.place_server(m, None, C.BY_ID["claude-user"], name, spec, rng)
            doc.decoy(path, "06-managed-policy", "user server excluded by managed-mcp.json: info only", "info")


def managed_mcp(m):
    doc = m.struct(m.s("etc/claude-code/managed-mcp.json"), "managed", "json", 0o644, {"mcpServers": {
        "corp-search": {"command": "npx", "args": ["-y", "@acme/corp-search-mcp"]},
        "corp-docs": {"type": "http", "url": "https://mcp.docs.acme.io/mcp"}}})
    doc.risk(("mcpServers", "corp-search"), ["MCP-004", "MCP-005"], "low", "06-managed-policy",
             "managed server is loaded: its findings stay")
    doc.decoy(("mcpServers", "corp-docs"), "06-managed-policy", "managed https server")


# ------------------------------------------------------------------------------- machines

def build_main(out, seed, scale):
    m = LabeledMachine("main", out, seed, fs_flip=False)
    m.roots = [m.src, m.work]
    rng, t = m.rng, m.tokens
    cy = cycles(rng)
    CL.claude_json(m, rng, t, primary_key=True)
    CL.trust_risks(m, rng, 0)
    us = user_claude(m, cy)
    CL.plugins(m, rng, t, us, cy["mdr"], cy["mdd"])
    CL.managed(m, rng, t, "none", cy["hook"], cy["perm"].next())
    all_projects = []
    for r in range(scale):
        names = PROJECT_NAMES[(r * 4) % len(PROJECT_NAMES):][:4]
        if len(names) < 4:
            names += PROJECT_NAMES[:4 - len(names)]
        projects = [Project(m, n if r < 2 else "%s-%d" % (n, r)) for n in names[:3]]
        # the fourth lives under a second root, with the name of a project of the first (item 20)
        projects.append(Project(m, projects[0].name, root=m.work))
        all_projects += projects
        for p in projects:
            project_claude(m, p, cy, r)
        if r == 0:
            drain(m, cy, us, rng)
        spread_servers(m, projects, r, 3 if r == 0 else 1, r == 0)
        for i, p in enumerate(projects[:2]):
            CS.autonomy(m, p, rng, r * 2 + i)
            CS.secrets_anywhere(m, p, rng, t)
            CS.auto_approve(m, p, rng)
        CS.codex_settings(m, projects[2], rng, t, r)
        odd = Project(m, "scratch-%d" % r)
        deny_ask_project(m, odd, rng)
        for v in range(6):
            SH.broken_files(m, Project(m, "broken-%d-%d" % (r, v)), rng, t, v + r)
        for v in range(5):
            SH.token_names(m, odd, rng, t, v + r * 5)
    CS.autonomy(m, None, rng, 0)
    CS.secrets_anywhere(m, None, rng, t)
    CS.auto_approve(m, None, rng)
    CS.codex_settings(m, None, rng, t, 0)
    family_sweep(m)
    return m


def build_policy(out, seed):
    """allowManagedPermissionRulesOnly + allowManagedHooksOnly + deniedMcpServers."""
    m = LabeledMachine("policy", out, seed, fs_flip=True)
    rng, t = m.rng, m.tokens
    cy = cycles(rng)
    pol = "allowManagedPermissionRulesOnly/allowManagedHooksOnly in managed-settings.json"
    CL.claude_json(m, rng, t, primary_key=False)
    CL.trust_risks(m, rng, 1)
    user_claude(m, cy, policy=pol)
    CL.managed(m, rng, t, "permissions", cy["hook"], cy["perm"].next())
    projects = [Project(m, n) for n in ["payments-api", "support-portal"]]
    for i, p in enumerate(projects):
        project_claude(m, p, cy, i, policy=pol)
    policy_servers(m, projects, "permissions")
    spread_servers(m, projects, 1, 1, False)
    family_sweep(m)
    CS.codex_settings(m, None, rng, t, 1)
    return m


def build_exclusive(out, seed):
    """managed-mcp.json (only its servers load) + disableAllHooks."""
    m = LabeledMachine("exclusive", out, seed, fs_flip=True)
    rng, t = m.rng, m.tokens
    cy = cycles(rng)
    CL.claude_json(m, rng, t, primary_key=False)
    CL.trust_risks(m, rng, 2)
    us = CL.settings_doc(m, m.h(".claude/settings.json"), "user", rng)
    key = t.anthropic()
    us.put(("apiKeyHelper",), "echo " + key)
    us.risk(("apiKeyHelper",), ["SEC-004", "SEC-006"], "high", "16-secrets-anywhere", "a literal key in apiKeyHelper")
    us.secret(key)
    perm_pairs(us, cy, 3, 2)
    hook_pairs(us, cy, rng, 3, False, policy="disableAllHooks in managed settings")
    CL.managed(m, rng, t, "exclusive", cy["hook"], cy["perm"].next())
    managed_mcp(m)
    projects = [Project(m, n) for n in ["search-indexer", "admin-console"]]
    for i, p in enumerate(projects):
        project_claude(m, p, cy, i + 2, exclusive=True)
    policy_servers(m, projects, "exclusive")
    # other clients are not bound by Claude Code's managed-mcp.json
    other = [c for c in C.PROJECT_CLIENTS if c.family != "claude"]
    for i, case in enumerate(S.ALL_CASES):
        client = other[i % len(other)]
        S.place_case(m, projects[i % 2], client, case, rng)
    family_sweep(m)
    CS.autonomy(m, None, rng, 1)
    CS.codex_settings(m, None, rng, t, 2)
    return m


def build(out, seed, scale):
    machines = [build_main(out, seed, scale),
                build_policy(os.path.join(out, "machines", "policy"), seed),
                build_exclusive(os.path.join(out, "machines", "exclusive"), seed)]
    return machines
