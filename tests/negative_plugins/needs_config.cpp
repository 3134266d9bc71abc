// A scanner that declares a JSON Schema for its configuration: the host validates the
// configuration before create(), and refuses the plugin when it does not match.
#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;

class NeedsConfig {
  public:
    explicit NeedsConfig(const sdk::Config& config) : config_(config.json()) {}
    static sdk::PluginInfo info() {
        return {.summary = "needs a rules_dir",
                .family = "needs-config",
                .config_schema = R"({"type": "object", "required": ["rules_dir"],
                                     "properties": {"rules_dir": {"type": "string"}}})"};
    }
    std::vector<sdk::Target> targets() { return {}; }
    void analyze(const sdk::File&, const sdk::Document&, sdk::Sink&) {}

  private:
    std::string config_;
};

CONFSCOPE_PLUGIN(NeedsConfig)
