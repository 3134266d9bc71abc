// confscope/report/export_input.hpp — a stored scan as the plain data an exporter plugin reads
// (confscope_export_input_v1), and running an exporter into bytes.
//
// ExportInput owns every string and struct the C view points into; the view stays valid for the
// ExportInput's lifetime and must not outlive it. Nothing here reads a file's content: exports
// carry metadata, inventory and findings, all redacted when they were stored.
//
// Example:
//     CONFSCOPE_ASSIGN_OR_RETURN(auto input, report::ExportInput::load(store, id, request));
//     CONFSCOPE_ASSIGN_OR_RETURN(std::string bytes, report::run_exporter(*exporter, *input));
//     CONFSCOPE_RETURN_IF_ERROR(io::write_file_atomically(path, bytes));
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/plugin_api.h>
#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/sdk/types.hpp>
#include <confscope/store/store.hpp>

namespace confscope::report {

/// What the user asked of an export.
struct ExportRequest {
    std::string what = "findings";  ///< "findings", "inventory" or "files"
    std::vector<std::pair<std::string, std::string>> options;  ///< --option key=value
    sdk::Severity fail_on = sdk::Severity::high;               ///< threshold for failures
};

class ExportInput {
  public:
    /// Reads scan `scan_id` (files, inventory, findings, rules, plugins) from `store`.
    static Result<std::unique_ptr<ExportInput>> load(store::Store& store, std::int64_t scan_id,
                                                     const ExportRequest& request);

    /// The C view, valid while this object lives.
    [[nodiscard]] const confscope_export_input_v1& raw() const { return input_; }
    [[nodiscard]] const store::ScanSummary& summary() const { return summary_; }
    [[nodiscard]] const std::vector<store::StoredFinding>& findings() const { return findings_; }

    ExportInput(const ExportInput&) = delete;
    ExportInput& operator=(const ExportInput&) = delete;

  private:
    ExportInput() = default;
    void build_view(const ExportRequest& request);

    store::ScanSummary summary_;
    std::vector<store::StoredFile> files_;
    std::vector<store::StoredItem> items_;
    std::vector<store::StoredFinding> findings_;
    std::vector<scan::RuleInfo> rules_;
    std::vector<store::StoredPlugin> plugins_;
    std::vector<std::string> roots_;
    std::vector<std::string> option_keys_, option_values_;

    std::vector<confscope_export_file_v1> file_structs_;
    std::vector<confscope_export_item_v1> item_structs_;
    std::vector<confscope_export_finding_v1> finding_structs_;
    std::vector<confscope_export_rule_v1> rule_structs_;
    std::vector<confscope_export_plugin_v1> plugin_structs_;
    std::vector<const confscope_export_file_v1*> file_pointers_;
    std::vector<const confscope_export_item_v1*> item_pointers_;
    std::vector<const confscope_export_finding_v1*> finding_pointers_;
    std::vector<const confscope_export_rule_v1*> rule_pointers_;
    std::vector<const confscope_export_plugin_v1*> plugin_pointers_;
    std::vector<const char*> root_pointers_, key_pointers_, value_pointers_;
    confscope_export_input_v1 input_{};
};

/// Runs `exporter` over `input` and returns everything it wrote. A failed exporter's partial
/// output is discarded; the error names the plugin and carries its last_error().
Result<std::string> run_exporter(plugins::PluginInstance& exporter, const ExportInput& input);

}  // namespace confscope::report
