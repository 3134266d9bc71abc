#include <algorithm>

#include <confscope/history/baseline.hpp>

namespace confscope::history {

namespace {

// How far back to look for a scan that ran every plugin.
constexpr std::size_t kCandidates = 20;

}  // namespace

Result<std::optional<Baseline>> find_baseline(store::Store& store, const store::ScanScope& scope,
                                              const std::set<std::string>& plugins,
                                              std::optional<std::int64_t> before) {
    CONFSCOPE_ASSIGN_OR_RETURN(std::vector<std::int64_t> candidates,
                               store.previous_scans(scope, before, kCandidates));
    std::optional<Baseline> newest;
    for (const std::int64_t id : candidates) {
        CONFSCOPE_ASSIGN_OR_RETURN(std::vector<store::StoredPlugin> ran, store.plugins(id));
        Baseline b{id, {}};
        for (const store::StoredPlugin& p : ran) {
            if (p.status == "ok") b.plugins.insert(p.name);
        }
        if (std::includes(b.plugins.begin(), b.plugins.end(), plugins.begin(), plugins.end()))
            return std::optional<Baseline>(std::move(b));
        if (!newest) newest = std::move(b);
    }
    return newest;
}

}  // namespace confscope::history
