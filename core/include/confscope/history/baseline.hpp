// confscope/history/baseline.hpp — which stored scan a scan's drift is measured against (and what
// `diff` compares with by default): the newest complete scan of the same host, home, system root,
// OS profile and project roots in which every scanner plugin of this scan ran to the end. When no
// recent one ran them all (plugins were added since), the newest such scan, compared only for the
// plugins that ran in both. A scan of fewer plugins (scan --plugin mcp) is never the baseline of
// a full scan that follows it, so alternating partial and full scans miss no change.
//
// Comparisons key files on their display path. Two scans of one host and home name the same file
// by the same absolute path even when their display paths differ (a scan of several roots puts
// root labels in them, which scans stored before the labels did not; see discovery.hpp):
// align_display_paths() gives the older scan's rows the newer scan's display paths, so such a
// change never reads as every file removed and added.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/scan/model.hpp>
#include <confscope/store/store.hpp>

namespace confscope::history {

struct Baseline {
    std::int64_t scan_id = 0;
    std::set<std::string> plugins;  ///< the plugins that ran to the end in it
};

/// The baseline of a scan in `scope` that ran `plugins` (older than `before`, when given);
/// nothing when the store holds no comparable complete scan.
Result<std::optional<Baseline>> find_baseline(store::Store& store, const store::ScanScope& scope,
                                              const std::set<std::string>& plugins,
                                              std::optional<std::int64_t> before = {});

/// Display path by absolute path, of a scan being made or of a stored scan's files.
using DisplayPaths = std::unordered_map<std::string, std::string>;
DisplayPaths display_paths(const scan::ScanResult& result);
DisplayPaths display_paths(const std::vector<store::StoredFile>& files);

/// Gives `files` (an older scan of the same host and home) and the `items` defined in them the
/// display path `newer` gives the same absolute path; rows of files `newer` lacks keep theirs.
void align_display_paths(std::vector<store::StoredFile>& files,
                         std::vector<store::StoredItem>& items, const DisplayPaths& newer);

}  // namespace confscope::history
