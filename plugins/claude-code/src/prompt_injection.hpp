// Text Claude reads as instructions — memory (CLAUDE.md, rules), agents, commands, skills — that
// hides what it says from the people who review it: hidden Unicode (PI-001), injection phrases and
// instructions in HTML comments (PI-002).
#pragma once

#include "common.hpp"

namespace claude_code {

/// PI-001 and PI-002 on a Markdown file (front matter and body).
void check_prompt_injection(Analysis& a);

}  // namespace claude_code
