// What the plugin folders hold, told without loading a third-party library into confscope.
//
// The install's own plugins (its plugin folder) are trusted like the executable and loaded
// in-process. Every other library — from --plugin-path, $CONFSCOPE_PLUGIN_PATH or a path on the
// command line — is judged from its embedded manifest, and when more is needed (rules, targets,
// an export) it runs in confscope-runner, sandboxed, like an isolated scanner: a library whose
// constructor crashes cannot take `plugins list`, `rules list` or `export` down with it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/isolation/runner_process.hpp>
#include <confscope/plugins/loader.hpp>
#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/report/export_input.hpp>
#include <confscope/sdk/types.hpp>

#include "../app/context.hpp"

namespace confscope::host {

/// True for a library outside the install's own plugin folder.
bool is_third_party(const std::filesystem::path& library);

/// How much to learn of a plugin: the manifest alone, also its rules (a third-party plugin is
/// then started in the runner), or also a scanner's targets.
enum class Depth { manifest, rules, targets };

struct PluginDescription {
    std::filesystem::path path;
    bool third_party = false;
    std::string name, version, family, summary, license, contact, sha256;
    std::uint32_t kinds = 0;  ///< CONFSCOPE_KIND_* bits
    std::uint32_t abi_major = 0, abi_minor = 0, required_minor = 0;
    std::vector<sdk::Rule> rules;      ///< the descriptor's, then those known once configured
    std::vector<sdk::Target> targets;  ///< Depth::targets, scanners only

    [[nodiscard]] bool is_scanner() const { return (kinds & CONFSCOPE_KIND_SCANNER) != 0; }
    [[nodiscard]] bool is_exporter() const { return (kinds & CONFSCOPE_KIND_EXPORTER) != 0; }
};

/// One library. `loader` remembers names (a second library with a taken name is refused).
/// `steps`, when given, receives every check's verdict (plugins verify).
Result<PluginDescription> describe_plugin(Context& context, plugins::PluginLoader& loader,
                                          const std::filesystem::path& library, Depth depth,
                                          std::vector<plugins::CheckStep>* steps = nullptr);

struct PluginListing {
    std::vector<PluginDescription> plugins;
    std::vector<Status> refused;
};

/// Every library of the plugin folders, the install's own first.
PluginListing describe_plugin_dirs(Context& context, Depth depth);

/// The name in a library's embedded manifest, read without loading it ("" when it has none).
std::string manifest_name(const std::filesystem::path& library);

/// The library in the plugin folders whose manifest names `name` (the first one, in folder
/// order), without loading anything; empty when none.
std::filesystem::path find_plugin_named(Context& context, const std::string& name);

/// An exporter ready to run: in-process for the install's own, in the runner otherwise.
class Exporter {
  public:
    virtual ~Exporter() = default;
    /// The report's bytes; an error carries the plugin's message (invalid_argument for a
    /// refused option).
    virtual Result<std::string> run(const report::ExportInput& input) = 0;
};

/// Starts the exporter library at `library` (already chosen).
Result<std::unique_ptr<Exporter>> start_exporter(Context& context,
                                                 const std::filesystem::path& library);

}  // namespace confscope::host
