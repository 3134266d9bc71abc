// What a hook's shell command does beyond its job, read command by command (shell_scan.hpp):
// persistence (HOOK-006), privilege escalation (HOOK-007), listeners and reverse shells
// (HOOK-008), history and log wiping (HOOK-009), credential reads (HOOK-010) and package
// installs (HOOK-011), TLS certificate checks turned off (curl -k, wget
// --no-check-certificate, NODE_TLS_REJECT_UNAUTHORIZED=0: AUTH-002), and destruction of the home
// folder, the disk, a system folder or the whole project (HOOK-012). Mentions are not actions:
// `echo "sudo"`, `grep crontab README`, `cat .env.example`, `ls ~/.ssh`, `nc -z host 443`, `history
// | tail`, `npm install`, `rm -rf ./dist`.
//
//     hook_behaviours("(crontab -l; echo '* * * * * x') | crontab -")
//       -> {{Behaviour::persistence, "crontab installs a scheduled job"}}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claude_code {

enum class Behaviour {
    persistence,      ///< HOOK-006
    privilege,        ///< HOOK-007
    listener,         ///< HOOK-008
    history_wipe,     ///< HOOK-009
    credential_read,  ///< HOOK-010
    package_install,  ///< HOOK-011
    tls_off,          ///< AUTH-002 (medium in a hook)
    destruction,      ///< HOOK-012
};

struct BehaviourFinding {
    Behaviour kind;
    std::string why;  ///< "crontab installs a scheduled job"
};

/// At most one finding per kind (the first reason), in the order of the enum.
std::vector<BehaviourFinding> hook_behaviours(std::string_view command);

/// downloads_and_executes (plugins/common), the one judgement for hooks, permission rules and
/// instructions: a download fed as data to inline code or a script (`| python3 -c 'import json…'`,
/// `| node -e '…'`, `| python3 -m json.tool`) is not run; `| python3` and `| sh` run it.
bool runs_downloaded_code(std::string_view command);

/// The credential a command line reads (for HOOK-010 and exfiltration instructions in Markdown),
/// or "".
std::string credential_read(std::string_view command);

}  // namespace claude_code
