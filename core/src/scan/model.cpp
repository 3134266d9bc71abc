#include <algorithm>

#include <confscope/history/drift.hpp>
#include <confscope/scan/model.hpp>

#include "core_file_rules.hpp"

namespace confscope::scan {

std::string_view to_string(StoreContent mode) {
    switch (mode) {
        case StoreContent::none:
            return "none";
        case StoreContent::redacted:
            return "redacted";
        case StoreContent::raw:
            return "raw";
    }
    return "redacted";
}

std::optional<StoreContent> parse_store_content(std::string_view text) {
    if (text == "none") return StoreContent::none;
    if (text == "redacted") return StoreContent::redacted;
    if (text == "raw") return StoreContent::raw;
    return std::nullopt;
}

bool ScanResult::complete() const {
    return std::none_of(plugins.begin(), plugins.end(),
                        [](const PluginRun& p) { return p.failed; });
}

std::size_t ScanResult::count_at_or_above(sdk::Severity threshold) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
            return !f.suppressed && static_cast<int>(f.severity) >= static_cast<int>(threshold);
        }));
}

std::vector<RuleInfo> core_rules() {
    std::vector<RuleInfo> rules = {
        {std::string(kParseErrorRule), "core", sdk::Severity::low,
         "Configuration file does not parse (JSON, JSONC, TOML or YAML)",
         "The client cannot read this file and silently skips it, so none of its settings, "
         "servers or permission rules apply (and a later fix may suddenly enable them). Fix the "
         "syntax at the reported line and column: a missing comma or quote, an unclosed brace, "
         "or a tab in YAML indentation are the usual causes. YAML that yaml-cpp would read only "
         "in part (a quote never closed, a key twice in one mapping, a broken later document) "
         "counts. Markdown front matter is read as Claude Code reads it: a one-line value may "
         "hold \": \" or \"[a] [b]\"; only a line at the margin that is no \"key: value\" makes "
         "it unreadable. A file of an installed extension (a plugin, a marketplace clone) is "
         "reported as info: its author fixes it.",
         ""},
        {std::string(kOutsideLinkRule), "core", sdk::Severity::medium,
         "Configuration file links outside the scanned roots; not read",
         "A file at a project configuration path (.mcp.json, .claude/settings.json, ...) is a "
         "symbolic link, or lies under one, whose target is outside every scanned root and is no "
         "configuration location of any client. A repository cannot ship a file outside itself, "
         "so such a link reaches into the machine that checks it out: linking .mcp.json to "
         "~/.git-credentials makes any tool that reads and prints the configuration leak that "
         "file. Confscope records the link and its target and never reads it. Replace the link "
         "with the file itself, or, if the target is a configuration file you mean to share, "
         "scan its folder too (--root).",
         ""},
        {std::string(kSpecialFileRule), "core", sdk::Severity::low,
         "Not a regular file at a configuration path; not read",
         "A configuration path holds a FIFO, a socket, a device or a symbolic link to one. No "
         "client can read settings from it, and a FIFO or device can hang or flood a tool that "
         "opens it, which is a reason a hostile repository plants one. Confscope records it and "
         "never opens it. Remove it, or put a regular file there.",
         ""}};
    for (RuleInfo& rule : detail::core_file_rules())
        rules.push_back(std::move(rule));
    for (RuleInfo& rule : history::drift_rules())
        rules.push_back(std::move(rule));
    return rules;
}

std::optional<sdk::Severity> parse_severity(std::string_view text) {
    for (const sdk::Severity s : {sdk::Severity::info, sdk::Severity::low, sdk::Severity::medium,
                                  sdk::Severity::high, sdk::Severity::critical}) {
        if (sdk::to_string(s) == text) return s;
    }
    return std::nullopt;
}

std::optional<sdk::Scope> parse_scope(std::string_view text) {
    for (const sdk::Scope s :
         {sdk::Scope::unknown, sdk::Scope::user, sdk::Scope::project, sdk::Scope::local,
          sdk::Scope::managed, sdk::Scope::system, sdk::Scope::plugin}) {
        if (sdk::to_string(s) == text) return s;
    }
    return std::nullopt;
}

std::optional<sdk::Format> parse_format(std::string_view text) {
    for (const sdk::Format f :
         {sdk::Format::unknown, sdk::Format::json, sdk::Format::jsonc, sdk::Format::toml,
          sdk::Format::yaml, sdk::Format::markdown, sdk::Format::text}) {
        if (sdk::to_string(f) == text) return f;
    }
    return std::nullopt;
}

}  // namespace confscope::scan
