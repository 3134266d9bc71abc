// The JSON exporter: the canonical, versioned interchange document of one scan
// (docs/EXPORT_JSON.md). `confscope import` reads it back, so every member written here is read
// there; a change of shape is a new format_version (minor for added members, major for anything
// else).
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;

namespace {

constexpr const char* kFormat = "confscope-scan";
constexpr const char* kFormatVersion = "1.0";

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void string(Writer& w, std::string_view text) {
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void member(Writer& w, const char* key, std::string_view text) {
    w.Key(key);
    string(w, text);
}

void member(Writer& w, const char* key, std::uint64_t n) {
    w.Key(key);
    w.Uint64(n);
}

void flag(Writer& w, const char* key, bool b) {
    w.Key(key);
    w.Bool(b);
}

// Item details are stored as a JSON object; embed it as one (not as a string) so the document
// reads naturally. A malformed value (never written by confscope) is kept as a string.
void raw_object(Writer& w, const char* key, std::string_view json) {
    w.Key(key);
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError() || !doc.IsObject()) {
        string(w, json);
        return;
    }
    doc.Accept(w);
}

void write_scan(Writer& w, const sdk::ExportScan& s) {
    w.Key("scan");
    w.StartObject();
    member(w, "uuid", s.uuid());
    flag(w, "complete", s.complete());
    member(w, "started_at", s.started_at());
    member(w, "finished_at", s.finished_at());
    w.Key("duration_ms");
    w.Int64(s.duration_ms());
    member(w, "host", s.host());
    member(w, "username", s.username());
    member(w, "os_type", s.os_type());
    member(w, "os_version", s.os_version());
    member(w, "home", s.home());
    member(w, "system_root", s.system_root());
    w.Key("roots");
    w.StartArray();
    for (std::string_view root : s.roots())
        string(w, root);
    w.EndArray();
    member(w, "tool_version", s.tool_version());
    member(w, "locations_checked", s.locations_checked());
    member(w, "directories_walked", s.directories_walked());
    member(w, "unreadable", s.unreadable());
    w.EndObject();
}

void write_summary(Writer& w, const sdk::ExportScan& s) {
    std::uint64_t found = 0, broken = 0, suppressed = 0;
    std::uint64_t by_severity[5] = {};
    for (const sdk::ExportFile& f : s.files()) {
        found += f.exists ? 1 : 0;
        broken += f.parse_error.empty() ? 0 : 1;
    }
    for (const sdk::ExportFinding& f : s.findings()) {
        if (f.suppressed) {
            ++suppressed;
            continue;
        }
        const auto rank = static_cast<std::size_t>(f.severity);
        if (rank < 5) ++by_severity[rank];
    }
    w.Key("summary");
    w.StartObject();
    member(w, "files_found", found);
    member(w, "files_unparsable", broken);
    member(w, "items", static_cast<std::uint64_t>(s.items().size()));
    member(w, "findings", static_cast<std::uint64_t>(s.findings().size()));
    member(w, "suppressed", suppressed);
    w.Key("by_severity");
    w.StartObject();
    for (const sdk::Severity sev :
         {sdk::Severity::critical, sdk::Severity::high, sdk::Severity::medium, sdk::Severity::low,
          sdk::Severity::info}) {
        w.Key(std::string(sdk::to_string(sev)).c_str());
        w.Uint64(by_severity[static_cast<std::size_t>(sev)]);
    }
    w.EndObject();
    w.EndObject();
}

void write_plugins(Writer& w, const sdk::ExportScan& s) {
    w.Key("plugins");
    w.StartArray();
    for (const sdk::ExportPlugin& p : s.plugins()) {
        w.StartObject();
        member(w, "name", p.name);
        member(w, "version", p.version);
        flag(w, "failed", p.failed);
        member(w, "error", p.error);
        member(w, "files_analyzed", p.files_analyzed);
        w.EndObject();
    }
    w.EndArray();
}

void write_rules(Writer& w, const sdk::ExportScan& s) {
    w.Key("rules");
    w.StartArray();
    for (const sdk::ExportRule& r : s.rules()) {
        w.StartObject();
        member(w, "id", r.id);
        member(w, "plugin", r.plugin);
        member(w, "severity", sdk::to_string(r.severity));
        member(w, "title", r.title);
        member(w, "help", r.help);
        member(w, "help_uri", r.help_uri);
        w.EndObject();
    }
    w.EndArray();
}

void write_files(Writer& w, const sdk::ExportScan& s) {
    w.Key("files");
    w.StartArray();
    for (const sdk::ExportFile& f : s.files()) {
        w.StartObject();
        member(w, "plugin", f.plugin);
        member(w, "category", f.category);
        member(w, "target_name", f.target_name);
        member(w, "scope", sdk::to_string(f.scope));
        member(w, "format", sdk::to_string(f.format));
        member(w, "path", f.path);
        member(w, "display_path", f.display_path);
        member(w, "repo_path", f.repo_path);
        flag(w, "exists", f.exists);
        member(w, "size", f.size);
        member(w, "mode", static_cast<std::uint64_t>(f.mode));
        member(w, "modified_time", f.modified_time);
        member(w, "sha256", f.sha256);
        member(w, "parse_error", f.parse_error);
        member(w, "error", f.error);
        w.EndObject();
    }
    w.EndArray();
}

void write_items(Writer& w, const sdk::ExportScan& s) {
    w.Key("items");
    w.StartArray();
    for (const sdk::ExportItem& i : s.items()) {
        w.StartObject();
        member(w, "file", static_cast<std::uint64_t>(i.file));
        member(w, "display_path", i.display_path);
        member(w, "plugin", i.plugin);
        member(w, "kind", i.kind);
        member(w, "client", i.client);
        member(w, "scope", sdk::to_string(i.scope));
        member(w, "name", i.name);
        raw_object(w, "data", i.data_json);
        member(w, "pointer", i.pointer);
        member(w, "line", static_cast<std::uint64_t>(i.line));
        member(w, "column", static_cast<std::uint64_t>(i.column));
        w.EndObject();
    }
    w.EndArray();
}

void write_findings(Writer& w, const sdk::ExportScan& s) {
    w.Key("findings");
    w.StartArray();
    for (const sdk::ExportFinding& f : s.findings()) {
        w.StartObject();
        member(w, "file", static_cast<std::uint64_t>(f.file));
        member(w, "display_path", f.display_path);
        member(w, "plugin", f.plugin);
        member(w, "rule_id", f.rule_id);
        member(w, "severity", sdk::to_string(f.severity));
        member(w, "message", f.message);
        member(w, "pointer", f.pointer);
        member(w, "line", static_cast<std::uint64_t>(f.line));
        member(w, "column", static_cast<std::uint64_t>(f.column));
        member(w, "fingerprint", f.fingerprint);
        flag(w, "suppressed", f.suppressed);
        member(w, "suppression", f.suppression);
        w.EndObject();
    }
    w.EndArray();
}

}  // namespace

class JsonExporter {
  public:
    static sdk::PluginInfo info() {
        return {.summary = "The canonical JSON document of a scan (what confscope import reads)",
                .license = "Apache-2.0",
                .contact = "https://github.com/confscope/confscope",
                .family = "json",
                .config_schema = ""};
    }

    void export_scan(const sdk::ExportScan& scan, sdk::Writer& out) {
        rapidjson::StringBuffer buffer;
        Writer w(buffer);
        w.SetIndent(' ', 2);
        w.StartObject();
        member(w, "format", kFormat);
        member(w, "format_version", kFormatVersion);
        write_scan(w, scan);
        write_summary(w, scan);
        write_plugins(w, scan);
        write_rules(w, scan);
        write_files(w, scan);
        write_items(w, scan);
        write_findings(w, scan);
        w.EndObject();
        out.write(std::string_view(buffer.GetString(), buffer.GetSize()));
        out.write("\n");
    }
};

CONFSCOPE_PLUGIN(JsonExporter)
