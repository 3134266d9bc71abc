// Quoting configuration text in finding messages.
#pragma once

#include <string>
#include <string_view>

namespace claude_code {

/// `text` in double quotes, shortened to about `max` bytes with "…", never inside a UTF-8 code
/// point (messages are stored as text; PostgreSQL refuses invalid UTF-8).
inline std::string text_in_quotes(std::string_view text, std::size_t max = 80) {
    if (text.size() <= max) return "\"" + std::string(text) + "\"";
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return "\"" + std::string(text.substr(0, cut)) + "…\"";
}

}  // namespace claude_code
