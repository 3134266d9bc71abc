#include "terminal_filter.hpp"

#include <array>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string_view>

namespace confscope::host {

namespace {

// Every escape sequence confscope writes itself (output.cpp, log.cpp).
constexpr std::array<std::string_view, 8> kOwnColors = {"\033[0m",    "\033[1m",   "\033[2m",
                                                        "\033[31m",   "\033[33m",  "\033[36m",
                                                        "\033[1;31m", "\033[1;35m"};
constexpr std::size_t kLongestColor = 7;

bool is_prefix_of_a_color(std::string_view bytes) {
    for (const std::string_view color : kOwnColors)
        if (color.starts_with(bytes)) return true;
    return false;
}

bool is_color(std::string_view bytes) {
    for (const std::string_view color : kOwnColors)
        if (color == bytes) return true;
    return false;
}

std::string hex_escape(unsigned char c) {
    static constexpr char kDigits[] = "0123456789abcdef";
    return std::string("\\x") + kDigits[c >> 4] + kDigits[c & 0xF];
}

std::string unicode_escape(unsigned code) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text = "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        text += kDigits[(code >> shift) & 0xF];
    return text;
}

// Three-byte characters that reorder text: U+202A–U+202E and U+2066–U+2069.
bool is_bidi_control(unsigned char b1, unsigned char b2) {
    return (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
}

}  // namespace

EscapingStreambuf::~EscapingStreambuf() {
    flush_pending();
}

void EscapingStreambuf::emit(std::string_view bytes) {
    target_->sputn(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void EscapingStreambuf::flush_pending() {
    if (pending_.empty()) return;
    const std::string held = std::move(pending_);
    pending_.clear();
    const auto first = static_cast<unsigned char>(held[0]);
    if (first == 0x1B || first == '\r') {
        emit(hex_escape(first));
    } else {
        emit(held.substr(0, 1));  // a lead byte that did not start a control character
    }
    for (std::size_t i = 1; i < held.size(); ++i)
        put(static_cast<unsigned char>(held[i]));
}

void EscapingStreambuf::put(unsigned char c) {
    if (!pending_.empty()) {
        const auto first = static_cast<unsigned char>(pending_[0]);
        if (first == 0x1B) {
            pending_ += static_cast<char>(c);
            if (allow_colors_ && is_color(pending_)) {
                emit(pending_);
                pending_.clear();
            } else if (!allow_colors_ || !is_prefix_of_a_color(pending_) ||
                       pending_.size() >= kLongestColor) {
                flush_pending();
            }
            return;
        }
        if (first == '\r') {
            pending_.clear();
            emit(c == '\n' ? std::string_view("\r") : std::string_view("\\x0d"));
            put(c);
            return;
        }
        if (first == 0xC2) {  // C1 controls are U+0080–U+009F: C2 80 … C2 9F
            pending_.clear();
            if (c >= 0x80 && c <= 0x9F) {
                emit(unicode_escape(c));
            } else {
                emit("\xC2");
                put(c);
            }
            return;
        }
        // first == 0xE2: a possible bidirectional control
        pending_ += static_cast<char>(c);
        if (pending_.size() == 2) {
            if (c != 0x80 && c != 0x81) {
                pending_.clear();
                emit("\xE2");
                put(c);
            }
            return;
        }
        const auto b1 = static_cast<unsigned char>(pending_[1]);
        pending_.clear();
        if (is_bidi_control(b1, c)) {
            emit(unicode_escape(0x2000u | ((b1 & 0x3Fu) << 6) | (c & 0x3Fu)));
        } else {
            const char bytes[3] = {'\xE2', static_cast<char>(b1), static_cast<char>(c)};
            emit(std::string_view(bytes, 3));
        }
        return;
    }
    if (c == 0x1B || c == '\r' || c == 0xC2 || c == 0xE2) {
        pending_ += static_cast<char>(c);
        return;
    }
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
        emit(hex_escape(c));
        return;
    }
    target_->sputc(static_cast<char>(c));
}

EscapingStreambuf::int_type EscapingStreambuf::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    put(static_cast<unsigned char>(traits_type::to_char_type(c)));
    return c;
}

namespace {

// Bytes that never need a look: printable ASCII, newline, tab, and UTF-8 bytes that cannot start
// a C1 or bidirectional control.
bool is_plain(unsigned char c) {
    if (c < 0x20) return c == '\n' || c == '\t';
    return c != 0x7F && c != 0xC2 && c != 0xE2;
}

}  // namespace

std::streamsize EscapingStreambuf::xsputn(const char* s, std::streamsize n) {
    std::streamsize i = 0;
    while (i < n) {
        if (pending_.empty()) {  // runs of plain bytes go through in one write
            std::streamsize run = i;
            while (run < n && is_plain(static_cast<unsigned char>(s[run])))
                ++run;
            if (run > i) {
                target_->sputn(s + i, run - i);
                i = run;
                continue;
            }
        }
        put(static_cast<unsigned char>(s[i]));
        ++i;
    }
    return n;
}

int EscapingStreambuf::sync() {
    // A sequence cut by a flush is not completed later by a well-behaved writer: show it.
    if (!pending_.empty() && static_cast<unsigned char>(pending_[0]) != 0xE2 &&
        static_cast<unsigned char>(pending_[0]) != 0xC2)
        flush_pending();
    return target_->pubsync();
}

namespace {

struct Filters {
    std::unique_ptr<EscapingStreambuf> out, err, log;
    std::unique_ptr<std::ostream> raw_err;
    // The standard streams outlive this object (their final flush comes later): give them
    // their own buffers back first.
    ~Filters() {
        if (!out) return;
        std::cout.flush();
        std::cerr.flush();
        std::clog.flush();
        std::cout.rdbuf(out->target());
        std::cerr.rdbuf(err->target());
        std::clog.rdbuf(log->target());
    }
};

Filters& filters() {
    static Filters f;
    return f;
}

}  // namespace

void install_terminal_filters() {
    Filters& f = filters();
    if (f.out) return;
    f.out = std::make_unique<EscapingStreambuf>(std::cout.rdbuf());
    f.err = std::make_unique<EscapingStreambuf>(std::cerr.rdbuf());
    f.log = std::make_unique<EscapingStreambuf>(std::clog.rdbuf());
    f.raw_err = std::make_unique<std::ostream>(std::cerr.rdbuf());
    std::cout.rdbuf(f.out.get());
    std::cerr.rdbuf(f.err.get());
    std::clog.rdbuf(f.log.get());
}

void allow_terminal_colors(bool stdout_colors, bool stderr_colors) {
    Filters& f = filters();
    if (!f.out) return;
    f.out->allow_colors(stdout_colors);
    f.err->allow_colors(stderr_colors);
    f.log->allow_colors(stderr_colors);
}

std::ostream& raw_stderr() {
    Filters& f = filters();
    return f.raw_err ? *f.raw_err : std::cerr;
}

}  // namespace confscope::host
