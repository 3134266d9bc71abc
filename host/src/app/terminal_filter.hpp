// Nothing from a scanned file, a plugin or a store reaches the terminal as a control sequence.
//
// Folder names, server names, plugin log lines and imported host names are attacker-controlled;
// written raw they could set the terminal's title, clear the screen, move the cursor or return
// to the start of a line and forge an "all clear" summary. EscapingStreambuf sits between
// std::cout / std::cerr / std::clog and their real buffers and writes every control character
// as visible text: C0 controls other than newline and tab (and carriage return before a
// newline) as \xNN, DEL as \x7f, C1 controls and the bidirectional overrides (U+202A–U+202E,
// U+2066–U+2069, "Trojan source") as \uNNNN. The only escape sequences let through are
// confscope's own colours, and only while colour is on. It applies to every command and also
// to --json output (which RapidJSON already escapes, so the escaped C1 forms stay valid JSON).
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace confscope::host {

class EscapingStreambuf : public std::streambuf {
  public:
    /// Writes to `target` (borrowed; it must outlive this buffer).
    explicit EscapingStreambuf(std::streambuf* target) : target_(target) {}
    ~EscapingStreambuf() override;
    EscapingStreambuf(const EscapingStreambuf&) = delete;
    EscapingStreambuf& operator=(const EscapingStreambuf&) = delete;

    /// Lets confscope's own colour sequences through (off: every escape is shown as text).
    void allow_colors(bool allow) { allow_colors_ = allow; }

    /// The buffer written to: for output that must reach the terminal as is (the progress line).
    [[nodiscard]] std::streambuf* target() const { return target_; }

  protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

  private:
    void put(unsigned char c);
    void flush_pending();  // writes held bytes that turned out not to be a sequence, escaped
    void emit(std::string_view bytes);

    std::streambuf* target_;
    bool allow_colors_ = false;
    std::string pending_;  // a possible escape sequence, CR or multi-byte character, undecided
};

/// Puts an EscapingStreambuf in front of std::cout, std::cerr and std::clog for the life of the
/// process (idempotent). Call before anything is written.
void install_terminal_filters();

/// Lets the colour sequences through on stdout and/or stderr (after the colour decision).
void allow_terminal_colors(bool stdout_colors, bool stderr_colors);

/// A stream on the real stderr, past the filter: for confscope's own progress line only.
std::ostream& raw_stderr();

}  // namespace confscope::host
