// A scanner with a target template naming an unknown placeholder: loads, then fails in the scan
// at target validation with a message naming the target and the placeholder.
#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;

class BadTargetScanner {
  public:
    static sdk::PluginInfo info() {
        return {.summary = "bad target template", .family = "bad-target"};
    }
    std::vector<sdk::Target> targets() {
        return {{"nowhere", "settings", "Nowhere", "{NO_SUCH_PLACE}/settings.json",
                 sdk::Format::json, sdk::Scope::user}};
    }
    void analyze(const sdk::File&, const sdk::Document&, sdk::Sink&) {}
};

CONFSCOPE_PLUGIN(BadTargetScanner)
