// Markdown files: memory (CLAUDE.md, CLAUDE.local.md, rules), agents, commands and skills, whose
// YAML front matter the host parsed into the document's nodes.
#pragma once

#include "common.hpp"
#include "scan_facts.hpp"

namespace claude_code {

void analyze_memory(Analysis& a);
void analyze_agent(Analysis& a, ScanFacts& facts);
void analyze_command(Analysis& a);
void analyze_skill(Analysis& a);

}  // namespace claude_code
