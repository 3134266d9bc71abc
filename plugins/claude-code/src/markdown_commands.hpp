// Command lines in Markdown instructions (CLAUDE.md, rules, agents, commands, skills) that run
// downloaded code or send secrets away (PI-004): in prose, code spans, fenced blocks (lines
// joined at a trailing backslash) and HTML comments alike. Lines that forbid, warn against or
// quote them (instruction_context.hpp) and plain downloads are not reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claude_code {

struct CommandInstruction {
    enum class Kind { download_execute, exfiltration, destruction };
    Kind kind = Kind::download_execute;
    std::size_t offset = 0;  ///< where the command starts in the text
    std::string command;     ///< the line, for the message
    std::string why;  ///< exfiltration: "curl uploads data (-d) to x.example"; destruction: "rm -r
                      ///< deletes the home folder"
};

/// At most one per line, in text order.
std::vector<CommandInstruction> command_instructions(std::string_view text);

}  // namespace claude_code
