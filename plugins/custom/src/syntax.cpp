#include "syntax.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace custom {

namespace {

bool upper_or_digit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool lower_or_digit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Prefixes of the built-in rule catalogue (docs/RULES.md, reference rules.md) and the core's
// CFG-001: a user rule never shadows or collides with a shipped rule, now or later.
constexpr std::array<std::string_view, 11> kReservedPrefixes = {
    "AUTH", "CDX", "CFG", "DRIFT", "FS", "HOOK", "MCP", "PERM", "PI", "PLG", "SEC"};

constexpr std::array<std::string_view, 11> kPlaceholders = {
    "HOME",    "USERPROFILE",  "CLAUDE_CONFIG_DIR", "XDG_CONFIG_HOME",    "XDG_DATA_HOME",
    "APPDATA", "LOCALAPPDATA", "PROGRAMDATA",       "CLAUDE_MANAGED_DIR", "SYSTEM_ROOT",
    "PROJECT"};

std::string placeholder_list() {
    std::string out;
    for (std::string_view p : kPlaceholders)
        out += (out.empty() ? "{" : ", {") + std::string(p) + "}";
    return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(separator, start);
        out.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos) return out;
        start = at + 1;
    }
}

}  // namespace

Check check_rule_id(std::string_view id) {
    const std::size_t dash = id.find('-');
    const bool shape =
        dash != std::string_view::npos && dash > 0 && dash + 1 < id.size() && id[0] >= 'A' &&
        id[0] <= 'Z' &&
        std::all_of(id.begin(), id.begin() + static_cast<std::ptrdiff_t>(dash), upper_or_digit) &&
        std::all_of(id.begin() + static_cast<std::ptrdiff_t>(dash) + 1, id.end(),
                    [](char c) { return c >= '0' && c <= '9'; });
    if (!shape || id.size() > 32) {
        return Problem{"rule id '" + std::string(id) + "' is not PREFIX-NUMBER",
                       "use capital letters and digits, a dash and a number, e.g. TEAM-001"};
    }
    const std::string_view prefix = id.substr(0, dash);
    if (std::find(kReservedPrefixes.begin(), kReservedPrefixes.end(), prefix) !=
        kReservedPrefixes.end()) {
        return Problem{"rule id '" + std::string(id) + "' uses the built-in prefix " +
                           std::string(prefix) + "-",
                       "pick a prefix of your own (TEAM-, ACME-, AIDER-...); built-in prefixes "
                       "are AUTH CDX CFG DRIFT FS HOOK MCP PERM PI PLG SEC"};
    }
    return std::nullopt;
}

Check check_target_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || !lower_or_digit(id[0]) ||
        !std::all_of(id.begin(), id.end(), [](char c) {
            return lower_or_digit(c) || c == '-' || c == '_' || c == '.';
        })) {
        return Problem{"target id '" + std::string(id) + "' is not [a-z0-9][a-z0-9._-]*",
                       "use lower-case letters, digits, '-', '_' and '.', e.g. aider-user"};
    }
    return std::nullopt;
}

Check check_kind(std::string_view kind) {
    if (kind.empty() || kind[0] < 'a' || kind[0] > 'z' ||
        !std::all_of(kind.begin(), kind.end(),
                     [](char c) { return lower_or_digit(c) || c == '_'; })) {
        return Problem{"inventory kind '" + std::string(kind) + "' is not [a-z][a-z0-9_]*",
                       "use lower-case letters, digits and '_', e.g. aider_model"};
    }
    return std::nullopt;
}

Check check_client(std::string_view client) {
    if (client.empty() || !lower_or_digit(client[0]) ||
        !std::all_of(client.begin(), client.end(),
                     [](char c) { return lower_or_digit(c) || c == '-'; })) {
        return Problem{"client '" + std::string(client) + "' is not [a-z0-9][a-z0-9-]*",
                       "use lower-case letters, digits and '-', e.g. aider"};
    }
    return std::nullopt;
}

Check check_path_template(std::string_view path) {
    const std::string shown = "'" + std::string(path) + "'";
    if (path.find('\\') != std::string_view::npos) {
        return Problem{"path " + shown + " contains '\\'",
                       "separate folders with '/' on every OS; the host converts"};
    }
    if (!path.starts_with('{')) {
        return Problem{"path " + shown + " does not start with a placeholder",
                       "start it with one of " + placeholder_list() +
                           " ({SYSTEM_ROOT}/etc/... for machine-wide files)"};
    }
    std::size_t at = 0;
    while ((at = path.find('{', at)) != std::string_view::npos) {
        const std::size_t end = path.find('}', at);
        if (end == std::string_view::npos) {
            return Problem{"path " + shown + " has a '{' without '}'",
                           "close the placeholder, e.g. {HOME}"};
        }
        const std::string_view name = path.substr(at + 1, end - at - 1);
        if (std::find(kPlaceholders.begin(), kPlaceholders.end(), name) == kPlaceholders.end()) {
            return Problem{
                "path " + shown + " uses the unknown placeholder {" + std::string(name) + "}",
                "use one of " + placeholder_list()};
        }
        if (name == "PROJECT" && at != 0) {
            return Problem{"path " + shown + " has {PROJECT} after its start",
                           "{PROJECT} may only start a path: {PROJECT}/.aider.conf.yml"};
        }
        at = end + 1;
    }
    if (path.starts_with("{PROJECT}") && (path.size() < 11 || path[9] != '/')) {
        return Problem{"path " + shown + " has nothing after {PROJECT}",
                       "name a file inside the project: {PROJECT}/.aider.conf.yml"};
    }
    for (std::string_view segment : split(path, '/')) {
        if (segment == "..") {
            return Problem{"path " + shown + " contains '..'",
                           "name the folder from a placeholder downwards, without '..'"};
        }
    }
    return std::nullopt;
}

Check check_pointer_pattern(std::string_view pattern, bool relative) {
    const std::string shown = "'" + std::string(pattern) + "'";
    if (pattern.empty()) {
        if (!relative) return std::nullopt;
        return Problem{"path is empty",
                       "leave path out to test the selected value itself, or write /key"};
    }
    if (pattern.front() != '/') {
        return Problem{
            "pointer " + shown + " does not start with '/'",
            "write a JSON pointer such as /permissions/allow/* (\"\" is the whole file)"};
    }
    for (std::string_view token : split(pattern.substr(1), '/')) {
        if (token == "*" || token == "**") continue;
        if (token.find('*') != std::string_view::npos) {
            return Problem{
                "pointer " + shown + " has '*' inside the token '" + std::string(token) + "'",
                "'*' and '**' match whole keys only: select with * and test the name "
                "with key_matches"};
        }
        for (std::size_t i = 0; i < token.size(); ++i) {
            if (token[i] == '~' &&
                (i + 1 >= token.size() || (token[i + 1] != '0' && token[i + 1] != '1'))) {
                return Problem{"pointer " + shown + " has a '~' that is not ~0 or ~1",
                               "write ~0 for '~' and ~1 for '/' inside a key (RFC 6901)"};
            }
        }
    }
    return std::nullopt;
}

bool has_wildcard(std::string_view pattern) {
    if (pattern.empty()) return false;
    for (std::string_view token : split(pattern.substr(1), '/')) {
        if (token == "*" || token == "**") return true;
    }
    return false;
}

Check check_title(std::string_view title) {
    if (title.find_first_of("\r\n") != std::string_view::npos) {
        return Problem{"title spans several lines",
                       "keep the title to one line and put details in help"};
    }
    if (title.ends_with('.')) {
        return Problem{"title ends with a period", "drop the final period"};
    }
    return std::nullopt;
}

std::optional<sdk::Severity> parse_severity(std::string_view name) {
    if (name == "info") return sdk::Severity::info;
    if (name == "low") return sdk::Severity::low;
    if (name == "medium") return sdk::Severity::medium;
    if (name == "high") return sdk::Severity::high;
    if (name == "critical") return sdk::Severity::critical;
    return std::nullopt;
}

std::optional<sdk::Format> parse_format(std::string_view name) {
    if (name == "json") return sdk::Format::json;
    if (name == "jsonc") return sdk::Format::jsonc;
    if (name == "yaml") return sdk::Format::yaml;
    if (name == "toml") return sdk::Format::toml;
    if (name == "markdown") return sdk::Format::markdown;
    if (name == "text") return sdk::Format::text;
    return std::nullopt;
}

std::optional<sdk::Scope> parse_scope(std::string_view name) {
    if (name == "user") return sdk::Scope::user;
    if (name == "project") return sdk::Scope::project;
    if (name == "local") return sdk::Scope::local;
    if (name == "managed") return sdk::Scope::managed;
    if (name == "system") return sdk::Scope::system;
    return std::nullopt;
}

std::uint32_t parse_os(std::string_view name) {
    if (name == "linux") return CONFSCOPE_OS_LINUX;
    if (name == "macos") return CONFSCOPE_OS_MACOS;
    if (name == "windows") return CONFSCOPE_OS_WINDOWS;
    return 0;
}

}  // namespace custom
