// A Sink that keeps what an analysis reports instead of passing it on, so that plugin.cpp can
// decide in finish() — once every file is known — whether and how each result is reported: the
// files of a Claude Code plugin count only if the plugin is installed and enabled, and a finding
// on an allow rule, a hook or an MCP server that managed policy makes Claude Code ignore is info.
#pragma once

#include <string>
#include <vector>

#include "common.hpp"

namespace claude_code {

/// An inventory item as an analysis reported it, with the file it belongs to.
struct RecordedItem {
    std::string kind, client, name, data_json;
    sdk::Scope scope = sdk::Scope::unknown;
    sdk::Location at;
};

/// A finding as an analysis reported it, with the file it belongs to.
struct RecordedFinding {
    std::string rule_id;
    sdk::Severity severity = sdk::Severity::info;
    std::string message;
    sdk::Location at;
};

/// Owns a confscope_host_v1 whose callbacks copy every item and finding reported about `file`
/// (owning copies, placed in that file), and the Sink over it. Cancellation and log lines go to
/// the real Sink. Lives for one analyze() call.
class RecordingSink {
  public:
    RecordingSink(const sdk::File& file, sdk::Sink& real, std::string client);
    RecordingSink(const RecordingSink&) = delete;
    RecordingSink& operator=(const RecordingSink&) = delete;

    /// The Sink to give the analysis.
    sdk::Sink& sink() { return sink_; }

    std::vector<RecordedItem> items;
    std::vector<RecordedFinding> findings;

  private:
    static confscope_status emit_item(void* context, const confscope_item_v1* item);
    static confscope_status emit_finding(void* context, const confscope_finding_v1* finding);
    static void log(void* context, confscope_log_level level, const char* message);
    static std::int32_t cancelled(void* context);
    static confscope_status write(void* context, const char* bytes, std::size_t size);

    sdk::Location place(const char* pointer, std::uint32_t line, std::uint32_t column) const;

    std::string path_, display_;
    sdk::Sink& real_;
    confscope_host_v1 host_{};
    sdk::Sink sink_;  // over host_: declared after it
};

/// Reports a recorded item at its remembered place.
void report_item(sdk::Sink& sink, const RecordedItem& item);

}  // namespace claude_code
