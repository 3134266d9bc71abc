#include <confscope/platform/os.hpp>

namespace confscope::platform {

std::string_view to_string(Os os) {
    switch (os) {
        case Os::linux:
            return "linux";
        case Os::macos:
            return "macos";
        case Os::windows:
            return "windows";
    }
    return "linux";
}

std::optional<Os> parse_os(std::string_view name) {
    if (name == "linux") return Os::linux;
    if (name == "macos" || name == "darwin") return Os::macos;
    if (name == "windows" || name == "win32") return Os::windows;
    return std::nullopt;
}

}  // namespace confscope::platform
