#include "plugin_selection.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include <confscope/log/log.hpp>
#include <confscope/plugins/manifest.hpp>
#include <confscope/plugins/rule_files.hpp>

#include "../app/exit_codes.hpp"

namespace confscope::host {

bool looks_like_path(const std::string& text) {
    return text.find('/') != std::string::npos || text.ends_with(plugins::library_suffix());
}

std::string describe_plugin_dirs(const Context& context) {
    std::string text;
    for (const auto& dir : context.plugin_dirs())
        text += (text.empty() ? "" : ", ") + dir.string();
    return text.empty() ? "(no plugin folder)" : text;
}

namespace {

// One plugin the scan will use, before it is started.
struct Candidate {
    std::filesystem::path path;
    bool named_explicitly = false;  // by --plugin: a refusal stops the scan
    bool isolated = false;
    std::shared_ptr<plugins::LoadedPlugin> loaded;  // in-process only
    std::string name, version;                      // isolated: from the manifest
};

// A plugin of the scan that never ran: it is reported, and makes the scan incomplete.
scan::PluginRun failed_run(const std::filesystem::path& file, std::string name, std::string version,
                           const std::string& why) {
    scan::PluginRun run;
    run.name = name.empty() ? file.stem().string() : std::move(name);
    run.version = std::move(version);
    run.library_path = file.string();
    run.failed = true;
    run.error = why;
    log::error("plugin " + run.name + " (" + file.string() + "): " + why);
    return run;
}

bool should_isolate(const std::filesystem::path& file, Isolation isolation) {
    switch (isolation) {
        case Isolation::always:
            return true;
        case Isolation::never:
            return false;
        case Isolation::outside_own_folder:
            break;
    }
    return is_third_party(file);
}

}  // namespace

ScannerSelection select_scanners(Context& context, const std::vector<std::string>& requested,
                                 const std::vector<std::string>& rule_files, Isolation isolation,
                                 isolation::RunnerLimits limits) {
    ScannerSelection selection;
    plugins::PluginLoader loader;
    std::vector<Candidate> chosen;
    std::set<std::string> names;         // asked for by name
    std::set<std::string> chosen_names;  // one plugin per name
    std::set<std::string> named_by_path;
    std::map<std::string, std::filesystem::path> found_at;  // name -> the first library with it

    auto refuse = [&](const Status& status) {
        context.out().error(status.message() + "; nothing was scanned or stored");
        selection.exit_code = exit_runtime_error;
    };

    for (const std::string& item : requested) {
        if (!looks_like_path(item)) {
            names.insert(item);
            continue;
        }
        Candidate c{item, true, should_isolate(item, isolation), nullptr, {}, {}};
        if (c.isolated) {
            // Not loaded here: the checks that need no loading run here, the rest in the runner.
            auto manifest = loader.inspect(item);
            if (!manifest) {
                refuse(manifest.status());
                return selection;
            }
            if ((manifest->kind_bits() & CONFSCOPE_KIND_SCANNER) == 0) {
                log::warning("plugin " + manifest->name + " is not a scanner (skipped)");
                continue;
            }
            chosen_names.insert(manifest->name);
            named_by_path.insert(manifest->name);
        } else {
            auto plugin = loader.load(item);
            if (!plugin) {
                refuse(plugin.status());
                return selection;
            }
            c.loaded = std::move(*plugin);
            chosen_names.insert(c.loaded->name());
            named_by_path.insert(c.loaded->name());
        }
        chosen.push_back(std::move(c));
    }
    // Two libraries with one name in the plugin folders: the one named by path wins quietly;
    // otherwise the scan is refused, so that a library dropped into a plugin folder can neither
    // stand in for a built-in scanner nor be dropped silently. Returns false on a refusal.
    const auto clash = [&](const std::filesystem::path& file) {
        const std::string name = manifest_name(file);
        if (named_by_path.contains(name)) {
            log::info("plugin library " + file.string() + " is not used: the plugin '" + name +
                      "' given by --plugin is");
            return true;
        }
        const auto first = found_at.find(name);
        refuse(Status::already_exists(
            "plugin library " + file.string() + " is named '" + name + "' like " +
            (first != found_at.end() ? first->second.string() : std::string("another plugin")) +
            ": one name, one library (the install's own plugins cannot be replaced). Remove one "
            "from the plugin path, or choose one with --plugin PATH"));
        return false;
    };
    if (requested.empty() || !names.empty()) {
        for (const std::filesystem::path& file :
             plugins::find_plugin_files(context.plugin_dirs())) {
            Candidate c{file, false, should_isolate(file, isolation), nullptr, {}, {}};
            std::string name;
            if (c.isolated) {
                auto manifest = loader.inspect(file);
                if (!manifest) {
                    if (manifest.status().code() == StatusCode::already_exists) {
                        if (!clash(file)) return selection;
                    } else if (requested.empty()) {
                        selection.failed.push_back(
                            failed_run(file, manifest_name(file), {}, manifest.status().message()));
                    }
                    continue;
                }
                found_at.emplace(manifest->name, file);
                c.name = manifest->name;
                c.version = manifest->version;
                if ((manifest->kind_bits() & CONFSCOPE_KIND_SCANNER) == 0) continue;
                name = manifest->name;
            } else {
                // Exporters are neither loaded nor hashed for a scan.
                auto plugin = loader.load_kind(file, CONFSCOPE_KIND_SCANNER);
                if (!plugin) {
                    if (plugin.status().code() == StatusCode::already_exists) {
                        if (!clash(file)) return selection;
                    } else if (requested.empty()) {
                        selection.failed.push_back(
                            failed_run(file, manifest_name(file), {}, plugin.status().message()));
                    }
                    continue;
                }
                if (*plugin == nullptr) continue;
                c.loaded = std::move(*plugin);
                name = c.loaded->name();
                found_at.emplace(name, file);
            }
            if (!requested.empty() && names.erase(name) == 0) continue;
            if (!chosen_names.insert(name).second) continue;  // an earlier folder's wins
            chosen.push_back(std::move(c));
        }
        if (!names.empty()) {
            context.out().error("no plugin named '" + *names.begin() + "' in " +
                                describe_plugin_dirs(context) + " (see confscope plugins list)");
            selection.exit_code = exit_usage;
            return selection;
        }
    }

    std::optional<std::string> rule_config;  // for isolated plugins, computed once
    for (Candidate& c : chosen) {
        if (!c.isolated) {
            if (!c.loaded->is_scanner()) {
                if (!requested.empty())
                    log::warning("plugin " + c.loaded->name() + " is not a scanner (skipped)");
                continue;
            }
            auto config = context.plugin_config(*c.loaded, rule_files);
            if (!config) {
                selection.exit_code = context.fail(config.status());
                return selection;
            }
            auto instance = plugins::PluginInstance::create(c.loaded, *config);
            if (!instance) {
                refuse(instance.status());
                return selection;
            }
            selection.scanners.push_back(std::make_unique<scan::InProcessScanner>(**instance));
            selection.instances.push_back(std::move(*instance));
            continue;
        }
        if (!rule_config) {
            auto files = plugins::gather_rule_files(rule_files, context.env());
            if (!files) {
                selection.exit_code = context.fail(files.status());
                return selection;
            }
            rule_config = plugins::rule_files_config(*files);
        }
        auto scanner =
            scan::IsolatedScanner::start(Context::runner_exe(), c.path, *rule_config, limits);
        if (!scanner) {
            if (c.named_explicitly) {
                refuse(scanner.status());
                return selection;
            }
            selection.failed.push_back(
                failed_run(c.path, c.name, c.version, scanner.status().message()));
            continue;
        }
        selection.scanners.push_back(std::move(*scanner));
    }
    selection.ok = true;
    return selection;
}

Result<std::unique_ptr<Exporter>> select_exporter(Context& context, const std::string& format) {
    if (looks_like_path(format)) {
        auto exporter = start_exporter(context, format);
        if (!exporter && exporter.status().code() == StatusCode::invalid_argument)
            return Status::invalid_argument("--format " + format + ": " +
                                            exporter.status().message());
        return exporter;
    }
    // Chosen by the embedded manifests: nothing is loaded but the exporter that is used.
    std::set<std::string> formats;
    constexpr std::uint64_t kMaxBytes = 512ull << 20;
    for (const std::filesystem::path& file : plugins::find_plugin_files(context.plugin_dirs())) {
        auto read = plugins::read_library(file, false, kMaxBytes);
        if (!read) continue;
        auto manifest = plugins::parse_manifest(read->manifest_region);
        if (!manifest || (manifest->kind_bits() & CONFSCOPE_KIND_EXPORTER) == 0) continue;
        const std::string family = manifest->family.empty() ? manifest->name : manifest->family;
        if (family == format || manifest->name == format) return start_exporter(context, file);
        formats.insert(family);
    }
    std::string known;
    for (const std::string& f : formats)
        known += (known.empty() ? "" : ", ") + f;
    return Status::invalid_argument(
        "--format " + format + ": no exporter for that format in " + describe_plugin_dirs(context) +
        " (installed: " + (known.empty() ? "none" : known) + "; see confscope plugins list)");
}

}  // namespace confscope::host
