// Programs that run the command written after them (sudo, env, nohup, timeout, xargs, ...): where
// that command starts, for permission rules (PERM-003) and hook commands (HOOK-006..011).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claude_code {

/// sudo, doas, pkexec, su, runuser, gsudo, run0: the wrapped command runs as another user.
bool privileged_wrapper(std::string_view name);

/// A program that runs the command after it: the privileged ones and env, xargs, nohup,
/// timeout, exec, command, builtin, nice, ionice, time, stdbuf, setsid, unbuffer, watch, strace,
/// ltrace, chroot, flock, caffeinate, chronic, parallel.
bool command_wrapper(std::string_view name);

/// The index in `words` where the command wrapped by `words[at]` (a wrapper named `name`)
/// starts: after its options, their values ("sudo -u deploy"), VAR=value assignments (env) and
/// its one positional argument (timeout 30, chroot DIR, flock FILE). words.size() when none.
std::size_t wrapped_command(std::string_view name, const std::vector<std::string>& words,
                            std::size_t at);

/// "python3.12" -> "python", "/usr/bin/node20" -> "node", "npx.cmd" -> "npx": a program's name in
/// lower case without its folder, extension or version suffix.
std::string program_name(std::string_view word);

}  // namespace claude_code
