#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <re2/re2.h>

#include <confscope/io/sha256.hpp>
#include <confscope/secrets/redactor.hpp>

namespace confscope::secrets {

std::string marker(std::string_view rule, std::string_view secret) {
    return "[REDACTED:" + std::string(rule) + ":" + io::sha256_hex(secret).substr(0, 8) + "]";
}

void Scrubber::add(std::string value, std::string marker_text) {
    if (value.size() < 6) return;
    for (const auto& [known, _] : known_) {
        if (known == value) return;
    }
    known_.emplace_back(std::move(value), std::move(marker_text));
    // Longest first, so a secret that contains another is replaced whole.
    std::sort(known_.begin(), known_.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::string Scrubber::scrub(std::string_view text) const {
    if (text.empty()) return {};  // most pointers of whole-file findings
    std::string out(text);
    for (const auto& [value, replacement] : known_) {
        for (std::size_t pos = out.find(value); pos != std::string::npos;
             pos = out.find(value, pos + replacement.size())) {
            out.replace(pos, value.size(), replacement);
        }
    }
    const std::vector<TokenMatch> tokens = detector_->find_tokens(out);
    for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
        out.replace(it->offset, it->length,
                    marker("SECRET", std::string_view(out).substr(it->offset, it->length)));
    }
    return out;
}

namespace {

void scrub_value(rapidjson::Value& value, std::string_view key, const Scrubber& scrubber,
                 const Detector& detector, rapidjson::Document::AllocatorType& allocator) {
    if (value.IsString()) {
        const std::string_view text(value.GetString(), value.GetStringLength());
        std::string replaced;
        if (!key.empty() && !Detector::is_reference(text) && Detector::secret_pair(key, text)) {
            replaced = marker("SECRET", text);
        } else {
            replaced = scrubber.scrub(text);
        }
        if (replaced != text)
            value.SetString(replaced.data(), static_cast<rapidjson::SizeType>(replaced.size()),
                            allocator);
        return;
    }
    if (value.IsObject()) {
        for (auto& member : value.GetObject()) {
            const std::string_view name(member.name.GetString(), member.name.GetStringLength());
            scrub_value(member.value, name, scrubber, detector, allocator);
        }
    } else if (value.IsArray()) {
        for (auto& element : value.GetArray())
            scrub_value(element, "", scrubber, detector, allocator);
    }
}

}  // namespace

namespace {

// Every member name of a JSON text ("name": ...), found without parsing: a quoted string
// followed by a colon. Over-approximates (a string value followed by ':' inside another string
// is taken too), which only costs a full scrub.
bool has_secret_named_member(std::string_view json) {
    for (std::size_t colon = json.find(':'); colon != std::string_view::npos;
         colon = json.find(':', colon + 1)) {
        std::size_t end = colon;
        while (end > 0 && (json[end - 1] == ' ' || json[end - 1] == '\n'))
            --end;
        if (end == 0 || json[end - 1] != '"') continue;
        const std::size_t start = json.rfind('"', end - 2 < end ? end - 2 : 0);
        if (start == std::string_view::npos || start + 1 >= end - 1) continue;
        if (Detector::is_secret_key_name(json.substr(start + 1, end - start - 2))) return true;
    }
    return false;
}

}  // namespace

std::string Scrubber::scrub_json(std::string_view json) const {
    // Most inventory data holds nothing to scrub: no known secret, no token shape, no member
    // named like a secret. Then the text stays as it is, without a parse and a rewrite.
    const bool knows_one = std::any_of(known_.begin(), known_.end(), [&](const auto& k) {
        return json.find(k.first) != std::string_view::npos;
    });
    if (!knows_one && detector_->find_tokens(json).empty() && !has_secret_named_member(json))
        return std::string(json);
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError()) return scrub(json);
    scrub_value(doc, "", *this, *detector_, doc.GetAllocator());
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    doc.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

namespace {

struct LoosePair {
    std::size_t value_offset;
    std::size_t value_length;
};

// "KEY": "value" and KEY=value pairs with a secret-named key and a secret-looking value.
std::vector<LoosePair> find_loose_pairs(std::string_view text) {
    // "key": "value" (JSON-like), and key: value / KEY=value / export KEY="value" (YAML, .env,
    // shell, prose). Group 1 is the key, group 2 the value.
    static const RE2 json_pair(R"re("([A-Za-z0-9_.\-]{1,64})"\s*:\s*"((?:[^"\\\n]|\\.)+)")re");
    static const RE2 assignment(
        R"re((?m)^[ \t>*-]*(?:export[ \t]+)?([A-Za-z0-9_.\-]{1,64})[ \t]*[:=][ \t]*["']?([^\s"'#,]{8,}))re");
    std::vector<LoosePair> pairs;
    const re2::StringPiece input(text.data(), text.size());
    for (const RE2* re : {&json_pair, &assignment}) {
        std::array<re2::StringPiece, 3> groups;
        std::size_t start = 0;
        while (start < text.size() &&
               re->Match(input, start, text.size(), RE2::UNANCHORED, groups.data(), 3)) {
            const std::string_view key(groups[1].data(), groups[1].size());
            const std::string_view value(groups[2].data(), groups[2].size());
            // Counted repetitions make RE2's automaton large; bound the length here instead.
            if (value.size() <= 1000 && !Detector::is_reference(value) &&
                Detector::secret_pair(key, value)) {
                pairs.push_back(
                    {static_cast<std::size_t>(value.data() - text.data()), value.size()});
            }
            start = static_cast<std::size_t>(groups[0].data() - text.data()) +
                    std::max<std::size_t>(groups[0].size(), 1);
        }
    }
    return pairs;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x110000) {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::optional<std::uint32_t> hex_value(std::string_view digits) {
    std::uint32_t value = 0;
    for (const char c : digits) {
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0) return std::nullopt;
        value = value * 16 + static_cast<std::uint32_t>(d);
    }
    return value;
}

// The text of a double-quoted string with JSON, YAML and TOML escapes decoded (\u005f, \x5f,
// \U0000005F, \n ...). An escape that does not decode is kept as it is.
std::string decode_escapes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out.push_back(text[i]);
            continue;
        }
        const char e = text[++i];
        const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        if (digits > 0 && i + digits < text.size()) {
            if (const auto cp = hex_value(text.substr(i + 1, digits)); cp) {
                std::uint32_t code = *cp;
                i += digits;
                // A UTF-16 surrogate pair written as two \u escapes.
                if (e == 'u' && code >= 0xD800 && code < 0xDC00 && i + 6 < text.size() &&
                    text[i + 1] == '\\' && text[i + 2] == 'u') {
                    if (const auto low = hex_value(text.substr(i + 3, 4));
                        low && *low >= 0xDC00 && *low < 0xE000) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (*low - 0xDC00);
                        i += 6;
                    }
                }
                append_utf8(out, code);
                continue;
            }
        }
        switch (e) {
            case 'n':
                out.push_back('\n');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case '0':
                out.push_back('\0');
                break;
            case '"':
            case '\\':
            case '/':
            case '\'':
            case ' ':
                out.push_back(e);
                break;
            case '_':
                append_utf8(out, 0xA0);
                break;  // YAML: non-breaking space
            default:
                out.push_back('\\');
                out.push_back(e);
        }
    }
    return out;
}

// Double-quoted strings on one line that hold an escape: a token written with escapes
// ("ghp\u005f…", a JSON key, YAML "\x5f") does not match its shape in the raw bytes. Each such
// string whose decoded text holds a token is a secret span over the whole quoted text.
void add_escaped_tokens(std::string_view bytes, const Detector& detector,
                        std::vector<SecretSpan>& spans) {
    constexpr std::size_t kLongest = 64 * 1024;
    std::size_t i = bytes.find('"');
    while (i != std::string_view::npos && i < bytes.size()) {
        bool escaped = false;
        std::size_t end = i + 1;
        for (; end < bytes.size() && bytes[end] != '"' && bytes[end] != '\n'; ++end) {
            if (bytes[end] == '\\') {
                escaped = true;
                ++end;
            }
        }
        if (end >= bytes.size() || bytes[end] != '"') {  // not closed on this line
            i = end >= bytes.size() ? std::string_view::npos : bytes.find('"', end);
            continue;
        }
        const std::string_view inner = bytes.substr(i + 1, end - i - 1);
        if (escaped && inner.size() <= kLongest) {
            const std::vector<TokenMatch> tokens = detector.find_tokens(decode_escapes(inner));
            if (!tokens.empty()) spans.push_back({i + 1, inner.size(), tokens.front().shape});
        }
        i = bytes.find('"', end + 1);
    }
}

}  // namespace

std::vector<SecretSpan> find_secret_spans(std::string_view bytes, const parse::Document& doc,
                                          const Detector& detector) {
    return find_secret_spans(bytes, doc, detector.find_tokens(bytes), detector);
}

std::vector<SecretSpan> find_secret_spans(std::string_view bytes, const parse::Document& doc,
                                          const std::vector<TokenMatch>& tokens,
                                          const Detector& detector) {
    std::vector<SecretSpan> spans;
    for (const TokenMatch& token : tokens) {
        spans.push_back({token.offset, token.length, token.shape});
    }
    if (bytes.find('\\') != std::string_view::npos) add_escaped_tokens(bytes, detector, spans);
    // Text no node covers — a file that did not parse, a Markdown body, plain text — can still
    // hold "KEY": "value" or KEY=value pairs with a secret-named key.
    const bool unparsed = doc.error.has_value() || doc.format == sdk::Format::text;
    const std::size_t from = std::min(unparsed                              ? std::size_t{0}
                                      : doc.format == sdk::Format::markdown ? doc.body_offset
                                                                            : bytes.size(),
                                      bytes.size());
    for (const LoosePair& pair : find_loose_pairs(bytes.substr(from))) {
        const SecretSpan span{from + pair.value_offset, pair.value_length, "named-key"};
        const bool inside_token = std::any_of(spans.begin(), spans.end(), [&](const SecretSpan& t) {
            return t.offset <= span.offset && span.offset + span.length <= t.offset + t.length;
        });
        if (!inside_token) spans.push_back(span);
    }
    std::sort(spans.begin(), spans.end(),
              [](const SecretSpan& a, const SecretSpan& b) { return a.offset < b.offset; });
    return spans;
}

namespace {

// Every token of a string node's value appears as it is in the node's raw text.
bool tokens_written_plainly(const parse::Node& node, std::string_view bytes,
                            const Detector& detector) {
    if (node.value_offset + node.value_length > bytes.size()) return false;
    const std::string_view raw = bytes.substr(node.value_offset, node.value_length);
    for (const TokenMatch& t : detector.find_tokens(node.value)) {
        if (raw.find(std::string_view(node.value).substr(t.offset, t.length)) ==
            std::string_view::npos)
            return false;
    }
    return true;
}

}  // namespace

Redaction redact_file(std::string_view bytes, const parse::Document& doc,
                      const std::vector<SecretSpan>& secrets,
                      const std::map<std::string, std::string, std::less<>>& rules,
                      const Detector& detector) {
    struct Span {
        std::size_t offset;
        std::size_t length;
        std::string replacement;
    };
    Redaction result{std::string(), 0, Scrubber(detector)};
    std::vector<Span> spans;

    auto rule_for = [&](std::string_view pointer) -> std::string {
        const auto it = rules.find(pointer);
        return it == rules.end() ? std::string("SECRET") : it->second;
    };

    // Whole values the detector or a plugin's SEC-* finding marked as secrets.
    std::vector<const parse::Node*> strings;
    for (const parse::Node& node : doc.nodes) {
        if (node.kind != parse::NodeKind::string) continue;
        strings.push_back(&node);
        const bool reported = rules.find(node.pointer) != rules.end();
        if ((node.flags & CONFSCOPE_NODE_FLAG_REFERENCE) != 0 || node.value_length == 0) continue;
        if ((node.flags & CONFSCOPE_NODE_FLAG_SECRET_TOKEN) != 0 &&
            !tokens_written_plainly(node, bytes, detector)) {
            // An escaped or continued token (JSON \u005f, a TOML line continuation) is not in
            // the bytes as it is: the whole value goes.
            const std::string mark = marker(rule_for(node.pointer), node.value);
            spans.push_back({static_cast<std::size_t>(node.value_offset),
                             static_cast<std::size_t>(node.value_length), "\"" + mark + "\""});
            result.scrubber.add(node.value, mark);
            for (const TokenMatch& t : detector.find_tokens(node.value))
                result.scrubber.add(node.value.substr(t.offset, t.length), mark);
            continue;
        }
        if ((node.flags & CONFSCOPE_NODE_FLAG_SECRET_ENTROPY) == 0 && !reported) continue;
        // "Authorization: Bearer x" keeps its name and scheme when the text shows them unescaped.
        const std::size_t keep = Detector::secret_offset(node.value);
        const std::string_view secret = std::string_view(node.value).substr(keep);
        const std::string mark = marker(rule_for(node.pointer), secret);
        const std::string_view raw = bytes.substr(node.value_offset, node.value_length);
        const bool quoted = raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') &&
                            raw.back() == raw.front();
        if (keep > 0 && quoted && raw.size() >= keep + 2 &&
            raw.substr(1, keep) == std::string_view(node.value).substr(0, keep)) {
            spans.push_back({static_cast<std::size_t>(node.value_offset) + 1 + keep,
                             raw.size() - keep - 2, mark});
        } else {
            spans.push_back({static_cast<std::size_t>(node.value_offset),
                             static_cast<std::size_t>(node.value_length), "\"" + mark + "\""});
        }
        result.scrubber.add(std::string(secret), mark);
    }

    // Secrets found in the bytes: token shapes anywhere, named values in text no node covers.
    for (const SecretSpan& found : secrets) {
        // The innermost string node around the secret names the rule.
        std::string_view pointer;
        for (const parse::Node* node : strings) {
            if (node->value_offset <= found.offset &&
                found.offset + found.length <= node->value_offset + node->value_length) {
                pointer = node->pointer;
            }
        }
        const std::string_view secret = bytes.substr(found.offset, found.length);
        const std::string mark = marker(rule_for(pointer), secret);
        spans.push_back({found.offset, found.length, mark});
        result.scrubber.add(std::string(secret), mark);
    }

    // Apply, outermost first; a span inside one already replaced is dropped.
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
    });
    result.text.reserve(bytes.size());
    std::size_t cursor = 0;
    for (const Span& span : spans) {
        if (span.offset < cursor || span.offset + span.length > bytes.size()) continue;
        result.text.append(bytes.substr(cursor, span.offset - cursor));
        result.text.append(span.replacement);
        cursor = span.offset + span.length;
        ++result.count;
    }
    result.text.append(bytes.substr(cursor));
    return result;
}

Redaction redact_text(std::string_view bytes, sdk::Format format, const Detector& detector) {
    parse::Document doc = parse::parse(format, bytes);
    flag_document(doc, detector);
    const std::vector<SecretSpan> spans = find_secret_spans(bytes, doc, detector);
    return redact_file(bytes, doc, spans, {}, detector);
}

}  // namespace confscope::secrets
