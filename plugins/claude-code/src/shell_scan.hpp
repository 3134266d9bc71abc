// The simple commands a shell would run for a hook's command line, with their programs,
// arguments, redirections and the wrappers in front of them: through &&, ||, ;, |, newlines,
// $(…) and `…`, and into the script of sh -c / bash -lc / eval / su -c. The basis of the hook
// behaviour rules (HOOK-006..HOOK-012).
//
//     simple_commands("sudo bash -lc 'echo x >> ~/.bashrc' && crontab -l")
//       -> {sudo bash -lc …}, {echo x, write ~/.bashrc}, {crontab -l}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claude_code {

struct Redirect {
    enum class Kind { read, write, append };
    Kind kind = Kind::write;
    std::string target;  ///< the file as written ("~/.bashrc", "/dev/tcp/h/1")
};

struct SimpleCommand {
    std::vector<std::string> assignments;  ///< VAR=value words before the program
    std::vector<std::string> wrappers;     ///< sudo, nohup, env, ... in front of it, in order
    std::string program;            ///< lower case, without folder, extension or version: "python"
    std::string program_word;       ///< as written: "/usr/bin/python3"
    std::vector<std::string> args;  ///< the words after it, without redirections
    std::vector<Redirect> redirects;
    bool privileged = false;  ///< behind sudo, doas, pkexec, su, runuser
};

/// Every simple command of `command`, outer ones first, to a nesting depth of 4.
std::vector<SimpleCommand> simple_commands(std::string_view command);

/// A path with the home folder written as "~/": "$HOME/x", "${HOME}/x", "/home/u/x",
/// "/Users/u/x", "/root/x", "%USERPROFILE%\\x" -> "~/x"; quotes removed, backslashes made '/'.
std::string home_relative(std::string_view path);

/// The length of the redirection operator at the start of `w` ("2>>", ">", "<<<", "&>"), or 0.
std::size_t redirection_length(std::string_view w);

}  // namespace claude_code
