// confscope/report/scan_document.hpp — reading the canonical JSON export (written by the json
// exporter plugin; docs/EXPORT_JSON.md) back into a scan, for `confscope import`.
//
// The reader accepts every 1.x document (members it does not know are ignored) and refuses a newer
// major version, a different format and any malformed member with one message that names the
// source, the place (line and column, or the JSON pointer of the member) and the fix.
//
// Example:
//     CONFSCOPE_ASSIGN_OR_RETURN(scan::ScanResult scan, report::read_scan_document(text, path));
//     CONFSCOPE_ASSIGN_OR_RETURN(auto id, store->save(scan));
#pragma once

#include <string>
#include <string_view>

#include <confscope/base/status.hpp>
#include <confscope/scan/model.hpp>

namespace confscope::report {

/// The "format" member of a scan document.
inline constexpr std::string_view kScanDocumentFormat = "confscope-scan";
/// The newest format major this build reads.
inline constexpr int kScanDocumentMajor = 1;

/// Parses a scan document. `source` names it in messages (a path, or "standard input").
/// The scan keeps its UUID; file content is not part of a document, so none is restored.
Result<scan::ScanResult> read_scan_document(std::string_view json, const std::string& source);

}  // namespace confscope::report
