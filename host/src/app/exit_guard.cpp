#include "exit_guard.hpp"

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>
#include <unistd.h>

#include "exit_codes.hpp"

namespace confscope::host {

namespace {

// The line to print when the process ends while a guard is armed: prepared before arming, read
// by the exit and signal handlers (which may not allocate).
std::atomic<bool> g_armed{false};
char g_message[256];

constexpr int kCrashSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
struct sigaction g_previous[std::size(kCrashSignals)];

void write_stderr(const char* text) {
    const std::size_t size = std::strlen(text);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(2, text + done, size - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

void end_honestly() {
    if (!g_armed.load()) return;
    write_stderr(g_message);
    ::_exit(exit_runtime_error);
}

extern "C" void on_crash(int) {
    end_honestly();
}

void arm(const std::string& message) {
    static const bool registered = [] {
        std::atexit(end_honestly);
        std::at_quick_exit(end_honestly);
        return true;
    }();
    (void)registered;
    std::strncpy(g_message, message.c_str(), sizeof g_message - 1);
    g_armed.store(true);
}

}  // namespace

UnstoredScan::UnstoredScan() {
    arm("confscope: error: a plugin ended the process during the scan; nothing was stored\n");
}

UnstoredScan::~UnstoredScan() {
    g_armed.store(false);
}

StoredScanTeardown::StoredScanTeardown(std::int64_t id) {
    arm("confscope: error: a plugin crashed or ended the process while being unloaded, after "
        "scan " +
        std::to_string(id) + " was stored\n");
    struct sigaction action {};
    action.sa_handler = on_crash;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < std::size(kCrashSignals); ++i)
        ::sigaction(kCrashSignals[i], &action, &g_previous[i]);
}

StoredScanTeardown::~StoredScanTeardown() {
    g_armed.store(false);
    for (std::size_t i = 0; i < std::size(kCrashSignals); ++i)
        ::sigaction(kCrashSignals[i], &g_previous[i], nullptr);
}

}  // namespace confscope::host
