// confscope/exporters/report_text.hpp — small text helpers the in-tree exporters share.
#pragma once

#include <string>
#include <string_view>

#include <confscope/sdk/export.hpp>

namespace confscope::exporters {

/// `text` with &, <, >, " and ' escaped for XML and HTML text and attribute values. Characters XML
/// 1.0 forbids (control characters but tab, newline and carriage return) become U+FFFD, so any
/// stored message yields a well-formed document.
std::string xml_escape(std::string_view text);

/// `text` with every control character made visible, for formats people open in a terminal or a
/// spreadsheet (CSV): C0 controls other than newline, tab and a carriage return before a newline
/// as \xNN, DEL as \x7f, C1 controls
/// and the bidirectional overrides (U+202A–U+202E, U+2066–U+2069) as \uNNNN. A file or server
/// name cannot then clear a screen, set a title or reorder what a reader sees.
std::string visible_controls(std::string_view text);

/// Where a finding is, for people: "app/.mcp.json:5:7" (line and column when known).
std::string location_text(const sdk::ExportFinding& finding);

/// "Critical", "High", ... for headings and tables.
std::string_view severity_title(sdk::Severity severity);

/// Every severity, from the most severe down.
inline constexpr sdk::Severity kSeveritiesDescending[] = {
    sdk::Severity::critical, sdk::Severity::high, sdk::Severity::medium, sdk::Severity::low,
    sdk::Severity::info};

}  // namespace confscope::exporters
