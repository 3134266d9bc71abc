// confscope/isolation/runner_process.hpp — one plugin in a child process (confscope-runner), with a
// deadline per call and a memory limit, spoken to through the wire format.
//
// Every call returns a Status: OK, the plugin's own failure (its status and last_error, as an
// in-process call would), or why the runner is gone — it crashed (and with which signal), missed
// the deadline (it is killed), ran out of its memory limit, exited early, or wrote something that
// is not the protocol on its stdout. Once the runner is gone every later call fails the same way.
// The destructor asks the runner to stop and kills it if it does not.
//
// Example:
//     CONFSCOPE_ASSIGN_OR_RETURN(auto runner, RunnerProcess::start(exe, plugin_path, "{}", {}));
//     CONFSCOPE_ASSIGN_OR_RETURN(auto targets, runner->targets());
//     Status s = runner->analyze(file, document, callbacks);
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/isolation/messages.hpp>
#include <confscope/isolation/wire.hpp>

namespace confscope::isolation {

struct RunnerLimits {
    std::chrono::milliseconds deadline{30000};  ///< per call (start, targets, analyze, finish)
    std::uint64_t memory_bytes = 2ull * 1024 * 1024 * 1024;  ///< address space of the runner
};

/// Where a call's results go on the host side; each returns what emit_*() would have returned.
struct RunnerCallbacks {
    std::function<confscope_status(const confscope_item_v1&)> item;
    std::function<confscope_status(const confscope_finding_v1&)> finding;
    std::function<void(confscope_log_level, const std::string&)> log;
};

class RunnerProcess {
  public:
    /// Starts `runner_exe` for the plugin library at `plugin`, creates the plugin (with
    /// `config_json` when it takes rule files, else "{}") and reads its hello. Fails with the
    /// reason when any of that fails.
    static Result<std::unique_ptr<RunnerProcess>> start(const std::filesystem::path& runner_exe,
                                                        const std::filesystem::path& plugin,
                                                        const std::string& config_json,
                                                        RunnerLimits limits);
    ~RunnerProcess();
    RunnerProcess(const RunnerProcess&) = delete;
    RunnerProcess& operator=(const RunnerProcess&) = delete;

    /// What the plugin's descriptor says (read in the runner).
    [[nodiscard]] const PluginHello& hello() const { return hello_; }

    Result<std::vector<sdk::Target>> targets();
    Status analyze(const confscope_file_v1& file, const confscope_document_v1& document,
                   const RunnerCallbacks& callbacks);
    Status finish(const RunnerCallbacks& callbacks);
    /// Runs an exporter plugin's export_scan() on `input`; its bytes, at most kMaxExportBytes.
    Result<std::string> export_scan(const confscope_export_input_v1& input);

    /// The most an isolated exporter may write for one export.
    static constexpr std::size_t kMaxExportBytes = std::size_t{1} << 30;

  private:
    RunnerProcess(pid_t pid, int to_runner, int from_runner, int errors, std::string plugin,
                  RunnerLimits limits);
    // Sends a request and reads frames until its done; results go to `callbacks`, a targets
    // answer to `targets`.
    Status call(MessageType type, std::string_view payload, const char* what,
                const RunnerCallbacks* callbacks, std::vector<sdk::Target>* targets,
                std::string* output = nullptr);
    Result<Frame> read_frame(std::chrono::steady_clock::time_point deadline, const char* what);
    // Kills the runner (when `kill`), reaps it and returns why it is gone.
    Status gone(const char* what, std::string reason, bool kill);
    void drain_errors();

    pid_t pid_;
    int to_runner_, from_runner_, errors_;
    std::string plugin_;
    RunnerLimits limits_;
    FrameReader reader_;
    std::string error_tail_;  // the last bytes the runner wrote to stderr
    PluginHello hello_;
    Status dead_;  // set once the runner is gone
};

}  // namespace confscope::isolation
