// The runner's sandbox: what a third-party plugin loaded into confscope-runner may not do.
//
// Defence in depth, on top of the process boundary, the memory limit and the deadline the host
// sets (core/src/isolation/runner_process.cpp): entered once, before the plugin library is
// loaded (its constructors already run inside), and never left.
//   - PR_SET_NO_NEW_PRIVS: no set-user-id program or file capability can raise its rights;
//   - Landlock (Linux 5.13+, as far as the running kernel's ABI goes): no file may be created,
//     written, truncated, renamed or removed anywhere (reading is allowed: plugins read their
//     rule files), no TCP bind or connect (ABI 4+), no signal to a process outside the sandbox
//     and no abstract UNIX socket (ABI 6+);
//   - seccomp (libseccomp): no socket, no new process or program (fork, vfork, clone without
//     CLONE_THREAD, execve), no ptrace, io_uring, bpf, namespaces, mounts, keyrings or modules.
//     Threads stay allowed.
// Each layer the kernel lacks is skipped and named in the report; none of them is a reason to
// refuse a scan (the process boundary still holds).
#pragma once

#include <string>

namespace confscope::runner {

struct SandboxReport {
    bool no_new_privs = false;
    int landlock_abi = 0;  ///< 0: Landlock unavailable or refused
    bool seccomp = false;
    std::string problems;  ///< why a layer is missing, for the runner's stderr
};

/// Enters the sandbox for the rest of this process's life.
SandboxReport enter_sandbox();

}  // namespace confscope::runner
