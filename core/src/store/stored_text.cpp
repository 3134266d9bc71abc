#include <confscope/store/stored_text.hpp>

namespace confscope::store {

namespace {

// The length of the valid UTF-8 sequence at text[i] (1 to 4), or 0 when the byte there does not
// start one. NUL counts as invalid: PostgreSQL text cannot hold it.
std::size_t sequence_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c == 0) return 0;
    if (c < 0x80) return 1;
    std::size_t extra = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
        if (c == 0xE0) low = 0xA0;   // overlong
        if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
        if (c == 0xF0) low = 0x90;   // overlong
        if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + extra >= text.size()) return 0;  // cut short
    for (std::size_t k = 1; k <= extra; ++k) {
        const unsigned char next = byte(i + k);
        if (k == 1 ? (next < low || next > high) : (next < 0x80 || next > 0xBF)) return 0;
    }
    return extra + 1;
}

constexpr char kHex[] = "0123456789abcdef";

void put_byte(std::string& out, unsigned char c, bool json) {
    out += json ? "\\\\x" : "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 0x0F];
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string sanitize(std::string_view text, bool json) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_at(text, i);
        if (n == 0) {
            put_byte(out, static_cast<unsigned char>(text[i]), json);
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c != 0 && c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = sequence_at(text, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string escape_path(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        const std::size_t n = sequence_at(raw, i);
        if (n == 0) {
            put_byte(out, static_cast<unsigned char>(raw[i]), false);
            ++i;
        } else if (raw[i] == '\\') {
            out += "\\\\";
            ++i;
        } else {
            out.append(raw.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::optional<std::string> unescape_path(std::string_view escaped) {
    if (!is_valid_utf8(escaped)) return std::nullopt;
    std::string out;
    out.reserve(escaped.size());
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        if (escaped[i] != '\\') {
            out += escaped[i];
            continue;
        }
        if (i + 1 < escaped.size() && escaped[i + 1] == '\\') {
            out += '\\';
            ++i;
            continue;
        }
        if (i + 3 < escaped.size() && escaped[i + 1] == 'x') {
            const int high = hex_value(escaped[i + 2]);
            const int low = hex_value(escaped[i + 3]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 3;
                continue;
            }
        }
        return std::nullopt;
    }
    return out;
}

std::string readable_path(std::string_view escaped) {
    auto raw = unescape_path(escaped);
    if (raw && is_valid_utf8(*raw)) return *raw;
    return std::string(escaped);
}

std::string path_from_report(std::string_view shown) {
    auto raw = unescape_path(shown);
    if (raw && !is_valid_utf8(*raw)) return *raw;
    return std::string(shown);
}

std::string sanitize_text(std::string_view text) {
    return sanitize(text, false);
}

std::string sanitize_json(std::string_view json) {
    return sanitize(json, true);
}

}  // namespace confscope::store
