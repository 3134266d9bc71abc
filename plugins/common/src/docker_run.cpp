#include <algorithm>
#include <array>
#include <cctype>

#include <confscope/plugin_common/docker_run.hpp>
#include <confscope/plugin_common/text.hpp>

namespace confscope::plugin_common {

namespace {

// Options of `docker run` (and podman's, nerdctl's) that take a value; every other option is a
// switch. A wrong entry here would shift the image, so the list errs on completeness.
constexpr std::array kValueOptions{
    "--add-host",
    "--annotation",
    "--attach",
    "--blkio-weight",
    "--cap-add",
    "--cap-drop",
    "--cgroup-parent",
    "--cgroupns",
    "--cidfile",
    "--cpu-period",
    "--cpu-quota",
    "--cpu-shares",
    "--cpus",
    "--cpuset-cpus",
    "--cpuset-mems",
    "--device",
    "--device-cgroup-rule",
    "--dns",
    "--dns-option",
    "--dns-search",
    "--domainname",
    "--entrypoint",
    "--env",
    "--env-file",
    "--expose",
    "--gpus",
    "--group-add",
    "--health-cmd",
    "--health-interval",
    "--health-retries",
    "--health-start-period",
    "--health-timeout",
    "--hostname",
    "--ip",
    "--ip6",
    "--ipc",
    "--isolation",
    "--kernel-memory",
    "--label",
    "--label-file",
    "--link",
    "--log-driver",
    "--log-opt",
    "--mac-address",
    "--memory",
    "--memory-reservation",
    "--memory-swap",
    "--memory-swappiness",
    "--mount",
    "--name",
    "--net",
    "--network",
    "--network-alias",
    "--oom-score-adj",
    "--pid",
    "--pids-limit",
    "--platform",
    "--publish",
    "--pull",
    "--restart",
    "--runtime",
    "--security-opt",
    "--shm-size",
    "--stop-signal",
    "--stop-timeout",
    "--storage-opt",
    "--sysctl",
    "--tmpfs",
    "--ulimit",
    "--user",
    "--userns",
    "--uts",
    "--volume",
    "--volume-driver",
    "--volumes-from",
    "--workdir",
    "--arch",
    "--os",
    "--secret",
    "--env-host",
};
// Single-letter options that take a value: -a -c -e -h -l -m -p -u -v -w.
constexpr std::string_view kValueLetters = "acehlmpuvw";

// Options of the engine itself, before the subcommand, that take a value.
constexpr std::array kGlobalValueOptions{"--context", "-c",          "--host",      "-H",
                                         "--config",  "--log-level", "-l",          "--tlscacert",
                                         "--tlscert", "--tlskey",    "--namespace", "-n",
                                         "--root",    "--runroot",   "--url",       "--connection"};

bool takes_value(std::string_view option) {
    return std::find(kValueOptions.begin(), kValueOptions.end(), option) != kValueOptions.end();
}

// The source of a bind mount: "-v SRC:DST[:opts]", "--mount type=bind,source=SRC,target=DST".
std::string volume_source(std::string_view value) {
    // A Windows drive letter ("C:\\x:/y") keeps its colon.
    std::size_t from = 0;
    if (value.size() > 2 && std::isalpha(static_cast<unsigned char>(value[0])) && value[1] == ':')
        from = 2;
    return std::string(value.substr(0, value.find(':', from)));
}

std::string mount_source(std::string_view value) {
    std::size_t pos = 0;
    while (pos <= value.size()) {
        const auto comma = value.find(',', pos);
        const std::string_view part = value.substr(
            pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
        for (const std::string_view key : {"source=", "src="}) {
            if (part.starts_with(key)) return std::string(part.substr(key.size()));
        }
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
    }
    return {};
}

std::string trim_slashes(std::string path) {
    while (path.size() > 1 && (path.back() == '/' || path.back() == '\\'))
        path.pop_back();
    return path;
}

// What a bind-mount source exposes, or "".
std::string mounted_host_path(const std::string& source) {
    const std::string s = trim_slashes(source);
    if (s == "/" || s == "\\") return "a bind mount of the host's /";
    if (s.size() <= 3 && s.size() >= 2 && std::isalpha(static_cast<unsigned char>(s[0])) &&
        s[1] == ':')
        return "a bind mount of the drive root " + s;
    if (s.ends_with("/docker.sock") || s.ends_with("\\docker_engine") ||
        s.ends_with("/podman.sock"))
        return "a bind mount of the container engine socket (" + s + ")";
    return {};
}

void check_option(std::string_view option, std::string_view value, std::size_t value_index,
                  ContainerRun& run) {
    auto report = [&](std::string what) {
        run.host_access.push_back({value_index, std::move(what)});
    };
    const std::string v = to_lower(value);
    if (option == "--volume" || option == "-v") {
        if (std::string what = mounted_host_path(volume_source(value)); !what.empty())
            report(std::move(what));
    } else if (option == "--mount") {
        if (std::string what = mounted_host_path(mount_source(value)); !what.empty())
            report(std::move(what));
    } else if ((option == "--network" || option == "--net") && v == "host") {
        report("--network=host (the host's network, including its loopback services)");
    } else if (option == "--pid" && v == "host") {
        report("--pid=host (every process of the host)");
    } else if (option == "--cap-add" && (v == "all" || v == "sys_admin" || v == "cap_sys_admin")) {
        report("--cap-add " + std::string(value));
    }
}

}  // namespace

bool image_pinned_by_digest(std::string_view image) {
    const auto at = image.find("@sha256:");
    if (at == std::string_view::npos) return false;
    const std::string_view digest = image.substr(at + 8);
    return digest.size() == 64 && std::all_of(digest.begin(), digest.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c));
           });
}

std::optional<ContainerRun> container_run(std::string_view command,
                                          const std::vector<std::string>& args) {
    const std::string engine = command_name(command);
    if (engine != "docker" && engine != "podman" && engine != "nerdctl") return std::nullopt;
    std::size_t i = 0;
    // Global options, then "run" or "container run".
    for (; i < args.size() && args[i].starts_with('-'); ++i) {
        const std::string& a = args[i];
        if (a.find('=') == std::string::npos &&
            std::find(kGlobalValueOptions.begin(), kGlobalValueOptions.end(), a) !=
                kGlobalValueOptions.end())
            ++i;
    }
    if (i < args.size() && args[i] == "container") ++i;
    if (i >= args.size() || args[i] != "run") return std::nullopt;
    ++i;

    ContainerRun run;
    run.engine = engine;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            if (i + 1 < args.size()) run.image_index = i + 1;
            break;
        }
        if (!a.starts_with('-') || a == "-") {
            run.image_index = i;
            break;
        }
        if (a.starts_with("--")) {
            const auto eq = a.find('=');
            const std::string option = a.substr(0, eq);
            if (option == "--privileged") {
                if (eq == std::string::npos || to_lower(a.substr(eq + 1)) != "false")
                    run.host_access.push_back({i, "--privileged"});
                continue;
            }
            if (eq != std::string::npos) {
                check_option(option, std::string_view(a).substr(eq + 1), i, run);
            } else if (takes_value(option) && i + 1 < args.size()) {
                check_option(option, args[i + 1], i + 1, run);
                ++i;
            }
            continue;
        }
        // A cluster of single-letter options: "-it", "-e", "-eKEY=v", "-v/:/host", "-itv".
        for (std::size_t k = 1; k < a.size(); ++k) {
            const char letter = a[k];
            if (kValueLetters.find(letter) == std::string_view::npos) continue;
            const std::string option = std::string("-") + letter;
            if (k + 1 < a.size()) {
                std::string_view value = std::string_view(a).substr(k + 1);
                if (value.starts_with('=')) value.remove_prefix(1);
                check_option(option, value, i, run);
            } else if (i + 1 < args.size()) {
                check_option(option, args[i + 1], i + 1, run);
                ++i;
            }
            break;
        }
    }
    return run;
}

}  // namespace confscope::plugin_common
