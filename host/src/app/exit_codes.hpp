// The documented exit codes of every confscope command (docs/CLI.md).
#pragma once

namespace confscope::host {

enum ExitCode : int {
    exit_ok = 0,        ///< clean
    exit_findings = 1,  ///< findings at or above --fail-on; `plugins verify`: a plugin was refused
    exit_usage = 2,     ///< bad command line
    exit_runtime_error = 3,  ///< store unreachable, plugin refused or failed, unreadable input, ...
};

}  // namespace confscope::host
