// How each MCP client spells a server entry (client ids as in the MCP client registry).
#pragma once

#include "common.hpp"

namespace mcp {

const ServerDialect& cursor_dialect();
const ServerDialect& vscode_dialect();
const ServerDialect& windsurf_dialect();
const ServerDialect& zed_dialect();
const ServerDialect& cline_dialect();
const ServerDialect& continue_dialect();
const ServerDialect& gemini_dialect();
const ServerDialect& codex_dialect();
const ServerDialect& goose_dialect();
const ServerDialect& opencode_dialect();
const ServerDialect& junie_dialect();
const ServerDialect& antigravity_dialect();
const ServerDialect& kiro_dialect();

}  // namespace mcp
