// confscope scans list | show ID|latest
#include <ostream>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"

namespace confscope::host {

namespace {

void write_summary_json(JsonWriter& w, const store::ScanSummary& s) {
    w.StartObject();
    json_field(w, "id", s.id);
    json_field(w, "uuid", s.uuid);
    json_field(w, "status", s.status);
    json_field(w, "started_at", s.started_at);
    json_field(w, "finished_at", s.finished_at);
    json_field(w, "duration_ms", s.duration_ms);
    json_field(w, "host", s.host);
    json_field(w, "username", s.username);
    json_field(w, "os", s.os_type);
    json_field(w, "home", s.home);
    json_raw_field(w, "roots", s.roots_json);
    json_field(w, "tool_version", s.tool_version);
    json_field(w, "locations_checked", s.total_scanned);
    json_field(w, "files_found", s.total_found);
    json_field(w, "items", s.item_count);
    json_field(w, "findings", s.finding_count);
    w.EndObject();
}

int list(Context& context, const Arguments& args) {
    std::size_t limit = 20;
    CommandSpec spec;
    spec.usage = "confscope scans list [--limit N]";
    spec.description = "Lists stored scans, newest first.";
    spec.options.add_options()("limit,n", po::value(&limit)->default_value(20)->value_name("N"),
                               "how many");
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    auto store = context.open_store_for_reading();
    if (!store) return context.fail(store.status());
    auto scans = (*store)->list_scans(limit);
    if (!scans) return context.fail(scans.status());
    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartArray();
        for (const auto& s : *scans)
            write_summary_json(w, s);
        w.EndArray();
        context.out().out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    if (scans->empty()) {
        context.out().out() << "No scans in " << (*store)->url().display
                            << " yet: run confscope scan\n";
        return exit_ok;
    }
    Table table({"ID", "STARTED", "HOST", "STATUS", "FILES", "ITEMS", "FINDINGS", "HOME"});
    for (const auto& s : *scans) {
        table.add({std::to_string(s.id), s.started_at, s.host, s.status,
                   std::to_string(s.total_found), std::to_string(s.item_count),
                   std::to_string(s.finding_count), s.home});
    }
    table.print(context.out().out());
    return exit_ok;
}

int show(Context& context, const Arguments& args) {
    std::string which = "latest";
    bool all_files = false;
    CommandSpec spec;
    spec.usage = "confscope scans show [ID|UUID|latest|previous] [--all-files]";
    spec.description = "Shows one scan: its plugins, the files it found and its inventory.";
    spec.options.add_options()("scan", po::value(&which)->default_value("latest")->value_name("ID"),
                               "the scan")("all-files", po::bool_switch(&all_files),
                                           "also list locations that were checked and absent");
    spec.positional.add("scan", 1);
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    Output& out = context.out();
    auto store = context.open_store_for_reading();
    if (!store) return context.fail(store.status());
    store::Store& db = **store;
    auto id = db.resolve_scan(which);
    if (!id) return context.fail(id.status());
    auto summary = db.scan(*id);
    auto plugins = db.plugins(*id);
    auto files = db.files(*id);
    auto items = db.items(*id);
    for (const Status& s : {summary.status(), plugins.status(), files.status(), items.status()}) {
        if (!s) return context.fail(s);
    }
    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_string(w, "scan");
        write_summary_json(w, *summary);
        json_string(w, "plugins");
        w.StartArray();
        for (const auto& p : *plugins) {
            w.StartObject();
            json_field(w, "name", p.name);
            json_field(w, "version", p.version);
            json_field(w, "status", p.status);
            json_field(w, "error", p.error);
            json_field(w, "library_sha256", p.library_sha256);
            w.EndObject();
        }
        w.EndArray();
        json_string(w, "files");
        w.StartArray();
        for (const auto& f : *files) {
            if (!all_files && !f.exists && f.error.empty()) continue;
            w.StartObject();
            json_field(w, "plugin", f.plugin);
            json_field(w, "category", f.category);
            json_field(w, "name", f.name);
            json_field(w, "scope", f.scope);
            json_field(w, "format", f.format);
            json_field(w, "path", f.path);
            json_field(w, "display_path", f.display_path);
            json_field(w, "exists", f.exists ? 1 : 0);
            json_field(w, "size", f.size);
            json_field(w, "sha256", f.sha256);
            json_field(w, "parse_error", f.parse_error);
            json_field(w, "error", f.error);
            w.EndObject();
        }
        w.EndArray();
        json_string(w, "inventory");
        w.StartArray();
        for (const auto& i : *items) {
            w.StartObject();
            json_field(w, "kind", i.kind);
            json_field(w, "client", i.client);
            json_field(w, "scope", i.scope);
            json_field(w, "name", i.name);
            json_field(w, "file", i.display_path);
            json_field(w, "pointer", i.pointer);
            json_field(w, "line", i.line);
            json_raw_field(w, "data", i.data_json);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        out.out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    std::ostream& os = out.out();
    const store::ScanSummary& s = *summary;
    os << out.bold("Scan " + std::to_string(s.id)) << " " << s.status << " — " << s.uuid << '\n'
       << "  started " << s.started_at << ", " << s.duration_ms << " ms, on " << s.host << " ("
       << s.os_type << ") by " << s.username << ", confscope " << s.tool_version << '\n'
       << "  home " << s.home << ", roots " << s.roots_json << '\n'
       << "  " << s.total_scanned << " locations checked, " << s.total_found << " files found, "
       << s.item_count << " inventory items, " << s.finding_count << " findings\n";
    for (const auto& p : *plugins) {
        os << "  plugin " << p.name << " " << p.version << " " << p.status;
        if (!p.error.empty()) os << ": " << p.error;
        os << '\n';
    }
    os << "\nFiles:\n";
    Table file_table({"SCOPE", "CATEGORY", "PATH", "SIZE", "SHA-256", "NOTE"});
    for (const auto& f : *files) {
        if (!all_files && !f.exists && f.error.empty()) continue;
        std::string note = !f.error.empty()         ? f.error
                           : !f.parse_error.empty() ? "parse error: " + f.parse_error
                                                    : "";
        if (!f.exists && f.error.empty()) note = "absent";
        file_table.add({f.scope, f.category, f.display_path, f.exists ? std::to_string(f.size) : "",
                        f.sha256.substr(0, 12), note});
    }
    if (file_table.empty()) {
        os << "  (none)\n";
    } else {
        file_table.print(os);
    }
    os << "\nInventory:\n";
    Table item_table({"KIND", "SCOPE", "NAME", "FILE"});
    for (const auto& i : *items) {
        item_table.add({i.kind, i.scope, i.name,
                        i.display_path + (i.line > 0 ? ":" + std::to_string(i.line) : "")});
    }
    if (item_table.empty()) {
        os << "  (none)\n";
    } else {
        item_table.print(os);
    }
    return exit_ok;
}

}  // namespace

int run_scans_command(Context& context, const Arguments& args) {
    const std::string usage = "confscope scans list | show [ID|latest]";
    if (args.empty() || args.front() == "--help" || args.front() == "-h") {
        std::ostream& os = args.empty() ? context.out().err() : context.out().out();
        os << "Usage: " << usage
           << "\n\n  list   stored scans, newest first\n  show   one scan's plugins, files and "
              "inventory\n";
        return args.empty() ? exit_usage : exit_ok;
    }
    const Arguments rest(args.begin() + 1, args.end());
    if (args.front() == "list") return list(context, rest);
    if (args.front() == "show") return show(context, rest);
    context.out().error("unknown subcommand 'scans " + args.front() + "' (usage: " + usage + ")");
    return exit_usage;
}

}  // namespace confscope::host
