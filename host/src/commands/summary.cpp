#include "summary.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <ostream>

#include <confscope/scan/suppression.hpp>

namespace confscope::host {

namespace {

constexpr std::size_t kTopFindings = 10;

std::string location(const scan::ScanResult& r, const scan::Finding& f) {
    std::string text = r.files[f.file].display_path;
    if (f.line > 0) text += ":" + std::to_string(f.line);
    return text;
}

std::size_t count_suppressed(const scan::ScanResult& r) {
    return static_cast<std::size_t>(std::count_if(
        r.findings.begin(), r.findings.end(), [](const scan::Finding& f) { return f.suppressed; }));
}

// Suppressed findings by what suppressed them: the baseline, the user's own ignores (--ignore,
// --ignore-file), or a scanned repository's .confscope-ignore.toml ("<root>/<file>:<line>").
struct SuppressedBy {
    std::size_t baseline = 0, user = 0, repository = 0;
};

SuppressedBy suppressed_by(const scan::ScanResult& r) {
    SuppressedBy by;
    const std::string repository_file = "/" + std::string(scan::kIgnoreFileName) + ":";
    for (const scan::Finding& f : r.findings) {
        if (!f.suppressed) continue;
        if (f.suppression == "baseline") {
            ++by.baseline;
        } else if (f.suppression.find(repository_file) != std::string::npos) {
            ++by.repository;
        } else {
            ++by.user;
        }
    }
    return by;
}

// The findings that are not suppressed, most severe first.
std::vector<const scan::Finding*> by_severity(const scan::ScanResult& r) {
    std::vector<const scan::Finding*> sorted;
    for (const scan::Finding& f : r.findings) {
        if (!f.suppressed) sorted.push_back(&f);
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const scan::Finding* a, const scan::Finding* b) {
                         return static_cast<int>(a->severity) > static_cast<int>(b->severity);
                     });
    return sorted;
}

void print_json(Context& context, const scan::ScanResult& r, std::int64_t id,
                const std::string& store) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    json_field(w, "scan_id", id);
    json_field(w, "uuid", r.uuid);
    json_field(w, "status", r.complete() ? "complete" : "incomplete");
    json_field(w, "store", store);
    json_field(w, "started_at", r.started_at);
    json_field(w, "finished_at", r.finished_at);
    json_field(w, "host", r.host.hostname);
    json_field(w, "home", r.home);
    json_string(w, "roots");
    w.StartArray();
    for (const std::string& root : r.roots)
        json_string(w, root);
    w.EndArray();
    json_field(w, "locations_checked", static_cast<long long>(r.stats.locations_checked));
    json_field(w, "files_found", static_cast<long long>(r.stats.files_found));
    json_field(w, "unreadable", static_cast<long long>(r.stats.unreadable));
    json_string(w, "plugins");
    w.StartArray();
    for (const scan::PluginRun& p : r.plugins) {
        w.StartObject();
        json_field(w, "name", p.name);
        json_field(w, "version", p.version);
        json_field(w, "status", p.failed ? "failed" : "ok");
        json_field(w, "error", p.error);
        json_field(w, "files_analyzed", static_cast<long long>(p.files_analyzed));
        w.EndObject();
    }
    w.EndArray();
    std::map<std::string, long long> kinds;
    for (const scan::Item& i : r.items)
        ++kinds[i.kind];
    json_string(w, "inventory");
    w.StartObject();
    for (const auto& [kind, n] : kinds)
        json_field(w, kind, n);
    w.EndObject();
    json_string(w, "findings");
    w.StartObject();
    for (const sdk::Severity s : {sdk::Severity::critical, sdk::Severity::high,
                                  sdk::Severity::medium, sdk::Severity::low, sdk::Severity::info}) {
        json_field(w, sdk::to_string(s),
                   static_cast<long long>(std::count_if(
                       r.findings.begin(), r.findings.end(),
                       [&](const scan::Finding& f) { return !f.suppressed && f.severity == s; })));
    }
    w.EndObject();
    json_field(w, "suppressed", static_cast<long long>(count_suppressed(r)));
    const SuppressedBy by = suppressed_by(r);
    json_string(w, "suppressed_by");
    w.StartObject();
    json_field(w, "baseline", static_cast<long long>(by.baseline));
    json_field(w, "ignore", static_cast<long long>(by.user));
    json_field(w, "repository_ignore_files", static_cast<long long>(by.repository));
    w.EndObject();
    w.EndObject();
    context.out().out() << buffer.GetString() << '\n';
}

}  // namespace

void print_scan_summary(Context& context, const scan::ScanResult& r, std::int64_t id,
                        const std::string& store) {
    if (context.options().json) {
        print_json(context, r, id, store);
        return;
    }
    Output& out = context.out();
    std::ostream& os = out.out();
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f s", r.duration_seconds);
    os << out.bold("Scan " + std::to_string(id)) << " "
       << (r.complete() ? "complete" : "INCOMPLETE") << " in " << seconds << " — stored in "
       << store << '\n';
    os << "  home " << r.home;
    for (const std::string& root : r.roots)
        os << ", root " << root;
    os << '\n';
    os << "  " << r.stats.locations_checked << " locations checked, " << r.stats.files_found
       << " files found";
    if (r.stats.directories_walked > 0)
        os << ", " << r.stats.directories_walked << " folders walked";
    if (r.stats.unreadable > 0) os << ", " << r.stats.unreadable << " unreadable";
    os << '\n';
    if (r.stats.files_found == 0 && !context.options().quiet) {
        os << "  no known configuration under this home"
           << (r.roots.empty() ? "; add project trees with --root DIR" : "") << '\n';
    }
    for (const scan::PluginRun& p : r.plugins) {
        os << "  plugin " << p.name << " " << p.version << ": ";
        if (p.failed) {
            os << out.in_severity_color("FAILED", sdk::Severity::high) << " — " << p.error
               << " (its results were discarded)\n";
        } else {
            os << p.files_analyzed << " files analyzed\n";
        }
    }
    std::map<std::string, std::size_t> kinds;
    for (const scan::Item& i : r.items)
        ++kinds[i.kind];
    os << "  inventory: ";
    if (kinds.empty()) os << "nothing";
    bool first = true;
    for (const auto& [kind, n] : kinds) {
        os << (first ? "" : ", ") << n << " " << kind;
        first = false;
    }
    os << '\n';

    const std::size_t suppressed = count_suppressed(r);
    os << "  findings: " << r.findings.size() - suppressed;
    if (r.findings.size() > suppressed) {
        os << " (";
        bool first_severity = true;
        for (const sdk::Severity s :
             {sdk::Severity::critical, sdk::Severity::high, sdk::Severity::medium,
              sdk::Severity::low, sdk::Severity::info}) {
            const auto n = std::count_if(
                r.findings.begin(), r.findings.end(),
                [&](const scan::Finding& f) { return !f.suppressed && f.severity == s; });
            if (n == 0) continue;
            os << (first_severity ? "" : ", ") << n << " " << out.severity(s);
            first_severity = false;
        }
        os << ")";
    }
    if (suppressed > 0) {
        const SuppressedBy by = suppressed_by(r);
        std::string parts;
        const auto part = [&parts](std::size_t n, const std::string& what) {
            if (n > 0) parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " by " + what;
        };
        part(by.baseline, "the baseline");
        part(by.user, "--ignore or --ignore-file");
        part(by.repository, "the scanned repository's own " + std::string(scan::kIgnoreFileName));
        os << ", " << suppressed << " suppressed (" << parts << ")";
    }
    os << '\n';
    if (context.options().quiet || r.findings.size() == suppressed) return;

    Table table({"SEVERITY", "RULE", "LOCATION", "MESSAGE"});
    const auto sorted = by_severity(r);
    for (std::size_t i = 0; i < sorted.size() && i < kTopFindings; ++i) {
        const scan::Finding& f = *sorted[i];
        table.add({out.severity(f.severity), f.rule_id, location(r, f), f.message});
    }
    os << '\n';
    table.print(os);
    if (sorted.size() > kTopFindings) {
        os << "… and " << sorted.size() - kTopFindings << " more: confscope findings --scan " << id
           << '\n';
    }
}

}  // namespace confscope::host
