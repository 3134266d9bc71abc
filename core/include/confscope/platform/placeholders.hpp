// confscope/platform/placeholders.hpp — the values of the placeholders in target templates
// ({HOME}, {CLAUDE_CONFIG_DIR}, {APPDATA}, ...) for one scan.
//
// Each OS has its own table in a sibling file (placeholders_linux.cpp, placeholders_macos.cpp,
// placeholders_windows.cpp); all three are compiled so tests can check every table on any machine.
// Every value is an absolute path with '/' separators, under the scan's home and system roots,
// honouring the clients' relocation variables (CLAUDE_CONFIG_DIR, XDG_CONFIG_HOME, APPDATA, ...)
// found in the scan's Environment.
//
// Example:
//     auto values = Placeholders::resolve(Os::linux, {.home = "/home/ada", .system_root = "/"},
//     env); values.get("CLAUDE_MANAGED_DIR");  // "/etc/claude-code"
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <confscope/platform/os.hpp>

namespace confscope::platform {

/// The two roots every location is resolved under.
struct ScanRoots {
    std::string home;               ///< the user's home (--home), absolute
    std::string system_root = "/";  ///< where machine-wide files live (--system-root), absolute
};

class Placeholders {
  public:
    /// Values for `os`, under `roots`, honouring relocation variables in `env`.
    static Placeholders resolve(Os os, const ScanRoots& roots, const Environment& env);

    /// The value of NAME (without braces), or nothing for an unknown name.
    [[nodiscard]] std::optional<std::string> get(std::string_view name) const;

    /// Every placeholder and its value, sorted by name (stored with each scan).
    [[nodiscard]] const std::map<std::string, std::string, std::less<>>& all() const {
        return values_;
    }

    /// Expands every {NAME} in `text`; fails with the first unknown name.
    [[nodiscard]] std::optional<std::string> expand(std::string_view text,
                                                    std::string* unknown_name = nullptr) const;

  private:
    std::map<std::string, std::string, std::less<>> values_;
};

namespace detail {
using PlaceholderMap = std::map<std::string, std::string, std::less<>>;
// One table per OS, each in its own file.
PlaceholderMap linux_placeholders(const ScanRoots& roots, const Environment& env);
PlaceholderMap macos_placeholders(const ScanRoots& roots, const Environment& env);
PlaceholderMap windows_placeholders(const ScanRoots& roots, const Environment& env);

/// `name` from env when it is set to an absolute path (backslashes become '/'), else `fallback`.
std::string env_path_or(const Environment& env, const std::string& name, std::string fallback);
/// Joins with exactly one '/' between the parts.
std::string join(std::string_view base, std::string_view tail);
}  // namespace detail

}  // namespace confscope::platform
