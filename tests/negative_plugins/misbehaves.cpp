// Scanners that misbehave in analyze(), one way each (chosen by MISBEHAVIOUR when built): they load
// and answer targets() normally, so only an isolated runner survives them — crash (SIGSEGV), hang
// (never returns), hog (allocates until memory runs out), garbage (writes to stdout, where the
// runner protocol flows) and quit (exits the process).
#include <csignal>
#include <cstdio>
#include <thread>
#include <unistd.h>
#include <vector>

#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;

class MisbehavingScanner {
  public:
    static sdk::PluginInfo info() {
        return {.summary = "misbehaves in analyze", .family = CONFSCOPE_PLUGIN_NAME};
    }
    static std::vector<sdk::Rule> rules() {
        return {{"BAD-001", sdk::Severity::low, "Never reported", "The plugin misbehaves first."}};
    }
    std::vector<sdk::Target> targets() {
        return {{"mcp", "mcp", "Project MCP", "{PROJECT}/.mcp.json", sdk::Format::json,
                 sdk::Scope::project}};
    }
    void analyze(const sdk::File&, const sdk::Document&, sdk::Sink& sink) {
        sink.finding("BAD-001", sdk::Severity::low, "reported before misbehaving");
#if MISBEHAVIOUR == 1
        std::raise(SIGSEGV);
#elif MISBEHAVIOUR == 2
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
#elif MISBEHAVIOUR == 3
        std::vector<std::vector<char> > hoard;
        for (;;)
            hoard.emplace_back(64u << 20, 'x');  // touched, so it is really used
#elif MISBEHAVIOUR == 4
        std::fputs("Debug: analyzing the file now!\n", stdout);
        std::fflush(stdout);
#elif MISBEHAVIOUR == 5
        ::_exit(3);
#endif
    }
};

CONFSCOPE_PLUGIN(MisbehavingScanner)
