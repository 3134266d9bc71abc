#include <confscope/scan/scanner_endpoint.hpp>

namespace confscope::scan {

InProcessScanner::InProcessScanner(plugins::PluginInstance& instance) : instance_(instance) {
    const plugins::LoadedPlugin& plugin = instance.plugin();
    const confscope_plugin_v1& d = plugin.descriptor();
    identity_.name = plugin.name();
    identity_.version = plugin.version();
    identity_.abi_major = d.abi_major;
    identity_.abi_minor = d.abi_minor;
    identity_.library_path = plugin.path().string();
    identity_.library_sha256 = plugin.file_sha256();
    for (std::size_t i = 0; i < d.rule_count; ++i) {
        const confscope_rule_v1& r = *d.rules[i];
        rules_.push_back({r.id, static_cast<sdk::Severity>(r.severity), r.title, r.help,
                          r.help_uri != nullptr ? r.help_uri : ""});
    }
    for (const sdk::Rule& r : instance.extra_rules())
        rules_.push_back(r);
}

namespace {

// The runner's results go into the scan through the same host table an in-process call gets.
isolation::RunnerCallbacks forward_to(const confscope_host_v1& host) {
    return {[&host](const confscope_item_v1& item) { return host.emit_item(host.context, &item); },
            [&host](const confscope_finding_v1& finding) {
                return host.emit_finding(host.context, &finding);
            },
            [&host](confscope_log_level level, const std::string& text) {
                host.log(host.context, level, text.c_str());
            }};
}

}  // namespace

Result<std::unique_ptr<IsolatedScanner>> IsolatedScanner::start(
    const std::filesystem::path& runner_exe, const std::filesystem::path& plugin,
    const std::string& rule_files_config, isolation::RunnerLimits limits) {
    CONFSCOPE_ASSIGN_OR_RETURN(auto runner, isolation::RunnerProcess::start(
                                                runner_exe, plugin, rule_files_config, limits));
    return std::unique_ptr<IsolatedScanner>(new IsolatedScanner(std::move(runner), plugin));
}

IsolatedScanner::IsolatedScanner(std::unique_ptr<isolation::RunnerProcess> runner,
                                 const std::filesystem::path& plugin)
    : runner_(std::move(runner)) {
    const isolation::PluginHello& hello = runner_->hello();
    identity_.name = hello.name;
    identity_.version = hello.version;
    identity_.abi_major = hello.abi_major;
    identity_.abi_minor = hello.abi_minor;
    identity_.library_path = plugin.string();
    identity_.library_sha256 = hello.library_sha256;
    rules_ = hello.rules;
    rules_.insert(rules_.end(), hello.extra_rules.begin(), hello.extra_rules.end());
}

Status IsolatedScanner::analyze(const confscope_file_v1& file,
                                const confscope_document_v1& document,
                                const confscope_host_v1& host) {
    return runner_->analyze(file, document, forward_to(host));
}

Status IsolatedScanner::finish(const confscope_host_v1& host) {
    return runner_->finish(forward_to(host));
}

}  // namespace confscope::scan
