// Checks of single values in rule files: ids, path templates, pointer patterns, and the names
// rule files use for formats, scopes, severities and OSes. Each check returns the problem (what
// is wrong, how to fix it), or nothing when the value is fine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <confscope/sdk/types.hpp>

namespace custom {

namespace sdk = confscope::sdk;

struct Problem {
    std::string what;
    std::string fix;
};
using Check = std::optional<Problem>;

/// Rule ids: [A-Z][A-Z0-9]*-[0-9]+, outside the built-in catalogue's prefixes.
Check check_rule_id(std::string_view id);
/// Target ids: [a-z0-9][a-z0-9._-]*, at most 64 characters.
Check check_target_id(std::string_view id);
/// Inventory kinds: [a-z][a-z0-9_]*.
Check check_kind(std::string_view kind);
/// Client names: [a-z0-9][a-z0-9-]*.
Check check_client(std::string_view client);
/// A host path template: starts with a known placeholder, {PROJECT} only first, no "..", '/'.
Check check_path_template(std::string_view path);
/// A pointer pattern: "" or "/token/...", tokens are "*", "**" or RFC 6901 text without '*'.
/// `relative` patterns (condition paths) must not be empty.
Check check_pointer_pattern(std::string_view pattern, bool relative);
/// True when a pointer pattern has a "*" or "**" token.
bool has_wildcard(std::string_view pattern);
/// One line, no trailing period.
Check check_title(std::string_view title);

std::optional<sdk::Severity> parse_severity(std::string_view name);
std::optional<sdk::Format> parse_format(std::string_view name);
std::optional<sdk::Scope> parse_scope(std::string_view name);
/// CONFSCOPE_OS_* bit of "linux", "macos" or "windows"; 0 when unknown.
std::uint32_t parse_os(std::string_view name);

}  // namespace custom
