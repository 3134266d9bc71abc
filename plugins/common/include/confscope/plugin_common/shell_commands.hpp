// What a server's command line does when a shell runs it: shell wrappers (sh -c, cmd /c,
// powershell -Command), inline interpreter code (python -c, node -e, ...), shell metacharacters,
// download-and-execute, and privilege tools — the basis of MCP-007, MCP-008 and MCP-016.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confscope::plugin_common {

/// A command that hands a script to a shell: `sh -c "…"`, `bash -lc "…"`, `cmd /c "…"`,
/// `powershell -Command …`, `pwsh -EncodedCommand …`.
struct ShellWrapper {
    std::string shell;           ///< "bash", "cmd", "powershell", ...
    std::string flag;            ///< the flag as written: "-c", "/c", "-Command"
    std::size_t flag_index = 0;  ///< index into args of the flag
};

/// The shell wrapper a command is, or nothing. `cmd /c` followed by one program and its plain
/// arguments (`cmd /c npx -y pkg`, the documented Windows form) is not a wrapper: cmd only finds
/// the program's .cmd shim; with a metacharacter after it, it is.
std::optional<ShellWrapper> shell_wrapper(std::string_view command,
                                          const std::vector<std::string>& args);

/// Shell syntax in a command: `;`, `|`, `&`, `$(` or a backquote anywhere.
bool command_has_shell_syntax(std::string_view command);

/// Shell syntax in one argument: `$(` or a backquote anywhere, or an operator (`|`, `||`, `&&`,
/// `;`, `&`) standing as a word. URLs (`?a=1&b=2`), regular expressions (`foo|bar`) and path lists
/// (`a.jar;b.jar`) are not shell syntax.
bool argument_has_shell_syntax(std::string_view arg);

/// True when a shell command downloads code and executes it (curl … | sh, sh -c "$(curl …)",
/// bash <(wget …), curl -o x.sh … && sh x.sh, iwr … | iex, …), or runs code it decodes from a
/// hidden form (echo … | base64 -d | bash, eval "$(… | base64 --decode)", xxd -r -p | sh,
/// powershell -EncodedCommand …, iex of FromBase64String). Decoding alone (… | base64 -d) is
/// not.
bool downloads_and_executes(std::string_view command);

/// Program code handed to an interpreter on its command line: `python3 -c "…"`, `node -e`/
/// `--eval`/`-p`, `perl -e`/`-E` (and clusters such as -lne), `ruby -e`, `php -r`, `deno eval`,
/// `bun -e`, `osascript -e`, `Rscript -e`. `python -m module`, `node server.js` are not.
struct InlineCode {
    std::string interpreter;     ///< "python3", "node", "deno eval", ...
    std::string flag;            ///< the flag as written: "-c", "--eval", "eval"
    std::size_t flag_index = 0;  ///< index into args of the flag
    std::size_t code_index = 0;  ///< index into args of the code (the flag's own for --eval=…)
};

/// The inline code a command runs, or nothing. `env NAME=value` and `cmd /c` in front are
/// looked through.
std::optional<InlineCode> inline_code(std::string_view command,
                                      const std::vector<std::string>& args);

/// Inline program code that fetches from the network (urlopen, requests, fetch, http.get, LWP,
/// Net::HTTP, a socket, curl) and executes what it gets or starts programs (exec, eval,
/// subprocess, child_process, system, new Function, a dynamic import of a URL).
bool inline_code_downloads_and_executes(std::string_view interpreter, std::string_view code);

/// A privilege tool at the start of a command line: sudo, doas, pkexec, su, run0, runas, gsudo.
struct PrivilegeTool {
    std::string tool;                      ///< "sudo", "gsudo", ...
    std::optional<std::size_t> arg_index;  ///< the argument holding it; absent: the command
};

/// The privilege tool a server starts through, or nothing: as the command, as the first program
/// after `env`, `nohup`, `nice` or `cmd /c`, or first in a shell wrapper's script
/// (`sh -c "sudo node server.js"`).
std::optional<PrivilegeTool> privilege_tool(std::string_view command,
                                            const std::vector<std::string>& args);

}  // namespace confscope::plugin_common
