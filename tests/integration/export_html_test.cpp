// Tests of the html exporter: the report opened in headless Chromium (the DOM after its script ran,
// by --dump-dom), so what is checked is what a reader sees — every finding as a row of the right
// severity, markup in the scan shown as text, nothing loaded from anywhere, and the script's
// sorting and filtering, driven by the URL fragment the report documents (#q=...&sort=...) and by
// clicks a small probe script adds to a copy of the report.
//
// Chromium is a test dependency (scripts/install-deps --test): without it these tests fail, they
// do not skip. $CONFSCOPE_CHROMIUM names another browser binary.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include "export_support.hpp"

using namespace confscope::test;

namespace {

// ---- Chromium
// ------------------------------------------------------------------------------------

fs::path chromium() {
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("CONFSCOPE_CHROMIUM"); env != nullptr && *env != '\0') {
        candidates.emplace_back(env);
    } else {
        candidates = {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"};
    }
    for (const fs::path& candidate : candidates)
        if (fs::exists(candidate)) return candidate;
    std::string looked;
    for (const fs::path& candidate : candidates)
        looked += (looked.empty() ? "" : ", ") + candidate.string();
    BOOST_FAIL("Chromium is not installed (looked for " + looked +
               "): the HTML report tests open the report in headless Chromium. Run "
               "scripts/install-deps --test to install it.");
    return {};
}

std::string file_url(const fs::path& file, const std::string& fragment = "") {
    return "file://" + file.string() + (fragment.empty() ? "" : "#" + fragment);
}

/// The DOM of `url` after its scripts ran (headless Chromium, at most 60 s).
std::string dump_dom(const std::string& url) {
    const fs::path browser = chromium();
    const TempDir profile;
    const ProcessResult r = run_process(
        {"/usr/bin/timeout", "60", browser.string(), "--headless", "--no-sandbox", "--disable-gpu",
         "--no-first-run", "--no-default-browser-check", "--disable-extensions",
         "--disable-background-networking", "--disable-sync", "--disable-component-update",
         "--disable-dev-shm-usage", "--mute-audio", "--user-data-dir=" + profile.path().string(),
         "--virtual-time-budget=2000", "--dump-dom", url});
    const std::string tail = r.err.size() > 2000 ? r.err.substr(r.err.size() - 2000) : r.err;
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0 && r.out.find("</html>") != std::string::npos,
                          "chromium --dump-dom " + url + " failed (exit " +
                              std::to_string(r.exit_code) + "): " + tail);
    return r.out;
}

// ---- the planted report
// ----------------------------------------------------------------------------

const ReportMachine& machine() {
    static const ReportMachine m;
    return m;
}

const fs::path& report() {
    static const fs::path path = machine().export_to_file("html", "report.html");
    return path;
}

/// A copy of the report with `markup` inserted after the first `anchor` (a probe script).
fs::path report_copy(const std::string& name, const std::string& anchor,
                     const std::string& markup) {
    std::string html = read_file(report());
    const auto at = html.find(anchor);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "no " + anchor + " in the report");
    html.insert(at + anchor.size(), markup);
    const fs::path path = machine().folder() / name;
    write_file(path, html);
    return path;
}

// ---- reading tables out of HTML
// -------------------------------------------------------------------

std::string decode_entities(std::string text) {
    static const std::pair<const char*, const char*> kEntities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto& [entity, ch] : kEntities) {
            if (text.compare(i, std::string_view(entity).size(), entity) == 0) {
                out += ch;
                i += std::string_view(entity).size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

/// Text of an HTML fragment: tags dropped, entities decoded.
std::string text_of(const std::string& html) {
    std::string out;
    bool in_tag = false;
    for (const char c : html) {
        if (c == '<') {
            in_tag = true;
        } else if (c == '>') {
            in_tag = false;
        } else if (!in_tag) {
            out += c;
        }
    }
    return decode_entities(out);
}

struct Row {
    std::string open_tag;            ///< `<tr ...>`
    std::vector<std::string> cells;  ///< inner HTML of each <td>
    [[nodiscard]] bool hidden() const { return open_tag.find(" hidden") != std::string::npos; }
    [[nodiscard]] bool has_class(const std::string& name) const {
        static const std::regex kClass("class=\"([^\"]*)\"");
        std::smatch m;
        if (!std::regex_search(open_tag, m, kClass)) return false;
        const std::string list = " " + m[1].str() + " ";
        return list.find(" " + name + " ") != std::string::npos;
    }
    [[nodiscard]] std::string text(std::size_t cell) const {
        return cell < cells.size() ? text_of(cells[cell]) : std::string();
    }
};

/// The body rows of the table with this id, in document order.
std::vector<Row> rows_of(const std::string& html, const std::string& table_id) {
    const auto table = html.find("<table id=\"" + table_id + "\"");
    BOOST_REQUIRE_MESSAGE(table != std::string::npos, "no table " + table_id);
    const auto body = html.find("<tbody>", table);
    const auto end = html.find("</tbody>", body);
    BOOST_REQUIRE(body != std::string::npos && end != std::string::npos);
    std::vector<Row> rows;
    for (auto tr = html.find("<tr", body); tr < end; tr = html.find("<tr", tr + 1)) {
        const auto close = html.find("</tr>", tr);
        const std::string row = html.substr(tr, close - tr);
        Row r;
        r.open_tag = row.substr(0, row.find('>') + 1);
        for (auto td = row.find("<td"); td != std::string::npos; td = row.find("<td", td + 1)) {
            const auto inner = row.find('>', td) + 1;
            r.cells.push_back(row.substr(inner, row.find("</td>", inner) - inner));
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<Row> visible(const std::vector<Row>& rows) {
    std::vector<Row> out;
    std::copy_if(rows.begin(), rows.end(), std::back_inserter(out),
                 [](const Row& r) { return !r.hidden(); });
    return out;
}

// Findings table columns.
constexpr std::size_t kSeverityCell = 0, kRuleCell = 1, kLocationCell = 2, kMessageCell = 3;

std::string rule_of(const Row& row) {
    // The cell is the id (a link to the rule) then the rule's title.
    const std::string& cell = row.cells.size() > kRuleCell ? row.cells[kRuleCell] : std::string();
    return text_of(cell.substr(0, cell.find("</a>")));
}

/// 0 for critical ... 4 for info, from the row's class; -1 when none.
int severity_rank(const Row& row) {
    const char* names[] = {"critical", "high", "medium", "low", "info"};
    for (int i = 0; i < 5; ++i)
        if (row.has_class(std::string("sev-") + names[i])) return i;
    return -1;
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::vector<std::string> rules_in_order(const std::vector<Row>& rows) {
    std::vector<std::string> out;
    for (const Row& r : rows)
        out.push_back(rule_of(r));
    return out;
}

rapidjson::Document json_findings() {
    return parse_json(machine().export_as("json"));
}

/// `html` without the contents of its <script> and <style> elements, which go to `code`.
std::string without_code(const std::string& html, std::string& code) {
    std::string markup;
    std::size_t from = 0;
    while (true) {
        const auto script = html.find("<script>", from);
        const auto style = html.find("<style>", from);
        const auto open = std::min(script, style);
        if (open == std::string::npos) break;
        const std::string close = open == script ? "</script>" : "</style>";
        const auto start = html.find('>', open) + 1;
        const auto end = html.find(close, start);
        BOOST_REQUIRE_MESSAGE(end != std::string::npos, "unclosed " + close);
        markup += html.substr(from, start - from);
        code += html.substr(start, end - start);
        from = end;
    }
    return markup + html.substr(from);
}

/// The value of `attribute` on the <html> element of a DOM dump ("" when absent).
std::string root_attribute(const std::string& dom, const std::string& attribute) {
    const auto html = dom.find("<html");
    const std::string tag = dom.substr(html, dom.find('>', html) - html);
    const auto at = tag.find(" " + attribute + "=\"");
    if (at == std::string::npos) return {};
    const auto start = at + attribute.size() + 3;
    return decode_entities(tag.substr(start, tag.find('"', start) - start));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_report)

BOOST_AUTO_TEST_CASE(every_finding_is_a_row_of_its_severity_and_markup_stays_text) {
    const std::string raw = read_file(report());
    const std::string dom = dump_dom(file_url(report()));
    BOOST_TEST(raw.find(ReportMachine::kToken) == std::string::npos);
    BOOST_TEST(dom.find(ReportMachine::kToken) == std::string::npos);

    const std::vector<Row> rows = rows_of(dom, "findings-table");
    BOOST_REQUIRE_EQUAL(rows.size(), static_cast<std::size_t>(PlantedFacts::kFindings));

    // Each finding of the store (as the JSON exporter lists it) is exactly one row, with its rule,
    // location, message and severity class.
    const rapidjson::Document doc = json_findings();
    for (const auto& f : doc["findings"].GetArray()) {
        const std::string rule = f["rule_id"].GetString();
        std::string location = f["display_path"].GetString();
        if (f["line"].GetUint() > 0) {
            location += ":" + std::to_string(f["line"].GetUint());
            if (f["column"].GetUint() > 0) location += ":" + std::to_string(f["column"].GetUint());
        }
        const auto matches = std::count_if(rows.begin(), rows.end(), [&](const Row& r) {
            return rule_of(r) == rule && r.text(kLocationCell) == location;
        });
        BOOST_TEST(matches == 1,
                   rule + " at " + location + ": " + std::to_string(matches) + " rows");
        for (const Row& r : rows) {
            if (rule_of(r) != rule || r.text(kLocationCell) != location) continue;
            const std::string severity = f["severity"].GetString();
            BOOST_TEST(r.has_class("sev-" + severity), rule + " row: " + r.open_tag);
            BOOST_TEST(r.text(kSeverityCell) ==
                       std::string(1, static_cast<char>(
                                          std::toupper(static_cast<unsigned char>(severity[0])))) +
                           severity.substr(1));
            BOOST_TEST(r.text(kMessageCell).find(f["message"].GetString()) != std::string::npos,
                       rule + " message: " + r.text(kMessageCell));
            BOOST_TEST(r.has_class("suppressed") == f["suppressed"].GetBool(), rule);
        }
    }
    // Counted independently of any exporter: the planted severities.
    const std::map<std::string, int> expected{{"critical", PlantedFacts::kCritical},
                                              {"high", PlantedFacts::kHigh},
                                              {"medium", PlantedFacts::kMedium},
                                              {"low", PlantedFacts::kLow}};
    for (const auto& [severity, n] : expected) {
        // A named copy: clang before 16 cannot capture a structured binding in a lambda.
        const std::string sev_class = "sev-" + severity;
        BOOST_TEST(std::count_if(rows.begin(), rows.end(),
                                 [&](const Row& r) { return r.has_class(sev_class); }) == n,
                   severity);
    }
    BOOST_TEST(std::count_if(rows.begin(), rows.end(), [](const Row& r) {
                   return r.has_class("suppressed");
               }) == PlantedFacts::kSuppressed);
    // The default view hides the suppressed finding (PERM-006) and nothing else.
    for (const Row& r : rows)
        BOOST_TEST(r.hidden() == r.has_class("suppressed"), rule_of(r) + ": " + r.open_tag);
    BOOST_TEST(std::any_of(rows.begin(), rows.end(), [](const Row& r) {
        return rule_of(r) == "PERM-006" && r.has_class("suppressed");
    }));
    BOOST_TEST(std::any_of(rows.begin(), rows.end(), [](const Row& r) {
        return rule_of(r) == "CFG-001" && r.text(kLocationCell).starts_with(PlantedFacts::kBroken);
    }));

    // The server name with markup is text: escaped in the message cell, never an element.
    const auto mcp003 = std::find_if(rows.begin(), rows.end(),
                                     [](const Row& r) { return rule_of(r) == "MCP-003"; });
    BOOST_REQUIRE(mcp003 != rows.end());
    BOOST_TEST(mcp003->cells[kMessageCell].find("&lt;b&gt;") != std::string::npos,
               mcp003->cells[kMessageCell]);
    BOOST_TEST(mcp003->text(kMessageCell).find(ReportMachine::kMarkupName) != std::string::npos);
    BOOST_TEST(dom.find("<b>") == std::string::npos);
    BOOST_TEST(dom.find("<b ") == std::string::npos);
    BOOST_TEST(raw.find("<b>") == std::string::npos);

    // The summary counts unsuppressed findings per severity.
    for (const auto& [severity, n] : expected) {
        const int unsuppressed = severity == "low" ? n - PlantedFacts::kSuppressed : n;
        const std::string card =
            "href=\"#severity=" + severity + "\" data-view=\"\"><span class=\"n\">";
        const auto at = dom.find(card);
        BOOST_REQUIRE_MESSAGE(at != std::string::npos, "no summary card for " + severity);
        BOOST_TEST(std::stoi(dom.substr(at + card.size())) == unsuppressed, severity);
    }

    // The inventory and files tables: the servers, and the file that does not parse.
    const std::vector<Row> items = rows_of(dom, "inventory-table");
    BOOST_TEST(std::count_if(items.begin(), items.end(), [](const Row& r) {
                   return r.text(0) == "mcp_server";
               }) == PlantedFacts::kServers);
    BOOST_TEST(std::any_of(items.begin(), items.end(),
                           [](const Row& r) { return r.text(3) == ReportMachine::kMarkupName; }));
    const std::vector<Row> files = rows_of(dom, "files-table");
    const auto broken = std::find_if(files.begin(), files.end(), [](const Row& r) {
        return r.text(0) == PlantedFacts::kBroken;
    });
    BOOST_REQUIRE(broken != files.end());
    BOOST_TEST(!broken->hidden());
    BOOST_TEST(broken->text(7).find("line 5") != std::string::npos, broken->text(7));
}

BOOST_AUTO_TEST_CASE(rows_are_written_server_side_for_readers_without_javascript) {
    // The bytes as written, before any script: every finding, none hidden, controls hidden
    // (they need the script), and a phone-sized viewport.
    const std::string raw = read_file(report());
    const std::vector<Row> rows = rows_of(raw, "findings-table");
    BOOST_TEST(rows.size() == static_cast<std::size_t>(PlantedFacts::kFindings));
    for (const Row& r : rows)
        BOOST_TEST(!r.hidden(), r.open_tag);
    BOOST_TEST(raw.find("<div class=\"controls\" data-controls=\"findings-table\" hidden>") !=
               std::string::npos);
    BOOST_TEST(raw.find("<meta name=\"viewport\" content=\"width=device-width, "
                        "initial-scale=1\">") != std::string::npos);
    BOOST_TEST(raw.starts_with("<!DOCTYPE html>"));
}

BOOST_AUTO_TEST_CASE(the_report_loads_nothing) {
    const std::string raw = read_file(report());

    // A Content-Security-Policy that forbids loading anything, before any style or script.
    static const std::regex kCsp(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
    std::smatch csp;
    BOOST_REQUIRE_MESSAGE(std::regex_search(raw, csp, kCsp), "no Content-Security-Policy meta");
    for (const char* directive : {"default-src 'none'", "style-src 'unsafe-inline'",
                                  "script-src 'unsafe-inline'", "img-src data:"}) {
        BOOST_TEST(csp[1].str().find(directive) != std::string::npos, directive);
    }
    BOOST_TEST(csp[1].str().find("http") == std::string::npos);
    BOOST_TEST(static_cast<std::size_t>(csp.position(0)) < raw.find("<style"));
    BOOST_TEST(static_cast<std::size_t>(csp.position(0)) < raw.find("<script"));

    // Every reference in markup is in-page (#...) or inline (data:); URLs appear only as text.
    std::string inline_code;
    const std::string markup = without_code(raw, inline_code);
    static const std::regex kReference(
        "\\s(src|href|action|formaction|srcset|poster|data|background|manifest|ping|xlink:href)"
        "\\s*=\\s*\"([^\"]*)\"",
        std::regex::icase);
    int references = 0;
    for (auto it = std::sregex_iterator(markup.begin(), markup.end(), kReference);
         it != std::sregex_iterator(); ++it) {
        ++references;
        const std::string value = (*it)[2].str();
        BOOST_TEST((value.starts_with("#") || value.starts_with("data:")),
                   (*it)[1].str() + "=\"" + value + "\"");
    }
    BOOST_TEST(references > 0);  // the in-page links were seen
    static const std::regex kAttribute("=\\s*\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(markup.begin(), markup.end(), kAttribute);
         it != std::sregex_iterator(); ++it) {
        const std::string value = (*it)[1].str();
        BOOST_TEST((value.find("http://") == std::string::npos &&
                    value.find("https://") == std::string::npos),
                   "a URL in an attribute: " + value);
    }
    // The URL in the MCP-003 message is there, as text.
    BOOST_TEST(markup.find("http://mcp.example.com") != std::string::npos);
    // The style and the script name nothing to load.
    BOOST_TEST(inline_code.find("collator") != std::string::npos);  // the script was seen
    for (const char* api :
         {"http:", "https:", "url(", "@import", "fetch(", "XMLHttpRequest", "WebSocket",
          "EventSource", "sendBeacon", "import(", "Worker(", ".src", "window.open"}) {
        BOOST_TEST(inline_code.find(api) == std::string::npos, api);
    }

    // In Chromium: a probe listening before the policy sees no violation and no resource fetched.
    // A copy with a remote image planted shows that the probe would notice one.
    const std::string probe = R"(<script>
var probeViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  probeViolations.push(e.effectiveDirective + ' ' + e.blockedURI);
});
window.addEventListener('load', function () {
  setTimeout(function () {
    var root = document.documentElement;
    root.setAttribute('data-probe-violations', probeViolations.join(' | '));
    root.setAttribute('data-probe-resources', performance.getEntriesByType('resource')
        .map(function (r) { return r.name; }).join(' | '));
    root.setAttribute('data-probe-done', 'yes');
  }, 100);
});
</script>)";
    const std::string clean =
        dump_dom(file_url(report_copy("probe.html", "<meta charset=\"utf-8\">", probe)));
    BOOST_REQUIRE_EQUAL(root_attribute(clean, "data-probe-done"), "yes");
    BOOST_TEST(root_attribute(clean, "data-probe-violations").empty(),
               root_attribute(clean, "data-probe-violations"));
    BOOST_TEST(root_attribute(clean, "data-probe-resources").empty(),
               root_attribute(clean, "data-probe-resources"));

    const fs::path planted = report_copy("probe-control.html", "<meta charset=\"utf-8\">", probe);
    std::string control = read_file(planted);
    control.insert(control.find("<main"), "<img src=\"https://confscope.invalid/x.png\" alt=\"\">");
    write_file(planted, control);
    const std::string caught = dump_dom(file_url(planted));
    BOOST_REQUIRE_EQUAL(root_attribute(caught, "data-probe-done"), "yes");
    BOOST_TEST(root_attribute(caught, "data-probe-violations").find("confscope.invalid") !=
                   std::string::npos,
               "the probe missed a blocked image: '" +
                   root_attribute(caught, "data-probe-violations") + "'");
}

BOOST_AUTO_TEST_CASE(the_url_fragment_filters_and_sorts_the_findings) {
    // The page opens at #q=MCP-003; then a probe sets one view after another as the fragment (as
    // following a shared link does) and keeps a copy of the findings table after each. The probe
    // runs after the report's script, so its hashchange handler runs after the report's.
    const std::vector<std::string> views{
        "severity=low",        "severity=low&suppressed=show", "severity=critical,high",
        "q=GITHUB%20npx%20-y", "sort=rule&suppressed=show",    "sort=severity&dir=desc"};
    std::string list;
    for (const std::string& v : views)
        list += (list.empty() ? "'" : ", '") + v + "'";
    const fs::path page = report_copy("views.html", "</script>\n", R"(<script>
(function () {
  var views = [)" + list + R"(];
  var i = 0;
  function snapshot(name) {
    var copy = document.getElementById('findings-table').cloneNode(true);
    copy.id = name;
    copy.className = 'probe-copy';  // not a table the report's script manages
    document.body.appendChild(copy);
    document.documentElement.setAttribute('data-probe-count-' + name,
        document.querySelector('[data-controls="findings-table"] .count').textContent);
  }
  function next() {
    if (i === views.length) document.documentElement.setAttribute('data-probe-done', 'yes');
    else location.hash = views[i];
  }
  window.addEventListener('hashchange', function () { snapshot('view-' + i); ++i; next(); });
  snapshot('view-start');
  next();
})();
</script>)");
    const std::string dom = dump_dom(file_url(page, "q=MCP-003"));
    BOOST_REQUIRE_EQUAL(root_attribute(dom, "data-probe-done"), "yes");
    auto shown = [&](const std::string& view) { return visible(rows_of(dom, view)); };

    // #q=TEXT: the rows containing it.
    BOOST_TEST(joined(rules_in_order(shown("view-start"))) == "MCP-003");
    // #severity=low: the unsuppressed low findings; with suppressed=show the suppressed one too.
    const std::vector<Row> low = shown("view-0");
    BOOST_TEST(low.size() ==
               static_cast<std::size_t>(PlantedFacts::kLow - PlantedFacts::kSuppressed));
    for (const Row& r : low)
        BOOST_TEST((r.has_class("sev-low") && !r.has_class("suppressed")), r.open_tag);
    const std::vector<Row> all_low = shown("view-1");
    BOOST_TEST(all_low.size() == static_cast<std::size_t>(PlantedFacts::kLow));
    for (const Row& r : all_low)
        BOOST_TEST(r.has_class("sev-low"), r.open_tag);
    BOOST_TEST(shown("view-2").size() ==
               static_cast<std::size_t>(PlantedFacts::kCritical + PlantedFacts::kHigh));
    // Words match anywhere in the row, case-insensitively, all of them.
    BOOST_TEST(joined(rules_in_order(shown("view-3"))) == "MCP-005");
    // The count beside the filter follows.
    const std::string of = " of " + std::to_string(PlantedFacts::kFindings) + " findings";
    BOOST_TEST(root_attribute(dom, "data-probe-count-view-start") == "1" + of);
    BOOST_TEST(root_attribute(dom, "data-probe-count-view-0") == std::to_string(low.size()) + of);

    // #sort=rule: the ids in order (the report's own order is by severity, so this is a change).
    const std::vector<std::string> original =
        rules_in_order(rows_of(read_file(report()), "findings-table"));
    std::vector<std::string> expected = original;
    std::sort(expected.begin(), expected.end());
    const std::vector<Row> by_rule = rows_of(dom, "view-4");
    BOOST_TEST(joined(rules_in_order(by_rule)) == joined(expected));
    BOOST_TEST(joined(expected) != joined(original));
    BOOST_TEST(visible(by_rule).size() == static_cast<std::size_t>(PlantedFacts::kFindings));

    // #sort=severity&dir=desc: severity order reversed (low first), not alphabetical.
    std::vector<int> ranks;
    for (const Row& r : rows_of(dom, "view-5"))
        ranks.push_back(severity_rank(r));
    BOOST_TEST(std::is_sorted(ranks.rbegin(), ranks.rend()));
    BOOST_TEST(ranks.front() == 3);  // low
    BOOST_TEST(ranks.back() == 0);   // critical
    BOOST_TEST(dom.find("<th scope=\"col\" data-key=\"severity\" aria-sort=\"descending\">") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(sorting_compares_line_numbers_as_numbers_and_clicks_update_the_link) {
    // A file with a finding on each of lines 3 to 14.
    const TempDir dir;
    std::string mcp = "{\n  \"mcpServers\": {\n";
    for (int i = 1; i <= 12; ++i) {
        mcp += "    \"s" + std::to_string(i) + "\": {\"command\": \"npx\", \"args\": [\"pkg-" +
               std::to_string(i) + "\"]}" + (i < 12 ? ",\n" : "\n");
    }
    mcp += "  }\n}\n";
    write_file(dir / "repo/.mcp.json", mcp);
    fs::create_directories(dir / "repo/.git");
    fs::create_directories(dir / "home");
    fs::create_directories(dir / "sys");
    const std::string db = (dir / "store.db").string();
    const ProcessResult scan =
        run_confscope({"--db", db, "scan", "--home", (dir / "home").string(), "--system-root",
                       (dir / "sys").string(), "--root", (dir / "repo").string()});
    BOOST_REQUIRE_MESSAGE(scan.exit_code == 0, scan.err);
    const ProcessResult exported = run_confscope({"--db", db, "export", "--format", "html"});
    BOOST_REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);

    // Opened at #sort=location&dir=desc; then the probe clicks the Location header twice
    // (ascending, then descending again), keeping a copy of the table and the link after each.
    std::string html = exported.out;
    html.insert(html.rfind("</body>"), R"(<script>
(function () {
  var root = document.documentElement;
  var button = document.querySelector('#findings-table th[data-key="location"] button');
  function snapshot(name) {
    var copy = document.getElementById('findings-table').cloneNode(true);
    copy.id = name;
    copy.className = 'probe-copy';  // not a table the report's script manages
    document.body.appendChild(copy);
    root.setAttribute('data-probe-' + name, location.hash);
  }
  snapshot('opened');
  button.click();
  snapshot('clicked');
  button.click();
  snapshot('clicked-twice');
})();
</script>)");
    const fs::path page = dir / "report.html";
    write_file(page, html);
    const std::string dom = dump_dom(file_url(page, "sort=location&dir=desc"));

    auto lines = [&](const std::string& table) {
        std::vector<std::string> out;
        for (const Row& r : rows_of(dom, table)) {
            const std::string location = r.text(kLocationCell);  // ".mcp.json:12:40"
            const auto first = location.find(':') + 1;
            out.push_back(location.substr(first, location.find(':', first) - first));
        }
        return joined(out);
    };
    // As text, ":9:39" would sort above ":14:40", and ":10:40" above ":3:39".
    const std::string descending = "14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3";
    const std::string ascending = "3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14";
    BOOST_TEST(lines("opened") == descending);
    BOOST_TEST(lines("clicked") == ascending);
    BOOST_TEST(lines("clicked-twice") == descending);
    BOOST_TEST(root_attribute(dom, "data-probe-opened") == "#sort=location&dir=desc");
    BOOST_TEST(root_attribute(dom, "data-probe-clicked") == "#sort=location");
    BOOST_TEST(root_attribute(dom, "data-probe-clicked-twice") == "#sort=location&dir=desc");
}

BOOST_AUTO_TEST_CASE(the_same_scan_gives_the_same_bytes_and_the_title_is_an_option) {
    const ReportMachine& m = machine();
    const std::string first = m.export_as("html");
    BOOST_TEST(first == m.export_as("html"));
    BOOST_TEST(first == read_file(report()));
    BOOST_TEST(first.ends_with("</html>\n"));

    const std::string titled = m.export_as("html", {"--option", "title=Audit <x> & \"y\""});
    BOOST_TEST(titled.find("<title>Audit &lt;x&gt; &amp; &quot;y&quot;</title>") !=
               std::string::npos);
    BOOST_TEST(titled.find("<h1>Audit &lt;x&gt; &amp; &quot;y&quot;</h1>") != std::string::npos);
    BOOST_TEST(titled.find("<x>") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
