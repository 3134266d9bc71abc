// confscope rules list [--plugin NAME] [--severity MIN] | rules show ID
#include <map>
#include <ostream>

#include <confscope/log/log.hpp>
#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/scan/model.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"
#include "plugin_catalogue.hpp"

namespace confscope::host {

namespace {

struct CatalogueEntry {
    sdk::Rule rule;
    std::vector<std::string> plugins;  // every plugin (or "core") that reports it
};

// Every rule the installed plugins (and the core) can report, by id. A rule several plugins share
// (the MCP server rules) is listed once with each plugin.
Result<std::map<std::string, CatalogueEntry>> catalogue(Context& context) {
    std::map<std::string, CatalogueEntry> rules;
    auto add = [&](const sdk::Rule& rule, const std::string& plugin) {
        auto [it, inserted] = rules.try_emplace(rule.id, CatalogueEntry{rule, {}});
        it->second.plugins.push_back(plugin);
    };
    for (const scan::RuleInfo& r : scan::core_rules())
        add({r.id, r.severity, r.title, r.help, r.help_uri}, "core");
    // Third-party plugins answer from confscope-runner; the rules include those a plugin knows
    // once configured (user rule files).
    const PluginListing listing = describe_plugin_dirs(context, Depth::rules);
    for (const Status& refused : listing.refused)
        log::warning(refused.message() + " (its rules are not listed)");
    for (const PluginDescription& plugin : listing.plugins)
        for (const sdk::Rule& r : plugin.rules)
            add(r, plugin.name);
    return rules;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const std::string& p : parts)
        text += (text.empty() ? "" : ", ") + p;
    return text;
}

int list(Context& context, const Arguments& args) {
    std::vector<std::string> plugins;
    std::string min_severity = "info";
    CommandSpec spec;
    spec.usage = "confscope rules list [--plugin NAME]... [--severity MIN]";
    spec.description =
        "Lists every rule the installed plugins can report: id, default severity, plugins, title.";
    spec.options.add_options()("plugin,p", po::value(&plugins)->composing()->value_name("NAME"),
                               "only rules of this plugin (repeatable)")(
        "severity", po::value(&min_severity)->default_value("info")->value_name("MIN"),
        "only rules whose default severity is at or above this");
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    const auto minimum = scan::parse_severity(min_severity);
    if (!minimum)
        return context.fail(Status::invalid_argument("--severity " + min_severity +
                                                     ": use info, low, medium, high or critical"));
    auto rules = catalogue(context);
    if (!rules) return context.fail(rules.status());

    std::vector<const CatalogueEntry*> shown;
    for (const auto& [id, entry] : *rules) {
        if (static_cast<int>(entry.rule.severity) < static_cast<int>(*minimum)) continue;
        const bool wanted =
            plugins.empty() ||
            std::any_of(entry.plugins.begin(), entry.plugins.end(), [&](const std::string& p) {
                return std::find(plugins.begin(), plugins.end(), p) != plugins.end();
            });
        if (wanted) shown.push_back(&entry);
    }
    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartArray();
        for (const CatalogueEntry* e : shown) {
            w.StartObject();
            json_field(w, "id", e->rule.id);
            json_field(w, "severity", sdk::to_string(e->rule.severity));
            json_field(w, "title", e->rule.title);
            json_field(w, "help", e->rule.help);
            json_field(w, "help_uri", e->rule.help_uri);
            json_string(w, "plugins");
            w.StartArray();
            for (const std::string& p : e->plugins)
                json_string(w, p);
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        context.out().out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    Table table({"ID", "SEVERITY", "PLUGINS", "TITLE"});
    for (const CatalogueEntry* e : shown) {
        table.add({e->rule.id, context.out().severity(e->rule.severity), joined(e->plugins),
                   e->rule.title});
    }
    table.print(context.out().out());
    if (!context.options().quiet)
        context.out().out() << '\n'
                            << shown.size() << " rule(s); confscope rules show ID for the help\n";
    return exit_ok;
}

int show(Context& context, const Arguments& args) {
    std::string id;
    CommandSpec spec;
    spec.usage = "confscope rules show ID";
    spec.description =
        "Shows one rule: severity, the plugins that report it, its title and its help.";
    spec.options.add_options()("id", po::value(&id)->required()->value_name("ID"),
                               "the rule id (PERM-001)");
    spec.positional.add("id", 1);
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    auto rules = catalogue(context);
    if (!rules) return context.fail(rules.status());
    const auto it = rules->find(id);
    if (it == rules->end()) {
        return context.fail(Status::not_found("no rule " + id + " (see confscope rules list)"));
    }
    const CatalogueEntry& e = it->second;
    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_field(w, "id", e.rule.id);
        json_field(w, "severity", sdk::to_string(e.rule.severity));
        json_field(w, "title", e.rule.title);
        json_field(w, "help", e.rule.help);
        json_field(w, "help_uri", e.rule.help_uri);
        json_string(w, "plugins");
        w.StartArray();
        for (const std::string& p : e.plugins)
            json_string(w, p);
        w.EndArray();
        w.EndObject();
        context.out().out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    std::ostream& os = context.out().out();
    os << context.out().bold(e.rule.id) << " — " << e.rule.title << '\n'
       << "  severity  " << context.out().severity(e.rule.severity)
       << " (default; scope-aware rules adjust it)\n"
       << "  plugins   " << joined(e.plugins) << '\n';
    if (!e.rule.help_uri.empty()) os << "  more      " << e.rule.help_uri << '\n';
    os << '\n' << e.rule.help << '\n';
    return exit_ok;
}

}  // namespace

int run_rules_command(Context& context, const Arguments& args) {
    const std::string usage = "confscope rules list | show ID";
    if (args.empty() || args.front() == "--help" || args.front() == "-h") {
        std::ostream& os = args.empty() ? context.out().err() : context.out().out();
        os << "Usage: " << usage
           << "\n\n  list   every rule the installed plugins can report\n  show   one rule's "
              "severity, plugins and help\n";
        return args.empty() ? exit_usage : exit_ok;
    }
    const Arguments rest(args.begin() + 1, args.end());
    if (args.front() == "list") return list(context, rest);
    if (args.front() == "show") return show(context, rest);
    context.out().error("unknown subcommand 'rules " + args.front() + "' (usage: " + usage + ")");
    return exit_usage;
}

}  // namespace confscope::host
