#include "plugin_selection.hpp"

#include <set>

#include <confscope/log/log.hpp>

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

ScannerSelection select_scanners(Context& context, const std::vector<std::string>& requested,
                                 const std::vector<std::string>& rule_files) {
    ScannerSelection selection;
    plugins::PluginLoader loader;
    std::vector<std::shared_ptr<plugins::LoadedPlugin>> chosen;
    std::set<std::string> names;

    for (const std::string& item : requested) {
        if (!looks_like_path(item)) {
            names.insert(item);
            continue;
        }
        auto plugin = loader.load(item);
        if (!plugin) {
            context.out().error(plugin.status().message() + "; nothing was scanned or stored");
            selection.exit_code = exit_runtime_error;
            return selection;
        }
        chosen.push_back(std::move(*plugin));
    }
    if (requested.empty() || !names.empty()) {
        std::set<std::string> explicit_names;
        for (const auto& p : chosen)
            explicit_names.insert(p->name());
        PluginSet found = context.load_plugin_dirs(loader);
        for (const Status& refusal : found.refused) {
            // The same plugin given by path and also installed is not worth a warning.
            if (refusal.code() == StatusCode::already_exists && !explicit_names.empty()) continue;
            log::warning(refusal.message() + " (skipped)");
        }
        for (auto& plugin : found.loaded) {
            if (requested.empty() || names.erase(plugin->name()) > 0)
                chosen.push_back(std::move(plugin));
        }
        if (!names.empty()) {
            context.out().error("no plugin named '" + *names.begin() + "' in " +
                                describe_plugin_dirs(context) + " (see confscope plugins list)");
            selection.exit_code = exit_usage;
            return selection;
        }
    }
    for (auto& plugin : chosen) {
        if (!plugin->is_scanner()) {
            if (!requested.empty())
                log::warning("plugin " + plugin->name() + " is not a scanner (skipped)");
            continue;
        }
        auto config = context.plugin_config(*plugin, rule_files);
        if (!config) {
            selection.exit_code = context.fail(config.status());
            return selection;
        }
        auto instance = plugins::PluginInstance::create(plugin, *config);
        if (!instance) {
            context.out().error(instance.status().message() + "; nothing was scanned or stored");
            selection.exit_code = exit_runtime_error;
            return selection;
        }
        selection.instances.push_back(std::move(*instance));
    }
    selection.ok = true;
    return selection;
}

namespace {

std::string format_of(const plugins::LoadedPlugin& plugin) {
    const char* family = plugin.descriptor().family;
    return family != nullptr && *family != '\0' ? family : plugin.name();
}

}  // namespace

Result<std::unique_ptr<plugins::PluginInstance>> select_exporter(Context& context,
                                                                 const std::string& format) {
    plugins::PluginLoader loader;
    std::shared_ptr<plugins::LoadedPlugin> chosen;
    if (looks_like_path(format)) {
        CONFSCOPE_ASSIGN_OR_RETURN(chosen, loader.load(format));
        if (!chosen->is_exporter()) {
            return Status::invalid_argument("--format " + format + ": plugin " + chosen->name() +
                                            " is not an exporter");
        }
    } else {
        PluginSet found = context.load_plugin_dirs(loader);
        for (auto& plugin : found.loaded) {
            if (plugin->is_exporter() &&
                (format_of(*plugin) == format || plugin->name() == format)) {
                chosen = std::move(plugin);
                break;
            }
        }
        if (!chosen) {
            std::set<std::string> formats;
            for (const auto& plugin : found.loaded)
                if (plugin->is_exporter()) formats.insert(format_of(*plugin));
            std::string known;
            for (const std::string& f : formats)
                known += (known.empty() ? "" : ", ") + f;
            return Status::invalid_argument(
                "--format " + format + ": no exporter for that format in " +
                describe_plugin_dirs(context) + " (installed: " + (known.empty() ? "none" : known) +
                "; see confscope plugins list)");
        }
    }
    CONFSCOPE_ASSIGN_OR_RETURN(std::string config, context.plugin_config(*chosen));
    return plugins::PluginInstance::create(chosen, config);
}

}  // namespace confscope::host
