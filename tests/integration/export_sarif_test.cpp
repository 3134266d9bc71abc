// The SARIF exporter through `confscope export` and `scan --format sarif`: every document the
// tests write is validated against the official SARIF 2.1.0 schema (and the members the schema
// gives a "format", which RapidJSON does not check, by the checks below), then read for what
// GitHub code scanning requires, where each result points, suppressions, and determinism.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export_support.hpp"

using namespace confscope::test;

namespace {

using Json = rapidjson::Value;

std::string str(const Json& v) {
    return json_string(v);
}

/// A read-only view of a value of the exported log. A missing member or index reads as null (where
/// RapidJSON's operator[] asserts), so a wrong document fails a check instead of the program.
class View {
  public:
    View(const Json& value) : value_(&value) {}  // implicit: any value of the log is a view

    View operator[](const char* name) const {
        if (value_->IsObject())
            if (const auto m = value_->FindMember(name); m != value_->MemberEnd()) return m->value;
        return null();
    }
    View operator[](unsigned index) const {
        if (value_->IsArray() && index < value_->Size()) return (*value_)[index];
        return null();
    }
    [[nodiscard]] bool has(const char* name) const {
        return value_->IsObject() && value_->HasMember(name);
    }
    [[nodiscard]] std::string text() const { return str(*value_); }
    [[nodiscard]] unsigned number() const { return value_->IsUint() ? value_->GetUint() : 0u; }
    [[nodiscard]] bool flag() const { return value_->IsBool() && value_->GetBool(); }
    [[nodiscard]] unsigned size() const { return value_->IsArray() ? value_->Size() : 0u; }
    [[nodiscard]] std::vector<View> items() const {
        std::vector<View> out;
        for (unsigned i = 0; i < size(); ++i)
            out.emplace_back((*value_)[i]);
        return out;
    }
    /// A non-empty string member.
    [[nodiscard]] bool has_text(const char* name) const { return !(*this)[name].text().empty(); }

  private:
    static const Json& null() {
        static const Json value;
        return value;
    }
    const Json* value_;
};

// ---- the official schema --------------------------------------------------------------------

// The schema document and what RapidJSON built from it, loaded once. RapidJSON 1.1.0 implements
// JSON Schema draft-04, which is what this copy of the SARIF schema declares ("$schema":
// draft-04; the OASIS errata schema). Every keyword it uses works (type, enum, required,
// additionalProperties, $ref to #/definitions, anyOf/oneOf, minimum, minItems, uniqueItems,
// pattern) except "format": RapidJSON ignores it, so a "uri" with a space in it would pass.
// format_errors() checks those members instead of leaving them unchecked.
struct SarifSchema {
    rapidjson::Document document;
    std::unique_ptr<rapidjson::SchemaDocument> schema;
    std::map<std::string, std::string> formats;  ///< member name → the format the schema gives
};

void collect_formats(const Json& node, std::map<std::string, std::string>& formats) {
    if (node.IsArray()) {
        for (const Json& v : node.GetArray())
            collect_formats(v, formats);
        return;
    }
    if (!node.IsObject()) return;
    if (node.HasMember("properties") && node["properties"].IsObject()) {
        for (const auto& p : node["properties"].GetObject())
            if (p.value.IsObject() && p.value.HasMember("format") && p.value["format"].IsString())
                formats[p.name.GetString()] = p.value["format"].GetString();
    }
    for (const auto& m : node.GetObject())
        collect_formats(m.value, formats);
}

const SarifSchema* sarif_schema() {
    static const std::unique_ptr<SarifSchema> loaded = []() -> std::unique_ptr<SarifSchema> {
        const std::optional<fs::path> path = sarif_schema_path();
        if (!path || !fs::exists(*path)) return nullptr;
        auto s = std::make_unique<SarifSchema>();
        const std::string text = read_file(*path);
        s->document.Parse(text.c_str(), text.size());
        if (s->document.HasParseError()) {
            BOOST_ERROR("the SARIF schema " << path->string() << " does not parse");
            return nullptr;
        }
        s->schema = std::make_unique<rapidjson::SchemaDocument>(s->document);
        collect_formats(s->document, s->formats);
        return s;
    }();
    return loaded.get();
}

// Without the schema file the format checks still run, on the members this exporter writes.
std::map<std::string, std::string> formats_to_check() {
    if (const SarifSchema* s = sarif_schema()) return s->formats;
    return {{"$schema", "uri"},        {"uri", "uri-reference"},      {"helpUri", "uri"},
            {"informationUri", "uri"}, {"startTimeUtc", "date-time"}, {"endTimeUtc", "date-time"}};
}

// Where the document breaks the schema, or "" when it is valid (or no schema is at hand).
std::string schema_error(const rapidjson::Document& doc) {
    const SarifSchema* s = sarif_schema();
    if (s == nullptr) return {};
    rapidjson::SchemaValidator validator(*s->schema);
    if (doc.Accept(validator)) return {};
    rapidjson::StringBuffer schema_at, doc_at;
    validator.GetInvalidSchemaPointer().StringifyUriFragment(schema_at);
    validator.GetInvalidDocumentPointer().StringifyUriFragment(doc_at);
    return std::string("at ") + doc_at.GetString() + ": keyword '" +
           validator.GetInvalidSchemaKeyword() + "' of " + schema_at.GetString();
}

// ---- the formats RapidJSON does not check (RFC 3986 URIs, RFC 3339 date-time) ------------------

bool uri_character(unsigned char c) {
    return std::isalnum(c) != 0 ||
           std::string_view("-._~:/?#[]@!$&'()*+,;=").find(static_cast<char>(c)) !=
               std::string_view::npos;
}

bool uri_reference(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '%') {
            if (i + 2 >= text.size() ||
                std::isxdigit(static_cast<unsigned char>(text[i + 1])) == 0 ||
                std::isxdigit(static_cast<unsigned char>(text[i + 2])) == 0)
                return false;
            i += 2;
        } else if (!uri_character(c)) {
            return false;
        }
    }
    return true;
}

bool absolute_uri(const std::string& text) {
    static const std::regex scheme("^[A-Za-z][A-Za-z0-9+.-]*:.+");
    return uri_reference(text) && std::regex_match(text, scheme);
}

bool date_time(const std::string& text) {
    static const std::regex rfc3339(
        R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)");
    return std::regex_match(text, rfc3339);
}

bool conforms(const std::string& format, const std::string& value) {
    if (format == "uri") return absolute_uri(value);
    if (format == "uri-reference") return uri_reference(value);
    if (format == "date-time") return date_time(value);
    return true;  // the SARIF schema uses no other format
}

void format_errors(const Json& node, const std::map<std::string, std::string>& formats,
                   const std::string& at, std::vector<std::string>& errors) {
    if (node.IsArray()) {
        for (rapidjson::SizeType i = 0; i < node.Size(); ++i)
            format_errors(node[i], formats, at + "/" + std::to_string(i), errors);
        return;
    }
    if (!node.IsObject()) return;
    for (const auto& m : node.GetObject()) {
        const std::string name = m.name.GetString();
        std::string where = at;
        where.append("/").append(name);
        const auto format = formats.find(name);
        if (format != formats.end() && m.value.IsString() &&
            !conforms(format->second, m.value.GetString())) {
            std::string error = where;
            error.append(" is not a ").append(format->second).append(": ");
            errors.push_back(error.append(m.value.GetString()));
        }
        format_errors(m.value, formats, where, errors);
    }
}

std::vector<std::string> format_errors(const Json& doc) {
    std::vector<std::string> errors;
    format_errors(doc, formats_to_check(), "", errors);
    return errors;
}

// Every SARIF document the tests read goes through here.
rapidjson::Document valid_sarif(const std::string& text, const std::string& what) {
    rapidjson::Document doc = parse_json(text);
    if (sarif_schema() == nullptr) {
        BOOST_TEST_MESSAGE(
            "no copy of the SARIF 2.1.0 schema found (CONFSCOPE_SARIF_SCHEMA or "
            "shared/schemas/sarif-2.1.0.json): schema check of "
            << what << " skipped");
    }
    const std::string error = schema_error(doc);
    BOOST_TEST(error.empty(), what << " breaks the SARIF schema " << error);
    for (const std::string& e : format_errors(doc))
        BOOST_TEST(false, what << ": " << e);
    return doc;
}

// ---- the oracle: the same scan's canonical JSON document --------------------------------------

struct Expected {
    std::map<std::string, std::string> rule_severity;     ///< rule id → default severity
    std::map<std::string, std::string> finding_severity;  ///< fingerprint → severity
    std::map<std::string, std::string> suppression;       ///< fingerprint → reason, if suppressed
};

Expected expected_from_json(const std::string& json_export) {
    const rapidjson::Document doc = parse_json(json_export);
    Expected e;
    for (const Json& r : doc["rules"].GetArray())
        e.rule_severity[str(r["id"])] = str(r["severity"]);
    for (const Json& f : doc["findings"].GetArray()) {
        e.finding_severity[str(f["fingerprint"])] = str(f["severity"]);
        if (f["suppressed"].GetBool()) e.suppression[str(f["fingerprint"])] = str(f["suppression"]);
    }
    return e;
}

std::string level_for(const std::string& severity) {
    if (severity == "critical" || severity == "high") return "error";
    if (severity == "medium") return "warning";
    return "note";
}

// GitHub's bands: above 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
bool in_band(const std::string& severity, double score) {
    if (severity == "critical") return score > 9.0 && score <= 10.0;
    if (severity == "high") return score >= 7.0 && score < 9.0;
    if (severity == "medium") return score >= 4.0 && score < 7.0;
    if (severity == "low") return score >= 0.1 && score < 4.0;
    return false;
}

// ---- reading a log ------------------------------------------------------------------------------

View run_of(const Json& doc) {
    return View(doc)["runs"][0u];
}

std::optional<View> result_of_rule(const Json& doc, const std::string& rule) {
    for (const View r : run_of(doc)["results"].items())
        if (r["ruleId"].text() == rule) return r;
    return std::nullopt;
}

View artifact_of(View result) {
    return result["locations"][0u]["physicalLocation"]["artifactLocation"];
}

View region_of(View result) {
    return result["locations"][0u]["physicalLocation"]["region"];
}

// For breaking a good document on purpose (the export's shape is checked before).
Json& first_result(rapidjson::Document& doc) {
    return doc["runs"][0u]["results"][0u];
}
Json& location_of(Json& result) {
    return result["locations"][0u]["physicalLocation"];
}

// An absolute path as a file URI, percent-encoding everything but unreserved characters and '/'.
std::string file_uri(const fs::path& path) {
    std::string uri = "file://";
    for (const char ch : path.string()) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) != 0 || std::string_view("-._~/").find(ch) != std::string_view::npos) {
            uri.push_back(ch);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            uri += escaped;
        }
    }
    return uri;
}

// The scan ReportMachine ran, to run it again.
std::vector<std::string> scan_args(const ReportMachine& m) {
    const std::string home = (m.folder() / "home").string(), sys = (m.folder() / "sys").string();
    return {"scan",   "--home",          home,       "--system-root", sys,
            "--root", m.repo().string(), "--ignore", "PERM-006"};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sarif_report)

BOOST_AUTO_TEST_CASE(the_checks_reject_broken_documents) {
    ReportMachine m;
    const std::string good = m.export_as("sarif");
    valid_sarif(good, "the export");

    // The schema check, with a deliberately broken copy per keyword kind.
    if (sarif_schema() == nullptr) {
        BOOST_TEST_MESSAGE("no SARIF schema at hand: the validator's rejections are not tested");
    } else {
        struct Breakage {
            std::string name;
            void (*apply)(rapidjson::Document&);
        };
        const std::vector<Breakage> breakages{
            {"level fatal", [](rapidjson::Document& d) { first_result(d)["level"] = "fatal"; }},
            {"version 9.9", [](rapidjson::Document& d) { d["version"] = "9.9"; }},
            {"startLine 0",
             [](rapidjson::Document& d) {
                 location_of(first_result(d))["region"]["startLine"] = 0;
             }},
            {"message without text",
             [](rapidjson::Document& d) { first_result(d)["message"].RemoveMember("text"); }},
            {"tool without a name",
             [](rapidjson::Document& d) { d["runs"][0u]["tool"]["driver"].RemoveMember("name"); }},
            {"unknown member",
             [](rapidjson::Document& d) {
                 first_result(d).AddMember("severity", "high", d.GetAllocator());
             }},
        };
        for (const Breakage& b : breakages) {
            rapidjson::Document broken = parse_json(good);
            b.apply(broken);
            BOOST_TEST(!schema_error(broken).empty(), b.name << " passed the schema");
        }
    }

    // The format checks, which run with or without the schema file.
    rapidjson::Document spaced = parse_json(good);
    location_of(first_result(spaced))["artifactLocation"]["uri"] = "app/my file.json";
    BOOST_TEST(format_errors(spaced).size() == 1u);
    rapidjson::Document no_scheme = parse_json(good);
    no_scheme["runs"][0u]["tool"]["driver"]["informationUri"] = "github.com/confscope";
    BOOST_TEST(format_errors(no_scheme).size() == 1u);
    rapidjson::Document bad_time = parse_json(good);
    bad_time["runs"][0u]["invocations"][0u]["startTimeUtc"] = "yesterday";
    BOOST_TEST(format_errors(bad_time).size() == 1u);
}

BOOST_AUTO_TEST_CASE(every_member_github_requires_is_there) {
    ReportMachine m;
    const rapidjson::Document doc = valid_sarif(m.export_as("sarif"), "the export");
    const Expected expected = expected_from_json(m.export_as("json"));

    const View log(doc);
    BOOST_TEST(log["$schema"].text() == "https://json.schemastore.org/sarif-2.1.0.json");
    BOOST_TEST(log["version"].text() == "2.1.0");
    BOOST_REQUIRE(log["runs"].size() == 1u);
    const View driver = run_of(doc)["tool"]["driver"];
    BOOST_TEST(driver["name"].text() == "confscope");
    BOOST_TEST(driver.has_text("semanticVersion"));
    BOOST_TEST(driver["informationUri"].text() == "https://github.com/confscope/confscope");

    // Rules: one per rule of the scan, each with the descriptions and help GitHub requires.
    const View rules = driver["rules"];
    BOOST_TEST(rules.size() == expected.rule_severity.size());
    std::map<std::string, unsigned> rule_index;
    for (unsigned i = 0; i < rules.size(); ++i) {
        const View rule = rules[i];
        const std::string id = rule["id"].text();
        BOOST_TEST_CONTEXT("rule " << id) {
            BOOST_TEST(!id.empty());
            BOOST_TEST(rule_index.emplace(id, i).second, "listed twice");
            BOOST_TEST(rule["shortDescription"].has_text("text"));
            BOOST_TEST(rule["fullDescription"].has_text("text"));
            BOOST_TEST(rule["help"].has_text("text"));
            BOOST_REQUIRE(expected.rule_severity.contains(id));
            const std::string severity = expected.rule_severity.at(id);
            BOOST_TEST(rule["defaultConfiguration"]["level"].text() == level_for(severity));
            const View props = rule["properties"];
            BOOST_TEST(props["tags"][0u].text() == "security");
            if (severity == "info") {
                BOOST_TEST(!props.has("security-severity"));
            } else {
                BOOST_REQUIRE(props.has_text("security-severity"));
                const double score = std::stod(props["security-severity"].text());
                BOOST_TEST(in_band(severity, score), severity << " scored " << score);
            }
        }
    }

    // Results: one per finding, each resolvable to its rule, located, fingerprinted.
    const View results = run_of(doc)["results"];
    BOOST_TEST(results.size() == static_cast<unsigned>(PlantedFacts::kFindings));
    std::map<std::string, int> by_severity, by_level;
    for (const View result : results.items()) {
        const std::string id = result["ruleId"].text();
        BOOST_TEST_CONTEXT("result of " << id) {
            BOOST_REQUIRE(rule_index.contains(id));
            BOOST_TEST(result["ruleIndex"].number() == rule_index[id]);
            BOOST_TEST(rules[result["ruleIndex"].number()]["id"].text() == id);
            BOOST_TEST(result["message"].has_text("text"));
            BOOST_TEST(artifact_of(result).has_text("uri"));
            BOOST_TEST(region_of(result)["startLine"].number() >= 1u);
            const View fingerprints = result["partialFingerprints"];
            const std::string fingerprint = fingerprints["confscope/v1"].text();
            BOOST_TEST(!fingerprint.empty());
            BOOST_TEST(fingerprints["primaryLocationLineHash"].text() == fingerprint + ":1");
            BOOST_REQUIRE(expected.finding_severity.contains(fingerprint));
            const std::string severity = expected.finding_severity.at(fingerprint);
            BOOST_TEST(result["properties"]["severity"].text() == severity);
            BOOST_TEST(result["level"].text() == level_for(severity));
            ++by_severity[severity];
            ++by_level[result["level"].text()];
        }
    }
    BOOST_TEST(by_severity["critical"] == PlantedFacts::kCritical);
    BOOST_TEST(by_severity["high"] == PlantedFacts::kHigh);
    BOOST_TEST(by_severity["medium"] == PlantedFacts::kMedium);
    BOOST_TEST(by_severity["low"] == PlantedFacts::kLow);
    BOOST_TEST(by_level["error"] == PlantedFacts::kCritical + PlantedFacts::kHigh);
    BOOST_TEST(by_level["warning"] == PlantedFacts::kMedium);
    BOOST_TEST(by_level["note"] == PlantedFacts::kLow);
}

BOOST_AUTO_TEST_CASE(results_point_into_the_repository_or_at_absolute_files) {
    ReportMachine m;
    const std::string text = m.export_as("sarif");
    const rapidjson::Document doc = valid_sarif(text, "the export");
    const Expected expected = expected_from_json(m.export_as("json"));
    const View run = run_of(doc);

    // Repository files: their path in the work tree, under %SRCROOT%, which names the work tree.
    const std::optional<View> http = result_of_rule(doc, "MCP-003");
    BOOST_REQUIRE(http.has_value());
    BOOST_TEST(artifact_of(*http)["uri"].text() == "app/.mcp.json");
    BOOST_TEST(artifact_of(*http)["uriBaseId"].text() == "%SRCROOT%");
    BOOST_TEST(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].text() == file_uri(m.repo()) + "/");

    // A home file: an absolute file URI, no base; suppressed by --ignore, so dismissed.
    const std::optional<View> deny = result_of_rule(doc, "PERM-006");
    BOOST_REQUIRE(deny.has_value());
    BOOST_TEST(artifact_of(*deny)["uri"].text() ==
               file_uri(m.folder() / "home/.claude/settings.json"));
    BOOST_TEST(!artifact_of(*deny).has("uriBaseId"));
    const std::string fingerprint = (*deny)["partialFingerprints"]["confscope/v1"].text();
    BOOST_REQUIRE(expected.suppression.contains(fingerprint));
    const View suppressions = (*deny)["suppressions"];
    BOOST_TEST(suppressions.size() == 1u);
    BOOST_TEST(suppressions[0u]["kind"].text() == "external");
    BOOST_TEST(!expected.suppression.at(fingerprint).empty());
    BOOST_TEST(suppressions[0u]["justification"].text() == expected.suppression.at(fingerprint));
    int suppressed = 0;
    for (const View r : run["results"].items())
        suppressed += r.has("suppressions") ? 1 : 0;
    BOOST_TEST(suppressed == PlantedFacts::kSuppressed);

    // The file that does not parse: a CFG-001 result at its line, and a tool notification.
    const std::optional<View> broken = result_of_rule(doc, "CFG-001");
    BOOST_REQUIRE(broken.has_value());
    BOOST_TEST(artifact_of(*broken)["uri"].text() == PlantedFacts::kBroken);
    BOOST_TEST(region_of(*broken)["startLine"].number() == 5u);
    const View invocation = run["invocations"][0u];
    BOOST_TEST(invocation["executionSuccessful"].flag());
    const View notes = invocation["toolExecutionNotifications"];
    BOOST_TEST(notes.size() == 1u);
    BOOST_TEST(notes[0u]["level"].text() == "error");
    BOOST_TEST(notes[0u]["message"]["text"].text().find("line 5") != std::string::npos);
    BOOST_TEST(artifact_of(notes[0u])["uri"].text() == PlantedFacts::kBroken);
    BOOST_TEST(region_of(notes[0u])["startLine"].number() == 5u);
    const View rule = notes[0u]["associatedRule"];
    BOOST_TEST(rule["id"].text() == "CFG-001");
    BOOST_TEST(run["tool"]["driver"]["rules"][rule["index"].number()]["id"].text() == "CFG-001");

    // The markup name survives as data (JSON escaping only, no HTML entities); no secret leaks.
    BOOST_TEST((*http)["message"]["text"].text().find(ReportMachine::kMarkupName) !=
               std::string::npos);
    BOOST_TEST(text.find(R"(remote <b>&\"quoted\")") != std::string::npos);
    BOOST_TEST(text.find("&lt;") == std::string::npos);
    BOOST_TEST(text.find(ReportMachine::kToken) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_scan_without_any_repository_exports_absolute_file_uris) {
    // Only a home folder (no file in a git work tree): no base is declared, every result points
    // at its absolute file.
    TempDir dir;
    write_file(dir / "home/.claude/settings.json",
               R"J({"permissions": {"defaultMode": "bypassPermissions"}})J");
    const std::string db = (dir / "store.db").string();
    const ProcessResult scanned =
        run_confscope({"--db", db, "scan", "--home", (dir / "home").string(), "--system-root",
                       (dir / "system").string()});
    BOOST_REQUIRE_MESSAGE(scanned.exit_code == 0, scanned.err);
    const ProcessResult exported = run_confscope({"--db", db, "export", "--format", "sarif"});
    BOOST_REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);
    const rapidjson::Document doc = valid_sarif(exported.out, "a home-only export");
    const View run = run_of(doc);
    BOOST_TEST(!run.has("originalUriBaseIds"));
    const std::optional<View> bypass = result_of_rule(doc, "PERM-001");
    BOOST_REQUIRE(bypass.has_value());
    BOOST_TEST(artifact_of(*bypass)["uri"].text() ==
               file_uri(dir.path() / "home/.claude/settings.json"));
}

BOOST_AUTO_TEST_CASE(the_same_scan_gives_the_same_bytes_from_export_and_from_scan) {
    ReportMachine m;
    const std::string first = m.export_as("sarif");
    BOOST_TEST(m.export_as("sarif") == first);
    BOOST_TEST(read_file(m.export_to_file("sarif", "report.sarif")) == first);
    BOOST_TEST(first.starts_with("{\n  \"$schema\""));  // pretty-printed, 2-space indent
    BOOST_TEST(first.ends_with("}\n"));

    // scan --format sarif writes the report of the scan it stored.
    const fs::path report = m.folder() / "ci.sarif";
    std::vector<std::string> args = scan_args(m);
    args.insert(args.end(), {"--format", "sarif", "--output", report.string()});
    const ProcessResult scanned = m.confscope(args);
    BOOST_REQUIRE_MESSAGE(scanned.exit_code == 0, scanned.err);
    const std::string from_scan = read_file(report);
    const rapidjson::Document doc = valid_sarif(from_scan, "scan --format sarif");
    BOOST_TEST(from_scan == m.export_as("sarif", {"--scan", "latest"}));
    BOOST_TEST(run_of(doc)["results"].size() == static_cast<unsigned>(PlantedFacts::kFindings));
}

BOOST_AUTO_TEST_CASE(options_leave_suppressed_findings_out_and_set_the_category) {
    ReportMachine m;
    const rapidjson::Document plain = valid_sarif(m.export_as("sarif"), "the export");
    BOOST_TEST(!run_of(plain).has("automationDetails"));  // the upload's category applies

    const std::string omitted_text = m.export_as("sarif", {"--option", "suppressed=omit"});
    const rapidjson::Document omitted = valid_sarif(omitted_text, "suppressed=omit");
    BOOST_TEST(run_of(omitted)["results"].size() ==
               static_cast<unsigned>(PlantedFacts::kFindings - PlantedFacts::kSuppressed));
    BOOST_TEST(!result_of_rule(omitted, "PERM-006").has_value());
    BOOST_TEST(omitted_text.find("\"suppressions\"") == std::string::npos);
    BOOST_TEST(omitted_text.find(ReportMachine::kToken) == std::string::npos);

    const rapidjson::Document categorized = valid_sarif(
        m.export_as("sarif", {"--option", "category=confscope/repo"}), "category=confscope/repo");
    BOOST_TEST(run_of(categorized)["automationDetails"]["id"].text() == "confscope/repo/");

    // Mistakes are refused, and nothing is written.
    struct Refusal {
        std::vector<std::string> args;
        std::string expected;
    };
    const std::vector<Refusal> refusals{
        {{"--option", "supressed=omit"}, "supressed"},
        {{"--option", "suppressed=maybe"}, "suppressed=maybe"},
        {{"--option", "category="}, "category"},
        {{"--what", "inventory"}, "findings only"},
    };
    for (const Refusal& r : refusals) {
        std::vector<std::string> args{"export", "--format", "sarif"};
        args.insert(args.end(), r.args.begin(), r.args.end());
        const ProcessResult refused = m.confscope(args);
        BOOST_TEST(refused.exit_code == 2, r.expected);
        BOOST_TEST(refused.out.empty(), r.expected);
        BOOST_TEST(refused.err.find(r.expected) != std::string::npos, refused.err);
    }
}

BOOST_AUTO_TEST_CASE(odd_names_are_percent_encoded_and_each_repository_has_its_base) {
    TempDir dir;
    const std::string db = (dir / "store.db").string();
    const std::string http_server =
        R"J({"mcpServers": {"api": {"type": "http", "url": "http://mcp.example.com/x"}}})J";
    write_file(dir / "home dir/.claude/settings.json",
               R"J({"permissions": {"deny": ["Read(./.env)"]}})J");
    // The repository is a folder below the scanned root: %SRCROOT% is the repository, not the root.
    fs::create_directories(dir / "work space/my repo/.git");
    write_file(dir / "work space/my repo/tools dir/.mcp.json", http_server);
    // On Linux a backslash is part of a name, not a separator; '#' would start a fragment.
    write_file(dir / "work space/my repo/odd\\dir #1/.mcp.json", http_server);
    fs::create_directories(dir / "sys");
    auto scan = [&] {
        const ProcessResult r = run_confscope(
            {"--db", db, "scan", "--home", (dir / "home dir").string(), "--system-root",
             (dir / "sys").string(), "--root", (dir / "work space").string()});
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const ProcessResult out = run_confscope({"--db", db, "export", "--format", "sarif"});
        BOOST_REQUIRE_MESSAGE(out.exit_code == 0, out.err);
        return out.out;
    };
    // The MCP-003 results as "<uriBaseId> <uri>", and each as the absolute URI a viewer resolves
    // from its base.
    auto http_locations = [](const Json& doc) {
        std::set<std::string> located, resolved;
        const View bases = run_of(doc)["originalUriBaseIds"];
        for (const View r : run_of(doc)["results"].items()) {
            if (r["ruleId"].text() != "MCP-003") continue;
            const std::string base = artifact_of(r)["uriBaseId"].text();
            located.insert(base + " " + artifact_of(r)["uri"].text());
            BOOST_TEST(bases.has(base.c_str()), base);
            resolved.insert(bases[base.c_str()]["uri"].text() + artifact_of(r)["uri"].text());
        }
        BOOST_TEST(resolved.size() == located.size());  // no two results read as one file
        return located;
    };
    const std::string space = file_uri(dir.path()) + "/work%20space/";

    // One repository, as in CI's `--root .`: paths relative to it under %SRCROOT%, as always.
    const rapidjson::Document one = valid_sarif(scan(), "one repository");
    BOOST_TEST(
        (http_locations(one) == std::set<std::string>{"%SRCROOT% tools%20dir/.mcp.json",
                                                      "%SRCROOT% odd%5Cdir%20%231/.mcp.json"}));
    BOOST_TEST(run_of(one)["originalUriBaseIds"]["%SRCROOT%"]["uri"].text() ==
               space + "my%20repo/");
    const std::optional<View> deny = result_of_rule(one, "PERM-006");
    BOOST_REQUIRE(deny.has_value());
    BOOST_TEST(artifact_of(*deny)["uri"].text() ==
               file_uri(dir.path()) + "/home%20dir/.claude/settings.json");
    BOOST_TEST(!artifact_of(*deny).has("uriBaseId"));

    // A repository inside it (a submodule, a vendored clone) is part of the checkout: still one
    // base, the file named by its path in the outer work tree.
    fs::create_directories(dir / "work space/my repo/vendor/lib/.git");
    write_file(dir / "work space/my repo/vendor/lib/.mcp.json", http_server);
    const rapidjson::Document nested = valid_sarif(scan(), "a nested repository");
    BOOST_TEST(
        (http_locations(nested) == std::set<std::string>{"%SRCROOT% tools%20dir/.mcp.json",
                                                         "%SRCROOT% odd%5Cdir%20%231/.mcp.json",
                                                         "%SRCROOT% vendor/lib/.mcp.json"}));
    fs::remove_all(dir / "work space/my repo/vendor");

    // Two repositories side by side under the root, both with an .mcp.json at the top: each gets
    // a base of its own, declared with its absolute URI, so the two files stay apart.
    fs::create_directories(dir / "work space/other/.git");
    write_file(dir / "work space/other/.mcp.json", http_server);
    write_file(dir / "work space/my repo/.mcp.json", http_server);
    const rapidjson::Document two = valid_sarif(scan(), "two repositories");
    BOOST_TEST(
        (http_locations(two) ==
         std::set<std::string>{"REPO:my repo .mcp.json", "REPO:my repo tools%20dir/.mcp.json",
                               "REPO:my repo odd%5Cdir%20%231/.mcp.json", "REPO:other .mcp.json"}));
    const View bases = run_of(two)["originalUriBaseIds"];
    BOOST_TEST(bases["REPO:my repo"]["uri"].text() == space + "my%20repo/");
    BOOST_TEST(bases["REPO:other"]["uri"].text() == space + "other/");
    BOOST_TEST(!bases.has("%SRCROOT%"));

    // No repository at all: absolute file URIs, no base to declare.
    fs::remove_all(dir / "work space/my repo/.git");
    fs::remove_all(dir / "work space/other/.git");
    const rapidjson::Document none = valid_sarif(scan(), "no repository");
    BOOST_TEST(!run_of(none).has("originalUriBaseIds"));
    for (const View r : run_of(none)["results"].items()) {
        BOOST_TEST(!artifact_of(r).has("uriBaseId"));
        BOOST_TEST(artifact_of(r)["uri"].text().starts_with("file:///"));
    }
}

// A scan imported from a Windows machine: drive paths, backslash separators.
BOOST_AUTO_TEST_CASE(a_scan_of_windows_gets_drive_letter_file_uris) {
    ReportMachine m;
    rapidjson::Document scan = parse_json(m.export_as("json"));
    auto& a = scan.GetAllocator();
    scan["scan"]["os_type"] = "windows";
    scan["scan"]["uuid"] = "0e4b2c1a-7d3f-4a8e-9b6c-5f1e2d3c4b5a";
    for (Json& f : scan["files"].GetArray()) {
        std::string repo_path = str(f["repo_path"]), path = str(f["path"]);
        if (!repo_path.empty()) {
            std::replace(repo_path.begin(), repo_path.end(), '/', '\\');
            path = "C:\\work\\repo\\" + repo_path;
        } else {
            path = "C:\\Users\\me too" + path.substr((m.folder() / "home").string().size());
            std::replace(path.begin(), path.end(), '/', '\\');
        }
        f["repo_path"].SetString(repo_path.c_str(), a);
        f["path"].SetString(path.c_str(), a);
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    scan.Accept(writer);
    const fs::path file = m.folder() / "windows.json";
    write_file(file, buffer.GetString());
    const std::string db = (m.folder() / "windows.db").string();
    const ProcessResult imported = run_confscope({"--db", db, "import", file.string()});
    BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
    const ProcessResult out = run_confscope({"--db", db, "export", "--format", "sarif"});
    BOOST_REQUIRE_MESSAGE(out.exit_code == 0, out.err);

    const rapidjson::Document doc = valid_sarif(out.out, "the Windows scan");
    BOOST_TEST(run_of(doc)["originalUriBaseIds"]["%SRCROOT%"]["uri"].text() ==
               "file:///C:/work/repo/");
    const std::optional<View> http = result_of_rule(doc, "MCP-003");
    BOOST_REQUIRE(http.has_value());
    BOOST_TEST(artifact_of(*http)["uri"].text() == "app/.mcp.json");
    const std::optional<View> deny = result_of_rule(doc, "PERM-006");
    BOOST_REQUIRE(deny.has_value());
    BOOST_TEST(artifact_of(*deny)["uri"].text() ==
               "file:///C:/Users/me%20too/.claude/settings.json");
}

// A plugin that throws (an incomplete scan) and custom rules whose help URIs a link must not carry
// raw, or at all (javascript:), one of them of severity info.
BOOST_AUTO_TEST_CASE(a_failed_plugin_and_odd_help_links_are_reported_faithfully) {
    TempDir dir;
    const std::string db = (dir / "store.db").string();
    fs::create_directories(dir / "repo/.git");
    write_file(dir / "repo/.mcp.json",
               R"J({"mcpServers": {"api": {"type": "http", "url": "http://mcp.example.com/x"}}})J");
    scan_with_edge_rules_and_a_failing_plugin(db, dir.path());
    const ProcessResult out = run_confscope({"--db", db, "export", "--format", "sarif"});
    BOOST_REQUIRE_MESSAGE(out.exit_code == 0, out.err);
    const rapidjson::Document doc = valid_sarif(out.out, "the incomplete scan");

    // The failed plugin: the run did not succeed, a notification says why, its results are gone.
    const View invocation = run_of(doc)["invocations"][0u];
    BOOST_TEST(!invocation["executionSuccessful"].flag());
    bool explained = false;
    for (const View n : invocation["toolExecutionNotifications"].items()) {
        const std::string message = n["message"]["text"].text();
        if (message.find("plugin throws") == std::string::npos) continue;
        explained = true;
        BOOST_TEST(n["level"].text() == "error");
        BOOST_TEST(message.find("boom while reading") != std::string::npos, message);
    }
    BOOST_TEST(explained);
    BOOST_TEST(!result_of_rule(doc, "THROW-001").has_value());
    BOOST_TEST(result_of_rule(doc, "MCP-003").has_value());  // the other plugins' results stay

    std::map<std::string, View> rules;
    for (const View r : run_of(doc)["tool"]["driver"]["rules"].items())
        rules.emplace(r["id"].text(), r);
    BOOST_REQUIRE(rules.contains("EDGE-001"));
    BOOST_REQUIRE(rules.contains("EDGE-002"));
    const View edge = rules.at("EDGE-001");
    BOOST_TEST(edge["helpUri"].text() ==
               "https://docs.example.com/rules/EDGE-001?a=1&b=(2)%7C3%20%3Cx%3E");
    BOOST_TEST(edge["help"]["text"].text().find("b=(2)|3 <x>") != std::string::npos);
    BOOST_TEST(edge["properties"]["tags"][1u].text() == "custom");
    const View info = rules.at("EDGE-002");  // info: a note, and no security severity
    BOOST_TEST(!info.has("helpUri"));
    BOOST_TEST(info["help"]["text"].text().find("javascript:alert(1)") != std::string::npos);
    BOOST_TEST(info["defaultConfiguration"]["level"].text() == "note");
    BOOST_TEST(!info["properties"].has("security-severity"));
    const std::optional<View> seen = result_of_rule(doc, "EDGE-002");
    BOOST_REQUIRE(seen.has_value());
    BOOST_TEST((*seen)["level"].text() == "note");
    BOOST_TEST((*seen)["properties"]["severity"].text() == "info");
}

BOOST_AUTO_TEST_SUITE_END()
