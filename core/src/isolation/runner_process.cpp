#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <vector>
#if defined(__linux__)
#include <sys/prctl.h>
#endif
#include <sys/wait.h>
#include <unistd.h>

#include <confscope/isolation/runner_process.hpp>
#include <confscope/log/log.hpp>

// Under AddressSanitizer (make sanitize) the runner gets no RLIMIT_AS: ASan reserves terabytes of
// address space for its shadow memory at start-up, so any address-space limit a plugin could live
// under makes the sanitized runner fail before main(). The memory limit is then not enforced;
// the tests that check it are skipped in that build (tests/README.md).
#if defined(__SANITIZE_ADDRESS__)
#define CONFSCOPE_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CONFSCOPE_ADDRESS_SANITIZER 1
#endif
#endif
#ifndef CONFSCOPE_ADDRESS_SANITIZER
#define CONFSCOPE_ADDRESS_SANITIZER 0
#endif

namespace confscope::isolation {

namespace {

constexpr std::size_t kErrorTail = 2048;

Status write_all(int fd, std::string_view bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Status::unavailable(std::strerror(errno));
        written += static_cast<std::size_t>(n);
    }
    return Status::ok();
}

std::string signal_text(int signal) {
    const char* name = ::strsignal(signal);
    return "signal " + std::to_string(signal) + (name != nullptr ? std::string(", ") + name : "");
}

// The runner's environment: nothing of the user's (tokens, keys, proxies) reaches a plugin; only
// what the dynamic loader, the locale and a sanitizer build need.
std::vector<std::string> runner_environment() {
    std::vector<std::string> env{"PATH=/usr/bin:/bin"};
    for (const char* name : {"LD_LIBRARY_PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "ASAN_OPTIONS",
                             "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
        if (const char* value = ::getenv(name); value != nullptr)
            env.push_back(std::string(name) + "=" + value);
    }
    return env;
}

// Reaps the runner within `wait`; kills its whole process group when it has not exited by then.
// Returns the wait status, or nothing when it had to be killed. The group is killed while the
// runner is still a zombie, so that its id cannot have been reused by then.
std::optional<int> reap(pid_t pid, std::chrono::milliseconds wait) {
    const auto until = std::chrono::steady_clock::now() + wait;
    bool exited = false;
    for (;;) {
        siginfo_t info{};
        const int waited =
            ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
        if (waited == 0 && info.si_pid == pid) {
            exited = true;
            break;
        }
        if (waited < 0 && errno != EINTR) break;  // not our child (any more)
        if (std::chrono::steady_clock::now() >= until) break;
        ::usleep(5000);
    }
    ::kill(-pid, SIGKILL);  // anything it left behind in its group, or itself when it hangs on
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!exited) return std::nullopt;
    return status;
}

std::string seconds_text(std::chrono::milliseconds ms) {
    const auto count = ms.count();
    return count % 1000 == 0 ? std::to_string(count / 1000) + " s" : std::to_string(count) + " ms";
}

}  // namespace

Result<std::unique_ptr<RunnerProcess>> RunnerProcess::start(const std::filesystem::path& runner_exe,
                                                            const std::filesystem::path& plugin,
                                                            const std::string& config_json,
                                                            RunnerLimits limits) {
    if (::access(runner_exe.c_str(), X_OK) != 0) {
        return Status::not_found("plugin " + plugin.filename().string() +
                                 " cannot run isolated: the plugin runner " + runner_exe.string() +
                                 " is missing (reinstall confscope, or pass --no-isolate)");
    }
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0 ||
        ::pipe2(err_pipe, O_CLOEXEC) != 0) {
        return Status::resource_exhausted(std::string("cannot create pipes: ") +
                                          std::strerror(errno));
    }
    const std::string exe = runner_exe.string();
    const std::string library = plugin.string();
    const std::vector<std::string> environment = runner_environment();
    std::vector<char*> envp;
    for (const std::string& entry : environment)
        envp.push_back(const_cast<char*>(entry.c_str()));
    envp.push_back(nullptr);
    const pid_t host_pid = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        return Status::resource_exhausted(std::string("cannot start the plugin runner: ") +
                                          std::strerror(errno));
    }
    if (pid == 0) {
        // The child: only async-signal-safe calls until exec. Its own process group, so that
        // the host can kill whatever it starts in one call; killed when the host dies.
        ::setpgid(0, 0);
#if defined(__linux__)
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != host_pid) ::_exit(127);  // the host died before the line above
#endif
        ::dup2(in_pipe[0], 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
#if !CONFSCOPE_ADDRESS_SANITIZER
        const rlimit memory{limits.memory_bytes, limits.memory_bytes};
        ::setrlimit(RLIMIT_AS, &memory);
#endif
        const rlimit no_core{0, 0};
        ::setrlimit(RLIMIT_CORE, &no_core);
        // No regular file may grow (pipes are not limited): a plugin has nothing to write.
        const rlimit no_files{0, 0};
        ::setrlimit(RLIMIT_FSIZE, &no_files);
        char* const argv[] = {const_cast<char*>(exe.c_str()), const_cast<char*>(library.c_str()),
                              nullptr};
        ::execve(exe.c_str(), argv, envp.data());
        ::_exit(127);
    }
    ::setpgid(pid, pid);  // also here: whichever of the two runs first, the group exists
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    ::signal(SIGPIPE, SIG_IGN);  // a dead runner must be an error, not the host's death
    std::unique_ptr<RunnerProcess> runner(new RunnerProcess(
        pid, in_pipe[1], out_pipe[0], err_pipe[0], plugin.filename().string(), limits));

    const auto deadline = std::chrono::steady_clock::now() + limits.deadline;
    if (Status sent = write_all(runner->to_runner_, encode_frame(MessageType::hello, config_json));
        !sent) {
        return runner->gone("start", "it did not take its configuration", false);
    }
    auto frame = runner->read_frame(deadline, "start");
    if (!frame) return frame.status();
    if (frame->type == MessageType::done) {
        auto done = decode_done(frame->payload);
        if (!done) return runner->gone("start", done.status().message(), true);
        return Status(static_cast<StatusCode>(done->status), done->error);
    }
    if (frame->type != MessageType::hello)
        return runner->gone("start", "it answered hello with another message", true);
    auto hello = decode_hello(frame->payload);
    if (!hello) return runner->gone("start", hello.status().message(), true);
    runner->hello_ = std::move(*hello);
    runner->plugin_ = runner->hello_.name;
    return runner;
}

RunnerProcess::RunnerProcess(pid_t pid, int to_runner, int from_runner, int errors,
                             std::string plugin, RunnerLimits limits)
    : pid_(pid),
      to_runner_(to_runner),
      from_runner_(from_runner),
      errors_(errors),
      plugin_(std::move(plugin)),
      limits_(limits) {}

RunnerProcess::~RunnerProcess() {
    if (dead_.is_ok()) {
        (void)write_all(to_runner_, encode_frame(MessageType::shutdown, ""));
        // A well-behaved runner exits at once; give it a moment, then kill its group.
        (void)reap(pid_, std::chrono::milliseconds(500));
        pid_ = -1;
    }
    ::close(to_runner_);
    ::close(from_runner_);
    ::close(errors_);
}

void RunnerProcess::drain_errors() {
    char buffer[4096];
    for (;;) {
        pollfd p{errors_, POLLIN, 0};
        if (::poll(&p, 1, 0) <= 0 || (p.revents & (POLLIN | POLLHUP)) == 0) return;
        const ssize_t n = ::read(errors_, buffer, sizeof buffer);
        if (n <= 0) return;
        error_tail_.append(buffer, static_cast<std::size_t>(n));
        if (error_tail_.size() > kErrorTail) error_tail_.erase(0, error_tail_.size() - kErrorTail);
    }
}

Status RunnerProcess::gone(const char* what, std::string reason, bool kill) {
    if (!dead_.is_ok()) return dead_;
    if (pid_ > 0) {
        if (kill) ::kill(-pid_, SIGKILL);
        // A runner that closed its output without exiting gets a moment, then is killed: the
        // host never waits for a child without a deadline.
        const std::optional<int> status = reap(pid_, std::chrono::milliseconds(kill ? 5000 : 1000));
        if (reason.empty()) {
            if (!status) {
                reason = "it closed its output but did not exit (killed)";
            } else if (WIFSIGNALED(*status)) {
                reason = "it crashed (" + signal_text(WTERMSIG(*status)) + ")";
            } else if (WIFEXITED(*status)) {
                reason = "it exited early with code " + std::to_string(WEXITSTATUS(*status));
            }
        }
        pid_ = -1;
    }
    drain_errors();
    std::string last_line = error_tail_;
    while (!last_line.empty() && (last_line.back() == '\n' || last_line.back() == '\r'))
        last_line.pop_back();
    if (const auto nl = last_line.rfind('\n'); nl != std::string::npos)
        last_line = last_line.substr(nl + 1);
    if (!last_line.empty()) reason += " — its last words: " + last_line;
    dead_ = Status(StatusCode::aborted,
                   "plugin " + plugin_ + " (isolated) failed during " + what + ": " + reason);
    return dead_;
}

Result<Frame> RunnerProcess::read_frame(std::chrono::steady_clock::time_point deadline,
                                        const char* what) {
    char buffer[65536];
    for (;;) {
        auto frame = reader_.next();
        if (!frame) {
            return gone(what,
                        "it wrote something that is not the runner protocol to its stdout (" +
                            frame.status().message() + ")",
                        true);
        }
        if (*frame) return std::move(**frame);
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return gone(what,
                        "it did not answer within " + seconds_text(limits_.deadline) + " (killed)",
                        true);
        }
        pollfd fds[2] = {{from_runner_, POLLIN, 0}, {errors_, POLLIN, 0}};
        const int ready = ::poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (ready < 0 && errno != EINTR) return gone(what, std::strerror(errno), true);
        if (fds[1].revents & POLLIN) drain_errors();
        if ((fds[0].revents & (POLLIN | POLLHUP)) == 0) continue;
        const ssize_t n = ::read(from_runner_, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return gone(what, "", false);  // closed: the runner died; waitpid says how
        reader_.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
    }
}

Status RunnerProcess::call(MessageType type, std::string_view payload, const char* what,
                           const RunnerCallbacks* callbacks, std::vector<sdk::Target>* targets,
                           std::string* output) {
    if (!dead_.is_ok()) return dead_;
    if (!write_all(to_runner_, encode_frame(type, payload))) return gone(what, "", false);
    const auto deadline = std::chrono::steady_clock::now() + limits_.deadline;
    for (;;) {
        auto frame = read_frame(deadline, what);
        if (!frame) return frame.status();
        switch (frame->type) {
            case MessageType::done: {
                auto done = decode_done(frame->payload);
                if (!done) return gone(what, done.status().message(), true);
                if (done->status == CONFSCOPE_OK) return Status::ok();
                if (done->status == CONFSCOPE_RESOURCE_EXHAUSTED) {
                    return Status(StatusCode::resource_exhausted,
                                  "plugin " + plugin_ +
                                      " (isolated) ran out of its memory limit (" +
                                      std::to_string(limits_.memory_bytes >> 20) + " MiB) during " +
                                      what + ": " + done->error);
                }
                return Status(static_cast<StatusCode>(done->status), done->error);
            }
            case MessageType::targets: {
                auto list = decode_targets(frame->payload);
                if (!list || targets == nullptr)
                    return gone(what, "it sent targets that were not asked for", true);
                *targets = std::move(*list);
                break;
            }
            case MessageType::item: {
                auto item = ItemMessage::decode(frame->payload);
                if (!item) return gone(what, item.status().message(), true);
                if (callbacks == nullptr || !callbacks->item)
                    return gone(what, "it reported an item outside analyze or finish", true);
                const confscope_status s = callbacks->item((*item)->view());
                if (s != CONFSCOPE_OK) {
                    return gone(
                        what,
                        "the host refused one of its items (status " + std::to_string(s) + ")",
                        true);
                }
                break;
            }
            case MessageType::finding: {
                auto finding = FindingMessage::decode(frame->payload);
                if (!finding) return gone(what, finding.status().message(), true);
                if (callbacks == nullptr || !callbacks->finding)
                    return gone(what, "it reported a finding outside analyze or finish", true);
                const confscope_status s = callbacks->finding((*finding)->view());
                if (s != CONFSCOPE_OK) {
                    return gone(
                        what,
                        "the host refused one of its findings (status " + std::to_string(s) + ")",
                        true);
                }
                break;
            }
            case MessageType::output: {
                if (output == nullptr)
                    return gone(what, "it wrote export output outside an export", true);
                if (output->size() + frame->payload.size() > kMaxExportBytes) {
                    return gone(what,
                                "it wrote more than " + std::to_string(kMaxExportBytes >> 20) +
                                    " MiB of export output (the host's limit)",
                                true);
                }
                output->append(frame->payload);
                break;
            }
            case MessageType::log: {
                auto log = decode_log(frame->payload);
                if (!log) return gone(what, log.status().message(), true);
                if (callbacks != nullptr && callbacks->log) callbacks->log(log->level, log->text);
                break;
            }
            default:
                return gone(what, "it sent an unexpected message", true);
        }
    }
}

Result<std::vector<sdk::Target>> RunnerProcess::targets() {
    std::vector<sdk::Target> list;
    CONFSCOPE_TRY(call(MessageType::targets, "", "targets", nullptr, &list));
    return list;
}

Status RunnerProcess::analyze(const confscope_file_v1& file, const confscope_document_v1& document,
                              const RunnerCallbacks& callbacks) {
    const std::string what =
        std::string("analyze of ") + (file.display_path != nullptr ? file.display_path : "a file");
    return call(MessageType::analyze, encode_analyze(file, document), what.c_str(), &callbacks,
                nullptr);
}

Status RunnerProcess::finish(const RunnerCallbacks& callbacks) {
    return call(MessageType::finish, "", "finish", &callbacks, nullptr);
}

Result<std::string> RunnerProcess::export_scan(const confscope_export_input_v1& input) {
    std::string bytes;
    const RunnerCallbacks logs_only{
        nullptr, nullptr, [this](confscope_log_level level, const std::string& text) {
            log::write(log::from_abi_level(level), "plugin " + plugin_ + ": " + text);
        }};
    CONFSCOPE_TRY(call(MessageType::export_scan, encode_export(input), "export", &logs_only,
                       nullptr, &bytes));
    return bytes;
}

}  // namespace confscope::isolation
