#include <confscope/exporters/report_text.hpp>

namespace confscope::exporters {

std::string visible_controls(std::string_view text) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool crlf = c == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
        if ((c < 0x20 && c != '\n' && c != '\t' && !crlf) || c == 0x7F) {
            out += "\\x";
            out += kDigits[c >> 4];
            out += kDigits[c & 0xF];
            continue;
        }
        unsigned code = 0;
        std::size_t length = 0;
        if (c == 0xC2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) {
                code = next;
                length = 2;
            }
        } else if (c == 0xE2 && i + 2 < text.size()) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) ||
                (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
                code = 0x2000u | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
                length = 3;
            }
        }
        if (length == 0) {
            out.push_back(text[i]);
            continue;
        }
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4)
            out += kDigits[(code >> shift) & 0xF];
        i += length - 1;
    }
    return out;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    out += "\xEF\xBF\xBD";  // U+FFFD: XML 1.0 has no escape for these
                } else {
                    out.push_back(ch);
                }
        }
    }
    return out;
}

std::string location_text(const sdk::ExportFinding& finding) {
    std::string text(finding.display_path);
    if (finding.line > 0) {
        text += ":" + std::to_string(finding.line);
        if (finding.column > 0) text += ":" + std::to_string(finding.column);
    }
    return text;
}

std::string_view severity_title(sdk::Severity severity) {
    switch (severity) {
        case sdk::Severity::critical:
            return "Critical";
        case sdk::Severity::high:
            return "High";
        case sdk::Severity::medium:
            return "Medium";
        case sdk::Severity::low:
            return "Low";
        case sdk::Severity::info:
            break;
    }
    return "Info";
}

}  // namespace confscope::exporters
