#include "core_file_rules.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include <confscope/secrets/detector.hpp>

namespace confscope::scan::detail {

namespace {

std::string octal(std::uint32_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", mode & 07777u);
    return text;
}

// Files committed with a project or shipped in a plugin are the repository's exposure, which the
// SEC rules report; a readable private file is one level less urgent there.
bool shared_with_a_repository(sdk::Scope scope) {
    return scope == sdk::Scope::project || scope == sdk::Scope::plugin;
}

bool reports_a_secret(const Finding& f) {
    return f.rule_id.starts_with("SEC-") || f.rule_id == "HOOK-004";
}

std::string where(const SecretSite& site) {
    if (!site.pointer.empty())
        return "at " + site.pointer + " (line " + std::to_string(site.line) + ")";
    return "on line " + std::to_string(site.line);
}

std::string what(const SecretSite& site) {
    if (site.shape == "url-credentials") return "a password in a URL";
    if (site.shape == "named-key" || !site.token) return "a secret";
    return "a literal " + std::string(site.shape) + " token";
}

}  // namespace

std::vector<RuleInfo> core_file_rules() {
    return {
        {std::string(kReadableSecretsRule), "core", sdk::Severity::high,
         "Configuration holding secrets is readable by other users",
         "A configuration file in which a secret was found (a value a rule reported, a token "
         "anywhere in the text, a password in a URL) has group or other read permission (mode & "
         "044), so other accounts on this machine can read it. Applies to every family's files: "
         "high for files private to you (user, local, managed and system files), medium for "
         "project files, whose exposure through the repository the SEC rules report. A client's "
         "own credential store (~/.claude/.credentials.json) is FS-002's; a file of an installed "
         "extension (a Claude Code plugin) counts when its plugin reports a secret in it, which it "
         "does only for extensions in use (medium). chmod 600 "
         "the file and rotate the secret if the machine is shared.",
         ""},
        {std::string(kUnreportedSecretRule), "core", sdk::Severity::high,
         "Secret in a configuration file",
         "The core looks at every string and every byte of every configuration file for known "
         "token shapes (Anthropic, OpenAI, GitHub, AWS, Slack, Google, Stripe, JWT, private "
         "keys, Bearer values, passwords in URLs such as postgresql://user:PW@host), also when "
         "they are escaped (\\u005f) or split over lines, and for long random values under keys "
         "named like secrets. Reported here when no more specific rule of the file's plugin "
         "(SEC-001..005) reported it: a key the client uses for credentials (primaryApiKey, a "
         "model's apiKey, a provider's options) or any other place. High; critical for a known "
         "token shape in a project file. Files of installed extensions (plugin scope: a Claude "
         "Code plugin, a marketplace clone) are left to their plugin, which reports only what is "
         "in use. Not reported: references (${VAR}, env:NAME), "
         "placeholders and documentation examples (<your-token>, changeme, "
         "AKIAIOSFODNN7EXAMPLE), and values whose shape says they are not secrets (dates, UUIDs, "
         "numbers, paths, file names, URLs without credentials). Move the secret to the "
         "environment or a secret store the client reads, and rotate it.",
         ""},
        {std::string(kTokenInPathRule), "core", sdk::Severity::high,
         "Token in a file or folder name",
         "A file or folder on the way to a configuration file is named with a token (a GitHub, "
         "OpenAI, Anthropic ... key). Names end up in shell history, logs, backups and "
         "directory listings that every user can read. Confscope stores and prints the path "
         "with the token redacted. Rename the file or folder and rotate the token.",
         ""},
    };
}

std::vector<SecretSite> secret_sites(std::string_view bytes, const parse::Document& doc,
                                     const std::vector<secrets::SecretSpan>& spans) {
    std::vector<SecretSite> sites;
    // String nodes by the start of their text, for the spans' enclosing node.
    std::vector<const parse::Node*> strings;
    for (const parse::Node& node : doc.nodes) {
        if (node.kind != parse::NodeKind::string || node.value_length == 0) continue;
        strings.push_back(&node);
        const bool secret = (node.flags & (CONFSCOPE_NODE_FLAG_SECRET_TOKEN |
                                           CONFSCOPE_NODE_FLAG_SECRET_ENTROPY)) != 0;
        if (!secret || (node.flags & CONFSCOPE_NODE_FLAG_REFERENCE) != 0) continue;
        SecretSite site{node.pointer, node.line, node.column,
                        (node.flags & CONFSCOPE_NODE_FLAG_SECRET_TOKEN) != 0, "named-key"};
        if (site.token) {
            const auto tokens = secrets::Detector::instance().find_tokens(node.value);
            site.shape = tokens.empty() ? std::string_view("token") : tokens.front().shape;
        }
        sites.push_back(std::move(site));
    }
    if (spans.empty()) return sites;
    std::sort(strings.begin(), strings.end(), [](const parse::Node* a, const parse::Node* b) {
        return a->value_offset < b->value_offset;
    });
    std::optional<parse::LineIndex> index;
    for (const secrets::SecretSpan& span : spans) {
        // The string node whose text holds the span: its site (if any) covers the span.
        auto after = std::upper_bound(
            strings.begin(), strings.end(), span.offset,
            [](std::size_t offset, const parse::Node* n) { return offset < n->value_offset; });
        if (after != strings.begin()) {
            const parse::Node* node = *std::prev(after);
            if (span.offset < node->value_offset + node->value_length) {
                const bool flagged = (node->flags & (CONFSCOPE_NODE_FLAG_SECRET_TOKEN |
                                                     CONFSCOPE_NODE_FLAG_SECRET_ENTROPY)) != 0;
                if (flagged) continue;
                sites.push_back(
                    {node->pointer, node->line, node->column, span.kind != "named-key", span.kind});
                continue;
            }
        }
        if (!index) index.emplace(bytes);
        const parse::LineIndex::Position at = index->position(span.offset);
        sites.push_back({"", at.line, at.column, span.kind != "named-key", span.kind});
    }
    return sites;
}

std::vector<Finding> core_file_findings(const std::vector<FileRecord>& files,
                                        const std::vector<std::size_t>& records,
                                        const std::vector<SecretSite>& sites,
                                        const std::vector<const Finding*>& reported) {
    if (records.empty()) return {};
    const std::size_t first = records.front();
    const FileRecord& file = files[first];
    // A client's own credential store is its plugin's to judge (FS-002). Files of an installed
    // extension (scope plugin) are third-party code whose plugin reports only what is in use — a
    // marketplace clone or a disabled plugin must stay silent: no SEC-006 there, and FS-001 only
    // on the plugin's own word that the file holds a secret.
    if (file.category == "credentials") return {};
    const bool extension = file.scope == sdk::Scope::plugin;
    bool reported_secret = false, reported_mode = false;
    std::vector<const Finding*> secret_findings;
    for (const Finding* f : reported) {
        // HOOK-004 also reports plaintext http://: it covers a secret at its place, but does not
        // say by itself that the file holds one.
        if (reports_a_secret(*f)) secret_findings.push_back(f);
        if (f->rule_id.starts_with("SEC-")) reported_secret = true;
        if (f->rule_id == kReadableSecretsRule || f->rule_id == "FS-002") reported_mode = true;
    }

    const bool shared = shared_with_a_repository(file.scope);
    std::vector<Finding> added;
    for (const SecretSite& site : extension ? std::vector<SecretSite>() : sites) {
        const bool covered =
            std::any_of(secret_findings.begin(), secret_findings.end(), [&](const Finding* f) {
                return site.pointer.empty() ? f->line == site.line && f->pointer.empty()
                                            : f->pointer == site.pointer;
            });
        if (covered) continue;
        Finding f;
        f.file = first;
        f.plugin = file.plugin;
        f.rule_id = std::string(kUnreportedSecretRule);
        f.severity = site.token && shared ? sdk::Severity::critical : sdk::Severity::high;
        f.message = file.display_path + " holds " + what(site) + " " + where(site) +
                    "; move it to the environment or a secret store and rotate it";
        f.pointer = site.pointer;
        f.line = site.line;
        f.column = site.column;
        added.push_back(std::move(f));
    }

    // An extension's file counts only through its plugin's own SEC finding: that plugin reports
    // only the files of extensions in use.
    const bool holds_secret = (!extension && !sites.empty()) || reported_secret;
    if (holds_secret && !reported_mode && file.mode != 0 && (file.mode & 044u) != 0) {
        const bool world = (file.mode & 004u) != 0;
        Finding f;
        f.file = first;
        f.plugin = file.plugin;
        f.rule_id = std::string(kReadableSecretsRule);
        f.severity = shared ? sdk::Severity::medium : sdk::Severity::high;
        f.message = file.display_path + " holds secrets and is readable by " +
                    (world ? "every user" : "its group") + " (mode " + octal(file.mode) +
                    "); chmod 600 it";
        added.push_back(std::move(f));
    }
    return added;
}

std::string redact_path(std::string_view path) {
    std::string out(path);
    const auto tokens = secrets::Detector::instance().find_tokens(path);
    for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
        out.replace(it->offset, it->length,
                    secrets::marker(kTokenInPathRule, path.substr(it->offset, it->length)));
    }
    return out;
}

Finding token_in_path_finding(const FileRecord& record, std::size_t file) {
    Finding f;
    f.file = file;
    f.plugin = record.plugin;
    f.rule_id = std::string(kTokenInPathRule);
    f.severity = sdk::Severity::high;
    f.message = "the path " + record.display_path +
                " holds a token in a file or folder name (redacted here); rename it and rotate "
                "the token";
    return f;
}

}  // namespace confscope::scan::detail
