// Parsing one command's arguments with Boost.Program_options, with --help on every command and
// one-line usage errors (exit code 2).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "context.hpp"

namespace confscope::host {

namespace po = boost::program_options;

/// A command's synopsis and options.
struct CommandSpec {
    std::string usage;        ///< "confscope scan [options]"
    std::string description;  ///< a short paragraph
    po::options_description options{"Options", 100};
    po::positional_options_description positional;
};

/// Parses `args` into `vm`. Returns an exit code when the command should stop here (0 after
/// printing --help, 2 after a usage error), nothing when it should run.
std::optional<int> parse_command(Context& context, CommandSpec& spec,
                                 const std::vector<std::string>& args, po::variables_map& vm);

/// Reads a --fail-on value into `threshold`: nothing for "none", else the severity. For anything
/// else prints the usage error and returns false (the command exits 2).
bool parse_fail_on(Context& context, const std::string& text,
                   std::optional<sdk::Severity>& threshold);

/// Prints a command's help.
void print_help(std::ostream& out, const CommandSpec& spec);

}  // namespace confscope::host
