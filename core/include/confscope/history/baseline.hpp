// confscope/history/baseline.hpp — which stored scan a scan's drift is measured against (and what
// `diff` compares with by default): the newest complete scan of the same host, home, system root,
// OS profile and project roots in which every scanner plugin of this scan ran to the end. When no
// recent one ran them all (plugins were added since), the newest such scan, compared only for the
// plugins that ran in both. A scan of fewer plugins (scan --plugin mcp) is never the baseline of
// a full scan that follows it, so alternating partial and full scans miss no change.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include <confscope/base/status.hpp>
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

}  // namespace confscope::history
