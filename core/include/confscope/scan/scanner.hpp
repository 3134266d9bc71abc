// confscope/scan/scanner.hpp — one scan, end to end in memory:
//
//   targets ──► discover ──► read+hash ──► parse ──► analyze ──► redact ──► ScanResult
//   (plugins)    (core)        (core)      (core)    (plugins)    (core)
//
// The host owns all I/O; plugins only see the parsed document and the file's metadata. Each file
// is read, hashed and parsed once, whatever number of plugins claim it. A plugin that fails (a bad
// target, an analyze() error or exception) is marked failed with the reason and all its results
// are discarded; the scan goes on with the others. Nothing here touches the store: storing the
// ScanResult is one transaction (store/store.hpp).
//
// Example:
//     ScanOptions options;
//     options.roots.home = "/home/ada";
//     options.project_roots = {"/home/ada/src"};
//     ScanResult result = run_scan(options, instances);
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/scan/model.hpp>
#include <confscope/scan/scanner_endpoint.hpp>

namespace confscope::scan {

struct ScanOptions {
    platform::Os os = platform::current_os();
    platform::ScanRoots roots;  ///< home and system root
    platform::Environment env;  ///< relocation variables (CLAUDE_CONFIG_DIR, ...)
    std::vector<std::string> project_roots;
    std::vector<std::string> prune_names = discovery::default_prune_names();
    std::uint64_t max_file_size = 16ull * 1024 * 1024;
    /// Deepest folder level walked below a --root; the folders where the walk stopped are
    /// recorded (category "not_walked") with a warning.
    std::size_t max_depth = 64;
    StoreContent store_content = StoreContent::redacted;  ///< the default
    std::vector<ContentRule> content_rules;               ///< per plugin or path; absolute paths
    /// Called after each file with (files done, files to do); optional.
    std::function<void(std::size_t, std::size_t)> progress;
    /// Set to true (from another thread or a signal handler) to stop early; optional.
    const std::atomic<bool>* cancel = nullptr;
};

/// Runs one scan with the given scanners, in this process or isolated. They stay owned by the
/// caller and are used from this thread only.
ScanResult run_scan(const ScanOptions& options, const std::vector<ScannerEndpoint*>& scanners);

/// The same with plugin instances loaded into this process (scanners; others are ignored).
ScanResult run_scan(const ScanOptions& options,
                    const std::vector<plugins::PluginInstance*>& instances);

/// How much content of `file` the scan keeps: the last of `options.content_rules` that matches
/// it, else `options.store_content`.
StoreContent content_mode_for(const ScanOptions& options, const FileRecord& file);

/// Stable fingerprint of a finding: the first 32 hex digits of SHA-256 over rule, display path and
/// pointer.
std::string fingerprint(std::string_view rule_id, std::string_view display_path,
                        std::string_view pointer);

}  // namespace confscope::scan
