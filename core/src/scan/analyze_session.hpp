// Internal: the host side of one analyze() call — the confscope_host_v1 callbacks that copy what
// a plugin emits into the scan, after checking it.
#pragma once

#include <atomic>
#include <set>
#include <string>
#include <vector>

#include <confscope/plugin_api.h>
#include <confscope/scan/model.hpp>

namespace confscope::scan::detail {

class AnalyzeSession {
  public:
    /// `declared_rules` are the rule ids the plugin may report (its own and the core's).
    AnalyzeSession(std::string plugin, std::size_t file_index,
                   const std::set<std::string, std::less<>>& declared_rules,
                   const std::atomic<bool>* cancel);

    /// The callback table to hand to the plugin; valid while this session lives.
    [[nodiscard]] const confscope_host_v1& host() const { return host_; }

    std::vector<Item>& items() { return items_; }
    std::vector<Finding>& findings() { return findings_; }

  private:
    static confscope_status emit_item(void* context, const confscope_item_v1* item);
    static confscope_status emit_finding(void* context, const confscope_finding_v1* finding);
    static void log(void* context, confscope_log_level level, const char* message);
    static std::int32_t cancelled(void* context);
    static confscope_status write(void* context, const char* data, std::size_t size);

    std::string plugin_;
    std::size_t file_index_;
    const std::set<std::string, std::less<>>& declared_rules_;
    const std::atomic<bool>* cancel_;
    std::vector<Item> items_;
    std::vector<Finding> findings_;
    confscope_host_v1 host_{};
};

}  // namespace confscope::scan::detail
