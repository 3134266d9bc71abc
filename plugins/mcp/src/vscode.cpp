// VS Code: mcp.json ({"servers": {...}, "inputs": [...]}) in the user folder, its profiles and a
// workspace's .vscode, and the older "mcp": {"servers", "inputs"} in settings.json. All JSONC.
#include "autonomy.hpp"
#include "clients.hpp"
#include "dialects.hpp"

namespace mcp {

namespace {

// "inputs": [{"type": "promptString", "id": "api-key", "description": "...", "password": true}]:
// the values VS Code prompts for and keeps in its secret storage. Inventoried by id; the file
// holds no value.
void inventory_inputs(Analysis& a, const sdk::Node& inputs) {
    for (const sdk::Node& input : inputs.children()) {
        const std::string_view id = input["id"].string_or("");
        if (!input.is_object() || id.empty()) continue;
        sdk::JsonObject data;
        data.set("type", input["type"].string_or("")).set("password", input["password"].is_true());
        if (const std::string_view description = input["description"].string_or("");
            !description.empty())
            data.set("description", description);
        a.sink.item("mcp_input", id, a.scope(), data, input, vscode_dialect().client);
    }
}

// `where` names the servers key in messages: "servers" (mcp.json) or "mcp.servers" (settings).
void analyze_section(Analysis& a, const sdk::Node& section, std::string_view where) {
    if (!section.is_object()) return;
    if (servers_object(a, section["servers"], where, "VS Code"))
        analyze_mcp_servers(a, section["servers"], a.scope(), vscode_dialect());
    inventory_inputs(a, section["inputs"]);
}

}  // namespace

void analyze_vscode_mcp(Analysis& a) {
    analyze_section(a, a.doc.root(), "servers");
}

void analyze_vscode_settings(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (root.is_object()) analyze_section(a, root["mcp"], "mcp.servers");
    check_vscode_autonomy(a);
}

}  // namespace mcp
