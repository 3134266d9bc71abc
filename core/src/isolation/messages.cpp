#include <confscope/isolation/messages.hpp>
#include <confscope/isolation/wire.hpp>

namespace confscope::isolation {

namespace {

// Smallest encoded sizes, so a forged element count is refused before anything is allocated.
constexpr std::size_t kMinNodeBytes = 3 * 4 + 4 + 4 * 5 + 8 * 2 + 4;
constexpr std::size_t kMinSecretBytes = 8 * 2 + 4 * 2 + 4;

// An optional string (NULL or text) as a flag and the text.
void optional_string(PayloadWriter& w, const char* text) {
    w.u8(text != nullptr ? 1 : 0).c_string(text);
}

bool read_optional(PayloadReader& r, std::string& text) {
    const bool present = r.u8() != 0;
    text = r.string();
    return present;
}

constexpr std::size_t kMinRuleBytes = 4 + 4 * 4;
constexpr std::size_t kMinTargetBytes = 4 * 4 + 4 * 3;

void put_rules(PayloadWriter& w, const std::vector<sdk::Rule>& rules) {
    w.u32(static_cast<std::uint32_t>(rules.size()));
    for (const sdk::Rule& r : rules) {
        w.string(r.id)
            .i32(static_cast<std::int32_t>(r.severity))
            .string(r.title)
            .string(r.help)
            .string(r.help_uri);
    }
}

std::vector<sdk::Rule> get_rules(PayloadReader& r) {
    std::vector<sdk::Rule> rules(r.count(kMinRuleBytes));
    for (sdk::Rule& rule : rules) {
        rule.id = r.string();
        rule.severity = static_cast<sdk::Severity>(r.i32());
        rule.title = r.string();
        rule.help = r.string();
        rule.help_uri = r.string();
    }
    return rules;
}

}  // namespace

std::string encode_hello(const PluginHello& hello) {
    PayloadWriter w;
    w.string(hello.name)
        .string(hello.version)
        .u32(hello.abi_major)
        .u32(hello.abi_minor)
        .u32(hello.kinds)
        .string(hello.family)
        .string(hello.library_sha256);
    put_rules(w, hello.rules);
    put_rules(w, hello.extra_rules);
    return w.take();
}

Result<PluginHello> decode_hello(std::string_view payload) {
    PayloadReader r(payload, "hello message");
    PluginHello h;
    h.name = r.string();
    h.version = r.string();
    h.abi_major = r.u32();
    h.abi_minor = r.u32();
    h.kinds = r.u32();
    h.family = r.string();
    h.library_sha256 = r.string();
    h.rules = get_rules(r);
    h.extra_rules = get_rules(r);
    CONFSCOPE_TRY(r.finish());
    return h;
}

std::string encode_targets(const std::vector<sdk::Target>& targets) {
    PayloadWriter w;
    w.u32(static_cast<std::uint32_t>(targets.size()));
    for (const sdk::Target& t : targets) {
        w.string(t.id)
            .string(t.category)
            .string(t.name)
            .string(t.path)
            .i32(static_cast<std::int32_t>(t.format))
            .i32(static_cast<std::int32_t>(t.scope))
            .u32(t.os_mask);
    }
    return w.take();
}

Result<std::vector<sdk::Target>> decode_targets(std::string_view payload) {
    PayloadReader r(payload, "targets message");
    std::vector<sdk::Target> targets(r.count(kMinTargetBytes));
    for (sdk::Target& t : targets) {
        t.id = r.string();
        t.category = r.string();
        t.name = r.string();
        t.path = r.string();
        t.format = static_cast<sdk::Format>(r.i32());
        t.scope = static_cast<sdk::Scope>(r.i32());
        t.os_mask = r.u32();
    }
    CONFSCOPE_TRY(r.finish());
    return targets;
}

std::string encode_analyze(const confscope_file_v1& file, const confscope_document_v1& document) {
    PayloadWriter w;
    w.c_string(file.path)
        .c_string(file.display_path)
        .c_string(file.target_id)
        .c_string(file.category)
        .c_string(file.target_name)
        .c_string(file.project_dir)
        .c_string(file.sha256_hex)
        .c_string(CONFSCOPE_HAS_MEMBER(&file, confscope_file_v1, home_dir) ? file.home_dir : "")
        .i32(file.scope)
        .i32(file.format)
        .u64(file.size)
        .u32(file.mode)
        .u32(file.uid)
        .u32(file.gid)
        .i64(file.mtime_unix)
        .u32(file.flags);
    w.i32(document.format)
        .i32(document.parse_status)
        .c_string(document.parse_error)
        .u32(document.error_line)
        .u32(document.error_column)
        .string(std::string_view(document.bytes != nullptr ? document.bytes : "",
                                 document.bytes != nullptr ? document.byte_count : 0))
        .u64(document.body_offset);
    w.u32(static_cast<std::uint32_t>(document.node_count));
    for (std::size_t i = 0; i < document.node_count; ++i) {
        const confscope_node_v1& n = *document.nodes[i];
        w.i32(n.kind)
            .c_string(n.pointer)
            .c_string(n.key)
            .string(std::string_view(n.value != nullptr ? n.value : "",
                                     n.value != nullptr ? n.value_size : 0))
            .i32(n.parent)
            .u32(n.child_count)
            .u32(n.line)
            .u32(n.column)
            .u64(n.value_offset)
            .u64(n.value_length)
            .u32(n.flags);
    }
    w.u32(static_cast<std::uint32_t>(document.secret_count));
    for (std::size_t i = 0; i < document.secret_count; ++i) {
        const confscope_secret_v1& s = *document.secrets[i];
        w.u64(s.offset).u64(s.length).u32(s.line).u32(s.column).c_string(s.kind);
    }
    return w.take();
}

namespace {
// [offset, offset + length) lies inside `size` bytes (without overflowing).
bool within(std::uint64_t offset, std::uint64_t length, std::size_t size) {
    return offset <= size && length <= size - offset;
}
}  // namespace

Result<std::unique_ptr<AnalyzeRequest>> AnalyzeRequest::decode(std::string_view payload) {
    std::unique_ptr<AnalyzeRequest> req(new AnalyzeRequest());
    PayloadReader r(payload, "analyze request");
    for (std::string& s : req->strings_)
        s = r.string();
    confscope_file_v1& f = req->file_;
    f.struct_size = sizeof f;
    f.path = req->strings_[0].c_str();
    f.display_path = req->strings_[1].c_str();
    f.target_id = req->strings_[2].c_str();
    f.category = req->strings_[3].c_str();
    f.target_name = req->strings_[4].c_str();
    f.project_dir = req->strings_[5].c_str();
    f.sha256_hex = req->strings_[6].c_str();
    f.home_dir = req->strings_[7].c_str();
    f.scope = static_cast<confscope_scope>(r.i32());
    f.format = static_cast<confscope_format>(r.i32());
    f.size = r.u64();
    f.mode = r.u32();
    f.uid = r.u32();
    f.gid = r.u32();
    f.mtime_unix = r.i64();
    f.flags = r.u32();

    confscope_document_v1& d = req->document_;
    d.struct_size = sizeof d;
    d.format = static_cast<confscope_format>(r.i32());
    d.parse_status = static_cast<confscope_status>(r.i32());
    req->parse_error_ = r.string();
    d.error_line = r.u32();
    d.error_column = r.u32();
    req->bytes_ = r.string();
    d.body_offset = static_cast<std::size_t>(r.u64());

    const std::uint32_t node_count = r.count(kMinNodeBytes);
    req->nodes_.assign(node_count, confscope_node_v1{});
    req->node_pointers_.resize(node_count);
    req->node_keys_.resize(node_count);
    req->node_values_.resize(node_count);
    for (std::uint32_t i = 0; i < node_count && r.ok(); ++i) {
        confscope_node_v1& n = req->nodes_[i];
        n.struct_size = sizeof n;
        n.kind = static_cast<confscope_node_kind>(r.i32());
        req->node_pointers_[i] = r.string();
        req->node_keys_[i] = r.string();
        req->node_values_[i] = r.string();
        n.parent = r.i32();
        n.child_count = r.u32();
        n.line = r.u32();
        n.column = r.u32();
        n.value_offset = r.u64();
        n.value_length = r.u64();
        n.flags = r.u32();
    }
    const std::uint32_t secret_count = r.count(kMinSecretBytes);
    req->secrets_.assign(secret_count, confscope_secret_v1{});
    req->secret_kinds_.resize(secret_count);
    for (std::uint32_t i = 0; i < secret_count && r.ok(); ++i) {
        confscope_secret_v1& s = req->secrets_[i];
        s.struct_size = sizeof s;
        s.offset = r.u64();
        s.length = r.u64();
        s.line = r.u32();
        s.column = r.u32();
        req->secret_kinds_[i] = r.string();
    }
    CONFSCOPE_TRY(r.finish());

    // The views point into the strings only now that no vector will grow again.
    for (std::uint32_t i = 0; i < node_count; ++i) {
        confscope_node_v1& n = req->nodes_[i];
        n.pointer = req->node_pointers_[i].c_str();
        n.key = req->node_keys_[i].c_str();
        n.value = req->node_values_[i].c_str();
        n.value_size = req->node_values_[i].size();
        if (n.parent < -1 || n.parent >= static_cast<std::int32_t>(i)) {
            return Status(StatusCode::data_loss, "analyze request: node " + std::to_string(i) +
                                                     " names parent " + std::to_string(n.parent) +
                                                     ", which does not come before it");
        }
        // Plugins slice the bytes by these spans, as they may in-process, where the parser
        // guarantees them: a span outside the bytes is not the protocol.
        if (!within(n.value_offset, n.value_length, req->bytes_.size())) {
            return Status(StatusCode::data_loss, "analyze request: node " + std::to_string(i) +
                                                     "'s value lies outside the file's " +
                                                     std::to_string(req->bytes_.size()) + " bytes");
        }
        req->node_views_.push_back(&n);
    }
    for (confscope_secret_v1& s : req->secrets_) {
        const auto index = static_cast<std::size_t>(&s - req->secrets_.data());
        if (!within(s.offset, s.length, req->bytes_.size())) {
            return Status(StatusCode::data_loss, "analyze request: secret " +
                                                     std::to_string(index) +
                                                     " lies outside the file's " +
                                                     std::to_string(req->bytes_.size()) + " bytes");
        }
        s.kind = req->secret_kinds_[index].c_str();
        req->secret_views_.push_back(&s);
    }
    if (d.body_offset > req->bytes_.size()) {
        return Status(StatusCode::data_loss, "analyze request: the body starts after the file's " +
                                                 std::to_string(req->bytes_.size()) + " bytes");
    }
    d.parse_error = req->parse_error_.c_str();
    d.bytes = req->bytes_.c_str();
    d.byte_count = req->bytes_.size();
    d.nodes = req->node_views_.data();
    d.node_count = req->node_views_.size();
    d.secrets = req->secret_views_.data();
    d.secret_count = req->secret_views_.size();
    return req;
}

std::string encode_item(const confscope_item_v1& item) {
    PayloadWriter w;
    w.c_string(item.kind).c_string(item.client).i32(item.scope).c_string(item.name);
    optional_string(w, item.data_json);
    w.c_string(item.pointer).u32(item.line).u32(item.column);
    optional_string(w, CONFSCOPE_HAS_MEMBER(&item, confscope_item_v1, path) ? item.path : nullptr);
    return w.take();
}

Result<std::unique_ptr<ItemMessage>> ItemMessage::decode(std::string_view payload) {
    std::unique_ptr<ItemMessage> m(new ItemMessage());
    PayloadReader r(payload, "item message");
    m->kind_ = r.string();
    m->client_ = r.string();
    const auto scope = static_cast<confscope_scope>(r.i32());
    m->name_ = r.string();
    m->has_data_ = read_optional(r, m->data_json_);
    m->pointer_ = r.string();
    const std::uint32_t line = r.u32();
    const std::uint32_t column = r.u32();
    m->has_path_ = read_optional(r, m->path_);
    CONFSCOPE_TRY(r.finish());
    confscope_item_v1& i = m->item_;
    i.struct_size = sizeof i;
    i.kind = m->kind_.c_str();
    i.client = m->client_.c_str();
    i.scope = scope;
    i.name = m->name_.c_str();
    i.data_json = m->has_data_ ? m->data_json_.c_str() : nullptr;
    i.pointer = m->pointer_.c_str();
    i.line = line;
    i.column = column;
    i.path = m->has_path_ ? m->path_.c_str() : nullptr;
    return m;
}

std::string encode_finding(const confscope_finding_v1& finding) {
    PayloadWriter w;
    w.c_string(finding.rule_id)
        .i32(finding.severity)
        .c_string(finding.message)
        .c_string(finding.pointer)
        .u32(finding.line)
        .u32(finding.column);
    optional_string(
        w, CONFSCOPE_HAS_MEMBER(&finding, confscope_finding_v1, path) ? finding.path : nullptr);
    return w.take();
}

Result<std::unique_ptr<FindingMessage>> FindingMessage::decode(std::string_view payload) {
    std::unique_ptr<FindingMessage> m(new FindingMessage());
    PayloadReader r(payload, "finding message");
    m->rule_id_ = r.string();
    const auto severity = static_cast<confscope_severity>(r.i32());
    m->message_ = r.string();
    m->pointer_ = r.string();
    const std::uint32_t line = r.u32();
    const std::uint32_t column = r.u32();
    m->has_path_ = read_optional(r, m->path_);
    CONFSCOPE_TRY(r.finish());
    confscope_finding_v1& f = m->finding_;
    f.struct_size = sizeof f;
    f.rule_id = m->rule_id_.c_str();
    f.severity = severity;
    f.message = m->message_.c_str();
    f.pointer = m->pointer_.c_str();
    f.line = line;
    f.column = column;
    f.path = m->has_path_ ? m->path_.c_str() : nullptr;
    return m;
}

std::string encode_log(confscope_log_level level, std::string_view text) {
    return PayloadWriter().i32(level).string(text).take();
}

Result<LogMessage> decode_log(std::string_view payload) {
    PayloadReader r(payload, "log message");
    LogMessage m;
    m.level = static_cast<confscope_log_level>(r.i32());
    m.text = r.string();
    CONFSCOPE_TRY(r.finish());
    return m;
}

std::string encode_done(confscope_status status, std::string_view error) {
    return PayloadWriter().i32(status).string(error).take();
}

Result<DoneMessage> decode_done(std::string_view payload) {
    PayloadReader r(payload, "done message");
    DoneMessage m;
    m.status = static_cast<confscope_status>(r.i32());
    m.error = r.string();
    CONFSCOPE_TRY(r.finish());
    return m;
}

}  // namespace confscope::isolation
