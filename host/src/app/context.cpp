#include "context.hpp"

#include <unistd.h>

#include <boost/dll/runtime_symbol_info.hpp>

#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/plugins/rule_files.hpp>

#include "exit_codes.hpp"

namespace confscope::host {

namespace fs = std::filesystem;

namespace {
void split_into(const std::string& text, std::vector<fs::path>& out) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t colon = text.find(':', start);
        const std::string part =
            text.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!part.empty()) out.emplace_back(part);
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
}
}  // namespace

fs::path Context::own_plugin_dir() {
    std::error_code ec;
    const fs::path exe = boost::dll::program_location(ec);
    if (ec) return {};
    return (exe.parent_path() / ".." / "lib" / "confscope" / "plugins").lexically_normal();
}

fs::path Context::runner_exe() {
    std::error_code ec;
    const fs::path exe = boost::dll::program_location(ec);
    if (ec) return "confscope-runner";
    return exe.parent_path() / "confscope-runner";
}

std::vector<fs::path> Context::plugin_dirs() const {
    // The install's own folder first: its plugins win a name clash, so that a library dropped
    // into a plugin folder can never stand in for a built-in scanner.
    std::vector<fs::path> dirs;
    if (fs::path own = own_plugin_dir(); !own.empty()) dirs.push_back(own);
    for (const std::string& entry : options_.plugin_path)
        split_into(entry, dirs);
    if (const auto it = env_.find("CONFSCOPE_PLUGIN_PATH"); it != env_.end())
        split_into(it->second, dirs);
    return dirs;
}

Result<std::string> Context::plugin_config(const plugins::LoadedPlugin& plugin,
                                           const std::vector<std::string>& rule_files) const {
    if (!plugins::accepts_rule_files(plugin)) return std::string("{}");
    CONFSCOPE_ASSIGN_OR_RETURN(std::vector<plugins::RuleFile> files,
                               plugins::gather_rule_files(rule_files, env_));
    return plugins::rule_files_config(files);
}

Result<store::StoreUrl> Context::store_url() const {
    std::string db = options_.db;
    if (db.empty()) {
        if (const auto it = env_.find("CONFSCOPE_DB"); it != env_.end()) db = it->second;
    }
    return store::parse_store_url(db, env_);
}

Result<std::unique_ptr<store::Store>> Context::open_store(store::StoreOptions options) const {
    CONFSCOPE_ASSIGN_OR_RETURN(store::StoreUrl url, store_url());
    options.retries = options_.db_retries;
    return store::Store::open(url, options);
}

Result<std::unique_ptr<store::Store>> Context::open_store_for_reading() const {
    store::StoreOptions options;
    options.read_only = true;
    return open_store(options);
}

Result<Context::OpenScan> Context::open_scan(const std::string& reference) const {
    OpenScan opened;
    CONFSCOPE_ASSIGN_OR_RETURN(opened.store, open_store_for_reading());
    CONFSCOPE_ASSIGN_OR_RETURN(opened.id, opened.store->resolve_scan(reference));
    return opened;
}

Result<Context::OpenScans> Context::open_scans(const std::string& reference, bool all_hosts) const {
    OpenScans opened;
    if (!all_hosts) {
        CONFSCOPE_ASSIGN_OR_RETURN(OpenScan one, open_scan(reference));
        opened.store = std::move(one.store);
        opened.scans.push_back({"", one.id, "", ""});
        return opened;
    }
    CONFSCOPE_ASSIGN_OR_RETURN(opened.store, open_store_for_reading());
    CONFSCOPE_ASSIGN_OR_RETURN(opened.scans, opened.store->latest_scan_per_host());
    return opened;
}

int Context::fail(const Status& status) {
    output_.error(status.message());
    const bool usage =
        status.code() == StatusCode::invalid_argument || status.code() == StatusCode::not_found;
    return usage ? exit_usage : exit_runtime_error;
}

bool Context::progress_enabled() const {
    return !options_.quiet && !options_.json && ::isatty(STDERR_FILENO) == 1;
}

}  // namespace confscope::host
