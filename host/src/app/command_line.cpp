#include "command_line.hpp"

#include <ostream>

#include <confscope/scan/model.hpp>

#include "exit_codes.hpp"

namespace confscope::host {

bool parse_fail_on(Context& context, const std::string& text,
                   std::optional<sdk::Severity>& threshold) {
    threshold.reset();
    if (text == "none") return true;
    threshold = scan::parse_severity(text);
    if (threshold) return true;
    context.out().error("--fail-on " + text + ": use info, low, medium, high, critical or none");
    return false;
}

void print_help(std::ostream& out, const CommandSpec& spec) {
    out << "Usage: " << spec.usage << "\n\n"
        << spec.description << "\n\n"
        << spec.options
        << "\nGlobal options (--db, --plugin-path, --log-level, --log-file, --json, --quiet, "
           "--no-color) "
           "work with every command; see confscope --help.\n";
}

std::optional<int> parse_command(Context& context, CommandSpec& spec,
                                 const std::vector<std::string>& args, po::variables_map& vm) {
    spec.options.add_options()("help,h", "show this help");
    try {
        constexpr int style =
            po::command_line_style::unix_style & ~po::command_line_style::allow_guessing;
        po::store(po::command_line_parser(args)
                      .options(spec.options)
                      .positional(spec.positional)
                      .style(style)
                      .run(),
                  vm);
        if (vm.count("help") != 0U) {
            print_help(context.out().out(), spec);
            return exit_ok;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        context.out().error(std::string(e.what()) + " (usage: " + spec.usage + "; see --help)");
        return exit_usage;
    }
    return std::nullopt;
}

}  // namespace confscope::host
