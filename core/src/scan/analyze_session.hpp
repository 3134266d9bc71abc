// Internal: the host side of one analyze() or finish() call — the confscope_host_v1 callbacks
// that copy what a plugin emits into the scan, after checking it.
#pragma once

#include <atomic>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <confscope/plugin_api.h>
#include <confscope/scan/model.hpp>

namespace confscope::scan::detail {

/// How much one plugin may hand the host: per call (one file's analyze(), or finish()) and for the
/// whole scan. A plugin past either is refused there and failed, so that a flooding plugin cannot
/// grow the host without bound before its deadline. Bytes count each result's strings and its
/// record; an honest 5 MB file of 21,000 servers uses about a tenth of the per-call budget.
struct ResultBudget {
    static constexpr std::size_t kResultsPerCall = 250'000;
    static constexpr std::size_t kBytesPerCall = 64u << 20;
    static constexpr std::size_t kResultsPerScan = 2'000'000;
    static constexpr std::size_t kBytesPerScan = 384u << 20;
    std::size_t results = 0;  ///< used so far in this scan
    std::size_t bytes = 0;
};

class AnalyzeSession {
  public:
    /// For analyze(): results belong to `file_index` (whose path is `file_path`).
    /// `declared_rules` are the rule ids the plugin may report (its own and the core's).
    /// `budget` is the plugin's for the whole scan; it must outlive the session.
    AnalyzeSession(std::string plugin, std::size_t file_index, std::string file_path,
                   const std::set<std::string, std::less<>>& declared_rules,
                   const std::atomic<bool>* cancel, ResultBudget& budget);

    /// For finish(): every result names its file by path, one of `analyzed` (path -> file index).
    AnalyzeSession(std::string plugin,
                   const std::map<std::string, std::size_t, std::less<>>& analyzed,
                   const std::set<std::string, std::less<>>& declared_rules,
                   const std::atomic<bool>* cancel, ResultBudget& budget);

    /// The callback table to hand to the plugin; valid while this session lives.
    [[nodiscard]] const confscope_host_v1& host() const { return host_; }

    std::vector<Item>& items() { return items_; }
    std::vector<Finding>& findings() { return findings_; }

    /// Why a result was refused for exceeding the budget ("" when none was): the plugin failed.
    [[nodiscard]] const std::string& over_budget() const { return over_budget_; }

  private:
    void init_host();
    /// The file a result belongs to, or nothing when `path` is not acceptable in this mode.
    [[nodiscard]] std::optional<std::size_t> file_for(const char* path) const;
    /// Takes one result of `bytes` from the budgets; false (and why, in over_budget_) when over.
    bool spend(std::size_t bytes);

    static confscope_status emit_item(void* context, const confscope_item_v1* item);
    static confscope_status emit_finding(void* context, const confscope_finding_v1* finding);
    static void log(void* context, confscope_log_level level, const char* message);
    static std::int32_t cancelled(void* context);
    static confscope_status write(void* context, const char* data, std::size_t size);

    std::string plugin_;
    std::size_t file_index_ = 0;
    std::string file_path_;
    const std::map<std::string, std::size_t, std::less<>>* analyzed_ = nullptr;  // finish() only
    const std::set<std::string, std::less<>>& declared_rules_;
    const std::atomic<bool>* cancel_;
    std::vector<Item> items_;
    std::vector<Finding> findings_;
    ResultBudget& budget_;
    std::size_t call_results_ = 0;
    std::size_t call_bytes_ = 0;
    std::string over_budget_;
    confscope_host_v1 host_{};
};

}  // namespace confscope::scan::detail
