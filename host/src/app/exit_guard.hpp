// Keeps the exit code honest while in-process plugins run inside confscope.
//
// A plugin loaded into this process can end it: exit() (or quick_exit()) from analyze() would
// otherwise end confscope with the plugin's code — 0 with nothing stored — and a crash in a
// plugin's destroy() after the scan was stored would end it with a signal. While an UnstoredScan
// lives, any exit() ends the process with exit code 3 and a line saying that nothing was stored;
// while a StoredScanTeardown lives, exit() or a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT)
// ends it with exit code 3 and a line saying that the scan was stored. One guard at a time. A
// plugin calling _exit() directly is not caught; isolated plugins (the default for third-party
// ones) cannot reach this process.
#pragma once

#include <cstdint>

namespace confscope::host {

/// From construction to destruction, exit() by anyone ends the process with 3 (nothing stored).
class UnstoredScan {
  public:
    UnstoredScan();
    ~UnstoredScan();
    UnstoredScan(const UnstoredScan&) = delete;
    UnstoredScan& operator=(const UnstoredScan&) = delete;
};

/// From construction to destruction, exit() or a crash ends the process with 3 and says that
/// scan `id` was stored (used while in-process plugins are destroyed, after the save).
class StoredScanTeardown {
  public:
    explicit StoredScanTeardown(std::int64_t id);
    ~StoredScanTeardown();
    StoredScanTeardown(const StoredScanTeardown&) = delete;
    StoredScanTeardown& operator=(const StoredScanTeardown&) = delete;
};

}  // namespace confscope::host
