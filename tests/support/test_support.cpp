#include "test_support.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <random>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

#include <confscope/plugins/rule_files.hpp>

extern char** environ;

namespace confscope::test {

TempDir::TempDir() {
    std::random_device rd;
    const fs::path base = fs::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path candidate = base / ("confscope-test-" + std::to_string(rd()));
        if (fs::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
    std::error_code ec;
    // Make everything removable again (tests plant unreadable folders).
    for (auto it = fs::recursive_directory_iterator(
             path_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code perm_ec;
        if (it->is_directory(perm_ec) && !it->is_symlink(perm_ec)) {
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, perm_ec);
        }
    }
    fs::remove_all(path_, ec);
}

void write_file(const fs::path& path, const std::string& content, std::optional<fs::perms> perms) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
    if (perms) fs::permissions(path, *perms, fs::perm_options::replace);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void copy_tree(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

namespace {

// Starts `argv` (no shell) with its stdout on `out_fd` and its stderr on `err_fd`, and `env` as its
// whole environment when given; stdin is inherited. The caller keeps (and closes) its own copies of
// the two descriptors. Throws when the program cannot be started.
pid_t spawn_child(const std::vector<std::string>& argv,
                  const std::optional<std::vector<std::string>>& env, int out_fd, int err_fd) {
    if (argv.empty()) throw std::invalid_argument("spawning a process needs a program");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<char*> envp;
    if (env) {
        for (const std::string& e : *env)
            envp.push_back(const_cast<char*>(e.c_str()));
        envp.push_back(nullptr);
    }
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv.front().c_str(), &actions, nullptr, args.data(),
                               env ? envp.data() : environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot run " + argv.front() + ": " + std::strerror(rc));
    return pid;
}

// Waits for `pid` (retrying when a signal interrupts); its exit code as run_process reports it,
// or nullopt when `options` has WNOHANG and it is still running.
std::optional<int> reap(pid_t pid, int options) {
    int status = 0;
    pid_t done = 0;
    do {
        done = waitpid(pid, &status, options);
    } while (done < 0 && errno == EINTR);
    if (done == 0) return std::nullopt;
    if (done < 0) return -1;  // not our child any more: nothing to report
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// An unnamed read-write temporary file (O_TMPFILE; an unlinked mkstemp file where the file system
// lacks it), close-on-exec.
int capture_file() {
    const std::string dir = fs::temp_directory_path().string();
    int fd = open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    std::string name = dir + "/confscope-test-output.XXXXXX";
    fd = mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0)
        throw std::runtime_error("cannot create a temporary file in " + dir + ": " +
                                 std::strerror(errno));
    unlink(name.c_str());
    return fd;
}

// Everything in the file behind `fd`, from its start.
std::string read_all(int fd) {
    std::string text;
    std::array<char, 65536> buffer{};
    off_t offset = 0;
    for (;;) {
        const ssize_t n = pread(fd, buffer.data(), buffer.size(), offset);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buffer.data(), static_cast<std::size_t>(n));
        offset += n;
    }
    return text;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::optional<std::vector<std::string>>& env) {
    int out_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
        close(out_pipe[0]);
        close(out_pipe[1]);
        throw std::runtime_error("pipe failed");
    }
    pid_t pid = -1;
    try {
        pid = spawn_child(argv, env, out_pipe[1], err_pipe[1]);
    } catch (...) {
        for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
            close(fd);
        throw;
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    ProcessResult result;
    std::array<pollfd, 2> fds{{{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}}};
    std::array<char, 65536> buffer{};
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const ssize_t n = read(fds[i].fd, buffer.data(), buffer.size());
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
                continue;
            }
            (i == 0 ? result.out : result.err).append(buffer.data(), static_cast<std::size_t>(n));
        }
    }
    for (const pollfd& p : fds) {
        if (p.fd >= 0) close(p.fd);
    }
    result.exit_code = reap(pid, 0).value_or(-1);
    return result;
}

ProcessResult run_confscope(const std::vector<std::string>& args,
                            const std::optional<std::vector<std::string>>& env) {
    std::vector<std::string> argv{confscope_exe().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, env);
}

BackgroundProcess::BackgroundProcess(pid_t pid, int out_fd, int err_fd)
    : pid_(pid), out_fd_(out_fd), err_fd_(err_fd) {}

BackgroundProcess::BackgroundProcess(BackgroundProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      out_fd_(std::exchange(other.out_fd_, -1)),
      err_fd_(std::exchange(other.err_fd_, -1)),
      exit_code_(std::exchange(other.exit_code_, std::nullopt)),
      result_(std::exchange(other.result_, std::nullopt)) {}

BackgroundProcess& BackgroundProcess::operator=(BackgroundProcess&& other) noexcept {
    if (this != &other) {
        release();
        pid_ = std::exchange(other.pid_, -1);
        out_fd_ = std::exchange(other.out_fd_, -1);
        err_fd_ = std::exchange(other.err_fd_, -1);
        exit_code_ = std::exchange(other.exit_code_, std::nullopt);
        result_ = std::exchange(other.result_, std::nullopt);
    }
    return *this;
}

BackgroundProcess::~BackgroundProcess() {
    release();
}

void BackgroundProcess::release() {
    if (pid_ > 0 && !exit_code_) {
        ::kill(pid_, SIGKILL);
        exit_code_ = reap(pid_, 0);
    }
    for (int* fd : {&out_fd_, &err_fd_}) {
        if (*fd >= 0) close(*fd);
        *fd = -1;
    }
}

bool BackgroundProcess::running() {
    if (pid_ <= 0 || exit_code_) return false;
    exit_code_ = reap(pid_, WNOHANG);
    return !exit_code_;
}

void BackgroundProcess::signal(int sig) {
    if (pid_ > 0 && !exit_code_) ::kill(pid_, sig);
}

ProcessResult BackgroundProcess::wait() {
    if (result_) return *result_;
    if (pid_ <= 0) throw std::logic_error("wait() on a moved-from BackgroundProcess");
    if (!exit_code_) exit_code_ = reap(pid_, 0);
    ProcessResult result;
    result.exit_code = *exit_code_;
    result.out = read_all(out_fd_);
    result.err = read_all(err_fd_);
    for (int* fd : {&out_fd_, &err_fd_}) {
        close(*fd);
        *fd = -1;
    }
    result_ = result;
    return result;
}

BackgroundProcess spawn_process(const std::vector<std::string>& argv,
                                const std::optional<std::vector<std::string>>& env) {
    const int out_fd = capture_file();
    int err_fd = -1;
    try {
        err_fd = capture_file();
        const pid_t pid = spawn_child(argv, env, out_fd, err_fd);
        return BackgroundProcess(pid, out_fd, err_fd);
    } catch (...) {
        close(out_fd);
        if (err_fd >= 0) close(err_fd);
        throw;
    }
}

BackgroundProcess spawn_confscope(const std::vector<std::string>& args,
                                  const std::optional<std::vector<std::string>>& env) {
    std::vector<std::string> argv{confscope_exe().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return spawn_process(argv, env);
}

fs::path confscope_exe() {
    return CONFSCOPE_TEST_EXE;
}
fs::path plugin_dir() {
    return CONFSCOPE_TEST_PLUGIN_DIR;
}
fs::path negative_plugin_dir() {
    return CONFSCOPE_TEST_NEGATIVE_PLUGIN_DIR;
}
fs::path source_dir() {
    return CONFSCOPE_TEST_SOURCE_DIR;
}
fs::path fake_home_exe() {
    return CONFSCOPE_TEST_FAKE_HOME_EXE;
}

std::vector<std::unique_ptr<plugins::PluginInstance>> load_plugins(
    const std::vector<std::string>& names, const std::vector<fs::path>& rule_files) {
    std::vector<plugins::RuleFile> files;
    for (const fs::path& f : rule_files)
        files.push_back({f.string(), read_file(f)});
    const std::string rule_config = plugins::rule_files_config(files);
    plugins::PluginLoader loader;
    std::vector<std::unique_ptr<plugins::PluginInstance>> instances;
    for (const fs::path& file : plugins::find_plugin_files({plugin_dir()})) {
        auto plugin = loader.load(file);
        if (!plugin) throw std::runtime_error(plugin.status().message());
        if (!(*plugin)->is_scanner()) continue;  // exporters take no part in a scan
        if (!names.empty() &&
            std::find(names.begin(), names.end(), (*plugin)->name()) == names.end())
            continue;
        auto instance = plugins::PluginInstance::create(
            *plugin, plugins::accepts_rule_files(**plugin) ? rule_config : "{}");
        if (!instance) throw std::runtime_error(instance.status().message());
        instances.push_back(std::move(*instance));
    }
    return instances;
}

std::vector<plugins::PluginInstance*> raw(
    const std::vector<std::unique_ptr<plugins::PluginInstance>>& owned) {
    std::vector<plugins::PluginInstance*> out;
    for (const auto& p : owned)
        out.push_back(p.get());
    return out;
}

scan::ScanOptions planted_scan(const fs::path& home, const fs::path& system_root,
                               const std::vector<fs::path>& roots) {
    scan::ScanOptions options;
    options.os = platform::Os::linux;
    options.roots.home = home.string();
    options.roots.system_root = system_root.string();
    for (const fs::path& root : roots)
        options.project_roots.push_back(root.string());
    return options;
}

std::optional<std::string> postgres_url() {
    const char* file = std::getenv("CONFSCOPE_TEST_PG_URL_FILE");
    if (file == nullptr || !fs::exists(file)) return std::nullopt;
    std::string url = read_file(file);
    while (!url.empty() && (url.back() == '\n' || url.back() == ' '))
        url.pop_back();
    if (url.empty()) return std::nullopt;
    return url;
}

const parse::Node* find_node(const parse::Document& doc, std::string_view pointer) {
    for (const parse::Node& n : doc.nodes) {
        if (n.pointer == pointer) return &n;
    }
    return nullptr;
}

bool contains_bytes(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace confscope::test
