// confscope import FILE.json|-
//
// Loads a JSON export (for instance from another machine or a CI job) into the store, as one scan
// with its original UUID. Importing the same scan again changes nothing.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <confscope/report/scan_document.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"

namespace confscope::host {

namespace {

Result<std::string> read_input(const std::string& path) {
    if (path == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin),
                           std::istreambuf_iterator<char>());
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return Status::not_found(path + ": no such file");
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return Status::unavailable(path + ": cannot be read");
    return text;
}

}  // namespace

int run_import_command(Context& context, const Arguments& args) {
    std::string path;
    CommandSpec cli;
    cli.usage = "confscope import FILE.json|-";
    cli.description =
        "Loads a scan exported with `confscope export --format json` into the store, keeping its "
        "UUID, host\nand findings. Importing a scan that is already stored changes nothing. "
        "Documents of a newer\nformat major version are refused.";
    cli.options.add_options()("file", po::value(&path)->value_name("FILE")->required(),
                              "the JSON export (- for standard input)");
    cli.positional.add("file", 1);
    po::variables_map vm;
    if (auto code = parse_command(context, cli, args, vm)) return *code;

    auto text = read_input(path);
    if (!text) return context.fail(text.status());
    auto scan = report::read_scan_document(*text, path == "-" ? "standard input" : path);
    if (!scan) return context.fail(scan.status());

    auto store = context.open_store();
    if (!store) return context.fail(store.status());
    auto existing = (*store)->find_scan(scan->uuid);
    if (!existing) return context.fail(existing.status());
    if (*existing) {
        if (!context.options().quiet) {
            context.out().out() << "scan " << scan->uuid << " is already in the store as scan "
                                << **existing << "; nothing imported\n";
        }
        return exit_ok;
    }
    auto id = (*store)->save(*scan);
    if (!id) {
        context.out().error(id.status().message() + "; nothing was imported");
        return exit_runtime_error;
    }
    if (!context.options().quiet) {
        context.out().out() << "imported scan " << scan->uuid << " of " << scan->host.hostname
                            << " as scan " << *id << " (" << scan->files.size() << " locations, "
                            << scan->items.size() << " inventory items, " << scan->findings.size()
                            << " findings)\n";
    }
    return exit_ok;
}

}  // namespace confscope::host
