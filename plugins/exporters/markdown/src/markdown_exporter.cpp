// The Markdown exporter: a summary of one scan that a person pastes into a ticket (GitHub-flavoured
// Markdown) — what was scanned, counts per severity, the open findings by severity, the suppressed
// ones, the files that could not be read or parsed, an inventory summary and the rules referred to.
//
// Every piece of scanned text (names, paths, messages, errors) goes through inline_text(), which
// escapes what Markdown or the HTML that GitHub accepts inline would interpret, and never emits a
// line break: a value cannot end a table row, start a heading or inject markup.
//
// Options (--option KEY=VALUE):
//   max-rows=N   rows per table before "… and K more" (default 200; 0 for no limit)
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidjson/document.h>

#include <confscope/exporters/report_text.hpp>
#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;
namespace ex = confscope::exporters;

namespace {

constexpr std::size_t kDefaultMaxRows = 200;
constexpr std::size_t kMaxCommandBytes = 160;  // a command line in the servers table

bool is_word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// `text` as literal inline Markdown: Markdown punctuation backslash-escaped, the characters of
/// HTML and entities as entities, line breaks as <br>, other control characters as U+FFFD, and an
/// @mention broken by an empty comment so that pasting a report notifies nobody.
std::string inline_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '|':
            case '~':
            case '#':
            case '$':  // GitHub renders $...$ as math
                out += '\\';
                out += ch;
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '@':
                out += '@';
                if (i + 1 < text.size() && is_word(text[i + 1]) &&
                    (i == 0 || !is_word(text[i - 1])))
                    out += "<!-- -->";
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: one break
                out += "<br>";
                break;
            case '\n':
                out += "<br>";
                break;
            case '\t':
                out += ' ';
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    out += "\xEF\xBF\xBD";
                } else {
                    out += ch;
                }
        }
    }
    return out;
}

/// The first `limit` bytes of `text`, cut at a UTF-8 character boundary, with "…" when cut.
std::string shortened(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::string(text);
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U)
        --end;
    return std::string(text.substr(0, end)) + "…";
}

/// A help URI as a Markdown link destination, or nothing when it is not http(s): characters a
/// table cell or a link destination would interpret are percent-encoded.
std::optional<std::string> link_target(std::string_view uri) {
    if (!uri.starts_with("https://") && !uri.starts_with("http://")) return std::nullopt;
    static constexpr std::string_view kKeep =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$'*+,;=%";
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : uri) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '&') {
            out += "&amp;";  // a link destination decodes entities
        } else if (kKeep.find(ch) != std::string_view::npos) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4U];
            out += kHex[c & 0x0FU];
        }
    }
    return out;
}

/// The rule id, linked to its help when the rule has an http(s) help URI.
std::string rule_cell(const sdk::ExportScan& scan, std::string_view rule_id) {
    const std::string id = inline_text(rule_id);
    const sdk::ExportRule* rule = scan.rule(rule_id);
    if (rule == nullptr) return id;
    const std::optional<std::string> target = link_target(rule->help_uri);
    return target ? "[" + id + "](" + *target + ")" : id;
}

/// "1 file", "2 files".
std::string count_of(std::uint64_t n, std::string_view noun) {
    return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

/// "2026-11-24 04:03:16 UTC" from an RFC 3339 UTC time; other text as it is.
std::string readable_time(std::string_view rfc3339) {
    if (rfc3339.size() >= 19 && rfc3339[10] == 'T' && rfc3339.ends_with("Z"))
        return std::string(rfc3339.substr(0, 10)) + " " + std::string(rfc3339.substr(11, 8)) +
               " UTC";
    return std::string(rfc3339);
}

std::size_t read_max_rows(const sdk::ExportScan& scan) {
    const confscope_export_input_v1& raw = scan.raw();
    for (std::size_t i = 0; i < raw.option_count; ++i) {
        const std::string_view key =
            raw.option_keys[i] != nullptr ? raw.option_keys[i] : std::string_view();
        if (key != "what" && key != "max-rows") {
            throw std::invalid_argument("--option " + std::string(key) +
                                        ": the markdown format has the option max-rows");
        }
    }
    const std::string_view text = scan.option("max-rows");
    if (text.empty()) return kDefaultMaxRows;
    std::size_t n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size()) {
        throw std::invalid_argument("--option max-rows=" + std::string(text) +
                                    ": use a whole number (0 for no limit)");
    }
    return n;
}

/// Builds the document. Every table is followed by a blank line (a line of text right after a
/// table would be read as one more row).
class Report {
  public:
    Report(const sdk::ExportScan& scan, std::size_t max_rows) : scan_(scan), max_rows_(max_rows) {}

    std::string build() {
        title();
        summary();
        findings();
        suppressed();
        unreadable_files();
        inventory();
        rules();
        out_ += "---\n\n";
        line("Generated by confscope " + inline_text(scan_.tool_version()) + " from scan " +
             inline_text(scan_.uuid()) + ".");
        return std::move(out_);
    }

  private:
    using Row = std::vector<std::string>;

    void line(const std::string& text) { out_ += text + "\n\n"; }

    /// A table of already escaped cells: at most max_rows rows, then "… and K more <noun>s".
    void table(const Row& header, const std::string& align, const std::vector<Row>& rows,
               std::string_view noun) {
        write_row(header);
        out_ += align + "\n";
        const std::size_t shown =
            max_rows_ == 0 || rows.size() <= max_rows_ ? rows.size() : max_rows_;
        for (std::size_t i = 0; i < shown; ++i)
            write_row(rows[i]);
        out_ += "\n";
        if (shown < rows.size()) {
            line("… and " + std::to_string(rows.size() - shown) + " more " +
                 (rows.size() - shown == 1 ? std::string(noun) : std::string(noun) + "s") + ".");
        }
    }

    void write_row(const Row& cells) {
        out_ += "|";
        for (const std::string& cell : cells)
            out_ += " " + cell + " |";
        out_ += "\n";
    }

    void title() {
        const std::string_view host = scan_.host().empty() ? "unknown host" : scan_.host();
        std::string date(scan_.started_at().substr(0, 10));
        out_ += "# Confscope report: " + inline_text(host) +
                (date.empty() ? "" : ", " + inline_text(date)) + "\n\n";

        std::string roots;
        for (const std::string_view root : scan_.roots())
            roots += (roots.empty() ? "" : ", ") + inline_text(root);
        std::string facts = "**Scanned** " + inline_text(readable_time(scan_.started_at()));
        facts += " · **roots** " + (roots.empty() ? std::string("none (home only)") : roots);
        facts += " · **home** " + inline_text(scan_.home());
        facts += " · **confscope** " + inline_text(scan_.tool_version());
        facts += " · " + count_of(scan_.plugins().size(), "plugin");
        facts += scan_.complete() ? " · complete" : " · **INCOMPLETE**";
        line(facts);

        if (scan_.complete()) return;
        std::string failed;
        for (const sdk::ExportPlugin& p : scan_.plugins()) {
            if (!p.failed) continue;
            failed += (failed.empty() ? "" : "; ") + ("**" + inline_text(p.name) + "**");
            if (!p.error.empty()) failed += " (" + inline_text(p.error) + ")";
        }
        line("> **Warning: this scan is incomplete.** " +
             (failed.empty() ? std::string("A plugin did not run to the end")
                             : "These plugins failed: " + failed) +
             ". Their results are missing from this report.");
    }

    void summary() {
        std::uint64_t open[5] = {}, hidden[5] = {};
        for (const sdk::ExportFinding& f : scan_.findings()) {
            const auto rank = static_cast<std::size_t>(f.severity);
            if (rank < 5) ++(f.suppressed ? hidden : open)[rank];
        }
        out_ += "## Summary\n\n";
        std::vector<Row> rows;
        std::uint64_t total_open = 0, total_hidden = 0;
        for (const sdk::Severity severity : ex::kSeveritiesDescending) {
            const auto rank = static_cast<std::size_t>(severity);
            rows.push_back({std::string(ex::severity_title(severity)), std::to_string(open[rank]),
                            std::to_string(hidden[rank])});
            total_open += open[rank];
            total_hidden += hidden[rank];
        }
        rows.push_back({"**Total**", "**" + std::to_string(total_open) + "**",
                        "**" + std::to_string(total_hidden) + "**"});
        const std::size_t saved = std::exchange(max_rows_, 0);  // always whole
        table({"Severity", "Open", "Suppressed"}, "| --- | ---: | ---: |", rows, "");
        max_rows_ = saved;

        std::uint64_t found = 0, broken = 0;
        for (const sdk::ExportFile& f : scan_.files()) {
            found += f.exists ? 1 : 0;
            broken += f.parse_error.empty() && f.error.empty() ? 0 : 1;
        }
        line(count_of(found, "file") + " found (" + std::to_string(broken) +
             " could not be parsed or read), " + count_of(scan_.items().size(), "inventory item") +
             ".");
    }

    void findings() {
        out_ += "## Findings\n\n";
        bool any = false;
        for (const sdk::Severity severity : ex::kSeveritiesDescending) {
            std::vector<Row> rows;
            for (const sdk::ExportFinding& f : scan_.findings()) {
                if (f.suppressed || f.severity != severity) continue;
                rows.push_back({rule_cell(scan_, f.rule_id), inline_text(ex::location_text(f)),
                                inline_text(f.message)});
            }
            if (rows.empty()) continue;
            any = true;
            const std::string title(ex::severity_title(severity));
            out_ += "### " + title + " (" + std::to_string(rows.size()) + ")\n\n";
            table({"Rule", "Location", "Message"}, "| --- | --- | --- |", rows,
                  std::string(sdk::to_string(severity)) + " finding");
        }
        if (!any) line("No open findings.");
    }

    void suppressed() {
        std::vector<Row> rows;
        for (const sdk::ExportFinding& f : scan_.findings()) {
            if (!f.suppressed) continue;
            rows.push_back({rule_cell(scan_, f.rule_id),
                            std::string(ex::severity_title(f.severity)),
                            inline_text(ex::location_text(f)),
                            inline_text(f.suppression.empty() ? "suppressed" : f.suppression)});
        }
        if (rows.empty()) return;
        const std::string count = std::to_string(rows.size());
        out_ += "## Suppressed (" + count + ")\n\n";
        out_ += "<details>\n<summary>" + count +
                (rows.size() == 1 ? " suppressed finding" : " suppressed findings") +
                " (by an ignore entry or the baseline)</summary>\n\n";
        table({"Rule", "Severity", "Location", "Reason"}, "| --- | --- | --- | --- |", rows,
              "suppressed finding");
        out_ += "</details>\n\n";
    }

    void unreadable_files() {
        std::vector<Row> rows;
        for (const sdk::ExportFile& f : scan_.files()) {
            if (!f.parse_error.empty()) {
                rows.push_back(
                    {inline_text(f.display_path), "does not parse: " + inline_text(f.parse_error)});
            } else if (!f.error.empty()) {
                rows.push_back(
                    {inline_text(f.display_path), "unreadable: " + inline_text(f.error)});
            }
        }
        if (rows.empty()) return;
        out_ +=
            "## Files that could not be parsed or read (" + std::to_string(rows.size()) + ")\n\n";
        table({"File", "Problem"}, "| --- | --- |", rows, "file");
    }

    void inventory() {
        out_ += "## Inventory (" + count_of(scan_.items().size(), "item") + ")\n\n";
        if (scan_.items().empty()) {
            line("No inventory items.");
            return;
        }
        std::map<std::pair<std::string_view, std::string_view>, std::uint64_t> kinds;
        for (const sdk::ExportItem& i : scan_.items())
            ++kinds[{i.kind, i.client}];
        std::vector<Row> rows;
        for (const auto& [key, count] : kinds)
            rows.push_back(
                {inline_text(key.first), inline_text(key.second), std::to_string(count)});
        table({"Kind", "Client", "Items"}, "| --- | --- | ---: |", rows, "kind");

        std::vector<Row> servers;
        for (const sdk::ExportItem& i : scan_.items()) {
            if (i.kind != "mcp_server") continue;
            const auto [transport, target] = server_details(i.data_json);
            std::string file(i.display_path);
            if (i.line > 0) file += ":" + std::to_string(i.line);
            servers.push_back({inline_text(i.client), inline_text(sdk::to_string(i.scope)),
                               inline_text(i.name), inline_text(transport),
                               inline_text(shortened(target, kMaxCommandBytes)),
                               inline_text(file)});
        }
        if (servers.empty()) return;
        out_ += "### MCP servers (" + std::to_string(servers.size()) + ")\n\n";
        table({"Client", "Scope", "Name", "Transport", "Command or URL", "File"},
              "| --- | --- | --- | --- | --- | --- |", servers, "MCP server");
    }

    /// The transport and the command line (command and arguments) or URL of a server, from its
    /// details when they hold them.
    static std::pair<std::string, std::string> server_details(std::string_view data_json) {
        rapidjson::Document data;
        data.Parse(data_json.data(), data_json.size());
        if (data.HasParseError() || !data.IsObject()) return {};
        const auto text = [&](const char* key) {
            if (!data.HasMember(key) || !data[key].IsString()) return std::string();
            return std::string(data[key].GetString(), data[key].GetStringLength());
        };
        std::string target = text("url");
        if (target.empty()) {
            target = text("command");
            if (!target.empty() && data.HasMember("args") && data["args"].IsArray()) {
                for (const auto& arg : data["args"].GetArray())
                    if (arg.IsString())
                        target += " " + std::string(arg.GetString(), arg.GetStringLength());
            }
        }
        return {text("transport"), target};
    }

    void rules() {
        if (scan_.rules().empty()) return;
        std::vector<Row> rows;
        for (const sdk::ExportRule& r : scan_.rules()) {
            rows.push_back({rule_cell(scan_, r.id), std::string(ex::severity_title(r.severity)),
                            inline_text(r.title)});
        }
        out_ += "## Rules\n\n";
        table({"Rule", "Default severity", "Title"}, "| --- | --- | --- |", rows, "rule");
    }

    const sdk::ExportScan& scan_;
    std::size_t max_rows_;
    std::string out_;
};

}  // namespace

class MarkdownExporter {
  public:
    static sdk::PluginInfo info() {
        return {.summary = "A readable Markdown summary to paste into a ticket (option max-rows)",
                .license = "Apache-2.0",
                .contact = "https://github.com/confscope/confscope",
                .family = "markdown",
                .config_schema = ""};
    }

    void export_scan(const sdk::ExportScan& scan, sdk::Writer& out) {
        Report report(scan, read_max_rows(scan));
        out.write(report.build());
    }
};

CONFSCOPE_PLUGIN(MarkdownExporter)
