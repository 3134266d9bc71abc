#include "plugin_state.hpp"

#include <algorithm>
#include <vector>

namespace claude_code {

namespace {

std::string with_slashes(std::string_view path) {
    std::string out(path);
    std::replace(out.begin(), out.end(), '\\', '/');
    return out;
}

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    while (!path.empty()) {
        const auto slash = path.find('/');
        const std::string_view part = path.substr(0, slash);
        if (!part.empty()) out.push_back(part);
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

std::string joined(const std::vector<std::string_view>& parts, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count && i < parts.size(); ++i) {
        if (!out.empty()) out.push_back('/');
        out += parts[i];
    }
    return out;
}

bool under(std::string_view pointer, std::string_view prefix) {
    return pointer == prefix || (pointer.starts_with(prefix) && pointer.size() > prefix.size() &&
                                 pointer[prefix.size()] == '/');
}

// Where a file of `parts` says its plugin's root is (the count of leading parts), or nullopt.
std::optional<std::size_t> root_length(const std::vector<std::string_view>& parts) {
    const std::size_t n = parts.size();
    if (n < 2) return std::nullopt;
    const std::string_view file = parts[n - 1];
    if (file == "plugin.json" && parts[n - 2] == ".claude-plugin") return n - 2;
    if (file == "hooks.json" && parts[n - 2] == "hooks") return n - 2;
    if (file == ".mcp.json") return n - 1;
    if (file == "SKILL.md" && n >= 3 && parts[n - 3] == "skills") return n - 3;
    if (file.ends_with(".md")) {
        if (parts[n - 2] == "agents") return n - 2;
        for (std::size_t i = n - 1; i-- > 0;) {  // commands/**/*.md: the last "commands" folder
            if (parts[i] == "commands") return i;
        }
        return std::nullopt;
    }
    // A script under hooks/ (what ${CLAUDE_PLUGIN_ROOT}/hooks/x.sh runs): the last hooks folder.
    for (std::size_t i = n - 1; i-- > 0;) {
        if (parts[i] == "hooks") return i;
    }
    return std::nullopt;
}

std::optional<std::string> switch_value(const ScanFacts& facts, std::string_view id, bool managed) {
    std::optional<std::string> value;
    for (const PluginSwitch& s : facts.plugin_switches) {
        if (s.id != id || s.managed != managed) continue;
        if (s.enabled) return "true";
        value = "false";
    }
    return value;
}

}  // namespace

std::string plugins_relative(std::string_view path) {
    const std::string p = with_slashes(path);
    constexpr std::string_view kPlugins = "/plugins/";
    for (const std::string_view marker : {"/plugins/cache/", "/plugins/marketplaces/"}) {
        if (const auto at = p.find(marker); at != std::string::npos)
            return p.substr(at + kPlugins.size());
    }
    if (const auto at = p.find(kPlugins); at != std::string::npos)
        return p.substr(at + kPlugins.size());
    return {};
}

std::optional<std::string> plugin_folder_key(std::string_view relative) {
    const std::vector<std::string_view> parts = segments(relative);
    const std::optional<std::size_t> root = root_length(parts);
    if (!root) return std::nullopt;
    if (!parts.empty() && parts[0] == "cache") {
        // cache/<marketplace>/<plugin>/<version>/: nothing else in a cache copy is loaded.
        if (*root != 4) return std::nullopt;
    } else if (!parts.empty() && parts[0] == "marketplaces" && *root < 2) {
        return std::nullopt;  // above the clone
    } else if (*root == 0) {
        return std::nullopt;
    }
    return joined(parts, *root);
}

PluginFolder* plugin_folder_of(const Analysis& a, ScanFacts& facts) {
    const std::optional<std::string> key = plugin_folder_key(plugins_relative(a.file.path()));
    if (!key) return nullptr;
    auto [it, added] = facts.plugin_folders.try_emplace(*key);
    PluginFolder& folder = it->second;
    if (added) {
        const std::vector<std::string_view> parts = segments(*key);
        folder.key = *key;
        folder.location = parts[0] == "cache" || parts[0] == "marketplaces" ? parts[0] : "";
        if (!folder.location.empty() && parts.size() > 1) folder.marketplace = parts[1];
        folder.folder_name = folder.location == "cache" && parts.size() > 2
                                 ? std::string(parts[2])
                                 : std::string(parts.back());
        folder.first_file = sdk::Location::of(a.file);
    }
    return &folder;
}

void record_plugin_manifest(const Analysis& a, PluginFolder& folder) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    if (root["name"].is_string()) folder.name = std::string(root["name"].value());
    if (root["version"].is_string()) folder.version = std::string(root["version"].value());
    if (root["description"].is_string())
        folder.description = std::string(root["description"].value());
    folder.manifest = sdk::Location::of(a.file, root);
}

void record_installed_plugins(const Analysis& a, ScanFacts& facts) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    facts.installed_plugins_seen = true;
    for (const sdk::Node& plugin : root["plugins"].children()) {
        // Version 2: a list of installations (one per scope); version 1: one object.
        const std::vector<sdk::Node> entries =
            plugin.is_array() ? plugin.children() : std::vector<sdk::Node>{plugin};
        const std::string id(plugin.key());
        for (const sdk::Node& entry : entries) {
            if (!entry.is_object()) continue;
            InstalledPlugin p;
            p.id = id;
            p.version = std::string(entry["version"].string_or(""));
            p.scope = std::string(entry["scope"].string_or(""));
            if (const std::string_view path = entry["installPath"].string_or(""); !path.empty()) {
                std::string key = plugins_relative(std::string(path) + "/");
                while (!key.empty() && key.back() == '/')
                    key.pop_back();
                p.folder_key = std::move(key);
            } else if (const auto at = id.rfind('@');
                       at != std::string::npos && !p.version.empty()) {
                p.folder_key =
                    "cache/" + id.substr(at + 1) + "/" + id.substr(0, at) + "/" + p.version;
            }
            facts.installed_plugins.push_back(std::move(p));
        }
    }
}

void record_plugin_switches(const Analysis& a, ScanFacts& facts) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    const bool managed = a.scope() == sdk::Scope::managed;
    for (const sdk::Node& entry : root["enabledPlugins"].children()) {
        if (entry.kind() != sdk::NodeKind::boolean) continue;
        facts.plugin_switches.push_back({std::string(entry.key()), entry.is_true(), managed});
    }
}

bool ignored_in_plugin_agent(std::string_view pointer) {
    return under(pointer, "/hooks") || under(pointer, "/mcpServers") ||
           under(pointer, "/permissionMode");
}

PluginStates plugin_states(const ScanFacts& facts) {
    std::map<std::string, const InstalledPlugin*> installed;
    for (const InstalledPlugin& p : facts.installed_plugins) {
        if (!p.folder_key.empty()) installed.emplace(p.folder_key, &p);
    }
    PluginStates states;
    for (const auto& [key, folder] : facts.plugin_folders) {
        PluginState s;
        bool is_installed = false;
        if (const auto it = installed.find(key); it != installed.end()) {
            is_installed = true;
            s.id = it->second->id;
            s.install_scope = it->second->scope;
            s.version = it->second->version;
        } else {
            s.id = folder.name.value_or(folder.folder_name) + "@" + folder.marketplace;
            is_installed = !facts.installed_plugins_seen && folder.location == "cache";
        }
        if (is_installed) {
            // Managed enabledPlugins wins; otherwise enabled in any settings file counts (a
            // project's own false only turns it off in that project).
            const std::optional<std::string> managed = switch_value(facts, s.id, true);
            const std::optional<std::string> other = switch_value(facts, s.id, false);
            s.forced_by_managed = managed == "true";
            const bool enabled = managed ? *managed == "true" : other == "true";
            s.status = enabled ? PluginStatus::enabled : PluginStatus::disabled;
        } else {
            s.status = folder.location == "marketplaces" ? PluginStatus::available
                                                         : PluginStatus::not_installed;
        }
        states.emplace(key, std::move(s));
    }
    return states;
}

void mark_plugin_servers(ScanFacts& facts, const PluginStates& states) {
    for (ServerRecord& s : facts.servers) {
        if (s.scope != sdk::Scope::plugin) continue;
        const std::optional<std::string> key = plugin_folder_key(plugins_relative(s.at.path));
        const auto it = key ? states.find(*key) : states.end();
        if (it == states.end() || it->second.status != PluginStatus::enabled) s.loaded = false;
    }
}

std::string_view to_string(PluginStatus status) {
    switch (status) {
        case PluginStatus::enabled:
            return "enabled";
        case PluginStatus::disabled:
            return "disabled";
        case PluginStatus::available:
            return "available";
        case PluginStatus::not_installed:
            return "not_installed";
    }
    return "not_installed";
}

}  // namespace claude_code
