// confscope/history/inventory_diff.hpp — what changed in the inventory between two scans, in words
// a person understands: an MCP server added, removed, or running another command; a permission
// rule added to or removed from a list; the default permission mode changed; a hook added.
//
// Items are matched by identity, not by position: the kind, the file (display path), the client,
// the scope and the name, plus what tells same-named items apart (the list of a permission rule,
// the project of a server in ~/.claude.json). A default permission mode is one per file whatever
// its value. Everything here is plain data; nothing is read or written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <confscope/scan/model.hpp>
#include <confscope/store/store.hpp>

namespace confscope::history {

/// One inventory item, as either side of a comparison sees it (redacted, like everything stored).
struct InventoryEntry {
    std::string plugin;
    std::string kind;
    std::string client;
    std::string scope;
    std::string name;
    std::string display_path;
    std::string data_json;  ///< a JSON object
    std::string pointer;
    std::int64_t line = 0;
    std::int64_t column = 0;
};

/// The items of a scan in memory (before it is stored), with their files' display paths.
std::vector<InventoryEntry> entries_of(const scan::ScanResult& result);
/// The items of a stored scan (moved from `items`).
std::vector<InventoryEntry> entries_of(std::vector<store::StoredItem> items);

/// One field of an item that differs ("command", "url", "mode", ...).
struct FieldChange {
    std::string field;
    std::string before;  ///< the value as text ("" when absent)
    std::string after;
};

enum class ChangeKind { added, removed, changed };

std::string_view to_string(ChangeKind kind);

struct InventoryChange {
    ChangeKind change = ChangeKind::changed;
    InventoryEntry before;            ///< empty for `added`
    InventoryEntry after;             ///< empty for `removed`
    std::vector<FieldChange> fields;  ///< for `changed`: what differs, in a stable order
    std::string description;          ///< one line: what happened, in words

    /// The side that exists (after, or before for `removed`).
    [[nodiscard]] const InventoryEntry& entry() const {
        return change == ChangeKind::removed ? before : after;
    }
};

/// Every difference between two inventories, ordered by file, kind and name.
std::vector<InventoryChange> compare_inventory(const std::vector<InventoryEntry>& before,
                                               const std::vector<InventoryEntry>& after);

/// "MCP server", "permission rule", "hook", ... for an item kind.
std::string kind_in_words(std::string_view kind);

/// One field of an item's data as text: a string as itself, an array of strings joined by
/// spaces, anything else as compact JSON; "" when absent or when the data is not a JSON object.
std::string data_text(const InventoryEntry& entry, const char* field);

/// How a server is started or reached, as one line: "npx -y pkg@1" or the URL ("" if neither).
std::string launch_of(const InventoryEntry& server);

}  // namespace confscope::history
