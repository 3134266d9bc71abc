#include "analyze_session.hpp"

#include <cstddef>

#include <rapidjson/document.h>

#include <confscope/base/json_depth.hpp>
#include <confscope/log/log.hpp>

namespace confscope::scan::detail {

namespace {

bool in_range(std::int32_t value, std::int32_t low, std::int32_t high) {
    return value >= low && value <= high;
}

}  // namespace

AnalyzeSession::AnalyzeSession(std::string plugin, std::size_t file_index, std::string file_path,
                               const std::set<std::string, std::less<>>& declared_rules,
                               const std::atomic<bool>* cancel, ResultBudget& budget)
    : plugin_(std::move(plugin)),
      file_index_(file_index),
      file_path_(std::move(file_path)),
      declared_rules_(declared_rules),
      cancel_(cancel),
      budget_(budget) {
    init_host();
}

AnalyzeSession::AnalyzeSession(std::string plugin,
                               const std::map<std::string, std::size_t, std::less<>>& analyzed,
                               const std::set<std::string, std::less<>>& declared_rules,
                               const std::atomic<bool>* cancel, ResultBudget& budget)
    : plugin_(std::move(plugin)),
      analyzed_(&analyzed),
      declared_rules_(declared_rules),
      cancel_(cancel),
      budget_(budget) {
    init_host();
}

void AnalyzeSession::init_host() {
    host_.struct_size = sizeof host_;
    host_.abi_major = CONFSCOPE_ABI_MAJOR;
    host_.abi_minor = CONFSCOPE_ABI_MINOR;
    host_.context = this;
    host_.emit_item = &AnalyzeSession::emit_item;
    host_.emit_finding = &AnalyzeSession::emit_finding;
    host_.log = &AnalyzeSession::log;
    host_.cancelled = &AnalyzeSession::cancelled;
    host_.write = &AnalyzeSession::write;
}

std::optional<std::size_t> AnalyzeSession::file_for(const char* path) const {
    if (analyzed_ == nullptr) {  // analyze(): the file being analyzed, named or not
        if (path == nullptr || file_path_ == path) return file_index_;
        return std::nullopt;
    }
    if (path == nullptr) return std::nullopt;  // finish(): the file must be named
    const auto it = analyzed_->find(std::string_view(path));
    if (it == analyzed_->end()) return std::nullopt;
    return it->second;
}

bool AnalyzeSession::spend(std::size_t bytes) {
    if (!over_budget_.empty()) return false;
    const bool call_count = call_results_ + 1 > ResultBudget::kResultsPerCall;
    const bool call_bytes = call_bytes_ + bytes > ResultBudget::kBytesPerCall;
    const bool scan_count = budget_.results + 1 > ResultBudget::kResultsPerScan;
    const bool scan_bytes = budget_.bytes + bytes > ResultBudget::kBytesPerScan;
    if (!call_count && !call_bytes && !scan_count && !scan_bytes) {
        ++call_results_;
        call_bytes_ += bytes;
        ++budget_.results;
        budget_.bytes += bytes;
        return true;
    }
    const std::string call = analyzed_ == nullptr ? "one file" : "its finish()";
    if (call_count) {
        over_budget_ = "it emitted more than " + std::to_string(ResultBudget::kResultsPerCall) +
                       " results for " + call;
    } else if (call_bytes) {
        over_budget_ = "it emitted more than " + std::to_string(ResultBudget::kBytesPerCall >> 20) +
                       " MiB of results for " + call;
    } else if (scan_count) {
        over_budget_ = "it emitted more than " + std::to_string(ResultBudget::kResultsPerScan) +
                       " results in this scan";
    } else {
        over_budget_ = "it emitted more than " + std::to_string(ResultBudget::kBytesPerScan >> 20) +
                       " MiB of results in this scan";
    }
    over_budget_ += " (the host's limit; the plugin is failed)";
    return false;
}

confscope_status AnalyzeSession::emit_item(void* context, const confscope_item_v1* item) {
    auto* self = static_cast<AnalyzeSession*>(context);
    if (self->cancel_ && self->cancel_->load()) return CONFSCOPE_CANCELLED;
    if (item == nullptr ||
        item->struct_size < offsetof(confscope_item_v1, column) + sizeof(item->column) ||
        item->kind == nullptr || item->client == nullptr || item->name == nullptr ||
        *item->kind == '\0' ||
        !in_range(item->scope, CONFSCOPE_SCOPE_UNKNOWN, CONFSCOPE_SCOPE_PLUGIN)) {
        return CONFSCOPE_INVALID_ARGUMENT;
    }
    std::string data = item->data_json ? item->data_json : "{}";
    if (json_too_deep(data)) return CONFSCOPE_INVALID_ARGUMENT;  // before any recursive parse
    rapidjson::Document check;
    check.Parse(data.c_str(), data.size());
    if (check.HasParseError() || !check.IsObject()) return CONFSCOPE_INVALID_ARGUMENT;
    const char* path = CONFSCOPE_HAS_MEMBER(item, confscope_item_v1, path) ? item->path : nullptr;
    const auto file = self->file_for(path);
    if (!file) return CONFSCOPE_INVALID_ARGUMENT;
    Item copy;
    copy.file = *file;
    copy.plugin = self->plugin_;
    copy.kind = item->kind;
    copy.client = item->client;
    copy.scope = static_cast<sdk::Scope>(item->scope);
    copy.name = item->name;
    copy.data_json = std::move(data);
    copy.pointer = item->pointer ? item->pointer : "";
    copy.line = item->line;
    copy.column = item->column;
    if (!self->spend(sizeof copy + copy.kind.size() + copy.client.size() + copy.name.size() +
                     copy.data_json.size() + copy.pointer.size()))
        return CONFSCOPE_RESOURCE_EXHAUSTED;
    self->items_.push_back(std::move(copy));
    return CONFSCOPE_OK;
}

confscope_status AnalyzeSession::emit_finding(void* context, const confscope_finding_v1* finding) {
    auto* self = static_cast<AnalyzeSession*>(context);
    if (self->cancel_ && self->cancel_->load()) return CONFSCOPE_CANCELLED;
    if (finding == nullptr ||
        finding->struct_size < offsetof(confscope_finding_v1, column) + sizeof(finding->column) ||
        finding->rule_id == nullptr || finding->message == nullptr ||
        !in_range(finding->severity, CONFSCOPE_SEVERITY_INFO, CONFSCOPE_SEVERITY_CRITICAL) ||
        !self->declared_rules_.contains(std::string_view(finding->rule_id))) {
        return CONFSCOPE_INVALID_ARGUMENT;
    }
    const char* path =
        CONFSCOPE_HAS_MEMBER(finding, confscope_finding_v1, path) ? finding->path : nullptr;
    const auto file = self->file_for(path);
    if (!file) return CONFSCOPE_INVALID_ARGUMENT;
    Finding copy;
    copy.file = *file;
    copy.plugin = self->plugin_;
    copy.rule_id = finding->rule_id;
    copy.severity = static_cast<sdk::Severity>(finding->severity);
    copy.message = finding->message;
    copy.pointer = finding->pointer ? finding->pointer : "";
    copy.line = finding->line;
    copy.column = finding->column;
    if (!self->spend(sizeof copy + copy.rule_id.size() + copy.message.size() + copy.pointer.size()))
        return CONFSCOPE_RESOURCE_EXHAUSTED;
    self->findings_.push_back(std::move(copy));
    return CONFSCOPE_OK;
}

void AnalyzeSession::log(void* context, confscope_log_level level, const char* message) {
    const auto* self = static_cast<AnalyzeSession*>(context);
    if (message != nullptr)
        log::write(log::from_abi_level(level), "plugin " + self->plugin_ + ": " + message);
}

std::int32_t AnalyzeSession::cancelled(void* context) {
    const auto* self = static_cast<AnalyzeSession*>(context);
    return self->cancel_ != nullptr && self->cancel_->load() ? 1 : 0;
}

confscope_status AnalyzeSession::write(void*, const char*, std::size_t) {
    return CONFSCOPE_FAILED_PRECONDITION;
}

}  // namespace confscope::scan::detail
