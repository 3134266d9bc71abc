// Whether a hook's shell command sends data off the machine (HOOK-003): curl or wget uploading a
// file, stdin or a computed value to a remote host; nc, ncat, netcat, socat or /dev/tcp to a
// remote host; or reading the session transcript (transcript_path, ~/.claude/projects) and sending
// it with any network tool. Loopback destinations and static messages (a Slack notification with
// a literal text) are not exfiltration.
#pragma once

#include <string>
#include <string_view>

namespace claude_code {

/// Why `command` exfiltrates ("curl uploads data (--data-binary) to hooks.example.com"), or "".
std::string exfiltration(std::string_view command);

}  // namespace claude_code
