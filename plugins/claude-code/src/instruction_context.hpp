// Whether text in a Markdown instruction file asks for something or forbids it. A phrase or a
// command is not an instruction to do it when the same sentence negates it ("YOU MUST NEVER:
// Exfiltrate client data", "NO data exfiltrated", "never run curl … | bash") or when it is listed
// under a prohibition ("Never:", "## Don'ts", "Avoid the following:", "Bad:"). Code — a fenced
// block or an inline code span — is evidence too when the heading or lead-in it sits under
// presents it as an attack, an example or a test ("## Prompt-injection examples", "Malicious
// payloads look like this:"). Running prose never is: Claude reads it as instructions whatever
// heading is above it, so "## Examples of prompt injection" cannot hide a live payload. The basis
// of PI-002, PI-004 and PI-005's near misses.
#pragma once

#include <string_view>
#include <vector>

#include "text_positions.hpp"

namespace claude_code {

/// One Markdown text, its fenced code blocks found once; the questions below are asked per match.
/// Each looks at most a bounded stretch of text around the offset, so a hostile file with many
/// matches stays linear.
class InstructionContext {
  public:
    explicit InstructionContext(std::string_view text);

    /// A negation (never, not, no, don't, must not, avoid, forbid, prevent, ...) among the eight
    /// words before `offset` in the same sentence.
    [[nodiscard]] bool negated_before(std::size_t offset) const;

    /// The nearest heading above `offset`, or the lead-in line of the list or code block
    /// `offset` is in, forbids, warns against or quotes what follows (never, don't, avoid,
    /// forbidden, dangerous, warning, attack, malicious, injection, example, detect, ...).
    [[nodiscard]] bool defensive_context(std::size_t offset) const;

    /// The same heading or lead-in forbids what follows: a negation (never, don't, must not,
    /// avoid, forbidden, prohibited, ...) or a verdict (bad, wrong, unsafe, anti-patterns,
    /// mistakes, pitfalls) — not a topic (examples, attacks, threats, injection, warnings).
    [[nodiscard]] bool prohibition_context(std::size_t offset) const;

    /// The text at `offset` is not asked for: negated_before; in code, defensive_context; in
    /// prose, prohibition_context.
    [[nodiscard]] bool not_asked_for(std::size_t offset) const;

    /// The text [offset, end) stands in quotation marks ("…", '…', `…`, “…”), right around it or
    /// opened earlier on its line: it is quoted, not said ('ask the agent to "forget previous
    /// instructions"', '(e.g., "ignore previous instructions")', 'write "Please ignore all
    /// previous instructions" in the field').
    [[nodiscard]] bool quoted(std::size_t offset, std::size_t end) const;

    /// The line at `offset` speaks to an AI: Claude, assistant, AI, LLM, Copilot, GPT, ChatGPT,
    /// "system:".
    [[nodiscard]] bool addresses_assistant(std::size_t offset) const;

    /// `offset` lies in a fenced code block.
    [[nodiscard]] bool in_code(std::size_t offset) const;

    /// `offset` lies in an inline code span (`…`, ``…``) of its line.
    [[nodiscard]] bool in_code_span(std::size_t offset) const;

    /// in_code or in_code_span: code, which is evidence unless it speaks to the assistant.
    [[nodiscard]] bool in_any_code(std::size_t offset) const {
        return in_code(offset) || in_code_span(offset);
    }

    [[nodiscard]] const std::vector<ByteRange>& code_blocks() const { return code_; }

  private:
    [[nodiscard]] bool context_says(std::size_t offset, bool (*says)(std::string_view)) const;

    std::string_view text_;
    std::vector<ByteRange> code_;
    std::vector<std::size_t> headings_;  ///< line starts of headings outside code, in order
};

}  // namespace claude_code
