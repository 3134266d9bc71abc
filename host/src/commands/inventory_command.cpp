// confscope inventory [--scan ID] [--kind K]... [--client C]... [--scope S]... [--name GLOB]
//
// What the configuration sets up, across clients and scopes: MCP servers, permission rules,
// hooks, memory files, agents, commands, skills, ...
#include <algorithm>
#include <fnmatch.h>
#include <ostream>

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

}  // namespace

int run_inventory_command(Context& context, const Arguments& args) {
    std::string which = "latest";
    std::vector<std::string> kinds, clients, scopes;
    std::string name_glob;
    CommandSpec spec;
    spec.usage =
        "confscope inventory [--scan ID] [--kind KIND]... [--client CLIENT]... [--scope SCOPE]... "
        "[--name GLOB]";
    spec.description =
        "Lists what the configuration sets up, across clients and scopes, from a stored scan (the "
        "latest by\n"
        "default): MCP servers (kind mcp_server), permission rules, permission modes, hooks, "
        "memory files,\n"
        "agents, commands, skills, plugins. Filters combine; --json gives each item's normalized "
        "details.";
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
        "only names matching this glob (github*)");
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;

    auto opened = context.open_scan(which);
    if (!opened) return context.fail(opened.status());
    store::Store& store = *opened->store;
    const std::int64_t id = opened->id;
    auto items = store.items(id);
    if (!items) return context.fail(items.status());

    std::vector<const store::StoredItem*> shown;
    for (const store::StoredItem& i : *items) {
        if (!wanted(kinds, i.kind) || !wanted(clients, i.client) || !wanted(scopes, i.scope))
            continue;
        if (!name_glob.empty() && ::fnmatch(name_glob.c_str(), i.name.c_str(), 0) != 0) continue;
        shown.push_back(&i);
    }
    std::stable_sort(
        shown.begin(), shown.end(), [](const store::StoredItem* a, const store::StoredItem* b) {
            return std::tie(a->kind, a->client, a->name) < std::tie(b->kind, b->client, b->name);
        });

    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_field(w, "scan_id", id);
        json_string(w, "items");
        w.StartArray();
        for (const store::StoredItem* i : shown) {
            w.StartObject();
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
    if (shown.empty()) {
        context.out().out() << "No inventory items" << (items->empty() ? "" : " match the filters")
                            << " in scan " << id << '\n';
        return exit_ok;
    }
    Table table({"KIND", "CLIENT", "SCOPE", "NAME", "LOCATION", "DETAIL"});
    for (const store::StoredItem* i : shown) {
        table.add({i->kind, i->client, i->scope, i->name,
                   i->display_path + (i->line > 0 ? ":" + std::to_string(i->line) : ""),
                   detail_of(*i)});
    }
    table.print(context.out().out());
    if (!context.options().quiet)
        context.out().out() << '\n' << shown.size() << " item(s) in scan " << id << '\n';
    return exit_ok;
}

}  // namespace confscope::host
