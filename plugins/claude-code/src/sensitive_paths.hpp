// Files whose reading or writing means more than the command suggests: credential files
// (HOOK-010, PI-004), shell startup and service files (HOOK-006), history files and system logs
// (HOOK-009). Paths are compared with the home folder written as "~/" (shell_scan.hpp
// home_relative), so "$HOME/.aws/credentials" and "/Users/me/.aws/credentials" match alike.
#pragma once

#include <string>
#include <string_view>

namespace claude_code {

/// What credential a file holds ("an SSH private key", "AWS credentials", "a .env file"), or ""
/// when it holds none: public keys, ~/.ssh/config and known_hosts, .env.example/.sample/
/// .template/.dist are not credentials.
std::string credential_file(std::string_view path);

/// A folder that holds credential files (~/.ssh, ~/.aws, ~/.gnupg, ~/.kube, ~/.docker, gcloud):
/// copying or archiving it copies them.
std::string credential_folder(std::string_view path);

/// Where written code runs again later ("the shell startup file ~/.bashrc", "a systemd unit
/// folder", "~/.ssh/authorized_keys"), or "".
std::string persistence_location(std::string_view path);

/// A shell or REPL history file (~/.bash_history, ~/.zsh_history, fish_history, ...).
bool history_file(std::string_view path);

/// A system log: anything under /var/log, /var/adm, /Library/Logs, /private/var/log.
bool system_log(std::string_view path);

}  // namespace claude_code
