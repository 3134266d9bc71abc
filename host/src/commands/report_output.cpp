#include "report_output.hpp"

#include <confscope/io/atomic_write.hpp>
#include <confscope/log/log.hpp>

#include "../app/exit_codes.hpp"
#include "plugin_selection.hpp"

namespace confscope::host {

int write_report(Context& context, store::Store& store, std::int64_t scan_id,
                 const ReportSpec& spec) {
    auto exporter = select_exporter(context, spec.format);
    if (!exporter) return context.fail(exporter.status());
    auto input = report::ExportInput::load(store, scan_id, spec.request);
    if (!input) return context.fail(input.status());
    auto bytes = (*exporter)->run(**input);
    if (!bytes) {
        context.out().error(bytes.status().message() + "; nothing was written");
        // A refused option is the user's to fix (exit 2); anything else is the exporter's (3).
        return bytes.status().code() == StatusCode::invalid_argument ? exit_usage
                                                                     : exit_runtime_error;
    }
    if (spec.output == "-") {
        context.out().out() << *bytes << std::flush;
        return exit_ok;
    }
    if (Status written = io::write_file_atomically(spec.output, *bytes); !written) {
        context.out().error(written.message() + "; nothing was written");
        return exit_runtime_error;
    }
    log::info("wrote the " + spec.format + " report of scan " + std::to_string(scan_id) + " to " +
              spec.output + " (" + std::to_string(bytes->size()) + " bytes)");
    return exit_ok;
}

std::optional<std::vector<std::pair<std::string, std::string>>> parse_export_options(
    Context& context, const std::vector<std::string>& assignments) {
    std::vector<std::pair<std::string, std::string>> options;
    for (const std::string& assignment : assignments) {
        const auto eq = assignment.find('=');
        if (eq == std::string::npos || eq == 0) {
            context.out().error("--option " + assignment + ": write KEY=VALUE");
            return std::nullopt;
        }
        options.emplace_back(assignment.substr(0, eq), assignment.substr(eq + 1));
    }
    return options;
}

bool valid_what(Context& context, const std::string& what) {
    if (what == "findings" || what == "inventory" || what == "files") return true;
    context.out().error("--what " + what + ": use findings, inventory or files");
    return false;
}

}  // namespace confscope::host
