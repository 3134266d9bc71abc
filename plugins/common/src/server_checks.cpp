#include "server_checks.hpp"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include <confscope/plugin_common/browser_flags.hpp>
#include <confscope/plugin_common/docker_run.hpp>
#include <confscope/plugin_common/process_environment.hpp>
#include <confscope/plugin_common/shell_commands.hpp>
#include <confscope/plugin_common/text.hpp>

namespace confscope::plugin_common::detail {

namespace {

using sdk::Severity;

std::string server(const ServerEntry& srv) {
    return "MCP server " + quoted(srv.name);
}

// The node holding the command's text (the first element of a command array).
sdk::Node command_position(const ServerEntry& srv) {
    if (srv.args_offset == 1 && srv.args_node.is_array()) return srv.args_node.at(0);
    return srv.command_node ? srv.command_node : srv.entry;
}

std::string arg_label(std::size_t i) {
    return "args[" + std::to_string(i) + "]";
}

bool is_bridge(const ServerEntry& srv) {
    auto bridge_name = [](std::string_view text) {
        const std::string name = command_name(text);
        for (const std::string_view b : {"mcp-remote", "supergateway", "mcp-proxy"}) {
            if (name == b || name.starts_with(std::string(b) + "@")) return true;
        }
        return false;
    };
    return bridge_name(srv.command) || std::any_of(srv.args.begin(), srv.args.end(), bridge_name);
}

// Trailing separators off, except for a root ("/", "C:\").
std::string trimmed_path(std::string_view text) {
    std::string p(text);
    while (p.size() > 1 && (p.back() == '/' || p.back() == '\\'))
        p.pop_back();
    return p;
}

// What a directory granted to a filesystem server covers when it is too broad, or "".
std::string broad_grant(std::string_view arg, std::string_view home) {
    const std::string p = trimmed_path(arg);
    const std::string lower = to_lower(p);
    if (p == "/" || p == "\\") return "the whole file system";
    if (p.size() == 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':')
        return "a whole drive";
    for (const std::string_view h : {"~", "$home", "${home}", "%userprofile%", "${userhome}",
                                     "${env:home}", "${env:userprofile}", "$env:userprofile"}) {
        if (lower == h) return "the home folder";
    }
    if (!home.empty() && p == trimmed_path(home)) return "the home folder";
    if (lower == "/home" || lower == "/users" || lower == "c:\\users" || lower == "c:/users")
        return "every user's home folder";
    return {};
}

bool is_filesystem_package(std::string_view spec) {
    const std::string name = package_name(spec);
    return name == "@modelcontextprotocol/server-filesystem" || name == "mcp-server-filesystem";
}

// node …/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js
bool is_filesystem_script(std::string_view arg) {
    const std::string text = to_lower(arg);
    return text.find("/server-filesystem/") != std::string::npos ||
           text.find("\\server-filesystem\\") != std::string::npos ||
           text.ends_with("/server-filesystem") || text.ends_with("mcp-server-filesystem");
}

// The argument holding inline code that downloads and executes: the code of `python3 -c`,
// `node -e`…, or a shell wrapper's script that runs such an interpreter. Nothing otherwise.
std::optional<std::size_t> inline_download_and_execute(const ServerEntry& srv,
                                                       const std::optional<InlineCode>& code,
                                                       const std::optional<ShellWrapper>& wrapper) {
    if (code && inline_code_downloads_and_executes(code->interpreter, srv.args[code->code_index]))
        return code->code_index;
    if (wrapper && wrapper->flag_index + 1 < srv.args.size()) {
        static const RE2 interpreter(
            R"(\b(python[0-9.]*|node|nodejs|perl|ruby|php|deno|bun|osascript)\b[^;&|]*\s-{1,2}(c|e|E|r|eval)\b)");
        const std::string& script = srv.args[wrapper->flag_index + 1];
        if (RE2::PartialMatch(script, interpreter) &&
            inline_code_downloads_and_executes("", script))
            return wrapper->flag_index + 1;
    }
    return std::nullopt;
}

}  // namespace

void check_pinning(Analysis& a, const ServerEntry& srv,
                   const std::vector<LaunchedPackage>& packages) {
    for (const LaunchedPackage& package : packages) {
        if (package.pinned) continue;
        a.sink.finding("MCP-004", Severity::medium,
                       server(srv) + (package.extra ? " adds " : " runs ") + package.launcher +
                           " package " + quoted(package.spec) + (package.extra ? " (--with)" : "") +
                           " without an exact version; every start may run different code",
                       srv.arg_node(package.arg_index));
    }
}

void check_auto_install(Analysis& a, const ServerEntry& srv,
                        const std::vector<LaunchedPackage>& packages) {
    for (const LaunchedPackage& package : packages) {
        if (package.pinned) continue;
        if (package.from_git) {
            a.sink.finding("MCP-005", Severity::medium,
                           server(srv) + " installs " + quoted(package.spec) + " from git (" +
                               arg_label(package.arg_index) +
                               ") at a branch, tag or default branch, not a full commit; every "
                               "start may run different code",
                           srv.arg_node(package.arg_index));
            continue;
        }
        const std::string& launcher = package.launcher;
        if (package.extra || (launcher != "npx" && launcher != "npm exec" && launcher != "npm x"))
            continue;
        for (std::size_t i = 0; i < package.arg_index && i < srv.args.size(); ++i) {
            const std::string& arg = srv.args[i];
            if (arg != "-y" && arg != "--yes" && arg != "--yes=true") continue;
            a.sink.finding("MCP-005", Severity::low,
                           server(srv) + " runs " + launcher + " " + arg + ": " +
                               quoted(package.spec) +
                               " is installed without asking, whatever the registry serves under "
                               "that name today",
                           srv.arg_node(i));
            break;
        }
    }
}

void check_container(Analysis& a, const ServerEntry& srv) {
    const auto run = container_run(srv.command, srv.args);
    if (!run) return;
    if (run->image_index) {
        const std::string& image = srv.args[*run->image_index];
        if (!image.starts_with('$') && !image_pinned_by_digest(image)) {
            a.sink.finding("MCP-006", Severity::medium,
                           server(srv) + " runs image " + quoted(image) +
                               " by tag; pin it by digest (image@sha256:…)",
                           srv.arg_node(*run->image_index));
        }
    }
    for (const ContainerRun::HostAccess& access : run->host_access) {
        a.sink.finding("MCP-006", Severity::high,
                       server(srv) + " runs its container with " + access.what + " (" +
                           arg_label(access.arg_index) + ")",
                       srv.arg_node(access.arg_index));
    }
}

void check_shell(Analysis& a, const ServerEntry& srv) {
    if (srv.command.empty()) return;
    std::string line = srv.command;
    for (const std::string& arg : srv.args)
        line += " " + arg;
    const std::optional<InlineCode> inline_program = inline_code(srv.command, srv.args);
    const std::optional<ShellWrapper> wrapper = shell_wrapper(srv.command, srv.args);
    if (downloads_and_executes(line)) {
        // Point at the argument that fetches, else at the command.
        const auto fetching = std::find_if(srv.args.begin(), srv.args.end(), [](const auto& arg) {
            const std::string text = to_lower(arg);
            for (const std::string_view tool : {"curl", "wget", "iwr", "irm", "invoke-webrequest",
                                                "invoke-restmethod", "downloadstring"}) {
                if (text.find(tool) != std::string::npos) return true;
            }
            return false;
        });
        const auto i = static_cast<std::size_t>(fetching - srv.args.begin());
        const bool in_args = fetching != srv.args.end();
        a.sink.finding("MCP-008", Severity::critical,
                       server(srv) + " downloads code and executes it at every start (" +
                           (in_args ? arg_label(i) : std::string("its command")) +
                           "); install a reviewed, pinned release and run it by path",
                       in_args ? srv.arg_node(i) : command_position(srv));
    } else if (const std::optional<std::size_t> code =
                   inline_download_and_execute(srv, inline_program, wrapper)) {
        a.sink.finding("MCP-008", Severity::critical,
                       server(srv) +
                           " runs inline code that fetches from the network and "
                           "executes what it gets (" +
                           arg_label(*code) +
                           "); install a reviewed, pinned release and run it by path",
                       srv.arg_node(*code));
    }

    if (wrapper) {
        a.sink.finding("MCP-007", Severity::high,
                       server(srv) + " runs a script through a shell (" + wrapper->shell + " " +
                           wrapper->flag +
                           "); run the server's program directly with its arguments",
                       srv.arg_node(wrapper->flag_index));
        return;
    }
    if (inline_program) {
        a.sink.finding("MCP-007", Severity::high,
                       server(srv) + " runs inline " + inline_program->interpreter + " code (" +
                           inline_program->flag + " in " + arg_label(inline_program->flag_index) +
                           "): the program is hidden in one string; put it in a file and run "
                           "that, or run the server's installed program",
                       srv.arg_node(inline_program->flag_index));
        return;
    }
    if (command_has_shell_syntax(srv.command)) {
        a.sink.finding("MCP-007", Severity::high,
                       server(srv) +
                           " has shell syntax (; | & $( or `) in its command; run one program "
                           "with its arguments",
                       command_position(srv));
        return;
    }
    for (std::size_t i = 0; i < srv.args.size(); ++i) {
        if (!argument_has_shell_syntax(srv.args[i])) continue;
        a.sink.finding("MCP-007", Severity::high,
                       server(srv) + " has shell syntax in " + arg_label(i) +
                           " ($(, a backquote or a shell operator); it only works, or breaks, "
                           "when a shell runs the command",
                       srv.arg_node(i));
        return;
    }
}

void check_environment(Analysis& a, const ServerEntry& srv) {
    const std::string_view home = a.file.home_dir();
    for (const sdk::Node& env : srv.env_node.children()) {
        if (!env.is_scalar()) continue;
        const EnvironmentHijack hijack = environment_hijack(env.key(), env.value(), home);
        if (hijack.why.empty()) continue;
        a.sink.finding("MCP-015", hijack.high ? Severity::high : Severity::medium,
                       server(srv) + " sets env " + std::string(env.key()) + ": " + hijack.why,
                       env);
    }
    // env NAME=value program …: the same variables, set on the command line.
    if (command_name(srv.command) != "env") return;
    for (std::size_t i = 0; i < srv.args.size(); ++i) {
        const std::string& arg = srv.args[i];
        if (arg.starts_with('-')) continue;
        const auto eq = arg.find('=');
        if (eq == std::string::npos || eq == 0) break;  // the program
        const EnvironmentHijack hijack = environment_hijack(
            std::string_view(arg).substr(0, eq), std::string_view(arg).substr(eq + 1), home);
        if (hijack.why.empty()) continue;
        a.sink.finding(
            "MCP-015", hijack.high ? Severity::high : Severity::medium,
            server(srv) + " sets " + arg.substr(0, eq) + " in " + arg_label(i) + ": " + hijack.why,
            srv.arg_node(i));
    }
}

void check_privilege(Analysis& a, const ServerEntry& srv) {
    const std::optional<PrivilegeTool> tool = privilege_tool(srv.command, srv.args);
    if (!tool) return;
    a.sink.finding(
        "MCP-016", Severity::high,
        server(srv) + " starts through " + tool->tool + " (" +
            (tool->arg_index ? arg_label(*tool->arg_index) : std::string("its command")) +
            "): the server, and every tool the model calls through it, runs with "
            "another user's (usually root's) privileges",
        tool->arg_index ? srv.arg_node(*tool->arg_index) : command_position(srv));
}

void check_browser(Analysis& a, const ServerEntry& srv) {
    auto report = [&](const std::vector<UnsafeBrowserFlag>& flags, const std::string& where,
                      const sdk::Node& node) {
        if (flags.empty()) return;
        bool high = false;
        std::string names;
        for (const UnsafeBrowserFlag& f : flags) {
            high = high || f.high;
            names += (names.empty() ? "" : ", ") + f.flag + " (turns off " + f.what + ")";
        }
        a.sink.finding("MCP-017", high ? Severity::high : Severity::medium,
                       server(srv) + " starts a browser with " + names + " in " + where +
                           "; pages the model opens can then reach your machine or your "
                           "sessions",
                       node);
    };
    // The switches of each place, then one finding per place; a debugging port is reported only
    // when no switch of the server already exposes it beyond loopback (that one is high).
    struct Place {
        std::vector<UnsafeBrowserFlag> flags;
        std::string where;
        sdk::Node node;
    };
    std::vector<Place> places;
    if (srv.args_offset == 0)
        places.push_back({unsafe_browser_flags(srv.command), "its command", command_position(srv)});
    for (std::size_t i = 0; i < srv.args.size(); ++i)
        places.push_back({unsafe_browser_flags(srv.args[i]), arg_label(i), srv.arg_node(i)});
    for (const sdk::Node& env : srv.env_node.children()) {
        if (env.is_string())
            places.push_back(
                {unsafe_browser_flags(env.value()), "env " + std::string(env.key()), env});
    }
    const bool exposed = std::any_of(places.begin(), places.end(), [](const Place& p) {
        return std::any_of(p.flags.begin(), p.flags.end(), [](const UnsafeBrowserFlag& f) {
            return f.flag.starts_with("--remote-debugging-address");
        });
    });
    for (Place& place : places) {
        if (exposed)
            std::erase_if(place.flags, [](const UnsafeBrowserFlag& f) {
                return f.flag == "--remote-debugging-port";
            });
        report(place.flags, place.where, place.node);
    }
}

void check_headers_helper(Analysis& a, const ServerEntry& srv) {
    const sdk::Node helper = srv.entry["headersHelper"];
    if (!helper) return;
    const bool project = a.is_project_file();
    a.sink.finding("MCP-009", project ? Severity::high : Severity::medium,
                   server(srv) + " runs a headersHelper shell command to build its headers" +
                       (project ? "; in a project file, the repository chooses the command "
                                  "everyone who opens it runs"
                                : ""),
                   helper);
}

void check_remote_host(Analysis& a, const ServerEntry& srv) {
    if (const std::string_view text = srv.url_node.string_or(""); !text.empty()) {
        const Url url = parse_url(text);
        if (const HostRisk risk = url.valid ? classify_host(url.host) : HostRisk::none;
            risk != HostRisk::none) {
            a.sink.finding(
                "MCP-010", Severity::medium,
                server(srv) + " connects to " + std::string(describe(risk)) + " (" + url.host + ")",
                srv.url_node);
        }
    }
    const bool bridge = is_bridge(srv);
    for (std::size_t i = 0; i < srv.args.size(); ++i) {
        const Url url = parse_url(srv.args[i]);
        if (!url.valid || (url.scheme != "http" && url.scheme != "https" && url.scheme != "ws" &&
                           url.scheme != "wss"))
            continue;
        const HostRisk risk = classify_host(url.host);
        if (risk == HostRisk::none || (risk == HostRisk::private_network && !bridge)) continue;
        a.sink.finding("MCP-010", Severity::medium,
                       server(srv) + " points " + arg_label(i) + " at " +
                           std::string(describe(risk)) + " (" + url.host + ")",
                       srv.arg_node(i));
    }
}

void check_filesystem_grant(Analysis& a, const ServerEntry& srv,
                            const std::optional<LaunchedPackage>& package) {
    std::optional<std::size_t> first;
    if (package && is_filesystem_package(package->spec)) {
        first = package->arg_index + 1;
    } else if (command_name(srv.command) == "mcp-server-filesystem") {
        first = 0;
    } else {
        for (std::size_t i = 0; i < srv.args.size(); ++i) {
            if (is_filesystem_script(srv.args[i])) {
                first = i + 1;
                break;
            }
        }
    }
    if (!first) return;
    for (std::size_t i = *first; i < srv.args.size(); ++i) {
        const std::string& dir = srv.args[i];
        if (dir.starts_with('-') && dir.size() > 1) continue;
        const std::string what = broad_grant(dir, a.file.home_dir());
        if (what.empty()) continue;
        a.sink.finding("MCP-011", Severity::high,
                       server(srv) + ", a filesystem server, is granted " + quoted(dir) + " (" +
                           what + "); grant only the folders it needs",
                       srv.arg_node(i));
    }
}

void check_tls_verification(Analysis& a, const ServerEntry& srv) {
    for (const sdk::Node& env : srv.env_node.children()) {
        if (!env.is_scalar() || !disables_tls_verification(env.key(), env.value())) continue;
        a.sink.finding("AUTH-002", Severity::high,
                       server(srv) + " sets env " + std::string(env.key()) + " to " +
                           quoted(env.value()) +
                           ": TLS certificates are no longer checked; trust your CA (for Node.js "
                           "with NODE_EXTRA_CA_CERTS) instead",
                       env);
    }
    // NAME=value in an argument: `env NODE_TLS_REJECT_UNAUTHORIZED=0 node …`, docker -e, or a
    // shell script.
    static const RE2 assignment(
        R"((?i)(?:^|[\s;&=])(NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY|GIT_SSL_NO_VERIFY|NPM_CONFIG_STRICT_SSL)=['"]?([^\s'";&]*))");
    for (std::size_t i = 0; i < srv.args.size(); ++i) {
        const std::string& arg = srv.args[i];
        re2::StringPiece input(arg);
        std::string name, value;
        while (RE2::FindAndConsume(&input, assignment, &name, &value)) {
            if (!disables_tls_verification(name, value)) continue;
            a.sink.finding("AUTH-002", Severity::high,
                           server(srv) + " sets " + name + "=" + value + " in " + arg_label(i) +
                               ": TLS certificates are no longer checked; trust your CA (for "
                               "Node.js with NODE_EXTRA_CA_CERTS) instead",
                           srv.arg_node(i));
            break;
        }
    }
    // A switch that turns the checks off: curl -k/--insecure as the command, or a server's own
    // --insecure-skip-tls-verify, --no-verify-ssl, --tls-verify=false, ...
    const std::string program = command_name(srv.command);
    for (std::size_t i = 0; i < srv.args.size(); ++i) {
        if (!srv.args[i].starts_with('-')) continue;  // every switch below is an option
        const std::string flag = to_lower(srv.args[i]);
        const bool off =
            flag == "--insecure-skip-tls-verify" || flag == "--insecure-skip-verify" ||
            flag == "--tls-skip-verify" || flag == "--skip-tls-verify" ||
            flag == "--no-verify-ssl" || flag == "--no-ssl-verify" ||
            flag == "--disable-ssl-verification" || flag == "--ssl-no-verify" ||
            flag == "--no-check-certificate" || flag == "--tls-verify=false" ||
            flag == "--verify-ssl=false" || flag == "--ssl-verify=false" ||
            flag == "--tls-insecure" ||
            ((program == "curl" || program == "wget") && (flag == "-k" || flag == "--insecure"));
        if (!off) continue;
        a.sink.finding("AUTH-002", Severity::high,
                       server(srv) + " passes " + srv.args[i] + " in " + arg_label(i) +
                           ": TLS certificates are no longer checked; trust your CA instead",
                       srv.arg_node(i));
        break;
    }
}

namespace {

// An address that means every network interface: 0.0.0.0, ::, [::], *, with or without a port.
bool all_interfaces(std::string_view value) {
    std::string v(value);
    if (!v.empty() && (v.front() == '"' || v.front() == '\'')) v = v.substr(1);
    if (!v.empty() && (v.back() == '"' || v.back() == '\'')) v.pop_back();
    for (const std::string_view any : {"0.0.0.0", "[::]", "::", "*"}) {
        if (v == any) return true;
        if (v.starts_with(any) && v.size() > any.size() && v[any.size()] == ':' && any != "::")
            return true;  // 0.0.0.0:8080, [::]:8080
    }
    return false;
}

}  // namespace

void check_network_exposure(Analysis& a, const ServerEntry& srv) {
    // Inside a container the server listens on the container's own interfaces; what reaches it
    // is decided by -p (MCP-006 judges the container).
    const std::string program = command_name(srv.command);
    if (program == "docker" || program == "podman" || program == "nerdctl") return;
    static constexpr std::string_view kHostOptions[] = {
        "--host",      "--bind",     "--listen",       "--address",
        "--addr",      "--hostname", "--bind-address", "--listen-address",
        "--http-host", "--sse-host", "--server-host"};
    for (std::size_t i = 0; i < srv.args.size(); ++i) {
        if (!srv.args[i].starts_with("--")) continue;  // every host option is a long option
        const std::string arg = to_lower(srv.args[i]);
        std::string_view value;
        for (const std::string_view option : kHostOptions) {
            if (arg == option && i + 1 < srv.args.size()) {
                value = srv.args[i + 1];
            } else if (arg.starts_with(option) && arg.size() > option.size() &&
                       arg[option.size()] == '=') {
                value = std::string_view(srv.args[i]).substr(option.size() + 1);
            }
        }
        if (value.empty() || !all_interfaces(value)) continue;
        a.sink.finding("MCP-018", Severity::medium,
                       server(srv) + " listens on every network interface (" + srv.args[i] +
                           (srv.args[i].find('=') == std::string::npos ? " " + std::string(value)
                                                                       : std::string()) +
                           "): anyone who can reach this machine can call its tools; bind it to "
                           "127.0.0.1",
                       srv.arg_node(i));
        return;
    }
    for (const sdk::Node& env : srv.env_node.children()) {
        if (!env.is_scalar()) continue;
        const std::string name = to_lower(env.key());
        const bool host_variable =
            name == "host" || name == "bind" || name == "bind_address" || name == "listen_addr" ||
            name == "listen_address" || name == "mcp_host" || name == "fastmcp_host" ||
            name == "server_host" || name == "uvicorn_host" || name == "mcp_server_host";
        if (!host_variable || !all_interfaces(env.value())) continue;
        a.sink.finding("MCP-018", Severity::medium,
                       server(srv) + " sets env " + std::string(env.key()) + " to " +
                           quoted(env.value()) +
                           ": it listens on every network interface, so anyone who can reach "
                           "this machine can call its tools; bind it to 127.0.0.1",
                       env);
        return;
    }
}

}  // namespace confscope::plugin_common::detail
