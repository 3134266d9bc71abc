// A small machine for the report tests: a home and a project repository (a git work tree) with
// findings of every severity, one suppressed finding, one file that does not parse, a server name
// full of markup characters and a planted token — scanned once into a real SQLite store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "test_support.hpp"

namespace confscope::test {

class ReportMachine {
  public:
    /// The planted token: it must appear in no report.
    static constexpr const char* kToken = "ghp_ExportPlantedTokenAbcdefghijklmnopq12";
    /// The server name with markup in it (MCP-003 names it in its message).
    static constexpr const char* kMarkupName = "remote <b>&\"quoted\"";

    /// Plants the files and scans them (`scan --ignore PERM-006`, so one finding is suppressed).
    ReportMachine();

    [[nodiscard]] const fs::path& folder() const { return dir_.path(); }
    [[nodiscard]] fs::path repo() const { return dir_ / "repo"; }
    [[nodiscard]] const std::string& db() const { return db_; }

    /// Runs confscope with --db prepended.
    [[nodiscard]] ProcessResult confscope(std::vector<std::string> args) const;
    /// `confscope export --format FORMAT [extra...]` to stdout; requires exit code 0.
    [[nodiscard]] std::string export_as(const std::string& format,
                                        std::vector<std::string> extra = {}) const;
    /// The same into a file in the machine's folder; returns its path.
    [[nodiscard]] fs::path export_to_file(const std::string& format, const std::string& file_name,
                                          std::vector<std::string> extra = {}) const;

  private:
    TempDir dir_;
    std::string db_;
};

/// What the planted scan holds (counted independently of any exporter, from the fixture).
struct PlantedFacts {
    static constexpr int kFindings = 8;    ///< including the suppressed one
    static constexpr int kSuppressed = 1;  ///< PERM-006 (--ignore)
    static constexpr int kCritical = 2;    ///< PERM-003, SEC-001
    static constexpr int kHigh = 1;        ///< MCP-003
    static constexpr int kMedium = 2;      ///< MCP-004, FS-001 (the token's .mcp.json is 0644)
    static constexpr int kLow = 3;         ///< MCP-005, CFG-001, PERM-006 (suppressed)
    static constexpr int kServers = 2;     ///< mcp_server inventory items
    static constexpr const char* kBroken = "broken/.mcp.json";
};

/// Parses JSON text; a parse error fails the test (REQUIRE) with the start of the text.
rapidjson::Document parse_json(const std::string& text);

/// A JSON string's value; "" for anything that is not a string.
std::string json_string(const rapidjson::Value& value);

/// Scans `dir`/repo (made a git work tree; the caller fills it) into `db` with claude-code, the
/// custom plugin with a rule file of hostile help links (an https URI full of characters to encode
/// and a javascript: URI; rules EDGE-001 on every server of a project .mcp.json, EDGE-002 on the
/// file) and the throwing negative plugin — an incomplete scan (exit 3, required).
void scan_with_edge_rules_and_a_failing_plugin(const std::string& db, const fs::path& dir);

/// The official SARIF 2.1.0 JSON schema, when a copy is at hand: $CONFSCOPE_SARIF_SCHEMA, or
/// shared/schemas/sarif-2.1.0.json in a folder above the source tree.
std::optional<fs::path> sarif_schema_path();

}  // namespace confscope::test
