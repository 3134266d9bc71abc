#include <confscope/exporters/report_text.hpp>

namespace confscope::exporters {

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
