#include "hook_behaviour.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <iterator>

#include <re2/re2.h>

#include <confscope/plugin_common/docker_run.hpp>
#include <confscope/plugin_common/shell_commands.hpp>

#include "command_wrappers.hpp"
#include "common.hpp"
#include "sensitive_paths.hpp"
#include "shell_scan.hpp"
#include "shell_words.hpp"

namespace claude_code {

namespace {

bool in(std::string_view word, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool flag(std::string_view w) {
    return w.size() > 1 && w.starts_with('-');
}

// A cluster of short options ("-lvnp") holding letter `c`.
bool short_cluster_has(std::string_view w, char c) {
    return w.size() > 1 && w[0] == '-' && w[1] != '-' && w.find(c) != std::string_view::npos;
}

bool has_arg(const SimpleCommand& c, std::initializer_list<std::string_view> any) {
    return std::any_of(c.args.begin(), c.args.end(),
                       [&](const std::string& a) { return in(a, any); });
}

std::vector<std::string> operands(const SimpleCommand& c) {
    std::vector<std::string> out;
    bool options_done = false;
    for (const std::string& a : c.args) {
        if (a == "--" && !options_done) {
            options_done = true;
            continue;
        }
        if (!options_done && flag(a)) continue;
        out.push_back(a);
    }
    return out;
}

bool posix_shell(std::string_view name) {
    return in(name, {"sh", "bash", "zsh", "dash", "ksh", "ash", "fish"});
}

struct Findings {
    std::array<std::string, 8> why;
    void add(Behaviour b, std::string reason) {
        std::string& slot = why[static_cast<std::size_t>(b)];
        if (slot.empty()) slot = std::move(reason);
    }
};

// ---- files a command writes ------------------------------------------------------------------

std::vector<std::string> written_files(const SimpleCommand& c) {
    std::vector<std::string> out;
    for (const Redirect& r : c.redirects) {
        if (r.kind != Redirect::Kind::read) out.push_back(r.target);
    }
    const std::vector<std::string> ops = operands(c);
    const std::string& p = c.program;
    if (p == "tee") {
        out.insert(out.end(), ops.begin(), ops.end());
    } else if (in(p, {"cp", "mv", "install", "ln", "rsync", "ditto"}) && ops.size() >= 2) {
        out.push_back(ops.back());
    } else if (p == "sed" && std::any_of(c.args.begin(), c.args.end(), [](const std::string& a) {
                   return a == "-i" || a.starts_with("-i") || a == "--in-place";
               })) {
        out.insert(out.end(), ops.begin(), ops.end());
    } else if (p == "dd") {
        for (const std::string& a : c.args) {
            if (a.starts_with("of=")) out.push_back(a.substr(3));
        }
    } else if (p == "curl" || p == "wget") {
        for (std::size_t i = 0; i + 1 < c.args.size(); ++i) {
            if (in(c.args[i], {"-o", "--output", "-O", "--output-document"}))
                out.push_back(c.args[i + 1]);
        }
    } else if (in(p, {"add-content", "set-content", "out-file"})) {
        out.insert(out.end(), ops.begin(), ops.end());
    }
    return out;
}

// ---- HOOK-006: persistence -------------------------------------------------------------------

void persistence(const SimpleCommand& c, Findings& f) {
    const std::string& p = c.program;
    if (p == "crontab" && !has_arg(c, {"-l", "-r", "-h", "--help"})) {
        f.add(Behaviour::persistence, "crontab installs a scheduled job");
    } else if (p == "systemctl" && has_arg(c, {"enable", "link", "reenable"})) {
        f.add(Behaviour::persistence, "systemctl enable installs a service that starts again");
    } else if (p == "launchctl" && !c.args.empty() &&
               in(c.args[0], {"load", "bootstrap", "enable", "submit"})) {
        f.add(Behaviour::persistence, "launchctl " + c.args[0] + " installs a launch agent");
    } else if (p == "loginctl" && has_arg(c, {"enable-linger"})) {
        f.add(Behaviour::persistence, "loginctl enable-linger keeps user services running");
    } else if (p == "schtasks" && std::any_of(c.args.begin(), c.args.end(), [](const auto& a) {
                   return to_lower(a) == "/create";
               })) {
        f.add(Behaviour::persistence, "schtasks /create installs a scheduled task");
    } else if ((p == "reg" && !c.args.empty() && to_lower(c.args[0]) == "add") ||
               p == "new-itemproperty" || p == "set-itemproperty") {
        for (const std::string& a : c.args) {
            if (to_lower(a).find("currentversion\\run") != std::string::npos ||
                to_lower(a).find("currentversion/run") != std::string::npos)
                f.add(Behaviour::persistence, "a Run registry key starts a program at login");
        }
    } else if (p == "at" || p == "batch") {
        f.add(Behaviour::persistence, p + " schedules a job");
    }
    for (const std::string& file : written_files(c)) {
        if (const std::string where = persistence_location(file); !where.empty())
            f.add(Behaviour::persistence, "writes to " + where);
    }
}

// ---- HOOK-007: privilege ---------------------------------------------------------------------

// "world-writable (777)", "setuid (u+s)" or "" for a chmod mode.
std::string risky_mode(std::string_view mode) {
    if (!mode.empty() &&
        std::all_of(mode.begin(), mode.end(), [](char ch) { return ch >= '0' && ch <= '7'; })) {
        if (mode.size() >= 3 &&
            std::string_view("2367").find(mode.back()) != std::string_view::npos)
            return "world-writable (chmod " + std::string(mode) + ")";
        if (mode.size() == 4 &&
            std::string_view("4567").find(mode.front()) != std::string_view::npos)
            return "setuid (chmod " + std::string(mode) + ")";
        return {};
    }
    std::size_t start = 0;
    while (start <= mode.size()) {
        const auto comma = mode.find(',', start);
        const std::string_view clause =
            mode.substr(start, comma == std::string_view::npos ? comma : comma - start);
        const auto op = clause.find_first_of("+=");
        if (op != std::string_view::npos) {
            const std::string_view who = clause.substr(0, op);
            const std::string_view perms = clause.substr(op + 1);
            if (perms.find('s') != std::string_view::npos)
                return "setuid (chmod " + std::string(mode) + ")";
            if (perms.find('w') != std::string_view::npos &&
                who.find_first_of("oa") != std::string_view::npos)
                return "world-writable (chmod " + std::string(mode) + ")";
        }
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return {};
}

bool system_path(std::string_view path) {
    const std::string p = home_relative(path);
    if (p == "/") return true;
    for (const std::string_view dir : {"/etc", "/usr", "/bin", "/sbin", "/lib", "/opt", "/var",
                                       "/boot", "/Library", "/System", "/Applications"}) {
        if (p == dir || (p.starts_with(dir) && p.size() > dir.size() && p[dir.size()] == '/'))
            return true;
    }
    return false;
}

bool self_owner(std::string_view owner) {
    for (const std::string_view me : {"$USER", "${USER}", "$(whoami)", "`whoami`", "$(id -u",
                                      "$UID", "${UID}", "$LOGNAME", "$(id -un)", "$(logname)"}) {
        if (owner.starts_with(me)) return true;
    }
    return false;
}

void privilege(const SimpleCommand& c, Findings& f) {
    const std::string& p = c.program;
    std::string how;  // the privileged wrapper in front of the program
    for (const std::string& w : c.wrappers) {
        if (how.empty() && privileged_wrapper(w)) how = w;
    }
    if (!how.empty()) {
        // sudo -l, sudo -v, sudo -n true: a check, nothing runs.
        const bool check_only = c.program.empty() || in(c.program, {"true", ":"});
        if (!check_only) f.add(Behaviour::privilege, how + " runs " + c.program + " as root");
    } else if (p == "su" || p == "runuser") {
        f.add(Behaviour::privilege, p + " switches to another user");
    }
    const std::vector<std::string> ops = operands(c);
    if (p == "chmod" && !ops.empty()) {
        if (const std::string risk = risky_mode(ops.front()); !risk.empty())
            f.add(Behaviour::privilege, "makes files " + risk);
    } else if ((p == "chown" || p == "chgrp") && ops.size() >= 2 && !self_owner(ops.front())) {
        const bool to_root = p == "chown" && (ops.front().starts_with("root") ||
                                              ops.front() == "0" || ops.front().starts_with("0:"));
        const bool on_system = std::any_of(ops.begin() + 1, ops.end(),
                                           [](const std::string& o) { return system_path(o); });
        if (to_root || on_system)
            f.add(Behaviour::privilege, p + " " + ops.front() + " changes who owns " +
                                            (on_system ? "system files" : "files"));
    } else if (p == "visudo" || p == "setcap") {
        f.add(Behaviour::privilege, p + " changes who may do what as root");
    } else if ((p == "usermod" || p == "gpasswd" || p == "adduser" || p == "dscl") &&
               std::any_of(c.args.begin(), c.args.end(), [](const std::string& a) {
                   const std::string l = to_lower(a);
                   for (const std::string_view g : {"sudo", "wheel", "admin", "docker", "root"}) {
                       if (l == g || l.find("," + std::string(g)) != std::string::npos ||
                           l.starts_with(std::string(g) + ",") || l == "/groups/" + std::string(g))
                           return true;
                   }
                   return false;
               })) {
        f.add(Behaviour::privilege, p + " adds a user to an administrators group");
    }
    if (const auto run = container_run(c.program_word, c.args); run) {
        for (const auto& access : run->host_access) {
            if (access.what.starts_with("--network")) continue;
            f.add(Behaviour::privilege, run->engine + " run gives the container " + access.what);
            break;
        }
    }
    for (const std::string& file : written_files(c)) {
        const std::string h = home_relative(file);
        if (h.starts_with("/etc/sudoers"))
            f.add(Behaviour::privilege, "writes to " + h + " (who may use sudo)");
    }
}

// ---- HOOK-008: listeners and reverse shells --------------------------------------------------

struct ShellContext {
    bool interactive_shell = false;  // sh -i, or a bare sh in a pipeline
    bool network_client = false;     // nc, ncat, telnet, socat, openssl s_client
    bool dev_tcp = false;            // /dev/tcp or /dev/udp
};

bool socket_code(std::string_view code) {
    const std::string l = to_lower(code);
    const bool socket = l.find("socket") != std::string::npos ||
                        l.find("fsockopen") != std::string::npos ||
                        l.find("require('net')") != std::string::npos ||
                        l.find("require(\"net\")") != std::string::npos ||
                        l.find("createconnection") != std::string::npos;
    const bool shell_out =
        l.find("subprocess") != std::string::npos || l.find("pty.spawn") != std::string::npos ||
        l.find("os.dup2") != std::string::npos || l.find("/bin/sh") != std::string::npos ||
        l.find("/bin/bash") != std::string::npos || l.find("cmd.exe") != std::string::npos ||
        l.find("child_process") != std::string::npos || l.find("exec(") != std::string::npos ||
        l.find("popen") != std::string::npos || l.find("proc_open") != std::string::npos ||
        l.find("shell_exec") != std::string::npos || l.find("system(") != std::string::npos;
    return socket && shell_out;
}

void listener(const SimpleCommand& c, Findings& f, ShellContext& ctx) {
    const std::string& p = c.program;
    const std::vector<std::string>& a = c.args;
    for (const std::string& w : a) {
        if (w.find("/dev/tcp/") != std::string::npos || w.find("/dev/udp/") != std::string::npos)
            ctx.dev_tcp = true;
    }
    for (const Redirect& r : c.redirects) {
        if (r.target.find("/dev/tcp/") != std::string::npos ||
            r.target.find("/dev/udp/") != std::string::npos)
            ctx.dev_tcp = true;
    }
    if (posix_shell(p)) {
        const bool interactive = std::any_of(a.begin(), a.end(), [](const std::string& w) {
            return short_cluster_has(w, 'i') && !short_cluster_has(w, 'c');
        });
        if (interactive || a.empty()) ctx.interactive_shell = true;
    }
    if (in(p, {"nc", "ncat", "netcat"})) {
        const bool listens = std::any_of(a.begin(), a.end(), [](const std::string& w) {
            return w == "--listen" || (short_cluster_has(w, 'l') && !w.starts_with("--"));
        });
        const bool executes = std::any_of(a.begin(), a.end(), [](const std::string& w) {
            return in(w, {"-e", "-c", "--exec", "--sh-exec", "--lua-exec"}) ||
                   (w.starts_with("-e") && w.size() > 2 && w[2] == '/');
        });
        if (executes) {
            f.add(Behaviour::listener, p + " " + "-e hands a shell to a network connection");
        } else if (listens) {
            f.add(Behaviour::listener, p + " -l listens on a port");
        } else if (!std::any_of(a.begin(), a.end(),
                                [](const std::string& w) { return short_cluster_has(w, 'z'); })) {
            ctx.network_client = true;
        }
    } else if (p == "socat") {
        bool exec = false, net = false;
        for (const std::string& w : a) {
            const std::string l = to_lower(w);
            if (l.find("-listen:") != std::string::npos && !l.starts_with("unix"))
                f.add(Behaviour::listener,
                      "socat " + w.substr(0, w.find(':')) + " listens on a port");
            if (l.starts_with("exec:") || l.starts_with("system:")) exec = true;
            if (l.starts_with("tcp") || l.starts_with("openssl") || l.starts_with("udp") ||
                l.starts_with("ssl"))
                net = true;
        }
        if (exec && net) f.add(Behaviour::listener, "socat connects a program to the network");
        if (net) ctx.network_client = true;
    } else if (p == "telnet" || (p == "openssl" && !a.empty() && a[0] == "s_client")) {
        ctx.network_client = true;
    } else if (p == "python") {
        for (std::size_t i = 0; i + 1 < a.size(); ++i) {
            const bool loopback = std::any_of(a.begin(), a.end(), [](const std::string& w) {
                return in(w, {"127.0.0.1", "localhost", "::1"});
            });
            if (a[i] == "-m" && !loopback &&
                in(a[i + 1], {"http.server", "SimpleHTTPServer", "pyftpdlib", "smtpd", "aiosmtpd",
                              "uploadserver"}))
                f.add(Behaviour::listener, "python -m " + a[i + 1] + " serves files on a port");
            if (a[i] == "-c" && socket_code(a[i + 1]))
                f.add(Behaviour::listener, "python -c connects a shell to a socket");
        }
    } else if (p == "php") {
        if (has_arg(c, {"-S"})) f.add(Behaviour::listener, "php -S serves files on a port");
        for (std::size_t i = 0; i + 1 < a.size(); ++i) {
            if (a[i] == "-r" && socket_code(a[i + 1]))
                f.add(Behaviour::listener, "php -r connects a shell to a socket");
        }
    } else if (p == "ruby" || p == "perl" || p == "node" || p == "lua") {
        const bool httpd = p == "ruby" && has_arg(c, {"-run", "-rrun"}) &&
                           std::any_of(a.begin(), a.end(), [](const std::string& w) {
                               return w.find("httpd") != std::string::npos;
                           });
        if (httpd) f.add(Behaviour::listener, "ruby -run -e httpd serves files on a port");
        for (std::size_t i = 0; i + 1 < a.size(); ++i) {
            if (in(a[i], {"-e", "-E", "--eval"}) && socket_code(a[i + 1]))
                f.add(Behaviour::listener, p + " " + a[i] + " connects a shell to a socket");
        }
    } else if (p == "busybox" && !a.empty() && a[0] == "httpd") {
        f.add(Behaviour::listener, "busybox httpd serves files on a port");
    } else if (p == "ssh" && std::any_of(a.begin(), a.end(), [](const std::string& w) {
                   return w == "-R" || (short_cluster_has(w, 'R') && w.size() <= 6);
               })) {
        f.add(Behaviour::listener, "ssh -R opens a port on a remote host into this machine");
    } else if ((p == "ngrok" && !a.empty() && in(a[0], {"http", "tcp", "tls", "start"})) ||
               (p == "cloudflared" && has_arg(c, {"tunnel"})) ||
               ((p == "lt" || p == "localtunnel") && has_arg(c, {"--port", "-p"})) ||
               (p == "bore" && has_arg(c, {"local"})) ||
               (p == "tailscale" && has_arg(c, {"funnel"}))) {
        f.add(Behaviour::listener, p + " exposes a local port to the internet");
    }
}

// ---- HOOK-009: history and log wiping ----------------------------------------------------------

void history_wipe(const SimpleCommand& c, Findings& f) {
    std::vector<std::string> settings = c.assignments;
    const std::string& p = c.program;
    if (in(p, {"export", "declare", "typeset", "local", "readonly"}))
        settings.insert(settings.end(), c.args.begin(), c.args.end());
    for (const std::string& s : settings) {
        const auto eq = s.find('=');
        if (eq == std::string::npos) continue;
        const std::string name = s.substr(0, eq), value = s.substr(eq + 1);
        if ((name == "HISTFILE" && (value.empty() || value == "/dev/null")) ||
            (in(name, {"HISTSIZE", "HISTFILESIZE", "SAVEHIST"}) && value == "0"))
            f.add(Behaviour::history_wipe, s + " turns shell history off");
    }
    if (p == "unset" && has_arg(c, {"HISTFILE"})) {
        f.add(Behaviour::history_wipe, "unset HISTFILE turns shell history off");
    } else if (p == "set" && has_arg(c, {"+o"}) && has_arg(c, {"history"})) {
        f.add(Behaviour::history_wipe, "set +o history turns shell history off");
    } else if (p == "history" && std::any_of(c.args.begin(), c.args.end(), [](const auto& a) {
                   return short_cluster_has(a, 'c') || a == "-d";
               })) {
        f.add(Behaviour::history_wipe, "history -c clears the shell history");
    } else if (p == "clear-history") {
        f.add(Behaviour::history_wipe, "Clear-History clears the PowerShell history");
    } else if (p == "journalctl" && std::any_of(c.args.begin(), c.args.end(), [](const auto& a) {
                   return a.starts_with("--vacuum");
               })) {
        f.add(Behaviour::history_wipe, "journalctl --vacuum deletes the system journal");
    } else if ((p == "wevtutil" && !c.args.empty() &&
                in(to_lower(c.args[0]), {"cl", "clear-log"})) ||
               p == "clear-eventlog") {
        f.add(Behaviour::history_wipe, p + " clears a Windows event log");
    } else if (p == "log" && !c.args.empty() && c.args[0] == "erase") {
        f.add(Behaviour::history_wipe, "log erase deletes the macOS unified log");
    }
    const bool deleter = in(
        p, {"rm", "shred", "srm", "unlink", "truncate", "wipe", "remove-item", "del", "ln", "cp"});
    std::vector<std::string> targets;
    if (deleter) {
        const std::vector<std::string> ops = operands(c);
        // ln -sf /dev/null FILE and cp /dev/null FILE empty the file; other copies do not.
        if ((p == "ln" || p == "cp")) {
            if (ops.size() == 2 && ops[0] == "/dev/null") targets.push_back(ops[1]);
        } else {
            targets = ops;
        }
    }
    for (const Redirect& r : c.redirects) {
        if (r.kind == Redirect::Kind::write) targets.push_back(r.target);
    }
    for (const std::string& t : targets) {
        if (history_file(t) || to_lower(t).find("historysavepath") != std::string::npos) {
            f.add(Behaviour::history_wipe, "erases the history file " + home_relative(t));
        } else if (system_log(t)) {
            f.add(Behaviour::history_wipe, "erases the system log " + t);
        }
    }
}

// ---- HOOK-010: credentials -------------------------------------------------------------------

bool reader(std::string_view p) {
    return in(p,
              {"cat",     "bat",     "batcat", "head",   "tail",        "less",   "more",   "tac",
               "nl",      "strings", "xxd",    "od",     "hexdump",     "base64", "base32", "cp",
               "scp",     "rsync",   "tar",    "zip",    "7z",          "gzip",   "bzip2",  "xz",
               "openssl", "gpg",     "awk",    "gawk",   "sed",         "jq",     "yq",     "sort",
               "uniq",    "cut",     "xclip",  "pbcopy", "get-content", "gc",     "type",   "grep",
               "egrep",   "fgrep",   "rg",     "ag",     "curl",        "wget",   "http",   "https",
               "nc",      "ncat",    "dd",     "sops",   "ditto",       "install"});
}

std::string credential_read_by(const SimpleCommand& c) {
    const std::string& p = c.program;
    for (const Redirect& r : c.redirects) {
        if (r.kind != Redirect::Kind::read) continue;
        if (const std::string what = credential_file(r.target); !what.empty())
            return (p.empty() ? std::string("a redirection") : p) + " reads " + what + " (" +
                   home_relative(r.target) + ")";
    }
    if (p == "security" && !c.args.empty()) {
        if (c.args[0] == "dump-keychain") return "security dump-keychain dumps the keychain";
        const bool prints = std::any_of(c.args.begin() + 1, c.args.end(), [](const auto& a) {
            return short_cluster_has(a, 'w') || short_cluster_has(a, 'g');
        });
        if (in(c.args[0], {"find-generic-password", "find-internet-password"}) && prints)
            return "security " + c.args[0] + " prints a keychain password";
    }
    if (p == "secret-tool" && has_arg(c, {"lookup"}))
        return "secret-tool lookup prints a stored secret";
    if (p == "gpg" && has_arg(c, {"--export-secret-keys", "--export-secret-subkeys"}))
        return "gpg exports private keys";
    if (!reader(p)) return {};
    if (in(p, {"grep", "egrep", "fgrep", "rg", "ag"}) &&
        std::any_of(c.args.begin(), c.args.end(), [](const std::string& a) {
            return in(a, {"--quiet", "--silent", "--count", "--files-with-matches",
                          "--files-without-match"}) ||
                   (a.size() > 1 && a[0] == '-' && a[1] != '-' &&
                    a.find_first_of("qlLc") != std::string::npos);
        }))
        return {};
    if (p == "sed" && std::any_of(c.args.begin(), c.args.end(), [](const std::string& a) {
            return a.starts_with("-i") || a == "--in-place";
        }))
        return {};
    const bool copier = in(p, {"cp", "scp", "rsync", "tar", "zip", "7z", "ditto", "install"});
    // A copy's last operand is where it writes, not what it reads.
    std::vector<std::string> sources = c.args;
    if (in(p, {"cp", "scp", "rsync", "ditto", "install"})) {
        const std::vector<std::string> ops = operands(c);
        if (!ops.empty()) {
            const auto last = std::find(sources.rbegin(), sources.rend(), ops.back());
            if (last != sources.rend()) sources.erase(std::next(last).base());
        }
    }
    for (const std::string& arg : sources) {
        std::string path = arg;
        if (const auto at = path.find('@');
            at != std::string::npos && in(p, {"curl", "wget", "http", "https"}))
            path = path.substr(at + 1, path.find(';', at) - at - 1);
        if (path.starts_with("if=")) path = path.substr(3);
        if (flag(path)) continue;
        if (const std::string what = credential_file(path); !what.empty())
            return p + " reads " + what + " (" + home_relative(path) + ")";
        if (copier) {
            if (const std::string folder = credential_folder(path); !folder.empty())
                return p + " copies " + folder + ", which holds credentials";
        }
    }
    return {};
}

// ---- HOOK-011: package installs --------------------------------------------------------------

bool local_package(std::string_view spec) {
    return spec == "." || spec.starts_with("./") || spec.starts_with("../") ||
           spec.starts_with('/') || spec.starts_with("~/") || spec.starts_with("file:") ||
           spec.ends_with(".whl") || spec.ends_with(".tar.gz") || spec.ends_with(".gem") ||
           spec.ends_with(".tgz") || spec.ends_with(".zip");
}

// pip install ARGS: the packages named from a registry (not -r files, -e paths, local paths).
std::vector<std::string> pip_packages(const std::vector<std::string>& args, std::size_t from) {
    std::vector<std::string> out;
    for (std::size_t i = from; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (in(a, {"-r",
                   "--requirement",
                   "-c",
                   "--constraint",
                   "-e",
                   "--editable",
                   "-i",
                   "--index-url",
                   "--extra-index-url",
                   "-t",
                   "--target",
                   "--prefix",
                   "-f",
                   "--find-links",
                   "--root",
                   "--python",
                   "-p",
                   "--group",
                   "--python-version",
                   "--platform",
                   "--src",
                   "--cache-dir",
                   "--trusted-host",
                   "--only-binary",
                   "--no-binary"})) {
            ++i;
            continue;
        }
        if (flag(a)) continue;
        if (!local_package(a)) out.push_back(a);
    }
    return out;
}

std::string package_install(const SimpleCommand& c) {
    const std::string& p = c.program;
    const std::vector<std::string>& a = c.args;
    const auto sub = [&](std::size_t i) -> std::string { return i < a.size() ? a[i] : ""; };
    const auto global = std::any_of(a.begin(), a.end(), [](const std::string& w) {
        return in(w, {"-g", "--global", "--location=global"});
    });
    const std::vector<std::string> ops = operands(c);
    const std::string first = ops.empty() ? "" : ops[0];
    if (in(p, {"npm", "pnpm", "bun"}) && global &&
        in(first, {"install", "i", "add", "in", "isntall", "update", "up"}))
        return p + " " + first + " -g installs a package for the whole machine";
    if (p == "yarn" && first == "global" && ops.size() > 1 && ops[1] == "add")
        return "yarn global add installs a package for the whole machine";
    // pip install, python -m pip install, uv pip install
    std::size_t pip_at = std::string::npos;
    if (p == "pip" && first == "install") pip_at = 0;
    if (p == "python" && sub(0) == "-m" && sub(1) == "pip" && sub(2) == "install") pip_at = 2;
    if (p == "uv" && sub(0) == "pip" && sub(1) == "install") pip_at = 1;
    if (pip_at != std::string::npos) {
        std::size_t at = 0;
        if (p == "pip") {
            at = static_cast<std::size_t>(std::find(a.begin(), a.end(), "install") - a.begin());
        } else {
            at = pip_at;
        }
        const std::vector<std::string> pkgs = pip_packages(a, at + 1);
        if (!pkgs.empty()) return "pip install " + pkgs.front() + " installs a package from PyPI";
        return {};
    }
    if (p == "uv" && ((sub(0) == "tool" && sub(1) == "install") || sub(0) == "add")) {
        const std::vector<std::string> pkgs = pip_packages(a, sub(0) == "add" ? 1 : 2);
        if (!pkgs.empty())
            return std::string(sub(0) == "add" ? "uv add " : "uv tool install ") + pkgs.front() +
                   " installs a package from PyPI";
    }
    if (p == "pipx" && in(first, {"install", "inject"}))
        return "pipx " + first + " installs a package";
    if (in(p, {"gem", "cargo", "go"}) && first == "install") {
        if (has_arg(c, {"--path"})) return {};
        const bool named = std::any_of(ops.begin() + 1, ops.end(), [&](const std::string& o) {
            return !local_package(o) && !(p == "go" && o.starts_with("./"));
        });
        if (named) return p + " install installs a package";
        return {};
    }
    if (in(p, {"brew", "port", "snap", "choco", "winget", "scoop", "conda", "mamba", "micromamba",
               "apt", "apt-get", "aptitude", "dnf", "yum", "zypper", "microdnf"}) &&
        in(first, {"install", "reinstall"}) && ops.size() > 1)
        return p + " " + first + " installs " + ops[1];
    if (p == "apk" && first == "add" && ops.size() > 1) return "apk add installs " + ops[1];
    if (p == "pacman" && std::any_of(a.begin(), a.end(), [](const std::string& w) {
            return short_cluster_has(w, 'S') && w.find_first_of("sigl") == std::string::npos;
        }))
        return "pacman -S installs packages";
    if (p == "dotnet" && sub(0) == "tool" && sub(1) == "install")
        return "dotnet tool install installs a tool";
    if (in(p, {"install-module", "install-package", "install-script"}))
        return c.program_word + " installs a PowerShell package";
    if (p == "composer" && sub(0) == "global" && sub(1) == "require")
        return "composer global require installs a package for the whole machine";
    return {};
}

// ---- AUTH-002: TLS verification off ---------------------------------------------------------

// The variable settings that turn certificate checks off for what runs after them.
std::string tls_off_setting(std::string_view setting) {
    const auto eq = setting.find('=');
    if (eq == std::string_view::npos) return {};
    const std::string name(setting.substr(0, eq));
    const std::string value = to_lower(setting.substr(eq + 1));
    const bool off = value == "0" || value == "false" || value == "no";
    const bool on = value == "1" || value == "true" || value == "yes";
    if ((name == "NODE_TLS_REJECT_UNAUTHORIZED" && off) || (name == "PYTHONHTTPSVERIFY" && off) ||
        (name == "GIT_SSL_NO_VERIFY" && (on || value.empty())))
        return std::string(setting);
    return {};
}

void tls_off(const SimpleCommand& c, Findings& f) {
    std::vector<std::string> settings = c.assignments;
    if (in(c.program, {"export", "declare", "typeset", "local", "env", "set"}))
        settings.insert(settings.end(), c.args.begin(), c.args.end());
    for (const std::string& s : settings) {
        if (std::string what = tls_off_setting(s); !what.empty()) f.add(Behaviour::tls_off, what);
    }
    const std::string& p = c.program;
    const std::vector<std::string>& a = c.args;
    if (p == "curl") {
        for (const std::string& w : a) {
            if (w == "--insecure" || w == "--proxy-insecure") {
                f.add(Behaviour::tls_off, "curl " + w);
                return;
            }
            if (w.size() < 2 || w[0] != '-' || w[1] == '-') continue;
            // -sk, -kfsSL: letters up to the first one that takes a value.
            for (std::size_t k = 1; k < w.size(); ++k) {
                if (w[k] == 'k') {
                    f.add(Behaviour::tls_off, "curl -k");
                    return;
                }
                if (std::string_view("dFTHouAebcxmwrKEXYyzCU").find(w[k]) != std::string_view::npos)
                    break;
            }
        }
    } else if (p == "wget" && has_arg(c, {"--no-check-certificate"})) {
        f.add(Behaviour::tls_off, "wget --no-check-certificate");
    } else if (in(p, {"http", "https", "xh"}) &&
               std::any_of(a.begin(), a.end(), [](const std::string& w) {
                   return w == "--verify=no" || w == "--verify=false" || w == "--ignore-ssl";
               })) {
        f.add(Behaviour::tls_off, p + " --verify=no");
    } else if (p == "git") {
        for (std::size_t i = 0; i + 1 < a.size(); ++i) {
            const std::string l = to_lower(a[i]) + "=" + to_lower(a[i + 1]);
            if ((a[i] == "-c" && to_lower(a[i + 1]) == "http.sslverify=false") ||
                l == "http.sslverify=false")
                f.add(Behaviour::tls_off, "git http.sslVerify=false");
        }
    } else if (in(p, {"pip", "uv"}) && has_arg(c, {"--trusted-host"})) {
        f.add(Behaviour::tls_off, p + " --trusted-host");
    } else if (in(p, {"npm", "yarn", "pnpm"})) {
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string l = to_lower(a[i]);
            if (l == "--strict-ssl=false" ||
                (l == "strict-ssl" && i + 1 < a.size() && to_lower(a[i + 1]) == "false"))
                f.add(Behaviour::tls_off, p + " strict-ssl false");
        }
    }
}

// ---- HOOK-012: destruction -------------------------------------------------------------------

// A tree whose removal destroys far more than a hook's own files: the disk, every user's home,
// the home folder, a system folder, a drive root, or the whole project the hook runs in ("*",
// ".", "$CLAUDE_PROJECT_DIR"). Named below, or everything in it ("~/*", "/*").
std::string precious_tree(std::string_view path) {
    std::string p = home_relative(path);
    for (bool trimmed = true; trimmed && p.size() > 1;) {
        trimmed = false;
        for (const std::string_view tail : {"/*", "/.", "/.*", "/"}) {
            if (p.size() > tail.size() && p.ends_with(tail)) {
                p.erase(p.size() - tail.size());
                trimmed = true;
            }
        }
    }
    if (p.empty()) return {};
    if (p == "~") return "the home folder";
    if (in(p, {"*", ".", "./*", "$CLAUDE_PROJECT_DIR", "${CLAUDE_PROJECT_DIR}", "$PWD", "${PWD}"}))
        return "the whole project";
    if (in(p, {"/", "/*", "/home", "/Users", "/root"})) return p == "/*" ? "/" : p;
    if (in(p, {"/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/boot", "/var", "/opt",
               "/System", "/Library", "/Applications"}))
        return p;
    const std::string l = to_lower(p);
    if (l.size() == 2 && std::isalpha(static_cast<unsigned char>(l[0])) && l[1] == ':')
        return "the drive " + p;
    if (in(l, {"c:/windows", "c:/users", "c:/program files"})) return p;
    return {};
}

// A whole disk or partition: /dev/sda, /dev/nvme0n1, /dev/disk2, /dev/mmcblk0p1, /dev/mapper/x.
bool block_device(std::string_view path) {
    static const RE2 device(
        R"(/dev/(sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|r?disk\d|md\d|dm-\d|mapper/).*)");
    return RE2::FullMatch(re2::StringPiece(path.data(), path.size()), device);
}

void destruction(const SimpleCommand& c, Findings& f) {
    const std::string& p = c.program;
    const std::vector<std::string> ops = operands(c);
    const auto any_arg = [&](auto&& test) {
        return std::any_of(c.args.begin(), c.args.end(), test);
    };
    const auto first_precious = [&](const std::vector<std::string>& paths) -> std::string {
        for (const std::string& path : paths) {
            if (std::string what = precious_tree(path); !what.empty()) return what;
        }
        return {};
    };
    if (p == "rm") {
        const bool recursive = any_arg([](const std::string& a) {
            return a == "--recursive" || short_cluster_has(a, 'r') || short_cluster_has(a, 'R');
        });
        if (has_arg(c, {"--no-preserve-root"})) {
            f.add(Behaviour::destruction, "rm --no-preserve-root deletes the whole disk");
        } else if (recursive) {
            if (const std::string what = first_precious(ops); !what.empty())
                f.add(Behaviour::destruction, "rm -r deletes " + what);
        }
    } else if (in(p, {"remove-item", "ri", "rd", "rmdir", "del", "erase"})) {
        // PowerShell Remove-Item -Recurse, cmd rd /s and del /s.
        const bool recursive = any_arg([](const std::string& a) {
            const std::string l = to_lower(a);
            return l.starts_with("-r") || l == "/s";
        });
        std::vector<std::string> paths;
        for (const std::string& a : c.args) {
            if (!a.starts_with('-') && !a.starts_with('/'))
                paths.push_back(a);
            else if (a.size() > 1 && a[0] == '/' && a[1] != 's' && a[1] != 'S' && a[1] != 'q' &&
                     a[1] != 'Q')
                paths.push_back(a);
        }
        if (recursive) {
            if (const std::string what = first_precious(paths); !what.empty())
                f.add(Behaviour::destruction, c.program_word + " deletes " + what);
        }
    } else if (in(p, {"find", "gfind"}) && !ops.empty()) {
        const bool deletes = any_arg([](const std::string& a) { return a == "-delete"; }) ||
                             (has_arg(c, {"-exec", "-execdir"}) && has_arg(c, {"rm"}));
        // find . -name '*.pyc' -delete removes what it names; find ~ -type f -delete everything.
        const bool filtered = has_arg(
            c, {"-name",     "-iname", "-path",  "-ipath", "-wholename", "-iwholename", "-regex",
                "-iregex",   "-newer", "-mtime", "-mmin",  "-atime",     "-amin",       "-ctime",
                "-cmin",     "-size",  "-empty", "-user",  "-group",     "-perm",       "-links",
                "-samefile", "-inum",  "-lname", "-ilname"});
        if (deletes && !filtered) {
            if (const std::string what = precious_tree(ops.front()); !what.empty())
                f.add(Behaviour::destruction, "find -delete deletes " + what);
        }
    } else if (((p.starts_with("mkfs") || p == "wipefs") && !ops.empty()) ||
               (p == "diskutil" && !c.args.empty() &&
                in(to_lower(c.args[0]), {"erasedisk", "erasevolume", "zerodisk", "randomdisk",
                                         "secureerase", "partitiondisk"}))) {
        f.add(Behaviour::destruction, c.program_word + " erases a disk");
    } else if (p == "format" && !ops.empty() &&
               precious_tree(ops.front()).starts_with("the drive")) {
        f.add(Behaviour::destruction, "format erases " + ops.front());
    } else if (in(p, {"shred", "wipe"}) &&
               std::any_of(ops.begin(), ops.end(), [](const auto& o) { return block_device(o); })) {
        f.add(Behaviour::destruction, p + " overwrites a disk");
    }
    for (const std::string& target : written_files(c)) {
        if (block_device(target)) {
            f.add(Behaviour::destruction, "writes over the disk " + target);
            break;
        }
    }
}

}  // namespace

std::vector<BehaviourFinding> hook_behaviours(std::string_view command) {
    Findings f;
    ShellContext ctx;
    for (const SimpleCommand& c : simple_commands(command)) {
        persistence(c, f);
        privilege(c, f);
        listener(c, f, ctx);
        history_wipe(c, f);
        if (std::string why = credential_read_by(c); !why.empty())
            f.add(Behaviour::credential_read, std::move(why));
        if (std::string why = package_install(c); !why.empty())
            f.add(Behaviour::package_install, std::move(why));
        tls_off(c, f);
        destruction(c, f);
    }
    if (ctx.interactive_shell && (ctx.network_client || ctx.dev_tcp))
        f.add(Behaviour::listener, "connects an interactive shell to the network (reverse shell)");
    std::vector<BehaviourFinding> out;
    for (std::size_t k = 0; k < f.why.size(); ++k) {
        if (!f.why[k].empty()) out.push_back({static_cast<Behaviour>(k), f.why[k]});
    }
    return out;
}

bool runs_downloaded_code(std::string_view command) {
    return downloads_and_executes(command);
}

std::string credential_read(std::string_view command) {
    for (const SimpleCommand& c : simple_commands(command)) {
        if (std::string why = credential_read_by(c); !why.empty()) return why;
    }
    return {};
}

}  // namespace claude_code
