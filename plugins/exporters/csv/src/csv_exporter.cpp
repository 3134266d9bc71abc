// The CSV exporter: one table of the scan as RFC 4180 CSV — findings (the default), inventory items
// or locations (`--what`). A header row, CRLF line ends, fields quoted only when they must be,
// UTF-8 without a byte order mark. The column order is part of the format (README.md): new columns
// are appended, never inserted.
//
// Options (--option KEY=VALUE):
//   bom=true|false         prefix a UTF-8 byte order mark, for Excel (default false)
//   excel-safe=true|false  prefix an apostrophe to fields that a spreadsheet would read as a
//                          formula (default false: the output is data for programs, and the guard
//                          changes values)
#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <confscope/exporters/report_text.hpp>
#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

const std::vector<std::string_view> kFindingColumns{
    "severity", "rule_id", "rule_title", "plugin",      "file",       "line",
    "column",   "pointer", "message",    "fingerprint", "suppressed", "suppression"};

const std::vector<std::string_view> kItemColumns{"kind", "client", "scope",   "name",   "file",
                                                 "line", "column", "pointer", "plugin", "details"};

const std::vector<std::string_view> kFileColumns{
    "plugin", "category", "scope",         "format", "path",        "display_path", "exists",
    "size",   "mode",     "modified_time", "sha256", "parse_error", "error"};

struct Options {
    bool bom = false;
    bool excel_safe = false;
};

bool boolean_option(const sdk::ExportScan& scan, std::string_view key) {
    const std::string_view value = scan.option(key, "false");
    if (value == "true") return true;
    if (value == "false") return false;
    throw std::invalid_argument("--option " + std::string(key) + "=" + std::string(value) +
                                ": use true or false");
}

Options read_options(const sdk::ExportScan& scan) {
    // An unknown key is refused rather than ignored: a mistyped excel-safe would otherwise
    // silently leave the guard off.
    const confscope_export_input_v1& raw = scan.raw();
    for (std::size_t i = 0; i < raw.option_count; ++i) {
        const std::string_view key =
            raw.option_keys[i] != nullptr ? raw.option_keys[i] : std::string_view();
        if (key != "what" && key != "bom" && key != "excel-safe") {
            throw std::invalid_argument("--option " + std::string(key) +
                                        ": the csv format has the options bom and excel-safe");
        }
    }
    return {.bom = boolean_option(scan, "bom"), .excel_safe = boolean_option(scan, "excel-safe")};
}

/// Writes rows of fields as RFC 4180 records.
class Table {
  public:
    explicit Table(bool excel_safe) : excel_safe_(excel_safe) {}

    void header(const std::vector<std::string_view>& columns) {
        for (const std::string_view column : columns)
            raw_field(column);
        end_row();
    }

    /// One data field: control characters made visible (a cell shown in a terminal cannot
    /// drive it), guarded against formula injection when asked, then quoted if needed.
    void field(std::string_view raw) {
        const std::string value = confscope::exporters::visible_controls(raw);
        if (excel_safe_ && !value.empty() && starts_a_formula(value.front())) {
            raw_field("'" + value);
        } else {
            raw_field(value);
        }
    }
    void field(bool value) { field(value ? std::string_view("true") : std::string_view("false")); }
    /// A position: empty when unknown (0).
    void position(std::uint32_t n) { field(n == 0 ? std::string() : std::to_string(n)); }
    void number(std::uint64_t n) { field(std::to_string(n)); }

    void end_row() {
        text_ += "\r\n";
        first_ = true;
    }

    [[nodiscard]] const std::string& text() const { return text_; }

  private:
    // The characters Excel, LibreOffice and Google Sheets read as the start of a formula (tab and
    // carriage return because some of them strip leading whitespace first).
    static bool starts_a_formula(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    void raw_field(std::string_view value) {
        if (!first_) text_ += ',';
        first_ = false;
        if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
            text_ += value;
            return;
        }
        text_ += '"';
        for (const char c : value) {
            if (c == '"') text_ += '"';
            text_ += c;
        }
        text_ += '"';
    }

    bool excel_safe_;
    bool first_ = true;
    std::string text_;
};

/// Item details as compact JSON, whatever the spacing it was stored with. A malformed value (never
/// written by confscope) is written as it is.
std::string compact_json(std::string_view json) {
    if (json.empty()) return {};
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError()) return std::string(json);
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    doc.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

/// POSIX permission bits as four octal digits ("0644").
std::string octal_mode(std::uint32_t mode) {
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%04o", static_cast<unsigned>(mode & 07777U));
    return text.data();
}

void write_findings(const sdk::ExportScan& scan, Table& t) {
    t.header(kFindingColumns);
    for (const sdk::ExportFinding& f : scan.findings()) {
        const sdk::ExportRule* rule = scan.rule(f.rule_id);
        t.field(sdk::to_string(f.severity));
        t.field(f.rule_id);
        t.field(rule != nullptr ? rule->title : std::string_view());
        t.field(f.plugin);
        t.field(f.display_path);
        t.position(f.line);
        t.position(f.column);
        t.field(f.pointer);
        t.field(f.message);
        t.field(f.fingerprint);
        t.field(f.suppressed);
        t.field(f.suppression);
        t.end_row();
    }
}

void write_items(const sdk::ExportScan& scan, Table& t) {
    t.header(kItemColumns);
    for (const sdk::ExportItem& i : scan.items()) {
        t.field(i.kind);
        t.field(i.client);
        t.field(sdk::to_string(i.scope));
        t.field(i.name);
        t.field(i.display_path);
        t.position(i.line);
        t.position(i.column);
        t.field(i.pointer);
        t.field(i.plugin);
        t.field(compact_json(i.data_json));
        t.end_row();
    }
}

void write_files(const sdk::ExportScan& scan, Table& t) {
    t.header(kFileColumns);
    for (const sdk::ExportFile& f : scan.files()) {
        t.field(f.plugin);
        t.field(f.category);
        t.field(sdk::to_string(f.scope));
        t.field(sdk::to_string(f.format));
        t.field(f.path);
        t.field(f.display_path);
        t.field(f.exists);
        // Size and mode of a location that does not exist are unknown, not zero.
        t.field(f.exists ? std::to_string(f.size) : std::string());
        t.field(f.exists ? octal_mode(f.mode) : std::string());
        t.field(f.modified_time);
        t.field(f.sha256);
        t.field(f.parse_error);
        t.field(f.error);
        t.end_row();
    }
}

}  // namespace

class CsvExporter {
  public:
    static sdk::PluginInfo info() {
        return {.summary =
                    "One row per finding (or inventory item, or file) as RFC 4180 CSV; "
                    "--option excel-safe=true guards spreadsheets against formulas (off by "
                    "default), bom=true adds a UTF-8 BOM",
                .license = "Apache-2.0",
                .contact = "https://github.com/confscope/confscope",
                .family = "csv",
                .config_schema = ""};
    }

    void export_scan(const sdk::ExportScan& scan, sdk::Writer& out) {
        const Options options = read_options(scan);
        Table table(options.excel_safe);
        const std::string_view what = scan.what();
        if (what == "findings") {
            write_findings(scan, table);
        } else if (what == "inventory") {
            write_items(scan, table);
        } else if (what == "files") {
            write_files(scan, table);
        } else {
            throw std::invalid_argument("--what " + std::string(what) +
                                        ": the csv format writes findings, inventory or files");
        }
        if (options.bom) out.write(kBom);
        out.write(table.text());
    }
};

CONFSCOPE_PLUGIN(CsvExporter)
