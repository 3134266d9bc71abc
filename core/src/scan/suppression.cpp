#include <algorithm>
#include <regex>
#include <toml++/toml.h>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <confscope/base/json_depth.hpp>
#include <confscope/base/time.hpp>
#include <confscope/discovery/glob.hpp>
#include <confscope/parse/document.hpp>
#include <confscope/scan/suppression.hpp>

namespace confscope::scan {

namespace {

std::string where(const std::string& path, const toml::source_region& source) {
    return path + ":" + std::to_string(source.begin.line) + ":" +
           std::to_string(source.begin.column);
}

bool valid_rule(std::string_view rule) {
    static const std::regex pattern(R"(\*|[A-Z][A-Z0-9]*-[0-9]+)");
    return std::regex_match(rule.begin(), rule.end(), pattern);
}

bool under_root(const std::string& path, const std::string& root) {
    return root == "/" ||
           (path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/');
}

// An entry's path glob against a file. --ignore-file entries match the display path. A root's
// ignore file is written relative to that root, so its entries match the file's path relative to
// the root: with several roots the display path starts with the root's label
// ("src/api/.mcp.json"), which the ignore file's author cannot know and must not be matched
// against ("api/x.json" of the root "api" is not the root's file "x.json"). A home or system file
// below the root keeps matching by its display path ("~/...") as well.
bool path_matches(const IgnoreEntry& e, const FileRecord& file) {
    if (e.root.empty()) return discovery::path_glob_match(e.path_glob, file.display_path);
    const std::size_t skip = e.root == "/" ? 1 : e.root.size() + 1;
    if (discovery::path_glob_match(e.path_glob, std::string_view(file.path).substr(skip)))
        return true;
    const bool home_or_system =
        file.display_path.starts_with("~/") || file.display_path.starts_with('/');
    return home_or_system && discovery::path_glob_match(e.path_glob, file.display_path);
}

}  // namespace

Result<std::vector<IgnoreEntry>> parse_ignore_file(const std::string& path,
                                                   std::string_view content) {
    if (const std::optional<parse::ParseError> deep = parse::toml_nesting_error(content)) {
        return Status::invalid_argument(path + ":" + std::to_string(deep->line) + ":" +
                                        std::to_string(deep->column) + ": " + deep->message);
    }
    toml::table root;
    try {
        root = toml::parse(content, path);
    } catch (const toml::parse_error& e) {
        return Status::invalid_argument(where(path, e.source()) + ": " +
                                        std::string(e.description()) + "; fix the TOML syntax");
    }
    std::vector<IgnoreEntry> entries;
    for (const auto& [key, value] : root) {
        if (key.str() != "ignore") {
            return Status::invalid_argument(where(path, key.source()) + ": unknown key '" +
                                            std::string(key.str()) +
                                            "'; an ignore file holds only [[ignore]] tables");
        }
    }
    const toml::array* list = root["ignore"].as_array();
    if (root.contains("ignore") && (list == nullptr || !list->is_array_of_tables())) {
        return Status::invalid_argument(where(path, root.get("ignore")->source()) +
                                        ": 'ignore' must be an array of tables; write [[ignore]]");
    }
    if (list == nullptr) return entries;
    for (const toml::node& node :
         *list) {  // by reference: copies of toml++ nodes lose their positions
        const toml::table& t = *node.as_table();
        // toml++ gives tables in arrays of tables no position of their own; their keys have one.
        toml::source_region at = t.source();
        toml::source_region rule_at = at;
        for (const auto& [key, value] : t) {
            if (at.begin.line == 0 || key.source().begin < at.begin) at = key.source();
            if (key.str() == "rule") rule_at = key.source();
        }
        IgnoreEntry entry;
        entry.source = path + ":" + std::to_string(at.begin.line);
        for (const auto& [key, value] : t) {
            const std::string k(key.str());
            if (k == "expires") {
                const auto date = value.value<toml::date>();
                if (!date) {
                    return Status::invalid_argument(
                        where(path, value.source()) +
                        ": 'expires' must be a date such as 2027-01-31");
                }
                char text[16];
                std::snprintf(text, sizeof text, "%04d-%02d-%02d", date->year, date->month,
                              date->day);
                entry.expires = text;
                continue;
            }
            const auto text = value.value<std::string>();
            if (!text || (k != "rule" && k != "path" && k != "reason")) {
                return Status::invalid_argument(
                    where(path, key.source()) + ": " +
                    (text ? "unknown key '" + k + "'; use rule, path, reason and expires"
                          : "'" + k + "' must be a string"));
            }
            (k == "rule" ? entry.rule : k == "path" ? entry.path_glob : entry.reason) = *text;
        }
        if (entry.rule.empty()) {
            return Status::invalid_argument(
                where(path, at) + ": an [[ignore]] entry needs rule = \"RULE-ID\" (or \"*\")");
        }
        if (!valid_rule(entry.rule)) {
            return Status::invalid_argument(where(path, t["rule"].node()->source()) + ": '" +
                                            entry.rule +
                                            "' is not a rule id such as PERM-004 (or \"*\")");
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

Result<std::set<std::string, std::less<>>> parse_baseline(const std::string& path,
                                                          std::string_view content) {
    if (const std::optional<std::size_t> at = json_too_deep(content)) {
        const std::string_view before = content.substr(0, *at);
        const std::size_t line =
            1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
        return Status::invalid_argument(
            path + ":" + std::to_string(line) + ": not a baseline (it nests deeper than " +
            std::to_string(kMaxJsonDepth) + " levels); write one with confscope baseline write");
    }
    rapidjson::Document doc;
    doc.Parse(content.data(), content.size());
    if (doc.HasParseError()) {
        return Status::invalid_argument(path + ": not a baseline (" +
                                        rapidjson::GetParseError_En(doc.GetParseError()) +
                                        "); write one with confscope baseline write");
    }
    // Members are asked of an object only: MemberEnd() of anything else is undefined (RapidJSON
    // asserts), which a baseline of "0" reached.
    const bool object = doc.IsObject();
    const auto findings = object ? doc.FindMember("findings") : rapidjson::Value::MemberIterator();
    if (!object || !doc.HasMember("version") || findings == doc.MemberEnd() ||
        !findings->value.IsArray()) {
        return Status::invalid_argument(
            path +
            ": not a confscope baseline (no version and findings); write one "
            "with confscope baseline write");
    }
    if (!doc["version"].IsInt() || doc["version"].GetInt() != 1) {
        return Status::invalid_argument(
            path + ": baseline version is not 1; this confscope reads version 1");
    }
    std::set<std::string, std::less<>> prints;
    for (const auto& f : findings->value.GetArray()) {
        if (f.IsObject() && f.HasMember("fingerprint") && f["fingerprint"].IsString()) {
            prints.insert(f["fingerprint"].GetString());
        }
    }
    return prints;
}

std::size_t apply_suppressions(ScanResult& result, const Suppressions& s, std::string_view today,
                               std::vector<std::string>* expired) {
    std::set<std::string> reported;
    std::size_t suppressed = 0;
    for (Finding& f : result.findings) {
        const FileRecord& file = result.files[f.file];
        if (s.baseline.contains(f.fingerprint)) {
            f.suppressed = true;
            f.suppression = "baseline";
        }
        for (const IgnoreEntry& e : s.ignores) {
            if (f.suppressed) break;
            if (e.rule != "*" && e.rule != f.rule_id) continue;
            if (!e.root.empty() && !under_root(file.path, e.root)) continue;
            if (!e.path_glob.empty() && !path_matches(e, file)) continue;
            if (!e.expires.empty() && e.expires < today) {
                if (expired && reported.insert(e.source).second) {
                    expired->push_back(e.source + ": ignore entry for " + e.rule + " expired on " +
                                       e.expires);
                }
                continue;
            }
            f.suppressed = true;
            f.suppression = e.source == "--ignore"
                                ? "--ignore"
                                : e.source + (e.reason.empty() ? "" : ": " + e.reason);
        }
        if (f.suppressed) ++suppressed;
    }
    return suppressed;
}

std::string baseline_json(const std::string& scan_uuid,
                          const std::vector<BaselineEntry>& findings) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    const auto text = [&](std::string_view key, const std::string& value) {
        w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
        w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
    };
    w.StartObject();
    w.Key("version");
    w.Int(1);
    text("tool", "confscope");
    text("created_at", now_rfc3339());
    text("scan", scan_uuid);
    w.Key("findings");
    w.StartArray();
    for (const BaselineEntry& f : findings) {
        w.StartObject();
        text("fingerprint", f.fingerprint);
        text("rule", f.rule);
        text("file", f.file);
        text("pointer", f.pointer);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString()) + "\n";
}

}  // namespace confscope::scan
