// The Linux implementation of current_os() and the host facts (chosen in CMake).
#include <array>
#include <pwd.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <confscope/platform/os.hpp>

extern char** environ;

namespace confscope::platform {

Os current_os() {
    return Os::linux;
}

Environment process_environment() {
    Environment env;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string_view text(*entry);
        const auto eq = text.find('=');
        if (eq == std::string_view::npos) continue;
        env.emplace(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
    }
    return env;
}

HostInfo current_host_info() {
    HostInfo info;
    std::array<char, 256> name{};
    if (gethostname(name.data(), name.size() - 1) == 0) info.hostname = name.data();
    utsname uts{};
    if (uname(&uts) == 0) {
        info.os_name = uts.sysname;
        info.os_version = uts.release;
    }
    if (const passwd* pw = getpwuid(getuid())) info.username = pw->pw_name;
    return info;
}

}  // namespace confscope::platform
