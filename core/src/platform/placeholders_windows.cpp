// Windows locations: %APPDATA%, %LOCALAPPDATA%, %ProgramData%, managed policy under Program Files.
// Paths use '/' and are resolved under the scan's system root ("C:/" on a real machine).
#include <confscope/platform/placeholders.hpp>

namespace confscope::platform::detail {

PlaceholderMap windows_placeholders(const ScanRoots& roots, const Environment& env) {
    PlaceholderMap values;
    const std::string& home = roots.home;
    values["USERPROFILE"] = home;
    values["CLAUDE_CONFIG_DIR"] = env_path_or(env, "CLAUDE_CONFIG_DIR", join(home, ".claude"));
    values["XDG_CONFIG_HOME"] = env_path_or(env, "XDG_CONFIG_HOME", join(home, ".config"));
    values["XDG_DATA_HOME"] = env_path_or(env, "XDG_DATA_HOME", join(home, ".local/share"));
    values["APPDATA"] = env_path_or(env, "APPDATA", join(home, "AppData/Roaming"));
    values["LOCALAPPDATA"] = env_path_or(env, "LOCALAPPDATA", join(home, "AppData/Local"));
    values["PROGRAMDATA"] = env_path_or(env, "ProgramData", join(roots.system_root, "ProgramData"));
    values["CLAUDE_MANAGED_DIR"] = join(roots.system_root, "Program Files/ClaudeCode");
    return values;
}

}  // namespace confscope::platform::detail
