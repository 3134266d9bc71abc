// confscope/sdk/types.hpp — C++ names for the C ABI's enumerations, and the plain structs a plugin
// author fills: Target, Rule, PluginInfo.
//
// Everything here is a value type that owns its strings; the SDK converts to the C structs of
// <confscope/plugin_api.h> and keeps the converted copies alive as the ABI requires.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <confscope/plugin_api.h>

namespace confscope::sdk {

enum class Severity : std::int32_t {
    info = CONFSCOPE_SEVERITY_INFO,
    low = CONFSCOPE_SEVERITY_LOW,
    medium = CONFSCOPE_SEVERITY_MEDIUM,
    high = CONFSCOPE_SEVERITY_HIGH,
    critical = CONFSCOPE_SEVERITY_CRITICAL,
};

enum class Format : std::int32_t {
    unknown = CONFSCOPE_FORMAT_UNKNOWN,
    json = CONFSCOPE_FORMAT_JSON,
    jsonc = CONFSCOPE_FORMAT_JSONC,
    toml = CONFSCOPE_FORMAT_TOML,
    yaml = CONFSCOPE_FORMAT_YAML,
    markdown = CONFSCOPE_FORMAT_MARKDOWN,
    text = CONFSCOPE_FORMAT_TEXT,
};

enum class Scope : std::int32_t {
    unknown = CONFSCOPE_SCOPE_UNKNOWN,
    user = CONFSCOPE_SCOPE_USER,
    project = CONFSCOPE_SCOPE_PROJECT,
    local = CONFSCOPE_SCOPE_LOCAL,
    managed = CONFSCOPE_SCOPE_MANAGED,
    system = CONFSCOPE_SCOPE_SYSTEM,
    plugin = CONFSCOPE_SCOPE_PLUGIN,
};

enum class LogLevel : std::int32_t {
    trace = CONFSCOPE_LOG_TRACE,
    debug = CONFSCOPE_LOG_DEBUG,
    info = CONFSCOPE_LOG_INFO,
    warning = CONFSCOPE_LOG_WARNING,
    error = CONFSCOPE_LOG_ERROR,
};

/// A location to look at; see confscope_target_v1 for the template syntax.
struct Target {
    std::string id;        ///< stable, unique within the plugin
    std::string category;  ///< "settings", "mcp", "memory", ...
    std::string name;      ///< "User settings"
    std::string path;      ///< "{CLAUDE_CONFIG_DIR}/settings.json", "{PROJECT}/.mcp.json", ...
    Format format = Format::json;
    Scope scope = Scope::user;
    std::uint32_t os_mask = 0;  ///< CONFSCOPE_OS_* bits where the location exists; 0 = every OS
};

/// A rule the plugin may report; see confscope_rule_v1.
struct Rule {
    std::string id;  ///< "PERM-001"
    Severity severity = Severity::medium;
    std::string title;          ///< one line
    std::string help;           ///< what it means and how to fix it
    std::string help_uri = {};  ///< optional
};

/// Descriptive metadata of the plugin. Name and version come from confscope_add_plugin().
struct PluginInfo {
    std::string summary;        ///< one line
    std::string license;        ///< SPDX
    std::string contact;        ///< homepage or e-mail
    std::string family;         ///< config family ("claude-code"), or the format for exporters
    std::string config_schema;  ///< optional JSON Schema of the configuration
};

/// Lower-case name of a scope, as used in reports ("project").
constexpr std::string_view to_string(Scope scope) {
    switch (scope) {
        case Scope::user:
            return "user";
        case Scope::project:
            return "project";
        case Scope::local:
            return "local";
        case Scope::managed:
            return "managed";
        case Scope::system:
            return "system";
        case Scope::plugin:
            return "plugin";
        case Scope::unknown:
            break;
    }
    return "unknown";
}

/// Lower-case name of a severity ("high").
constexpr std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::info:
            return "info";
        case Severity::low:
            return "low";
        case Severity::medium:
            return "medium";
        case Severity::high:
            return "high";
        case Severity::critical:
            return "critical";
    }
    return "unknown";
}

/// Lower-case name of a format ("jsonc").
constexpr std::string_view to_string(Format format) {
    switch (format) {
        case Format::json:
            return "json";
        case Format::jsonc:
            return "jsonc";
        case Format::toml:
            return "toml";
        case Format::yaml:
            return "yaml";
        case Format::markdown:
            return "markdown";
        case Format::text:
            return "text";
        case Format::unknown:
            break;
    }
    return "unknown";
}

}  // namespace confscope::sdk
