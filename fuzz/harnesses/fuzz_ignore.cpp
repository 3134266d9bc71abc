// The suppression inputs of a scan (core/src/scan/suppression.cpp): the first byte picks an
// ignore file (.confscope-ignore.toml) or a --baseline file; what parses is then applied to a small
// scan, as `scan` does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <confscope/scan/suppression.hpp>

#include "fuzz_support.hpp"

using namespace confscope;

// Seeds: an ignore file with every field (docs/CLI.md) and a baseline written by baseline_json().
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (fuzz::seed_folder() == nullptr) return 0;
    fuzz::write_seed(std::string(1, '\0') + R"([[ignore]]
rule = "PERM-004"
path = "**/.claude/settings.json"
reason = "the team allows curl"
expires = 2027-01-31

[[ignore]]
rule = "*"
path = "vendor/**"

[[ignore]]
rule = "MCP-001"
reason = "expired"
expires = "2020-01-01"
)");
    fuzz::write_seed(
        std::string(1, '\1') +
        scan::baseline_json("00000000-0000-4000-8000-000000000000",
                            {{std::string(64, 'a'), "MCP-001", "/repo/.mcp.json", "/mcpServers/x"},
                             {std::string(64, 'b'), "SEC-001", "~/.claude.json", ""}}));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
    scan::Suppressions suppressions;
    if (data[0] % 2 == 0) {
        auto entries = scan::parse_ignore_file("/repo/.confscope-ignore.toml", content);
        if (!entries) return 0;
        suppressions.ignores = std::move(*entries);
        for (scan::IgnoreEntry& e : suppressions.ignores)
            e.root = "/repo";
    } else {
        auto baseline = scan::parse_baseline("/repo/.confscope-baseline.json", content);
        if (!baseline) return 0;
        suppressions.baseline = std::move(*baseline);
        suppressions.baseline_source = "/repo/.confscope-baseline.json";
    }
    scan::ScanResult result;
    scan::FileRecord file;
    file.path = "/repo/.mcp.json";
    file.display_path = "/repo/.mcp.json";
    result.files.push_back(file);
    for (const char* rule : {"MCP-001", "SEC-001", "CFG-001"}) {
        scan::Finding finding;
        finding.rule_id = rule;
        finding.file = 0;
        finding.pointer = "/mcpServers/x";
        finding.fingerprint = std::string(64, 'a');
        result.findings.push_back(finding);
    }
    std::vector<std::string> expired;
    (void)scan::apply_suppressions(result, suppressions, "2026-12-08", &expired);
    return 0;
}
