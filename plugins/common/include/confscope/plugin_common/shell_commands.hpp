// What a server's command line does when a shell runs it: shell wrappers (sh -c, cmd /c,
// powershell -Command), shell metacharacters, and download-and-execute — the basis of MCP-007 and
// MCP-008.
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
/// bash <(wget …), curl -o x.sh … && sh x.sh, iwr … | iex, …).
bool downloads_and_executes(std::string_view command);

}  // namespace confscope::plugin_common
