// confscope/scan/model.hpp — what one scan produced, in memory, before it is stored: files (with
// metadata, hashes and redacted content), inventory items, findings, the plugins that ran and the
// rules they can report. Every text in here is already redacted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <confscope/discovery/discovery.hpp>
#include <confscope/platform/os.hpp>
#include <confscope/sdk/types.hpp>

namespace confscope::scan {

/// How much of a file's content a scan keeps (--store-content).
enum class StoreContent { none, redacted, raw };

std::string_view to_string(StoreContent mode);
std::optional<StoreContent> parse_store_content(std::string_view text);

/// `--store-content MODE:WHAT`: how much content to keep of the files of one scanner plugin
/// (WHAT is its name, e.g. claude-code) or under one path (WHAT holds a '/': an absolute file, or
/// a folder and everything under it). The last rule that matches a file wins over the default.
struct ContentRule {
    StoreContent mode = StoreContent::redacted;
    std::string selector;

    [[nodiscard]] bool is_path() const { return selector.find('/') != std::string::npos; }
};

/// The rule id the core itself reports: a file that does not parse.
inline constexpr std::string_view kParseErrorRule = "CFG-001";
/// A project file that is a symbolic link out of every scanned root: recorded, not read.
inline constexpr std::string_view kOutsideLinkRule = "CFG-005";
/// A configuration path that holds a FIFO, socket, device or folder: recorded, never opened.
inline constexpr std::string_view kSpecialFileRule = "CFG-006";

/// One location a plugin's target resolved to (found or not), as one row of the scan.
struct FileRecord {
    std::string plugin;  ///< the scanner whose target matched; "" for an unreadable folder
    std::string target_id;
    std::string category;  ///< "unreadable" for folders the walk could not enter
    std::string target_name;
    std::string path_template;
    sdk::Scope scope = sdk::Scope::unknown;
    sdk::Format format = sdk::Format::unknown;
    std::string path;          ///< absolute
    std::string display_path;  ///< stable across machines
    std::string project_dir;
    bool exists = false;
    std::uint64_t size = 0;
    std::uint32_t mode = 0;
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
    std::int64_t mtime_unix = 0;
    bool is_symlink = false;
    std::uint32_t flags =
        0;  ///< CONFSCOPE_FILE_FLAG_* (symlink, git work tree, tracked, parent symlink)
    std::string sha256;                  ///< of the raw bytes ("" when not read)
    std::optional<std::string> content;  ///< as stored: redacted (default), raw, or absent
    std::string content_sha256;          ///< of `content`; the content-addressed key
    bool content_redacted = false;       ///< `content` has redaction markers in it
    std::string parse_error;             ///< "" or "message (line L, column C)"
    std::string error;                   ///< why it could not be read
    std::string repo_path;  ///< '/'-separated path in its git work tree (under a root), or ""
};

/// An inventory item.
struct Item {
    std::size_t file = 0;  ///< index into ScanResult::files
    std::string plugin;
    std::string kind;
    std::string client;
    sdk::Scope scope = sdk::Scope::unknown;
    std::string name;
    std::string data_json;  ///< a JSON object, redacted
    std::string pointer;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

/// A finding.
struct Finding {
    std::size_t file = 0;  ///< index into ScanResult::files
    std::string plugin;
    std::string rule_id;
    sdk::Severity severity = sdk::Severity::info;
    std::string message;  ///< redacted
    std::string pointer;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string fingerprint;  ///< stable across runs and machines: rule, display path, pointer
    bool suppressed =
        false;  ///< an ignore entry or the baseline covers it; not counted for --fail-on
    std::string suppression;  ///< why: "baseline", "--ignore", or "<ignore file>:<line>: <reason>"
};

/// A rule some plugin (or the core) can report.
struct RuleInfo {
    std::string id;
    std::string plugin;  ///< "core" for core rules
    sdk::Severity severity = sdk::Severity::info;
    std::string title;
    std::string help;
    std::string help_uri;
};

/// A plugin that took part in the scan.
struct PluginRun {
    std::string name;
    std::string version;
    std::uint32_t abi_major = 0;
    std::uint32_t abi_minor = 0;
    std::string library_path;
    std::string library_sha256;
    bool failed = false;
    std::string error;  ///< why it failed; its results were discarded
    std::uint64_t files_analyzed = 0;
};

struct ScanResult {
    std::string uuid;
    std::string started_at;   ///< RFC 3339 UTC
    std::string finished_at;  ///< RFC 3339 UTC
    double duration_seconds = 0;
    platform::HostInfo host;
    std::string os_profile;  ///< the placeholder table used ("linux")
    std::string home;
    std::string system_root;
    std::vector<std::string> roots;
    std::string tool_version;
    StoreContent store_content = StoreContent::redacted;
    std::map<std::string, std::string> placeholders;
    std::vector<FileRecord> files;
    std::vector<Item> items;
    std::vector<Finding> findings;
    std::vector<PluginRun> plugins;
    std::vector<RuleInfo> rules;
    discovery::DiscoveryStats stats;

    /// True when every plugin ran to the end.
    [[nodiscard]] bool complete() const;
    /// Number of findings at or above `threshold` that are not suppressed.
    [[nodiscard]] std::size_t count_at_or_above(sdk::Severity threshold) const;
};

/// The rules the core reports itself: CFG-001, CFG-005, CFG-006, the file rules every family gets
/// (FS-001, SEC-006, SEC-007) and the drift rules (history/drift.hpp).
std::vector<RuleInfo> core_rules();

/// "info", "low", ... -> Severity.
std::optional<sdk::Severity> parse_severity(std::string_view text);
/// "user", "project", ... -> Scope.
std::optional<sdk::Scope> parse_scope(std::string_view text);
/// "json", "jsonc", ...
inline std::string_view to_string(sdk::Format format) {
    return sdk::to_string(format);
}
/// "json", "jsonc", ... -> Format.
std::optional<sdk::Format> parse_format(std::string_view text);

}  // namespace confscope::scan
