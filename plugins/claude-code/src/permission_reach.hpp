// How much an allow rule hands over: the commands a Bash(...) specifier lets Claude run and the
// files an Edit(...) pattern lets it change without asking. The basis of PERM-003 (everything)
// and PERM-004 (a broad but bounded part).
//
//     bash_reach("git:*")        -> {Reach::broad, "git"}
//     bash_reach("sudo *")       -> {Reach::everything, "sudo"}
//     bash_reach("git diff:*")   -> {Reach::narrow, ""}
//     edit_reach("./**", home)   -> {Reach::broad, "the working directory"}
#pragma once

#include <string>
#include <string_view>

namespace claude_code {

enum class Reach {
    narrow,      ///< a named command or a bounded set of paths
    broad,       ///< a whole command family (git, npx, python) or the working directory
    everything,  ///< any command, any file
};

struct RuleReach {
    Reach reach = Reach::narrow;
    /// broad: the command family as written ("git", "uv run", "sudo npm") or the area ("the
    /// working directory"); everything: what makes it so ("sudo", "bash", "" for a leading *).
    std::string what;
};

/// What a Bash rule's specifier (the text in the parentheses, "" for a bare Bash) lets run.
/// everything: no specifier, a leading *, a command wrapper (sudo, doas, env, xargs, nohup,
/// timeout, exec, nice, ...) or a shell (bash, sh, zsh, eval, source) whose command is the
/// wildcard; broad: an interpreter, package runner, network tool, container engine, git or
/// another coding agent followed only by options and a final wildcard ("git *", "git:*",
/// "python3 -c *", "uv run *"). A wildcard after a named tool or subcommand ("git diff:*",
/// "python3 -m pytest *", "npm run test:*") is narrow.
RuleReach bash_reach(std::string_view specifier);

/// What an Edit/MultiEdit rule's path pattern covers. everything: "", "*", "**", "**/*", "//**",
/// "~/**", "//<home>/**"; broad: "./**", "/**" (the working directory, the project root: what
/// acceptEdits grants); narrow: anything else.
RuleReach edit_reach(std::string_view pattern, std::string_view home);

}  // namespace claude_code
