#include "rule_paths.hpp"

#include <array>
#include <string>

#include "wildcards.hpp"

namespace claude_code {

namespace {

// A rule's pattern as a glob: absolute ('/'-rooted) or relative to the project.
struct PathPattern {
    std::string glob;
    bool project = false;
};

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::string home_folder(std::string_view home) {
    while (home.size() > 1 && home.back() == '/')
        home.remove_suffix(1);
    // Without a known home, "~" still needs an absolute spelling both sides share.
    return home.empty() ? std::string("/nonexistent-home") : std::string(home);
}

PathPattern normalize(std::string_view pattern, const std::string& home) {
    const std::string_view p = trimmed(pattern);
    if (p.starts_with("//")) return {std::string(p.substr(1)), false};
    for (const std::string_view prefix : {"~", "$HOME", "${HOME}"}) {
        if (p == prefix) return {home, false};
        if (p.starts_with(prefix) && p.size() > prefix.size() && p[prefix.size()] == '/')
            return {home + std::string(p.substr(prefix.size())), false};
    }
    std::string_view rel = p;
    if (rel.starts_with("./")) {
        rel.remove_prefix(2);
    } else if (rel.starts_with('/')) {
        rel.remove_prefix(1);  // relative to the settings file's project
    }
    std::string_view core = rel;
    while (!core.empty() && core.back() == '/')
        core.remove_suffix(1);
    // gitignore: a name without '/' matches at any depth.
    if (core.find('/') == std::string_view::npos) return {"**/" + std::string(rel), true};
    return {std::string(rel), true};
}

// The pattern matches `path` or a folder above it: a rule on a folder covers its contents.
bool covers(const std::string& glob, std::string_view path) {
    std::string_view p = path;
    while (!p.empty()) {
        if (path_glob_match(glob, p)) return true;
        const auto slash = p.find_last_of('/');
        if (slash == std::string_view::npos) break;
        if (slash == 0) return p.size() > 1 && path_glob_match(glob, "/");
        p = p.substr(0, slash);
    }
    return false;
}

// The pattern's fixed part lies in `folder` ("//etc/hosts" is inside /etc).
bool inside(const std::string& glob, std::string_view folder) {
    const std::string_view literal = std::string_view(glob).substr(0, glob.find_first_of("*?["));
    return literal.starts_with(folder) && literal.size() > folder.size() &&
           literal[folder.size()] == '/';
}

// A place: "~/x" in the home folder, "/x" absolute, "x" in the project; `sample` is a file in
// it when it is a folder ("" for a file).
struct Place {
    std::string_view path;
    std::string_view sample;
};

struct Area {
    Reach reach;
    std::string_view what;
    std::array<Place, 9> places;
};

constexpr std::string_view kClaudeSettings =
    "Claude Code's own settings (a write there can grant it every permission or add a hook)";

// Edit targets, strongest first.
constexpr std::array kEditAreas{
    Area{Reach::everything,
         kClaudeSettings,
         {{{"~/.claude/settings.json", ""},
           {"~/.claude/settings.local.json", ""},
           {"~/.claude.json", ""},
           {"~/.claude/hooks", "x.sh"},
           {".claude/settings.json", ""},
           {".claude/settings.local.json", ""}}}},
    Area{Reach::persistence,
         "your shell startup files (what is written there runs in every new shell)",
         {{{"~/.bashrc", ""},
           {"~/.bash_profile", ""},
           {"~/.bash_login", ""},
           {"~/.profile", ""},
           {"~/.zshrc", ""},
           {"~/.zshenv", ""},
           {"~/.zprofile", ""},
           {"~/.zlogin", ""},
           {"~/.config/fish", "config.fish"}}}},
    Area{Reach::persistence,
         "~/.ssh (authorized_keys admits remote logins; config can run commands)",
         {{{"~/.ssh", "authorized_keys"}}}},
    Area{Reach::persistence,
         "autostart folders (what is placed there starts at every login)",
         {{{"~/.config/systemd/user", "x.service"},
           {"~/.config/autostart", "x.desktop"},
           {"~/Library/LaunchAgents", "x.plist"}}}},
    Area{Reach::persistence,
         "git configuration and hooks (code there runs at the next git command)",
         {{{"~/.gitconfig", ""},
           {"~/.config/git", "config"},
           {".git/config", ""},
           {".git/hooks", "pre-commit"}}}},
    Area{Reach::persistence, "system configuration in /etc", {{{"/etc", "profile"}}}},
};

// Read targets outside the project, by what they hold.
constexpr std::array kCredentialAreas{
    Area{Reach::broad, "SSH private keys (~/.ssh)", {{{"~/.ssh", "id_ed25519"}}}},
    Area{Reach::broad, "AWS credentials (~/.aws)", {{{"~/.aws", "credentials"}}}},
    Area{Reach::broad, "GnuPG private keys (~/.gnupg)", {{{"~/.gnupg", "private-keys-v1.d"}}}},
    Area{Reach::broad, "Kubernetes credentials (~/.kube)", {{{"~/.kube", "config"}}}},
    Area{Reach::broad,
         "cloud credentials (gcloud, Azure, GitHub CLI)",
         {{{"~/.config/gcloud", "credentials.db"},
           {"~/.azure", "msal_token_cache.json"},
           {"~/.config/gh", "hosts.yml"}}}},
    Area{Reach::broad,
         "stored passwords and tokens (~/.netrc, ~/.git-credentials, ~/.docker/config.json, "
         "~/.npmrc, ~/.pypirc, ~/.pgpass)",
         {{{"~/.netrc", ""},
           {"~/.git-credentials", ""},
           {"~/.docker", "config.json"},
           {"~/.npmrc", ""},
           {"~/.pypirc", ""},
           {"~/.pgpass", ""},
           {"~/.vault-token", ""}}}},
    Area{Reach::broad,
         "Claude Code's OAuth tokens (~/.claude/.credentials.json)",
         {{{"~/.claude/.credentials.json", ""}}}},
    Area{Reach::broad, "Codex's tokens (~/.codex/auth.json)", {{{"~/.codex/auth.json", ""}}}},
    Area{Reach::broad, "the system password hashes (/etc/shadow)", {{{"/etc/shadow", ""}}}},
};

bool project_place(std::string_view path) {
    return !path.starts_with('~') && !path.starts_with('/');
}

std::string expand(std::string_view path, const std::string& home) {
    return path.starts_with('~') ? home + std::string(path.substr(1)) : std::string(path);
}

std::string sample_of(const Place& place, const std::string& home) {
    std::string path = expand(place.path, home);
    if (!place.sample.empty()) path += "/" + std::string(place.sample);
    return path;
}

// Project patterns count only when they name the folder (.claude, .git) themselves: "*.json"
// matches .claude/settings.json too, but it is not a grant of Claude Code's settings.
bool names_hidden_folder(const PathPattern& p) {
    return p.glob.find(".claude") != std::string::npos || p.glob.find(".git") != std::string::npos;
}

bool reaches(const PathPattern& p, const Place& place, const std::string& home, bool edit) {
    if (place.path.empty() || project_place(place.path) != p.project) return false;
    if (p.project && !names_hidden_folder(p)) return false;
    if (covers(p.glob, sample_of(place, home))) return true;
    return edit && !place.sample.empty() && inside(p.glob, expand(place.path, home));
}

}  // namespace

RuleReach sensitive_edit_reach(std::string_view pattern, std::string_view home_dir) {
    const std::string home = home_folder(home_dir);
    const PathPattern p = normalize(pattern, home);
    for (const Area& area : kEditAreas) {
        for (const Place& place : area.places) {
            if (reaches(p, place, home, true)) return {area.reach, std::string(area.what)};
        }
    }
    return {};
}

RuleReach read_reach(std::string_view pattern, std::string_view home_dir) {
    const std::string home = home_folder(home_dir);
    const PathPattern p = normalize(pattern, home);
    if (p.project) return {};  // the working directory is readable without a rule
    if (covers(p.glob, "/var/lib/x") && covers(p.glob, home + "/.ssh/id_ed25519"))
        return {Reach::broad, "every file on the disk (~/.ssh and ~/.aws included)"};
    if (covers(p.glob, home + "/Documents/x") && covers(p.glob, home + "/.ssh/id_ed25519"))
        return {Reach::broad, "every file in the home folder (~/.ssh and ~/.aws included)"};
    for (const Area& area : kCredentialAreas) {
        for (const Place& place : area.places) {
            if (reaches(p, place, home, false)) return {area.reach, std::string(area.what)};
        }
    }
    return {};
}

}  // namespace claude_code
