#include "permission_reach.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <unordered_map>
#include <vector>

#include "command_wrappers.hpp"
#include "common.hpp"
#include "hook_behaviour.hpp"
#include "rule_paths.hpp"

namespace claude_code {

namespace {

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto start = text.find_first_not_of(" \t", pos);
        if (start == std::string_view::npos) break;
        const auto end = text.find_first_of(" \t", start);
        words.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        pos = end == std::string_view::npos ? text.size() : end;
    }
    return words;
}

bool in(std::string_view word, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool shell(std::string_view name) {
    return in(name, {"bash", "sh", "zsh", "dash", "ksh", "fish", "csh", "tcsh", "eval", "source",
                     ".", "pwsh", "powershell", "cmd"});
}

// Command families where "any arguments" means running arbitrary code or sending anything:
// interpreters, package runners, network and remote tools, container engines, git, and other
// coding agents. Multi-word entries name the subcommand that does it.
constexpr std::array kBroadCommands{
    // subcommands first: "uv run *" must not need "uv *"
    "uv run", "uv tool run", "uv tool install", "uv pip", "uv add", "npm exec", "npm x",
    "npm install", "npm i", "pnpm dlx", "pnpm exec", "pnpm add", "yarn dlx", "yarn exec",
    "yarn add", "bun x", "bun add", "poetry run", "pipenv run", "pip install", "gem install",
    "cargo install", "go install", "brew install", "pipx run", "pipx install", "go run", "deno run",
    "docker run", "docker exec", "podman run", "podman exec", "kubectl exec", "git push",
    "git config", "gh api",
    // cloud, cluster and forge CLIs: any subcommand acts on what the signed-in account reaches
    "gh", "glab", "aws", "gcloud", "gsutil", "az", "helm", "oc", "terraform", "tofu", "pulumi",
    "doctl", "heroku", "flyctl", "vercel", "netlify", "wrangler", "firebase", "supabase",
    // commands that delete whatever the wildcard names
    "rm", "shred", "wipefs", "srm",
    // commands that write or replace whatever file the wildcard names (~/.bashrc, a project's
    // .claude/settings.json): a later shell or session runs what they wrote
    "tee", "cp", "mv", "dd", "install", "ln", "sed", "gsed", "truncate",
    // interpreters
    "python", "node", "deno", "bun", "ruby", "perl", "php", "lua", "luajit", "rscript", "julia",
    "osascript", "tclsh",
    // package runners and managers that install or run any package
    "npx", "pnpx", "bunx", "uvx", "pipx", "npm", "pnpm", "yarn", "uv", "pip", "gem", "cargo", "go",
    "brew",
    // network and remote
    "curl", "wget", "ssh", "scp", "sftp", "rsync", "nc", "ncat", "netcat", "socat", "telnet", "ftp",
    // containers and clusters
    "docker", "podman", "nerdctl", "kubectl",
    // version control
    "git",
    // other coding agents
    "claude", "codex", "gemini", "aider", "opencode", "goose", "amp", "qwen", "cursor-agent",
    "copilot", "crush"};

bool is_flag(const std::string& w) {
    return w.size() > 1 && w.starts_with('-');
}

// Options that make a program print its version or usage and exit: "brew --version:*" runs
// nothing whatever follows.
bool prints_only(const std::string& w) {
    return in(w, {"--version", "-V", "--help", "-h", "-version", "-help", "--usage"});
}

// Why a family reaches that far when its name does not say it.
std::string family_why(std::string_view family) {
    if (in(family,
           {"gh",     "glab",      "aws",      "gcloud",   "gsutil",   "az",      "helm",
            "oc",     "terraform", "tofu",     "pulumi",   "doctl",    "heroku",  "flyctl",
            "vercel", "netlify",   "wrangler", "firebase", "supabase", "kubectl", "gh api"}))
        return "it acts on every repository, resource and secret the signed-in account reaches";
    if (in(family, {"rm", "shred", "wipefs", "srm"})) return "it deletes any file";
    if (in(family, {"tee", "cp", "mv", "dd", "install", "ln", "truncate"}))
        return "it writes or replaces any file, ~/.bashrc and .claude/settings.json included";
    if (in(family, {"sed", "gsed"})) return "sed -i rewrites any file";
    return {};
}

// words[from..] are options only, then a final "*": the wildcard is the rest of the command.
bool options_then_wildcard(const std::vector<std::string>& words, std::size_t from) {
    if (words.empty() || words.back() != "*" || from >= words.size()) return false;
    return std::all_of(words.begin() + static_cast<std::ptrdiff_t>(from), words.end() - 1,
                       [](const std::string& w) { return is_flag(w); });
}

// `words` from `at` on: the command family that takes the wildcard's place, or "".
std::string broad_family(const std::vector<std::string>& words, std::size_t at) {
    if (at >= words.size()) return {};
    // Each family's words, split once.
    static const std::vector<std::vector<std::string>> kFamilyWords = [] {
        std::vector<std::vector<std::string>> all;
        for (const std::string_view family : kBroadCommands)
            all.push_back(split_words(family));
        return all;
    }();
    const std::string program = to_lower(program_name(words[at]));
    for (std::size_t f = 0; f < kBroadCommands.size(); ++f) {
        const std::string_view family = kBroadCommands[f];
        const std::vector<std::string>& family_words = kFamilyWords[f];
        // Most families do not start with this program: settled without copying any word.
        const std::string_view first = family_words[0];
        if (program != first && !(words.size() - at == 1 && program.starts_with(first))) continue;
        const std::size_t n = family_words.size();
        if (words.size() - at < n) continue;
        std::vector<std::string> candidate(words.begin() + static_cast<std::ptrdiff_t>(at),
                                           words.begin() + static_cast<std::ptrdiff_t>(at + n));
        // "curl*", "git push*": the wildcard glued to the family's last word.
        const bool glued = words.size() - at == n && candidate.back().size() > 1 &&
                           candidate.back().ends_with('*');
        if (glued) candidate.back().pop_back();
        bool same = to_lower(program_name(candidate[0])) == family_words[0];
        for (std::size_t k = 1; same && k < n; ++k)
            same = to_lower(candidate[k]) == family_words[k];
        if (!same) continue;
        if (glued) return std::string(family);
        if (words.size() - at == n) continue;  // the family alone, no wildcard
        // After the family: options only, then a bare "*" at the end — unless an option only
        // prints the version or usage.
        if (!options_then_wildcard(words, at + n)) continue;
        const bool printing =
            std::any_of(words.begin() + static_cast<std::ptrdiff_t>(at + n), words.end() - 1,
                        [](const std::string& w) { return prints_only(w); });
        if (!printing) return std::string(family);
    }
    return {};
}

RuleReach reach_from(const std::vector<std::string>& words, std::size_t at,
                     const std::string& prefix) {
    if (at >= words.size()) return {};
    const auto joined = [&](std::string_view what) {
        return prefix.empty() ? std::string(what) : prefix + " " + std::string(what);
    };
    std::string head = words[at];
    if (head.starts_with('*')) return {Reach::everything, prefix};
    // "sudo*", "bash*": the wildcard glued to a wrapper or a shell.
    const bool glued = words.size() == at + 1 && head.size() > 1 && head.ends_with('*');
    if (glued) head.pop_back();
    const std::string name = to_lower(program_name(head));
    if (command_wrapper(name)) {
        if (glued) return {Reach::everything, joined(head)};
        // command -v / -V looks a name up; it runs nothing.
        if (name == "command" && at + 1 < words.size() &&
            (words[at + 1] == "-v" || words[at + 1] == "-V"))
            return {};
        const RuleReach inner = reach_from(words, wrapped_command(name, words, at), joined(head));
        // Any interpreter or package as root is any command as root.
        if (inner.reach == Reach::broad && privileged_wrapper(name))
            return {Reach::everything, inner.what};
        return inner;
    }
    if (shell(name)) {
        if (glued) return {Reach::everything, joined(head)};
        // bash *, bash -c *, sh -lc:*, cmd /c *: a shell whose script is the wildcard.
        std::size_t i = at + 1;
        while (i < words.size() && (is_flag(words[i]) || to_lower(words[i]) == "/c"))
            ++i;
        if (i + 1 == words.size() && words[i].starts_with('*'))
            return {Reach::everything, joined(head)};
    }
    // Commands that run other commands through their arguments: find -exec (fd -x) whatever
    // precedes the wildcard, awk's system() when the wildcard is the program.
    const bool trailing_wildcard = words.back().ends_with('*');
    if (in(name, {"find", "gfind"}) && (glued || (trailing_wildcard && words.size() > at + 1)))
        return {Reach::everything, joined(head), "find -exec runs any command"};
    if (in(name, {"fd", "fdfind"}) && (glued || (trailing_wildcard && words.size() > at + 1)))
        return {Reach::everything, joined(head), "fd -x runs any command"};
    if (in(name, {"awk", "gawk", "mawk", "nawk"}) &&
        (glued || options_then_wildcard(words, at + 1)))
        return {Reach::everything, joined(head), "awk's system() runs any command"};
    // GNU sed's e command (and s///e) runs its text as a shell command; --sandbox turns it off.
    const bool sandboxed_sed = std::find(words.begin() + static_cast<std::ptrdiff_t>(at),
                                         words.end(), "--sandbox") != words.end();
    if (in(name, {"sed", "gsed"}) && !sandboxed_sed &&
        (glued || options_then_wildcard(words, at + 1)))
        return {Reach::everything, joined(head), "GNU sed's e command runs any command"};
    if (const std::string family = broad_family(words, at); !family.empty()) {
        // The family as written: "python3 -c" says more than "python".
        std::string written = words[at];
        for (std::size_t k = at + 1; k < words.size() && words[k] != "*"; ++k)
            written += " " + words[k];
        if (written.ends_with('*')) written.pop_back();
        return {Reach::broad, joined(written), family_why(family)};
    }
    // curl https://api.x.com/*: the wildcard admits more arguments after the URL (-d @file,
    // -o file, another URL); ssh host *: any command on that host.
    const bool printing =
        std::any_of(words.begin() + static_cast<std::ptrdiff_t>(at) + 1, words.end(),
                    [](const std::string& w) { return prints_only(w); });
    if (in(name, {"curl", "wget", "http", "https", "xh", "ssh"}) && trailing_wildcard &&
        words.size() > at + 1 && !printing) {
        std::string written = words[at];
        for (std::size_t k = at + 1; k < words.size(); ++k)
            written += " " + words[k];
        while (!written.empty() && (written.back() == '*' || written.back() == ' '))
            written.pop_back();
        return {Reach::broad, joined(written),
                name == "ssh" ? "any command on that host"
                              : "more arguments can follow: -d @file uploads any file, -o "
                                "overwrites one, another URL goes anywhere"};
    }
    return {};
}

std::string_view without_trailing(std::string_view text, std::string_view suffix) {
    return text.ends_with(suffix) ? text.substr(0, text.size() - suffix.size()) : text;
}

}  // namespace

namespace {

RuleReach judge_bash_reach(std::string_view specifier) {
    std::string spec(specifier);
    while (!spec.empty() && (spec.front() == ' ' || spec.front() == '\t'))
        spec.erase(spec.begin());
    if (spec.empty()) return {Reach::everything, ""};
    if (spec.ends_with(":*")) spec = spec.substr(0, spec.size() - 2) + " *";  // legacy prefix
    // The command itself may be the risk, with or without a wildcard.
    if (runs_downloaded_code(spec)) return {Reach::everything, "", "", "download code and run it"};
    RuleReach reach;
    if (spec.find('*') != std::string::npos) reach = reach_from(split_words(spec), 0, "");
    if (reach.reach != Reach::narrow) return reach;
    for (const BehaviourFinding& b : hook_behaviours(spec)) {
        if (b.kind == Behaviour::listener)
            return {Reach::broad, "", "", "open a network listener (" + b.why + ")"};
    }
    return reach;
}

}  // namespace

RuleReach bash_reach(std::string_view specifier) {
    // The same few rules recur in every project of a machine ("Bash(npm run test:*)"): judge
    // each text once per thread. Bounded, so a hostile file of distinct rules cannot grow it.
    thread_local std::unordered_map<std::string, RuleReach> judged;
    constexpr std::size_t kMostRemembered = 4096;
    if (const auto it = judged.find(std::string(specifier)); it != judged.end()) return it->second;
    RuleReach reach = judge_bash_reach(specifier);
    if (judged.size() >= kMostRemembered) judged.clear();
    judged.emplace(std::string(specifier), reach);
    return reach;
}

namespace {

RuleReach whole_areas(std::string_view p, std::string_view home) {
    if (p.empty() || p == "*" || p == "**" || p == "**/*") return {Reach::everything, ""};
    // The folder the pattern covers entirely: "x/**", "x/**/*" (and "x/*" for the file system
    // root and the home folder, whose top level alone holds shell startup files).
    std::string_view base = without_trailing(without_trailing(p, "/*"), "/**");
    if (base == p) return {};
    while (base.size() > 1 && base.back() == '/')
        base.remove_suffix(1);
    const bool every_level = p.ends_with("/**") || p.ends_with("/**/*");
    if (base == "/" || base == "//") return {Reach::everything, "the whole file system"};
    if (base == "~" || base == "$HOME") return {Reach::everything, "the whole home folder"};
    if (base.starts_with("//") && !home.empty()) {
        std::string_view h = home;
        while (h.size() > 1 && h.back() == '/')
            h.remove_suffix(1);
        if (base.substr(1) == h) return {Reach::everything, "the whole home folder"};
    }
    if (!every_level) return {};
    if (base == ".") return {Reach::broad, "the working directory"};
    if (base.empty()) return {Reach::broad, "the project root"};  // "/**": the settings' project
    return {};
}

}  // namespace

RuleReach edit_reach(std::string_view pattern, std::string_view home) {
    std::string_view p = pattern;
    while (!p.empty() && p.front() == ' ')
        p.remove_prefix(1);
    while (!p.empty() && p.back() == ' ')
        p.remove_suffix(1);
    const RuleReach whole = whole_areas(p, home);
    if (whole.reach == Reach::everything) return whole;
    // Claude Code's settings and persistence locations weigh more than the working directory.
    if (RuleReach sensitive = sensitive_edit_reach(p, home); sensitive.reach != Reach::narrow)
        return sensitive;
    return whole;
}

}  // namespace claude_code
