#include "export_support.hpp"

#include <cstdlib>

#include <boost/test/unit_test.hpp>

namespace confscope::test {

ReportMachine::ReportMachine() : db_((dir_ / "store.db").string()) {
    write_file(dir_ / "home/.claude/settings.json",
               R"J({"permissions": {"deny": ["Read(./.env)"]}})J");
    write_file(dir_ / "repo/app/.mcp.json", std::string(R"J({
  "mcpServers": {
    "remote <b>&\"quoted\"": {"type": "http", "url": "http://mcp.example.com/x"},
    "github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"],
               "env": {"GITHUB_TOKEN": ")J") + kToken +
                                                R"J("}}
  }
}
)J");
    write_file(dir_ / "repo/app/.claude/settings.json",
               R"J({"permissions": {"allow": ["Bash(*)"]}})J");
    write_file(dir_ / "repo/broken/.mcp.json",
               "{\n  \"mcpServers\": {\n    \"x\": {\"command\": \"npx\",\n  }\n");
    fs::create_directories(dir_ / "sys");
    fs::create_directories(dir_ / "repo/.git");  // a work tree, as far as confscope looks
    const ProcessResult scan = confscope({"scan", "--home", (dir_ / "home").string(),
                                          "--system-root", (dir_ / "sys").string(), "--root",
                                          (dir_ / "repo").string(), "--ignore", "PERM-006"});
    BOOST_REQUIRE_MESSAGE(scan.exit_code == 0, "scan: " + scan.err);
}

ProcessResult ReportMachine::confscope(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db_});
    return run_confscope(args);
}

std::string ReportMachine::export_as(const std::string& format,
                                     std::vector<std::string> extra) const {
    std::vector<std::string> args{"export", "--format", format};
    args.insert(args.end(), extra.begin(), extra.end());
    const ProcessResult r = confscope(args);
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "export --format " + format + ": " + r.err);
    return r.out;
}

fs::path ReportMachine::export_to_file(const std::string& format, const std::string& file_name,
                                       std::vector<std::string> extra) const {
    const fs::path path = dir_ / file_name;
    std::vector<std::string> args{"export", "--format", format, "--output", path.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const ProcessResult r = confscope(args);
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "export --format " + format + ": " + r.err);
    BOOST_REQUIRE(fs::exists(path));
    return path;
}

rapidjson::Document parse_json(const std::string& text) {
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    BOOST_REQUIRE_MESSAGE(!doc.HasParseError(), "not JSON: " + text.substr(0, 200));
    return doc;
}

std::string json_string(const rapidjson::Value& value) {
    return value.IsString() ? std::string(value.GetString(), value.GetStringLength())
                            : std::string();
}

void scan_with_edge_rules_and_a_failing_plugin(const std::string& db, const fs::path& dir) {
    write_file(dir / "rules.toml", R"toml(version = 1

[[target]]
id = "edge-mcp"
name = "Edge MCP"
path = "{PROJECT}/.mcp.json"
format = "json"
scope = "project"

[[rule]]
id = "EDGE-001"
severity = "high"
title = "Server seen"
message = "server '{key}' is configured"
help = "Look at it."
help_uri = "https://docs.example.com/rules/EDGE-001?a=1&b=(2)|3 <x>"
targets = ["edge-mcp"]
selector = "/mcpServers/*"

[[rule]]
id = "EDGE-002"
severity = "info"
title = "Document seen"
message = "the file is here"
help = "Nothing to do."
help_uri = "javascript:alert(1)"
targets = ["edge-mcp"]
selector = ""
)toml");
    fs::create_directories(dir / "home");
    fs::create_directories(dir / "sys");
    fs::create_directories(dir / "repo/.git");
    const ProcessResult scan = run_confscope(
        {"--db", db, "scan", "--home", (dir / "home").string(), "--system-root",
         (dir / "sys").string(), "--root", (dir / "repo").string(), "--plugin", "claude-code",
         "--plugin", "custom", "--rules", (dir / "rules.toml").string(), "--plugin",
         (negative_plugin_dir() / "throws.so").string()});
    BOOST_REQUIRE_MESSAGE(scan.exit_code == 3, "an incomplete scan exits 3: " + scan.err);
}

std::optional<fs::path> sarif_schema_path() {
    if (const char* env = std::getenv("CONFSCOPE_SARIF_SCHEMA"); env != nullptr && *env != '\0')
        return fs::path(env);
    for (fs::path dir = source_dir(); !dir.empty(); dir = dir.parent_path()) {
        const fs::path candidate = dir / "shared/schemas/sarif-2.1.0.json";
        if (fs::exists(candidate)) return candidate;
        if (dir == dir.root_path()) break;
    }
    return std::nullopt;
}

}  // namespace confscope::test
