// The HTML exporter: one self-contained page (inline style and script, nothing loaded, a
// Content-Security-Policy that forbids loading anything) with the scan's facts, a summary per
// severity and tables of findings, inventory, files, rules and plugins.
//
// Every row is written here as real HTML, so the page is complete without JavaScript; the script
// (html_assets.hpp) only sorts, filters and keeps the view in the URL fragment. Every string from
// the scan goes through xml_escape. The page is built in one string and written once; the same
// scan gives the same bytes.
#include <cstdint>
#include <iterator>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <confscope/exporters/report_text.hpp>
#include <confscope/sdk/plugin.hpp>

#include "html_assets.hpp"

namespace sdk = confscope::sdk;
namespace ex = confscope::exporters;

namespace {

constexpr std::string_view kCsp =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'";

/// Text from the scan, to be escaped on output.
struct Text {
    std::string_view value;
};

struct Num {
    std::uint64_t value;
};

/// The page being built.
class Html {
  public:
    explicit Html(std::size_t reserve) { out_.reserve(reserve); }
    Html& operator<<(std::string_view markup) {
        out_ += markup;
        return *this;
    }
    Html& operator<<(Text text) {
        out_ += ex::xml_escape(text.value);
        return *this;
    }
    Html& operator<<(Num n) {
        out_ += std::to_string(n.value);
        return *this;
    }
    [[nodiscard]] const std::string& str() const { return out_; }

  private:
    std::string out_;
};

/// A table column: header text, sort key (data-key; "" = not sortable) and whether its cells carry
/// the header as a label when the table reflows into cards on a phone.
struct Column {
    std::string_view title, key;
    bool label;
};

constexpr Column kFindingColumns[] = {{"Severity", "severity", false},
                                      {"Rule", "rule", false},
                                      {"Location", "location", true},
                                      {"Message", "message", false}};
constexpr Column kItemColumns[] = {{"Kind", "kind", true},   {"Client", "client", true},
                                   {"Scope", "scope", true}, {"Name", "name", true},
                                   {"File", "file", true},   {"Details", "", true}};
constexpr Column kFileColumns[] = {{"Path", "path", false},     {"Target", "target", true},
                                   {"Scope", "scope", true},    {"Format", "format", true},
                                   {"Size", "size", true},      {"Mode", "mode", true},
                                   {"SHA-256", "sha256", true}, {"Problem", "problem", true}};
constexpr Column kRuleColumns[] = {{"Rule", "rule", false},
                                   {"Default severity", "severity", true},
                                   {"Findings", "findings", true},
                                   {"Title", "title", false},
                                   {"Help", "", false}};
constexpr Column kPluginColumns[] = {{"Plugin", "name", false},
                                     {"Version", "version", true},
                                     {"Status", "status", true},
                                     {"Files analyzed", "files", true},
                                     {"Error", "", true}};

/// A table: its id, the prefix of its keys in the URL fragment (see html_assets.hpp), its columns.
struct TableSpec {
    std::string_view id, state_prefix;
    std::span<const Column> columns;
};

constexpr TableSpec kFindingsTable{"findings-table", "", kFindingColumns};
constexpr TableSpec kItemsTable{"inventory-table", "inventory.", kItemColumns};
constexpr TableSpec kFilesTable{"files-table", "files.", kFileColumns};
constexpr TableSpec kRulesTable{"rules-table", "rules.", kRuleColumns};
constexpr TableSpec kPluginsTable{"plugins-table", "plugins.", kPluginColumns};
constexpr const TableSpec* kTables[] = {&kFindingsTable, &kItemsTable, &kFilesTable, &kRulesTable,
                                        &kPluginsTable};

/// "critical", ... for class names; a value outside the enumeration reads as info.
std::string_view severity_name(sdk::Severity s) {
    const std::string_view name = sdk::to_string(s);
    return name == "unknown" ? std::string_view("info") : name;
}

/// Sort rank: 0 for critical down to 4 for info, so ascending is most severe first.
std::uint64_t severity_rank(sdk::Severity s) {
    switch (s) {
        case sdk::Severity::critical:
            return 0;
        case sdk::Severity::high:
            return 1;
        case sdk::Severity::medium:
            return 2;
        case sdk::Severity::low:
            return 3;
        case sdk::Severity::info:
            break;
    }
    return 4;
}

void badge(Html& h, sdk::Severity s) {
    h << "<span class=\"badge sev-" << severity_name(s) << "\">" << ex::severity_title(s)
      << "</span>";
}

/// "2026-11-24T04:03:16.923Z" as "2026-11-24 04:03:16 UTC"; anything else as given.
std::string readable_time(std::string_view rfc3339) {
    if (rfc3339.size() >= 20 && rfc3339[10] == 'T' && rfc3339.back() == 'Z') {
        return std::string(rfc3339.substr(0, 10)) + " " + std::string(rfc3339.substr(11, 8)) +
               " UTC";
    }
    return std::string(rfc3339);
}

std::string readable_duration(std::int64_t ms) {
    if (ms < 1000) return std::to_string(ms < 0 ? 0 : ms) + " ms";
    const std::int64_t tenths = (ms + 50) / 100;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

std::string readable_size(std::uint64_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " B";
    const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    std::uint64_t scale = 1024;
    std::size_t unit = 0;
    while (unit + 1 < std::size(units) && bytes >= scale * 1024) {
        scale *= 1024;
        ++unit;
    }
    const std::uint64_t tenths = (bytes * 10 + scale / 2) / scale;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " " + units[unit];
}

std::string octal_mode(std::uint32_t mode) {
    std::string digits;
    for (int shift = 9; shift >= 0; shift -= 3)
        digits.push_back(static_cast<char>('0' + ((mode >> shift) & 7u)));
    return digits[0] == '0' ? digits.substr(1) : digits;
}

/// "app/.mcp.json:3:5" for an item, like ex::location_text for a finding.
std::string item_location(const sdk::ExportItem& item) {
    std::string text(item.display_path);
    if (item.line > 0) {
        text += ":" + std::to_string(item.line);
        if (item.column > 0) text += ":" + std::to_string(item.column);
    }
    return text;
}

/// An inventory item's details (a JSON object) as "key value" pairs: strings bare, arrays of
/// strings joined, anything else as compact JSON. Malformed data is shown as it is.
void item_details(Html& h, std::string_view json) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError() || !doc.IsObject()) {
        h << "<code>" << Text{json} << "</code>";
        return;
    }
    auto compact = [](const rapidjson::Value& v) {
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        v.Accept(w);
        return std::string(buffer.GetString(), buffer.GetSize());
    };
    for (const auto& member : doc.GetObject()) {
        h << "<span class=\"kv\"><span class=\"k\">"
          << Text{{member.name.GetString(), member.name.GetStringLength()}} << "</span> ";
        const rapidjson::Value& v = member.value;
        if (v.IsString()) {
            h << Text{{v.GetString(), v.GetStringLength()}};
        } else if (v.IsArray()) {
            bool first = true;
            for (const auto& element : v.GetArray()) {
                if (!first) h << " ";
                first = false;
                if (element.IsString()) {
                    h << Text{{element.GetString(), element.GetStringLength()}};
                } else {
                    h << Text{compact(element)};
                }
            }
        } else {
            h << Text{compact(v)};
        }
        h << "</span>";
    }
}

/// Phone layout: the labelled columns' cells are prefixed with their header.
void reflow_labels(Html& h) {
    h << "@media (max-width:600px){";
    for (const TableSpec* table : kTables) {
        std::uint64_t n = 0;
        for (const Column& column : table->columns) {
            ++n;
            if (!column.label) continue;
            h << "#" << table->id << " td:nth-child(" << Num{n} << ")::before{content:\""
              << column.title << ": \"}";
        }
    }
    h << "}\n";
}

/// Opens a table (inside its horizontal scroller) up to its first row.
void table_start(Html& h, const TableSpec& table) {
    h << "<div class=\"scroll\"><table id=\"" << table.id
      << "\" class=\"data sortable reflow\" data-state=\"" << table.state_prefix
      << "\">\n<thead><tr>";
    for (const Column& column : table.columns) {
        h << "<th scope=\"col\"";
        if (!column.key.empty()) h << " data-key=\"" << column.key << "\"";
        h << ">" << column.title << "</th>";
    }
    h << "</tr></thead>\n<tbody>\n";
}

void table_end(Html& h) {
    h << "</tbody>\n</table></div>\n";
}

/// The filter controls of a table, hidden until the script shows them.
void controls_start(Html& h, const TableSpec& table, std::string_view what) {
    h << "<div class=\"controls\" data-controls=\"" << table.id << "\" hidden>"
      << "<input type=\"search\" placeholder=\"Filter " << what << "\" aria-label=\"Filter " << what
      << "\" autocomplete=\"off\" spellcheck=\"false\">";
}

void controls_end(Html& h, std::string_view noun) {
    h << "<button type=\"button\" class=\"reset\">Reset</button>"
      << "<output class=\"count\" aria-live=\"polite\" data-noun=\"" << noun
      << "\"></output></div>\n";
}

struct Counts {
    std::uint64_t by_severity[5] = {};  // unsuppressed, by severity_rank
    std::uint64_t suppressed = 0;
    std::uint64_t files_found = 0, unparsable = 0, unreadable_files = 0, absent = 0;
    std::uint64_t failed_plugins = 0;
};

Counts count(const sdk::ExportScan& scan) {
    Counts c;
    for (const sdk::ExportFinding& f : scan.findings()) {
        if (f.suppressed) {
            ++c.suppressed;
        } else {
            ++c.by_severity[severity_rank(f.severity)];
        }
    }
    for (const sdk::ExportFile& f : scan.files()) {
        if (f.exists) {
            ++c.files_found;
        } else {
            ++c.absent;
        }
        if (!f.parse_error.empty()) ++c.unparsable;
        if (!f.error.empty()) ++c.unreadable_files;
    }
    for (const sdk::ExportPlugin& p : scan.plugins())
        if (p.failed) ++c.failed_plugins;
    return c;
}

void write_head(Html& h, const sdk::ExportScan& scan, std::string_view title) {
    h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << kCsp << "\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"generator\" content=\"confscope " << Text{scan.tool_version()} << "\">\n"
      << "<title>" << Text{title} << "</title>\n"
      << "<link rel=\"icon\" href=\"data:,\">\n<style>" << confscope::html_report::kStyle;
    reflow_labels(h);
    h << "</style>\n</head>\n<body>\n";
}

void meta_entry(Html& h, std::string_view term, std::string_view value) {
    h << "<div><dt>" << term << "</dt><dd>" << Text{value.empty() ? "\xE2\x80\x94" : value}
      << "</dd></div>\n";
}

void write_header(Html& h, const sdk::ExportScan& scan, std::string_view title, const Counts& c) {
    h << "<header class=\"top\"><div class=\"wrap\">\n<h1>" << Text{title} << "</h1>\n";
    if (scan.complete()) {
        h << "<p class=\"status complete\">Complete scan</p>\n";
    } else {
        h << "<p class=\"status incomplete\">Incomplete scan";
        if (c.failed_plugins > 0) {
            h << ": " << Num{c.failed_plugins}
              << (c.failed_plugins == 1 ? " plugin failed" : " plugins failed");
        }
        h << "</p>\n";
    }
    h << "<dl class=\"meta\">\n";
    meta_entry(h, "Host", scan.host());
    meta_entry(h, "User", scan.username());
    std::string system(scan.os_type());
    if (!scan.os_version().empty())
        system += (system.empty() ? "" : " ") + std::string(scan.os_version());
    meta_entry(h, "System", system);
    h << "<div><dt>Scanned</dt><dd><time datetime=\"" << Text{scan.started_at()} << "\">"
      << Text{readable_time(scan.started_at())} << "</time> ("
      << readable_duration(scan.duration_ms()) << ")</dd></div>\n";
    meta_entry(h, "Confscope version", scan.tool_version());
    h << "<div><dt>Project roots</dt><dd>";
    if (scan.roots().empty()) {
        h << "\xE2\x80\x94";
    } else {
        h << "<ul>";
        for (std::string_view root : scan.roots())
            h << "<li class=\"mono\">" << Text{root} << "</li>";
        h << "</ul>";
    }
    h << "</dd></div>\n";
    meta_entry(h, "Home", scan.home());
    h << "<div><dt>Locations checked</dt><dd>" << Num{scan.locations_checked()} << " ("
      << Num{scan.directories_walked()} << " folders walked";
    if (scan.unreadable() > 0) h << ", " << Num{scan.unreadable()} << " unreadable";
    h << ")</dd></div>\n";
    h << "<div><dt>Scan ID</dt><dd class=\"mono\">" << Text{scan.uuid()} << "</dd></div>\n";
    h << "</dl>\n</div></header>\n";
}

void write_nav(Html& h, const sdk::ExportScan& scan, const Counts& c) {
    h << "<nav class=\"toc\" aria-label=\"Sections\"><div class=\"wrap\">"
      << "<a href=\"#summary\">Summary</a>"
      << "<a href=\"#findings\">Findings <span class=\"n\">" << Num{scan.findings().size()}
      << "</span></a>"
      << "<a href=\"#inventory\">Inventory <span class=\"n\">" << Num{scan.items().size()}
      << "</span></a>"
      << "<a href=\"#files\">Files <span class=\"n\">" << Num{c.files_found} << "</span></a>"
      << "<a href=\"#rules\">Rules <span class=\"n\">" << Num{scan.rules().size()} << "</span></a>"
      << "<a href=\"#plugins\">Plugins <span class=\"n\">" << Num{scan.plugins().size()}
      << "</span></a></div></nav>\n";
}

void write_failed_plugins(Html& h, const sdk::ExportScan& scan, const Counts& c) {
    if (c.failed_plugins == 0) return;
    h << "<section class=\"alert\" id=\"failed-plugins\" role=\"alert\">\n<h2>Failed plugins</h2>\n"
      << "<p>Their results are not in this report.</p>\n<ul>\n";
    for (const sdk::ExportPlugin& p : scan.plugins()) {
        if (!p.failed) continue;
        h << "<li><strong>" << Text{p.name} << "</strong> " << Text{p.version};
        if (!p.error.empty()) h << ": " << Text{p.error};
        h << "</li>\n";
    }
    h << "</ul>\n</section>\n";
}

void write_summary(Html& h, const sdk::ExportScan& scan, const Counts& c) {
    h << "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n";
    for (const sdk::Severity s : ex::kSeveritiesDescending) {
        const std::uint64_t n = c.by_severity[severity_rank(s)];
        h << "<a class=\"card sev-" << severity_name(s) << (n == 0 ? " zero" : "")
          << "\" href=\"#severity=" << severity_name(s) << "\" data-view=\"\"><span class=\"n\">"
          << Num{n} << "</span><span class=\"l\">" << ex::severity_title(s) << "</span></a>\n";
    }
    h << "<div class=\"card\"><span class=\"n\">" << Num{c.suppressed}
      << "</span><span class=\"l\">Suppressed</span></div>\n"
      << "<a class=\"card\" href=\"#inventory\"><span class=\"n\">" << Num{scan.items().size()}
      << "</span><span class=\"l\">Inventory items</span></a>\n"
      << "<a class=\"card\" href=\"#files\"><span class=\"n\">" << Num{c.files_found}
      << "</span><span class=\"l\">Files found</span></a>\n"
      << "<a class=\"card\" href=\"#files\"><span class=\"n\">" << Num{c.unparsable}
      << "</span><span class=\"l\">Do not parse</span></a>\n"
      << "</div>\n</section>\n";
}

void write_findings(Html& h, const sdk::ExportScan& scan, const Counts& c) {
    h << "<section id=\"findings\">\n<h2>Findings <span class=\"n\">" << Num{scan.findings().size()}
      << "</span></h2>\n<div class=\"panel\">\n";
    if (scan.findings().empty()) {
        h << "<p class=\"empty\">No findings.</p>\n</div>\n</section>\n";
        return;
    }
    controls_start(h, kFindingsTable, "findings");
    h << "<fieldset><legend class=\"visually-hidden\">Severities</legend>";
    for (const sdk::Severity s : ex::kSeveritiesDescending) {
        h << "<label class=\"chip sev-" << severity_name(s)
          << "\"><input type=\"checkbox\" name=\"severity\" value=\"" << severity_name(s)
          << "\" checked> " << ex::severity_title(s) << "</label>";
    }
    h << "</fieldset>";
    if (c.suppressed > 0) {
        h << "<label class=\"toggle\"><input type=\"checkbox\" data-show=\"suppressed\"> Show "
          << Num{c.suppressed} << " suppressed</label>";
    }
    controls_end(h, "findings");
    std::map<std::string_view, std::string_view> rule_titles;
    for (const sdk::ExportRule& r : scan.rules())
        rule_titles.emplace(r.id, r.title);
    table_start(h, kFindingsTable);
    for (const sdk::ExportFinding& f : scan.findings()) {
        const std::string_view sev = severity_name(f.severity);
        h << "<tr class=\"sev-" << sev << (f.suppressed ? " suppressed" : "")
          << "\" data-severity=\"" << sev << "\"><td data-sort=\"" << Num{severity_rank(f.severity)}
          << "\">";
        badge(h, f.severity);
        h << "</td><td class=\"rulecell\" data-sort=\"" << Text{f.rule_id}
          << "\"><a class=\"rule\" href=\"#rule-" << Text{f.rule_id} << "\">" << Text{f.rule_id}
          << "</a>";
        if (const auto rule = rule_titles.find(f.rule_id);
            rule != rule_titles.end() && !rule->second.empty()) {
            h << "<span class=\"sub\">" << Text{rule->second} << "</span>";
        }
        h << "</td><td class=\"loc\">" << Text{ex::location_text(f)} << "</td><td class=\"msg\">"
          << Text{f.message};
        if (f.suppressed) {
            h << "<span class=\"sub\"><span class=\"tag\">Suppressed</span> " << Text{f.suppression}
              << "</span>";
        }
        h << "</td></tr>\n";
    }
    table_end(h);
    h << "</div>\n<noscript><p class=\"note\">Sorting and filtering need JavaScript; every finding "
         "is listed.</p></noscript>\n</section>\n";
}

void write_inventory(Html& h, const sdk::ExportScan& scan) {
    h << "<section id=\"inventory\">\n<h2>Inventory <span class=\"n\">" << Num{scan.items().size()}
      << "</span></h2>\n<div class=\"panel\">\n";
    if (scan.items().empty()) {
        h << "<p class=\"empty\">No inventory items.</p>\n</div>\n</section>\n";
        return;
    }
    controls_start(h, kItemsTable, "inventory");
    controls_end(h, "items");
    table_start(h, kItemsTable);
    for (const sdk::ExportItem& i : scan.items()) {
        h << "<tr><td>" << Text{i.kind} << "</td><td>" << Text{i.client} << "</td><td>"
          << sdk::to_string(i.scope) << "</td><td class=\"wrap\">" << Text{i.name}
          << "</td><td class=\"loc\">" << Text{item_location(i)} << "</td><td class=\"wrap\">";
        item_details(h, i.data_json);
        h << "</td></tr>\n";
    }
    table_end(h);
    h << "</div>\n</section>\n";
}

void write_files(Html& h, const sdk::ExportScan& scan, const Counts& c) {
    h << "<section id=\"files\">\n<h2>Files <span class=\"n\">" << Num{c.files_found} << " found, "
      << Num{c.absent} << " absent</span></h2>\n<div class=\"panel\">\n";
    if (scan.files().empty()) {
        h << "<p class=\"empty\">No locations.</p>\n</div>\n</section>\n";
        return;
    }
    controls_start(h, kFilesTable, "files");
    if (c.absent > 0) {
        h << "<label class=\"toggle\"><input type=\"checkbox\" data-show=\"absent\"> Show "
          << Num{c.absent} << " absent locations</label>";
    }
    controls_end(h, "locations");
    table_start(h, kFilesTable);
    for (const sdk::ExportFile& f : scan.files()) {
        h << "<tr" << (f.exists ? "" : " class=\"absent\"") << "><td class=\"loc\" title=\""
          << Text{f.path} << "\">" << Text{f.display_path};
        if (!f.exists) h << " <span class=\"tag\">absent</span>";
        h << "</td><td>" << Text{f.target_name} << "<span class=\"sub\">" << Text{f.plugin}
          << " \xC2\xB7 " << Text{f.category} << "</span></td><td>" << sdk::to_string(f.scope)
          << "</td><td>" << sdk::to_string(f.format) << "</td>";
        if (f.exists) {
            h << "<td class=\"num\" data-sort=\"" << Num{f.size} << "\">" << readable_size(f.size)
              << "</td><td class=\"mono\">" << octal_mode(f.mode) << "</td><td>";
            if (!f.sha256.empty()) {
                h << "<code title=\"" << Text{f.sha256} << "\">" << Text{f.sha256.substr(0, 12)}
                  << "</code>";
            }
            h << "</td>";
        } else {
            h << "<td class=\"num\" data-sort=\"-1\"></td><td></td><td></td>";
        }
        h << "<td class=\"wrap\">";
        if (!f.parse_error.empty()) {
            h << "<span class=\"tag bad\">does not parse</span> " << Text{f.parse_error};
        }
        if (!f.error.empty()) {
            if (!f.parse_error.empty()) h << " ";
            h << "<span class=\"tag bad\">unreadable</span> " << Text{f.error};
        }
        h << "</td></tr>\n";
    }
    table_end(h);
    h << "</div>\n</section>\n";
}

void write_rules(Html& h, const sdk::ExportScan& scan) {
    h << "<section id=\"rules\">\n<h2>Rules <span class=\"n\">" << Num{scan.rules().size()}
      << "</span></h2>\n<div class=\"panel\">\n";
    if (scan.rules().empty()) {
        h << "<p class=\"empty\">No rule was reported.</p>\n</div>\n</section>\n";
        return;
    }
    std::map<std::string_view, std::uint64_t> per_rule;
    for (const sdk::ExportFinding& f : scan.findings())
        ++per_rule[f.rule_id];
    table_start(h, kRulesTable);
    for (const sdk::ExportRule& r : scan.rules()) {
        h << "<tr id=\"rule-" << Text{r.id} << "\" class=\"sev-" << severity_name(r.severity)
          << "\"><td class=\"rule\">" << Text{r.id} << "<span class=\"sub\">" << Text{r.plugin}
          << "</span></td><td data-sort=\"" << Num{severity_rank(r.severity)} << "\">";
        badge(h, r.severity);
        const auto n = per_rule.find(r.id);
        h << "</td><td class=\"num\">" << Num{n == per_rule.end() ? 0 : n->second}
          << "</td><td class=\"wrap\">" << Text{r.title} << "</td><td class=\"help wrap\">"
          << Text{r.help};
        // As text, not a link: the report references nothing it could load.
        if (!r.help_uri.empty()) h << "<span class=\"sub mono\">" << Text{r.help_uri} << "</span>";
        h << "</td></tr>\n";
    }
    table_end(h);
    h << "</div>\n</section>\n";
}

void write_plugins(Html& h, const sdk::ExportScan& scan) {
    h << "<section id=\"plugins\">\n<h2>Plugins <span class=\"n\">" << Num{scan.plugins().size()}
      << "</span></h2>\n<div class=\"panel\">\n";
    if (scan.plugins().empty()) {
        h << "<p class=\"empty\">No plugin took part.</p>\n</div>\n</section>\n";
        return;
    }
    table_start(h, kPluginsTable);
    for (const sdk::ExportPlugin& p : scan.plugins()) {
        h << "<tr" << (p.failed ? " class=\"failed\"" : "") << "><td><strong>" << Text{p.name}
          << "</strong></td><td>" << Text{p.version} << "</td><td>"
          << (p.failed ? "<span class=\"tag bad\">failed</span>"
                       : "<span class=\"tag ok\">ok</span>")
          << "</td><td class=\"num\">" << Num{p.files_analyzed} << "</td><td class=\"wrap\">"
          << Text{p.error} << "</td></tr>\n";
    }
    table_end(h);
    h << "</div>\n</section>\n";
}

void write_footer(Html& h, const sdk::ExportScan& scan) {
    h << "<footer><div class=\"wrap\">Written by confscope " << Text{scan.tool_version()}
      << " from scan <span class=\"mono\">" << Text{scan.uuid()}
      << "</span>. This page loads nothing from the network. The view is kept in the link: "
         "<span class=\"mono\">#q=MCP-003&amp;severity=critical,high&amp;sort=location&amp;"
         "dir=desc</span>.</div></footer>\n";
}

}  // namespace

class HtmlExporter {
  public:
    static sdk::PluginInfo info() {
        return {.summary = "One self-contained HTML report with sortable, filterable tables",
                .license = "Apache-2.0",
                .contact = "https://github.com/confscope/confscope",
                .family = "html",
                .config_schema = ""};
    }

    void export_scan(const sdk::ExportScan& scan, sdk::Writer& out) {
        std::string title(scan.option("title"));
        if (title.empty()) {
            title = "Confscope report";
            if (!scan.host().empty()) title += " \xE2\x80\x94 " + std::string(scan.host());
        }
        const Counts counts = count(scan);
        Html h(confscope::html_report::kStyle.size() + confscope::html_report::kScript.size() +
               8192 + scan.findings().size() * 600 + scan.items().size() * 400 +
               scan.files().size() * 500);
        write_head(h, scan, title);
        write_header(h, scan, title, counts);
        write_nav(h, scan, counts);
        h << "<main class=\"wrap\">\n";
        write_failed_plugins(h, scan, counts);
        write_summary(h, scan, counts);
        write_findings(h, scan, counts);
        write_inventory(h, scan);
        write_files(h, scan, counts);
        write_rules(h, scan);
        write_plugins(h, scan);
        h << "</main>\n";
        write_footer(h, scan);
        h << "<script>" << confscope::html_report::kScript << "</script>\n</body>\n</html>\n";
        out.write(h.str());
    }
};

CONFSCOPE_PLUGIN(HtmlExporter)
