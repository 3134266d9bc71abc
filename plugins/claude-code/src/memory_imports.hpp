// PI-003: an @path import in a memory file (CLAUDE.md, CLAUDE.local.md, rules) that resolves
// outside the project folder and outside the home folder (@/etc/passwd, @../../../x). Relative
// imports resolve against the importing file's folder, as Claude Code does; imports in code spans
// and fenced code blocks are not imports.
#pragma once

#include "common.hpp"

namespace claude_code {

void check_memory_imports(Analysis& a);

}  // namespace claude_code
