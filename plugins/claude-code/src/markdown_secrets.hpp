// SEC-005: a literal secret in text Claude reads as instructions (CLAUDE.md, rules, agents,
// commands, skills): front-matter values the host flagged, and the secret spans the host found in
// the body (token shapes, secret-named values). The value is never quoted.
#pragma once

#include "common.hpp"

namespace claude_code {

void check_markdown_secrets(Analysis& a);

}  // namespace claude_code
