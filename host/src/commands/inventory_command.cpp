// confscope inventory [--scan ID | --all-hosts] [--kind K]... [--client C]... [--scope S]...
//                     [--name GLOB]
//
// What the configuration sets up, across clients and scopes: MCP servers, permission rules,
// hooks, memory files, agents, commands, skills, ... With --all-hosts, across a fleet: the newest
// scan of every host in the store ("which machines have MCP server X").
#include <algorithm>
#include <fnmatch.h>
#include <ostream>
#include <set>

#include <rapidjson/document.h>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"

namespace confscope::host {

namespace {

bool wanted(const std::vector<std::string>& filter, const std::string& value) {
    return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

// A short description from the item's normalized data: an MCP server's transport and what it runs.
std::string detail_of(const store::StoredItem& item) {
    rapidjson::Document data;
    data.Parse(item.data_json.c_str());
    if (data.HasParseError() || !data.IsObject()) return {};
    auto text = [&](const char* key) -> std::string {
        const auto it = data.FindMember(key);
        return it != data.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
    };
    if (item.kind == "mcp_server") {
        std::string detail = text("transport");
        if (const std::string package = text("package"); !package.empty()) {
            detail += " " + package;
            const auto pinned = data.FindMember("pinned");
            if (pinned != data.MemberEnd() && pinned->value.IsBool() && !pinned->value.GetBool())
                detail += " (unpinned)";
        } else if (const std::string command = text("command"); !command.empty()) {
            detail += " " + command;
        } else if (const std::string url = text("url"); !url.empty()) {
            detail += " " + url;
        }
        return detail;
    }
    if (item.kind == "hook")
        return text("type") + (text("command").empty() ? "" : " " + text("command"));
    if (item.kind == "permission_rule") return text("list");
    return {};
}

struct Entry {
    std::string host;
    std::int64_t scan_id = 0;
    store::StoredItem item;
};

}  // namespace

int run_inventory_command(Context& context, const Arguments& args) {
    std::string which = "latest";
    std::vector<std::string> kinds, clients, scopes;
    std::string name_glob;
    bool all_hosts = false;
    CommandSpec spec;
    spec.usage =
        "confscope inventory [--scan ID] [--kind KIND]... [--client CLIENT]... [--scope SCOPE]... "
        "[--name GLOB] [--all-hosts]";
    spec.description =
        "Lists what the configuration sets up, across clients and scopes, from a stored scan (the "
        "latest by\n"
        "default): MCP servers (kind mcp_server), permission rules, permission modes, hooks, "
        "memory files,\n"
        "agents, commands, skills, plugins. Filters combine; --json gives each item's normalized "
        "details.\n"
        "--all-hosts asks the whole fleet: the newest scan of every host in the store.";
    spec.options.add_options()("scan,s",
                               po::value(&which)->default_value("latest")->value_name("ID"),
                               "scan id, UUID, latest or previous")(
        "kind,k", po::value(&kinds)->composing()->value_name("KIND"),
        "only this kind (repeatable): mcp_server, hook, ...")(
        "client,c", po::value(&clients)->composing()->value_name("CLIENT"),
        "only this client (repeatable): claude-code, cursor, vscode, ...")(
        "scope", po::value(&scopes)->composing()->value_name("SCOPE"),
        "only this scope (repeatable): user, project, local, managed, system, plugin")(
        "name", po::value(&name_glob)->value_name("GLOB"),
        "only names matching this glob (github*)")(
        "all-hosts", po::bool_switch(&all_hosts),
        "every host's newest scan instead of one scan (fleet: which machines have X)");
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;

    if (all_hosts && !vm["scan"].defaulted()) {
        context.out().error("--all-hosts and --scan contradict each other: give one");
        return exit_usage;
    }
    std::vector<Entry> entries;
    auto opened = context.open_scans(which, all_hosts);
    if (!opened) return context.fail(opened.status());
    const std::unique_ptr<store::Store>& store = opened->store;
    const std::vector<store::HostScan>& hosts = opened->scans;
    const std::int64_t id = hosts.empty() ? 0 : hosts.front().scan_id;
    for (const store::HostScan& host : hosts) {
        auto items = store->items(host.scan_id);
        if (!items) return context.fail(items.status());
        for (store::StoredItem& item : *items)
            entries.push_back({host.host, host.scan_id, std::move(item)});
    }

    std::vector<const Entry*> shown;
    for (const Entry& e : entries) {
        const store::StoredItem& i = e.item;
        if (!wanted(kinds, i.kind) || !wanted(clients, i.client) || !wanted(scopes, i.scope))
            continue;
        if (!name_glob.empty() && ::fnmatch(name_glob.c_str(), i.name.c_str(), 0) != 0) continue;
        shown.push_back(&e);
    }
    std::stable_sort(shown.begin(), shown.end(), [](const Entry* a, const Entry* b) {
        return std::tie(a->item.kind, a->item.client, a->item.name, a->host) <
               std::tie(b->item.kind, b->item.client, b->item.name, b->host);
    });
    std::set<std::string> hosts_shown;
    for (const Entry* e : shown)
        hosts_shown.insert(e->host);

    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        if (all_hosts) {
            json_string(w, "hosts");
            w.StartArray();
            for (const store::HostScan& h : hosts) {
                w.StartObject();
                json_field(w, "host", h.host);
                json_field(w, "scan_id", h.scan_id);
                json_field(w, "finished_at", h.finished_at);
                json_field(w, "status", h.status);
                w.EndObject();
            }
            w.EndArray();
        } else {
            json_field(w, "scan_id", id);
        }
        json_string(w, "items");
        w.StartArray();
        for (const Entry* e : shown) {
            const store::StoredItem* i = &e->item;
            w.StartObject();
            if (all_hosts) {
                json_field(w, "host", e->host);
                json_field(w, "scan_id", e->scan_id);
            }
            json_field(w, "kind", i->kind);
            json_field(w, "client", i->client);
            json_field(w, "scope", i->scope);
            json_field(w, "name", i->name);
            json_field(w, "file", i->display_path);
            json_field(w, "pointer", i->pointer);
            json_field(w, "line", i->line);
            json_raw_field(w, "data", i->data_json);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        context.out().out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    const std::string where =
        all_hosts ? "the newest scans of " + std::to_string(hosts.size()) + " host(s)"
                  : "scan " + std::to_string(id);
    if (shown.empty()) {
        context.out().out() << "No inventory items" << (entries.empty() ? "" : " match the filters")
                            << " in " << where << '\n';
        return exit_ok;
    }
    std::vector<std::string> header{"KIND", "CLIENT", "SCOPE", "NAME", "LOCATION", "DETAIL"};
    if (all_hosts) header.insert(header.begin(), "HOST");
    Table table(header);
    for (const Entry* e : shown) {
        const store::StoredItem* i = &e->item;
        std::vector<std::string> row{
            i->kind,
            i->client,
            i->scope,
            i->name,
            i->display_path + (i->line > 0 ? ":" + std::to_string(i->line) : ""),
            detail_of(*i)};
        if (all_hosts) row.insert(row.begin(), e->host);
        table.add(std::move(row));
    }
    table.print(context.out().out());
    if (!context.options().quiet) {
        context.out().out() << '\n' << shown.size() << " item(s)";
        if (all_hosts) context.out().out() << " on " << hosts_shown.size() << " host(s)";
        context.out().out() << " in " << where << '\n';
    }
    return exit_ok;
}

}  // namespace confscope::host
