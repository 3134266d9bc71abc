#include "plugin_catalogue.hpp"

#include <confscope/plugins/manifest.hpp>
#include <confscope/plugins/rule_files.hpp>

namespace confscope::host {

namespace fs = std::filesystem;

namespace {

// A plugin asked for its rules or targets answers at once; an export may take a while.
isolation::RunnerLimits query_limits() {
    isolation::RunnerLimits limits;
    limits.deadline = std::chrono::seconds(30);
    return limits;
}

isolation::RunnerLimits export_limits() {
    isolation::RunnerLimits limits;
    limits.deadline = std::chrono::seconds(600);
    return limits;
}

std::string text_of(const char* s) {
    return s != nullptr ? s : "";
}

Result<std::string> runner_config(Context& context) {
    CONFSCOPE_ASSIGN_OR_RETURN(std::vector<plugins::RuleFile> files,
                               plugins::gather_rule_files({}, context.env()));
    return plugins::rule_files_config(files);
}

// The runner's loader names the check that refused a library ("… refused by the descriptor check:
// …"); a crash or a hang happened while loading or creating it.
std::string step_that_refused(const std::string& message) {
    for (const char* check : {"load", "descriptor", "create"}) {
        if (message.find(std::string("refused by the ") + check + " check") != std::string::npos)
            return check;
    }
    return "load";
}

// The end of the create step, wherever the plugin runs: a scanner's targets when asked for (or
// verified), and the step's verdict for `plugins verify`.
template <typename AskTargets>
Status finish_create_step(PluginDescription& p, Depth depth, std::vector<plugins::CheckStep>* steps,
                          AskTargets ask_targets) {
    if (p.is_scanner() && (depth == Depth::targets || steps != nullptr)) {
        auto targets = ask_targets();
        if (!targets) {
            if (steps != nullptr) steps->push_back({"create", false, targets.status().message()});
            return targets.status();
        }
        p.targets = std::move(*targets);
    }
    if (steps != nullptr) {
        steps->push_back({"create", true,
                          p.is_scanner() ? std::to_string(p.targets.size()) + " target(s)"
                                         : std::string("instance created")});
    }
    return Status::ok();
}

Result<PluginDescription> describe_in_process(Context& context, plugins::PluginLoader& loader,
                                              const fs::path& library, Depth depth,
                                              std::vector<plugins::CheckStep>* steps) {
    CONFSCOPE_ASSIGN_OR_RETURN(auto plugin, loader.load(library, steps));
    const confscope_plugin_v1& d = plugin->descriptor();
    PluginDescription p;
    p.path = library;
    p.name = plugin->name();
    p.version = plugin->version();
    p.family = text_of(d.family);
    p.summary = text_of(d.summary);
    p.license = text_of(d.license);
    p.contact = text_of(d.contact);
    p.sha256 = plugin->file_sha256();
    p.kinds = d.kinds;
    p.abi_major = d.abi_major;
    p.abi_minor = d.abi_minor;
    p.required_minor = d.required_minor;
    for (std::size_t i = 0; i < d.rule_count; ++i) {
        const confscope_rule_v1& r = *d.rules[i];
        p.rules.push_back(
            {r.id, static_cast<sdk::Severity>(r.severity), r.title, r.help, text_of(r.help_uri)});
    }
    if (depth == Depth::manifest && steps == nullptr) return p;
    CONFSCOPE_ASSIGN_OR_RETURN(std::string config, context.plugin_config(*plugin));
    auto instance = plugins::PluginInstance::create(plugin, config);
    if (!instance) {
        if (steps != nullptr) steps->push_back({"create", false, instance.status().message()});
        return instance.status();
    }
    for (const sdk::Rule& r : (*instance)->extra_rules())
        p.rules.push_back(r);
    CONFSCOPE_TRY(finish_create_step(p, depth, steps, [&] { return (*instance)->targets(); }));
    return p;
}

Result<PluginDescription> describe_isolated(Context& context, plugins::PluginLoader& loader,
                                            const fs::path& library, Depth depth,
                                            std::vector<plugins::CheckStep>* steps) {
    CONFSCOPE_ASSIGN_OR_RETURN(plugins::Manifest manifest, loader.inspect(library, steps));
    PluginDescription p;
    p.path = library;
    p.third_party = true;
    p.name = manifest.name;
    p.version = manifest.version;
    p.family = manifest.family;
    p.kinds = manifest.kind_bits();
    p.abi_major = manifest.abi;
    p.required_minor = manifest.required_minor;
    if (depth == Depth::manifest && steps == nullptr) return p;

    CONFSCOPE_ASSIGN_OR_RETURN(std::string config, runner_config(context));
    auto runner =
        isolation::RunnerProcess::start(Context::runner_exe(), library, config, query_limits());
    if (!runner) {
        if (steps != nullptr) {
            steps->push_back({step_that_refused(runner.status().message()), false,
                              runner.status().message() + " (in confscope-runner)"});
        }
        return runner.status();
    }
    const isolation::PluginHello& hello = (*runner)->hello();
    if (steps != nullptr) {
        steps->push_back({"load", true, "loaded in confscope-runner (sandboxed)"});
        steps->push_back({"descriptor", true,
                          "ABI " + std::to_string(hello.abi_major) + "." +
                              std::to_string(hello.abi_minor) + ", " +
                              std::to_string(hello.rules.size()) + " rule(s)"});
    }
    p.summary = hello.summary;
    p.license = hello.license;
    p.contact = hello.contact;
    p.sha256 = hello.library_sha256;
    p.kinds = hello.kinds;
    p.abi_major = hello.abi_major;
    p.abi_minor = hello.abi_minor;
    p.required_minor = hello.required_minor;
    p.rules = hello.rules;
    p.rules.insert(p.rules.end(), hello.extra_rules.begin(), hello.extra_rules.end());
    CONFSCOPE_TRY(finish_create_step(p, depth, steps, [&] { return (*runner)->targets(); }));
    return p;
}

class InProcessExporter : public Exporter {
  public:
    explicit InProcessExporter(std::unique_ptr<plugins::PluginInstance> instance)
        : instance_(std::move(instance)) {}
    Result<std::string> run(const report::ExportInput& input) override {
        return report::run_exporter(*instance_, input);
    }

  private:
    std::unique_ptr<plugins::PluginInstance> instance_;
};

class IsolatedExporter : public Exporter {
  public:
    explicit IsolatedExporter(std::unique_ptr<isolation::RunnerProcess> runner)
        : runner_(std::move(runner)) {}
    Result<std::string> run(const report::ExportInput& input) override {
        return runner_->export_scan(input.raw());
    }

  private:
    std::unique_ptr<isolation::RunnerProcess> runner_;
};

}  // namespace

bool is_third_party(const fs::path& library) {
    std::error_code ec;
    const fs::path own = fs::weakly_canonical(Context::own_plugin_dir(), ec);
    const fs::path folder = fs::weakly_canonical(library.parent_path(), ec);
    return own.empty() || folder != own;
}

Result<PluginDescription> describe_plugin(Context& context, plugins::PluginLoader& loader,
                                          const fs::path& library, Depth depth,
                                          std::vector<plugins::CheckStep>* steps) {
    return is_third_party(library) ? describe_isolated(context, loader, library, depth, steps)
                                   : describe_in_process(context, loader, library, depth, steps);
}

PluginListing describe_plugin_dirs(Context& context, Depth depth) {
    PluginListing listing;
    plugins::PluginLoader loader;
    for (const fs::path& file : plugins::find_plugin_files(context.plugin_dirs())) {
        auto plugin = describe_plugin(context, loader, file, depth);
        if (plugin) {
            listing.plugins.push_back(std::move(*plugin));
        } else {
            listing.refused.push_back(plugin.status());
        }
    }
    return listing;
}

std::string manifest_name(const fs::path& library) {
    constexpr std::uint64_t kMaxBytes = 512ull << 20;
    auto read = plugins::read_library(library, false, kMaxBytes);
    if (!read) return {};
    auto manifest = plugins::parse_manifest(read->manifest_region);
    return manifest ? manifest->name : std::string();
}

fs::path find_plugin_named(Context& context, const std::string& name) {
    for (const fs::path& file : plugins::find_plugin_files(context.plugin_dirs()))
        if (manifest_name(file) == name) return file;
    return {};
}

Result<std::unique_ptr<Exporter>> start_exporter(Context& context, const fs::path& library) {
    plugins::PluginLoader loader;
    if (!is_third_party(library)) {
        CONFSCOPE_ASSIGN_OR_RETURN(auto plugin, loader.load(library));
        if (!plugin->is_exporter())
            return Status::invalid_argument("plugin " + plugin->name() + " is not an exporter");
        CONFSCOPE_ASSIGN_OR_RETURN(std::string config, context.plugin_config(*plugin));
        CONFSCOPE_ASSIGN_OR_RETURN(auto instance, plugins::PluginInstance::create(plugin, config));
        return std::unique_ptr<Exporter>(new InProcessExporter(std::move(instance)));
    }
    CONFSCOPE_ASSIGN_OR_RETURN(plugins::Manifest manifest, loader.inspect(library));
    if ((manifest.kind_bits() & CONFSCOPE_KIND_EXPORTER) == 0)
        return Status::invalid_argument("plugin " + manifest.name + " is not an exporter");
    CONFSCOPE_ASSIGN_OR_RETURN(std::string config, runner_config(context));
    CONFSCOPE_ASSIGN_OR_RETURN(
        auto runner,
        isolation::RunnerProcess::start(Context::runner_exe(), library, config, export_limits()));
    return std::unique_ptr<Exporter>(new IsolatedExporter(std::move(runner)));
}

}  // namespace confscope::host
