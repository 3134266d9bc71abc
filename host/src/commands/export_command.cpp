// confscope export [--scan ID|latest] --format F [--output FILE|-] [--what W] [--option K=V]...
//                  [--fail-on SEVERITY]
//
// A stored scan as a report, through an exporter plugin: json (the canonical document `import`
// reads), csv, markdown, html, sarif, junit — or any installed third-party format.
#include <optional>

#include <confscope/scan/model.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"
#include "report_output.hpp"

namespace confscope::host {

int run_export_command(Context& context, const Arguments& args) {
    std::string which = "latest";
    ReportSpec spec;
    std::vector<std::string> options;
    std::string fail_on = "none";
    CommandSpec cli;
    cli.usage =
        "confscope export [--scan ID|latest] --format FORMAT [--output FILE|-] [--what WHAT] "
        "[--option KEY=VALUE]... [--fail-on SEVERITY]";
    cli.description =
        "Writes a stored scan (the latest by default) as a report: json (the canonical document "
        "that\n`confscope import` reads), csv, markdown, html, sarif or junit, or the format of "
        "any "
        "installed\nexporter plugin. A file is written whole or not at all.";
    cli.options.add_options()("scan,s",
                              po::value(&which)->default_value("latest")->value_name("ID"),
                              "scan id, UUID, latest or previous")(
        "format,f", po::value(&spec.format)->value_name("FORMAT")->required(),
        "json, csv, markdown, html, sarif, junit, or an exporter library path")(
        "output,o", po::value(&spec.output)->default_value("-")->value_name("FILE"),
        "where to write (- for stdout)")(
        "what", po::value(&spec.request.what)->default_value("findings")->value_name("WHAT"),
        "for one-table formats (csv): findings, inventory or files")(
        "option", po::value(&options)->composing()->value_name("KEY=VALUE"),
        "an exporter option (repeatable; see docs/EXPORT.md)")(
        "fail-on", po::value(&fail_on)->default_value("none")->value_name("SEVERITY"),
        "exit 1 when the scan has an unsuppressed finding at or above this severity; JUnit marks "
        "those as failures (default threshold: low)");
    cli.positional.add("scan", 1);
    po::variables_map vm;
    if (auto code = parse_command(context, cli, args, vm)) return *code;

    std::optional<sdk::Severity> threshold;
    if (!parse_fail_on(context, fail_on, threshold)) return exit_usage;
    spec.request.fail_on = threshold.value_or(sdk::Severity::low);
    if (!valid_what(context, spec.request.what)) return exit_usage;
    auto parsed = parse_export_options(context, options);
    if (!parsed) return exit_usage;
    spec.request.options = std::move(*parsed);

    auto opened = context.open_scan(which);
    if (!opened) return context.fail(opened.status());
    store::Store& store = *opened->store;
    const std::int64_t id = opened->id;
    if (const int code = write_report(context, store, id, spec); code != exit_ok) return code;

    if (threshold) {
        auto findings = store.findings(id);
        if (!findings) return context.fail(findings.status());
        for (const store::StoredFinding& f : *findings) {
            const auto severity = scan::parse_severity(f.severity);
            if (!f.suppressed && severity && *severity >= *threshold) return exit_findings;
        }
    }
    return exit_ok;
}

}  // namespace confscope::host
