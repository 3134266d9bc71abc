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

}  // namespace confscope::host
