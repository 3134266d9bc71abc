// confscope-store-bench — times Store::save on SQLite and PostgreSQL with a synthetic scan.
//
// It builds a synthetic confscope::scan::ScanResult of --files N locations (about 80% found, most
// of those with stored content, some sharing content), 2N inventory items and 0.75N findings
// (citing 40 of the 48 rules it declares), plus placeholders and four plugins. Then, for every
// store given, it saves such a scan --repeat R times, each with a fresh UUID and fresh file hashes
// and content (a machine whose files all changed since the last scan), so every save writes the
// same rows: the scan, its placeholders, plugins, paths, content (once per hash), inventory,
// findings, the rules they cite, and a change-history row per found file. The rows a save writes
// are computed from the scan as Store::save decides them, and checked against the growth of each
// table after every save (outside the timed part).
//
// As a baseline, on each backend it also times the plain SOCI vector-binding INSERT (one prepared
// statement, one round trip per row on PostgreSQL) of the same number of paths rows into a TEMP
// table, in one transaction.
//
// Prints, per backend, the rows per save, the best and median seconds per save and rows per
// second (from the median), as a table or (--json) one JSON object.
//
// Exit status: 0 done, 1 the store wrote other rows than the scan holds (or an unexpected error),
// 2 bad arguments, 3 a store error (unreachable, a failed save or statement).
//
// Usage: confscope-store-bench [--files N] [--repeat R] [--sqlite FILE] [--postgresql URL]
//                              [--seed S] [--json]

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <confscope/base/time.hpp>
#include <confscope/base/uuid.hpp>
#include <confscope/io/sha256.hpp>
#include <confscope/scan/model.hpp>
#include <confscope/scan/scanner.hpp>
#include <confscope/sdk/json.hpp>
#include <confscope/store/store.hpp>

namespace {

using namespace confscope;

constexpr std::string_view kUsage =
    "Usage: confscope-store-bench [--files N (default 10000)] [--repeat R (default 3)]\n"
    "                             [--sqlite FILE] [--postgresql URL] [--seed S (default 1)]\n"
    "                             [--json]\n"
    "\n"
    "Saves a synthetic scan of N files (2N inventory items, 0.75N findings) R times into each\n"
    "store given (at least one of --sqlite and --postgresql; each may be repeated) and prints\n"
    "the rows per save, the best and median seconds per save and rows per second (median), plus\n"
    "a baseline: a plain SOCI vector-binding INSERT of N paths rows into a TEMP table.\n"
    "Use a new SQLite file and an empty database for comparable figures.\n"
    "Exit status: 0 done, 1 rows written differ from the scan, 2 bad arguments, 3 store error.\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct MismatchError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

struct Options {
    std::size_t files = 10000;
    std::size_t repeat = 3;
    std::uint64_t seed = 1;
    std::vector<std::string> stores;  // texts for parse_store_url, in the order given
    bool json = false;
    bool help = false;
};

std::uint64_t parse_number(std::string_view flag, std::string_view text, std::uint64_t min) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min) {
        throw UsageError(std::string(flag) + " needs a whole number of at least " +
                         std::to_string(min) + ", got '" + std::string(text) + "'");
    }
    return value;
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&]() -> std::string_view {
            if (i + 1 >= argc) throw UsageError(std::string(arg) + " needs a value");
            return argv[++i];
        };
        if (arg == "--files") {
            options.files = parse_number(arg, value(), 1);
        } else if (arg == "--repeat") {
            options.repeat = parse_number(arg, value(), 1);
        } else if (arg == "--seed") {
            options.seed = parse_number(arg, value(), 0);
        } else if (arg == "--sqlite") {
            const std::string_view file = value();
            if (file.empty()) throw UsageError("--sqlite needs a file");
            options.stores.push_back("sqlite:" + std::string(file));
        } else if (arg == "--postgresql") {
            const std::string url(value());
            if (!url.starts_with("postgresql://") && !url.starts_with("postgres://"))
                throw UsageError(
                    "--postgresql needs a postgresql://user:password@host:port/db URL");
            options.stores.push_back(url);
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "-h" || arg == "--help") {
            options.help = true;
        } else {
            throw UsageError("unknown argument '" + std::string(arg) + "' (see --help)");
        }
    }
    if (!options.help && options.stores.empty())
        throw UsageError("give at least one store: --sqlite FILE and/or --postgresql URL");
    return options;
}

// ---------------------------------------------------------------------------------------------
// The synthetic scan
// ---------------------------------------------------------------------------------------------

// A well-mixed 64-bit value per (seed, index): every per-file choice derives from it, so the same
// seed gives the same machine layout (the hashes and content still change with every save).
std::uint64_t mix(std::uint64_t seed, std::uint64_t index) {
    std::uint64_t z = seed * 0x9E3779B97F4A7C15ULL + index + 0x632BE59BD9B4E5B9ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// The files of one project, as a scanner's targets would resolve them.
struct Kind {
    const char* plugin;
    const char* target_id;
    const char* category;
    const char* name;
    const char* relative;
    sdk::Scope scope;
    sdk::Format format;
};
constexpr std::array<Kind, 10> kKinds{{
    {"claude-code", "project-settings", "settings", "Project settings", ".claude/settings.json",
     sdk::Scope::project, sdk::Format::json},
    {"claude-code", "local-settings", "settings", "Local settings", ".claude/settings.local.json",
     sdk::Scope::local, sdk::Format::json},
    {"claude-code", "project-memory", "memory", "Project memory", "CLAUDE.md", sdk::Scope::project,
     sdk::Format::markdown},
    {"claude-code", "project-agents", "agent", "Project agents", ".claude/agents/reviewer.md",
     sdk::Scope::project, sdk::Format::markdown},
    {"claude-code", "project-mcp", "mcp", "Project MCP servers", ".mcp.json", sdk::Scope::project,
     sdk::Format::json},
    {"mcp", "cursor-project", "mcp", "Cursor project servers", ".cursor/mcp.json",
     sdk::Scope::project, sdk::Format::json},
    {"mcp", "vscode-project", "mcp", "VS Code project servers", ".vscode/mcp.json",
     sdk::Scope::project, sdk::Format::jsonc},
    {"mcp", "codex-project", "mcp", "Codex project config", ".codex/config.toml",
     sdk::Scope::project, sdk::Format::toml},
    {"mcp", "continue-project", "mcp", "Continue project config", ".continue/config.yaml",
     sdk::Scope::project, sdk::Format::yaml},
    {"custom", "team-policy", "custom", "Team policy", ".team/policy.json", sdk::Scope::project,
     sdk::Format::json},
}};

constexpr std::array<const char*, 4> kPlugins{"claude-code", "mcp", "claude-desktop", "custom"};
constexpr std::array<const char*, 5> kItemKinds{"mcp_server", "permission_rule", "hook",
                                                "memory_file", "agent"};
constexpr std::array<const char*, 5> kClients{"claude-code", "cursor", "vscode", "codex",
                                              "continue"};
constexpr const char* kHome = "/home/bench";

class ScanGenerator {
  public:
    ScanGenerator(std::size_t files, std::uint64_t seed) : files_(files), seed_(seed) {
        // 48 rules; findings cite the 40 whose index is not 5 mod 6.
        const std::array<std::pair<const char*, const char*>, 4> families{
            {{"claude-code", "CC"}, {"mcp", "MCP"}, {"custom", "TEAM"}, {"claude-desktop", "CD"}}};
        const std::array<int, 4> counts{12, 16, 10, 9};
        rules_ = scan::core_rules();
        for (std::size_t f = 0; f < families.size(); ++f) {
            for (int n = 1; n <= counts[f]; ++n) {
                scan::RuleInfo rule;
                char id[32];
                std::snprintf(id, sizeof id, "%s-%03d", families[f].second, n);
                rule.id = id;
                rule.plugin = families[f].first;
                rule.severity = static_cast<sdk::Severity>(n % 5);
                rule.title = "Synthetic rule " + rule.id + " of the store benchmark";
                rule.help = "Explains what " + rule.id +
                            " looks for and how to fix it; long enough to look like real help "
                            "text in the rule catalogue.";
                rule.help_uri = "https://example.invalid/rules/" + rule.id;
                rules_.push_back(std::move(rule));
            }
        }
        for (std::size_t i = 0; i < rules_.size(); ++i) {
            if (i % 6 != 5) cited_rules_.push_back(i);
        }
    }

    /// A new scan of the same machine: fresh UUID, hashes and content.
    scan::ScanResult make() const {
        const std::string nonce = random_uuid();
        scan::ScanResult r;
        r.uuid = random_uuid();
        const auto now = std::chrono::system_clock::now();
        r.started_at = format_rfc3339(now - std::chrono::milliseconds(1500));
        r.finished_at = format_rfc3339(now);
        r.duration_seconds = 1.5;
        r.host = {"bench-host", "Linux", "6.1.0-bench", "bench"};
        r.os_profile = "linux";
        r.home = kHome;
        r.system_root = "/";
        r.roots = {std::string(kHome) + "/src"};
        r.tool_version = "store-bench";
        r.store_content = scan::StoreContent::redacted;
        r.placeholders = {{"HOME", kHome},
                          {"XDG_CONFIG_HOME", std::string(kHome) + "/.config"},
                          {"XDG_DATA_HOME", std::string(kHome) + "/.local/share"},
                          {"CLAUDE_CONFIG_DIR", std::string(kHome) + "/.claude"},
                          {"APPDATA", std::string(kHome) + "/.config"},
                          {"CODEX_HOME", std::string(kHome) + "/.codex"},
                          {"SYSTEM_ROOT", "/"},
                          {"PROJECT", std::string(kHome) + "/src/*"}};
        for (const char* name : kPlugins) {
            scan::PluginRun p;
            p.name = name;
            p.version = "1.0.0";
            p.abi_major = 1;
            p.library_path = std::string("/usr/lib/confscope/plugins/libconfscope-") + name + ".so";
            p.library_sha256 = io::sha256_hex(p.library_path);
            p.files_analyzed = files_ / kPlugins.size();
            r.plugins.push_back(std::move(p));
        }
        r.rules = rules_;

        std::vector<std::size_t> found;
        for (std::size_t i = 0; i < files_; ++i) {
            r.files.push_back(file(i, nonce));
            const scan::FileRecord& f = r.files.back();
            if (f.exists) found.push_back(i);
            if (f.category == "unreadable") ++r.stats.unreadable;
        }
        if (found.empty()) found.push_back(0);
        r.stats.locations_checked = files_;
        r.stats.files_found = found.size();
        r.stats.directories_walked = files_ / 2;

        for (std::size_t j = 0; j < 2 * files_; ++j) {
            const std::size_t file_index = found[j % found.size()];
            const scan::FileRecord& f = r.files[file_index];
            scan::Item it;
            it.file = file_index;
            it.plugin = f.plugin.empty() ? "mcp" : f.plugin;
            it.kind = kItemKinds[j % kItemKinds.size()];
            it.client = kClients[j % kClients.size()];
            it.scope = f.scope;
            it.name = "server-" + std::to_string(j);
            it.data_json =
                sdk::JsonObject()
                    .set("transport", "stdio")
                    .set("command", "npx")
                    .set("args", sdk::JsonArray().push("-y").push("@acme/mcp-" + std::to_string(j) +
                                                                  "@1.2.3"))
                    .set("env", sdk::JsonObject().set("API_TOKEN", "[REDACTED:SEC-001:3f9a12c0]"))
                    .dump();
            it.pointer = "/mcpServers/" + it.name;
            it.line = static_cast<std::uint32_t>(3 + j % 40);
            it.column = 5;
            r.items.push_back(std::move(it));
        }

        const std::size_t finding_count = files_ * 3 / 4;
        for (std::size_t k = 0; k < finding_count; ++k) {
            const std::size_t file_index = found[(k * 7) % found.size()];
            const scan::FileRecord& f = r.files[file_index];
            const scan::RuleInfo& rule = rules_[cited_rules_[k % cited_rules_.size()]];
            scan::Finding fi;
            fi.file = file_index;
            fi.plugin = rule.plugin == "core" ? "claude-code" : rule.plugin;
            fi.rule_id = rule.id;
            fi.severity = rule.severity;
            fi.pointer = "/mcpServers/server-" + std::to_string(k) + "/args/1";
            fi.message = "MCP server server-" + std::to_string(k) +
                         " runs an unpinned package through npx (@acme/mcp-" + std::to_string(k) +
                         "); pin a version";
            fi.line = static_cast<std::uint32_t>(4 + k % 30);
            fi.column = 9;
            fi.fingerprint = scan::fingerprint(fi.rule_id, f.display_path, fi.pointer);
            if (k % 20 == 0) {
                fi.suppressed = true;
                fi.suppression = "baseline";
            }
            r.findings.push_back(std::move(fi));
        }
        return r;
    }

  private:
    scan::FileRecord file(std::size_t i, const std::string& nonce) const {
        const std::uint64_t roll = mix(seed_, i);
        const Kind& kind = kKinds[i % kKinds.size()];
        char project[32];
        std::snprintf(project, sizeof project, "proj-%05zu", i / kKinds.size());
        scan::FileRecord f;
        f.plugin = kind.plugin;
        f.target_id = kind.target_id;
        f.category = kind.category;
        f.target_name = kind.name;
        f.path_template = std::string("{PROJECT}/") + kind.relative;
        f.scope = kind.scope;
        f.format = kind.format;
        f.project_dir = std::string(kHome) + "/src/" + project;
        f.path = f.project_dir + "/" + kind.relative;
        f.display_path = std::string("~/src/") + project + "/" + kind.relative;
        if (i % 1000 == 999) {  // a folder the walk could not enter
            f.plugin.clear();
            f.target_id.clear();
            f.category = "unreadable";
            f.target_name.clear();
            f.path_template.clear();
            f.format = sdk::Format::unknown;
            f.path = f.project_dir + "/private";
            f.display_path = std::string("~/src/") + project + "/private";
            f.error = "Permission denied";
            return f;
        }
        f.exists = roll % 100 < 80;
        if (!f.exists) return f;
        f.mode = (roll >> 8) % 10 == 0 ? 0600 : 0644;
        f.uid = 1000;
        f.gid = 1000;
        f.mtime_unix = 1760000000 + static_cast<std::int64_t>((roll >> 16) % 10000000);
        f.is_symlink = (roll >> 24) % 100 == 0;
        f.flags = 0;
        if ((i / kKinds.size()) % 3 != 0) f.repo_path = kind.relative;
        if ((roll >> 32) % 100 < 2) f.parse_error = "expected ',' or '}' (line 3, column 7)";
        const bool has_content = (roll >> 40) % 100 < 75;
        if (!has_content) {
            f.size = (roll >> 48) % 4096;
            f.sha256 = io::sha256_hex(nonce + f.path);
            return f;
        }
        const bool shared = (roll >> 48) % 100 < 10;  // one content per kind, shared
        f.content_redacted = (roll >> 56) % 100 < 20;
        f.content = content(shared ? std::string("shared ") + kind.target_id : f.path, nonce, i);
        f.size = f.content->size();
        f.content_sha256 = io::sha256_hex(*f.content);
        f.sha256 = f.content_redacted ? io::sha256_hex(nonce + f.path) : f.content_sha256;
        return f;
    }

    // About 1 KiB of configuration, unique per (key, save).
    static std::string content(const std::string& key, const std::string& nonce, std::size_t i) {
        sdk::JsonObject servers;
        for (int s = 0; s < 4; ++s) {
            const std::string name = "server-" + std::to_string(i) + "-" + std::to_string(s);
            servers.set(
                name,
                sdk::JsonObject()
                    .set("command", "npx")
                    .set("args", sdk::JsonArray().push("-y").push("@acme/mcp-" + name + "@1.2." +
                                                                  std::to_string(s)))
                    .set("env", sdk::JsonObject().set("API_TOKEN", "[REDACTED:SEC-001:3f9a12c0]")));
        }
        return sdk::JsonObject()
            .set("$bench", nonce)
            .set("file", key)
            .set("mcpServers", servers)
            .set("permissions",
                 sdk::JsonObject()
                     .set("allow", sdk::JsonArray()
                                       .push("Bash(git status)")
                                       .push("Bash(npm run test:*)")
                                       .push("Read(./src/**)"))
                     .set("deny", sdk::JsonArray().push("Bash(rm -rf *)").push("Read(./.env)")))
            .dump();
    }

    std::size_t files_;
    std::uint64_t seed_;
    std::vector<scan::RuleInfo> rules_;
    std::vector<std::size_t> cited_rules_;
};

// ---------------------------------------------------------------------------------------------
// What a save writes
// ---------------------------------------------------------------------------------------------

constexpr std::array<const char*, 9> kTables{"scans",    "env_vars",      "scan_plugins",
                                             "paths",    "file_contents", "inventory_items",
                                             "findings", "scan_rules",    "config_history"};
using RowCounts = std::array<long long, kTables.size()>;

long long total(const RowCounts& counts) {
    long long sum = 0;
    for (const long long n : counts)
        sum += n;
    return sum;
}

// The rows Store::save writes for `r`, table by table, decided as save() decides them: one scan;
// a row per placeholder and plugin; a file_contents row per distinct content hash (none of them is
// stored yet: content changes with every save); a paths row per location; every item and finding;
// a scan_rules row per distinct declared rule some finding cites; a config_history row per
// distinct path of a found, hashed file (its hash changes with every save, so it always differs
// from the last recorded one).
RowCounts rows_written(const scan::ScanResult& r) {
    std::set<std::string> hashes, used_rules, rules, history;
    for (const scan::FileRecord& f : r.files) {
        if (f.content) hashes.insert(f.content_sha256);
        if (f.exists && !f.sha256.empty()) history.insert(f.path);
    }
    for (const scan::Finding& f : r.findings)
        used_rules.insert(f.rule_id);
    for (const scan::RuleInfo& rule : r.rules) {
        if (used_rules.contains(rule.id)) rules.insert(rule.id);
    }
    const auto n = [](std::size_t v) { return static_cast<long long>(v); };
    return {1,
            n(r.placeholders.size()),
            n(r.plugins.size()),
            n(r.files.size()),
            n(hashes.size()),
            n(r.items.size()),
            n(r.findings.size()),
            n(rules.size()),
            n(history.size())};
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

struct Measurement {
    std::string backend;
    std::string store;  // for people: the password hidden
    std::string operation;
    long long rows = 0;  // per run
    std::vector<double> seconds;

    [[nodiscard]] double best() const { return *std::min_element(seconds.begin(), seconds.end()); }
    [[nodiscard]] double median() const {
        std::vector<double> sorted = seconds;
        std::sort(sorted.begin(), sorted.end());
        const std::size_t mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
    [[nodiscard]] double rows_per_second() const {
        const double m = median();
        return m > 0 ? static_cast<double>(rows) / m : 0;
    }
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A second connection to the store, for counting rows and for the baseline.
std::unique_ptr<soci::session> connect(const store::StoreUrl& url) {
    auto session = std::make_unique<soci::session>();
    if (url.backend == store::Backend::sqlite) {
        session->open(*soci::factory_sqlite3(), "db=\"" + url.sqlite_path + "\" timeout=30");
    } else {
        session->open(*soci::factory_postgresql(), url.connect_string);
        *session << "SET client_min_messages TO WARNING";
    }
    return session;
}

RowCounts count_rows(soci::session& sql) {
    RowCounts counts{};
    for (std::size_t t = 0; t < kTables.size(); ++t)
        sql << std::string("SELECT COUNT(*) FROM ") + kTables[t], soci::into(counts[t]);
    return counts;
}

std::string backend_name(store::Backend backend) {
    return backend == store::Backend::sqlite ? "sqlite" : "postgresql";
}

Measurement bench_save(store::Store& st, soci::session& check, const ScanGenerator& generator,
                       std::size_t repeat) {
    Measurement m{backend_name(st.url().backend), st.url().display, "Store::save", 0, {}};
    for (std::size_t run = 0; run < repeat; ++run) {
        const scan::ScanResult result = generator.make();
        const RowCounts expected = rows_written(result);
        m.rows = total(expected);
        const RowCounts before = count_rows(check);
        const auto start = std::chrono::steady_clock::now();
        const Result<std::int64_t> id = st.save(result);
        const double elapsed = seconds_since(start);
        if (!id) throw StoreError(id.status().message());
        m.seconds.push_back(elapsed);
        const RowCounts after = count_rows(check);
        for (std::size_t t = 0; t < kTables.size(); ++t) {
            const long long written = after[t] - before[t];
            if (written != expected[t]) {
                throw MismatchError("store " + st.url().display + ": save " +
                                    std::to_string(run + 1) + " wrote " + std::to_string(written) +
                                    " rows to " + kTables[t] + ", the scan holds " +
                                    std::to_string(expected[t]));
            }
        }
    }
    return m;
}

// The baseline: the paths rows of a scan through one prepared INSERT with SOCI vector binding
// (what store.cpp's bulk_insert does), into a TEMP table with the columns of paths, in one
// transaction; the table is emptied between runs (not timed).
Measurement bench_vector_insert(soci::session& sql, const store::StoreUrl& url,
                                const scan::ScanResult& r, std::size_t repeat) {
    Measurement m{backend_name(url.backend),
                  url.display,
                  "soci vector insert (baseline)",
                  static_cast<long long>(r.files.size()),
                  {}};
    const std::size_t n = r.files.size();
    std::vector<long long> ids(n, 1), seq(n), exists(n), size(n), mode(n), uid(n), gid(n);
    std::vector<std::string> plugin(n), target(n), category(n), name(n), tpl(n), scope(n),
        format(n), path(n), display(n), project(n), type(n), mtime(n), sha(n), content(n),
        parse_error(n), error(n), repo(n);
    std::vector<soci::indicator> content_ind(n);
    for (std::size_t i = 0; i < n; ++i) {
        const scan::FileRecord& f = r.files[i];
        seq[i] = static_cast<long long>(i);
        plugin[i] = f.plugin;
        target[i] = f.target_id;
        category[i] = f.category;
        name[i] = f.target_name;
        tpl[i] = f.path_template;
        scope[i] = sdk::to_string(f.scope);
        format[i] = scan::to_string(f.format);
        path[i] = f.path;
        display[i] = f.display_path;
        project[i] = f.project_dir;
        exists[i] = f.exists ? 1 : 0;
        type[i] = f.category == "unreadable" ? "folder"
                  : !f.exists                ? ""
                  : f.is_symlink             ? "symlink"
                                             : "file";
        size[i] = static_cast<long long>(f.size);
        mode[i] = f.mode;
        uid[i] = f.uid;
        gid[i] = f.gid;
        mtime[i] = f.exists ? format_rfc3339_seconds(f.mtime_unix) : "";
        sha[i] = f.sha256;
        content[i] = f.content ? f.content_sha256 : "";
        content_ind[i] = f.content ? soci::i_ok : soci::i_null;
        parse_error[i] = f.parse_error;
        error[i] = f.error;
        repo[i] = f.repo_path;
    }
    sql << "CREATE TEMP TABLE bench_paths (scan_id BIGINT NOT NULL, seq BIGINT NOT NULL, "
           "plugin TEXT NOT NULL, target_id TEXT NOT NULL, category TEXT NOT NULL, name TEXT NOT "
           "NULL, path_template TEXT NOT NULL, scope TEXT NOT NULL, format TEXT NOT NULL, "
           "resolved_path TEXT NOT NULL, display_path TEXT NOT NULL, project_dir TEXT NOT NULL, "
           "exists_flag BIGINT NOT NULL, type TEXT NOT NULL, size_bytes BIGINT NOT NULL, mode "
           "BIGINT NOT NULL, uid BIGINT NOT NULL, gid BIGINT NOT NULL, modified_time TEXT NOT "
           "NULL, sha256 TEXT NOT NULL, content_hash TEXT, parse_error TEXT NOT NULL, "
           "error_message TEXT NOT NULL, repo_path TEXT NOT NULL, PRIMARY KEY (scan_id, seq))";
    for (std::size_t run = 0; run < repeat; ++run) {
        sql << "DELETE FROM bench_paths";
        const auto start = std::chrono::steady_clock::now();
        sql << "BEGIN";
        soci::statement st(sql);
        st.exchange(soci::use(ids));
        st.exchange(soci::use(seq));
        st.exchange(soci::use(plugin));
        st.exchange(soci::use(target));
        st.exchange(soci::use(category));
        st.exchange(soci::use(name));
        st.exchange(soci::use(tpl));
        st.exchange(soci::use(scope));
        st.exchange(soci::use(format));
        st.exchange(soci::use(path));
        st.exchange(soci::use(display));
        st.exchange(soci::use(project));
        st.exchange(soci::use(exists));
        st.exchange(soci::use(type));
        st.exchange(soci::use(size));
        st.exchange(soci::use(mode));
        st.exchange(soci::use(uid));
        st.exchange(soci::use(gid));
        st.exchange(soci::use(mtime));
        st.exchange(soci::use(sha));
        st.exchange(soci::use(content, content_ind));
        st.exchange(soci::use(parse_error));
        st.exchange(soci::use(error));
        st.exchange(soci::use(repo));
        st.alloc();
        st.prepare(
            "INSERT INTO bench_paths (scan_id, seq, plugin, target_id, category, name, "
            "path_template, scope, format, resolved_path, display_path, project_dir, exists_flag, "
            "type, size_bytes, mode, uid, gid, modified_time, sha256, content_hash, parse_error, "
            "error_message, repo_path) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k, :l, "
            ":m, :n, :o, :p, :q, :r, :s, :t, :u, :v, :w, :x)");
        st.define_and_bind();
        st.execute(true);
        sql << "COMMIT";
        m.seconds.push_back(seconds_since(start));
        long long stored = 0;
        sql << "SELECT COUNT(*) FROM bench_paths", soci::into(stored);
        if (stored != m.rows) {
            throw MismatchError("store " + url.display + ": the baseline inserted " +
                                std::to_string(stored) + " rows, not " + std::to_string(m.rows));
        }
    }
    sql << "DROP TABLE bench_paths";
    return m;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

std::string fixed(double value, int digits) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

void print_table(std::ostream& out, const Options& options, const scan::ScanResult& sample,
                 const RowCounts& rows, const std::vector<Measurement>& results) {
    out << "synthetic scan: " << sample.files.size() << " files, " << sample.items.size()
        << " inventory items, " << sample.findings.size() << " findings; " << options.repeat
        << (options.repeat == 1 ? " save" : " saves") << " per store\n";
    out << "rows per save:";
    for (std::size_t t = 0; t < kTables.size(); ++t)
        out << (t == 0 ? " " : ", ") << kTables[t] << ' ' << rows[t];
    out << " = " << total(rows) << '\n';
    std::set<std::string> shown;
    for (const Measurement& m : results) {
        if (shown.insert(m.backend + " " + m.store).second)
            out << "store: " << m.backend << ' ' << m.store << '\n';
    }
    out << '\n';
    char line[256];
    std::snprintf(line, sizeof line, "%-11s %-30s %10s %10s %10s %12s\n", "backend", "operation",
                  "rows", "best s", "median s", "rows/s (med)");
    out << line;
    for (const Measurement& m : results) {
        std::snprintf(line, sizeof line, "%-11s %-30s %10lld %10s %10s %12.0f\n", m.backend.c_str(),
                      m.operation.c_str(), m.rows, fixed(m.best(), 3).c_str(),
                      fixed(m.median(), 3).c_str(), m.rows_per_second());
        out << line;
    }
}

void print_json(std::ostream& out, const Options& options, const scan::ScanResult& sample,
                const RowCounts& rows, const std::vector<Measurement>& results) {
    const auto quoted = [](std::string_view text) {
        std::string s;
        sdk::append_json_string(s, text);
        return s;
    };
    out << "{\"files\":" << sample.files.size() << ",\"items\":" << sample.items.size()
        << ",\"findings\":" << sample.findings.size() << ",\"repeat\":" << options.repeat
        << ",\"rows_per_save\":{";
    for (std::size_t t = 0; t < kTables.size(); ++t)
        out << quoted(kTables[t]) << ':' << rows[t] << ',';
    out << "\"total\":" << total(rows) << "},\"results\":[";
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Measurement& m = results[i];
        out << (i == 0 ? "" : ",") << "{\"backend\":" << quoted(m.backend)
            << ",\"store\":" << quoted(m.store) << ",\"operation\":"
            << quoted(m.operation == "Store::save" ? "save" : "soci_vector_insert_baseline")
            << ",\"rows\":" << m.rows << ",\"seconds\":[";
        for (std::size_t s = 0; s < m.seconds.size(); ++s)
            out << (s == 0 ? "" : ",") << fixed(m.seconds[s], 6);
        out << "],\"best_seconds\":" << fixed(m.best(), 6)
            << ",\"median_seconds\":" << fixed(m.median(), 6)
            << ",\"rows_per_second\":" << fixed(m.rows_per_second(), 1) << '}';
    }
    out << "]}\n";
}

int run(const Options& options) {
    const ScanGenerator generator(options.files, options.seed);
    const scan::ScanResult sample = generator.make();
    const RowCounts rows = rows_written(sample);
    const platform::Environment env = platform::process_environment();
    std::vector<store::StoreUrl> urls;
    for (const std::string& text : options.stores) {
        Result<store::StoreUrl> url = store::parse_store_url(text, env);
        if (!url) throw UsageError(url.status().message());
        urls.push_back(std::move(*url));
    }
    std::vector<Measurement> results;
    for (const store::StoreUrl& url : urls) {
        Result<std::unique_ptr<store::Store>> st = store::Store::open(url);
        if (!st) throw StoreError(st.status().message());
        std::unique_ptr<soci::session> check;
        try {
            check = connect(url);
        } catch (const soci::soci_error& e) {
            throw StoreError("store " + url.display + ": second connection failed: " + e.what());
        }
        try {
            results.push_back(bench_save(**st, *check, generator, options.repeat));
        } catch (const soci::soci_error& e) {
            throw StoreError("store " + url.display + ": counting rows failed: " + e.what());
        }
        try {
            results.push_back(bench_vector_insert(*check, url, sample, options.repeat));
        } catch (const soci::soci_error& e) {
            throw StoreError("store " + url.display + ": the baseline insert failed: " + e.what());
        }
    }
    if (options.json) {
        print_json(std::cout, options, sample, rows, results);
    } else {
        print_table(std::cout, options, sample, rows, results);
    }
    return 0;
}

// A driver message on one line.
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options options = parse_options(argc, argv);
        if (options.help) {
            std::cout << kUsage;
            return 0;
        }
        return run(options);
    } catch (const UsageError& e) {
        std::cerr << "confscope-store-bench: " << e.what() << '\n';
        return 2;
    } catch (const StoreError& e) {
        std::cerr << "confscope-store-bench: " << one_line(e.what()) << '\n';
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "confscope-store-bench: " << one_line(e.what()) << '\n';
        return 1;
    }
}
