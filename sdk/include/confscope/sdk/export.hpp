// confscope/sdk/export.hpp — a C++ view of the stored scan an exporter receives
// (confscope_export_input_v1), so an exporter reads string_views and enums instead of C structs.
//
// Lifetime: an ExportScan and every view in it borrow the host's input; they are valid only during
// export_scan(). Copy what you keep. Members a host of an older minor did not send read as empty.
//
// Example (an exporter writing one line per finding):
//
//     class LinesExporter {
//     public:
//         static sdk::PluginInfo info() { return {.summary = "One line per finding",
//                                                 .family = "lines"}; }
//         void export_scan(const sdk::ExportScan& scan, sdk::Writer& out) {
//             for (const sdk::ExportFinding& f : scan.findings())
//                 out << f.rule_id << " " << f.display_path << "\n";
//         }
//     };
//     CONFSCOPE_PLUGIN(LinesExporter)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <confscope/plugin_api.h>
#include <confscope/sdk/types.hpp>

namespace confscope::sdk {

namespace detail {
inline std::string_view view(const char* text) {
    return text != nullptr ? std::string_view(text) : std::string_view();
}
}  // namespace detail

/// One location of the scan; see confscope_export_file_v1.
struct ExportFile {
    std::string_view plugin, category, target_name;
    Scope scope = Scope::unknown;
    Format format = Format::unknown;
    std::string_view path, display_path, repo_path;
    bool exists = false;
    std::uint64_t size = 0;
    std::uint32_t mode = 0;
    std::string_view modified_time, sha256, parse_error, error;
};

/// One inventory item; see confscope_export_item_v1.
struct ExportItem {
    std::string_view plugin, kind, client;
    Scope scope = Scope::unknown;
    std::string_view name, data_json;
    std::size_t file = 0;  ///< index into ExportScan::files()
    std::string_view display_path, pointer;
    std::uint32_t line = 0, column = 0;
};

/// One finding; see confscope_export_finding_v1.
struct ExportFinding {
    std::string_view plugin, rule_id;
    Severity severity = Severity::info;
    std::string_view message;
    std::size_t file = 0;  ///< index into ExportScan::files()
    std::string_view display_path, repo_path, pointer;
    std::uint32_t line = 0, column = 0;
    std::string_view fingerprint;
    bool suppressed = false;
    std::string_view suppression;
};

/// One rule the findings refer to; see confscope_export_rule_v1.
struct ExportRule {
    std::string_view id, plugin;
    Severity severity = Severity::info;
    std::string_view title, help, help_uri;
};

/// One plugin of the scan; see confscope_export_plugin_v1.
struct ExportPlugin {
    std::string_view name, version;
    bool failed = false;
    std::string_view error;
    std::uint64_t files_analyzed = 0;
};

/// The whole stored scan.
class ExportScan {
  public:
    explicit ExportScan(const confscope_export_input_v1& raw) : raw_(&raw) {
        using detail::view;
        for (std::size_t i = 0; i < raw.file_count; ++i) {
            const confscope_export_file_v1& f = *raw.files[i];
            files_.push_back({view(f.plugin), view(f.category), view(f.target_name),
                              static_cast<Scope>(f.scope), static_cast<Format>(f.format),
                              view(f.path), view(f.display_path), view(f.repo_path), f.exists != 0,
                              f.size, f.mode, view(f.modified_time), view(f.sha256_hex),
                              view(f.parse_error), view(f.error)});
        }
        for (std::size_t i = 0; i < raw.item_count; ++i) {
            const confscope_export_item_v1& it = *raw.items[i];
            items_.push_back({view(it.plugin), view(it.kind), view(it.client),
                              static_cast<Scope>(it.scope), view(it.name), view(it.data_json),
                              it.file, view(it.display_path), view(it.pointer), it.line,
                              it.column});
        }
        for (std::size_t i = 0; i < raw.finding_count; ++i) {
            const confscope_export_finding_v1& f = *raw.findings[i];
            findings_.push_back({view(f.plugin), view(f.rule_id), static_cast<Severity>(f.severity),
                                 view(f.message), f.file, view(f.display_path), view(f.repo_path),
                                 view(f.pointer), f.line, f.column, view(f.fingerprint),
                                 f.suppressed != 0, view(f.suppression)});
        }
        for (std::size_t i = 0; i < raw.rule_count; ++i) {
            const confscope_export_rule_v1& r = *raw.rules[i];
            rules_.push_back({view(r.id), view(r.plugin), static_cast<Severity>(r.severity),
                              view(r.title), view(r.help), view(r.help_uri)});
        }
        for (std::size_t i = 0; i < raw.plugin_count; ++i) {
            const confscope_export_plugin_v1& p = *raw.plugins[i];
            plugins_.push_back(
                {view(p.name), view(p.version), p.failed != 0, view(p.error), p.files_analyzed});
        }
        for (std::size_t i = 0; i < raw.root_count; ++i)
            roots_.push_back(view(raw.roots[i]));
    }

    [[nodiscard]] std::string_view uuid() const { return detail::view(raw_->scan_uuid); }
    /// Every plugin ran to the end.
    [[nodiscard]] bool complete() const { return raw_->complete != 0; }
    [[nodiscard]] std::string_view started_at() const { return detail::view(raw_->started_at); }
    [[nodiscard]] std::string_view finished_at() const { return detail::view(raw_->finished_at); }
    [[nodiscard]] std::int64_t duration_ms() const { return raw_->duration_ms; }
    [[nodiscard]] std::string_view host() const { return detail::view(raw_->host); }
    [[nodiscard]] std::string_view username() const { return detail::view(raw_->username); }
    [[nodiscard]] std::string_view os_type() const { return detail::view(raw_->os_type); }
    [[nodiscard]] std::string_view os_version() const { return detail::view(raw_->os_version); }
    [[nodiscard]] std::string_view home() const { return detail::view(raw_->home); }
    [[nodiscard]] std::string_view system_root() const { return detail::view(raw_->system_root); }
    [[nodiscard]] std::string_view tool_version() const { return detail::view(raw_->tool_version); }
    [[nodiscard]] std::uint64_t locations_checked() const { return raw_->locations_checked; }
    [[nodiscard]] std::uint64_t directories_walked() const { return raw_->directories_walked; }
    [[nodiscard]] std::uint64_t unreadable() const { return raw_->unreadable; }
    /// Findings at or above this severity are failures (for formats that mark them).
    [[nodiscard]] Severity fail_on() const { return static_cast<Severity>(raw_->fail_on); }

    [[nodiscard]] const std::vector<std::string_view>& roots() const { return roots_; }
    [[nodiscard]] const std::vector<ExportFile>& files() const { return files_; }
    [[nodiscard]] const std::vector<ExportItem>& items() const { return items_; }
    [[nodiscard]] const std::vector<ExportFinding>& findings() const { return findings_; }
    [[nodiscard]] const std::vector<ExportRule>& rules() const { return rules_; }
    [[nodiscard]] const std::vector<ExportPlugin>& plugins() const { return plugins_; }

    /// The rule with this id, or nullptr.
    [[nodiscard]] const ExportRule* rule(std::string_view id) const {
        for (const ExportRule& r : rules_)
            if (r.id == id) return &r;
        return nullptr;
    }

    /// The value of an exporter option (--option key=value, or "what"), or `fallback`.
    [[nodiscard]] std::string_view option(std::string_view key,
                                          std::string_view fallback = {}) const {
        for (std::size_t i = 0; i < raw_->option_count; ++i)
            if (detail::view(raw_->option_keys[i]) == key)
                return detail::view(raw_->option_values[i]);
        return fallback;
    }
    /// What the user asked to export: "findings" (default), "inventory" or "files".
    [[nodiscard]] std::string_view what() const { return option("what", "findings"); }

    /// True when the finding is a failure: not suppressed and at or above fail_on().
    [[nodiscard]] bool fails(const ExportFinding& f) const {
        return !f.suppressed && static_cast<int>(f.severity) >= static_cast<int>(fail_on());
    }

    [[nodiscard]] const confscope_export_input_v1& raw() const { return *raw_; }

  private:
    const confscope_export_input_v1* raw_;
    std::vector<std::string_view> roots_;
    std::vector<ExportFile> files_;
    std::vector<ExportItem> items_;
    std::vector<ExportFinding> findings_;
    std::vector<ExportRule> rules_;
    std::vector<ExportPlugin> plugins_;
};

}  // namespace confscope::sdk
