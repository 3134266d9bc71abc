// Choosing the scanner plugins of a scan: every scanner in the plugin folders, or only those named
// by --plugin (a name from `plugins list`, or a library path).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/scan/scanner_endpoint.hpp>

#include "../app/context.hpp"
#include "plugin_catalogue.hpp"

namespace confscope::host {

/// Where scanner plugins run: in a child process each (isolated) or loaded into confscope.
enum class Isolation {
    outside_own_folder,  ///< default: isolate every plugin not in the install's own plugin folder
    always,              ///< --isolate
    never,               ///< --no-isolate
};

struct ScannerSelection {
    bool ok = false;
    int exit_code = 0;  ///< when !ok: the exit code to return (the error was printed)
    std::vector<std::unique_ptr<plugins::PluginInstance>> instances;  ///< loaded in-process
    std::vector<std::unique_ptr<scan::ScannerEndpoint>> scanners;     ///< every scanner, in order
    /// Libraries found in a plugin folder that could not be started (refused, crashed or hung
    /// at start): each is a failed plugin of the scan, which is then stored incomplete (exit 3).
    std::vector<scan::PluginRun> failed;
};

/// Loads and creates the scanners, each in-process or isolated as `isolation` says (an isolated
/// plugin is never loaded into this process: its runner does every check). A plugin named
/// explicitly (by path or name) that is refused is an error (exit 3); a plugin found in a plugin
/// folder that is refused or fails to start is skipped and listed in `failed`. Two libraries with
/// one name are an error unless one was given by path. `rule_files` (--rules) go, with the user's
/// rule folder, to plugins that accept rule files.
ScannerSelection select_scanners(Context& context, const std::vector<std::string>& requested,
                                 const std::vector<std::string>& rule_files = {},
                                 Isolation isolation = Isolation::outside_own_folder,
                                 isolation::RunnerLimits limits = {});

/// Starts the exporter for `format`: an exporter plugin whose format (family) or name is
/// `format`, chosen by the manifests without loading the others, or the library at that path.
/// A third-party exporter runs in confscope-runner. Errors name the formats that are installed.
Result<std::unique_ptr<Exporter>> select_exporter(Context& context, const std::string& format);

/// The plugin folders, for messages.
std::string describe_plugin_dirs(const Context& context);

/// True when `text` names a library file rather than a plugin name.
bool looks_like_path(const std::string& text);

}  // namespace confscope::host
