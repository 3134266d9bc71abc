// Every in-tree scanner's analyze() and finish(), loaded from the built plugin libraries through
// the core loader and PluginInstance exactly as a scan loads them. The first input byte picks one
// (scanner, target) pair; the rest is a file at that target's path (placeholders and globs filled
// in), parsed in the target's format, flagged for secrets and handed over with its metadata.
// Results go through the scan's AnalyzeSession, which checks every item and finding. The custom
// plugin is configured with docs/examples/team-policy.toml, so it has targets and rules too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <confscope/parse/document.hpp>
#include <confscope/plugins/loader.hpp>
#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/scan/model.hpp>
#include <confscope/secrets/detector.hpp>
#include <confscope/secrets/redactor.hpp>

#include "fuzz_support.hpp"
#include "scan/analyze_session.hpp"

using namespace confscope;

namespace {

struct Choice {
    std::shared_ptr<plugins::LoadedPlugin> plugin;
    std::string config;
    sdk::Target target;
    std::string path;
    std::set<std::string, std::less<>> rules;
};

std::vector<Choice>& choices() {
    static std::vector<Choice> all;
    return all;
}

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// A concrete path for a target template: placeholders under a fake home, globs filled in.
std::string concrete_path(std::string path) {
    static const std::map<std::string, std::string> places = {
        {"{HOME}", "/home/fuzz"},
        {"{PROJECT}", "/home/fuzz/src/project"},
        {"{CLAUDE_CONFIG_DIR}", "/home/fuzz/.claude"},
        {"{CLAUDE_MANAGED_DIR}", "/etc/claude-code"},
        {"{XDG_CONFIG_HOME}", "/home/fuzz/.config"},
        {"{APPDATA}", "/home/fuzz/.config"},
        {"{PROGRAMDATA}", "/etc"},
        {"{SYSTEM_ROOT}", ""}};
    for (const auto& [placeholder, value] : places) {
        for (std::size_t at = path.find(placeholder); at != std::string::npos;
             at = path.find(placeholder))
            path.replace(at, placeholder.size(), value);
    }
    for (std::size_t at = path.find("**/"); at != std::string::npos; at = path.find("**/"))
        path.erase(at, 3);
    for (std::size_t at = path.find('*'); at != std::string::npos; at = path.find('*'))
        path.replace(at, 1, "fuzz");
    return path;
}

// Seeds: each fixture file for the target it would be found by — the same file name, or a glob's
// folder and extension (commands/*.md).
void write_seeds() {
    if (fuzz::seed_folder() == nullptr) return;
    fuzz::for_each_fixture(16384, [](const std::filesystem::path& file, const std::string& bytes) {
        int best = -1, best_score = 0;
        for (std::size_t i = 0; i < choices().size(); ++i) {
            const std::filesystem::path target = choices()[i].path;
            int score = 0;
            if (target.filename() == file.filename()) {
                score = 2;
            } else if (target.parent_path().filename() == file.parent_path().filename() &&
                       target.extension() == file.extension()) {
                score = 1;
            }
            if (score > best_score) {
                best = static_cast<int>(i);
                best_score = score;
            }
        }
        if (best >= 0) fuzz::write_seed(std::string(1, static_cast<char>(best)) + bytes);
    });
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::ifstream policy(CONFSCOPE_FUZZ_SOURCE_DIR "/docs/examples/team-policy.toml");
    std::stringstream text;
    text << policy.rdbuf();
    const std::string custom_config =
        "{\"rule_files\":[{\"path\":\"/home/fuzz/team-policy.toml\",\"content\":" +
        json_string(text.str()) + "}]}";

    plugins::PluginLoader loader;
    for (const auto& file : plugins::find_plugin_files({CONFSCOPE_FUZZ_PLUGIN_DIR})) {
        auto loaded = loader.load_kind(file, CONFSCOPE_KIND_SCANNER);
        if (!loaded || *loaded == nullptr) continue;
        const std::string config = (*loaded)->name() == "custom" ? custom_config : "{}";
        auto instance = plugins::PluginInstance::create(*loaded, config);
        if (!instance) {
            std::fprintf(stderr, "fuzz_scanner: %s\n", instance.status().message().c_str());
            std::abort();
        }
        std::set<std::string, std::less<>> rules{std::string(scan::kParseErrorRule)};
        for (std::size_t i = 0; i < (*loaded)->descriptor().rule_count; ++i)
            rules.insert((*loaded)->descriptor().rules[i]->id);
        for (const sdk::Rule& r : (*instance)->extra_rules())
            rules.insert(r.id);
        auto targets = (*instance)->targets();
        if (!targets) continue;
        for (const sdk::Target& t : *targets)
            choices().push_back({*loaded, config, t, concrete_path(t.path), rules});
    }
    if (choices().empty() || choices().size() > 256) {
        std::fprintf(stderr,
                     "fuzz_scanner: %zu (scanner, target) pairs in %s; 1 to 256 fit a byte\n",
                     choices().size(), CONFSCOPE_FUZZ_PLUGIN_DIR);
        std::abort();
    }
    write_seeds();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const Choice& choice = choices()[data[0] % choices().size()];
    const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

    parse::Document doc = parse::parse(choice.target.format, bytes);
    const std::vector<secrets::TokenMatch> tokens =
        secrets::Detector::instance().find_tokens(bytes);
    secrets::flag_document(doc, bytes, &tokens);
    const std::vector<secrets::SecretSpan> spans = secrets::find_secret_spans(bytes, doc, tokens);
    const fuzz::DocumentView view(doc, bytes, spans);

    const std::string display = choice.path;
    const std::string project = "/home/fuzz/src/project";
    const std::string home = "/home/fuzz";
    const std::string sha(64, '0');
    confscope_file_v1 file{};
    file.struct_size = sizeof file;
    file.path = choice.path.c_str();
    file.display_path = display.c_str();
    file.target_id = choice.target.id.c_str();
    file.category = choice.target.category.c_str();
    file.target_name = choice.target.name.c_str();
    file.scope = static_cast<confscope_scope>(choice.target.scope);
    file.format = static_cast<confscope_format>(choice.target.format);
    file.project_dir = choice.path.starts_with(project) ? project.c_str() : "";
    file.size = bytes.size();
    file.mode = 0644;
    file.sha256_hex = sha.c_str();
    file.home_dir = home.c_str();

    // A fresh instance per input: plugins keep state across files for finish().
    auto instance = plugins::PluginInstance::create(choice.plugin, choice.config);
    if (!instance) std::abort();
    scan::detail::ResultBudget budget;  // the host's limits on what a plugin hands it
    scan::detail::AnalyzeSession session(choice.plugin->name(), 0, choice.path, choice.rules,
                                         nullptr, budget);
    const Status analyzed = (*instance)->analyze(file, view.document, session.host());
    if (analyzed) {
        const std::map<std::string, std::size_t, std::less<>> analyzed_files{{choice.path, 0}};
        scan::detail::AnalyzeSession finish(choice.plugin->name(), analyzed_files, choice.rules,
                                            nullptr, budget);
        (void)(*instance)->finish(finish.host());
    }
    return 0;
}
