// Text Claude reads as instructions — memory (CLAUDE.md, rules), agents, commands, skills — that
// hides what it says from the people who review it or asks for what no one should: hidden Unicode
// (PI-001), injection phrases, jailbreak framing and instructions in HTML comments (PI-002),
// commands that run downloads or send secrets away (PI-004), instructions to act without asking
// (PI-005).
#pragma once

#include "common.hpp"

namespace claude_code {

/// PI-001, PI-002, PI-004 and PI-005 on a Markdown file (front matter and body).
void check_prompt_injection(Analysis& a);

}  // namespace claude_code
