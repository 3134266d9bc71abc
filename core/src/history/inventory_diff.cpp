#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <confscope/history/inventory_diff.hpp>

#include "quoting.hpp"

namespace confscope::history {

namespace {

rapidjson::Document parse_object(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.c_str(), json.size());
    if (doc.HasParseError() || !doc.IsObject()) doc.SetObject();
    return doc;
}

// A value as a person reads it: a string as itself, an array of strings joined by spaces, anything
// else as compact JSON.
std::string text_of(const rapidjson::Value& value) {
    if (value.IsString()) return {value.GetString(), value.GetStringLength()};
    if (value.IsArray() && std::all_of(value.Begin(), value.End(),
                                       [](const rapidjson::Value& v) { return v.IsString(); })) {
        std::string joined;
        for (const rapidjson::Value& v : value.GetArray())
            joined += (joined.empty() ? "" : " ") + std::string(v.GetString(), v.GetStringLength());
        return joined;
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

std::string field(const rapidjson::Document& doc, const char* name) {
    const auto it = doc.FindMember(name);
    return it == doc.MemberEnd() ? std::string() : text_of(it->value);
}

std::string field(const InventoryEntry& entry, const char* name) {
    return field(parse_object(entry.data_json), name);
}

using detail::in_quotes;

// What tells two items apart. A file has one default permission mode whatever its value; a
// permission rule's list and a server's project (~/.claude.json) are part of who it is.
std::string identity(const InventoryEntry& e) {
    const bool one_per_file = e.kind == "permission_mode";
    std::string key;
    key.reserve(e.display_path.size() + e.kind.size() + e.client.size() + e.scope.size() +
                e.name.size() + 8);
    for (const std::string* part : {&e.display_path, &e.kind, &e.client, &e.scope}) {
        key += *part;
        key += '\x1f';
    }
    if (!one_per_file) key += e.name;
    key += '\x1f';
    // Parsing the data costs more than the rest: only items that may carry the fields do.
    const bool may_differ = e.data_json.find("\"list\"") != std::string::npos ||
                            e.data_json.find("\"project\"") != std::string::npos;
    if (may_differ) {
        const rapidjson::Document data = parse_object(e.data_json);
        key += field(data, "list");
        key += '\x1f';
        key += field(data, "project");
    }
    return key;
}

std::string where(const InventoryEntry& e) {
    return e.display_path.empty() ? std::string("the scan") : e.display_path;
}

// What follows "added in FILE" for the kinds that say what they run.
std::string what_it_runs(const InventoryEntry& e) {
    if (e.kind == "mcp_server") {
        const std::string url = field(e, "url");
        if (!url.empty()) return ": connects to " + url;
        const std::string launch = launch_of(e);
        return launch.empty() ? std::string() : ": runs " + in_quotes(launch);
    }
    if (e.kind == "hook") {
        const std::string command = field(e, "command");
        if (!command.empty()) return ": runs " + in_quotes(command);
        const std::string url = field(e, "url");
        if (!url.empty()) return ": calls " + url;
    }
    return {};
}

std::string describe_added(const InventoryEntry& e) {
    if (e.kind == "permission_rule")
        return "permission rule " + in_quotes(e.name) + " added to the " + field(e, "list") +
               " list in " + where(e);
    if (e.kind == "permission_mode")
        return "default permission mode set to " + in_quotes(field(e, "mode")) + " in " + where(e);
    return kind_in_words(e.kind) + " " + in_quotes(e.name) + " added in " + where(e) +
           what_it_runs(e);
}

std::string describe_removed(const InventoryEntry& e) {
    if (e.kind == "permission_rule")
        return "permission rule " + in_quotes(e.name) + " removed from the " + field(e, "list") +
               " list in " + where(e);
    if (e.kind == "permission_mode")
        return "default permission mode " + in_quotes(field(e, "mode")) + " removed from " +
               where(e) + " (the client's default applies)";
    return kind_in_words(e.kind) + " " + in_quotes(e.name) + " removed from " + where(e);
}

std::string describe_changed(const InventoryChange& c) {
    const InventoryEntry& e = c.after;
    if (e.kind == "permission_mode")
        return "default permission mode in " + where(e) + " changed from " +
               in_quotes(field(c.before, "mode")) + " to " + in_quotes(field(e, "mode"));
    std::string text = kind_in_words(e.kind) + " " + in_quotes(e.name) + " in " + where(e) + ": ";
    std::vector<std::string> parts;
    bool launch_said = false;
    const bool launch_changed =
        std::any_of(c.fields.begin(), c.fields.end(),
                    [](const FieldChange& f) { return f.field == "command" || f.field == "args"; });
    for (const FieldChange& f : c.fields) {
        if (e.kind == "mcp_server" && (f.field == "package" || f.field == "pinned") &&
            launch_changed) {
            continue;  // follows from the command
        }
        if (e.kind == "mcp_server" && (f.field == "command" || f.field == "args")) {
            if (launch_said) continue;
            launch_said = true;
            parts.push_back("now runs " + in_quotes(launch_of(c.after)) + " (was " +
                            in_quotes(launch_of(c.before)) + ")");
        } else if (f.field == "url" && !f.before.empty() && !f.after.empty()) {
            parts.push_back("now connects to " + f.after + " (was " + f.before + ")");
        } else if (f.before.empty()) {
            parts.push_back(f.field + " set to " + in_quotes(f.after));
        } else if (f.after.empty()) {
            parts.push_back(f.field + " " + in_quotes(f.before) + " removed");
        } else {
            parts.push_back(f.field + " changed from " + in_quotes(f.before) + " to " +
                            in_quotes(f.after));
        }
    }
    for (std::size_t i = 0; i < parts.size(); ++i)
        text += (i == 0 ? "" : "; ") + parts[i];
    return text;
}

std::vector<FieldChange> field_changes(const InventoryEntry& before, const InventoryEntry& after) {
    const rapidjson::Document a = parse_object(before.data_json);
    const rapidjson::Document b = parse_object(after.data_json);
    std::map<std::string, std::pair<std::string, std::string>> fields;  // sorted by name
    for (const auto& m : a.GetObject())
        fields[m.name.GetString()].first = text_of(m.value);
    for (const auto& m : b.GetObject())
        fields[m.name.GetString()].second = text_of(m.value);
    std::vector<FieldChange> changes;
    for (const auto& [name, values] : fields) {
        if (values.first != values.second) changes.push_back({name, values.first, values.second});
    }
    if (changes.empty() && before.name != after.name)  // a permission mode's value is its name
        changes.push_back({"name", before.name, after.name});
    return changes;
}

}  // namespace

std::string_view to_string(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added:
            return "added";
        case ChangeKind::removed:
            return "removed";
        case ChangeKind::changed:
            return "changed";
    }
    return "changed";
}

std::vector<InventoryEntry> entries_of(const scan::ScanResult& result) {
    std::vector<InventoryEntry> entries;
    entries.reserve(result.items.size());
    for (const scan::Item& item : result.items) {
        InventoryEntry e;
        e.plugin = item.plugin;
        e.kind = item.kind;
        e.client = item.client;
        e.scope = std::string(sdk::to_string(item.scope));
        e.name = item.name;
        if (item.file < result.files.size()) e.display_path = result.files[item.file].display_path;
        e.data_json = item.data_json;
        e.pointer = item.pointer;
        e.line = item.line;
        e.column = item.column;
        entries.push_back(std::move(e));
    }
    return entries;
}

std::vector<InventoryEntry> entries_of(std::vector<store::StoredItem> items) {
    std::vector<InventoryEntry> entries;
    entries.reserve(items.size());
    for (store::StoredItem& item : items) {
        entries.push_back({std::move(item.plugin), std::move(item.kind), std::move(item.client),
                           std::move(item.scope), std::move(item.name),
                           std::move(item.display_path), std::move(item.data_json),
                           std::move(item.pointer), item.line, item.column});
    }
    return entries;
}

std::vector<InventoryChange> compare_inventory(const std::vector<InventoryEntry>& before,
                                               const std::vector<InventoryEntry>& after) {
    std::unordered_map<std::string, std::pair<std::vector<const InventoryEntry*>,
                                              std::vector<const InventoryEntry*>>>
        by_identity;
    by_identity.reserve(before.size() + after.size());
    for (const InventoryEntry& e : before)
        by_identity[identity(e)].first.push_back(&e);
    for (const InventoryEntry& e : after)
        by_identity[identity(e)].second.push_back(&e);

    std::vector<InventoryChange> changes;
    for (auto& [key, sides] : by_identity) {
        auto& [old_entries, new_entries] = sides;
        // Same identity on both sides: pair unchanged twins first, so that of two identical
        // rules only the extra one shows as added or removed.
        for (auto it = new_entries.begin(); it != new_entries.end();) {
            const auto twin =
                std::find_if(old_entries.begin(), old_entries.end(), [&](const InventoryEntry* o) {
                    return o->data_json == (*it)->data_json && o->name == (*it)->name;
                });
            if (twin == old_entries.end()) {
                ++it;
                continue;
            }
            old_entries.erase(twin);
            it = new_entries.erase(it);
        }
        const std::size_t paired = std::min(old_entries.size(), new_entries.size());
        for (std::size_t i = 0; i < paired; ++i) {
            InventoryChange c;
            c.change = ChangeKind::changed;
            c.before = *old_entries[i];
            c.after = *new_entries[i];
            c.fields = field_changes(c.before, c.after);
            c.description = describe_changed(c);
            changes.push_back(std::move(c));
        }
        for (std::size_t i = paired; i < new_entries.size(); ++i) {
            InventoryChange c;
            c.change = ChangeKind::added;
            c.after = *new_entries[i];
            c.description = describe_added(c.after);
            changes.push_back(std::move(c));
        }
        for (std::size_t i = paired; i < old_entries.size(); ++i) {
            InventoryChange c;
            c.change = ChangeKind::removed;
            c.before = *old_entries[i];
            c.description = describe_removed(c.before);
            changes.push_back(std::move(c));
        }
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const InventoryChange& x, const InventoryChange& y) {
                         const InventoryEntry& a = x.entry();
                         const InventoryEntry& b = y.entry();
                         return std::tie(a.display_path, a.kind, a.name) <
                                std::tie(b.display_path, b.kind, b.name);
                     });
    return changes;
}

std::string data_text(const InventoryEntry& entry, const char* name) {
    return field(entry, name);
}

std::string kind_in_words(std::string_view kind) {
    static const std::map<std::string_view, std::string_view> kWords = {
        {"mcp_server", "MCP server"},
        {"mcp_input", "MCP input"},
        {"permission_rule", "permission rule"},
        {"permission_mode", "default permission mode"},
        {"hook", "hook"},
        {"memory_file", "memory file"},
        {"agent", "agent"},
        {"command", "slash command"},
        {"skill", "skill"},
        {"plugin_marketplace", "plugin marketplace"},
        {"claude_plugin", "Claude Code plugin"},
        {"credentials_file", "credentials file"},
        {"desktop_extension", "Desktop extension"},
        {"desktop_extension_installation", "Desktop extension installation"},
        {"desktop_extension_settings", "Desktop extension settings"},
    };
    if (const auto it = kWords.find(kind); it != kWords.end()) return std::string(it->second);
    std::string words(kind);
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

std::string launch_of(const InventoryEntry& server) {
    const rapidjson::Document data = parse_object(server.data_json);
    const std::string url = field(data, "url");
    if (!url.empty()) return url;
    std::string line = field(data, "command");
    const std::string args = field(data, "args");
    if (!args.empty()) line += (line.empty() ? "" : " ") + args;
    return line;
}

}  // namespace confscope::history
