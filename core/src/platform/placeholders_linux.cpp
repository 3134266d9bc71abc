// Linux (and WSL) locations: XDG base directories, managed policy under /etc.
#include <confscope/platform/placeholders.hpp>

namespace confscope::platform::detail {

PlaceholderMap linux_placeholders(const ScanRoots& roots, const Environment& env) {
    PlaceholderMap values;
    const std::string& home = roots.home;
    values["USERPROFILE"] = home;
    values["CLAUDE_CONFIG_DIR"] = env_path_or(env, "CLAUDE_CONFIG_DIR", join(home, ".claude"));
    values["XDG_CONFIG_HOME"] = env_path_or(env, "XDG_CONFIG_HOME", join(home, ".config"));
    values["XDG_DATA_HOME"] = env_path_or(env, "XDG_DATA_HOME", join(home, ".local/share"));
    // Electron and VS Code family apps keep per-user data in the XDG config folder on Linux.
    values["APPDATA"] = values["XDG_CONFIG_HOME"];
    values["LOCALAPPDATA"] = values["XDG_DATA_HOME"];
    values["PROGRAMDATA"] = join(roots.system_root, "etc");
    values["CLAUDE_MANAGED_DIR"] = join(roots.system_root, "etc/claude-code");
    return values;
}

}  // namespace confscope::platform::detail
