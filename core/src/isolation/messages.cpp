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
    w.string(hello.summary).string(hello.license).string(hello.contact).u32(hello.required_minor);
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
    h.summary = r.string();
    h.license = r.string();
    h.contact = r.string();
    h.required_minor = r.u32();
    CONFSCOPE_TRY(r.finish());
    return h;
}

// ---- export_scan ------------------------------------------------------------------------------

namespace {

// Smallest encoded sizes of the export elements (a string is at least its 4-byte length).
constexpr std::size_t kMinExportFileBytes = 4 * 11 + 4 * 3 + 8 + 4;
constexpr std::size_t kMinExportItemBytes = 4 * 7 + 4 + 8 + 4 * 2;
constexpr std::size_t kMinExportFindingBytes = 4 * 9 + 4 + 8 + 4 * 2 + 4;
constexpr std::size_t kMinExportRuleBytes = 4 * 5 + 4;
constexpr std::size_t kMinExportPluginBytes = 4 * 3 + 4 + 8;

}  // namespace

std::string encode_export(const confscope_export_input_v1& in) {
    PayloadWriter w;
    w.c_string(in.scan_uuid)
        .i32(in.complete)
        .c_string(in.started_at)
        .c_string(in.finished_at)
        .i64(in.duration_ms)
        .c_string(in.host)
        .c_string(in.username)
        .c_string(in.os_type)
        .c_string(in.os_version)
        .c_string(in.home)
        .c_string(in.system_root)
        .c_string(in.tool_version)
        .u64(in.locations_checked)
        .u64(in.directories_walked)
        .u64(in.unreadable)
        .i32(in.fail_on);
    w.u32(static_cast<std::uint32_t>(in.root_count));
    for (std::size_t i = 0; i < in.root_count; ++i)
        w.c_string(in.roots[i]);
    w.u32(static_cast<std::uint32_t>(in.option_count));
    for (std::size_t i = 0; i < in.option_count; ++i)
        w.c_string(in.option_keys[i]).c_string(in.option_values[i]);
    w.u32(static_cast<std::uint32_t>(in.file_count));
    for (std::size_t i = 0; i < in.file_count; ++i) {
        const confscope_export_file_v1& f = *in.files[i];
        w.c_string(f.plugin)
            .c_string(f.category)
            .c_string(f.target_name)
            .i32(f.scope)
            .i32(f.format)
            .c_string(f.path)
            .c_string(f.display_path)
            .c_string(f.repo_path)
            .i32(f.exists)
            .u64(f.size)
            .u32(f.mode)
            .c_string(f.modified_time)
            .c_string(f.sha256_hex)
            .c_string(f.parse_error)
            .c_string(f.error);
    }
    w.u32(static_cast<std::uint32_t>(in.item_count));
    for (std::size_t i = 0; i < in.item_count; ++i) {
        const confscope_export_item_v1& it = *in.items[i];
        w.c_string(it.plugin)
            .c_string(it.kind)
            .c_string(it.client)
            .i32(it.scope)
            .c_string(it.name)
            .c_string(it.data_json)
            .u64(it.file)
            .c_string(it.display_path)
            .c_string(it.pointer)
            .u32(it.line)
            .u32(it.column);
    }
    w.u32(static_cast<std::uint32_t>(in.finding_count));
    for (std::size_t i = 0; i < in.finding_count; ++i) {
        const confscope_export_finding_v1& f = *in.findings[i];
        w.c_string(f.plugin)
            .c_string(f.rule_id)
            .i32(f.severity)
            .c_string(f.message)
            .u64(f.file)
            .c_string(f.display_path)
            .c_string(f.repo_path)
            .c_string(f.pointer)
            .u32(f.line)
            .u32(f.column)
            .c_string(f.fingerprint)
            .i32(f.suppressed)
            .c_string(f.suppression);
    }
    w.u32(static_cast<std::uint32_t>(in.rule_count));
    for (std::size_t i = 0; i < in.rule_count; ++i) {
        const confscope_export_rule_v1& r = *in.rules[i];
        w.c_string(r.id)
            .c_string(r.plugin)
            .i32(r.severity)
            .c_string(r.title)
            .c_string(r.help)
            .c_string(r.help_uri);
    }
    w.u32(static_cast<std::uint32_t>(in.plugin_count));
    for (std::size_t i = 0; i < in.plugin_count; ++i) {
        const confscope_export_plugin_v1& p = *in.plugins[i];
        w.c_string(p.name).c_string(p.version).i32(p.failed).c_string(p.error).u64(
            p.files_analyzed);
    }
    return w.take();
}

const char* ExportRequest::keep(std::string text) {
    strings_.push_back(std::move(text));
    return strings_.back().c_str();
}

Result<std::unique_ptr<ExportRequest>> ExportRequest::decode(std::string_view payload) {
    PayloadReader r(payload, "export message");
    std::unique_ptr<ExportRequest> m(new ExportRequest());
    confscope_export_input_v1& in = m->input_;
    in.struct_size = sizeof in;
    in.scan_uuid = m->keep(r.string());
    in.complete = r.i32();
    in.started_at = m->keep(r.string());
    in.finished_at = m->keep(r.string());
    in.duration_ms = r.i64();
    in.host = m->keep(r.string());
    in.username = m->keep(r.string());
    in.os_type = m->keep(r.string());
    in.os_version = m->keep(r.string());
    in.home = m->keep(r.string());
    in.system_root = m->keep(r.string());
    in.tool_version = m->keep(r.string());
    in.locations_checked = r.u64();
    in.directories_walked = r.u64();
    in.unreadable = r.u64();
    in.fail_on = static_cast<confscope_severity>(r.i32());
    m->roots_.resize(r.count(4));
    for (const char*& root : m->roots_)
        root = m->keep(r.string());
    const std::uint32_t options = r.count(8);
    for (std::uint32_t i = 0; i < options; ++i) {
        m->option_keys_.push_back(m->keep(r.string()));
        m->option_values_.push_back(m->keep(r.string()));
    }
    m->files_.resize(r.count(kMinExportFileBytes));
    for (confscope_export_file_v1& f : m->files_) {
        f.struct_size = sizeof f;
        f.plugin = m->keep(r.string());
        f.category = m->keep(r.string());
        f.target_name = m->keep(r.string());
        f.scope = static_cast<confscope_scope>(r.i32());
        f.format = static_cast<confscope_format>(r.i32());
        f.path = m->keep(r.string());
        f.display_path = m->keep(r.string());
        f.repo_path = m->keep(r.string());
        f.exists = r.i32();
        f.size = r.u64();
        f.mode = r.u32();
        f.modified_time = m->keep(r.string());
        f.sha256_hex = m->keep(r.string());
        f.parse_error = m->keep(r.string());
        f.error = m->keep(r.string());
    }
    m->items_.resize(r.count(kMinExportItemBytes));
    for (confscope_export_item_v1& it : m->items_) {
        it.struct_size = sizeof it;
        it.plugin = m->keep(r.string());
        it.kind = m->keep(r.string());
        it.client = m->keep(r.string());
        it.scope = static_cast<confscope_scope>(r.i32());
        it.name = m->keep(r.string());
        it.data_json = m->keep(r.string());
        it.file = static_cast<std::size_t>(r.u64());
        it.display_path = m->keep(r.string());
        it.pointer = m->keep(r.string());
        it.line = r.u32();
        it.column = r.u32();
    }
    m->findings_.resize(r.count(kMinExportFindingBytes));
    for (confscope_export_finding_v1& f : m->findings_) {
        f.struct_size = sizeof f;
        f.plugin = m->keep(r.string());
        f.rule_id = m->keep(r.string());
        f.severity = static_cast<confscope_severity>(r.i32());
        f.message = m->keep(r.string());
        f.file = static_cast<std::size_t>(r.u64());
        f.display_path = m->keep(r.string());
        f.repo_path = m->keep(r.string());
        f.pointer = m->keep(r.string());
        f.line = r.u32();
        f.column = r.u32();
        f.fingerprint = m->keep(r.string());
        f.suppressed = r.i32();
        f.suppression = m->keep(r.string());
    }
    m->rules_.resize(r.count(kMinExportRuleBytes));
    for (confscope_export_rule_v1& rule : m->rules_) {
        rule.struct_size = sizeof rule;
        rule.id = m->keep(r.string());
        rule.plugin = m->keep(r.string());
        rule.severity = static_cast<confscope_severity>(r.i32());
        rule.title = m->keep(r.string());
        rule.help = m->keep(r.string());
        rule.help_uri = m->keep(r.string());
    }
    m->plugins_.resize(r.count(kMinExportPluginBytes));
    for (confscope_export_plugin_v1& p : m->plugins_) {
        p.struct_size = sizeof p;
        p.name = m->keep(r.string());
        p.version = m->keep(r.string());
        p.failed = r.i32();
        p.error = m->keep(r.string());
        p.files_analyzed = r.u64();
    }
    CONFSCOPE_TRY(r.finish());
    // Indexes into files must hold: the exporter trusts them as the host's own would be.
    for (const confscope_export_item_v1& it : m->items_)
        if (it.file >= m->files_.size())
            return Status::invalid_argument("export message: an item names file " +
                                            std::to_string(it.file) + " of " +
                                            std::to_string(m->files_.size()));
    for (const confscope_export_finding_v1& f : m->findings_)
        if (f.file >= m->files_.size())
            return Status::invalid_argument("export message: a finding names file " +
                                            std::to_string(f.file) + " of " +
                                            std::to_string(m->files_.size()));
    for (const auto& f : m->files_)
        m->file_views_.push_back(&f);
    for (const auto& it : m->items_)
        m->item_views_.push_back(&it);
    for (const auto& f : m->findings_)
        m->finding_views_.push_back(&f);
    for (const auto& rule : m->rules_)
        m->rule_views_.push_back(&rule);
    for (const auto& p : m->plugins_)
        m->plugin_views_.push_back(&p);
    in.roots = m->roots_.data();
    in.root_count = m->roots_.size();
    in.option_keys = m->option_keys_.data();
    in.option_values = m->option_values_.data();
    in.option_count = m->option_keys_.size();
    in.files = m->file_views_.data();
    in.file_count = m->file_views_.size();
    in.items = m->item_views_.data();
    in.item_count = m->item_views_.size();
    in.findings = m->finding_views_.data();
    in.finding_count = m->finding_views_.size();
    in.rules = m->rule_views_.data();
    in.rule_count = m->rule_views_.size();
    in.plugins = m->plugin_views_.data();
    in.plugin_count = m->plugin_views_.size();
    return m;
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
