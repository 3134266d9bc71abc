// A scanner whose descriptor leaves the required analyze pointer NULL: refused at the descriptor
// check, before any instance is created.
#include <confscope/sdk/plugin.hpp>

namespace {

struct Scanner {
    static confscope::sdk::PluginInfo info() {
        return {.summary = "analyze is missing", .family = "null-analyze"};
    }
    std::vector<confscope::sdk::Target> targets() { return {}; }
    void analyze(const confscope::sdk::File&, const confscope::sdk::Document&,
                 confscope::sdk::Sink&) {}
};

}  // namespace

extern "C" CONFSCOPE_PLUGIN_EXPORT const confscope_plugin_v1* confscope_plugin_entry_v1(void) {
    static confscope_plugin_v1 copy = [] {
        confscope_plugin_v1 d = *confscope::sdk::detail::descriptor<Scanner>(
            CONFSCOPE_PLUGIN_NAME, CONFSCOPE_PLUGIN_VERSION, 0);
        d.analyze = nullptr;
        return d;
    }();
    return &copy;
}
