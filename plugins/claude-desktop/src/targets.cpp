#include "targets.hpp"

#include <string>

namespace claude_desktop {

using confscope::sdk::Format;
using confscope::sdk::Scope;
using confscope::sdk::Target;

std::vector<Target> all_targets() {
    auto t = [](const char* id, std::string_view cat, const char* name, const char* path,
                Scope scope) {
        return Target{id, std::string(cat), name, path, Format::json, scope};
    };
    return {
        t("desktop-config", category::config, "Claude Desktop configuration",
          "{APPDATA}/Claude/claude_desktop_config.json", Scope::user),
        // Desktop extensions (.mcpb, formerly .dxt): the unpacked bundles, the registry of what is
        // installed, and each extension's settings (enabled, user_config values).
        t("extension-manifests", category::extension, "Desktop extension manifests",
          "{APPDATA}/Claude/Claude Extensions/*/manifest.json", Scope::plugin),
        t("extension-installations", category::installations, "Installed desktop extensions",
          "{APPDATA}/Claude/extensions-installations.json", Scope::user),
        t("extension-settings", category::extension_settings, "Desktop extension settings",
          "{APPDATA}/Claude/Claude Extensions Settings/*.json", Scope::user),
    };
}

}  // namespace claude_desktop
