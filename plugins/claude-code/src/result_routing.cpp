#include "result_routing.hpp"

#include <algorithm>
#include <set>

#include "effective_policy.hpp"
#include "targets.hpp"

namespace claude_code {

namespace {

HeldFinding hold(const Analysis& a, const ScanFacts& facts, std::size_t first_server,
                 const RecordedFinding& f) {
    HeldFinding h;
    h.finding = f;
    h.dependency = dependency_of(a, facts, first_server, f.rule_id, f.at.pointer, h.server);
    h.scope = a.scope();
    h.category = std::string(a.file.category());
    h.project = std::string(a.file.project_dir());
    return h;
}

void route_plugin_file(const Analysis& a, const RecordingSink& recorded, std::size_t first_server,
                       ScanFacts& facts) {
    PluginFolder* folder = plugin_folder_of(a, facts);
    const bool agent = a.file.category() == category::agents;
    // Servers Claude Code never loads: in a file it does not read as part of a plugin, or under
    // a plugin agent's mcpServers.
    for (std::size_t i = first_server; i < facts.servers.size(); ++i) {
        ServerRecord& s = facts.servers[i];
        if (s.at.path == a.file.path() &&
            (!folder || (agent && ignored_in_plugin_agent(s.at.pointer))))
            s.loaded = false;
    }
    if (!folder) return;
    if (a.file.category() == category::plugins && a.file.file_name() == "plugin.json")
        record_plugin_manifest(a, *folder);
    for (const RecordedItem& item : recorded.items) {
        if (item.kind == "claude_plugin") continue;  // finish() reports one per folder
        if (agent && ignored_in_plugin_agent(item.at.pointer)) continue;
        folder->items.push_back(item);
    }
    for (const RecordedFinding& f : recorded.findings) {
        if (agent && ignored_in_plugin_agent(f.at.pointer)) continue;
        HeldFinding h = hold(a, facts, first_server, f);
        h.plugin_folder = folder->key;
        folder->findings.push_back(std::move(h));
    }
}

bool installed(PluginStatus status) {
    return status == PluginStatus::enabled || status == PluginStatus::disabled;
}

// A marketplace clone's own root, without a plugin manifest, is the marketplace, not a plugin.
bool clone_root(const PluginFolder& folder) {
    return folder.location == "marketplaces" && !folder.manifest &&
           std::count(folder.key.begin(), folder.key.end(), '/') == 1;
}

std::string version_of(const PluginFolder& folder, const PluginState& state) {
    if (folder.version) return *folder.version;
    if (!state.version.empty()) return state.version;
    if (folder.location == "cache") return folder.key.substr(folder.key.rfind('/') + 1);
    return {};
}

}  // namespace

void route_results(const Analysis& a, const RecordingSink& recorded, std::size_t first_server,
                   ScanFacts& facts, sdk::Sink& sink) {
    if (a.scope() == sdk::Scope::plugin) {
        route_plugin_file(a, recorded, first_server, facts);
        return;
    }
    for (const RecordedItem& item : recorded.items)
        report_item(sink, item);
    for (const RecordedFinding& f : recorded.findings) {
        HeldFinding h = hold(a, facts, first_server, f);
        if (h.dependency == Dependency::none) {
            sink.finding(f.rule_id, f.severity, f.message, f.at);
        } else {
            facts.held_findings.push_back(std::move(h));
        }
    }
}

void report_plugins(const ScanFacts& facts, const PluginStates& states, sdk::Sink& sink) {
    std::set<std::string> installed_ids, listed;
    for (const auto& [key, state] : states) {
        if (installed(state.status)) installed_ids.insert(state.id);
    }
    for (const auto& [key, folder] : facts.plugin_folders) {
        const PluginState& state = states.at(key);
        // One item per plugin: an installed copy stands for its clone and old cache copies.
        if (!installed(state.status) && (clone_root(folder) || installed_ids.contains(state.id) ||
                                         !listed.insert(state.id).second)) {
            continue;
        }
        sdk::JsonObject data;
        data.set("status", to_string(state.status)).set("id", state.id);
        if (const std::string version = version_of(folder, state); !version.empty())
            data.set("version", version);
        if (folder.description) data.set("description", *folder.description);
        if (!state.install_scope.empty()) data.set("install_scope", state.install_scope);
        data.set("folder", folder.key);
        sink.item("claude_plugin", folder.name.value_or(folder.folder_name), sdk::Scope::plugin,
                  data, folder.manifest.value_or(folder.first_file));
        if (state.status != PluginStatus::enabled) continue;
        for (const RecordedItem& item : folder.items)
            report_item(sink, item);
        for (const HeldFinding& f : folder.findings)
            report_held(sink, facts, states, f);
    }
}

void report_held_findings(const ScanFacts& facts, const PluginStates& states, sdk::Sink& sink) {
    for (const HeldFinding& f : facts.held_findings)
        report_held(sink, facts, states, f);
}

}  // namespace claude_code
