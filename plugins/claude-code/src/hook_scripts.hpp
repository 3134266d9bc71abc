// Scripts that hooks run (.claude/hooks/, ~/.claude/hooks/, a plugin's hooks/): the
// hook-behaviour rules line by line — HOOK-002 (download and execute), HOOK-003 (exfiltration),
// HOOK-006..HOOK-012 (persistence, privilege, listeners, history wiping, credential reads,
// package installs) and AUTH-002 (TLS checks off) — at the script's line. Shell scripts (.sh,
// .bash, .zsh, or a sh/bash/zsh shebang) are read command by command, their variables followed
// through the whole script; Python and JavaScript/TypeScript only where they hand a command line
// to a shell (os.system, subprocess.*, child_process exec/spawn, Bun's and zx's $`…`). Comments
// and here-document bodies are not commands. Linear in the script's size.
#pragma once

#include "common.hpp"

namespace claude_code {

/// The language a hook script is read as, from its name and shebang.
enum class ScriptLanguage { none, shell, python, javascript };

/// .sh/.bash/.zsh -> shell, .py -> python, .js/.mjs/.cjs/.ts -> javascript; a file without an
/// extension by its shebang (#!/bin/bash, #!/usr/bin/env python3, #!/usr/bin/env node); else none.
ScriptLanguage script_language(std::string_view file_name, std::string_view text);

/// The findings of one hook script.
void analyze_hook_script(Analysis& a);

}  // namespace claude_code
