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
