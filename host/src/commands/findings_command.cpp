// confscope findings [--scan ID] [--rule ID]... [--severity MIN] [--family NAME] [--path GLOB]
#include <algorithm>
#include <fnmatch.h>
#include <ostream>

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
    CommandSpec spec;
    spec.usage =
        "confscope findings [--scan ID|latest] [--rule ID]... [--severity MIN] [--family NAME]... "
        "[--path GLOB]";
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
        "also list findings an ignore entry or the baseline suppressed, with the reason");
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    Output& out = context.out();

    const auto minimum = scan::parse_severity(min_severity);
    if (!minimum) {
        out.error("--severity " + min_severity + ": use info, low, medium, high or critical");
        return exit_usage;
    }
    std::optional<sdk::Severity> threshold;
    if (fail_on != "none") {
        threshold = scan::parse_severity(fail_on);
        if (!threshold) {
            out.error("--fail-on " + fail_on + ": use info, low, medium, high, critical or none");
            return exit_usage;
        }
    }
    auto opened = context.open_scan(which);
    if (!opened) return context.fail(opened.status());
    store::Store& store = *opened->store;
    const std::int64_t id = opened->id;
    auto all = store.findings(id);
    if (!all) return context.fail(all.status());
    const bool glob = path_glob.find_first_of("*?[") != std::string::npos;
    std::vector<store::StoredFinding> shown;
    for (const store::StoredFinding& f : *all) {
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
        shown.push_back(f);
    }

    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_field(w, "scan_id", id);
        json_string(w, "findings");
        w.StartArray();
        for (const auto& f : shown) {
            w.StartObject();
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
        out.out() << "No findings" << (all->empty() ? "" : " match the filters") << " in scan "
                  << id << '\n';
    } else {
        Table table({"SEVERITY", "RULE", "LOCATION", "MESSAGE"});
        for (const auto& f : shown) {
            std::string where = f.display_path;
            if (f.line > 0) where += ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
            table.add(
                {out.severity(f.severity), f.rule_id, where,
                 f.suppressed ? "[suppressed: " + f.suppression + "] " + f.message : f.message});
        }
        table.print(out.out());
        if (!context.options().quiet)
            out.out() << '\n' << shown.size() << " finding(s) in scan " << id << '\n';
    }
    if (threshold) {
        const bool hit =
            std::any_of(shown.begin(), shown.end(), [&](const store::StoredFinding& f) {
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
