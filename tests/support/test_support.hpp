// Shared helpers for the test suites: temporary folders, files, running programs and the real
// confscope executable (to completion, or in the background), loading the real in-tree plugins,
// and the PostgreSQL server the ctest fixture starts.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

#include <confscope/parse/document.hpp>
#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/scan/scanner.hpp>

namespace confscope::test {

namespace fs = std::filesystem;

/// A fresh folder under the system temp dir, removed (recursively) on destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }
    [[nodiscard]] fs::path operator/(const std::string& rel) const { return path_ / rel; }

  private:
    fs::path path_;
};

/// Writes `content` to `path`, creating parent folders; sets the permission bits when given.
void write_file(const fs::path& path, const std::string& content,
                std::optional<fs::perms> perms = std::nullopt);
std::string read_file(const fs::path& path);

/// Copies a whole folder tree.
void copy_tree(const fs::path& from, const fs::path& to);

struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs a program with arguments (no shell), capturing stdout and stderr. `env` entries
/// ("NAME=VALUE") replace the environment when given.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::optional<std::vector<std::string>>& env = std::nullopt);

/// Runs the confscope executable of this build.
ProcessResult run_confscope(const std::vector<std::string>& args,
                            const std::optional<std::vector<std::string>>& env = std::nullopt);

/// A child process started by spawn_process and left running while the test goes on (a scan to
/// interrupt, two writers at once). It owns the child: the destructor of a process that has not
/// been reaped kills it (SIGKILL) and reaps it, so a failing test leaves no process behind (the
/// child only, not processes it started; it stays in the test's process group). Its stdout and
/// stderr go to two unnamed temporary files (never pipes), so a child that writes a lot never
/// blocks on a parent that is not waiting yet; wait() reads them. Movable, not copyable: a
/// moved-from object owns nothing (pid() is -1). Not thread-safe; use one object from one thread.
class BackgroundProcess {
  public:
    BackgroundProcess(BackgroundProcess&& other) noexcept;
    /// Kills and reaps the process this object owned, if still unreaped, then takes `other`'s.
    BackgroundProcess& operator=(BackgroundProcess&& other) noexcept;
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;
    ~BackgroundProcess();

    /// The child's process id (-1 once moved from). After the child is reaped (wait(), or
    /// running() returning false) the id may be reused: signal it with signal(), not ::kill.
    [[nodiscard]] pid_t pid() const { return pid_; }
    /// True while the child has not exited; reaps it (without blocking) when it has, keeping its
    /// status for wait().
    bool running();
    /// Sends `sig` to the child unless it has already been reaped (then does nothing).
    void signal(int sig);
    /// Blocks until the child exits; its exit code (128 + N for signal N, as run_process) and
    /// everything it wrote to stdout and stderr. Calling it again returns the same result.
    ProcessResult wait();

  private:
    friend BackgroundProcess spawn_process(const std::vector<std::string>&,
                                           const std::optional<std::vector<std::string>>&);
    BackgroundProcess(pid_t pid, int out_fd, int err_fd);
    void release();  // kills and reaps an unreaped child, closes the files

    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    std::optional<int> exit_code_;         // set once reaped
    std::optional<ProcessResult> result_;  // set by the first wait()
};

/// Starts a program with arguments (no shell) in the background, like run_process, and returns at
/// once. `env` entries ("NAME=VALUE") replace the environment when given. Throws
/// std::runtime_error when the program cannot be started.
BackgroundProcess spawn_process(const std::vector<std::string>& argv,
                                const std::optional<std::vector<std::string>>& env = std::nullopt);

/// Starts the confscope executable of this build in the background.
BackgroundProcess spawn_confscope(
    const std::vector<std::string>& args,
    const std::optional<std::vector<std::string>>& env = std::nullopt);

/// Paths of this build's artifacts (set by CMake).
fs::path confscope_exe();
fs::path plugin_dir();           ///< the in-tree plugins
fs::path negative_plugin_dir();  ///< plugins the tests build to be refused
fs::path source_dir();           ///< the repository
fs::path fake_home_exe();        ///< the fake-home generator

/// Loads and creates the in-tree plugins named (all when empty) — real libraries from disk.
/// Plugins that accept rule files are created with `rule_files` (read from disk).
std::vector<std::unique_ptr<plugins::PluginInstance>> load_plugins(
    const std::vector<std::string>& names = {}, const std::vector<fs::path>& rule_files = {});

/// Raw pointers for run_scan.
std::vector<plugins::PluginInstance*> raw(
    const std::vector<std::unique_ptr<plugins::PluginInstance>>& owned);

/// Options for a scan of a planted machine: home, system root and project roots; no process
/// environment leaks in.
scan::ScanOptions planted_scan(const fs::path& home, const fs::path& system_root,
                               const std::vector<fs::path>& roots);

/// The PostgreSQL URL of the throw-away test server, when the ctest fixture started one.
std::optional<std::string> postgres_url();

/// The node at exactly `pointer`, or nullptr.
const parse::Node* find_node(const parse::Document& doc, std::string_view pointer);

/// True when `haystack` contains `needle` anywhere (binary-safe).
bool contains_bytes(const std::string& haystack, const std::string& needle);

}  // namespace confscope::test
