// confscope diff [A [B]] [--no-patch] [--fail-on SEVERITY]
//
// What changed between two stored scans: files added, removed and changed (with a unified diff of
// their redacted content), the inventory changes in words, and the drift findings the change
// amounts to. B defaults to the latest scan, A to B's baseline (history/baseline.hpp: the scan
// B's drift findings were measured against).
#include <map>
#include <ostream>
#include <set>

#include <confscope/history/baseline.hpp>
#include <confscope/history/drift.hpp>
#include <confscope/history/inventory_diff.hpp>
#include <confscope/history/text_diff.hpp>
#include <confscope/scan/model.hpp>
#include <confscope/secrets/redactor.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"

namespace confscope::host {

namespace {

struct FileChange {
    history::ChangeKind change = history::ChangeKind::changed;
    std::string path;  ///< display path
    store::StoredFile before;
    store::StoredFile after;
    bool content_known = false;  ///< both sides' content is stored: `patch` is the diff
    history::TextDiff patch;
};

// The files of a scan that exist, by display path (one row per file when several plugins read it).
std::map<std::string, store::StoredFile> existing_files(const std::vector<store::StoredFile>& all) {
    std::map<std::string, store::StoredFile> files;
    for (const store::StoredFile& f : all) {
        if (!f.exists || f.category == "unreadable") continue;
        auto [it, inserted] = files.emplace(f.display_path, f);
        if (!inserted && it->second.content_hash.empty()) it->second = f;
    }
    return files;
}

std::string label(const store::ScanSummary& s) {
    return "scan " + std::to_string(s.id) + " (" + s.finished_at + ", " + s.host + ")";
}

void write_scan_json(JsonWriter& w, std::string_view key, const store::ScanSummary& s) {
    json_string(w, key);
    w.StartObject();
    json_field(w, "id", s.id);
    json_field(w, "uuid", s.uuid);
    json_field(w, "host", s.host);
    json_field(w, "finished_at", s.finished_at);
    w.EndObject();
}

void write_entry_json(JsonWriter& w, std::string_view key, const history::InventoryEntry& e) {
    json_string(w, key);
    if (e.kind.empty()) {
        w.Null();
        return;
    }
    w.StartObject();
    json_field(w, "plugin", e.plugin);
    json_field(w, "client", e.client);
    json_field(w, "scope", e.scope);
    json_field(w, "name", e.name);
    json_field(w, "pointer", e.pointer);
    json_field(w, "line", e.line);
    json_raw_field(w, "data", e.data_json);
    w.EndObject();
}

}  // namespace

int run_diff_command(Context& context, const Arguments& args) {
    std::vector<std::string> refs;
    bool no_patch = false;
    std::string fail_on = "none";
    CommandSpec spec;
    spec.usage = "confscope diff [A [B]] [--no-patch] [--fail-on SEVERITY]";
    spec.description =
        "Shows what changed from scan A to scan B (ids, UUIDs, latest or previous): files added, "
        "removed\nand changed, with a unified diff of their stored (redacted) content; MCP "
        "servers, permission\nrules, hooks and other inventory added, removed or changed, in "
        "words; and the drift findings\n(DRIFT-001..003) the change amounts to. B defaults to "
        "latest; A to the previous complete scan\nof B's host, home and roots.";
    spec.options.add_options()("scan", po::value(&refs)->value_name("A B")->composing(),
                               "the two scans")("no-patch", po::bool_switch(&no_patch),
                                                "list changed files without their line diffs")(
        "fail-on", po::value(&fail_on)->default_value("none")->value_name("SEVERITY"),
        "exit 1 when a drift finding is at or above: info, low, medium, high, critical");
    spec.positional.add("scan", 2);
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    std::optional<sdk::Severity> threshold;
    if (!parse_fail_on(context, fail_on, threshold)) return exit_usage;

    // -- the two scans ---------------------------------------------------------------------------
    auto newer = context.open_scan(refs.size() >= 2 ? refs[1] : "latest");
    if (!newer) return context.fail(newer.status());
    store::Store& store = *newer->store;
    auto to = store.scan(newer->id);
    if (!to) return context.fail(to.status());
    std::int64_t from_id = 0;
    if (!refs.empty()) {
        auto resolved = store.resolve_scan(refs[0]);
        if (!resolved) return context.fail(resolved.status());
        from_id = *resolved;
    } else {
        auto plugins = store.plugins(to->id);
        if (!plugins) return context.fail(plugins.status());
        std::set<std::string> ran;
        for (const store::StoredPlugin& p : *plugins) {
            if (p.status == "ok") ran.insert(p.name);
        }
        auto previous = history::find_baseline(store, store::ScanScope::of(*to), ran, to->id);
        if (!previous) return context.fail(previous.status());
        if (!*previous) {
            context.out().error("scan " + std::to_string(to->id) +
                                " has no earlier complete scan of the same host, home and roots: "
                                "name both scans (confscope diff A B; see confscope scans list)");
            return exit_usage;
        }
        from_id = (*previous)->scan_id;
    }
    auto from = store.scan(from_id);
    if (!from) return context.fail(from.status());

    // -- files -----------------------------------------------------------------------------------
    auto files_a = store.files(from->id);
    if (!files_a) return context.fail(files_a.status());
    auto files_b = store.files(to->id);
    if (!files_b) return context.fail(files_b.status());
    auto items_a = store.items(from->id);
    if (!items_a) return context.fail(items_a.status());
    auto items_b = store.items(to->id);
    if (!items_b) return context.fail(items_b.status());
    // On one machine a file is its absolute path: A's rows take B's display paths, so display
    // paths made differently (root labels) never read as files removed and added.
    if (from->host == to->host && from->home == to->home)
        history::align_display_paths(*files_a, *items_a, history::display_paths(*files_b));
    const auto old_files = existing_files(*files_a);
    const auto new_files = existing_files(*files_b);
    std::vector<FileChange> file_changes;
    for (const auto& [path, f] : new_files) {
        const auto it = old_files.find(path);
        if (it == old_files.end()) {
            file_changes.push_back({history::ChangeKind::added, path, {}, f, false, {}});
        } else if (it->second.sha256 != f.sha256) {
            file_changes.push_back({history::ChangeKind::changed, path, it->second, f, false, {}});
        }
    }
    for (const auto& [path, f] : old_files) {
        if (!new_files.contains(path))
            file_changes.push_back({history::ChangeKind::removed, path, f, {}, false, {}});
    }
    std::sort(file_changes.begin(), file_changes.end(),
              [](const FileChange& a, const FileChange& b) { return a.path < b.path; });
    for (FileChange& c : file_changes) {
        if (c.change != history::ChangeKind::changed || c.before.content_hash.empty() ||
            c.after.content_hash.empty())
            continue;
        auto before = store.content(c.before.content_hash);
        if (!before) return context.fail(before.status());
        auto after = store.content(c.after.content_hash);
        if (!after) return context.fail(after.status());
        if (!*before || !*after) continue;
        c.content_known = true;
        // Content stored raw (--store-content raw) is redacted now, as history --show does: diff
        // never prints a secret. Redacting stored-redacted content changes nothing.
        const sdk::Format before_format =
            scan::parse_format(c.before.format).value_or(sdk::Format::text);
        const sdk::Format after_format =
            scan::parse_format(c.after.format).value_or(sdk::Format::text);
        c.patch = history::unified_diff(secrets::redact_text(**before, before_format).text,
                                        secrets::redact_text(**after, after_format).text,
                                        c.path + " (scan " + std::to_string(from->id) + ")",
                                        c.path + " (scan " + std::to_string(to->id) + ")");
    }

    // -- inventory and drift ---------------------------------------------------------------------
    const std::vector<history::InventoryChange> changes = history::compare_inventory(
        history::entries_of(std::move(*items_a)), history::entries_of(std::move(*items_b)));
    std::vector<history::DriftFinding> drift =
        history::drift_findings(changes, "scan " + std::to_string(from->id));
    std::stable_sort(drift.begin(), drift.end(),
                     [](const history::DriftFinding& a, const history::DriftFinding& b) {
                         return a.severity > b.severity;
                     });
    const bool fails =
        threshold && std::any_of(drift.begin(), drift.end(), [&](const history::DriftFinding& d) {
            return d.severity >= *threshold;
        });

    // -- output ----------------------------------------------------------------------------------
    std::ostream& os = context.out().out();
    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        write_scan_json(w, "from", *from);
        write_scan_json(w, "to", *to);
        json_string(w, "files");
        w.StartArray();
        for (const FileChange& c : file_changes) {
            w.StartObject();
            json_field(w, "path", c.path);
            json_field(w, "change", history::to_string(c.change));
            json_field(w, "sha256_before", c.before.sha256);
            json_field(w, "sha256_after", c.after.sha256);
            if (c.change == history::ChangeKind::changed) {
                json_string(w, "patch");
                if (c.content_known && !no_patch) {
                    json_string(w, c.patch.patch);
                } else {
                    w.Null();
                }
                if (c.content_known) {
                    json_field(w, "lines_added", static_cast<long long>(c.patch.added));
                    json_field(w, "lines_removed", static_cast<long long>(c.patch.removed));
                }
            }
            w.EndObject();
        }
        w.EndArray();
        json_string(w, "inventory");
        w.StartArray();
        for (const history::InventoryChange& c : changes) {
            w.StartObject();
            json_field(w, "change", history::to_string(c.change));
            json_field(w, "kind", c.entry().kind);
            json_field(w, "name", c.entry().name);
            json_field(w, "file", c.entry().display_path);
            json_field(w, "description", c.description);
            json_string(w, "fields");
            w.StartArray();
            for (const history::FieldChange& f : c.fields) {
                w.StartObject();
                json_field(w, "field", f.field);
                json_field(w, "before", f.before);
                json_field(w, "after", f.after);
                w.EndObject();
            }
            w.EndArray();
            write_entry_json(w, "before", c.before);
            write_entry_json(w, "after", c.after);
            w.EndObject();
        }
        w.EndArray();
        json_string(w, "drift");
        w.StartArray();
        for (const history::DriftFinding& d : drift) {
            w.StartObject();
            json_field(w, "rule", d.rule_id);
            json_field(w, "severity", sdk::to_string(d.severity));
            json_field(w, "message", d.message);
            json_field(w, "file", d.display_path);
            json_field(w, "pointer", d.pointer);
            json_field(w, "line", d.line);
            json_field(w, "column", d.column);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        os << buffer.GetString() << '\n';
        return fails ? exit_findings : exit_ok;
    }

    Output& out = context.out();
    os << out.bold("diff " + label(*from) + " -> " + label(*to)) << "\n";
    if (file_changes.empty() && changes.empty()) {
        os << "no differences: every file has the same bytes and the inventory is the same\n";
        return exit_ok;
    }
    std::size_t counts[3] = {0, 0, 0};
    for (const FileChange& c : file_changes)
        ++counts[static_cast<int>(c.change)];
    os << "\nFiles: " << counts[static_cast<int>(history::ChangeKind::changed)] << " changed, "
       << counts[static_cast<int>(history::ChangeKind::added)] << " added, "
       << counts[static_cast<int>(history::ChangeKind::removed)] << " removed\n";
    for (const FileChange& c : file_changes) {
        os << "  " << history::to_string(c.change) << "  " << c.path;
        if (c.change == history::ChangeKind::changed) {
            if (c.content_known && !c.patch.patch.empty())
                os << "  (+" << c.patch.added << " -" << c.patch.removed << " lines)";
            else if (c.content_known)
                os << "  (only secrets changed: the redacted content is the same)";
            else
                os << "  (content not stored: scanned with --store-content none)";
        }
        os << "\n";
    }
    os << "\nInventory: " << changes.size() << (changes.size() == 1 ? " change\n" : " changes\n");
    for (const history::InventoryChange& c : changes) {
        const char sign = c.change == history::ChangeKind::added     ? '+'
                          : c.change == history::ChangeKind::removed ? '-'
                                                                     : '~';
        os << "  " << sign << " " << c.description << "\n";
    }
    if (!drift.empty()) {
        os << "\nDrift: " << drift.size() << (drift.size() == 1 ? " finding\n" : " findings\n");
        Table table({"SEVERITY", "RULE", "FILE", "MESSAGE"});
        for (const history::DriftFinding& d : drift)
            table.add({out.severity(d.severity), d.rule_id, d.display_path, d.message});
        table.print(os);
    }
    if (!no_patch) {
        for (const FileChange& c : file_changes) {
            if (c.content_known && !c.patch.patch.empty()) os << "\n" << c.patch.patch;
        }
    }
    return fails ? exit_findings : exit_ok;
}

}  // namespace confscope::host
