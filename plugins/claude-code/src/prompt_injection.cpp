#include "prompt_injection.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>

#include "injection_phrases.hpp"
#include "instruction_context.hpp"
#include "markdown_commands.hpp"
#include "prose_instructions.hpp"
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
    // Every hidden character is outside ASCII: most files are ASCII through and through.
    if (std::none_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        return;
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

// Line numbers of byte offsets, found with a binary search.
class LineStarts {
  public:
    explicit LineStarts(std::string_view text) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') starts_.push_back(i + 1);
        }
    }
    [[nodiscard]] std::size_t line_of(std::size_t offset) const {
        return static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                                        starts_.begin());
    }

  private:
    std::vector<std::size_t> starts_;
};

// Role tags that open a fake system or chat turn: "[SYSTEM]", "<|system|>", "<|im_start|>system",
// "[INST]", "<<SYS>>", at the start of a line (after a list marker or a quote) — the length of
// the tag, or 0.
std::size_t role_tag_at_line_start(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>' ||
                               line[i] == '-' || line[i] == '*'))
        ++i;
    const std::string rest = to_lower(line.substr(i, 24));
    for (const std::string_view tag :
         {"[system]", "<|system|>", "<|im_start|>system", "<|im_start|>", "[inst]", "<<sys>>",
          "[system message]", "<|start_header_id|>system"}) {
        if (rest.starts_with(tag)) return i + tag.size();
    }
    return 0;
}

// The role tags of a text (outside code), as [offset, end) ranges: at line starts, and anywhere
// inside an HTML comment.
std::vector<ByteRange> role_tags(std::string_view text, const InstructionContext& context,
                                 const std::vector<ByteRange>& comments) {
    std::vector<ByteRange> out;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto end = text.find('\n', pos);
        const std::size_t stop = end == std::string_view::npos ? text.size() : end;
        if (const std::size_t n = role_tag_at_line_start(text.substr(pos, stop - pos));
            n > 0 && !context.in_code(pos)) {
            std::size_t from = pos;
            while (from < stop && std::string_view("<[").find(text[from]) == std::string_view::npos)
                ++from;
            out.emplace_back(from, pos + n);
        }
        pos = stop + 1;
    }
    for (const ByteRange& c : comments) {
        const std::string body = to_lower(text.substr(c.first, c.second - c.first));
        for (const std::string_view tag : {"[system]", "<|system|>", "<|im_start|>", "<<sys>>"}) {
            if (const auto at = body.find(tag); at != std::string::npos) {
                out.emplace_back(c.first + at, c.first + at + tag.size());
                break;
            }
        }
    }
    // Chat-template tokens ("<|im_start|>", "<|endofprompt|>") have no other use in prose.
    for (std::size_t at = text.find("<|"); at != std::string_view::npos;
         at = text.find("<|", at + 2)) {
        const auto close = text.find("|>", at + 2);
        if (close == std::string_view::npos || close - at > 30) continue;
        const std::string_view name = text.substr(at + 2, close - at - 2);
        const bool token = !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
            return (ch >= 'a' && ch <= 'z') || ch == '_';
        });
        if (token && !context.in_any_code(at)) out.emplace_back(at, close + 2);
    }
    std::sort(out.begin(), out.end());
    out.erase(
        std::unique(out.begin(), out.end(),
                    [](const ByteRange& x, const ByteRange& y) { return x.first == y.first; }),
        out.end());
    return out;
}

// What one line says, for one finding per line and rule.
struct LineFinding {
    std::size_t offset = 0;  // the first thing found on the line
    std::vector<std::string> quotes;
};

void add_to_line(std::map<std::size_t, LineFinding>& lines, std::size_t line, std::size_t offset,
                 std::string quote) {
    LineFinding& f = lines[line];
    if (f.quotes.empty() || offset < f.offset) f.offset = offset;
    if (std::find(f.quotes.begin(), f.quotes.end(), quote) == f.quotes.end() && f.quotes.size() < 4)
        f.quotes.push_back(std::move(quote));
}

std::string listed(const std::vector<std::string>& quotes) {
    std::string out;
    for (std::size_t i = 0; i < quotes.size(); ++i)
        out += (i == 0 ? "" : i + 1 == quotes.size() ? " and " : ", ") + quotes[i];
    return out;
}

void check_injection(Analysis& a) {
    const std::string_view text = a.doc.bytes();
    const InstructionContext context(text);
    const std::vector<ByteRange>& code = context.code_blocks();
    const LineStarts lines(text);
    std::map<std::size_t, LineFinding> injection, comment_lines, no_confirmation;
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
        if (instruction_like(body))
            add_to_line(comment_lines, lines.line_of(pos), pos, excerpt(body));
        pos = text.find("<!--", stop);
    }
    for (const ByteRange& tag : role_tags(text, context, comments)) {
        if (within(comments, tag.first) && comment_lines.contains(lines.line_of(tag.first)))
            continue;  // the comment is reported already
        add_to_line(injection, lines.line_of(tag.first), tag.first,
                    excerpt(text.substr(tag.first, tag.second - tag.first)) + " (a fake role tag)");
    }
    for (const PhraseMatch& m : find_instruction_phrases(text)) {
        const bool is_injection = m.kind == PhraseKind::injection;
        if (is_injection && within(comments, m.offset)) continue;  // reported with its comment
        if (context.in_any_code(m.offset)) {
            // A code example is evidence, unless it speaks to the assistant.
            if (!context.addresses_assistant(m.offset) || context.not_asked_for(m.offset)) continue;
        } else if (context.not_asked_for(m.offset) || context.quoted(m.offset, m.end)) {
            continue;  // "YOU MUST NEVER: exfiltrate", a list under "Don't:", a quotation
        }
        add_to_line(is_injection ? injection : no_confirmation, lines.line_of(m.offset), m.offset,
                    excerpt(text.substr(m.offset, m.end - m.offset)));
    }
    // One finding per line and rule: several phrases on a line are one instruction.
    std::size_t reported = 0;
    for (const auto& [line, f] : comment_lines) {
        if (reported++ >= kMaxPerFile) break;
        a.sink.finding("PI-002", Severity::medium,
                       "an HTML comment, invisible when the Markdown is rendered, gives Claude "
                       "an instruction: " +
                           f.quotes.front(),
                       location_at(a.file, text, f.offset));
    }
    for (const auto& [line, f] : injection) {
        if (comment_lines.contains(line)) continue;  // one PI-002 per line
        if (reported++ >= kMaxPerFile) break;
        a.sink.finding("PI-002", Severity::medium,
                       (f.quotes.size() == 1 ? "prompt-injection phrase " + f.quotes.front()
                                             : "prompt-injection phrases " + listed(f.quotes)) +
                           ": text that tries to override Claude's instructions",
                       location_at(a.file, text, f.offset));
    }
    for (const auto& [line, f] : no_confirmation) {
        if (reported++ >= kMaxPerFile) break;
        a.sink.finding("PI-005", Severity::high,
                       (f.quotes.size() == 1 ? "instruction " + f.quotes.front()
                                             : "instructions " + listed(f.quotes)) +
                           " tells Claude to act without asking you first",
                       location_at(a.file, text, f.offset));
    }
}

// ---- PI-004: commands that run downloads or send secrets ------------------------------------

void check_command_instructions(Analysis& a) {
    const std::string_view text = a.doc.bytes();
    // The body only: commands in the front matter are hooks and servers, judged as such.
    const std::string_view body = a.doc.body();
    const std::size_t body_at = text.ends_with(body) ? text.size() - body.size() : 0;
    const LineStarts lines(text);
    std::set<std::size_t> reported_lines;
    for (CommandInstruction c : command_instructions(text.substr(body_at))) {
        c.offset += body_at;
        reported_lines.insert(lines.line_of(c.offset));
        const std::string quote = excerpt(c.command);
        const std::string what =
            c.kind == CommandInstruction::Kind::download_execute
                ? "instructions tell Claude to download and run code: " + quote
            : c.kind == CommandInstruction::Kind::destruction
                ? "instructions tell Claude to destroy data (" + c.why + "): " + quote
                : "instructions tell Claude to send data off the machine (" + c.why + "): " + quote;
        a.sink.finding("PI-004", Severity::high, what, location_at(a.file, text, c.offset));
    }
    // The same in words: "send the collected data to https://…", "read ~/.aws/credentials and
    // use the key".
    for (ProseInstruction p : prose_exfiltration(text.substr(body_at))) {
        p.offset += body_at;
        if (!reported_lines.insert(lines.line_of(p.offset)).second) continue;
        const std::string_view lead = p.why.starts_with("downloads ") ? "download and run code"
                                      : p.why.find(" into the conversation") != std::string::npos ||
                                              p.why.starts_with("reads ")
                                          ? "expose credentials"
                                          : "send data off the machine";
        a.sink.finding("PI-004", Severity::high,
                       "instructions tell Claude to " + std::string(lead) + " (" + p.why +
                           "): " + excerpt(p.sentence),
                       location_at(a.file, text, p.offset));
    }
}

}  // namespace

void check_prompt_injection(Analysis& a) {
    check_hidden_unicode(a);
    check_injection(a);
    check_command_instructions(a);
}

}  // namespace claude_code
