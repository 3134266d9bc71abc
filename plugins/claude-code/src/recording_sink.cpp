#include "recording_sink.hpp"

namespace claude_code {

namespace {

std::string text(const char* s) {
    return s ? std::string(s) : std::string();
}

}  // namespace

RecordingSink::RecordingSink(const sdk::File& file, sdk::Sink& real, std::string client)
    : path_(file.path()), display_(file.display_path()), real_(real), sink_(host_, client) {
    host_.struct_size = sizeof host_;
    host_.abi_major = CONFSCOPE_ABI_MAJOR;
    host_.abi_minor = CONFSCOPE_ABI_MINOR;
    host_.context = this;
    host_.emit_item = &RecordingSink::emit_item;
    host_.emit_finding = &RecordingSink::emit_finding;
    host_.log = &RecordingSink::log;
    host_.cancelled = &RecordingSink::cancelled;
    host_.write = &RecordingSink::write;
}

sdk::Location RecordingSink::place(const char* pointer, std::uint32_t line,
                                   std::uint32_t column) const {
    return {path_, display_, text(pointer), line, column};
}

confscope_status RecordingSink::emit_item(void* context, const confscope_item_v1* item) {
    auto* self = static_cast<RecordingSink*>(context);
    if (item == nullptr || item->kind == nullptr || item->name == nullptr)
        return CONFSCOPE_INVALID_ARGUMENT;
    self->items.push_back({text(item->kind), text(item->client), text(item->name),
                           text(item->data_json), static_cast<sdk::Scope>(item->scope),
                           self->place(item->pointer, item->line, item->column)});
    return CONFSCOPE_OK;
}

confscope_status RecordingSink::emit_finding(void* context, const confscope_finding_v1* finding) {
    auto* self = static_cast<RecordingSink*>(context);
    if (finding == nullptr || finding->rule_id == nullptr || finding->message == nullptr)
        return CONFSCOPE_INVALID_ARGUMENT;
    self->findings.push_back({text(finding->rule_id), static_cast<sdk::Severity>(finding->severity),
                              text(finding->message),
                              self->place(finding->pointer, finding->line, finding->column)});
    return CONFSCOPE_OK;
}

void RecordingSink::log(void* context, confscope_log_level level, const char* message) {
    auto* self = static_cast<RecordingSink*>(context);
    if (message != nullptr) self->real_.log(static_cast<sdk::LogLevel>(level), message);
}

std::int32_t RecordingSink::cancelled(void* context) {
    return static_cast<RecordingSink*>(context)->real_.cancelled() ? 1 : 0;
}

confscope_status RecordingSink::write(void*, const char*, std::size_t) {
    return CONFSCOPE_FAILED_PRECONDITION;  // scanners never write
}

void report_item(sdk::Sink& sink, const RecordedItem& item) {
    sink.item_json(item.kind, item.name, item.scope, item.data_json, item.at, item.client);
}

}  // namespace claude_code
