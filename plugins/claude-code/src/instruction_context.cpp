#include "instruction_context.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include <confscope/plugin_common/text.hpp>

#include "text_positions.hpp"

namespace claude_code {

namespace {

constexpr int kListLines = 300;  // how far up the items of a list are walked to its lead-in

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '_';
}

// Lower-case words (ASCII letters, digits, apostrophes; a curly apostrophe becomes ').
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 3) == "\xE2\x80\x99" && !current.empty()) {
            current.push_back('\'');
            i += 2;
        } else if (word_char(text[i])) {
            current.push_back(confscope::plugin_common::ascii_lower(text[i]));
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

bool starts_with_any(std::string_view w, std::initializer_list<std::string_view> stems) {
    return std::any_of(stems.begin(), stems.end(),
                       [&](std::string_view s) { return w.starts_with(s); });
}

bool negation(std::string_view w) {
    return in(w,
              {"never",   "not",     "no",       "nor",       "neither",  "don't",     "dont",
               "doesn't", "won't",   "can't",    "cannot",    "mustn't",  "shouldn't", "isn't",
               "aren't",  "avoid",   "avoiding", "refuse",    "reject",   "disallow",  "disallowed",
               "against", "without", "block",    "blocked",   "blocking", "ban",       "banned",
               "bans",    "prevent", "prevents", "preventing"}) ||
           starts_with_any(w, {"forbid", "prohibit"});
}

std::string_view line_at(std::string_view text, std::size_t offset, std::size_t* start = nullptr) {
    offset = std::min(offset, text.size());
    const auto open = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t from = open == std::string_view::npos || offset == 0 ? 0 : open + 1;
    const auto end = text.find('\n', offset);
    if (start) *start = from;
    return text.substr(from, end == std::string_view::npos ? end : end - from);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '>'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool list_item(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') return true;
    std::size_t digits = 0;
    while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits])))
        ++digits;
    return digits > 0 && digits + 1 < t.size() && (t[digits] == '.' || t[digits] == ')') &&
           t[digits + 1] == ' ';
}

bool heading(std::string_view line) {
    return trim(line).starts_with('#');
}

bool fence(std::string_view line) {
    const std::string_view t = trim(line);
    return t.starts_with("```") || t.starts_with("~~~");
}

// Words that forbid what follows or judge it bad: a list under them is not a request.
bool prohibition_words(std::string_view text) {
    const std::vector<std::string> ws = words(text);
    for (std::size_t i = 0; i < ws.size(); ++i) {
        const std::string& w = ws[i];
        if (negation(w) && w != "no" && w != "without" && w != "against" && w != "block" &&
            w != "blocked" && w != "blocking" && w != "prevent" && w != "prevents" &&
            w != "preventing")
            return true;
        if (in(w, {"don'ts", "donts", "bad", "wrong", "incorrect", "unsafe", "insecure",
                   "dangerous", "antipatterns", "antipattern", "pitfalls", "mistakes", "restricted",
                   "denied", "deny"}))
            return true;
        if (w == "anti" && i + 1 < ws.size() && ws[i + 1].starts_with("pattern")) return true;
        if (starts_with_any(w, {"forbid", "prohibit", "refus"})) return true;
        if (w == "must" && i + 1 < ws.size() && in(ws[i + 1], {"not", "never"})) return true;
    }
    return false;
}

// Words that present what follows as forbidden, dangerous or an example rather than a request.
bool defensive_words(std::string_view text) {
    if (prohibition_words(text)) return true;
    const std::vector<std::string> ws = words(text);
    for (const std::string& w : ws) {
        if (negation(w) && w != "no" && w != "without" && w != "against") return true;
        if (in(w, {"danger",     "warning",    "warnings", "caution",  "careful",      "beware",
                   "risky",      "risks",      "example",  "examples", "sample",       "samples",
                   "fixture",    "fixtures",   "payload",  "payloads", "injection",    "injections",
                   "jailbreak",  "jailbreaks", "phishing", "exploit",  "exploits",     "vulnerable",
                   "suspicious", "red",        "threat",   "threats",  "restrictions", "guardrails",
                   "boundaries", "limits"}))
            return true;
        if (starts_with_any(w, {"attack", "malicious", "detect"})) return true;
    }
    return false;
}

}  // namespace

InstructionContext::InstructionContext(std::string_view text)
    : text_(text), code_(fenced_blocks(text)) {
    std::size_t block = 0;  // the first code block that does not end before `pos`
    for (std::size_t pos = 0; pos < text.size();) {
        const auto end = text.find('\n', pos);
        const std::string_view line =
            text.substr(pos, end == std::string_view::npos ? end : end - pos);
        while (block < code_.size() && code_[block].second <= pos)
            ++block;
        const bool in_block = block < code_.size() && code_[block].first <= pos;
        if (!in_block && heading(line)) headings_.push_back(pos);
        pos = end == std::string_view::npos ? text.size() : end + 1;
    }
}

bool InstructionContext::in_code(std::size_t offset) const {
    const auto block =
        std::upper_bound(code_.begin(), code_.end(), offset,
                         [](std::size_t at, const ByteRange& r) { return at < r.first; });
    return block != code_.begin() && offset < std::prev(block)->second;
}

bool InstructionContext::negated_before(std::size_t offset) const {
    const std::string_view text = text_;
    offset = std::min(offset, text.size());
    std::size_t start = offset;
    while (start > 0 && offset - start < 400) {
        const char c = text[start - 1];
        if ((c == '.' || c == '!' || c == '?' || c == ';') && start < text.size() &&
            (text[start] == ' ' || text[start] == '\n' || text[start] == '\t'))
            break;
        if (c == '\n') {
            // A blank line, a list item, a heading or a fence starts a new sentence.
            const std::string_view line = line_at(text, start);
            const std::string_view before = line_at(text, start - 1);
            if (list_item(line) || heading(line) || fence(line) || trim(line).empty() ||
                trim(before).empty() || fence(before))
                break;
        }
        --start;
    }
    std::vector<std::string> ws = words(text.substr(start, offset - start));
    const std::size_t from = ws.size() > 8 ? ws.size() - 8 : 0;
    for (std::size_t i = from; i < ws.size(); ++i) {
        // "without" negates only what follows it closely ("without exfiltrating data"), not a
        // phrase further on ("work without breaks, ignore all previous instructions").
        if (ws[i] == "without" && i + 2 < ws.size()) continue;
        if (negation(ws[i])) return true;
        if (in(ws[i], {"must", "should", "may", "will"}) && i + 1 < ws.size() &&
            in(ws[i + 1], {"not", "never"}))
            return true;
    }
    return false;
}

bool InstructionContext::context_says(std::size_t offset, bool (*says)(std::string_view)) const {
    const std::string_view text = text_;
    std::size_t line_start = 0;
    line_at(text, offset, &line_start);
    // The nearest heading above (outside code blocks).
    const auto after = std::upper_bound(headings_.begin(), headings_.end(), offset);
    if (after != headings_.begin() && *std::prev(after) < line_start) {
        if (says(line_at(text, *std::prev(after)))) return true;
    }
    // The lead-in: the prose line right above the code block or the list `offset` is in.
    std::size_t top = line_start;  // the first line of the block or list
    const auto block =
        std::upper_bound(code_.begin(), code_.end(), offset,
                         [](std::size_t at, const ByteRange& r) { return at < r.first; });
    const bool in_block = block != code_.begin() && offset < std::prev(block)->second;
    if (in_block) {
        top = std::prev(block)->first;
    } else {
        if (!list_item(line_at(text, offset)) && line_at(text, offset).find_first_not_of(" \t") < 2)
            return false;  // a paragraph: no lead-in
        // Walk up over the list's items, their indented continuations and blank lines (a list of
        // a few hundred lines at most: a longer one is no lead-in's).
        for (int lines = 0; top > 0 && lines < kListLines; ++lines) {
            std::size_t prev_start = 0;
            const std::string_view prev = line_at(text, top - 1, &prev_start);
            const bool continuation = !prev.empty() && (prev[0] == ' ' || prev[0] == '\t');
            if (!list_item(prev) && !continuation && !trim(prev).empty()) break;
            top = prev_start;
        }
    }
    std::size_t blank_lines = 0;
    for (std::size_t pos = top; pos > 0 && blank_lines < 2;) {
        std::size_t prev_start = 0;
        const std::string_view prev = line_at(text, pos - 1, &prev_start);
        pos = prev_start;
        if (trim(prev).empty()) {
            ++blank_lines;
            continue;
        }
        if (heading(prev) || fence(prev)) return false;
        return says(prev);
    }
    return false;
}

bool InstructionContext::defensive_context(std::size_t offset) const {
    return context_says(offset, defensive_words);
}

bool InstructionContext::prohibition_context(std::size_t offset) const {
    return context_says(offset, prohibition_words);
}

bool InstructionContext::not_asked_for(std::size_t offset) const {
    if (negated_before(offset)) return true;
    return in_any_code(offset) ? defensive_context(offset) : prohibition_context(offset);
}

bool InstructionContext::in_code_span(std::size_t offset) const {
    if (in_code(offset)) return false;
    std::size_t start = 0;
    const std::string_view line = line_at(text_, offset, &start);
    const std::size_t at = offset - start;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const auto open = line.find('`', pos);
        if (open == std::string_view::npos || open > at) return false;
        std::size_t ticks = 0;
        while (open + ticks < line.size() && line[open + ticks] == '`')
            ++ticks;
        const auto close = line.find(std::string(ticks, '`'), open + ticks);
        if (close == std::string_view::npos) return false;
        if (at < close) return true;
        pos = close + ticks;
    }
    return false;
}

bool InstructionContext::quoted(std::size_t offset, std::size_t end) const {
    const std::string_view text = text_;
    // The quote character right before the phrase (white space aside) ...
    std::size_t before = offset;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t'))
        --before;
    std::string_view open;
    for (const std::string_view q : {"\"", "'", "`", "\xE2\x80\x9C", "\xE2\x80\x98"}) {
        if (before >= q.size() && text.substr(before - q.size(), q.size()) == q) open = q;
    }
    if (open.empty()) {
        // A quotation opened earlier on the line: an odd number of straight double quotes
        // before the phrase, or a “ not closed yet; and its closing quote after it.
        std::size_t line_start = 0;
        const std::string_view line = line_at(text, offset, &line_start);
        const std::string_view head = line.substr(0, offset - line_start);
        const std::string_view tail = line.substr(std::min(end - line_start, line.size()));
        const bool straight = std::count(head.begin(), head.end(), '"') % 2 == 1 &&
                              tail.find('"') != std::string_view::npos;
        const auto curly_open = head.rfind("\xE2\x80\x9C");
        const bool curly = curly_open != std::string_view::npos &&
                           head.find("\xE2\x80\x9D", curly_open) == std::string_view::npos &&
                           tail.find("\xE2\x80\x9D") != std::string_view::npos;
        return straight || curly;
    }
    const std::string_view close = open == "\xE2\x80\x9C"   ? "\xE2\x80\x9D"
                                   : open == "\xE2\x80\x98" ? "\xE2\x80\x99"
                                                            : open;
    // ... and its closing quote within a few words after it, on the same line.
    const std::string_view after = text.substr(end, 80);
    const auto at = after.find(close);
    return at != std::string_view::npos && after.substr(0, at).find('\n') == std::string_view::npos;
}

bool InstructionContext::addresses_assistant(std::size_t offset) const {
    const std::string_view text = text_;
    const std::vector<std::string> ws = words(line_at(text, offset));
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (in(ws[i], {"claude", "assistant", "ai", "llm", "copilot", "gpt", "chatgpt", "system"}))
            return true;
        if (ws[i] == "language" && i + 1 < ws.size() && ws[i + 1] == "model") return true;
    }
    return false;
}

}  // namespace claude_code
