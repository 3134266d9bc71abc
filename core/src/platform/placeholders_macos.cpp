// macOS locations: ~/Library/Application Support, managed policy under /Library.
#include <confscope/platform/placeholders.hpp>

namespace confscope::platform::detail {

PlaceholderMap macos_placeholders(const ScanRoots& roots, const Environment& env) {
    PlaceholderMap values;
    const std::string& home = roots.home;
    const std::string app_support = join(home, "Library/Application Support");
    values["USERPROFILE"] = home;
    values["CLAUDE_CONFIG_DIR"] = env_path_or(env, "CLAUDE_CONFIG_DIR", join(home, ".claude"));
    values["XDG_CONFIG_HOME"] = env_path_or(env, "XDG_CONFIG_HOME", join(home, ".config"));
    values["XDG_DATA_HOME"] = env_path_or(env, "XDG_DATA_HOME", join(home, ".local/share"));
    values["APPDATA"] = app_support;
    values["LOCALAPPDATA"] = app_support;
    values["PROGRAMDATA"] = join(roots.system_root, "Library/Application Support");
    values["CLAUDE_MANAGED_DIR"] =
        join(roots.system_root, "Library/Application Support/ClaudeCode");
    return values;
}

}  // namespace confscope::platform::detail
