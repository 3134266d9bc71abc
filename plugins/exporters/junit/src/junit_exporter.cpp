// The JUnit exporter: a stored scan as a JUnit XML test report for GitLab, Jenkins and the other CI
// systems that read one (docs/CI.md, plugins/exporters/junit/README.md).
//
// <testsuites> holds one <testsuite> per family (the plugin that reported; a parse error belongs to
// the plugin of its file) and one <testcase> per rule and location. A finding that is not
// suppressed and at or above the threshold (--fail-on, default low) is a <failure>; a suppressed
// one is <skipped>; a file that does not parse (CFG-001), a file that could not be read and a
// plugin that failed are <error>s, so CI sees a scan with gaps; any other finding is a passing
// testcase. classname + name is unique across the report (GitLab keeps the first of duplicates).
// The same scan gives the same bytes.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <confscope/exporters/report_text.hpp>
#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;
namespace ex = confscope::exporters;

namespace {

constexpr std::string_view kParseErrorRule = "CFG-001";
constexpr std::size_t kFlushBytes = std::size_t{1} << 20;  // hand the host output in ~1 MiB pieces

// ---- escaping -----------------------------------------------------------------------------------

// The length of the well-formed UTF-8 sequence at text[i], or 0 when there is none there (no
// overlong forms, no surrogates, nothing above U+10FFFF: Unicode table 3-7).
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead == 0xE0) {
        length = 3;
        low = 0xA0;
    } else if (lead == 0xED) {
        length = 3;
        high = 0x9F;
    } else if (lead >= 0xE1 && lead <= 0xEF) {
        length = 3;
    } else if (lead == 0xF0) {
        length = 4;
        low = 0x90;
    } else if (lead == 0xF4) {
        length = 4;
        high = 0x8F;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
        length = 4;
    } else {
        return 0;
    }
    if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    }
    return length;
}

// `text` with every byte that does not start a well-formed sequence (and the noncharacters XML
// forbids) replaced by U+FFFD. Exporter input is UTF-8 by contract; this keeps one bad byte in a
// stored message from making the whole report unreadable.
std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        // U+FFFE and U+FFFF are well-formed UTF-8, but XML 1.0 forbids them.
        if (text.substr(i, 3) == "\xEF\xBF\xBE" || text.substr(i, 3) == "\xEF\xBF\xBF") {
            out += "\xEF\xBF\xBD";
            i += 3;
            continue;
        }
        const std::size_t length = utf8_sequence(text, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

bool ascii(std::string_view text) {
    for (const char ch : text) {
        if (static_cast<unsigned char>(ch) >= 0x80) return false;
    }
    return true;
}

// Appends `text` escaped for XML character data or (when `attribute`) an attribute value. Tab,
// newline and carriage return become character references where a parser would otherwise turn
// them into spaces (attributes) or drop them (carriage returns), so they read back unchanged.
void append_escaped(std::string& out, std::string_view text, bool attribute) {
    const std::string escaped =
        ascii(text) ? ex::xml_escape(text) : ex::xml_escape(valid_utf8(text));
    for (const char ch : escaped) {
        if (ch == '\r') {
            out += "&#13;";
        } else if (attribute && ch == '\n') {
            out += "&#10;";
        } else if (attribute && ch == '\t') {
            out += "&#9;";
        } else {
            out.push_back(ch);
        }
    }
}

void attribute(std::string& out, std::string_view name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_escaped(out, value, true);
    out += '"';
}

void attribute(std::string& out, std::string_view name, std::uint64_t value) {
    out += ' ';
    out += name;
    out += "=\"";
    out += std::to_string(value);
    out += '"';
}

void text(std::string& out, std::string_view value) {
    append_escaped(out, value, false);
}

// ---- the report's model -------------------------------------------------------------------------

enum class Outcome { passed, failure, error, skipped };

// One testcase: a finding, a file that could not be read, or a plugin that failed.
struct Case {
    Outcome outcome = Outcome::passed;
    const sdk::ExportFinding* finding = nullptr;
    const sdk::ExportFile* file = nullptr;  // the finding's file (when known) or the unread file
    const sdk::ExportPlugin* plugin = nullptr;
    std::string classname, name;
};

struct Suite {
    std::vector<Case> cases;
    std::uint64_t failures = 0, errors = 0, skipped = 0;

    void add(Case c) {
        failures += c.outcome == Outcome::failure ? 1 : 0;
        errors += c.outcome == Outcome::error ? 1 : 0;
        skipped += c.outcome == Outcome::skipped ? 1 : 0;
        cases.push_back(std::move(c));
    }
};

// Makes classname + name unique across the report: the first keeps its name, later ones get
// " #2", " #3", ... in input order (so the same scan always names them the same).
class UniqueNames {
  public:
    void claim(Case& c) {
        std::string key = c.classname + '\n' + c.name;
        if (taken_.insert(key).second) return;
        unsigned& next = next_suffix_[key];
        if (next < 2) next = 2;
        for (;; ++next) {
            std::string candidate = c.name + " #" + std::to_string(next);
            if (taken_.insert(c.classname + '\n' + candidate).second) {
                c.name = std::move(candidate);
                ++next;
                return;
            }
        }
    }

  private:
    std::unordered_set<std::string> taken_;
    std::unordered_map<std::string, unsigned> next_suffix_;
};

// "2026-11-24T04:02:31" from an RFC 3339 UTC time ("2026-11-24T04:02:31.926Z"): the xs:dateTime
// without fraction and zone that the Ant JUnit schema expects; "" when the time has another shape.
std::string junit_timestamp(std::string_view rfc3339) {
    constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
    if (rfc3339.size() < kShape.size()) return {};
    for (std::size_t i = 0; i < kShape.size(); ++i) {
        const char c = rfc3339[i];
        if (kShape[i] == 'd' ? (c < '0' || c > '9') : c != kShape[i]) return {};
    }
    return std::string(rfc3339.substr(0, kShape.size()));
}

class Report {
  public:
    explicit Report(const sdk::ExportScan& scan) : scan_(scan) {
        for (const sdk::ExportRule& r : scan.rules())
            rules_.emplace(r.id, &r);
        // Every plugin that took part has its suite, even without testcases: the report shows
        // which families were checked.
        for (const sdk::ExportPlugin& p : scan.plugins())
            suites_[p.name];
        for (const sdk::ExportPlugin& p : scan.plugins()) {
            if (p.failed) add_failed_plugin(p);
        }
        for (const sdk::ExportFile& f : scan.files()) {
            if (!f.error.empty()) add_unread_file(f);
        }
        for (const sdk::ExportFinding& f : scan.findings())
            add_finding(f);
    }

    void write(sdk::Writer& out) const {
        std::uint64_t tests = 0, failures = 0, errors = 0, skipped = 0;
        for (const auto& [name, suite] : suites_) {
            tests += suite.cases.size();
            failures += suite.failures;
            errors += suite.errors;
            skipped += suite.skipped;
        }
        std::string buf;
        buf.reserve(kFlushBytes + kFlushBytes / 4);
        buf += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites";
        attribute(buf, "name", "confscope");
        attribute(buf, "tests", tests);
        attribute(buf, "failures", failures);
        attribute(buf, "errors", errors);
        attribute(buf, "skipped", skipped);
        attribute(buf, "time", "0");
        buf += ">\n";
        const std::string timestamp =
            junit_timestamp(scan_.finished_at().empty() ? scan_.started_at() : scan_.finished_at());
        for (const auto& [name, suite] : suites_) {
            write_suite_start(buf, name, suite, timestamp);
            for (const Case& c : suite.cases) {
                write_case(buf, c);
                if (buf.size() >= kFlushBytes) {
                    out.write(buf);
                    buf.clear();
                }
            }
            buf += "  </testsuite>\n";
        }
        buf += "</testsuites>\n";
        out.write(buf);
    }

  private:
    // ---- building ----

    // The family of a finding: the plugin that reported it; a parse error (reported by the core)
    // belongs to the plugin of its file.
    std::string_view family(const sdk::ExportFinding& f, const sdk::ExportFile* file) const {
        if (file != nullptr && !file->plugin.empty() &&
            (f.rule_id == kParseErrorRule || f.plugin.empty() || f.plugin == "core")) {
            return file->plugin;
        }
        return f.plugin.empty() ? std::string_view("confscope") : f.plugin;
    }

    void add(std::string_view family, Case c) {
        names_.claim(c);
        suites_[family].add(std::move(c));
    }

    void add_finding(const sdk::ExportFinding& f) {
        Case c;
        c.finding = &f;
        c.file = f.file < scan_.files().size() ? &scan_.files()[f.file] : nullptr;
        if (f.suppressed) {
            c.outcome = Outcome::skipped;
        } else if (f.rule_id == kParseErrorRule && c.file != nullptr &&
                   !c.file->parse_error.empty()) {
            c.outcome = Outcome::error;
        } else if (scan_.fails(f)) {
            c.outcome = Outcome::failure;
        }
        const std::string_view fam = family(f, c.file);
        c.classname = std::string(fam) + "." + std::string(f.display_path);
        // The pointer names the place stably (a line moves when lines are added above it).
        c.name = std::string(f.rule_id);
        if (!f.pointer.empty()) {
            c.name += " " + std::string(f.pointer);
        } else if (f.line > 0) {
            c.name += " line " + std::to_string(f.line);
        }
        add(fam, std::move(c));
    }

    void add_unread_file(const sdk::ExportFile& f) {
        Case c;
        c.outcome = Outcome::error;
        c.file = &f;
        const std::string_view fam = f.plugin.empty() ? std::string_view("confscope") : f.plugin;
        c.classname = std::string(fam) + "." + std::string(f.display_path);
        c.name = "file read";
        add(fam, std::move(c));
    }

    void add_failed_plugin(const sdk::ExportPlugin& p) {
        Case c;
        c.outcome = Outcome::error;
        c.plugin = &p;
        c.classname = std::string(p.name);
        c.name = "plugin " + std::string(p.name) + " ran to the end";
        add(p.name, std::move(c));
    }

    // ---- writing ----

    void write_suite_start(std::string& buf, std::string_view name, const Suite& suite,
                           const std::string& timestamp) const {
        buf += "  <testsuite";
        attribute(buf, "name", name);
        attribute(buf, "tests", static_cast<std::uint64_t>(suite.cases.size()));
        attribute(buf, "failures", suite.failures);
        attribute(buf, "errors", suite.errors);
        attribute(buf, "skipped", suite.skipped);
        attribute(buf, "time", "0");
        if (!timestamp.empty()) attribute(buf, "timestamp", timestamp);
        attribute(buf, "hostname", scan_.host());
        buf += ">\n    <properties>\n";
        property(buf, "confscope.version", scan_.tool_version());
        property(buf, "confscope.scan", scan_.uuid());
        property(buf, "confscope.complete", scan_.complete() ? "true" : "false");
        property(buf, "confscope.fail_on", sdk::to_string(scan_.fail_on()));
        buf += "    </properties>\n";
    }

    static void property(std::string& buf, std::string_view name, std::string_view value) {
        buf += "      <property";
        attribute(buf, "name", name);
        attribute(buf, "value", value);
        buf += "/>\n";
    }

    void write_case(std::string& buf, const Case& c) const {
        buf += "    <testcase";
        attribute(buf, "classname", c.classname);
        attribute(buf, "name", c.name);
        if (c.finding != nullptr) {
            attribute(buf, "file", c.finding->display_path);
            if (c.finding->line > 0) attribute(buf, "line", c.finding->line);
        } else if (c.file != nullptr) {
            attribute(buf, "file", c.file->display_path);
        }
        attribute(buf, "time", "0");
        buf += ">\n";
        if (c.finding != nullptr) {
            write_finding(buf, c);
        } else if (c.plugin != nullptr) {
            write_failed_plugin(buf, *c.plugin);
        } else if (c.file != nullptr) {
            write_unread_file(buf, *c.file);
        }
        buf += "    </testcase>\n";
    }

    void write_finding(std::string& buf, const Case& c) const {
        const sdk::ExportFinding& f = *c.finding;
        switch (c.outcome) {
            case Outcome::skipped:
                buf += "      <skipped";
                attribute(buf, "message", f.suppression.empty() ? "suppressed" : f.suppression);
                buf += "/>\n";
                return;
            case Outcome::failure:
                buf += "      <failure";
                attribute(buf, "type", sdk::to_string(f.severity));
                attribute(buf, "message", f.message);
                buf += ">";
                finding_body(buf, f);
                buf += "</failure>\n";
                return;
            case Outcome::error:
                buf += "      <error";
                attribute(buf, "type", "parse-error");
                attribute(buf, "message", f.message);
                buf += ">";
                finding_body(buf, f);
                buf += "</error>\n";
                return;
            case Outcome::passed:
                // Below the threshold: passing, but the finding stays readable in the report.
                buf += "      <system-out>";
                finding_body(buf, f);
                text(buf, "\nBelow the threshold (" + std::string(sdk::to_string(scan_.fail_on())) +
                              "): not a failure.");
                buf += "</system-out>\n";
                return;
        }
    }

    // Location, severity and message, then the rule's title, help and link.
    void finding_body(std::string& buf, const sdk::ExportFinding& f) const {
        std::string body = ex::location_text(f);
        if (!f.pointer.empty()) body += " at " + std::string(f.pointer);
        body += "\n";
        body += ex::severity_title(f.severity);
        body += ": ";
        body += f.message;
        body += "\n";
        if (f.rule_id == kParseErrorRule && f.file < scan_.files().size() &&
            !scan_.files()[f.file].parse_error.empty()) {
            body += "Parse error: " + std::string(scan_.files()[f.file].parse_error) + "\n";
        }
        if (const auto it = rules_.find(f.rule_id); it != rules_.end()) {
            const sdk::ExportRule& r = *it->second;
            body += "\n" + std::string(r.id) + ": " + std::string(r.title) + "\n";
            if (!r.help.empty()) body += std::string(r.help) + "\n";
            if (!r.help_uri.empty()) body += std::string(r.help_uri) + "\n";
        }
        text(buf, body);
    }

    static void write_failed_plugin(std::string& buf, const sdk::ExportPlugin& p) {
        const std::string message =
            "plugin " + std::string(p.name) + " " + std::string(p.version) +
            " failed: " + std::string(p.error.empty() ? "no reason given" : p.error);
        buf += "      <error";
        attribute(buf, "type", "plugin-failed");
        attribute(buf, "message", message);
        buf += ">";
        text(buf, message + "\nIts results are not in this scan: the scan is incomplete.\n");
        buf += "</error>\n";
    }

    static void write_unread_file(std::string& buf, const sdk::ExportFile& f) {
        buf += "      <error";
        attribute(buf, "type", "file-not-read");
        attribute(buf, "message",
                  std::string(f.display_path) + " was not read: " + std::string(f.error));
        buf += ">";
        text(buf, std::string(f.display_path) +
                      " was not read, so it was not checked: " + std::string(f.error) + "\n");
        buf += "</error>\n";
    }

    const sdk::ExportScan& scan_;
    std::unordered_map<std::string_view, const sdk::ExportRule*> rules_;
    std::map<std::string_view, Suite> suites_;  // by name: a stable order
    UniqueNames names_;
};

}  // namespace

class JunitExporter {
  public:
    static sdk::PluginInfo info() {
        return {.summary = "JUnit XML for GitLab, Jenkins and other CI test reports",
                .license = "Apache-2.0",
                .contact = "https://github.com/confscope/confscope",
                .family = "junit",
                .config_schema = ""};
    }

    void export_scan(const sdk::ExportScan& scan, sdk::Writer& out) { Report(scan).write(out); }
};

CONFSCOPE_PLUGIN(JunitExporter)
