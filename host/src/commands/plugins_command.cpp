// confscope plugins list | info NAME|PATH | verify PATH...
#include <ostream>

#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/scan/model.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"
#include "plugin_selection.hpp"

namespace confscope::host {

namespace {

std::string kinds_text(const plugins::LoadedPlugin& p) {
    std::string text;
    if (p.is_scanner()) text = "scanner";
    if (p.is_exporter()) text += text.empty() ? "exporter" : ",exporter";
    return text;
}

std::string text_or_empty(const char* s) {
    return s ? s : "";
}

int list(Context& context, const Arguments& args) {
    CommandSpec spec;
    spec.usage = "confscope plugins list";
    spec.description =
        "Lists the plugins in the plugin folders, and every library there that was refused and "
        "why.";
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;

    plugins::PluginLoader loader;
    const PluginSet set = context.load_plugin_dirs(loader);
    Output& out = context.out();
    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_string(w, "plugins");
        w.StartArray();
        for (const auto& p : set.loaded) {
            const confscope_plugin_v1& d = p->descriptor();
            w.StartObject();
            json_field(w, "name", p->name());
            json_field(w, "version", p->version());
            json_field(w, "kinds", kinds_text(*p));
            json_field(w, "family", text_or_empty(d.family));
            json_field(w, "abi", std::to_string(d.abi_major) + "." + std::to_string(d.abi_minor));
            json_field(w, "rules", static_cast<long long>(d.rule_count));
            json_field(w, "summary", text_or_empty(d.summary));
            json_field(w, "path", p->path().string());
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
    if (set.loaded.empty()) {
        out.out() << "No plugins in " << describe_plugin_dirs(context) << '\n';
    } else {
        Table table({"NAME", "VERSION", "KIND", "FAMILY", "ABI", "RULES", "PATH"});
        for (const auto& p : set.loaded) {
            const confscope_plugin_v1& d = p->descriptor();
            table.add({p->name(), p->version(), kinds_text(*p), text_or_empty(d.family),
                       std::to_string(d.abi_major) + "." + std::to_string(d.abi_minor),
                       std::to_string(d.rule_count), p->path().string()});
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
    plugins::PluginLoader loader;
    std::shared_ptr<plugins::LoadedPlugin> plugin;
    if (looks_like_path(which)) {
        auto loaded = loader.load(which);
        if (!loaded) {
            return context.fail(loaded.status());
        }
        plugin = *loaded;
    } else {
        for (auto& p : context.load_plugin_dirs(loader).loaded) {
            if (p->name() == which) plugin = p;
        }
        if (!plugin) {
            out.error("no plugin named '" + which + "' in " + describe_plugin_dirs(context) +
                      " (see confscope plugins list)");
            return exit_usage;
        }
    }
    auto config = context.plugin_config(*plugin);
    if (!config) return context.fail(config.status());
    auto instance = plugins::PluginInstance::create(plugin, *config);
    if (!instance) {
        return context.fail(instance.status());
    }
    std::vector<sdk::Target> targets;
    if (plugin->is_scanner()) {
        auto t = (*instance)->targets();
        if (!t) {
            return context.fail(t.status());
        }
        targets = std::move(*t);
    }
    const confscope_plugin_v1& d = plugin->descriptor();

    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_field(w, "name", plugin->name());
        json_field(w, "version", plugin->version());
        json_field(w, "summary", text_or_empty(d.summary));
        json_field(w, "license", text_or_empty(d.license));
        json_field(w, "contact", text_or_empty(d.contact));
        json_field(w, "kinds", kinds_text(*plugin));
        json_field(w, "family", text_or_empty(d.family));
        json_field(w, "abi", std::to_string(d.abi_major) + "." + std::to_string(d.abi_minor));
        json_field(w, "required_minor", static_cast<long long>(d.required_minor));
        json_field(w, "path", plugin->path().string());
        json_field(w, "sha256", plugin->file_sha256());
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
        for (std::size_t i = 0; i < d.rule_count; ++i) {
            w.StartObject();
            json_field(w, "id", d.rules[i]->id);
            json_field(w, "severity",
                       sdk::to_string(static_cast<sdk::Severity>(d.rules[i]->severity)));
            json_field(w, "title", d.rules[i]->title);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        out.out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    std::ostream& os = out.out();
    os << out.bold(plugin->name() + " " + plugin->version()) << " — " << text_or_empty(d.summary)
       << '\n'
       << "  kind      " << kinds_text(*plugin) << '\n'
       << "  family    " << text_or_empty(d.family) << '\n'
       << "  ABI       built for " << d.abi_major << "." << d.abi_minor << ", requires host 1."
       << d.required_minor << " or later\n"
       << "  license   " << text_or_empty(d.license) << '\n'
       << "  contact   " << text_or_empty(d.contact) << '\n'
       << "  library   " << plugin->path().string() << '\n'
       << "  sha256    " << plugin->file_sha256() << '\n';
    if (!targets.empty()) {
        os << "\nTargets (" << targets.size() << "):\n";
        Table table({"ID", "SCOPE", "FORMAT", "PATH"});
        for (const sdk::Target& t : targets) {
            table.add({t.id, std::string(sdk::to_string(t.scope)),
                       std::string(scan::to_string(t.format)), t.path});
        }
        table.print(os);
    }
    if (d.rule_count > 0) {
        os << "\nRules (" << d.rule_count << "):\n";
        Table table({"ID", "SEVERITY", "TITLE"});
        for (std::size_t i = 0; i < d.rule_count; ++i) {
            table.add({d.rules[i]->id,
                       out.severity(static_cast<sdk::Severity>(d.rules[i]->severity)),
                       d.rules[i]->title});
        }
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
        plugins::PluginLoader loader;  // each library on its own: no duplicate between arguments
        std::vector<plugins::CheckStep> steps;
        auto loaded = loader.load(path, &steps);
        Status verdict = loaded.status();
        if (loaded) {
            auto config = context.plugin_config(**loaded);
            auto instance = config
                                ? plugins::PluginInstance::create(*loaded, *config)
                                : Result<std::unique_ptr<plugins::PluginInstance>>(config.status());
            if (instance && (*loaded)->is_scanner()) {
                auto targets = (*instance)->targets();
                if (targets) {
                    steps.push_back(
                        {"create", true, std::to_string(targets->size()) + " target(s)"});
                } else {
                    steps.push_back({"create", false, targets.status().message()});
                    verdict = targets.status();
                }
            } else if (instance) {
                steps.push_back({"create", true, "instance created"});
            } else {
                steps.push_back({"create", false, instance.status().message()});
                verdict = instance.status();
            }
        }
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
