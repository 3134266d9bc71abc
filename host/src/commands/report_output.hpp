// Writing one report of a stored scan with an exporter plugin: shared by `confscope export` and
// `confscope scan --format F --output FILE`.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <confscope/report/export_input.hpp>
#include <confscope/store/store.hpp>

#include "../app/context.hpp"

namespace confscope::host {

/// One report to write.
struct ReportSpec {
    std::string format;        ///< exporter format ("sarif") or library path
    std::string output = "-";  ///< a file, or "-" for stdout
    report::ExportRequest request;
};

/// Exports scan `scan_id` as `spec` says. The output file is written to a temporary file and
/// renamed, so a failed export leaves no file (and an existing one untouched); stdout gets the
/// bytes only once the exporter succeeded. Returns 0, or the exit code after printing the error.
int write_report(Context& context, store::Store& store, std::int64_t scan_id,
                 const ReportSpec& spec);

/// Parses --option key=value pairs; on a malformed one prints the error and returns nothing.
std::optional<std::vector<std::pair<std::string, std::string>>> parse_export_options(
    Context& context, const std::vector<std::string>& assignments);

/// Checks a --what value; prints the error when it is unknown.
bool valid_what(Context& context, const std::string& what);

}  // namespace confscope::host
