// confscope baseline write [--scan ID|latest] [--output FILE|-]
//
// The fingerprints of a stored scan's findings, so CI reports only new ones:
//   confscope baseline write --output .confscope-baseline.json      (commit it)
//   confscope scan --root . --baseline .confscope-baseline.json --fail-on high
#include <ostream>

#include <confscope/io/atomic_write.hpp>
#include <confscope/scan/suppression.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"

namespace confscope::host {

namespace {

int write(Context& context, const Arguments& args) {
    std::string which = "latest";
    std::string output = "-";
    CommandSpec spec;
    spec.usage = "confscope baseline write [--scan ID|latest] [--output FILE|-]";
    spec.description =
        "Writes the fingerprints of a stored scan's findings (the latest by default) as a "
        "baseline. A later\n"
        "`confscope scan --baseline FILE` suppresses those findings, so only new ones count for "
        "--fail-on.\n"
        "Fingerprints depend on the rule, the display path and the JSON pointer: they are the same "
        "on every\n"
        "machine. The file is written whole or not at all.";
    spec.options.add_options()("scan,s",
                               po::value(&which)->default_value("latest")->value_name("ID"),
                               "scan id, UUID, latest or previous")(
        "output,o", po::value(&output)->default_value("-")->value_name("FILE"),
        "where to write (- for stdout)");
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;

    auto opened = context.open_scan(which);
    if (!opened) return context.fail(opened.status());
    store::Store& store = *opened->store;
    const std::int64_t id = opened->id;
    auto summary = store.scan(id);
    if (!summary) return context.fail(summary.status());
    auto findings = store.findings(id);
    if (!findings) return context.fail(findings.status());

    std::vector<scan::BaselineEntry> entries;
    for (const store::StoredFinding& f : *findings) {
        entries.push_back({f.fingerprint, f.rule_id, f.display_path, f.pointer});
    }
    const std::string json = scan::baseline_json(summary->uuid, entries);
    if (output == "-") {
        context.out().out() << json;
        return exit_ok;
    }
    if (Status written = io::write_file_atomically(output, json); !written)
        return context.fail(written);
    if (!context.options().quiet) {
        context.out().err() << "confscope: baseline of scan " << id << " (" << entries.size()
                            << " findings) written to " << output << '\n';
    }
    return exit_ok;
}

}  // namespace

int run_baseline_command(Context& context, const Arguments& args) {
    const std::string usage = "confscope baseline write [--scan ID] [--output FILE]";
    if (args.empty() || args.front() == "--help" || args.front() == "-h") {
        std::ostream& os = args.empty() ? context.out().err() : context.out().out();
        os << "Usage: " << usage
           << "\n\n  write   the fingerprints of a scan's findings, for scan --baseline\n";
        return args.empty() ? exit_usage : exit_ok;
    }
    if (args.front() == "write") return write(context, Arguments(args.begin() + 1, args.end()));
    context.out().error("unknown subcommand 'baseline " + args.front() + "' (usage: " + usage +
                        ")");
    return exit_usage;
}

}  // namespace confscope::host
