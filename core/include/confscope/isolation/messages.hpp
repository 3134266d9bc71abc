// confscope/isolation/messages.hpp — the ABI's plain data as runner messages (see wire.hpp): a file
// with its parsed document for analyze(), and the items, findings and logs a plugin reports back.
//
// Encoders read the C structs of <confscope/plugin_api.h>. Decoders build owning copies whose C
// view (`view()`) points into them, so the receiving side calls a plugin, or the host's checks,
// with exactly the structs an in-process call would have used. A decoded message is not movable
// (its view points into itself): decoders return it in a unique_ptr.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/plugin_api.h>
#include <confscope/sdk/types.hpp>

namespace confscope::isolation {

/// The runner's answer to hello: what an in-process load would have read from the descriptor.
struct PluginHello {
    std::string name;
    std::string version;
    std::uint32_t abi_major = 0;
    std::uint32_t abi_minor = 0;
    std::uint32_t kinds = 0;
    std::string family;
    std::string library_sha256;
    std::vector<sdk::Rule> rules;        ///< the descriptor's
    std::vector<sdk::Rule> extra_rules;  ///< instance_rules(), known once configured
    std::string summary, license, contact;
    std::uint32_t required_minor = 0;
};
std::string encode_hello(const PluginHello& hello);
Result<PluginHello> decode_hello(std::string_view payload);

/// The answer to targets().
std::string encode_targets(const std::vector<sdk::Target>& targets);
Result<std::vector<sdk::Target>> decode_targets(std::string_view payload);

/// analyze(): the file and its document, in one payload.
std::string encode_analyze(const confscope_file_v1& file, const confscope_document_v1& document);

class AnalyzeRequest {
  public:
    static Result<std::unique_ptr<AnalyzeRequest>> decode(std::string_view payload);
    [[nodiscard]] const confscope_file_v1& file() const { return file_; }
    [[nodiscard]] const confscope_document_v1& document() const { return document_; }

    AnalyzeRequest(const AnalyzeRequest&) = delete;
    AnalyzeRequest& operator=(const AnalyzeRequest&) = delete;

  private:
    AnalyzeRequest() = default;

    // File strings: path, display path, target id, category, target name, project dir, sha256,
    // home dir.
    std::string strings_[8];
    confscope_file_v1 file_{};

    std::string bytes_, parse_error_;
    std::vector<std::string> node_pointers_, node_keys_, node_values_, secret_kinds_;
    std::vector<confscope_node_v1> nodes_;
    std::vector<const confscope_node_v1*> node_views_;
    std::vector<confscope_secret_v1> secrets_;
    std::vector<const confscope_secret_v1*> secret_views_;
    confscope_document_v1 document_{};
};

/// export_scan(): a stored scan, as an exporter receives it.
std::string encode_export(const confscope_export_input_v1& input);

class ExportRequest {
  public:
    static Result<std::unique_ptr<ExportRequest>> decode(std::string_view payload);
    [[nodiscard]] const confscope_export_input_v1& input() const { return input_; }

    ExportRequest(const ExportRequest&) = delete;
    ExportRequest& operator=(const ExportRequest&) = delete;

  private:
    ExportRequest() = default;
    const char* keep(std::string text);  // a string that lives as long as this request

    std::deque<std::string> strings_;  // a deque never moves its elements: c_str() stays valid
    std::vector<const char*> roots_, option_keys_, option_values_;
    std::vector<confscope_export_file_v1> files_;
    std::vector<confscope_export_item_v1> items_;
    std::vector<confscope_export_finding_v1> findings_;
    std::vector<confscope_export_rule_v1> rules_;
    std::vector<confscope_export_plugin_v1> plugins_;
    std::vector<const confscope_export_file_v1*> file_views_;
    std::vector<const confscope_export_item_v1*> item_views_;
    std::vector<const confscope_export_finding_v1*> finding_views_;
    std::vector<const confscope_export_rule_v1*> rule_views_;
    std::vector<const confscope_export_plugin_v1*> plugin_views_;
    confscope_export_input_v1 input_{};
};

/// emit_item(): an inventory item.
std::string encode_item(const confscope_item_v1& item);

class ItemMessage {
  public:
    static Result<std::unique_ptr<ItemMessage>> decode(std::string_view payload);
    [[nodiscard]] const confscope_item_v1& view() const { return item_; }

    ItemMessage(const ItemMessage&) = delete;
    ItemMessage& operator=(const ItemMessage&) = delete;

  private:
    ItemMessage() = default;
    std::string kind_, client_, name_, data_json_, pointer_, path_;
    bool has_data_ = false, has_path_ = false;
    confscope_item_v1 item_{};
};

/// emit_finding(): a finding.
std::string encode_finding(const confscope_finding_v1& finding);

class FindingMessage {
  public:
    static Result<std::unique_ptr<FindingMessage>> decode(std::string_view payload);
    [[nodiscard]] const confscope_finding_v1& view() const { return finding_; }

    FindingMessage(const FindingMessage&) = delete;
    FindingMessage& operator=(const FindingMessage&) = delete;

  private:
    FindingMessage() = default;
    std::string rule_id_, message_, pointer_, path_;
    bool has_path_ = false;
    confscope_finding_v1 finding_{};
};

/// log(): one line at a level.
struct LogMessage {
    confscope_log_level level = CONFSCOPE_LOG_INFO;
    std::string text;
};
std::string encode_log(confscope_log_level level, std::string_view text);
Result<LogMessage> decode_log(std::string_view payload);

/// The end of a call (analyze, finish, targets...): its status and the plugin's last_error().
struct DoneMessage {
    confscope_status status = CONFSCOPE_OK;
    std::string error;
};
std::string encode_done(confscope_status status, std::string_view error);
Result<DoneMessage> decode_done(std::string_view payload);

}  // namespace confscope::isolation
