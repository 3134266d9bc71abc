#include <algorithm>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <confscope/base/json_depth.hpp>
#include <confscope/base/time.hpp>
#include <confscope/report/scan_document.hpp>
#include <confscope/store/stored_text.hpp>

namespace confscope::report {

namespace {

// An export shows paths readably (store::readable_path): names that are not UTF-8 escaped.
std::string raw_path(const std::string& shown) {
    return store::path_from_report(shown);
}

using Value = rapidjson::Value;

// Reads members of one JSON object; the first problem is kept with the member's JSON pointer.
class Reader {
  public:
    Reader(const std::string& source, Status& problem) : source_(source), problem_(problem) {}

    const Value* object(const Value& parent, const std::string& where, const char* key) {
        const Value* v = find(parent, where, key);
        if (v != nullptr && !v->IsObject()) return wrong(where, key, "an object");
        return v;
    }
    const Value* array(const Value& parent, const std::string& where, const char* key) {
        const Value* v = find(parent, where, key);
        if (v != nullptr && !v->IsArray()) return wrong(where, key, "an array");
        return v;
    }
    std::string text(const Value& parent, const std::string& where, const char* key) {
        const Value* v = find(parent, where, key);
        if (v == nullptr) return {};
        if (!v->IsString()) {
            wrong(where, key, "a string");
            return {};
        }
        return {v->GetString(), v->GetStringLength()};
    }
    std::uint64_t number(const Value& parent, const std::string& where, const char* key) {
        const Value* v = find(parent, where, key);
        if (v == nullptr) return 0;
        if (!v->IsUint64()) {
            wrong(where, key, "a whole number, 0 or more");
            return 0;
        }
        return v->GetUint64();
    }
    bool flag(const Value& parent, const std::string& where, const char* key) {
        const Value* v = find(parent, where, key);
        if (v == nullptr) return false;
        if (!v->IsBool()) {
            wrong(where, key, "true or false");
            return false;
        }
        return v->GetBool();
    }
    template <typename T>
    T parsed(const Value& parent, const std::string& where, const char* key,
             std::optional<T> (*parse)(std::string_view), const char* allowed) {
        const std::string value = text(parent, where, key);
        if (!problem_.is_ok()) return T{};
        const std::optional<T> out = parse(value);
        if (!out) fail(where + "/" + key, "\"" + value + "\" is not one of " + allowed);
        return out.value_or(T{});
    }
    void fail(const std::string& pointer, const std::string& why) {
        if (!problem_.is_ok()) return;
        problem_ = Status::invalid_argument(source_ + ": at " + pointer + ": " + why +
                                            "; export the scan again with confscope export "
                                            "--format json");
    }
    [[nodiscard]] bool ok() const { return problem_.is_ok(); }

  private:
    const Value* find(const Value& parent, const std::string& where, const char* key) {
        if (!problem_.is_ok()) return nullptr;
        const auto it = parent.FindMember(key);
        if (it == parent.MemberEnd()) {
            fail(where + "/" + key, "the member is missing");
            return nullptr;
        }
        return &it->value;
    }
    const Value* wrong(const std::string& where, const char* key, const char* expected) {
        fail(where + "/" + key, std::string("expected ") + expected);
        return nullptr;
    }

    const std::string& source_;
    Status& problem_;
};

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

std::string compact(const Value& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

std::optional<sdk::Severity> severity_of(std::string_view text) {
    return scan::parse_severity(text);
}
std::optional<sdk::Scope> scope_of(std::string_view text) {
    return scan::parse_scope(text);
}
std::optional<sdk::Format> format_of(std::string_view text) {
    return scan::parse_format(text);
}

Status check_format(const rapidjson::Document& doc, const std::string& source) {
    const auto format = doc.FindMember("format");
    if (format == doc.MemberEnd() || !format->value.IsString() ||
        format->value.GetString() != kScanDocumentFormat) {
        return Status::invalid_argument(
            source + ": not a confscope scan document (its \"format\" is not \"" +
            std::string(kScanDocumentFormat) +
            "\"); import reads what confscope export --format json writes");
    }
    const auto version = doc.FindMember("format_version");
    int major = -1;
    if (version != doc.MemberEnd() && version->value.IsString()) {
        const std::string text = version->value.GetString();
        const auto dot = text.find('.');
        const std::string head = text.substr(0, dot);
        if (!head.empty() && head.size() < 6 &&
            head.find_first_not_of("0123456789") == std::string::npos) {
            major = std::stoi(head);
        }
    }
    if (major < 1) {
        return Status::invalid_argument(source +
                                        ": at /format_version: expected \"MAJOR.MINOR\" such as "
                                        "\"1.0\"; export the scan again with confscope export");
    }
    if (major > kScanDocumentMajor) {
        return Status::invalid_argument(
            source + ": written in scan document format " +
            std::string(version->value.GetString()) + " by a newer confscope; this one reads " +
            "format " + std::to_string(kScanDocumentMajor) +
            ".x: upgrade confscope, or export from the other machine with a matching version");
    }
    return Status::ok();
}

}  // namespace

Result<scan::ScanResult> read_scan_document(std::string_view json, const std::string& source) {
    if (const std::optional<std::size_t> at = json_too_deep(json)) {
        const auto [line, column] = line_and_column(json, *at);
        return Status::invalid_argument(source + ":" + std::to_string(line) + ":" +
                                        std::to_string(column) + ": nests deeper than " +
                                        std::to_string(kMaxJsonDepth) +
                                        " levels; import reads what confscope export --format "
                                        "json writes");
    }
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseStopWhenDoneFlag>(json.data(), json.size());
    if (doc.HasParseError()) {
        const auto [line, column] = line_and_column(json, doc.GetErrorOffset());
        return Status::invalid_argument(source + ":" + std::to_string(line) + ":" +
                                        std::to_string(column) + ": not valid JSON (" +
                                        rapidjson::GetParseError_En(doc.GetParseError()) +
                                        "); import reads what confscope export --format json "
                                        "writes");
    }
    if (!doc.IsObject()) {
        return Status::invalid_argument(source +
                                        ": not a confscope scan document (a JSON object "
                                        "is expected); import reads what confscope "
                                        "export --format json writes");
    }
    CONFSCOPE_TRY(check_format(doc, source));

    Status problem;
    Reader r(source, problem);
    scan::ScanResult out;
    out.store_content = scan::StoreContent::none;

    bool complete = true;
    if (const Value* s = r.object(doc, "", "scan")) {
        const std::string at = "/scan";
        out.uuid = r.text(*s, at, "uuid");
        if (r.ok() && out.uuid.empty()) r.fail(at + "/uuid", "the scan has no UUID");
        complete = r.flag(*s, at, "complete");
        out.started_at = r.text(*s, at, "started_at");
        out.finished_at = r.text(*s, at, "finished_at");
        out.duration_seconds = static_cast<double>(r.number(*s, at, "duration_ms")) / 1000.0;
        out.host.hostname = r.text(*s, at, "host");
        out.host.username = r.text(*s, at, "username");
        out.host.os_name = r.text(*s, at, "os_type");
        out.host.os_version = r.text(*s, at, "os_version");
        out.home = raw_path(r.text(*s, at, "home"));
        out.system_root = raw_path(r.text(*s, at, "system_root"));
        if (const Value* roots = r.array(*s, at, "roots")) {
            for (rapidjson::SizeType i = 0; i < roots->Size(); ++i) {
                if (!(*roots)[i].IsString()) {
                    r.fail(at + "/roots/" + std::to_string(i), "expected a string");
                    break;
                }
                out.roots.push_back(raw_path((*roots)[i].GetString()));
            }
        }
        out.tool_version = r.text(*s, at, "tool_version");
        out.stats.locations_checked = r.number(*s, at, "locations_checked");
        out.stats.directories_walked = r.number(*s, at, "directories_walked");
        out.stats.unreadable = r.number(*s, at, "unreadable");
    }

    if (const Value* plugins = r.array(doc, "", "plugins")) {
        for (rapidjson::SizeType i = 0; i < plugins->Size() && r.ok(); ++i) {
            const std::string at = "/plugins/" + std::to_string(i);
            const Value& p = (*plugins)[i];
            if (!p.IsObject()) {
                r.fail(at, "expected an object");
                break;
            }
            scan::PluginRun run;
            run.name = r.text(p, at, "name");
            run.version = r.text(p, at, "version");
            run.failed = r.flag(p, at, "failed");
            run.error = r.text(p, at, "error");
            run.files_analyzed = r.number(p, at, "files_analyzed");
            out.plugins.push_back(std::move(run));
        }
    }

    // Completeness is stored as "a plugin failed": keep an incomplete scan incomplete even when
    // its document names no failed plugin.
    const bool any_failed = std::any_of(out.plugins.begin(), out.plugins.end(),
                                        [](const scan::PluginRun& p) { return p.failed; });
    if (r.ok() && !complete && !any_failed) {
        scan::PluginRun marker;
        marker.name = "(imported)";
        marker.failed = true;
        marker.error = "the exported scan was incomplete";
        out.plugins.push_back(std::move(marker));
    }

    if (const Value* rules = r.array(doc, "", "rules")) {
        for (rapidjson::SizeType i = 0; i < rules->Size() && r.ok(); ++i) {
            const std::string at = "/rules/" + std::to_string(i);
            const Value& v = (*rules)[i];
            if (!v.IsObject()) {
                r.fail(at, "expected an object");
                break;
            }
            scan::RuleInfo rule;
            rule.id = r.text(v, at, "id");
            rule.plugin = r.text(v, at, "plugin");
            rule.severity = r.parsed<sdk::Severity>(v, at, "severity", &severity_of,
                                                    "info, low, medium, high, critical");
            rule.title = r.text(v, at, "title");
            rule.help = r.text(v, at, "help");
            rule.help_uri = r.text(v, at, "help_uri");
            out.rules.push_back(std::move(rule));
        }
    }

    if (const Value* files = r.array(doc, "", "files")) {
        for (rapidjson::SizeType i = 0; i < files->Size() && r.ok(); ++i) {
            const std::string at = "/files/" + std::to_string(i);
            const Value& v = (*files)[i];
            if (!v.IsObject()) {
                r.fail(at, "expected an object");
                break;
            }
            scan::FileRecord f;
            f.plugin = r.text(v, at, "plugin");
            f.category = r.text(v, at, "category");
            f.target_name = r.text(v, at, "target_name");
            f.scope = r.parsed<sdk::Scope>(v, at, "scope", &scope_of,
                                           "user, project, local, managed, system, plugin");
            f.format = r.parsed<sdk::Format>(v, at, "format", &format_of,
                                             "json, jsonc, toml, yaml, markdown, text");
            f.path = raw_path(r.text(v, at, "path"));
            f.display_path = raw_path(r.text(v, at, "display_path"));
            f.repo_path = raw_path(r.text(v, at, "repo_path"));
            f.exists = r.flag(v, at, "exists");
            f.size = r.number(v, at, "size");
            f.mode = static_cast<std::uint32_t>(r.number(v, at, "mode"));
            const std::string modified = r.text(v, at, "modified_time");
            if (r.ok() && !modified.empty()) {
                const auto seconds = parse_rfc3339_seconds(modified);
                if (!seconds) r.fail(at + "/modified_time", "expected an RFC 3339 UTC time");
                f.mtime_unix = seconds.value_or(0);
            }
            f.sha256 = r.text(v, at, "sha256");
            f.parse_error = r.text(v, at, "parse_error");
            f.error = r.text(v, at, "error");
            if (f.exists) ++out.stats.files_found;
            out.files.push_back(std::move(f));
        }
    }

    auto file_index = [&](const Value& v, const std::string& at) -> std::size_t {
        const std::uint64_t index = r.number(v, at, "file");
        if (r.ok() && index >= out.files.size())
            r.fail(at + "/file", "no file " + std::to_string(index) + " in /files");
        return static_cast<std::size_t>(index);
    };

    if (const Value* items = r.array(doc, "", "items")) {
        for (rapidjson::SizeType i = 0; i < items->Size() && r.ok(); ++i) {
            const std::string at = "/items/" + std::to_string(i);
            const Value& v = (*items)[i];
            if (!v.IsObject()) {
                r.fail(at, "expected an object");
                break;
            }
            scan::Item item;
            item.file = file_index(v, at);
            item.plugin = r.text(v, at, "plugin");
            item.kind = r.text(v, at, "kind");
            item.client = r.text(v, at, "client");
            item.scope = r.parsed<sdk::Scope>(v, at, "scope", &scope_of,
                                              "user, project, local, managed, system, plugin");
            item.name = r.text(v, at, "name");
            if (const Value* data = r.object(v, at, "data")) item.data_json = compact(*data);
            item.pointer = r.text(v, at, "pointer");
            item.line = static_cast<std::uint32_t>(r.number(v, at, "line"));
            item.column = static_cast<std::uint32_t>(r.number(v, at, "column"));
            out.items.push_back(std::move(item));
        }
    }

    if (const Value* findings = r.array(doc, "", "findings")) {
        for (rapidjson::SizeType i = 0; i < findings->Size() && r.ok(); ++i) {
            const std::string at = "/findings/" + std::to_string(i);
            const Value& v = (*findings)[i];
            if (!v.IsObject()) {
                r.fail(at, "expected an object");
                break;
            }
            scan::Finding f;
            f.file = file_index(v, at);
            f.plugin = r.text(v, at, "plugin");
            f.rule_id = r.text(v, at, "rule_id");
            f.severity = r.parsed<sdk::Severity>(v, at, "severity", &severity_of,
                                                 "info, low, medium, high, critical");
            f.message = r.text(v, at, "message");
            f.pointer = r.text(v, at, "pointer");
            f.line = static_cast<std::uint32_t>(r.number(v, at, "line"));
            f.column = static_cast<std::uint32_t>(r.number(v, at, "column"));
            f.fingerprint = r.text(v, at, "fingerprint");
            f.suppressed = r.flag(v, at, "suppressed");
            f.suppression = r.text(v, at, "suppression");
            out.findings.push_back(std::move(f));
        }
    }

    if (!problem.is_ok()) return problem;
    return out;
}

}  // namespace confscope::report
