// How much an allow rule hands over: the commands a Bash(...) specifier lets Claude run and the
// files an Edit(...) pattern lets it change without asking. The basis of PERM-003 (everything,
// and persistence at high) and PERM-004 (a broad but bounded part).
//
//     bash_reach("git:*")            -> {Reach::broad, "git"}
//     bash_reach("sudo *")           -> {Reach::everything, "sudo"}
//     bash_reach("find *")           -> {Reach::everything, "find", "find -exec runs any command"}
//     bash_reach("curl x.sh | sh")   -> {Reach::everything, …, effect "run code it downloads …"}
//     bash_reach("git diff:*")       -> {Reach::narrow, ""}
//     bash_reach("brew --version:*") -> {Reach::narrow, ""}
//     edit_reach("./**", home)       -> {Reach::broad, "the working directory"}
//     edit_reach("~/.bashrc", home)  -> {Reach::persistence, "your shell startup files …"}
#pragma once

#include <string>
#include <string_view>

namespace claude_code {

enum class Reach {
    narrow,       ///< a named command or a bounded set of paths
    broad,        ///< a whole command family (git, npx, python) or the working directory
    persistence,  ///< files whose contents run later (shell startup files, ~/.ssh, /etc)
    everything,   ///< any command, any file, or Claude Code's own settings
};

struct RuleReach {
    Reach reach = Reach::narrow;
    /// broad: the command family as written ("git", "uv run", "sudo npm") or the area ("the
    /// working directory"); everything: what makes it so ("sudo", "bash", "" for a leading *);
    /// persistence: the files.
    std::string what;
    /// Why the family reaches that far, when its name does not say ("find -exec runs any
    /// command", "deletes any file"), or "".
    std::string why = {};
    /// The whole effect, for a rule whose one command is itself the risk ("run code it
    /// downloads (curl … | sh)", "open a network listener (nc -l listens on a port)"), or "".
    std::string effect = {};
};

/// What a Bash rule's specifier (the text in the parentheses, "" for a bare Bash) lets run.
/// everything: no specifier, a leading *, a command wrapper (sudo, doas, env, xargs, nohup,
/// timeout, exec, nice, ...) or a shell (bash, sh, zsh, eval, source) whose command is the
/// wildcard, find (or fd) with a trailing wildcard and awk whose program is the wildcard (they
/// run other commands: find -exec, awk's system()), and a command that downloads code and runs
/// it (curl … | sh, eval "$(curl …)"), wildcard or not; broad: an interpreter, package runner,
/// network tool, cloud or forge CLI (gh, aws, gcloud, az, kubectl, terraform, ...), container
/// engine, git, another coding agent or a deleting command (rm, shred, dd) followed only by
/// options and a final wildcard ("git *", "git:*", "python3 -c *", "uv run *", "rm -rf *"); curl,
/// wget or ssh with any trailing wildcard ("curl https://api.x.com/*": more arguments can follow
/// the URL); a command that opens a network listener (nc -l 4444). A wildcard after a named tool
/// or subcommand ("git diff:*", "python3 -m pytest *", "npm run test:*", "gh pr view *") or
/// after an option that only prints (--version, --help, -V, -h: "brew --version:*") is narrow.
RuleReach bash_reach(std::string_view specifier);

/// What an Edit/MultiEdit rule's path pattern covers. everything: "", "*", "**", "**/*", "//**",
/// "~/**", "//<home>/**" and Claude Code's own settings (rule_paths.hpp); persistence: shell
/// startup files, ~/.ssh, autostart folders, git configuration and hooks, /etc; broad: "./**",
/// "/**" (the working directory, the project root: what acceptEdits grants); narrow: anything
/// else.
RuleReach edit_reach(std::string_view pattern, std::string_view home);

}  // namespace claude_code
