// confscope scan — run the scanners over the home (user-level and managed locations) and any
// --root project trees, store the scan in one transaction, print a summary.
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>

#include <confscope/history/baseline.hpp>
#include <confscope/history/drift.hpp>
#include <confscope/log/log.hpp>
#include <confscope/scan/scanner.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "../app/exit_guard.hpp"
#include "../app/terminal_filter.hpp"
#include "commands.hpp"
#include "plugin_selection.hpp"
#include "report_output.hpp"
#include "summary.hpp"
#include "suppression_setup.hpp"

namespace confscope::host {

namespace fs = std::filesystem;

namespace {

std::atomic<bool> g_cancel{false};

extern "C" void on_interrupt(int) {
    g_cancel.store(true);
}

struct ScanFlags {
    std::vector<std::string> roots;
    std::string home;
    std::string system_root = "/";
    std::vector<std::string> env;
    std::vector<std::string> plugins;
    std::string fail_on = "none";
    std::vector<std::string> store_content;
    std::string os;
    std::string host;
    std::uint64_t max_file_size = 16ull * 1024 * 1024;
    int max_depth = 64;
    std::vector<std::string> prune;
    bool no_default_prune = false;
    std::vector<std::string> rules;
    std::vector<std::string> ignore;
    std::vector<std::string> ignore_files;
    std::string baseline;
    bool no_repo_ignores = false;
    std::vector<std::string> formats;
    std::vector<std::string> outputs;
    bool isolate = false;
    bool no_isolate = false;
    unsigned plugin_timeout = 30;
    unsigned plugin_memory = 2048;
};

CommandSpec make_spec(ScanFlags& f) {
    CommandSpec spec;
    spec.usage =
        "confscope scan [--root DIR]... [--home DIR] [--plugin NAME|PATH]... [--fail-on SEVERITY] "
        "[--format F [--output FILE]]...";
    spec.description =
        "Finds every configuration file the scanner plugins know (user-level and managed locations "
        "under the\n"
        "home and system root, and project files in each --root tree), parses it, audits it, "
        "redacts secrets,\n"
        "stores the scan in one transaction and prints a summary. Nothing is executed and nothing "
        "is sent.";
    spec.options.add_options()("root,r", po::value(&f.roots)->value_name("DIR")->composing(),
                               "walk this project tree (repeatable)")(
        "home", po::value(&f.home)->value_name("DIR"),
        "the home to scan (default $HOME); with --home, relocation variables come only from --env")(
        "system-root", po::value(&f.system_root)->value_name("DIR")->default_value("/"),
        "where machine-wide and managed files live")(
        "env", po::value(&f.env)->value_name("NAME=VALUE")->composing(),
        "set a relocation variable such as CLAUDE_CONFIG_DIR (repeatable)")(
        "plugin,p", po::value(&f.plugins)->value_name("NAME|PATH")->composing(),
        "use only these scanners (a name from `plugins list`, or a library path); repeatable")(
        "fail-on", po::value(&f.fail_on)->value_name("SEVERITY")->default_value("none"),
        "exit 1 when a finding is at or above: info, low, medium, high, critical, or none")(
        "store-content", po::value(&f.store_content)->value_name("MODE[:WHAT]")->composing(),
        "keep file content: redacted (default), none, or raw (secrets in plaintext; warns); "
        "MODE:PLUGIN or MODE:PATH for one scanner plugin's files or one file or folder "
        "(repeatable; raw keeps a version restorable)")(
        "host", po::value(&f.host)->value_name("NAME"),
        "record the scan under this machine name (default: the hostname), e.g. a CI runner's "
        "stable name")(
        "os", po::value(&f.os)->value_name("OS"),
        "resolve locations as on linux, macos or windows (default: this machine's OS)")(
        "max-file-size", po::value(&f.max_file_size)->value_name("BYTES"),
        "skip files larger than this (default 16 MiB)")(
        "max-depth", po::value(&f.max_depth)->value_name("N"),
        "walk at most N folder levels below each --root (default 64, 0 to 4096); the folders "
        "where the walk stopped are recorded and warned about")(
        "prune", po::value(&f.prune)->value_name("NAME")->composing(),
        "also skip folders with this name (repeatable)")(
        "no-default-prune", po::bool_switch(&f.no_default_prune),
        "walk node_modules, .git, .venv and the other folders skipped by default")(
        "rules", po::value(&f.rules)->value_name("FILE")->composing(),
        "a rule file for plugins that take rule files (repeatable; also every *.toml in "
        "$XDG_CONFIG_HOME/confscope/rules)")("ignore",
                                             po::value(&f.ignore)->value_name("RULE")->composing(),
                                             "suppress this rule everywhere (repeatable)")(
        "ignore-file", po::value(&f.ignore_files)->value_name("FILE")->composing(),
        "suppress what this TOML ignore file lists (repeatable; a .confscope-ignore.toml at the "
        "top "
        "of each --root is read too)")(
        "no-repo-ignores", po::bool_switch(&f.no_repo_ignores),
        "do not apply the .confscope-ignore.toml of the scanned roots (for CI: a repository must "
        "not silence its own findings; also CONFSCOPE_NO_REPO_IGNORES=1)")(
        "baseline", po::value(&f.baseline)->value_name("FILE"),
        "suppress the findings whose fingerprints this baseline holds (confscope baseline write): "
        "report only new ones")("format,f",
                                po::value(&f.formats)->value_name("FORMAT")->composing(),
                                "also export the stored scan: json, csv, markdown, html, sarif, "
                                "junit (repeatable, paired with --output in order)")(
        "isolate", po::bool_switch(&f.isolate),
        "run every scanner plugin in a process of its own (default: only plugins outside the "
        "install's own plugin folder)")("no-isolate", po::bool_switch(&f.no_isolate),
                                        "load every scanner plugin into confscope itself")(
        "plugin-timeout", po::value(&f.plugin_timeout)->value_name("SECONDS"),
        "an isolated plugin that takes longer for one call fails (default 30)")(
        "plugin-memory", po::value(&f.plugin_memory)->value_name("MIB"),
        "memory limit of an isolated plugin's process (default 2048)")(
        "output,o", po::value(&f.outputs)->value_name("FILE")->composing(),
        "where the --format report goes (default - for stdout; then no summary is printed)");
    return spec;
}

std::string absolute_path(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::absolute(path, ec).lexically_normal();
    std::string text = p.string();
    while (text.size() > 1 && text.back() == '/')
        text.pop_back();
    return text;
}

// --store-content MODE (the default, last one wins) and MODE:PLUGIN / MODE:PATH rules. A PATH
// may start with ~/ (the scanned home) or be relative to the working folder.
bool parse_content_rules(Output& out, const std::vector<std::string>& values,
                         scan::ScanOptions& options) {
    for (const std::string& value : values) {
        const auto colon = value.find(':');
        const std::string mode_text = value.substr(0, colon);
        const auto mode = scan::parse_store_content(mode_text);
        if (!mode) {
            out.error("--store-content " + value +
                      ": use redacted, none or raw, optionally followed by :PLUGIN or :PATH");
            return false;
        }
        if (colon == std::string::npos) {
            options.store_content = *mode;
            continue;
        }
        scan::ContentRule rule{*mode, value.substr(colon + 1)};
        if (rule.selector.empty()) {
            out.error("--store-content " + value +
                      ": name a scanner plugin (raw:claude-code) or a path (raw:~/.claude.json) "
                      "after the colon");
            return false;
        }
        if (rule.selector.starts_with("~/"))
            rule.selector = options.roots.home + rule.selector.substr(1);
        if (rule.is_path()) rule.selector = absolute_path(rule.selector);
        options.content_rules.push_back(std::move(rule));
    }
    return true;
}

// --no-repo-ignores, or CONFSCOPE_NO_REPO_IGNORES set to 1/true/yes (the switch a CI job sets).
bool no_repo_ignores(const Context& context, const ScanFlags& flags) {
    if (flags.no_repo_ignores) return true;
    const auto it = context.env().find("CONFSCOPE_NO_REPO_IGNORES");
    return it != context.env().end() &&
           (it->second == "1" || it->second == "true" || it->second == "yes");
}

// DRIFT-001..003: the scan against its baseline (history/baseline.hpp), for the plugins that ran
// to the end in both.
int add_drift(Context& context, store::Store& store, scan::ScanResult& result) {
    std::set<std::string> ran;
    for (const scan::PluginRun& p : result.plugins) {
        if (!p.failed) ran.insert(p.name);
    }
    auto baseline = history::find_baseline(store, store::ScanScope::of(result), ran);
    if (!baseline) return context.fail(baseline.status());
    if (!*baseline) {
        log::info("no earlier complete scan of this host and these roots: no drift to report");
        return exit_ok;
    }
    const std::int64_t id = (*baseline)->scan_id;
    const auto started = std::chrono::steady_clock::now();
    auto items = store.items(id);
    if (!items) return context.fail(items.status());
    auto files = store.files(id);  // the same host and home: its files by their absolute paths
    if (!files) return context.fail(files.status());
    history::align_display_paths(*files, *items, history::display_paths(result));
    const auto read = std::chrono::steady_clock::now();
    const std::size_t previous_items = items->size();
    const std::size_t added =
        history::add_drift_findings(result, history::entries_of(std::move(*items)),
                                    (*baseline)->plugins, "scan " + std::to_string(id));
    const auto ms = [](auto from, auto to) {
        return std::to_string(
            std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count());
    };
    log::info("compared with scan " + std::to_string(id) + ": " + std::to_string(added) +
              " drift finding(s)");
    log::debug("drift: read " + std::to_string(previous_items) + " items in " + ms(started, read) +
               " ms, compared in " + ms(read, std::chrono::steady_clock::now()) + " ms");
    return exit_ok;
}

}  // namespace

int run_scan_command(Context& context, const Arguments& args) {
    ScanFlags flags;
    CommandSpec spec = make_spec(flags);
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    Output& out = context.out();

    // -- options ---------------------------------------------------------------------------------
    scan::ScanOptions options;
    std::optional<sdk::Severity> fail_on;
    if (!parse_fail_on(context, flags.fail_on, fail_on)) return exit_usage;
    if (!flags.os.empty()) {
        const auto os = platform::parse_os(flags.os);
        if (!os) {
            out.error("--os " + flags.os + ": use linux, macos or windows");
            return exit_usage;
        }
        options.os = *os;
    }
    if (vm.count("max-file-size") != 0U) options.max_file_size = flags.max_file_size;
    if (flags.max_depth < 0 || flags.max_depth > 4096) {
        out.error(
            "--max-depth " + std::to_string(flags.max_depth) +
            ": use a number of folder levels from 0 (the root folder only) to 4096 (default 64)");
        return exit_usage;
    }
    options.max_depth = static_cast<std::size_t>(flags.max_depth);
    if (flags.outputs.size() > flags.formats.size()) {
        out.error("--output " + flags.outputs.back() +
                  " has no --format: write --format F --output FILE");
        return exit_usage;
    }
    std::vector<ReportSpec> reports;
    bool report_to_stdout = false;
    for (std::size_t i = 0; i < flags.formats.size(); ++i) {
        ReportSpec report;
        report.format = flags.formats[i];
        report.output = i < flags.outputs.size() ? flags.outputs[i] : "-";
        report.request.fail_on = fail_on.value_or(sdk::Severity::low);
        report_to_stdout = report_to_stdout || report.output == "-";
        reports.push_back(std::move(report));
    }

    if (flags.home.empty()) {
        const auto home = context.env().find("HOME");
        if (home == context.env().end() || home->second.empty()) {
            out.error("HOME is not set: pass --home DIR");
            return exit_usage;
        }
        options.roots.home = absolute_path(home->second);
        options.env = context.env();
    } else {
        options.roots.home = absolute_path(flags.home);
    }
    for (const std::string& assignment : flags.env) {
        const auto eq = assignment.find('=');
        if (eq == std::string::npos || eq == 0) {
            out.error("--env " + assignment + ": write NAME=VALUE");
            return exit_usage;
        }
        options.env[assignment.substr(0, eq)] = assignment.substr(eq + 1);
    }
    options.roots.system_root = absolute_path(flags.system_root);
    if (!parse_content_rules(out, flags.store_content, options)) return exit_usage;
    for (const std::string& root : flags.roots) {
        std::error_code ec;
        if (!fs::is_directory(root, ec)) {
            out.error("--root " + root + ": not a folder");
            return exit_usage;
        }
        options.project_roots.push_back(absolute_path(root));
    }
    if (flags.no_default_prune) options.prune_names.clear();
    options.prune_names.insert(options.prune_names.end(), flags.prune.begin(), flags.prune.end());
    if (options.store_content == scan::StoreContent::raw) {
        log::warning("--store-content raw: file content is stored with its secrets in plaintext");
    }
    for (const scan::ContentRule& rule : options.content_rules) {
        if (rule.mode == scan::StoreContent::raw)
            log::warning("--store-content raw:" + rule.selector +
                         ": its content is stored with its secrets in plaintext");
    }

    // -- plugins, then the store (fail fast before scanning) --------------------------------------
    if (flags.isolate && flags.no_isolate) {
        out.error("--isolate and --no-isolate contradict each other: give one");
        return exit_usage;
    }
    if (flags.plugin_timeout == 0 || flags.plugin_memory < 64) {
        out.error("--plugin-timeout must be at least 1 second and --plugin-memory at least 64 MiB");
        return exit_usage;
    }
    isolation::RunnerLimits limits;
    limits.deadline = std::chrono::seconds(flags.plugin_timeout);
    limits.memory_bytes = static_cast<std::uint64_t>(flags.plugin_memory) << 20;
    const Isolation isolation = flags.isolate      ? Isolation::always
                                : flags.no_isolate ? Isolation::never
                                                   : Isolation::outside_own_folder;
    // From here until the save, a plugin ending the process cannot end it with 0.
    std::optional<UnstoredScan> unstored;
    unstored.emplace();
    auto selection = select_scanners(context, flags.plugins, flags.rules, isolation, limits);
    if (!selection.ok) return selection.exit_code;
    if (selection.scanners.empty()) {
        out.error("no scanner plugins found in " + describe_plugin_dirs(context) +
                  ": build them (make) or pass --plugin-path");
        return exit_runtime_error;
    }
    for (const ReportSpec& report : reports) {  // an unknown format fails before the scan
        if (auto exporter = select_exporter(context, report.format); !exporter)
            return context.fail(exporter.status());
    }
    auto suppressions = read_suppressions(
        flags.ignore, flags.ignore_files, options.project_roots, flags.baseline,
        no_repo_ignores(context, flags) ? RepositoryIgnores::skip : RepositoryIgnores::apply);
    if (!suppressions) return context.fail(suppressions.status());
    auto store = context.open_store();
    if (!store) {
        return context.fail(store.status());
    }

    // -- scan ------------------------------------------------------------------------------------
    {
        std::string names;
        for (const auto& scanner : selection.scanners)
            names += (names.empty() ? "" : ", ") + scanner->identity().name +
                     (scanner->isolated() ? " (isolated)" : "");
        std::string roots;
        for (const std::string& root : options.project_roots)
            roots += " " + root;
        log::info("scanning home " + options.roots.home + (roots.empty() ? "" : ", roots" + roots) +
                  " with " + names);
    }
    const bool progress = context.progress_enabled();
    if (progress) {
        options.progress = [&](std::size_t done, std::size_t total) {
            if (done % 16 == 0 || done == total) {
                raw_stderr() << "\rscanning: " << done << "/" << total << " locations"
                             << std::flush;
            }
        };
    }
    g_cancel.store(false);
    options.cancel = &g_cancel;
    auto previous = std::signal(SIGINT, on_interrupt);
    std::vector<scan::ScannerEndpoint*> scanners;
    for (auto& scanner : selection.scanners)
        scanners.push_back(scanner.get());
    scan::ScanResult result = scan::run_scan(options, scanners);
    std::signal(SIGINT, previous);
    result.plugins.insert(result.plugins.end(), selection.failed.begin(), selection.failed.end());
    if (progress) raw_stderr() << "\r\033[K" << std::flush;
    if (!flags.host.empty()) result.host.hostname = flags.host;
    if (g_cancel.load()) {
        out.error("scan cancelled; nothing was stored");
        return exit_runtime_error;
    }

    if (const int code = add_drift(context, **store, result); code != exit_ok) return code;

    std::vector<std::string> expired;
    scan::apply_suppressions(result, *suppressions, today_utc(), &expired);
    for (const std::string& line : expired)
        log::warning(line + " (no longer applied)");

    const auto save_started = std::chrono::steady_clock::now();
    auto id = (*store)->save(result);
    if (!id) {
        out.error(id.status().message() + "; nothing was stored");
        return exit_runtime_error;
    }

    unstored.reset();
    const auto save_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - save_started);
    log::info("stored scan " + std::to_string(*id) + " (" + result.uuid + ") in " +
              (*store)->url().display + " in " + std::to_string(save_ms.count()) + " ms");
    if (!report_to_stdout) print_scan_summary(context, result, *id, (*store)->url().display);
    int code = exit_ok;
    for (const ReportSpec& report : reports) {
        code = write_report(context, **store, *id, report);
        if (code != exit_ok) break;
    }
    if (code == exit_ok) {
        if (!result.complete()) {
            code = exit_runtime_error;
        } else if (fail_on && result.count_at_or_above(*fail_on) > 0) {
            code = exit_findings;
        }
    }
    // In-process plugins are destroyed and unloaded here, where a crash in their destroy() or
    // an exit() can no longer end the process with a code that hides the stored scan.
    std::cout.flush();
    StoredScanTeardown teardown(*id);
    selection.scanners.clear();
    selection.instances.clear();
    return code;
}

}  // namespace confscope::host
