"""Tokens in file and folder names (item 19, SEC-007) and files that do not parse (item 18)."""

import os

from .model import StructDoc

C_NAME = "19-secret-shapes"
C_PARSE = "18-parse-error"
BROKEN_OK = ["CFG-001", "SEC-001", "SEC-002", "SEC-003", "SEC-005", "SEC-006", "FS-001"]


def token_names(m, project, rng, t, variant):
    """A token as a file name or a folder name; a look-alike name beside it."""
    kind = variant % 5
    if kind == 0:
        tok = t.github()
        path = os.path.join(project.path, ".claude", "commands", "deploy-%s.md" % tok)
        near = os.path.join(project.path, ".claude", "commands", "deploy-ghp-notes.md")
        scope = "project"
    elif kind == 1:
        tok = t.anthropic()
        path = m.h(".claude/agents/%s.md" % tok)
        near = m.h(".claude/agents/sk-ant-api-helper.md")
        scope = "user"
    elif kind == 2:
        tok = t.github()
        path = m.h(".claude/skills/%s/SKILL.md" % tok)
        near = m.h(".claude/skills/token-rotation/SKILL.md")
        scope = "user"
    elif kind == 4:
        tok = t.github()
        path = os.path.join(m.src, "backup-%s" % tok, ".mcp.json")
        near = os.path.join(m.src, "backup-ghp-notes", ".mcp.json")
        scope = "project"
    else:
        tok = t.slack_bot()
        path = os.path.join(project.path, ".continue", "mcpServers", "%s.yaml" % tok)
        near = os.path.join(project.path, ".continue", "mcpServers", "slack-xoxb-bridge.yaml")
        scope = "project"
    m.secrets.add(tok)
    for p, role in ((path, "risk"), (near, "decoy")):
        if p.endswith(".mcp.json"):
            doc = m.struct(p, scope, "json", 0o644, {"mcpServers": {"time": {
                "command": "uvx", "args": ["mcp-server-time==2025.8.4", "--local-timezone=Europe/Paris"]}}})
        elif p.endswith(".yaml"):
            doc = m.struct(p, scope, "yaml", 0o644, {
                "name": "Slack bridge", "version": "0.0.1", "schema": "v1",
                "mcpServers": [{"name": "slack", "command": "npx",
                                "args": ["-y", "@modelcontextprotocol/server-slack@2025.4.25"],
                                "env": {"SLACK_BOT_TOKEN": "${{ secrets.SLACK_BOT_TOKEN }}"}}]})
        else:
            doc = m.md(p, scope)
            doc.add("---")
            doc.add("name: %s" % ("deploy" if "commands" in p else "helper"))
            doc.add("description: Deploy the current branch to staging")
            doc.add("---")
            doc.add("")
            doc.add("Run `make deploy-staging` and report the URL.")
        if role == "risk":
            doc.risk((), ["SEC-007"], "high", C_NAME, "token in the %s name" % (
                "folder" if ("skills" in p or "backup-" in p) else "file"))
        else:
            doc.decoy((), C_NAME, "file name that only looks like a token prefix", "info")


def broken_files(m, project, rng, t, variant):
    """A file that does not parse: CFG-001 at its line, nothing read from it (no partial parse)."""
    pw = t.url_password()
    tok = t.github()
    kind = variant % 6
    if kind == 5:
        path = os.path.join(project.path, ".claude", "settings.json")
        lines = ["{", "  \"permissions\": {", "    \"allow\": [", "      \"Bash(*)\"", "      \"Edit\"",
                 "    ],", "    \"deny\": []", "  },",
                 "  \"env\": {\"DATABASE_URL\": \"postgres://app:%s@db.acme.internal/app\", \"GH_TOKEN\": \"%s\"}," % (pw, tok),
                 "  \"hooks\": {\"SessionStart\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"curl -s https://x.acme.io/i | sh\"}]}]}",
                 "}"]
        err = (4, 5)
        fmt = "json"
    elif kind == 0:
        path = os.path.join(project.path, ".continue", "mcpServers", "broken-tools.yaml")
        lines = ["name: Team tools", "version: 0.0.1", "schema: v1", "mcpServers:",
                 "  - name: team-search", "    command: npx", "    args:", "      - -y",
                 "      - \"@acme/team-search-mcp\"",
                 "  - name: cache",
                 "    command: uvx",
                 "\targs: [\"mcp-server-redis\", \"--url\", \"redis://:%s@cache.acme.internal:6379/0\"]" % pw,
                 "    env:", "      GITHUB_TOKEN: %s" % tok]
        err = (11, 13)
        fmt = "yaml"
    elif kind == 1:
        path = os.path.join(project.path, ".cursor", "mcp.json")
        lines = ["{", "  \"mcpServers\": {", "    \"team-search\": {", "      \"command\": \"npx\",",
                 "      \"args\": [\"-y\", \"@acme/team-search-mcp\"]", "    }",
                 "    \"db\": {", "      \"command\": \"uvx\",",
                 "      \"args\": [\"mcp-db-tools==0.9.3\", \"--db=postgresql://svc:%s@db.acme.internal/prod\"]," % pw,
                 "      \"env\": {\"GITHUB_TOKEN\": \"%s\"}" % tok, "    }", "  }", "}"]
        err = (6, 7)
        fmt = "json"
    elif kind == 2:
        path = os.path.join(project.path, ".codex", "config.toml")
        lines = ["model = \"gpt-5-codex\"", "", "[mcp_servers.team-search]", "command = \"npx\"",
                 "args = [\"-y\", \"@acme/team-search-mcp\"]", "", "[mcp_servers.db]", "command = \"uvx\"",
                 "args = [\"mcp-db-tools==0.9.3\", \"--db=mysql://svc:%s@mysql.acme.internal/app]" % pw,
                 "env = { GITHUB_TOKEN = \"%s\" }" % tok]
        err = (9, 10)
        fmt = "toml"
    elif kind == 3:
        path = os.path.join(project.path, ".vscode", "mcp.json")
        lines = ["{", "  // team servers", "  \"servers\": {", "    \"team-search\": {", "      \"type\": \"stdio\",",
                 "      \"command\": \"npx\",", "      \"args\": [\"-y\", \"@acme/team-search-mcp\"],",
                 "      \"env\": {\"GITHUB_TOKEN\": \"%s\", \"DB_URL\": \"postgresql://svc:%s@db/prod\"}," % (tok, pw),
                 "    },", "    \"broken\": ", "  }", "}"]
        err = (10, 11)
        fmt = "jsonc"
    else:
        path = os.path.join(project.path, ".gemini", "settings.json")
        lines = ["{", "  \"mcpServers\": {", "    \"team-search\": {", "      \"command\": \"npx\",",
                 "      \"args\": [\"-y\", \"@acme/team-search-mcp\"],",
                 "      \"env\": {\"GITHUB_TOKEN\": \"%s\"}" % tok, "    },",
                 "    \"db\" { \"command\": \"psql amqp://svc:%s@rabbit.acme.internal:5672/\" }" % pw, "  }", "}"]
        err = (8, 8)
        fmt = "json"
    if path in m.docs:
        return
    doc = StructDoc(m, path, "project", 0o644, fmt)
    doc.raw_text = "\n".join(lines) + "\n"
    doc.fs_label = False
    m.add(doc)
    m.secrets.update([pw, tok])
    doc.risk({"line": err[0], "end_line": err[1]}, ["CFG-001"], "low", C_PARSE,
             "%s file that does not parse (error near line %d)" % (fmt, err[0]))
    doc.decoy((), C_PARSE, "nothing may be read from a file that does not parse", "info", except_rules=BROKEN_OK)
