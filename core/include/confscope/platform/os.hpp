// confscope/platform/os.hpp — which operating system's conventions a scan follows.
//
// A scan normally follows the OS it runs on (current_os(), chosen in CMake), but tests inject
// another OS to check the macOS and Windows placeholder tables on a Linux machine.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace confscope::platform {

enum class Os { linux, macos, windows };

/// The OS this binary was built for.
Os current_os();

/// "linux", "macos", "windows".
std::string_view to_string(Os os);

/// Parses "linux" / "macos" / "windows" (also "darwin", "win32").
std::optional<Os> parse_os(std::string_view name);

/// Environment variables as a scan sees them; injectable so tests plant a whole machine.
using Environment = std::map<std::string, std::string>;

/// A copy of the process environment.
Environment process_environment();

/// Machine facts recorded with each scan.
struct HostInfo {
    std::string hostname;
    std::string os_name;     ///< "Linux"
    std::string os_version;  ///< kernel release or OS version
    std::string username;
};

/// Facts about the machine this process runs on.
HostInfo current_host_info();

}  // namespace confscope::platform
