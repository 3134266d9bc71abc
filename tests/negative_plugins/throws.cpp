// A well-formed scanner whose analyze() throws. It loads; during a scan the SDK thunk turns the
// exception into a status, and the host marks the plugin failed and discards its results.
#include <stdexcept>

#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;

class ThrowingScanner {
  public:
    static sdk::PluginInfo info() { return {.summary = "throws from analyze", .family = "throws"}; }
    static std::vector<sdk::Rule> rules() {
        return {{"THROW-001", sdk::Severity::high, "Never reported", "The plugin throws first."}};
    }
    std::vector<sdk::Target> targets() {
        return {{"mcp", "mcp", "Project MCP", "{PROJECT}/.mcp.json", sdk::Format::json,
                 sdk::Scope::project}};
    }
    void analyze(const sdk::File& file, const sdk::Document&, sdk::Sink& sink) {
        // Report something first, to prove a failed plugin's partial results are discarded.
        sink.finding("THROW-001", sdk::Severity::high, "partial result before the throw");
        throw std::runtime_error("boom while reading " + std::string(file.display_path()));
    }
};

CONFSCOPE_PLUGIN(ThrowingScanner)
