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

class AnalyzeSession {
  public:
    /// For analyze(): results belong to `file_index` (whose path is `file_path`).
    /// `declared_rules` are the rule ids the plugin may report (its own and the core's).
    AnalyzeSession(std::string plugin, std::size_t file_index, std::string file_path,
                   const std::set<std::string, std::less<>>& declared_rules,
                   const std::atomic<bool>* cancel);

    /// For finish(): every result names its file by path, one of `analyzed` (path -> file index).
    AnalyzeSession(std::string plugin,
                   const std::map<std::string, std::size_t, std::less<>>& analyzed,
                   const std::set<std::string, std::less<>>& declared_rules,
                   const std::atomic<bool>* cancel);

    /// The callback table to hand to the plugin; valid while this session lives.
    [[nodiscard]] const confscope_host_v1& host() const { return host_; }

    std::vector<Item>& items() { return items_; }
    std::vector<Finding>& findings() { return findings_; }

  private:
    void init_host();
    /// The file a result belongs to, or nothing when `path` is not acceptable in this mode.
    [[nodiscard]] std::optional<std::size_t> file_for(const char* path) const;

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
    confscope_host_v1 host_{};
};

}  // namespace confscope::scan::detail
