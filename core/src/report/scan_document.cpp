#include <algorithm>
#include <optional>
#include <string_view>

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

// The largest count, size or duration a document may hold: the largest whole number every JSON
// reader keeps exactly (and far beyond any real scan); 2^64-1 is a forged or broken document.
constexpr std::uint64_t kMaxCount = (std::uint64_t{1} << 53) - 1;
// Lines and columns are stored in 32 bits.
constexpr std::uint64_t kMaxPosition = 0xFFFFFFFFull;

bool has_nul(const char* text, std::size_t size) {
    return std::find(text, text + size, '\0') != text + size;
}

// The JSON pointer (below `where`) of the first string or member name with a NUL in it.
std::optional<std::string> nul_inside(const Value& v, const std::string& where) {
    if (v.IsString()) {
        if (has_nul(v.GetString(), v.GetStringLength())) return where;
    } else if (v.IsObject()) {
        for (const auto& member : v.GetObject()) {
            std::string key(member.name.GetString(), member.name.GetStringLength());
            if (has_nul(key.data(), key.size())) return where;
            std::string escaped;
            for (const char c : key) {
                if (c == '~')
                    escaped += "~0";
                else if (c == '/')
                    escaped += "~1";
                else
                    escaped += c;
            }
            if (auto found = nul_inside(member.value, where + "/" + escaped)) return found;
        }
    } else if (v.IsArray()) {
        for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
            if (auto found = nul_inside(v[i], where + "/" + std::to_string(i))) return found;
        }
    }
    return std::nullopt;
}

bool is_hex(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// 8-4-4-4-12 hexadecimal digits, as random_uuid writes them.
bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (const std::size_t dash : {8u, 13u, 18u, 23u}) {
        if (text[dash] != '-') return false;
    }
    return is_hex(text.substr(0, 8)) && is_hex(text.substr(9, 4)) && is_hex(text.substr(14, 4)) &&
           is_hex(text.substr(19, 4)) && is_hex(text.substr(24));
}

// 32 lowercase hex digits, then ":N" (N from 2) for the second and later findings that share one.
bool is_fingerprint(std::string_view text) {
    const std::string_view head = text.substr(0, 32);
    if (head.size() != 32 || !is_hex(head) ||
        std::any_of(head.begin(), head.end(), [](char c) { return c >= 'A' && c <= 'F'; }))
        return false;
    if (text.size() == 32) return true;
    const std::string_view tail = text.substr(32);
    return tail.size() >= 2 && tail.size() <= 11 && tail[0] == ':' && tail[1] != '0' &&
           std::all_of(tail.begin() + 1, tail.end(), [](char c) { return c >= '0' && c <= '9'; });
}

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
        if (has_nul(v->GetString(), v->GetStringLength())) {
            fail(where + "/" + key,
                 "a NUL character (\\u0000) in the string, which no configuration path, name or "
                 "message holds");
            return {};
        }
        return {v->GetString(), v->GetStringLength()};
    }
    std::uint64_t number(const Value& parent, const std::string& where, const char* key,
                         std::uint64_t max = kMaxCount) {
        const Value* v = find(parent, where, key);
        if (v == nullptr) return 0;
        if (!v->IsUint64()) {
            wrong(where, key, "a whole number, 0 or more");
            return 0;
        }
        if (v->GetUint64() > max) {
            fail(where + "/" + key, std::to_string(v->GetUint64()) +
                                        " is out of range: expected a whole number from 0 to " +
                                        std::to_string(max));
            return 0;
        }
        return v->GetUint64();
    }
    // An RFC 3339 UTC time (as export writes them); "" only when `empty_ok`.
    std::string time(const Value& parent, const std::string& where, const char* key,
                     bool empty_ok) {
        std::string value = text(parent, where, key);
        if (!ok() || (empty_ok && value.empty())) return value;
        if (!parse_rfc3339_seconds(value))
            fail(where + "/" + key, "\"" + value +
                                        "\" is not an RFC 3339 UTC time such as "
                                        "\"2026-11-24T09:30:12.345Z\"");
        return value;
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
        if (r.ok() && !is_uuid(out.uuid))
            r.fail(at + "/uuid",
                   "\"" + out.uuid + "\" is not a UUID (8-4-4-4-12 hexadecimal digits)");
        complete = r.flag(*s, at, "complete");
        out.started_at = r.time(*s, at, "started_at", false);
        out.finished_at = r.time(*s, at, "finished_at", false);
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
                const Value& root = (*roots)[i];
                if (has_nul(root.GetString(), root.GetStringLength())) {
                    r.fail(at + "/roots/" + std::to_string(i),
                           "a NUL character (\\u0000) in the string, which no folder path holds");
                    break;
                }
                out.roots.push_back(
                    raw_path(std::string(root.GetString(), root.GetStringLength())));
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
            f.mode = static_cast<std::uint32_t>(r.number(v, at, "mode", 07777));
            const std::string modified = r.time(v, at, "modified_time", true);
            if (r.ok() && !modified.empty())
                f.mtime_unix = parse_rfc3339_seconds(modified).value_or(0);
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
            if (const Value* data = r.object(v, at, "data")) {
                if (const auto nul = nul_inside(*data, at + "/data"))
                    r.fail(*nul, "a NUL character (\\u0000) in a string or member name");
                item.data_json = compact(*data);
            }
            item.pointer = r.text(v, at, "pointer");
            item.line = static_cast<std::uint32_t>(r.number(v, at, "line", kMaxPosition));
            item.column = static_cast<std::uint32_t>(r.number(v, at, "column", kMaxPosition));
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
            f.line = static_cast<std::uint32_t>(r.number(v, at, "line", kMaxPosition));
            f.column = static_cast<std::uint32_t>(r.number(v, at, "column", kMaxPosition));
            f.fingerprint = r.text(v, at, "fingerprint");
            if (r.ok() && !is_fingerprint(f.fingerprint))
                r.fail(at + "/fingerprint",
                       "\"" + f.fingerprint +
                           "\" is not a finding fingerprint (32 lowercase hexadecimal digits, "
                           "then :N for a repeated one)");
            f.suppressed = r.flag(v, at, "suppressed");
            f.suppression = r.text(v, at, "suppression");
            out.findings.push_back(std::move(f));
        }
    }

    if (!problem.is_ok()) return problem;
    return out;
}

}  // namespace confscope::report
