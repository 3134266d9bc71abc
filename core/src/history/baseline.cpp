#include <algorithm>

#include <confscope/history/baseline.hpp>
#include <confscope/store/stored_text.hpp>

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

DisplayPaths display_paths(const scan::ScanResult& result) {
    DisplayPaths paths;
    paths.reserve(result.files.size());
    for (const scan::FileRecord& f : result.files)
        paths.emplace(store::escape_path(f.path), f.display_path);  // keyed as stored
    return paths;
}

DisplayPaths display_paths(const std::vector<store::StoredFile>& files) {
    DisplayPaths paths;
    paths.reserve(files.size());
    for (const store::StoredFile& f : files)
        paths.emplace(f.path, f.display_path);
    return paths;
}

void align_display_paths(std::vector<store::StoredFile>& files,
                         std::vector<store::StoredItem>& items, const DisplayPaths& newer) {
    std::unordered_map<std::int64_t, const std::string*> by_seq;  // file seq -> newer display path
    by_seq.reserve(files.size());
    for (store::StoredFile& f : files) {
        const auto it = newer.find(f.path);
        if (it == newer.end()) continue;
        f.display_path = it->second;
        by_seq.emplace(f.seq, &it->second);
    }
    for (store::StoredItem& item : items) {
        const auto it = by_seq.find(item.path_seq);
        if (it != by_seq.end()) item.display_path = *it->second;
    }
}

}  // namespace confscope::history
