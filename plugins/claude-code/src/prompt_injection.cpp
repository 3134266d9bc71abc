#include "prompt_injection.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <set>

#include "injection_phrases.hpp"
#include "instruction_context.hpp"
#include "markdown_commands.hpp"
#include "text_positions.hpp"

namespace claude_code {

namespace {

using sdk::Severity;

// ---- PI-001: hidden Unicode ---------------------------------------------------------------------

struct CodePoint {
    char32_t value;
    std::size_t offset;
};

std::vector<CodePoint> decode(std::string_view text) {
    std::vector<CodePoint> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t n = b < 0x80           ? 1
                              : (b >> 5) == 0x6  ? 2
                              : (b >> 4) == 0xE  ? 3
                              : (b >> 3) == 0x1E ? 4
                                                 : 1;
        char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        bool valid = i + n <= text.size();
        for (std::size_t k = 1; valid && k < n; ++k) {
            const auto c = static_cast<unsigned char>(text[i + k]);
            valid = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
        }
        out.push_back({valid ? cp : 0xFFFD, i});
        i += valid ? n : 1;
    }
    return out;
}

bool emoji_like(char32_t c) {
    return c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF) || c == 0xFE0F;
}

// Scripts that write with zero-width non-joiners (Arabic, Persian, Indic).
bool joining_script(char32_t c) {
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0x0900 && c <= 0x0DFF) || (c >= 0xFB50 && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFC);
}

// What kind of hidden character `c` is, "" when it is visible or used legitimately here.
std::string_view hidden_kind(const std::vector<CodePoint>& cps, std::size_t i, bool in_flag) {
    const char32_t c = cps[i].value;
    const char32_t prev = i > 0 ? cps[i - 1].value : 0;
    const char32_t next = i + 1 < cps.size() ? cps[i + 1].value : 0;
    if (c == 0xFEFF) return cps[i].offset == 0 ? "" : "zero-width";  // a BOM is fine first
    if (c == 0x200D) return emoji_like(prev) && emoji_like(next) ? "" : "zero-width";  // emoji ZWJ
    if (c == 0x200C) return joining_script(prev) && joining_script(next) ? "" : "zero-width";
    if (c == 0x200B || c == 0x2060) return "zero-width";
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return "bidirectional control";
    if (c >= 0xE0000 && c <= 0xE007F) return in_flag ? "" : "tag";  // subdivision flags use tags
    return "";
}

void check_hidden_unicode(Analysis& a) {
    const std::string_view text = a.doc.bytes();
    const std::vector<CodePoint> cps = decode(text);
    std::size_t count = 0, first = 0;
    std::set<std::string_view> kinds;
    bool in_flag = false;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i].value;
        const std::string_view kind = hidden_kind(cps, i, in_flag);
        in_flag = c == 0x1F3F4 || (in_flag && c >= 0xE0020 && c < 0xE007F);
        if (kind.empty()) continue;
        if (count++ == 0) first = cps[i].offset;
        kinds.insert(kind);
    }
    if (count == 0) return;
    std::string list;
    for (const std::string_view k : kinds)
        list += (list.empty() ? "" : ", ") + std::string(k);
    const sdk::Location at = location_at(a.file, text, first);
    a.sink.finding("PI-001", Severity::high,
                   std::to_string(count) + " hidden Unicode character(s) (" + list +
                       "), first at line " + std::to_string(at.line) +
                       ": Claude reads text that reviewers do not see; remove them",
                   at);
}

constexpr std::size_t kMaxPerFile = 100;

// `offset` in one of `ranges` (sorted, not overlapping): a binary search, so that a file with
// many comments and phrases stays fast.
bool within(const std::vector<ByteRange>& ranges, std::size_t offset) {
    const auto next =
        std::upper_bound(ranges.begin(), ranges.end(), offset,
                         [](std::size_t at, const ByteRange& r) { return at < r.first; });
    return next != ranges.begin() && offset < std::prev(next)->second;
}

// ---- PI-002: injection phrases and hidden comments
// ------------------------------------------------

// The text in quotes with white space collapsed, cut after 60 bytes on a code point boundary.
std::string excerpt(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        const bool starts_code_point = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (starts_code_point && out.size() >= 60) {
            out += "…";
            break;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return "\"" + out + "\"";
}

void check_injection(Analysis& a) {
    const std::string_view text = a.doc.bytes();
    const InstructionContext context(text);
    const std::vector<ByteRange>& code = context.code_blocks();
    std::vector<ByteRange> comments;
    std::size_t pos = text.find("<!--");
    while (pos != std::string_view::npos) {
        const auto end = text.find("-->", pos + 4);
        const std::size_t body_end = end == std::string_view::npos ? text.size() : end;
        const std::size_t stop = end == std::string_view::npos ? text.size() : end + 3;
        if (within(code, pos)) {
            pos = text.find("<!--", pos + 4);
            continue;
        }
        comments.emplace_back(pos, stop);
        const std::string_view body = text.substr(pos + 4, body_end - pos - 4);
        if (instruction_like(body)) {
            a.sink.finding("PI-002", Severity::medium,
                           "an HTML comment, invisible when the Markdown is rendered, gives Claude "
                           "an instruction: " +
                               excerpt(body),
                           location_at(a.file, text, pos));
        }
        pos = text.find("<!--", stop);
    }
    std::size_t reported = 0;
    for (const PhraseMatch& m : find_instruction_phrases(text)) {
        if (reported >= kMaxPerFile) break;  // a file with more is reported by its first hundred
        const bool injection = m.kind == PhraseKind::injection;
        if (injection && within(comments, m.offset)) continue;  // reported with its comment
        if (context.in_code(m.offset)) {
            // A code example is evidence, unless it speaks to the assistant.
            if (!context.addresses_assistant(m.offset) || context.defensive_context(m.offset))
                continue;
        } else if (context.not_asked_for(m.offset) || context.quoted(m.offset, m.end)) {
            continue;  // "YOU MUST NEVER: exfiltrate", a list under "Don't:", a quotation
        }
        const std::string quote = excerpt(text.substr(m.offset, m.end - m.offset));
        ++reported;
        if (injection) {
            a.sink.finding("PI-002", Severity::medium,
                           "prompt-injection phrase " + quote +
                               ": text that tries to override Claude's instructions",
                           location_at(a.file, text, m.offset));
        } else {
            a.sink.finding("PI-005", Severity::high,
                           "instruction " + quote + " tells Claude to act without asking you first",
                           location_at(a.file, text, m.offset));
        }
    }
}

// ---- PI-004: commands that run downloads or send secrets ------------------------------------

void check_command_instructions(Analysis& a) {
    const std::string_view text = a.doc.bytes();
    // The body only: commands in the front matter are hooks and servers, judged as such.
    const std::string_view body = a.doc.body();
    const std::size_t body_at = text.ends_with(body) ? text.size() - body.size() : 0;
    for (CommandInstruction c : command_instructions(text.substr(body_at))) {
        c.offset += body_at;
        const std::string quote = excerpt(c.command);
        const std::string what =
            c.kind == CommandInstruction::Kind::download_execute
                ? "instructions tell Claude to download and run code: " + quote
                : "instructions tell Claude to send data off the machine (" + c.why + "): " + quote;
        a.sink.finding("PI-004", Severity::high, what, location_at(a.file, text, c.offset));
    }
}

}  // namespace

void check_prompt_injection(Analysis& a) {
    check_hidden_unicode(a);
    check_injection(a);
    check_command_instructions(a);
}

}  // namespace claude_code
