#include <cerrno>
#include <cstdint>
#include <cstring>
#include <linux/landlock.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.hpp"

// LeakSanitizer stops the world with clone() and ptrace() at exit: a sanitized build keeps those
// two open in the runner (the test suite's ASan build; a release build denies them).
#if defined(__SANITIZE_ADDRESS__)
#define CONFSCOPE_RUNNER_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CONFSCOPE_RUNNER_SANITIZED 1
#endif
#endif

namespace confscope::runner {

namespace {

// The ruleset attribute as the newest kernels know it; older kernels read a prefix of it and
// require the rest to be zero, so only the fields of the running ABI are set.
struct RulesetAttr {
    std::uint64_t handled_access_fs = 0;
    std::uint64_t handled_access_net = 0;  // ABI 4
    std::uint64_t scoped = 0;              // ABI 6
};

// Bits newer than the Debian 12 kernel headers.
constexpr std::uint64_t kFsTruncate = 1ull << 14;        // ABI 3
constexpr std::uint64_t kFsIoctlDev = 1ull << 15;        // ABI 5
constexpr std::uint64_t kNetBindTcp = 1ull << 0;         // ABI 4
constexpr std::uint64_t kNetConnectTcp = 1ull << 1;      // ABI 4
constexpr std::uint64_t kScopeAbstractUnix = 1ull << 0;  // ABI 6
constexpr std::uint64_t kScopeSignal = 1ull << 1;        // ABI 6

std::string error_text(int error) {
    return std::strerror(error);
}

// Denies every write to the file system (and TCP, foreign signals where the ABI allows) by
// handling those rights and granting none of them anywhere. Returns the ABI used, 0 on failure.
int restrict_with_landlock(std::string& problems) {
    const long abi =
        ::syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
    if (abi < 1) {
        problems += "landlock: not available (" + error_text(errno) + "); ";
        return 0;
    }
    RulesetAttr attr;
    attr.handled_access_fs = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
                             LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR |
                             LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
                             LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
                             LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM;
    if (abi >= 2) attr.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3) attr.handled_access_fs |= kFsTruncate;
    if (abi >= 5) attr.handled_access_fs |= kFsIoctlDev;
    if (abi >= 4) attr.handled_access_net = kNetBindTcp | kNetConnectTcp;
    if (abi >= 6) attr.scoped = kScopeAbstractUnix | kScopeSignal;
    const long ruleset = ::syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0u);
    if (ruleset < 0) {
        problems += "landlock: cannot create the ruleset (" + error_text(errno) + "); ";
        return 0;
    }
    const long restricted = ::syscall(SYS_landlock_restrict_self, static_cast<int>(ruleset), 0u);
    const int restrict_error = errno;
    ::close(static_cast<int>(ruleset));
    if (restricted != 0) {
        problems += "landlock: cannot restrict the runner (" + error_text(restrict_error) + "); ";
        return 0;
    }
    return static_cast<int>(abi);
}

bool deny(scmp_filter_ctx filter, int syscall_number, int error) {
    return ::seccomp_rule_add(filter, SCMP_ACT_ERRNO(static_cast<std::uint32_t>(error)),
                              syscall_number, 0) == 0;
}

bool restrict_with_seccomp(std::string& problems) {
    scmp_filter_ctx filter = ::seccomp_init(SCMP_ACT_ALLOW);
    if (filter == nullptr) {
        problems += "seccomp: cannot create a filter; ";
        return false;
    }
    bool ok = true;
    // The network, and any other socket.
    for (const int nr : {SCMP_SYS(socket), SCMP_SYS(connect), SCMP_SYS(bind), SCMP_SYS(listen),
                         SCMP_SYS(accept), SCMP_SYS(accept4)})
        ok = ok && deny(filter, nr, EPERM);
        // New processes and programs. clone3 answers ENOSYS so that the C library falls back to
        // clone(), whose flags a filter can read: threads (CLONE_THREAD) are allowed.
#if !defined(CONFSCOPE_RUNNER_SANITIZED)
    for (const int nr : {SCMP_SYS(fork), SCMP_SYS(vfork), SCMP_SYS(execve), SCMP_SYS(execveat),
                         SCMP_SYS(ptrace), SCMP_SYS(process_vm_readv), SCMP_SYS(process_vm_writev)})
        ok = ok && deny(filter, nr, EPERM);
    ok = ok && deny(filter, SCMP_SYS(clone3), ENOSYS);
    ok = ok && ::seccomp_rule_add(filter, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                                  SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0)) == 0;
#else
    for (const int nr : {SCMP_SYS(execve), SCMP_SYS(execveat)})
        ok = ok && deny(filter, nr, EPERM);
#endif
    // Ways around the other layers, and the kernel's most exposed surfaces.
    for (const int nr : {SCMP_SYS(io_uring_setup),
                         SCMP_SYS(io_uring_enter),
                         SCMP_SYS(io_uring_register),
                         SCMP_SYS(bpf),
                         SCMP_SYS(perf_event_open),
                         SCMP_SYS(userfaultfd),
                         SCMP_SYS(unshare),
                         SCMP_SYS(setns),
                         SCMP_SYS(mount),
                         SCMP_SYS(umount2),
                         SCMP_SYS(pivot_root),
                         SCMP_SYS(chroot),
                         SCMP_SYS(keyctl),
                         SCMP_SYS(add_key),
                         SCMP_SYS(request_key),
                         SCMP_SYS(init_module),
                         SCMP_SYS(finit_module),
                         SCMP_SYS(delete_module),
                         SCMP_SYS(kexec_load),
                         SCMP_SYS(reboot),
                         SCMP_SYS(swapon),
                         SCMP_SYS(swapoff)})
        ok = ok && deny(filter, nr, EPERM);
    if (!ok) {
        problems += "seccomp: cannot add a rule; ";
        ::seccomp_release(filter);
        return false;
    }
    const int loaded = ::seccomp_load(filter);
    ::seccomp_release(filter);
    if (loaded != 0) {
        problems += "seccomp: cannot load the filter (" + error_text(-loaded) + "); ";
        return false;
    }
    return true;
}

}  // namespace

SandboxReport enter_sandbox() {
    SandboxReport report;
    // Landlock and an unprivileged seccomp filter both require it.
    report.no_new_privs = ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0;
    if (!report.no_new_privs) {
        report.problems += "no_new_privs: " + error_text(errno) + "; ";
        return report;
    }
    report.landlock_abi = restrict_with_landlock(report.problems);
    report.seccomp = restrict_with_seccomp(report.problems);
    return report;
}

}  // namespace confscope::runner
