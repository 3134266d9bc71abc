// Settings keys that weaken a session or let a repository configure it: a weakened sandbox
// (PERM-008), project self-approval of .mcp.json servers (MCP-002), endpoints and proxies in a
// project's env (AUTH-001), disabled TLS verification (AUTH-002), and commands a project's
// settings run (statusLine, apiKeyHelper, ... : HOOK-005).
#pragma once

#include "common.hpp"

namespace claude_code {

/// Checks the top-level keys of a settings file (user, project, local or managed).
void check_settings_keys(Analysis& a, const sdk::Node& root);

}  // namespace claude_code
