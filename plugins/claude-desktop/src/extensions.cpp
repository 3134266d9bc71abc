#include "extensions.hpp"

#include "desktop_config.hpp"

namespace claude_desktop {

namespace {

using sdk::Severity;

// "…/Claude Extensions/<id>/manifest.json" -> "<id>".
std::string_view parent_folder_name(std::string_view path) {
    const auto slash = path.find_last_of("/\\");
    if (slash == std::string_view::npos) return {};
    path = path.substr(0, slash);
    const auto before = path.find_last_of("/\\");
    return before == std::string_view::npos ? path : path.substr(before + 1);
}

// "<id>.json" -> "<id>".
std::string_view stem(std::string_view file_name) {
    const auto dot = file_name.rfind('.');
    return dot == std::string_view::npos || dot == 0 ? file_name : file_name.substr(0, dot);
}

sdk::JsonArray keys_of(const sdk::Node& object) {
    sdk::JsonArray keys;
    for (const sdk::Node& member : object.children())
        keys.push(member.key());
    return keys;
}

void set_if_string(sdk::JsonObject& data, std::string_view key, const sdk::Node& node) {
    if (node.is_string()) data.set(key, node.value());
}

// The user_config key a node sits under (userConfig/<key>/…).
std::string_view user_config_key(sdk::Node node) {
    for (sdk::Node parent = node.parent(); parent; node = parent, parent = node.parent()) {
        if (parent.key() == "userConfig" && !parent.parent().parent()) return node.key();
    }
    return node.key();
}

}  // namespace

void analyze_extension_manifest(Analysis& a) {
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    const std::string id(parent_folder_name(a.file.path()));
    const sdk::Node server = root["server"];
    const sdk::Node author = root["author"];

    sdk::JsonObject data;
    set_if_string(data, "name", root["name"]);
    set_if_string(data, "display_name", root["display_name"]);
    set_if_string(data, "version", root["version"]);
    set_if_string(data, "manifest_version",
                  root["manifest_version"] ? root["manifest_version"] : root["dxt_version"]);
    set_if_string(data, "author", author.is_string() ? author : author["name"]);
    set_if_string(data, "server_type", server["type"]);
    set_if_string(data, "entry_point", server["entry_point"]);
    set_if_string(data, "command", server["mcp_config"]["command"]);
    const sdk::Node user_config = root["user_config"];
    if (user_config.size() > 0) {
        data.set("user_config", keys_of(user_config));
        sdk::JsonArray sensitive;
        for (const sdk::Node& option : user_config.children()) {
            if (option["sensitive"].is_true()) sensitive.push(option.key());
        }
        if (!sensitive.empty()) data.set("sensitive_user_config", sensitive);
    }
    a.sink.item("desktop_extension", id, a.scope(), data, root);

    // The server the extension runs: an MCP server like any other (inventory and server rules).
    const sdk::Node mcp_config = server["mcp_config"];
    if (mcp_config.is_object()) analyze_desktop_server(a, mcp_config, id, a.scope());
}

void analyze_extension_installations(Analysis& a) {
    // {"extensions": {"<id>": {id, version, hash, installedAt, manifest, signatureInfo, source}}}.
    // The embedded manifest copy is not analyzed again: its extension folder's manifest.json is.
    for (const sdk::Node& extension : a.doc.find("/extensions").children()) {
        if (!extension.is_object()) continue;
        sdk::JsonObject data;
        set_if_string(data, "version", extension["version"]);
        set_if_string(data, "source", extension["source"]);
        set_if_string(data, "signature", extension["signatureInfo"]["status"]);
        set_if_string(data, "installed_at", extension["installedAt"]);
        a.sink.item("desktop_extension_installation", extension.key(), a.scope(), data, extension);
    }
}

void analyze_extension_settings(Analysis& a) {
    // {"isEnabled": true, "userConfig": {"<key>": value, …}}.
    const sdk::Node root = a.doc.root();
    if (!root.is_object()) return;
    const std::string id(stem(a.file.file_name()));
    sdk::JsonObject data;
    if (const sdk::Node enabled = root["isEnabled"]; enabled.kind() == sdk::NodeKind::boolean)
        data.set("enabled", enabled.is_true());
    const sdk::Node user_config = root["userConfig"];
    if (user_config.size() > 0) data.set("user_config", keys_of(user_config));
    a.sink.item("desktop_extension_settings", id, a.scope(), data, root);

    // A literal secret here is SEC-001: the value reaches the extension's server through
    // ${user_config.<key>} in its env or args, stored in plaintext (a key the manifest declares
    // "sensitive" is kept in the OS keychain instead).
    for (const sdk::Node& value : a.doc.select("/userConfig/**")) {
        if (!value.is_string() || !value.is_secret()) continue;
        const bool token = value.is_secret_token();
        a.sink.finding("SEC-001", token ? Severity::critical : Severity::high,
                       "Desktop extension " + quoted(id) + " stores user_config " +
                           std::string(user_config_key(value)) + " as a literal " +
                           (token ? "token" : "secret") +
                           " in plaintext; the extension should declare it \"sensitive\" so "
                           "Claude Desktop keeps it in the OS keychain; rotate it",
                       value);
    }
}

}  // namespace claude_desktop
