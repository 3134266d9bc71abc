#include <rapidjson/document.h>

#include <confscope/log/log.hpp>
#include <confscope/report/export_input.hpp>
#include <confscope/scan/model.hpp>
#include <confscope/sdk/json.hpp>
#include <confscope/store/stored_text.hpp>

namespace confscope::report {

namespace {

confscope_scope scope_of(const std::string& text) {
    return static_cast<confscope_scope>(scan::parse_scope(text).value_or(sdk::Scope::unknown));
}

confscope_severity severity_of(const std::string& text) {
    return static_cast<confscope_severity>(
        scan::parse_severity(text).value_or(sdk::Severity::info));
}

std::vector<std::string> parse_roots(const std::string& roots_json) {
    std::vector<std::string> roots;
    rapidjson::Document doc;
    doc.Parse(roots_json.c_str(), roots_json.size());
    if (doc.HasParseError() || !doc.IsArray()) return roots;
    for (const auto& root : doc.GetArray())
        if (root.IsString()) roots.emplace_back(root.GetString(), root.GetStringLength());
    return roots;
}

template <typename Struct>
std::vector<const Struct*> pointers_to(const std::vector<Struct>& structs) {
    std::vector<const Struct*> out;
    out.reserve(structs.size());
    for (const Struct& s : structs)
        out.push_back(&s);
    return out;
}

}  // namespace

Result<std::unique_ptr<ExportInput>> ExportInput::load(store::Store& store, std::int64_t scan_id,
                                                       const ExportRequest& request) {
    std::unique_ptr<ExportInput> in(new ExportInput());
    CONFSCOPE_ASSIGN_OR_RETURN(in->summary_, store.scan(scan_id));
    CONFSCOPE_ASSIGN_OR_RETURN(in->files_, store.files(scan_id));
    CONFSCOPE_ASSIGN_OR_RETURN(in->items_, store.items(scan_id));
    CONFSCOPE_ASSIGN_OR_RETURN(in->findings_, store.findings(scan_id));
    CONFSCOPE_ASSIGN_OR_RETURN(in->rules_, store.rules(scan_id));
    CONFSCOPE_ASSIGN_OR_RETURN(in->plugins_, store.plugins(scan_id));
    // Exporters see paths as they are (a Windows path keeps its backslashes), except names that
    // are not UTF-8, which stay escaped so every report is valid UTF-8 (store/stored_text.hpp).
    const auto readable = [](std::string& path) { path = store::readable_path(path); };
    readable(in->summary_.home);
    readable(in->summary_.system_root);
    {
        sdk::JsonArray roots;
        for (const std::string& root : parse_roots(in->summary_.roots_json))
            roots.push(store::readable_path(root));
        in->summary_.roots_json = roots.dump();
    }
    for (store::StoredFile& f : in->files_) {
        readable(f.path);
        readable(f.display_path);
        readable(f.repo_path);
    }
    for (store::StoredItem& it : in->items_)
        readable(it.display_path);
    for (store::StoredFinding& f : in->findings_) {
        readable(f.display_path);
        readable(f.repo_path);
    }
    in->build_view(request);
    return in;
}

void ExportInput::build_view(const ExportRequest& request) {
    // Files are indexed by their seq in the store; items and findings refer to it.
    file_structs_.assign(files_.size(), confscope_export_file_v1{});
    for (std::size_t i = 0; i < files_.size(); ++i) {
        const store::StoredFile& f = files_[i];
        confscope_export_file_v1& c = file_structs_[i];
        c.struct_size = sizeof c;
        c.plugin = f.plugin.c_str();
        c.category = f.category.c_str();
        c.target_name = f.name.c_str();
        c.scope = scope_of(f.scope);
        c.format = static_cast<confscope_format>(
            scan::parse_format(f.format).value_or(sdk::Format::unknown));
        c.path = f.path.c_str();
        c.display_path = f.display_path.c_str();
        c.repo_path = f.repo_path.c_str();
        c.exists = f.exists ? 1 : 0;
        c.size = static_cast<std::uint64_t>(f.size);
        c.mode = static_cast<std::uint32_t>(f.mode);
        c.modified_time = f.modified_time.c_str();
        c.sha256_hex = f.sha256.c_str();
        c.parse_error = f.parse_error.c_str();
        c.error = f.error.c_str();
    }
    auto file_index = [&](std::int64_t seq) {
        // Rows are read in seq order and seq counts from 0, so the index is the seq; fall back to
        // a search for stores written otherwise.
        const auto at = static_cast<std::size_t>(seq);
        if (at < files_.size() && files_[at].seq == seq) return at;
        for (std::size_t i = 0; i < files_.size(); ++i)
            if (files_[i].seq == seq) return i;
        return std::size_t{0};
    };

    item_structs_.assign(items_.size(), confscope_export_item_v1{});
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const store::StoredItem& it = items_[i];
        confscope_export_item_v1& c = item_structs_[i];
        c.struct_size = sizeof c;
        c.plugin = it.plugin.c_str();
        c.kind = it.kind.c_str();
        c.client = it.client.c_str();
        c.scope = scope_of(it.scope);
        c.name = it.name.c_str();
        c.data_json = it.data_json.c_str();
        c.file = file_index(it.path_seq);
        c.display_path = it.display_path.c_str();
        c.pointer = it.pointer.c_str();
        c.line = static_cast<std::uint32_t>(it.line);
        c.column = static_cast<std::uint32_t>(it.column);
    }

    finding_structs_.assign(findings_.size(), confscope_export_finding_v1{});
    for (std::size_t i = 0; i < findings_.size(); ++i) {
        const store::StoredFinding& f = findings_[i];
        confscope_export_finding_v1& c = finding_structs_[i];
        c.struct_size = sizeof c;
        c.plugin = f.plugin.c_str();
        c.rule_id = f.rule_id.c_str();
        c.severity = severity_of(f.severity);
        c.message = f.message.c_str();
        c.file = file_index(f.path_seq);
        c.display_path = f.display_path.c_str();
        c.repo_path = f.repo_path.c_str();
        c.pointer = f.pointer.c_str();
        c.line = static_cast<std::uint32_t>(f.line);
        c.column = static_cast<std::uint32_t>(f.column);
        c.fingerprint = f.fingerprint.c_str();
        c.suppressed = f.suppressed ? 1 : 0;
        c.suppression = f.suppression.c_str();
    }

    rule_structs_.assign(rules_.size(), confscope_export_rule_v1{});
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        const scan::RuleInfo& r = rules_[i];
        confscope_export_rule_v1& c = rule_structs_[i];
        c.struct_size = sizeof c;
        c.id = r.id.c_str();
        c.plugin = r.plugin.c_str();
        c.severity = static_cast<confscope_severity>(r.severity);
        c.title = r.title.c_str();
        c.help = r.help.c_str();
        c.help_uri = r.help_uri.c_str();
    }

    plugin_structs_.assign(plugins_.size(), confscope_export_plugin_v1{});
    for (std::size_t i = 0; i < plugins_.size(); ++i) {
        const store::StoredPlugin& p = plugins_[i];
        confscope_export_plugin_v1& c = plugin_structs_[i];
        c.struct_size = sizeof c;
        c.name = p.name.c_str();
        c.version = p.version.c_str();
        c.failed = p.status == "failed" ? 1 : 0;
        c.error = p.error.c_str();
        c.files_analyzed = static_cast<std::uint64_t>(p.files_analyzed);
    }

    roots_ = parse_roots(summary_.roots_json);
    for (const std::string& root : roots_)
        root_pointers_.push_back(root.c_str());
    option_keys_.emplace_back("what");
    option_values_.push_back(request.what);
    for (const auto& [key, value] : request.options) {
        if (key == "what") continue;
        option_keys_.push_back(key);
        option_values_.push_back(value);
    }
    for (std::size_t i = 0; i < option_keys_.size(); ++i) {
        key_pointers_.push_back(option_keys_[i].c_str());
        value_pointers_.push_back(option_values_[i].c_str());
    }

    file_pointers_ = pointers_to(file_structs_);
    item_pointers_ = pointers_to(item_structs_);
    finding_pointers_ = pointers_to(finding_structs_);
    rule_pointers_ = pointers_to(rule_structs_);
    plugin_pointers_ = pointers_to(plugin_structs_);

    confscope_export_input_v1& in = input_;
    in.struct_size = sizeof in;
    in.scan_uuid = summary_.uuid.c_str();
    in.complete = summary_.status == "complete" ? 1 : 0;
    in.started_at = summary_.started_at.c_str();
    in.finished_at = summary_.finished_at.c_str();
    in.duration_ms = summary_.duration_ms;
    in.host = summary_.host.c_str();
    in.username = summary_.username.c_str();
    in.os_type = summary_.os_type.c_str();
    in.os_version = summary_.os_version.c_str();
    in.home = summary_.home.c_str();
    in.system_root = summary_.system_root.c_str();
    in.roots = root_pointers_.data();
    in.root_count = root_pointers_.size();
    in.tool_version = summary_.tool_version.c_str();
    in.locations_checked = static_cast<std::uint64_t>(summary_.total_scanned);
    in.directories_walked = static_cast<std::uint64_t>(summary_.directories_walked);
    in.unreadable = static_cast<std::uint64_t>(summary_.unreadable);
    in.option_keys = key_pointers_.data();
    in.option_values = value_pointers_.data();
    in.option_count = key_pointers_.size();
    in.fail_on = static_cast<confscope_severity>(request.fail_on);
    in.files = file_pointers_.data();
    in.file_count = file_pointers_.size();
    in.items = item_pointers_.data();
    in.item_count = item_pointers_.size();
    in.findings = finding_pointers_.data();
    in.finding_count = finding_pointers_.size();
    in.rules = rule_pointers_.data();
    in.rule_count = rule_pointers_.size();
    in.plugins = plugin_pointers_.data();
    in.plugin_count = plugin_pointers_.size();
}

namespace {

struct ExportSink {
    std::string bytes;
    const std::string* plugin_name = nullptr;
};

confscope_host_v1 export_host(ExportSink& sink) {
    confscope_host_v1 host = plugins::inert_host(&sink);
    host.log = [](void* context, confscope_log_level level, const char* message) {
        if (message == nullptr) return;
        log::write(log::from_abi_level(level),
                   "plugin " + *static_cast<ExportSink*>(context)->plugin_name + ": " + message);
    };
    host.write = [](void* context, const char* data, std::size_t size) -> confscope_status {
        if (data == nullptr && size != 0) return CONFSCOPE_INVALID_ARGUMENT;
        try {
            static_cast<ExportSink*>(context)->bytes.append(data, size);
        } catch (const std::bad_alloc&) {
            return CONFSCOPE_RESOURCE_EXHAUSTED;
        }
        return CONFSCOPE_OK;
    };
    return host;
}

}  // namespace

Result<std::string> run_exporter(plugins::PluginInstance& exporter, const ExportInput& input) {
    ExportSink sink;
    sink.plugin_name = &exporter.plugin().name();
    const confscope_host_v1 host = export_host(sink);
    CONFSCOPE_TRY(exporter.export_scan(input.raw(), host));
    return std::move(sink.bytes);
}

}  // namespace confscope::report
