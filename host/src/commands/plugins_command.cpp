// confscope plugins list | info NAME|PATH | verify PATH...
#include <ostream>

#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/scan/model.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"
#include "plugin_catalogue.hpp"
#include "plugin_selection.hpp"

namespace confscope::host {

namespace {

std::string kinds_text(const PluginDescription& p) {
    std::string text;
    if (p.is_scanner()) text = "scanner";
    if (p.is_exporter()) text += text.empty() ? "exporter" : ",exporter";
    return text;
}

std::string abi_text(const PluginDescription& p) {
    return std::to_string(p.abi_major) + "." + std::to_string(p.abi_minor);
}

int list(Context& context, const Arguments& args) {
    CommandSpec spec;
    spec.usage = "confscope plugins list";
    spec.description =
        "Lists the plugins in the plugin folders, and every library there that was refused and "
        "why.";
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;

    const PluginListing set = describe_plugin_dirs(context, Depth::rules);
    Output& out = context.out();
    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_string(w, "plugins");
        w.StartArray();
        for (const PluginDescription& p : set.plugins) {
            w.StartObject();
            json_field(w, "name", p.name);
            json_field(w, "version", p.version);
            json_field(w, "kinds", kinds_text(p));
            json_field(w, "family", p.family);
            json_field(w, "abi", abi_text(p));
            json_field(w, "rules", static_cast<long long>(p.rules.size()));
            json_field(w, "summary", p.summary);
            json_field(w, "path", p.path.string());
            json_field(w, "isolated", p.third_party ? "yes" : "no");
            w.EndObject();
        }
        w.EndArray();
        json_string(w, "refused");
        w.StartArray();
        for (const Status& s : set.refused)
            json_string(w, s.message());
        w.EndArray();
        w.EndObject();
        out.out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    if (set.plugins.empty()) {
        out.out() << "No plugins in " << describe_plugin_dirs(context) << '\n';
    } else {
        Table table({"NAME", "VERSION", "KIND", "FAMILY", "ABI", "RULES", "PATH"});
        for (const PluginDescription& p : set.plugins) {
            table.add({p.name, p.version, kinds_text(p), p.family, abi_text(p),
                       std::to_string(p.rules.size()),
                       p.path.string() + (p.third_party ? " (isolated)" : "")});
        }
        table.print(out.out());
    }
    for (const Status& s : set.refused)
        out.err() << "confscope: refused: " << s.message() << '\n';
    return exit_ok;
}

int info(Context& context, const Arguments& args) {
    std::string which;
    CommandSpec spec;
    spec.usage = "confscope plugins info NAME|PATH";
    spec.description =
        "Shows a plugin's metadata, ABI, the locations it looks at and the rules it reports.";
    spec.options.add_options()("plugin", po::value(&which)->required()->value_name("NAME|PATH"),
                               "the plugin");
    spec.positional.add("plugin", 1);
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;

    Output& out = context.out();
    std::filesystem::path library = which;
    if (!looks_like_path(which)) {
        library = find_plugin_named(context, which);
        if (library.empty()) {
            out.error("no plugin named '" + which + "' in " + describe_plugin_dirs(context) +
                      " (see confscope plugins list)");
            return exit_usage;
        }
    }
    plugins::PluginLoader loader;
    auto described = describe_plugin(context, loader, library, Depth::targets);
    if (!described) return context.fail(described.status());
    const PluginDescription& plugin = *described;
    const std::vector<sdk::Target>& targets = plugin.targets;

    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_field(w, "name", plugin.name);
        json_field(w, "version", plugin.version);
        json_field(w, "summary", plugin.summary);
        json_field(w, "license", plugin.license);
        json_field(w, "contact", plugin.contact);
        json_field(w, "kinds", kinds_text(plugin));
        json_field(w, "family", plugin.family);
        json_field(w, "abi", abi_text(plugin));
        json_field(w, "required_minor", static_cast<long long>(plugin.required_minor));
        json_field(w, "path", plugin.path.string());
        json_field(w, "sha256", plugin.sha256);
        json_field(w, "isolated", plugin.third_party ? "yes" : "no");
        json_string(w, "targets");
        w.StartArray();
        for (const sdk::Target& t : targets) {
            w.StartObject();
            json_field(w, "id", t.id);
            json_field(w, "category", t.category);
            json_field(w, "name", t.name);
            json_field(w, "path", t.path);
            json_field(w, "format", scan::to_string(t.format));
            json_field(w, "scope", sdk::to_string(t.scope));
            w.EndObject();
        }
        w.EndArray();
        json_string(w, "rules");
        w.StartArray();
        for (const sdk::Rule& r : plugin.rules) {
            w.StartObject();
            json_field(w, "id", r.id);
            json_field(w, "severity", sdk::to_string(r.severity));
            json_field(w, "title", r.title);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        out.out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    std::ostream& os = out.out();
    os << out.bold(plugin.name + " " + plugin.version) << " — " << plugin.summary << '\n'
       << "  kind      " << kinds_text(plugin) << '\n'
       << "  family    " << plugin.family << '\n'
       << "  ABI       built for " << abi_text(plugin) << ", requires host 1."
       << plugin.required_minor << " or later\n"
       << "  license   " << plugin.license << '\n'
       << "  contact   " << plugin.contact << '\n'
       << "  library   " << plugin.path.string()
       << (plugin.third_party ? " (third-party: runs isolated, in confscope-runner)" : "") << '\n'
       << "  sha256    " << plugin.sha256 << '\n';
    if (!targets.empty()) {
        os << "\nTargets (" << targets.size() << "):\n";
        Table table({"ID", "SCOPE", "FORMAT", "PATH"});
        for (const sdk::Target& t : targets) {
            table.add({t.id, std::string(sdk::to_string(t.scope)),
                       std::string(scan::to_string(t.format)), t.path});
        }
        table.print(os);
    }
    if (!plugin.rules.empty()) {
        os << "\nRules (" << plugin.rules.size() << "):\n";
        Table table({"ID", "SEVERITY", "TITLE"});
        for (const sdk::Rule& r : plugin.rules)
            table.add({r.id, out.severity(r.severity), r.title});
        table.print(os);
    }
    return exit_ok;
}

int verify(Context& context, const Arguments& args) {
    std::vector<std::string> paths;
    CommandSpec spec;
    spec.usage = "confscope plugins verify PATH...";
    spec.description =
        "Runs every validation step on each library and prints each step's verdict: file policy, "
        "symbol table,\n"
        "manifest, duplicate, load, descriptor, create. A refused library is never loaded past the "
        "failing\n"
        "step. Exit code 0 when every library is accepted, 1 when any is refused.";
    spec.options.add_options()("path", po::value(&paths)->required()->value_name("PATH"),
                               "plugin libraries");
    spec.positional.add("path", -1);
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;

    Output& out = context.out();
    bool all_accepted = true;
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    if (context.options().json) w.StartArray();
    for (const std::string& path : paths) {
        // Each library on its own (no duplicate between arguments). A third-party library is
        // loaded, checked and created in confscope-runner, never in this process.
        plugins::PluginLoader loader;
        std::vector<plugins::CheckStep> steps;
        const Status verdict =
            describe_plugin(context, loader, path, Depth::targets, &steps).status();
        all_accepted = all_accepted && verdict.is_ok();
        if (context.options().json) {
            w.StartObject();
            json_field(w, "path", path);
            json_field(w, "accepted", verdict.is_ok() ? "yes" : "no");
            json_field(w, "message", verdict.message());
            json_string(w, "steps");
            w.StartArray();
            for (const plugins::CheckStep& s : steps) {
                w.StartObject();
                json_field(w, "check", s.check);
                json_field(w, "passed", s.passed ? "yes" : "no");
                json_field(w, "detail", s.detail);
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
            continue;
        }
        std::ostream& os = out.out();
        os << out.bold(path) << '\n';
        for (const plugins::CheckStep& s : steps) {
            const std::string mark =
                s.passed ? "ok    " : (out.color() ? "\033[1;31mFAILED\033[0m" : "FAILED");
            os << "  " << mark << "  " << s.check
               << std::string(s.check.size() < 14 ? 14 - s.check.size() : 1, ' ') << s.detail
               << '\n';
        }
        if (verdict.is_ok()) {
            os << "  accepted\n";
        } else {
            out.err() << "confscope: refused: " << verdict.message() << '\n';
        }
    }
    if (context.options().json) {
        w.EndArray();
        out.out() << buffer.GetString() << '\n';
    }
    return all_accepted ? exit_ok : exit_findings;
}

}  // namespace

int run_plugins_command(Context& context, const Arguments& args) {
    const std::string usage = "confscope plugins list | info NAME|PATH | verify PATH...";
    if (args.empty() || args.front() == "--help" || args.front() == "-h") {
        std::ostream& os = args.empty() ? context.out().err() : context.out().out();
        os << "Usage: " << usage
           << "\n\n  list     the plugins in the plugin folders (and the refused libraries)\n"
              "  info     one plugin's metadata, ABI, targets and rules\n"
              "  verify   every validation step for each library, with its verdict\n";
        return args.empty() ? exit_usage : exit_ok;
    }
    const Arguments rest(args.begin() + 1, args.end());
    if (args.front() == "list") return list(context, rest);
    if (args.front() == "info") return info(context, rest);
    if (args.front() == "verify") return verify(context, rest);
    context.out().error("unknown subcommand 'plugins " + args.front() + "' (usage: " + usage + ")");
    return exit_usage;
}

}  // namespace confscope::host
