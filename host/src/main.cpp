// confscope — finds, inventories and audits the configuration of AI coding assistants.
//
//   confscope [global options] <command> [options]
//
// Global options may appear before or after the command. Exit codes: 0 clean, 1 findings at or
// above --fail-on, 2 usage error, 3 runtime error (docs/CLI.md).
#include <iostream>
#include <set>
#include <unistd.h>

#include <boost/program_options.hpp>

#include <confscope/log/log.hpp>
#include <confscope/plugin_api.h>
#include <confscope/version.hpp>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/terminal_filter.hpp"
#include "commands/commands.hpp"

namespace po = boost::program_options;
using namespace confscope;
using namespace confscope::host;

namespace {

// No abbreviations: "--plugin" must never be guessed to mean the global "--plugin-path".
constexpr int kCommandLineStyle =
    po::command_line_style::unix_style & ~po::command_line_style::allow_guessing;

// Global options may come before or after the command word, except --version: after the command
// it is the command's own (restore PATH --version N). The index of the command word in argv, or
// argc when there is none.
int command_index(int argc, char** argv) {
    static const std::set<std::string_view> kTakesValue = {"--db", "--db-retries", "--plugin-path",
                                                           "--log-level", "--log-file"};
    for (int i = 1; i < argc; ++i) {
        const std::string_view token = argv[i];
        if (!token.starts_with("-")) return i;
        if (kTakesValue.contains(token)) ++i;
    }
    return argc;
}

po::options_description global_options(GlobalOptions& g, bool with_version = true) {
    po::options_description desc("Global options", 100);
    desc.add_options()("db", po::value(&g.db)->value_name("URL"),
                       "store: an SQLite file (default $CONFSCOPE_DB, else "
                       "$XDG_DATA_HOME/confscope/confscope.db) or postgresql://...")(
        "db-retries", po::value(&g.db_retries)->value_name("N")->default_value(5),
        "retry a dropped or busy store N times, with backoff from 0.2 s (0: never)")(
        "plugin-path", po::value(&g.plugin_path)->value_name("DIRS")->composing(),
        "extra plugin folders, ':'-separated (also $CONFSCOPE_PLUGIN_PATH)")(
        "log-level", po::value(&g.log_level)->value_name("LEVEL")->default_value("warning"),
        "trace, debug, info, warning, error or off (stderr)")(
        "log-file", po::value(&g.log_file)->value_name("FILE"),
        "also log JSON lines to FILE (rotated at 10 MiB, 5 kept)")(
        "json", po::bool_switch(&g.json), "machine-readable JSON on stdout")(
        "quiet,q", po::bool_switch(&g.quiet), "no progress and no summary details")(
        "no-color", po::bool_switch(&g.no_color), "no colour (also NO_COLOR)")(
        "help,h", "show help (with a command: that command's help)");
    if (with_version) desc.add_options()("version", "print the version and exit");
    return desc;
}

void print_main_help(std::ostream& out, const po::options_description& globals) {
    out << "confscope " CONFSCOPE_VERSION
           " — finds, inventories and audits the configuration of AI coding "
           "assistants\n\n"
           "Usage: confscope [global options] <command> [options]\n\nCommands:\n";
    for (const CommandEntry& c : kCommands) {
        out << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << '\n';
    }
    out << '\n'
        << globals
        << "\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 runtime "
           "error.\n"
           "Run 'confscope <command> --help' for a command's options; docs/CLI.md has them all.\n";
}

}  // namespace

int main(int argc, char** argv) {
    GlobalOptions options;
    const po::options_description globals = global_options(options);
    const int command_at = command_index(argc, argv);
    const bool has_command = command_at < argc;
    for (int i = 1; i < command_at; ++i) {
        if (std::string_view(argv[i]) == "--version") {
            std::cout << "confscope " CONFSCOPE_VERSION " (plugin ABI " << CONFSCOPE_ABI_MAJOR
                      << "." << CONFSCOPE_ABI_MINOR << ")\n";
            return exit_ok;
        }
    }
    po::options_description all;
    all.add(has_command ? global_options(options, false) : globals)
        .add_options()("command", po::value<std::string>())("arguments",
                                                            po::value<std::vector<std::string>>());
    po::positional_options_description positional;
    positional.add("command", 1).add("arguments", -1);

    install_terminal_filters();  // before anything is written
    platform::Environment env = platform::process_environment();
    const bool no_color_env = env.contains("NO_COLOR");
    Output bootstrap(std::cout, std::cerr, ColorMode::never);

    po::variables_map vm;
    std::vector<std::string> arguments;
    try {
        const po::parsed_options parsed = po::command_line_parser(argc, argv)
                                              .options(all)
                                              .positional(positional)
                                              .style(kCommandLineStyle)
                                              .allow_unregistered()
                                              .run();
        po::store(parsed, vm);
        po::notify(vm);
        arguments = po::collect_unrecognized(parsed.options, po::include_positional);
    } catch (const po::error& e) {
        bootstrap.error(std::string(e.what()) + " (see confscope --help)");
        return exit_usage;
    }

    if (vm.count("command") == 0U) {
        print_main_help(vm.count("help") != 0U ? std::cout : std::cerr, globals);
        return vm.count("help") != 0U ? exit_ok : exit_usage;
    }
    const std::string command = vm["command"].as<std::string>();
    if (!arguments.empty() && arguments.front() == command) arguments.erase(arguments.begin());
    if (vm.count("help") != 0U) arguments.emplace_back("--help");

    const auto level = log::parse_level(options.log_level);
    if (!level) {
        bootstrap.error("--log-level " + options.log_level +
                        ": use trace, debug, info, warning, error or off");
        return exit_usage;
    }
    if (options.db_retries < 0 || options.db_retries > 20) {
        bootstrap.error("--db-retries " + std::to_string(options.db_retries) +
                        ": use a number from 0 to 20");
        return exit_usage;
    }
    const bool color = !options.no_color && !no_color_env && ::isatty(STDOUT_FILENO) == 1;
    const bool err_color = !options.no_color && !no_color_env && ::isatty(STDERR_FILENO) == 1;
    allow_terminal_colors(color, err_color);
    try {
        log::init({.level = *level, .color = err_color, .json_file = options.log_file});
    } catch (const std::exception& e) {
        bootstrap.error("--log-file " + options.log_file + ": " + e.what());
        return exit_runtime_error;
    }

    Output output(std::cout, std::cerr, color ? ColorMode::always : ColorMode::never);
    Context context(std::move(options), output, std::move(env));
    for (const CommandEntry& c : kCommands) {
        if (c.name == command) {
            int code = exit_runtime_error;
            try {
                code = c.run(context, arguments);
            } catch (const std::exception& e) {
                output.error(std::string("unexpected: ") + e.what());
            }
            std::cout.flush();
            log::shutdown();
            return code;
        }
    }
    output.error("unknown command '" + command + "' (see confscope --help)");
    return exit_usage;
}
