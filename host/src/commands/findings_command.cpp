// confscope findings [--scan ID | --all-hosts] [--rule ID]... [--severity MIN] [--family NAME]
//                    [--path GLOB]
//
// With --all-hosts, across a fleet: the newest scan of every host in the store ("which machines
// have rule Y").
#include <algorithm>
#include <fnmatch.h>
#include <ostream>
#include <set>

#include <confscope/scan/model.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"

namespace confscope::host {

int run_findings_command(Context& context, const Arguments& args) {
    std::string which = "latest";
    std::vector<std::string> rules;
    std::string min_severity = "info";
    std::vector<std::string> families;
    std::string path_glob;
    std::string fail_on = "none";
    bool include_suppressed = false;
    bool all_hosts = false;
    CommandSpec spec;
    spec.usage =
        "confscope findings [--scan ID|latest] [--rule ID]... [--severity MIN] [--family NAME]... "
        "[--path GLOB] [--all-hosts]";
    spec.description =
        "Lists the findings of a stored scan (the latest by default), most severe first. Filters "
        "combine.";
    spec.options.add_options()("scan,s",
                               po::value(&which)->default_value("latest")->value_name("ID"),
                               "scan id, UUID, latest or previous")(
        "rule", po::value(&rules)->composing()->value_name("ID"), "only this rule (repeatable)")(
        "severity", po::value(&min_severity)->default_value("info")->value_name("MIN"),
        "only findings at or above: info, low, medium, high, critical")(
        "family", po::value(&families)->composing()->value_name("NAME"),
        "only this plugin family (repeatable)")("path", po::value(&path_glob)->value_name("GLOB"),
                                                "only files whose display path matches (a glob; * "
                                                "crosses folders; plain text matches a substring)")(
        "fail-on", po::value(&fail_on)->default_value("none")->value_name("SEVERITY"),
        "exit 1 when a listed finding is at or above this severity")(
        "suppressed", po::bool_switch(&include_suppressed),
        "also list findings an ignore entry or the baseline suppressed, with the reason")(
        "all-hosts", po::bool_switch(&all_hosts),
        "every host's newest scan instead of one scan (fleet: which machines have rule Y)");
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    Output& out = context.out();

    const auto minimum = scan::parse_severity(min_severity);
    if (!minimum) {
        out.error("--severity " + min_severity + ": use info, low, medium, high or critical");
        return exit_usage;
    }
    std::optional<sdk::Severity> threshold;
    if (!parse_fail_on(context, fail_on, threshold)) return exit_usage;
    if (all_hosts && !vm["scan"].defaulted()) {
        out.error("--all-hosts and --scan contradict each other: give one");
        return exit_usage;
    }
    auto opened = context.open_scans(which, all_hosts);
    if (!opened) return context.fail(opened.status());
    const std::unique_ptr<store::Store>& store = opened->store;
    const std::vector<store::HostScan>& hosts = opened->scans;
    const std::int64_t id = hosts.empty() ? 0 : hosts.front().scan_id;
    std::vector<std::pair<std::string, store::StoredFinding>> all;
    for (const store::HostScan& host : hosts) {
        auto found = store->findings(host.scan_id);
        if (!found) return context.fail(found.status());
        for (store::StoredFinding& f : *found)
            all.emplace_back(host.host, std::move(f));
    }
    const bool glob = path_glob.find_first_of("*?[") != std::string::npos;
    std::vector<std::pair<std::string, store::StoredFinding>> shown;
    std::set<std::string> hosts_shown;
    for (const auto& [host, f] : all) {
        if (f.suppressed && !include_suppressed) continue;
        const auto severity = scan::parse_severity(f.severity).value_or(sdk::Severity::info);
        if (static_cast<int>(severity) < static_cast<int>(*minimum)) continue;
        if (!rules.empty() && std::find(rules.begin(), rules.end(), f.rule_id) == rules.end())
            continue;
        if (!families.empty() &&
            std::find(families.begin(), families.end(), f.plugin) == families.end())
            continue;
        if (!path_glob.empty()) {
            const bool match = glob ? ::fnmatch(path_glob.c_str(), f.display_path.c_str(), 0) == 0
                                    : f.display_path.find(path_glob) != std::string::npos;
            if (!match) continue;
        }
        shown.emplace_back(host, f);
        hosts_shown.insert(host);
    }

    const std::string where =
        all_hosts ? "the newest scans of " + std::to_string(hosts.size()) + " host(s)"
                  : "scan " + std::to_string(id);
    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        if (all_hosts) {
            json_string(w, "hosts");
            w.StartArray();
            for (const store::HostScan& h : hosts) {
                w.StartObject();
                json_field(w, "host", h.host);
                json_field(w, "scan_id", h.scan_id);
                json_field(w, "finished_at", h.finished_at);
                json_field(w, "status", h.status);
                w.EndObject();
            }
            w.EndArray();
        } else {
            json_field(w, "scan_id", id);
        }
        json_string(w, "findings");
        w.StartArray();
        for (const auto& [host, f] : shown) {
            w.StartObject();
            if (all_hosts) {
                json_field(w, "host", host);
                json_field(w, "scan_id", f.scan_id);
            }
            json_field(w, "rule", f.rule_id);
            json_field(w, "severity", f.severity);
            json_field(w, "family", f.plugin);
            json_field(w, "file", f.display_path);
            json_field(w, "pointer", f.pointer);
            json_field(w, "line", f.line);
            json_field(w, "column", f.column);
            json_field(w, "message", f.message);
            json_field(w, "fingerprint", f.fingerprint);
            json_string(w, "suppressed");
            w.Bool(f.suppressed);
            json_field(w, "suppression", f.suppression);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        out.out() << buffer.GetString() << '\n';
    } else if (shown.empty()) {
        out.out() << "No findings" << (all.empty() ? "" : " match the filters") << " in " << where
                  << '\n';
    } else {
        std::vector<std::string> header{"SEVERITY", "RULE", "LOCATION", "MESSAGE"};
        if (all_hosts) header.insert(header.begin(), "HOST");
        Table table(header);
        for (const auto& [host, f] : shown) {
            std::string location = f.display_path;
            if (f.line > 0)
                location += ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
            std::vector<std::string> row{
                out.severity(f.severity), f.rule_id, location,
                f.suppressed ? "[suppressed: " + f.suppression + "] " + f.message : f.message};
            if (all_hosts) row.insert(row.begin(), host);
            table.add(std::move(row));
        }
        table.print(out.out());
        if (!context.options().quiet) {
            out.out() << '\n' << shown.size() << " finding(s)";
            if (all_hosts) out.out() << " on " << hosts_shown.size() << " host(s)";
            out.out() << " in " << where << '\n';
        }
    }
    if (threshold) {
        const bool hit = std::any_of(shown.begin(), shown.end(), [&](const auto& entry) {
            const store::StoredFinding& f = entry.second;
            if (f.suppressed) return false;
            return static_cast<int>(
                       scan::parse_severity(f.severity).value_or(sdk::Severity::info)) >=
                   static_cast<int>(*threshold);
        });
        if (hit) return exit_findings;
    }
    return exit_ok;
}

}  // namespace confscope::host
