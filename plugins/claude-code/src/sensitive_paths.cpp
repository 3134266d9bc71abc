#include "sensitive_paths.hpp"

#include <algorithm>
#include <initializer_list>

#include "common.hpp"
#include "shell_scan.hpp"

namespace claude_code {

namespace {

std::string_view base_name(std::string_view p) {
    while (p.size() > 1 && p.back() == '/')
        p.remove_suffix(1);
    const auto slash = p.find_last_of('/');
    return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

bool starts_with_any(std::string_view p, std::initializer_list<std::string_view> prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](std::string_view x) { return p.starts_with(x); });
}

// .env, .env.local, .env.production, .env* — not .env.example, .env.sample, .env.template, ...
bool env_file(std::string_view name) {
    if (name != ".env" && !name.starts_with(".env.") && name != ".env*") return false;
    const std::string lower = to_lower(name);
    for (const std::string_view sample :
         {"example", "sample", "template", "dist", "default", "schema", "tpl", "skel", "test"}) {
        if (lower.find(sample) != std::string::npos) return false;
    }
    return true;
}

}  // namespace

std::string credential_file(std::string_view path) {
    const std::string p = home_relative(path);
    const std::string_view name = base_name(p);
    if (p.starts_with("~/.ssh/")) {
        if (name.ends_with(".pub") || name == "config" || name == "known_hosts" ||
            name == "authorized_keys" || name.starts_with("known_hosts"))
            return {};
        if (name.starts_with("id_") || name == "*" || name.ends_with("_rsa") ||
            name.ends_with("_ed25519") || name.ends_with("_ecdsa") || name.ends_with("_dsa") ||
            name.ends_with(".pem") || name.ends_with(".key"))
            return "an SSH private key";
        return {};
    }
    struct Known {
        std::string_view path;
        std::string_view what;
    };
    static constexpr Known kFiles[] = {
        {"~/.aws/credentials", "AWS credentials"},
        {"~/.aws/sso/cache/", "AWS SSO tokens"},
        {"~/.netrc", "~/.netrc passwords"},
        {"~/_netrc", "_netrc passwords"},
        {"~/.docker/config.json", "Docker registry credentials"},
        {"~/.kube/config", "Kubernetes credentials"},
        {"~/.config/gcloud/credentials.db", "Google Cloud credentials"},
        {"~/.config/gcloud/access_tokens.db", "Google Cloud tokens"},
        {"~/.config/gcloud/application_default_credentials.json", "Google Cloud credentials"},
        {"~/.config/gcloud/legacy_credentials", "Google Cloud credentials"},
        {"~/.azure/accessTokens.json", "Azure tokens"},
        {"~/.azure/msal_token_cache", "Azure tokens"},
        {"~/.git-credentials", "git credentials"},
        {"~/.npmrc", "npm tokens"},
        {"~/.pypirc", "PyPI credentials"},
        {"~/.gem/credentials", "RubyGems credentials"},
        {"~/.cargo/credentials", "crates.io tokens"},
        {"~/.config/gh/hosts.yml", "GitHub CLI tokens"},
        {"~/.config/hub", "GitHub tokens"},
        {"~/.gnupg/private-keys-v1.d", "GnuPG private keys"},
        {"~/.gnupg/secring.gpg", "GnuPG private keys"},
        {"~/.claude/.credentials.json", "Claude Code OAuth tokens"},
        {"~/.codex/auth.json", "Codex tokens"},
        {"~/.vault-token", "a Vault token"},
        {"~/.terraform.d/credentials.tfrc.json", "Terraform Cloud tokens"},
        {"~/.pgpass", "PostgreSQL passwords"},
        {"~/.my.cnf", "MySQL passwords"},
        {"/etc/shadow", "the system password hashes"},
        {"/etc/gshadow", "the system password hashes"},
        {"/etc/master.passwd", "the system password hashes"},
    };
    for (const Known& k : kFiles) {
        if (p.starts_with(k.path)) return std::string(k.what);
    }
    if (env_file(name)) return "a .env file";
    return {};
}

std::string credential_folder(std::string_view path) {
    std::string p = home_relative(path);
    while (p.size() > 1 && p.back() == '/')
        p.pop_back();
    for (const std::string_view folder : {"~/.ssh", "~/.aws", "~/.gnupg", "~/.kube", "~/.docker",
                                          "~/.config/gcloud", "~/.azure", "~/.config/gh"}) {
        if (p == folder || p == std::string(folder) + "/*") return std::string(folder);
    }
    if (p == "~" || p == "~/*" || p == "~/.*") return "~";
    return {};
}

std::string persistence_location(std::string_view path) {
    const std::string p = home_relative(path);
    const std::string_view name = base_name(p);
    static constexpr std::string_view kStartup[] = {
        "~/.bashrc",        "~/.bash_profile",
        "~/.bash_login",    "~/.profile",
        "~/.zshrc",         "~/.zshenv",
        "~/.zprofile",      "~/.zlogin",
        "~/.xprofile",      "~/.xinitrc",
        "~/.xsessionrc",    "~/.kshrc",
        "~/.cshrc",         "~/.tcshrc",
        "/etc/profile",     "/etc/bashrc",
        "/etc/bash.bashrc", "/etc/zshrc",
        "/etc/zshenv",      "/etc/environment",
        "/etc/rc.local",    "~/.config/fish/config.fish"};
    for (const std::string_view s : kStartup) {
        if (p == s) return "the shell startup file " + p;
    }
    if (starts_with_any(p, {"~/.config/fish/conf.d/", "/etc/profile.d/", "/etc/zsh/",
                            "~/.bashrc.d/", "~/.zshrc.d/", "~/.oh-my-zsh/custom/"}))
        return "a shell startup folder (" + p + ")";
    if (name == "Microsoft.PowerShell_profile.ps1" || name == "profile.ps1" ||
        to_lower(p) == "$profile")
        return "the PowerShell profile";
    if (p == "~/.ssh/authorized_keys" || p.starts_with("~/.ssh/authorized_keys") ||
        p == "~/.ssh/rc")
        return p + " (remote logins)";
    if (starts_with_any(p, {"~/.config/systemd/user", "/etc/systemd/", "/lib/systemd/system",
                            "/usr/lib/systemd/system"}))
        return "a systemd unit folder (" + p + ")";
    if (starts_with_any(
            p, {"~/Library/LaunchAgents", "/Library/LaunchAgents", "/Library/LaunchDaemons"}))
        return "a launchd folder (" + p + ")";
    if (starts_with_any(p, {"~/.config/autostart", "/etc/xdg/autostart"}))
        return "an autostart folder (" + p + ")";
    if (starts_with_any(p, {"/etc/cron", "/var/spool/cron", "/etc/anacrontab", "/etc/init.d/"}))
        return "the system scheduler (" + p + ")";
    if (p == "/etc/ld.so.preload") return "/etc/ld.so.preload (every program loads it)";
    return {};
}

bool history_file(std::string_view path) {
    const std::string p = home_relative(path);
    const std::string_view name = base_name(p);
    for (const std::string_view h :
         {".bash_history", ".zsh_history", ".zhistory", ".sh_history", ".history", "fish_history",
          ".python_history", ".node_repl_history", ".mysql_history", ".psql_history",
          ".sqlite_history", ".lesshst", ".viminfo", ".rediscli_history",
          "ConsoleHost_history.txt"}) {
        if (name == h) return true;
    }
    return false;
}

bool system_log(std::string_view path) {
    const std::string p = home_relative(path);
    return starts_with_any(
        p, {"/var/log", "/var/adm", "/private/var/log", "/Library/Logs", "/var/audit"});
}

}  // namespace claude_code
