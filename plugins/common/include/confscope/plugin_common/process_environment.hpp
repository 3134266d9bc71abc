// What a server's environment variables do to the process they start: variables that make
// another program's code run inside it (MCP-015) and variables that turn off TLS certificate
// checks (AUTH-002).
#pragma once

#include <string>
#include <string_view>

namespace confscope::plugin_common {

/// Why `name=value` lets code other than the server's own run in the process it starts, or ""
/// when it does not. Always: LD_PRELOAD, LD_AUDIT, DYLD_INSERT_LIBRARIES, PYTHONSTARTUP,
/// PYTHONHOME, BASH_ENV; NODE_OPTIONS with --require/-r/--import/--loader/--experimental-loader
/// of a file path or URL (not a package such as dotenv/config), or --inspect on an address that
/// is not loopback; PERL5OPT with -M/-m/-I/-d; RUBYOPT
/// requiring a file by path; JAVA_TOOL_OPTIONS/_JAVA_OPTIONS/JDK_JAVA_OPTIONS with -javaagent or
/// -agentpath. Library search paths (LD_LIBRARY_PATH, DYLD_LIBRARY_PATH, DYLD_FRAMEWORK_PATH,
/// DYLD_FALLBACK_*) always, the more so (`high` true) with an entry in a temporary folder or in
/// (or below) the home folder; program and module paths (PATH, PYTHONPATH, NODE_PATH, PERL5LIB,
/// RUBYLIB) only with such an entry (or, for PATH, the working directory: "." or an empty entry).
/// `home` is the scanned home folder ("" when unknown).
struct EnvironmentHijack {
    std::string why;   ///< "" when the variable is harmless
    bool high = true;  ///< false: a library path to an ordinary folder (medium)
};
EnvironmentHijack environment_hijack(std::string_view name, std::string_view value,
                                     std::string_view home);

/// `name=value` turns off TLS certificate verification: NODE_TLS_REJECT_UNAUTHORIZED=0,
/// PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY (any value but "", 0, false, no, off),
/// NPM_CONFIG_STRICT_SSL=false (npm, so npx, installs over unverified TLS). Names compare
/// case-insensitively (npm_config_strict_ssl).
bool disables_tls_verification(std::string_view name, std::string_view value);

/// A path-list entry ("/tmp/x", "$TMPDIR/x", "%TEMP%\\x", "~") that lies in a temporary folder
/// or is the home folder itself: "a temporary folder", "the home folder", or "".
std::string risky_location(std::string_view entry, std::string_view home);

}  // namespace confscope::plugin_common
