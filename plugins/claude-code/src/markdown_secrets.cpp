#include "markdown_secrets.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace claude_code {

namespace {

using sdk::Severity;

std::string advice() {
    return "; remove it (this text goes to the model and into transcripts) and rotate it";
}

}  // namespace

void check_markdown_secrets(Analysis& a) {
    // Byte ranges already accounted for: secret values reported here, and every value of a
    // server or hook, whose secrets are the server and hook rules' (SEC-001..003, HOOK-004).
    std::vector<std::pair<std::uint64_t, std::uint64_t>> covered;
    for (const sdk::Node& node : a.doc.select("/**")) {
        if (!node.is_string()) continue;
        const bool delegated =
            node.pointer().starts_with("/mcpServers/") || node.pointer().starts_with("/hooks/");
        const bool secret = node.is_secret() && !node.is_reference() && !node.is_placeholder();
        if (delegated || secret) {
            covered.emplace_back(node.raw()->value_offset,
                                 node.raw()->value_offset + node.raw()->value_length);
        }
        if (!secret || delegated) continue;
        a.sink.finding("SEC-005", Severity::medium,
                       "front matter key " + std::string(node.key()) + " of " +
                           std::string(a.file.display_path()) + " holds a literal " +
                           (node.is_secret_token() ? "token" : "secret") + advice(),
                       node);
    }
    for (const sdk::Secret& s : a.doc.secrets()) {
        const bool in_node = std::any_of(covered.begin(), covered.end(), [&](const auto& r) {
            return s.offset < r.second && s.offset + s.length > r.first;
        });
        if (in_node) continue;
        sdk::Location at = sdk::Location::of(a.file);
        at.line = s.line;
        at.column = s.column;
        a.sink.finding(
            "SEC-005", Severity::medium,
            "line " + std::to_string(at.line) + " of " + std::string(a.file.display_path()) +
                " holds a literal " +
                (s.kind == "named-key" ? std::string("secret") : std::string(s.kind) + " token") +
                advice(),
            at);
    }
}

}  // namespace claude_code
