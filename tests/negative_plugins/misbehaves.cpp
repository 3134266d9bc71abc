// Scanners that misbehave in analyze(), one way each (chosen by MISBEHAVIOUR when built): they load
// and answer targets() normally, so only an isolated runner survives them — crash (SIGSEGV), hang
// (never returns), hog (allocates until memory runs out), garbage (writes to stdout, where the
// runner protocol flows), quit (exits the process), mute (closes stdout and sleeps), flood (emits
// inventory without end), escape (tries what the runner's sandbox forbids, and reports which
// attempts succeeded in its finding's message), exits (calls exit(0)), unload-crash (crashes in
// its destructor, that is in destroy()) and start-crash (crashes when created).
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;

class MisbehavingScanner {
  public:
    MisbehavingScanner() {
#if MISBEHAVIOUR == 11
        std::raise(SIGSEGV);
#endif
    }
    ~MisbehavingScanner() {
#if MISBEHAVIOUR == 10
        std::raise(SIGSEGV);
#endif
    }
    MisbehavingScanner(const MisbehavingScanner&) = delete;
    MisbehavingScanner& operator=(const MisbehavingScanner&) = delete;

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
    void analyze([[maybe_unused]] const sdk::File& file, const sdk::Document&, sdk::Sink& sink) {
#if MISBEHAVIOUR == 8
        sink.finding("BAD-001", sdk::Severity::low, escape_attempts(file));
        return;
#elif MISBEHAVIOUR == 10
        sink.finding("BAD-001", sdk::Severity::low, "analyzed; the crash comes at unload");
        return;
#endif
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
#elif MISBEHAVIOUR == 6
        ::close(1);
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
#elif MISBEHAVIOUR == 7
        const std::string name(1024, 'n');
        for (;;)
            sink.item("mcp_server", name, sdk::Scope::project, sdk::JsonObject{});
#elif MISBEHAVIOUR == 9
        std::exit(0);
#endif
    }

  private:
    // "fork=denied socket=denied ..." — each attempt and whether it succeeded.
    [[maybe_unused]] static std::string escape_attempts(const sdk::File& file) {
        std::string report;
        const auto note = [&report](const char* what, bool allowed) {
            report += std::string(report.empty() ? "" : " ") + what + "=" +
                      (allowed ? "allowed" : "denied");
        };
        const pid_t child = ::fork();
        if (child == 0) ::_exit(0);
        if (child > 0) ::waitpid(child, nullptr, 0);
        note("fork", child >= 0);
        const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
        if (sock >= 0) ::close(sock);
        note("socket", sock >= 0);
        // A path that does not exist: allowed gives ENOENT, denied gives EPERM.
        char* const argv[] = {nullptr};
        ::execve("/nonexistent/confscope-escape", argv, argv);
        note("exec", errno != EPERM);
        std::string beside(file.path());
        beside = beside.substr(0, beside.rfind('/') + 1) + "escaped-by-plugin.txt";
        const int out = ::open(beside.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (out >= 0) {
            ::close(out);
            ::unlink(beside.c_str());
        }
        note("write", out >= 0);
        note("signal", ::kill(::getppid(), 0) == 0);
        note("home", std::getenv("HOME") != nullptr);
        return "escape: " + report;
    }
};

CONFSCOPE_PLUGIN(MisbehavingScanner)
