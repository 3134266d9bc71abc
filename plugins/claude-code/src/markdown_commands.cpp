#include "markdown_commands.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <confscope/plugin_common/shell_commands.hpp>
#include <confscope/plugin_common/text.hpp>

#include "common.hpp"
#include "exfiltration.hpp"
#include "hook_behaviour.hpp"
#include "instruction_context.hpp"

namespace claude_code {

namespace {

constexpr std::size_t kMaxPerFile = 100;  // a file with more is reported by its first hundred

struct Line {
    std::size_t offset = 0;
    std::string text;  // continuation lines joined with a space
};

std::vector<Line> logical_lines(std::string_view text) {
    std::vector<Line> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        Line line{pos, {}};
        while (pos < text.size()) {
            const auto end = text.find('\n', pos);
            std::string_view part =
                text.substr(pos, end == std::string_view::npos ? end : end - pos);
            pos = end == std::string_view::npos ? text.size() : end + 1;
            if (!part.empty() && part.back() == '\r') part.remove_suffix(1);
            if (part.ends_with('\\') && pos < text.size()) {
                line.text.append(part.substr(0, part.size() - 1)).push_back(' ');
                continue;
            }
            line.text.append(part);
            break;
        }
        out.push_back(std::move(line));
    }
    return out;
}

// The code spans of a line: `…` and ``…``.
std::vector<std::string> code_spans(std::string_view line) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const auto open = line.find('`', pos);
        if (open == std::string_view::npos) break;
        std::size_t ticks = 0;
        while (open + ticks < line.size() && line[open + ticks] == '`')
            ++ticks;
        if (ticks >= 3) break;  // a fence line
        const std::string fence(ticks, '`');
        const auto close = line.find(fence, open + ticks);
        if (close == std::string_view::npos) break;
        out.emplace_back(line.substr(open + ticks, close - open - ticks));
        pos = close + ticks;
    }
    return out;
}

// What a command sends that is worth stealing: the environment, credential files, the
// transcript, shell history, the keychain.
bool sends_secrets(std::string_view command) {
    if (!credential_read(command).empty()) return true;
    const std::string l = to_lower(command);
    for (const std::string_view source : {"$(env",      "`env`",
                                          "env |",      "env|",
                                          "printenv",   "/proc/self/environ",
                                          "$(set)",     "set |",
                                          "transcript", ".claude/projects",
                                          "_history",   "history |",
                                          "/.ssh",      "id_rsa",
                                          "id_ed25519", ".aws/",
                                          ".netrc",     "credentials",
                                          "keychain",   ".git-credentials"}) {
        if (l.find(source) != std::string::npos) return true;
    }
    return false;
}

// Where the command starts in the line: the first download or network tool, or 0.
std::size_t command_start(std::string_view line) {
    const std::string l = to_lower(line);
    std::size_t best = std::string::npos;
    for (const std::string_view tool :
         {"curl", "wget", "iwr", "irm", "invoke-", "fetch", "bash <", "sh -c", "nc ", "scp "}) {
        const auto at = l.find(tool);
        if (at != std::string::npos && at < best) best = at;
    }
    return best == std::string::npos ? 0 : best;
}

// Where a destructive command starts in a line: "rm -", "dd ", "mkfs", "find ", "Remove-Item".
std::size_t destructive_start(std::string_view line) {
    // One pass, no lower-cased copy: most lines name none of these tools.
    static constexpr std::string_view kTools[] = {"rm -",  "sudo rm ",    "dd ",    "mkfs",
                                                  "find ", "remove-item", "wipefs", "diskutil "};
    for (std::size_t at = 0; at < line.size(); ++at) {
        if (at > 0 && std::isalnum(static_cast<unsigned char>(line[at - 1]))) continue;
        const char first = confscope::plugin_common::ascii_lower(line[at]);
        for (const std::string_view tool : kTools) {
            if (tool[0] != first || line.size() - at < tool.size()) continue;
            bool same = true;
            for (std::size_t k = 1; same && k < tool.size(); ++k)
                same = confscope::plugin_common::ascii_lower(line[at + k]) == tool[k];
            if (same) return at;
        }
    }
    return std::string::npos;
}

// The data a line's command destroys (HOOK-012's judgement: the home folder, the disk, a
// system folder, the whole project), read in its code spans or from the command's first word on;
// "" when none.
std::string destruction_in(std::string_view line) {
    const std::size_t start = destructive_start(line);
    if (start == std::string::npos) return {};
    std::vector<std::string> candidates = code_spans(line);
    if (candidates.empty()) candidates.emplace_back(line.substr(start));
    for (const std::string& c : candidates) {
        for (const BehaviourFinding& b : hook_behaviours(c)) {
            if (b.kind == Behaviour::destruction) return b.why;
        }
    }
    return {};
}

}  // namespace

std::vector<CommandInstruction> command_instructions(std::string_view text) {
    std::vector<CommandInstruction> out;
    const InstructionContext context(text);
    for (const Line& line : logical_lines(text)) {
        if (out.size() >= kMaxPerFile) break;
        const std::string& t = line.text;
        if (std::string why = destruction_in(t); !why.empty()) {
            CommandInstruction found;
            found.kind = CommandInstruction::Kind::destruction;
            found.why = std::move(why);
            const std::size_t start = std::min(destructive_start(t), t.size());
            found.offset = line.offset + start;
            found.command = t.substr(start);
            if (!context.not_asked_for(found.offset)) out.push_back(std::move(found));
            continue;
        }
        if (t.find("curl") == std::string::npos && t.find("wget") == std::string::npos &&
            to_lower(t).find("iwr") == std::string::npos &&
            to_lower(t).find("irm") == std::string::npos &&
            to_lower(t).find("invoke-") == std::string::npos &&
            t.find("nc ") == std::string::npos && t.find("scp ") == std::string::npos &&
            t.find("/dev/tcp") == std::string::npos && t.find("fetch") == std::string::npos)
            continue;  // cheap filter: most lines hold no command of interest
        CommandInstruction found;
        const std::size_t start = std::min(command_start(t), t.size());
        found.offset = line.offset + start;
        found.command = t.substr(start);
        if (runs_downloaded_code(t)) {
            found.kind = CommandInstruction::Kind::download_execute;
        } else {
            std::vector<std::string> candidates = code_spans(t);
            if (candidates.empty()) candidates.push_back(t);
            for (const std::string& c : candidates) {
                const std::string why = exfiltration(c);
                if (!why.empty() && sends_secrets(c)) {
                    found.kind = CommandInstruction::Kind::exfiltration;
                    found.why = why;
                    found.command = c;
                    break;
                }
            }
            if (found.why.empty()) continue;
        }
        if (context.not_asked_for(found.offset)) continue;
        out.push_back(std::move(found));
    }
    return out;
}

}  // namespace claude_code
