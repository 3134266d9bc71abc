// Whether text in a Markdown instruction file asks for something or forbids it. A phrase or a
// command is not an instruction to do it when the same sentence negates it ("YOU MUST NEVER:
// Exfiltrate client data", "NO data exfiltrated", "never run curl … | bash"), when it is listed
// under a prohibition ("Never:", "## Don'ts", "Avoid the following:"), or when the heading or
// lead-in it sits under presents it as an attack, an example or a test ("## Prompt-injection
// examples", "Malicious payloads look like this:"). The basis of PI-002, PI-004 and PI-005's
// near misses.
#pragma once

#include <string_view>

namespace claude_code {

/// A negation (never, not, no, don't, must not, avoid, forbid, prevent, ...) among the eight words
/// before `offset` in the same sentence.
bool negated_before(std::string_view text, std::size_t offset);

/// The nearest heading above `offset`, or the lead-in line of the list or code block `offset`
/// is in, forbids, warns against or quotes what follows (never, don't, avoid, forbidden,
/// dangerous, warning, attack, malicious, injection, example, detect, ...).
bool defensive_context(std::string_view text, std::size_t offset);

/// negated_before or defensive_context: the text at `offset` is not asked for.
bool not_asked_for(std::string_view text, std::size_t offset);

/// The text [offset, end) stands in quotation marks ("…", '…', `…`, “…”): it is quoted, not said
/// ('ask the agent to "forget previous instructions"', '(e.g., "ignore previous instructions")').
bool quoted(std::string_view text, std::size_t offset, std::size_t end);

/// The line at `offset` speaks to an AI: Claude, assistant, AI, LLM, model, agent, Copilot,
/// GPT, ChatGPT, "system:".
bool addresses_assistant(std::string_view text, std::size_t offset);

}  // namespace claude_code
