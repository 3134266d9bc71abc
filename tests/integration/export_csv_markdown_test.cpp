// Tests of the CSV and Markdown exporters, run by `confscope export` over real scans in a real
// SQLite store. CSV is read back with a strict RFC 4180 parser (tested first on its own) and
// compared field by field with the JSON export of the same scan; Markdown is checked for its
// sections, its counts, the shape of every table and the escaping of scanned text.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export_support.hpp"

using namespace confscope::test;

namespace {

using Row = std::vector<std::string>;
using Rows = std::vector<Row>;

// ---- a strict RFC 4180 parser -------------------------------------------------------------------

/// Records end with CRLF (the last one may end the text instead); a field is either unquoted (no
/// quote, comma, CR or LF in it) or quoted (doubled quotes, anything else verbatim, CRLF
/// included); every record has as many fields as the first. Anything else throws.
Rows parse_csv(std::string_view text) {
    Rows rows;
    if (text.empty()) return rows;
    Row row;
    std::size_t i = 0;
    const auto fail = [&](const std::string& why) {
        throw std::runtime_error("CSV record " + std::to_string(rows.size() + 1) + ", byte " +
                                 std::to_string(i) + ": " + why);
    };
    const auto end_record = [&] {
        if (!rows.empty() && row.size() != rows.front().size()) {
            fail(std::to_string(row.size()) + " fields where the first record has " +
                 std::to_string(rows.front().size()));
        }
        rows.push_back(std::move(row));
        row.clear();
    };
    for (;;) {
        std::string field;
        if (i < text.size() && text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= text.size()) fail("unterminated quoted field");
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                if (text[i] == '"') fail("quote in an unquoted field");
                field += text[i++];
            }
        }
        row.push_back(std::move(field));
        if (i >= text.size()) {
            end_record();
            break;
        }
        if (text[i] == ',') {
            ++i;
            continue;
        }
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            i += 2;
            end_record();
            if (i == text.size()) break;
            continue;
        }
        fail(text[i] == '\r' || text[i] == '\n' ? "a line end that is not CRLF"
                                                : "text after a closing quote");
    }
    return rows;
}

/// Every line break of the text is CRLF, and the text ends with one.
bool crlf_only(std::string_view text) {
    if (!text.ends_with("\r\n")) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) return false;
        if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) return false;
    }
    return true;
}

// ---- the JSON export, as rows to compare with
// -----------------------------------------------------

std::string str(const rapidjson::Value& v) {
    return json_string(v);
}

/// A line or column as the CSV writes it: empty when unknown.
std::string position(const rapidjson::Value& v) {
    return v.GetUint() == 0 ? std::string() : std::to_string(v.GetUint());
}

std::string compact(const rapidjson::Value& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

Rows expected_findings(const rapidjson::Document& doc) {
    std::map<std::string, std::string> titles;
    for (const auto& r : doc["rules"].GetArray())
        titles[str(r["id"])] = str(r["title"]);
    Rows rows;
    for (const auto& f : doc["findings"].GetArray()) {
        rows.push_back({str(f["severity"]), str(f["rule_id"]), titles.at(str(f["rule_id"])),
                        str(f["plugin"]), str(f["display_path"]), position(f["line"]),
                        position(f["column"]), str(f["pointer"]), str(f["message"]),
                        str(f["fingerprint"]), f["suppressed"].GetBool() ? "true" : "false",
                        str(f["suppression"])});
    }
    return rows;
}

Rows expected_items(const rapidjson::Document& doc) {
    Rows rows;
    for (const auto& i : doc["items"].GetArray()) {
        rows.push_back({str(i["kind"]), str(i["client"]), str(i["scope"]), str(i["name"]),
                        str(i["display_path"]), position(i["line"]), position(i["column"]),
                        str(i["pointer"]), str(i["plugin"]), compact(i["data"])});
    }
    return rows;
}

const Row kFindingHeader{"severity", "rule_id",     "rule_title", "plugin",
                         "file",     "line",        "column",     "pointer",
                         "message",  "fingerprint", "suppressed", "suppression"};
const Row kItemHeader{"kind", "client", "scope",   "name",   "file",
                      "line", "column", "pointer", "plugin", "details"};
const Row kFileHeader{"plugin",       "category",    "scope", "format", "path",
                      "display_path", "exists",      "size",  "mode",   "modified_time",
                      "sha256",       "parse_error", "error"};

std::string joined(const Row& row) {
    std::string text;
    for (const std::string& field : row)
        text += (text.empty() ? "[" : "][") + field;
    return text + "]";
}

/// What a CSV cell shows of `text`: control characters other than newline, tab and a carriage
/// return before a newline become visible (\x0d), so that a cell cannot drive a terminal.
std::string visible(const std::string& text) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool crlf = c == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
        if ((c < 0x20 && c != '\n' && c != '\t' && !crlf) || c == 0x7F) {
            out += "\\x";
            out += kDigits[c >> 4];
            out += kDigits[c & 0xF];
        } else {
            out += text[i];
        }
    }
    return out;
}

/// The same rows in any order, field by field (the expected ones as a CSV cell shows them).
void check_same_rows(Rows actual, Rows expected, const Row& header) {
    for (Row& row : expected)
        for (std::string& field : row)
            field = visible(field);
    BOOST_REQUIRE_EQUAL(actual.size(), expected.size());
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
    for (std::size_t r = 0; r < actual.size(); ++r) {
        BOOST_REQUIRE_EQUAL(actual[r].size(), header.size());
        for (std::size_t c = 0; c < header.size(); ++c) {
            BOOST_TEST(actual[r][c] == expected[r][c],
                       "column " + header[c] + " of " + joined(expected[r]));
        }
    }
}

/// The data rows of a CSV export (after checking its header).
Rows data_rows(const std::string& csv, const Row& header) {
    Rows rows = parse_csv(csv);
    BOOST_REQUIRE(!rows.empty());
    BOOST_TEST(joined(rows.front()) == joined(header));
    rows.erase(rows.begin());
    return rows;
}

// ---- a machine with hostile names and a failing plugin ------------------------------------------

/// A project whose MCP server names start like spreadsheet formulas or are full of Markdown, CSV
/// and HTML syntax, scanned with a plugin that throws (an incomplete scan) and a custom rule file:
/// EDGE-001 names every server in its message and has a help URI full of characters a link must
/// not carry raw; EDGE-002 has a javascript: URI, which must not become a link.
class HostileMachine {
  public:
    static inline const std::vector<std::string> kNames{
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "+1",
        "-2",
        "@SUM(A1)",
        "\ttabbed",
        "\rcarriage",
        "line one\r\nline two, \"quoted\"",
        "pipe | back`tick *star* _u_ [l](x) ~s~ $m$ \\ #h <script>alert(1)</script>",
    };

    static constexpr const char* kHelpLink =
        "[EDGE-001](https://docs.example.com/rules/EDGE-001?a=1&amp;b=%282%29%7C3%20%3Cx%3E)";

    HostileMachine() : db_((dir_ / "store.db").string()) {
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        w.StartObject();
        w.Key("mcpServers");
        w.StartObject();
        for (std::size_t i = 0; i < kNames.size(); ++i) {
            w.Key(kNames[i].c_str(), static_cast<rapidjson::SizeType>(kNames[i].size()));
            w.StartObject();
            w.Key("command");
            w.String("node");
            w.Key("args");
            w.StartArray();
            w.String(("server" + std::to_string(i) + ".js").c_str());
            w.EndArray();
            w.EndObject();
        }
        w.EndObject();
        w.EndObject();
        write_file(dir_ / "repo/.mcp.json", buffer.GetString());
        scan_with_edge_rules_and_a_failing_plugin(db_, dir_.path());
    }

    [[nodiscard]] ProcessResult run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", db_, "export"});
        return run_confscope(args);
    }
    [[nodiscard]] std::string export_as(const std::string& format,
                                        std::vector<std::string> extra = {}) const {
        std::vector<std::string> args{"--format", format};
        args.insert(args.end(), extra.begin(), extra.end());
        const ProcessResult r = run(args);
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "export --format " + format + ": " + r.err);
        return r.out;
    }

  private:
    TempDir dir_;
    std::string db_;
};

// ---- Markdown helpers ---------------------------------------------------------------------------

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            if (start < text.size()) lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

/// The cells of a table row, split at the pipes no backslash escapes (the outer ones included:
/// "| a | b |" has 3 pipes and 2 cells).
std::size_t unescaped_pipes(std::string_view line) {
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;  // the escaped character
        } else if (line[i] == '|') {
            ++pipes;
        }
    }
    return pipes;
}

std::vector<std::string> cells(std::string_view line) {
    std::vector<std::string> out;
    std::string cell;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            cell += line.substr(i, 2);
            ++i;
        } else if (line[i] == '|') {
            out.push_back(cell);
            cell.clear();
        } else {
            cell += line[i];
        }
    }
    out.push_back(cell);
    // Drop what lies outside the outer pipes, and trim.
    if (out.size() >= 2) out = std::vector<std::string>(out.begin() + 1, out.end() - 1);
    for (std::string& c : out) {
        c.erase(0, c.find_first_not_of(' '));
        c.erase(c.find_last_not_of(' ') + 1);
    }
    return out;
}

/// From the line that starts with `heading` to the next heading of the same or a higher level.
std::string section(const std::string& text, const std::string& heading) {
    const std::size_t start = text.starts_with(heading) ? 0 : text.find("\n" + heading);
    if (start == std::string::npos) return {};
    const std::string level = heading.substr(0, heading.find(' ') + 1);  // "## " or "### "
    std::size_t end = start + 1;
    for (;;) {
        end = text.find("\n#", end);
        if (end == std::string::npos) break;
        const std::size_t hashes = text.find_first_not_of('#', end + 1) - (end + 1);
        if (hashes <= level.size() - 1) break;
        ++end;
    }
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

/// Rows of the tables in `text` (header and delimiter rows excluded).
std::vector<std::string> table_rows(const std::string& text) {
    std::vector<std::string> rows;
    bool in_table = false;
    int row_in_table = 0;
    for (const std::string& line : lines_of(text)) {
        if (!line.starts_with("|")) {
            in_table = false;
            continue;
        }
        row_in_table = in_table ? row_in_table + 1 : 0;
        in_table = true;
        if (row_in_table >= 2) rows.push_back(line);
    }
    return rows;
}

/// Every table: a header, a delimiter row, then rows with as many cells as the header.
void check_table_shapes(const std::string& markdown) {
    std::size_t expected = 0;
    bool in_table = false;
    std::size_t tables = 0;
    for (const std::string& line : lines_of(markdown)) {
        if (!line.starts_with("|")) {
            in_table = false;
            continue;
        }
        if (!in_table) {
            expected = unescaped_pipes(line);
            ++tables;
            BOOST_TEST(expected >= 3u, line);
        }
        in_table = true;
        BOOST_TEST(unescaped_pipes(line) == expected, "row: " + line);
        BOOST_TEST(line.ends_with("|"), "row: " + line);
    }
    BOOST_TEST(tables >= 1u);
}

/// Raw HTML is only what the exporter itself writes.
void check_html_is_only_ours(const std::string& markdown) {
    static constexpr std::array<std::string_view, 6> kOurs{"<details>",  "</details>", "<summary>",
                                                           "</summary>", "<br>",       "<!-- -->"};
    for (std::size_t at = markdown.find('<'); at != std::string::npos;
         at = markdown.find('<', at + 1)) {
        const std::string_view rest = std::string_view(markdown).substr(at);
        const bool ours = std::any_of(kOurs.begin(), kOurs.end(),
                                      [&](std::string_view tag) { return rest.starts_with(tag); });
        BOOST_TEST(ours, "raw HTML: " + std::string(rest.substr(0, 40)));
    }
    // A backtick is always escaped: no code span opened by scanned text.
    for (std::size_t at = markdown.find('`'); at != std::string::npos;
         at = markdown.find('`', at + 1)) {
        std::size_t backslashes = 0;
        while (backslashes < at && markdown[at - 1 - backslashes] == '\\')
            ++backslashes;
        BOOST_TEST(backslashes % 2 == 1u, "unescaped backtick at byte " + std::to_string(at));
    }
}

std::string severity_title(const std::string& severity) {
    std::string title = severity;
    title[0] = static_cast<char>(title[0] - 'a' + 'A');
    return title;
}

}  // namespace

// ================================================================================================

BOOST_AUTO_TEST_SUITE(csv_parser)

BOOST_AUTO_TEST_CASE(reads_quoted_fields_doubled_quotes_and_embedded_line_ends) {
    const std::string sample =
        "a,\"b,c\",\"d\"\"e\",\"f\r\ng\"\r\n"
        ",\"\",x,\"\"\"\"\r\n"
        "'=1, ,\"\n\",last";  // a bare LF inside quotes is data; the last record has no CRLF
    const Rows rows = parse_csv(sample);
    BOOST_REQUIRE_EQUAL(rows.size(), 3u);
    BOOST_TEST(joined(rows[0]) == joined({"a", "b,c", "d\"e", "f\r\ng"}));
    BOOST_TEST(joined(rows[1]) == joined({"", "", "x", "\""}));
    BOOST_TEST(joined(rows[2]) == joined({"'=1", " ", "\n", "last"}));
    BOOST_TEST(parse_csv("x\r\n").size() == 1u);
    BOOST_TEST(parse_csv("").empty());
}

BOOST_AUTO_TEST_CASE(refuses_malformed_csv) {
    const std::vector<std::string> malformed{
        "a,b\"c\r\n",          // a quote inside an unquoted field
        "\"abc\"d,e\r\n",      // text after the closing quote
        "\"unterminated\r\n",  // no closing quote
        "a,b\nc,d\n",          // LF line ends
        "a,b\rc,d\r\n",        // a bare CR
        "a,b\r\nc\r\n",        // a record with fewer fields
        "\"a\"\"\r\n",         // a doubled quote, then no closing quote
    };
    for (const std::string& text : malformed)
        BOOST_CHECK_THROW(parse_csv(text), std::runtime_error);
    BOOST_TEST(crlf_only("a\r\nb\r\n"));
    BOOST_TEST(!crlf_only("a\r\nb\n"));
    BOOST_TEST(!crlf_only("a\r\nb"));
}

BOOST_AUTO_TEST_SUITE_END()

// ================================================================================================

BOOST_AUTO_TEST_SUITE(csv_export)

BOOST_AUTO_TEST_CASE(findings_round_trip_field_by_field_against_the_json_export) {
    ReportMachine m;
    const std::string csv = m.export_as("csv");
    BOOST_TEST(!csv.starts_with("\xEF\xBB\xBF"), "no byte order mark by default");
    BOOST_TEST(crlf_only(csv));
    BOOST_TEST(csv.find(ReportMachine::kToken) == std::string::npos);
    BOOST_TEST(m.export_as("csv", {"--what", "findings"}) == csv);  // findings is the default

    const Rows rows = data_rows(csv, kFindingHeader);
    BOOST_TEST(rows.size() == static_cast<std::size_t>(PlantedFacts::kFindings));
    const rapidjson::Document json = parse_json(m.export_as("json"));
    check_same_rows(rows, expected_findings(json), kFindingHeader);

    // The markup name with its quotes survives exactly; the suppressed finding says so and why.
    int markup = 0, suppressed = 0;
    for (const Row& r : rows) {
        if (r[1] == "MCP-003") {
            ++markup;
            BOOST_TEST(r[8].find(std::string("\"") + ReportMachine::kMarkupName + "\"") !=
                           std::string::npos,
                       r[8]);
        }
        if (r[10] == "true") {
            ++suppressed;
            BOOST_TEST(r[1] == "PERM-006");
            BOOST_TEST(!r[11].empty());
        } else {
            BOOST_TEST(r[10] == "false");
            BOOST_TEST(r[11].empty());
        }
    }
    BOOST_TEST(markup == 1);
    BOOST_TEST(suppressed == PlantedFacts::kSuppressed);
}

BOOST_AUTO_TEST_CASE(inventory_rows_match_the_json_items) {
    ReportMachine m;
    const std::string csv = m.export_as("csv", {"--what", "inventory"});
    BOOST_TEST(crlf_only(csv));
    BOOST_TEST(csv.find(ReportMachine::kToken) == std::string::npos);
    const Rows rows = data_rows(csv, kItemHeader);
    const rapidjson::Document json = parse_json(m.export_as("json"));
    BOOST_TEST(rows.size() == json["items"].Size());
    check_same_rows(rows, expected_items(json), kItemHeader);
    int servers = 0;
    for (const Row& r : rows) {
        if (r[0] != "mcp_server") continue;
        ++servers;
        rapidjson::Document details;  // compact JSON that parses to an object
        details.Parse(r[9].c_str());
        BOOST_TEST(!details.HasParseError());
        BOOST_TEST(details.IsObject());
        BOOST_TEST(r[9].find('\n') == std::string::npos);
    }
    BOOST_TEST(servers == PlantedFacts::kServers);
    BOOST_TEST(std::count_if(rows.begin(), rows.end(),
                             [](const Row& r) { return r[3] == ReportMachine::kMarkupName; }) == 1);
}

BOOST_AUTO_TEST_CASE(files_rows_match_the_json_files) {
    ReportMachine m;
    const std::string csv = m.export_as("csv", {"--what", "files"});
    BOOST_TEST(crlf_only(csv));
    const Rows rows = data_rows(csv, kFileHeader);
    const rapidjson::Document json = parse_json(m.export_as("json"));
    BOOST_REQUIRE_EQUAL(rows.size(), json["files"].Size());
    // Same order as the JSON export: the scan's order.
    bool broken_seen = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        const rapidjson::Value& f = json["files"][static_cast<rapidjson::SizeType>(i)];
        const bool exists = f["exists"].GetBool();
        const Row expected{str(f["plugin"]),
                           str(f["category"]),
                           str(f["scope"]),
                           str(f["format"]),
                           str(f["path"]),
                           str(f["display_path"]),
                           exists ? "true" : "false",
                           exists ? std::to_string(f["size"].GetUint64()) : "",
                           r[8],  // checked below
                           str(f["modified_time"]),
                           str(f["sha256"]),
                           str(f["parse_error"]),
                           str(f["error"])};
        BOOST_TEST(joined(r) == joined(expected));
        if (exists) {  // four octal digits
            BOOST_TEST(r[8].size() == 4u, r[8]);
            BOOST_TEST(r[8].find_first_not_of("01234567") == std::string::npos, r[8]);
            BOOST_TEST(std::stoul(r[8], nullptr, 8) == f["mode"].GetUint(), r[8]);
        } else {
            BOOST_TEST(r[8].empty());
        }
        if (r[5] == PlantedFacts::kBroken) {
            broken_seen = true;
            BOOST_TEST(r[11].find("line 5") != std::string::npos, r[11]);
        }
    }
    BOOST_TEST(broken_seen);
}

BOOST_AUTO_TEST_CASE(bom_adds_only_a_byte_order_mark) {
    ReportMachine m;
    const std::string plain = m.export_as("csv");
    const std::string with_bom = m.export_as("csv", {"--option", "bom=true"});
    BOOST_TEST(with_bom == "\xEF\xBB\xBF" + plain);
    BOOST_TEST(m.export_as("csv", {"--option", "bom=false"}) == plain);
}

BOOST_AUTO_TEST_CASE(hostile_names_round_trip_and_excel_safe_guards_formulas) {
    HostileMachine m;
    const Rows rows = data_rows(m.export_as("csv", {"--what", "inventory"}), kItemHeader);
    const rapidjson::Document json = parse_json(m.export_as("json"));
    check_same_rows(rows, expected_items(json), kItemHeader);
    std::vector<std::string> names;
    for (const Row& r : rows)
        names.push_back(r[3]);
    std::vector<std::string> planted;
    for (const std::string& name : HostileMachine::kNames)
        planted.push_back(visible(name));
    std::sort(names.begin(), names.end());
    std::sort(planted.begin(), planted.end());
    // CRLF, LF, tab, quotes, commas: all exact; a lone CR shown as \x0d.
    BOOST_TEST(joined(names) == joined(planted));
    BOOST_TEST((std::find(names.begin(), names.end(), "\\x0dcarriage") != names.end()));

    // Findings whose messages carry those names round-trip too.
    const Rows findings = data_rows(m.export_as("csv"), kFindingHeader);
    BOOST_TEST(findings.size() == HostileMachine::kNames.size() + 1);  // EDGE-001 each, EDGE-002
    check_same_rows(findings, expected_findings(json), kFindingHeader);

    // excel-safe: no field starts like a formula; strip the apostrophe and it is the plain value.
    const Rows safe = data_rows(
        m.export_as("csv", {"--what", "inventory", "--option", "excel-safe=true"}), kItemHeader);
    BOOST_REQUIRE_EQUAL(safe.size(), rows.size());
    int guarded = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < kItemHeader.size(); ++c) {
            const std::string& value = safe[r][c];
            BOOST_TEST((value.empty() ||
                        std::string_view("=+-@\t\r").find(value[0]) == std::string_view::npos),
                       "column " + kItemHeader[c] + ": " + value);
            const std::string& plain = rows[r][c];
            if (!plain.empty() &&
                std::string_view("=+-@\t\r").find(plain[0]) != std::string::npos) {
                ++guarded;
                BOOST_TEST(value == "'" + plain);
            } else {
                BOOST_TEST(value == plain);
            }
        }
    }
    // =, +, -, @ and tab; a leading CR is shown as \x0d, which no spreadsheet reads as a formula.
    BOOST_TEST(guarded == 5);
}

BOOST_AUTO_TEST_CASE(bad_options_are_refused_and_nothing_is_written) {
    ReportMachine m;
    for (const std::string option : {"excel-safe=yes", "bom=1", "excel_safe=true"}) {
        const ProcessResult r = m.confscope({"export", "--format", "csv", "--option", option});
        BOOST_TEST(r.exit_code == 2, option);  // the user's mistake: a usage error
        BOOST_TEST(r.out.empty(), option);
        BOOST_TEST(r.err.find(option.substr(0, option.find('='))) != std::string::npos, r.err);
    }
}

BOOST_AUTO_TEST_SUITE_END()

// ================================================================================================

BOOST_AUTO_TEST_SUITE(markdown_export)

BOOST_AUTO_TEST_CASE(sections_counts_and_findings_by_severity) {
    ReportMachine m;
    const std::string md = m.export_as("markdown");
    BOOST_TEST(md.find(ReportMachine::kToken) == std::string::npos);
    BOOST_TEST(md.starts_with("# Confscope report: "));
    for (const char* heading :
         {"## Summary", "## Findings", "### Critical (2)", "### High (1)", "### Medium (2)",
          "### Low (2)", "## Suppressed (1)", "## Files that could not be parsed or read (1)",
          "### MCP servers (2)", "## Rules"})
        BOOST_TEST(md.find("\n" + std::string(heading) + "\n") != std::string::npos, heading);
    const rapidjson::Document json = parse_json(m.export_as("json"));
    BOOST_TEST(md.find("\n## Inventory (" + std::to_string(json["items"].Size()) + " items)\n") !=
               std::string::npos);
    BOOST_TEST(md.find("INCOMPLETE") == std::string::npos);
    BOOST_TEST(md.find(" · complete") != std::string::npos);
    BOOST_TEST(md.find("**confscope** ") != std::string::npos);

    // The counts table: open + suppressed per severity is what was planted.
    const std::map<std::string, int> planted{{"Critical", PlantedFacts::kCritical},
                                             {"High", PlantedFacts::kHigh},
                                             {"Medium", PlantedFacts::kMedium},
                                             {"Low", PlantedFacts::kLow},
                                             {"Info", 0}};
    std::map<std::string, int> counted;
    int suppressed = 0;
    for (const std::string& row : table_rows(section(md, "## Summary"))) {
        const std::vector<std::string> c = cells(row);
        BOOST_REQUIRE_EQUAL(c.size(), 3u);
        if (c[0] == "**Total**") {
            BOOST_TEST(c[1] ==
                       "**" + std::to_string(PlantedFacts::kFindings - PlantedFacts::kSuppressed) +
                           "**");
            BOOST_TEST(c[2] == "**" + std::to_string(PlantedFacts::kSuppressed) + "**");
            continue;
        }
        counted[c[0]] = std::stoi(c[1]) + std::stoi(c[2]);
        suppressed += std::stoi(c[2]);
    }
    BOOST_TEST((counted == planted));
    BOOST_TEST(suppressed == PlantedFacts::kSuppressed);

    // Each open finding is a row of its severity's table; the suppressed one only in Suppressed.
    std::map<std::string, int> rows_expected;
    for (const auto& f : json["findings"].GetArray()) {
        const std::string rule = str(f["rule_id"]);
        const std::string title = severity_title(str(f["severity"]));
        const std::string sev = section(md, "### " + title + " (");
        const std::string hidden = section(md, "## Suppressed");
        if (f["suppressed"].GetBool()) {
            BOOST_TEST(sev.find("| " + rule + " |") == std::string::npos, rule);
            BOOST_TEST(hidden.find("| " + rule + " |") != std::string::npos, rule);
            BOOST_TEST(hidden.find("<details>") != std::string::npos);
            continue;
        }
        ++rows_expected[title];
        BOOST_TEST(sev.find("| " + rule + " | ") != std::string::npos, rule + " in " + title);
        BOOST_TEST(hidden.find("| " + rule + " |") == std::string::npos, rule);
    }
    for (const auto& [title, n] : rows_expected) {
        const std::vector<std::string> rows = table_rows(section(md, "### " + title + " ("));
        BOOST_TEST(rows.size() == static_cast<std::size_t>(n), title);
        for (const std::string& row : rows)
            BOOST_TEST(cells(row).size() == 3u, row);
    }
    // Most severe first.
    BOOST_TEST(md.find("### Critical") < md.find("### High"));
    BOOST_TEST(md.find("### High") < md.find("### Medium"));
    BOOST_TEST(md.find("### Medium") < md.find("### Low"));

    const std::string broken = section(md, "## Files that could not be parsed");
    BOOST_TEST(broken.find(PlantedFacts::kBroken) != std::string::npos);
    BOOST_TEST(broken.find("line 5") != std::string::npos);
    BOOST_TEST(table_rows(section(md, "### MCP servers")).size() ==
               static_cast<std::size_t>(PlantedFacts::kServers));
    BOOST_TEST(section(md, "### MCP servers").find("http://mcp.example.com/x") !=
               std::string::npos);
    BOOST_TEST(section(md, "### MCP servers").find("npx -y ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(markup_is_escaped_tables_keep_their_shape_and_output_is_deterministic) {
    ReportMachine m;
    const std::string md = m.export_as("markdown");
    BOOST_TEST(md.find("<b>") == std::string::npos);
    BOOST_TEST(md.find(ReportMachine::kMarkupName) == std::string::npos);
    const std::string escaped = "remote &lt;b&gt;&amp;\"quoted\"";
    BOOST_TEST(section(md, "### High (").find(escaped) != std::string::npos);
    BOOST_TEST(section(md, "### MCP servers").find("| " + escaped + " |") != std::string::npos);
    check_table_shapes(md);
    check_html_is_only_ours(md);
    BOOST_TEST(m.export_as("markdown") == md);
}

BOOST_AUTO_TEST_CASE(hostile_names_and_an_incomplete_scan) {
    HostileMachine m;
    const std::string md = m.export_as("markdown");
    // The failed plugin is named in a visible warning.
    BOOST_TEST(md.find("**INCOMPLETE**") != std::string::npos);
    const std::size_t warning = md.find("\n> **Warning: this scan is incomplete.**");
    BOOST_REQUIRE(warning != std::string::npos);
    const std::string warning_line = md.substr(warning + 1, md.find('\n', warning + 1) - warning);
    BOOST_TEST(warning_line.find("**throws**") != std::string::npos, warning_line);
    BOOST_TEST(warning_line.find("boom while reading") != std::string::npos, warning_line);

    check_table_shapes(md);
    check_html_is_only_ours(md);
    const std::vector<std::string> servers = table_rows(section(md, "### MCP servers"));
    BOOST_TEST(servers.size() == HostileMachine::kNames.size());
    for (const std::string& row : servers)
        BOOST_TEST(cells(row).size() == 6u, row);
    BOOST_TEST(md.find("line one<br>line two, \"quoted\"") != std::string::npos);
    BOOST_TEST(md.find(R"(pipe \| back\`tick \*star\* \_u\_ \[l\](x) \~s\~ \$m\$ \\ \#h )"
                       "&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    BOOST_TEST(md.find("@<!-- -->SUM(A1)") != std::string::npos);  // no @mention

    // Findings whose messages carry the names: one row each, linked to the rule's help.
    const std::vector<std::string> high = table_rows(section(md, "### High ("));
    BOOST_TEST(high.size() == HostileMachine::kNames.size());
    for (const std::string& row : high) {
        BOOST_TEST(cells(row).size() == 3u, row);
        BOOST_TEST(row.starts_with(std::string("| ") + HostileMachine::kHelpLink + " | "), row);
    }
    BOOST_TEST(section(md, "## Rules").find(HostileMachine::kHelpLink) != std::string::npos);
    BOOST_TEST(section(md, "### Info (").find("| EDGE-002 | ") != std::string::npos);
    BOOST_TEST(md.find("javascript") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(max_rows_bounds_every_table) {
    HostileMachine m;
    const std::string md = m.export_as("markdown", {"--option", "max-rows=3"});
    const std::string servers = section(md, "### MCP servers");
    BOOST_TEST(table_rows(servers).size() == 3u);
    BOOST_TEST(servers.find("\n… and " + std::to_string(HostileMachine::kNames.size() - 3) +
                            " more MCP servers.\n") != std::string::npos,
               servers);
    const std::string high = section(md, "### High (");
    BOOST_TEST(table_rows(high).size() == 3u);
    BOOST_TEST(high.find("\n… and " + std::to_string(HostileMachine::kNames.size() - 3) +
                         " more high findings.\n") != std::string::npos,
               high);
    check_table_shapes(md);
    // 0 lifts the limit; the default (200) holds these eight.
    BOOST_TEST(m.export_as("markdown", {"--option", "max-rows=0"}) == m.export_as("markdown"));
    BOOST_TEST(m.export_as("markdown").find("more MCP servers") == std::string::npos);

    ReportMachine planted;
    const std::string low =
        section(planted.export_as("markdown", {"--option", "max-rows=1"}), "### Low (");
    BOOST_TEST(table_rows(low).size() == 1u);
    BOOST_TEST(low.find("… and 1 more low finding.") != std::string::npos, low);

    for (const std::string option : {"max-rows=-1", "max-rows=ten", "max_rows=5"}) {
        const ProcessResult r = m.run({"--format", "markdown", "--option", option});
        BOOST_TEST(r.exit_code != 0, option);
        BOOST_TEST(r.out.empty(), option);
    }
}

BOOST_AUTO_TEST_SUITE_END()
