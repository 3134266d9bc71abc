// Browser command-line switches that turn a browser's protections off — the basis of MCP-017.
// Browser-automation servers (Puppeteer, Playwright, chrome-devtools) pass them through their own
// arguments (`--no-sandbox`, `--browser-arg=--disable-web-security`, `--chrome-arg=…`), through
// JSON launch options in an argument or an environment variable (PUPPETEER_LAUNCH_OPTIONS), or a
// browser is the server's command itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace confscope::plugin_common {

struct UnsafeBrowserFlag {
    std::string flag;  ///< as written: "--no-sandbox", "--remote-debugging-address=0.0.0.0"
    std::string what;  ///< what it turns off, for the message
    bool high = true;  ///< false: a debugging port on the loopback interface (medium)
};

/// Every unsafe switch in `text` (an argument or a variable's value), in order:
/// --no-sandbox, --disable-setuid-sandbox, --disable-web-security,
/// --disable-site-isolation-trials, --allow-running-insecure-content, --ignore-certificate-errors,
/// --ignore-https-errors, --accept-insecure-certs / --acceptInsecureCerts,
/// --remote-allow-origins=*, --remote-debugging-address=<not loopback> (high) and
/// --remote-debugging-port (medium: any program on the machine can drive the browser, with its
/// cookies and logins). --remote-debugging-pipe, --headless and --browser-url are not reported.
std::vector<UnsafeBrowserFlag> unsafe_browser_flags(std::string_view text);

}  // namespace confscope::plugin_common
