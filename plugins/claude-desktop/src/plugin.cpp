// The Claude Desktop scanner: claude_desktop_config.json (MCP servers, through the shared server
// model, including mcp-remote bridges) and desktop extensions (manifests, the installation
// registry, per-extension settings).
#include "catalogue.hpp"
#include "common.hpp"
#include "desktop_config.hpp"
#include "extensions.hpp"
#include "targets.hpp"

namespace claude_desktop {

class ClaudeDesktopScanner {
  public:
    static sdk::PluginInfo info() {
        return {.summary =
                    "Claude Desktop: claude_desktop_config.json MCP servers (with "
                    "mcp-remote bridges) and desktop extensions",
                .license = "Apache-2.0",
                .contact = "https://github.com/confscope/confscope",
                .family = "claude-desktop",
                .config_schema = ""};
    }
    static std::vector<sdk::Rule> rules() { return rule_catalogue(); }

    std::vector<sdk::Target> targets() { return all_targets(); }

    void analyze(const sdk::File& file, const sdk::Document& doc, sdk::Sink& sink) {
        Analysis a{file, doc, sink};
        const std::string_view c = file.category();
        if (c == category::config) {
            analyze_desktop_config(a);
        } else if (c == category::extension) {
            analyze_extension_manifest(a);
        } else if (c == category::installations) {
            analyze_extension_installations(a);
        } else if (c == category::extension_settings) {
            analyze_extension_settings(a);
        }
    }
};

}  // namespace claude_desktop

CONFSCOPE_PLUGIN(claude_desktop::ClaudeDesktopScanner)
