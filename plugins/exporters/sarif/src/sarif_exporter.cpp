// The SARIF exporter: the findings of one stored scan as a SARIF 2.1.0 log with one run, shaped
// for GitHub code scanning (the README.md of this plugin lists what is written and why).
//
// Options (--option KEY=VALUE):
//   suppressed=include|omit  suppressed findings as results carrying a `suppressions` entry, so
//                            code scanning shows them as dismissed (default include), or left out
//   category=NAME            writes runAutomationDetails.id "NAME/", the code scanning category;
//                            by default none is written, so the upload's own category applies
//
// The whole log is built in one pass into one buffer and written with one call: a scan with 25k
// results (GitHub's limit per run) is a few tens of megabytes of text and no second copy.
#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;

namespace {

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kSarifVersion = "2.1.0";
constexpr std::string_view kToolName = "confscope";
constexpr std::string_view kInformationUri = "https://github.com/confscope/confscope";
// The base repository-relative URIs are relative to when the results lie in one repository;
// GitHub resolves relative URIs against the checkout whatever their base.
constexpr std::string_view kSourceRoot = "%SRCROOT%";
// With several repositories each has a base of its own: this prefix and the repository's folder
// below the folder that holds them all ("REPO:api", "REPO:team/web").
constexpr std::string_view kRepositoryBasePrefix = "REPO:";
// The versioned key of our own fingerprint in partialFingerprints (see write_fingerprints()).
constexpr std::string_view kFingerprintKey = "confscope/v1";
// The rule of files that do not parse; their notifications point at it.
constexpr std::string_view kParseErrorRule = "CFG-001";

using Json = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// ---- options ------------------------------------------------------------------------------------

struct Options {
    bool include_suppressed = true;
    std::string automation_id;  ///< "" = write no runAutomationDetails
};

bool include_suppressed_option(const sdk::ExportScan& scan) {
    const std::string_view value = scan.option("suppressed", "include");
    if (value == "include") return true;
    if (value == "omit") return false;
    throw std::invalid_argument("--option suppressed=" + std::string(value) +
                                ": use include or omit");
}

bool has_option(const sdk::ExportScan& scan, std::string_view key) {
    const confscope_export_input_v1& raw = scan.raw();
    for (std::size_t i = 0; i < raw.option_count; ++i)
        if (raw.option_keys[i] != nullptr && key == raw.option_keys[i]) return true;
    return false;
}

// GitHub takes the category from runAutomationDetails.id up to its last '/'. A category is not
// derived from the scan (say, its host name): CI runners change names, and every new category
// would keep the previous upload's alerts open forever.
std::string automation_id_option(const sdk::ExportScan& scan) {
    if (!has_option(scan, "category")) return {};
    const std::string_view category = scan.option("category");
    if (category.empty()) throw std::invalid_argument("--option category=: give a category name");
    std::string id(category);
    if (!id.ends_with('/')) id += '/';
    return id;
}

Options read_options(const sdk::ExportScan& scan) {
    // An unknown key is refused rather than ignored: a mistyped suppressed=omit would otherwise
    // silently upload dismissed findings.
    const confscope_export_input_v1& raw = scan.raw();
    for (std::size_t i = 0; i < raw.option_count; ++i) {
        const std::string_view key =
            raw.option_keys[i] != nullptr ? raw.option_keys[i] : std::string_view();
        if (key != "what" && key != "suppressed" && key != "category") {
            throw std::invalid_argument("--option " + std::string(key) +
                                        ": the sarif format has the options suppressed and "
                                        "category");
        }
    }
    if (scan.what() != "findings") {
        throw std::invalid_argument("--what " + std::string(scan.what()) +
                                    ": the sarif format writes findings only");
    }
    return {.include_suppressed = include_suppressed_option(scan),
            .automation_id = automation_id_option(scan)};
}

// ---- severities ---------------------------------------------------------------------------------

std::string_view level_of(sdk::Severity severity) {
    switch (severity) {
        case sdk::Severity::critical:
        case sdk::Severity::high:
            return "error";
        case sdk::Severity::medium:
            return "warning";
        case sdk::Severity::low:
        case sdk::Severity::info:
            break;
    }
    return "note";
}

// A score inside GitHub's band for each severity (critical above 9.0, high 7.0-8.9, medium
// 4.0-6.9, low 0.1-3.9). Info has no band: it gets none, and GitHub then shows the level (note).
std::string_view security_severity_of(sdk::Severity severity) {
    switch (severity) {
        case sdk::Severity::critical:
            return "9.5";
        case sdk::Severity::high:
            return "8.0";
        case sdk::Severity::medium:
            return "5.5";
        case sdk::Severity::low:
            return "2.0";
        case sdk::Severity::info:
            break;
    }
    return {};
}

// ---- text ---------------------------------------------------------------------------------------

std::string_view trimmed(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

// The first sentence of a rule's help: up to the first '.', '!' or '?' followed by a space or the
// end, unless the word ending there holds another dot ("e.g.", "i.e.", "1.2.3.").
std::string_view first_sentence(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        if (i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '\n') continue;
        const auto space = text.find_last_of(" \n", i);
        const std::size_t word = space == std::string_view::npos ? 0 : space + 1;
        if (c == '.' && text.substr(word, i - word).find('.') != std::string_view::npos) continue;
        return text.substr(0, i + 1);
    }
    return text;
}

// The "(line L, column C)" a parse error ends with; zeros when it has none.
struct Position {
    std::uint32_t line = 0, column = 0;
};

std::uint32_t number_at(std::string_view text, std::size_t at) {
    std::uint32_t n = 0;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at)
        n = n * 10 + static_cast<std::uint32_t>(text[at] - '0');
    return n;
}

Position position_in(std::string_view parse_error) {
    constexpr std::string_view kLine = "(line ", kColumn = ", column ";
    const auto line = parse_error.rfind(kLine);
    if (line == std::string_view::npos) return {};
    Position p{.line = number_at(parse_error, line + kLine.size())};
    const auto column = parse_error.find(kColumn, line);
    if (column != std::string_view::npos)
        p.column = number_at(parse_error, column + kColumn.size());
    return p;
}

// ---- URIs ---------------------------------------------------------------------------------------

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// A path as a URI path (RFC 3986): every byte but the unreserved characters and '/' as %XX, so
// spaces, '%', '#', '?' and ':' in names (a ':' in a first segment would read as a scheme) stay
// data. Non-ASCII UTF-8 is encoded byte by byte, as RFC 3987 maps IRIs to URIs.
std::string percent_encoded(std::string_view path) {
    constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(path.size() + 8);
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (unreserved(c) || c == '/') {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0x0F]);
        }
    }
    return out;
}

bool hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view lower_prefix) {
    if (text.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i)
        if (ascii_lower(text[i]) != lower_prefix[i]) return false;
    return true;
}

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
    return text.size() == lower.size() && starts_with_ignoring_case(text, lower);
}

// A rule's help URI as helpUri: http(s) only — a javascript: or file: address from a rule file
// must not become a link in a viewer — with every character a URI may not hold raw
// percent-encoded ("?b=(2)|3 <x>" → "?b=(2)%7C3%20%3Cx%3E"), existing %XX escapes kept.
std::optional<std::string> help_link(std::string_view uri) {
    if (!starts_with_ignoring_case(uri, "https://") && !starts_with_ignoring_case(uri, "http://"))
        return std::nullopt;
    constexpr std::string_view kReserved = ":/?#[]@!$&'()*+,;=";
    std::string out;
    out.reserve(uri.size());
    for (std::size_t i = 0; i < uri.size(); ++i) {
        const char c = uri[i];
        const bool escape =
            c == '%' && i + 2 < uri.size() && hex_digit(uri[i + 1]) && hex_digit(uri[i + 2]);
        if (unreserved(static_cast<unsigned char>(c)) || kReserved.find(c) != kReserved.npos ||
            escape) {
            out.push_back(c);
        } else {
            out += percent_encoded(std::string_view(&uri[i], 1));
        }
    }
    return out;
}

bool windows_drive_path(std::string_view path) {
    return path.size() >= 3 &&
           ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) &&
           path[1] == ':' && (path[2] == '\\' || path[2] == '/');
}

/// Where a result or notification points: a URI relative to a repository's base (`base`, a key
/// of originalUriBaseIds), or an absolute one (no base).
struct Artifact {
    std::string uri;
    std::string base;
};

/// Turns the scan's paths into URIs. A backslash separates folders only in a scan of a Windows
/// machine (imported here); elsewhere it is part of a name, and percent-encoded like any other.
class UriMaker {
  public:
    explicit UriMaker(const sdk::ExportScan& scan)
        : windows_(equals_ignoring_case(scan.os_type(), "windows")) {}

    /// The file:// URI of an absolute path: "/home/a b/x" → "file:///home/a%20b/x",
    /// "C:\\Users\\x" → "file:///C:/Users/x", "\\\\server\\share\\x" → "file://server/share/x".
    [[nodiscard]] std::optional<std::string> file_uri(std::string_view path) const {
        if (path.starts_with('/')) return "file://" + percent_encoded(path);
        if (!windows_) return std::nullopt;
        if (windows_drive_path(path))
            return "file:///" + std::string(path.substr(0, 2)) +
                   percent_encoded(slashed(path.substr(2)));
        if (path.starts_with("\\\\")) return "file:" + percent_encoded(slashed(path));
        return std::nullopt;
    }

    // Repository files are named by their path in the work tree, which is what code scanning
    // matches against the checkout; home and system files have only their absolute path.
    [[nodiscard]] Artifact artifact(std::string_view repo_path, std::string_view path,
                                    std::string_view display_path) const {
        if (!repo_path.empty())
            return {percent_encoded(slashed(repo_path)), std::string(kSourceRoot)};
        if (std::optional<std::string> uri = file_uri(path)) return {std::move(*uri), {}};
        return {percent_encoded(display_path), {}};  // "~/x": a relative reference, at worst
    }

    /// A path as the URI layer sees it: '/'-separated (backslashes too, in a Windows scan).
    [[nodiscard]] std::string slashed_path(std::string_view path) const { return slashed(path); }

    /// The git work tree of a file with a repository path: its path minus "/<repo_path>".
    [[nodiscard]] std::optional<std::string> work_tree(const sdk::ExportFile& file) const {
        const std::string path = slashed(file.path), repo = slashed(file.repo_path);
        if (repo.empty() || path.size() <= repo.size() + 1 || !path.ends_with(repo) ||
            path[path.size() - repo.size() - 1] != '/')
            return std::nullopt;
        return path.substr(0, path.size() - repo.size() - 1);
    }

  private:
    [[nodiscard]] std::string slashed(std::string_view path) const {
        std::string out(path);
        if (windows_)
            for (char& c : out)
                if (c == '\\') c = '/';
        return out;
    }

    bool windows_;
};

// ---- repositories -------------------------------------------------------------------------------

bool inside(std::string_view path, std::string_view folder) {
    return path.size() > folder.size() && path.starts_with(folder) &&
           (folder.ends_with('/') || path[folder.size()] == '/');
}

// How many characters `folder` and its separator take at the start of a path inside it.
std::size_t folder_prefix(std::string_view folder) {
    return folder.ends_with('/') ? folder.size() : folder.size() + 1;
}

/// A repository the results point into: its work tree, the id of its base in originalUriBaseIds
/// and that base's file URI.
struct Repository {
    std::string tree;  ///< '/'-separated, no trailing '/'
    std::string id;
    std::string base_uri;  ///< "file:///…/repo/"; "" when the tree has no file URI
};

// The repositories of the files the log points at (results and notifications), and where each
// such file lies in them. One repository — the common `--root .` of a CI checkout — keeps
// %SRCROOT%, so paths stay relative to the repository root as code scanning wants them. A
// repository inside another (a submodule, a vendored clone) is part of the outer one: its files
// are named by their path in the outer work tree, which is where a checkout has them. Several
// repositories side by side (a --root holding many projects, or several --root) each get a base of
// their own, so that two projects' ".mcp.json" never read as one file.
class Repositories {
  public:
    Repositories(const sdk::ExportScan& scan, const UriMaker& uris,
                 const std::vector<const sdk::ExportFinding*>& results)
        : uris_(uris), tree_of_(scan.files().size()) {
        std::vector<bool> pointed(scan.files().size());
        for (const sdk::ExportFinding* f : results)
            if (f->file < pointed.size()) pointed[f->file] = true;
        for (std::size_t i = 0; i < scan.files().size(); ++i) {
            const sdk::ExportFile& f = scan.files()[i];
            if (!f.parse_error.empty() || !f.error.empty()) pointed[i] = true;  // notifications
        }
        std::set<std::string> trees;
        for (std::size_t i = 0; i < pointed.size(); ++i) {
            if (!pointed[i] || scan.files()[i].repo_path.empty()) continue;
            std::optional<std::string> tree = uris.work_tree(scan.files()[i]);
            if (tree && !tree->empty()) {  // "" would be a repository at "/"
                tree_of_[i] = *tree;
                trees.insert(std::move(*tree));
            }
        }
        // The outermost trees, in path order (a tree sorts before the trees inside it).
        for (const std::string& tree : trees) {
            if (repositories_.empty() || !inside(tree, repositories_.back().tree))
                repositories_.push_back({tree, {}, {}});
        }
        name_bases();
    }

    [[nodiscard]] const std::vector<Repository>& all() const { return repositories_; }

    /// Where file `index` points: relative to its repository's base, or as before.
    [[nodiscard]] Artifact artifact(std::size_t index, const sdk::ExportFile& f) const {
        const std::string& tree = tree_of_[index];
        for (const Repository& r : repositories_) {
            if (tree.empty() || (tree != r.tree && !inside(tree, r.tree))) continue;
            const std::string path = uris_.slashed_path(f.path);
            return {percent_encoded(std::string_view(path).substr(folder_prefix(r.tree))), r.id};
        }
        return uris_.artifact(f.repo_path, f.path, f.display_path);
    }

  private:
    void name_bases() {
        for (Repository& r : repositories_) {
            std::optional<std::string> uri = uris_.file_uri(r.tree);
            if (uri && !uri->ends_with('/')) *uri += '/';  // a base URI names a folder
            r.base_uri = uri.value_or("");
        }
        if (repositories_.empty()) return;  // no file of the scan is in a git work tree
        if (repositories_.size() == 1) {
            repositories_.front().id = kSourceRoot;
            return;
        }
        // Several: named by their folders below the deepest folder that holds them all. None of
        // them is that folder (none holds another), so every name is non-empty and distinct.
        std::string common = repositories_.front().tree;
        for (const Repository& r : repositories_) {
            while (!common.empty() && r.tree != common && !inside(r.tree, common)) {
                const std::size_t slash = common.find_last_of('/');  // up to its parent
                common.erase(slash == std::string::npos ? 0 : slash);
            }
        }
        for (Repository& r : repositories_) {
            const std::size_t skip =
                common.empty() ? (r.tree.starts_with('/') ? 1 : 0) : folder_prefix(common);
            r.id = std::string(kRepositoryBasePrefix) + r.tree.substr(skip);
        }
    }

    const UriMaker& uris_;
    std::vector<std::string> tree_of_;  ///< per file: its work tree, "" when none is known
    std::vector<Repository> repositories_;
};

std::vector<Artifact> artifacts_of_files(const sdk::ExportScan& scan,
                                         const Repositories& repositories) {
    std::vector<Artifact> artifacts;
    artifacts.reserve(scan.files().size());
    for (std::size_t i = 0; i < scan.files().size(); ++i)
        artifacts.push_back(repositories.artifact(i, scan.files()[i]));
    return artifacts;
}

// ---- rules --------------------------------------------------------------------------------------

/// The run's rules and each id's index in them (ruleIndex).
struct RuleTable {
    std::vector<sdk::ExportRule> rules;
    std::unordered_map<std::string_view, std::size_t> index;

    std::size_t add(const sdk::ExportRule& rule) {
        const auto [at, added] = index.try_emplace(rule.id, rules.size());
        if (added) rules.push_back(rule);
        return at->second;
    }
    [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const {
        const auto at = index.find(id);
        if (at == index.end()) return std::nullopt;
        return at->second;
    }
};

// Every rule the scan declares, in its order; a finding of a rule the scan does not describe
// (never written by confscope) gets a stand-in, so each result's ruleIndex resolves.
RuleTable rule_table(const sdk::ExportScan& scan) {
    RuleTable table;
    table.index.reserve(scan.rules().size());
    for (const sdk::ExportRule& r : scan.rules())
        table.add(r);
    for (const sdk::ExportFinding& f : scan.findings())
        if (!table.find(f.rule_id)) table.add({f.rule_id, f.plugin, f.severity, f.rule_id, {}, {}});
    return table;
}

// ---- writing ------------------------------------------------------------------------------------

void string(Json& w, std::string_view text) {
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void key(Json& w, std::string_view name) {
    w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void member(Json& w, std::string_view name, std::string_view text) {
    key(w, name);
    string(w, text);
}

void member(Json& w, std::string_view name, std::uint64_t n) {
    key(w, name);
    w.Uint64(n);
}

// {"text": ...}: a SARIF message or multiformatMessageString.
void text_object(Json& w, std::string_view name, std::string_view text) {
    key(w, name);
    w.StartObject();
    member(w, "text", text);
    w.EndObject();
}

// GitHub requires every description non-empty: fall back from help to title to id.
std::string_view title_of(const sdk::ExportRule& r) {
    const std::string_view title = trimmed(r.title);
    return title.empty() ? r.id : title;
}

std::string help_text(const sdk::ExportRule& r) {
    const std::string_view help = trimmed(r.help);
    std::string text(help.empty() ? title_of(r) : help);
    if (!r.help_uri.empty()) text += "\n\nMore information: " + std::string(r.help_uri);
    return text;
}

void write_rule(Json& w, const sdk::ExportRule& r) {
    w.StartObject();
    member(w, "id", r.id);
    text_object(w, "shortDescription", title_of(r));
    const std::string_view help = trimmed(r.help);
    text_object(w, "fullDescription", help.empty() ? title_of(r) : first_sentence(help));
    text_object(w, "help", help_text(r));
    if (const std::optional<std::string> link = help_link(r.help_uri)) member(w, "helpUri", *link);
    key(w, "defaultConfiguration");
    w.StartObject();
    member(w, "level", level_of(r.severity));
    w.EndObject();
    key(w, "properties");
    w.StartObject();
    key(w, "tags");  // unique, as the schema requires
    w.StartArray();
    string(w, "security");
    if (!r.plugin.empty() && r.plugin != "security") string(w, r.plugin);
    w.EndArray();
    if (const std::string_view score = security_severity_of(r.severity); !score.empty())
        member(w, "security-severity", score);
    w.EndObject();
    w.EndObject();
}

void write_driver(Json& w, const sdk::ExportScan& scan, const RuleTable& rules) {
    key(w, "tool");
    w.StartObject();
    key(w, "driver");
    w.StartObject();
    member(w, "name", kToolName);
    if (!scan.tool_version().empty()) member(w, "semanticVersion", scan.tool_version());
    member(w, "informationUri", kInformationUri);
    key(w, "rules");
    w.StartArray();
    for (const sdk::ExportRule& r : rules.rules)
        write_rule(w, r);
    w.EndArray();
    w.EndObject();
    w.EndObject();
}

void write_artifact_location(Json& w, const Artifact& artifact) {
    key(w, "artifactLocation");
    w.StartObject();
    member(w, "uri", artifact.uri);
    if (!artifact.base.empty()) member(w, "uriBaseId", artifact.base);
    w.EndObject();
}

// SARIF lines start at 1 and GitHub requires a region, so a finding on a file as a whole (line
// unknown) points at line 1; a column is written only when known.
void write_region(Json& w, std::uint32_t line, std::uint32_t column) {
    key(w, "region");
    w.StartObject();
    member(w, "startLine", static_cast<std::uint64_t>(line > 0 ? line : 1));
    if (line > 0 && column > 0) member(w, "startColumn", static_cast<std::uint64_t>(column));
    w.EndObject();
}

void write_location(Json& w, const Artifact& artifact, std::uint32_t line, std::uint32_t column) {
    key(w, "locations");
    w.StartArray();
    w.StartObject();
    key(w, "physicalLocation");
    w.StartObject();
    write_artifact_location(w, artifact);
    write_region(w, line, column);
    w.EndObject();
    w.EndObject();
    w.EndArray();
}

// confscope's fingerprint does not depend on line numbers or on the machine, so it tracks a
// finding across edits better than the line hash upload-sarif would compute (which it cannot
// compute at all for a file outside the checkout). primaryLocationLineHash is where GitHub reads
// it, as "<hash>:<occurrence>"; the occurrence keeps two findings with one fingerprint apart.
// "confscope/v1" carries it bare under a key of our own for other consumers (baseline diffs in
// other tools); a new fingerprint algorithm gets a new key, so old and new never match by mistake.
void write_fingerprints(Json& w, std::string_view fingerprint, std::uint32_t occurrence) {
    key(w, "partialFingerprints");
    w.StartObject();
    member(w, "primaryLocationLineHash",
           std::string(fingerprint) + ":" + std::to_string(occurrence));
    member(w, kFingerprintKey, fingerprint);
    w.EndObject();
}

// What a scanned repository's own .confscope-ignore.toml suppressed ("<root>/<file>:<line>…"): the
// suppression lives in the code under review, so a reviewer must be able to tell it apart.
bool suppressed_by_repository(std::string_view reason) {
    return reason.find("/.confscope-ignore.toml:") != std::string_view::npos;
}

// --ignore, --ignore-file or the baseline lives outside the repository: an external suppression;
// the repository's own ignore file is an in-source one. Both accepted; code scanning shows such
// a result as dismissed.
void write_suppression(Json& w, std::string_view reason) {
    key(w, "suppressions");
    w.StartArray();
    w.StartObject();
    member(w, "kind", suppressed_by_repository(reason) ? "inSource" : "external");
    member(w, "status", "accepted");
    if (!reason.empty()) member(w, "justification", reason);
    w.EndObject();
    w.EndArray();
}

/// What the parts of the run share: computed once.
struct Run {
    const sdk::ExportScan& scan;
    UriMaker uris;
    RuleTable rules;
    std::vector<Artifact> artifacts;  ///< per scan.files() index
    std::vector<const sdk::ExportFinding*> results;
};

void write_result(Json& w, const Run& run, const sdk::ExportFinding& f,
                  std::unordered_map<std::string_view, std::uint32_t>& occurrences) {
    const std::size_t rule_index = run.rules.find(f.rule_id).value_or(0);
    w.StartObject();
    member(w, "ruleId", f.rule_id);
    member(w, "ruleIndex", static_cast<std::uint64_t>(rule_index));
    member(w, "level", level_of(f.severity));
    const std::string_view message = trimmed(f.message);
    text_object(w, "message", message.empty() ? title_of(run.rules.rules[rule_index]) : message);
    if (f.file < run.artifacts.size()) {
        write_location(w, run.artifacts[f.file], f.line, f.column);
    } else {  // never from confscope: the finding's own paths still name the file
        write_location(w, run.uris.artifact(f.repo_path, {}, f.display_path), f.line, f.column);
    }
    if (!f.fingerprint.empty()) write_fingerprints(w, f.fingerprint, ++occurrences[f.fingerprint]);
    if (f.suppressed) write_suppression(w, f.suppression);
    key(w, "properties");
    w.StartObject();
    member(w, "severity", sdk::to_string(f.severity));
    member(w, "plugin", f.plugin);
    member(w, "pointer", f.pointer);
    member(w, "display_path", f.display_path);
    w.EndObject();
    w.EndObject();
}

void write_results(Json& w, const Run& run) {
    std::unordered_map<std::string_view, std::uint32_t> occurrences;
    occurrences.reserve(run.results.size());
    key(w, "results");
    w.StartArray();
    for (const sdk::ExportFinding* f : run.results)
        write_result(w, run, *f, occurrences);
    w.EndArray();
}

// ---- invocation ---------------------------------------------------------------------------------

// RFC 3339 "YYYY-MM-DDTHH:MM:SS…" (the schema's date-time); an imported scan could hold anything.
bool rfc3339(std::string_view t) {
    constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
    if (t.size() < kShape.size() + 1) return false;
    for (std::size_t i = 0; i < kShape.size(); ++i) {
        const bool digit = t[i] >= '0' && t[i] <= '9';
        if (kShape[i] == 'd' ? !digit : t[i] != kShape[i]) return false;
    }
    return t.back() == 'Z' || t[t.size() - 6] == '+' || t[t.size() - 6] == '-';
}

struct Notification {
    std::string_view level;
    std::string message;
    const Artifact* artifact = nullptr;  ///< where, when it is about a file
    Position at = {};
    std::optional<std::size_t> rule = std::nullopt;  ///< index of the associated rule
};

void write_notification(Json& w, const Run& run, const Notification& n) {
    w.StartObject();
    member(w, "level", n.level);
    text_object(w, "message", n.message);
    if (n.artifact != nullptr) write_location(w, *n.artifact, n.at.line, n.at.column);
    if (n.rule) {
        key(w, "associatedRule");
        w.StartObject();
        member(w, "id", run.rules.rules[*n.rule].id);
        member(w, "index", static_cast<std::uint64_t>(*n.rule));
        w.EndObject();
    }
    w.EndObject();
}

// Files that did not parse (each also a CFG-001 result), files that could not be read and plugins
// that failed: what made the run less than a full analysis.
std::vector<Notification> notifications(const Run& run) {
    std::vector<Notification> list;
    const std::optional<std::size_t> parse_rule = run.rules.find(kParseErrorRule);
    for (std::size_t i = 0; i < run.scan.files().size(); ++i) {
        const sdk::ExportFile& f = run.scan.files()[i];
        const std::string name(f.display_path);
        if (!f.parse_error.empty()) {
            list.push_back({.level = "error",
                            .message = name + " does not parse: " + std::string(f.parse_error),
                            .artifact = &run.artifacts[i],
                            .at = position_in(f.parse_error),
                            .rule = parse_rule});
        }
        if (!f.error.empty()) {
            list.push_back({.level = "warning",
                            .message = name + " could not be read: " + std::string(f.error),
                            .artifact = &run.artifacts[i]});
        }
    }
    for (const sdk::ExportPlugin& p : run.scan.plugins()) {
        if (!p.failed) continue;
        list.push_back(
            {.level = "error",
             .message = "plugin " + std::string(p.name) + " " + std::string(p.version) +
                        " failed, so its findings are missing: " + std::string(p.error)});
    }
    std::size_t by_repository = 0;
    for (const sdk::ExportFinding& f : run.scan.findings())
        if (f.suppressed && suppressed_by_repository(f.suppression)) ++by_repository;
    if (by_repository > 0) {
        list.push_back({.level = "warning",
                        .message = std::to_string(by_repository) +
                                   " finding(s) were suppressed by the scanned repository's own "
                                   ".confscope-ignore.toml (scan with --no-repo-ignores to apply "
                                   "none of them)"});
    }
    return list;
}

void write_invocation(Json& w, const Run& run) {
    key(w, "invocations");
    w.StartArray();
    w.StartObject();
    key(w, "executionSuccessful");
    w.Bool(run.scan.complete());
    if (rfc3339(run.scan.started_at())) member(w, "startTimeUtc", run.scan.started_at());
    if (rfc3339(run.scan.finished_at())) member(w, "endTimeUtc", run.scan.finished_at());
    key(w, "toolExecutionNotifications");
    w.StartArray();
    for (const Notification& n : notifications(run))
        write_notification(w, run, n);
    w.EndArray();
    w.EndObject();
    w.EndArray();
}

// ---- the run ------------------------------------------------------------------------------------

std::vector<const sdk::ExportFinding*> findings_to_report(const sdk::ExportScan& scan,
                                                          const Options& options) {
    std::vector<const sdk::ExportFinding*> results;
    results.reserve(scan.findings().size());
    for (const sdk::ExportFinding& f : scan.findings())
        if (options.include_suppressed || !f.suppressed) results.push_back(&f);
    return results;
}

void write_automation_details(Json& w, const std::string& id) {
    key(w, "automationDetails");
    w.StartObject();
    member(w, "id", id);
    w.EndObject();
}

// Each repository's base as its absolute file URI, so that a viewer resolves every relative URI.
void write_repository_bases(Json& w, const Repositories& repositories) {
    bool any = false;
    for (const Repository& r : repositories.all())
        any = any || !r.base_uri.empty();
    if (!any) return;
    key(w, "originalUriBaseIds");
    w.StartObject();
    for (const Repository& r : repositories.all()) {
        if (r.base_uri.empty()) continue;
        key(w, r.id);
        w.StartObject();
        member(w, "uri", r.base_uri);
        w.EndObject();
    }
    w.EndObject();
}

void write_run(Json& w, const sdk::ExportScan& scan, const Options& options) {
    const UriMaker uris(scan);
    std::vector<const sdk::ExportFinding*> results = findings_to_report(scan, options);
    const Repositories repositories(scan, uris, results);
    const Run run{.scan = scan,
                  .uris = uris,
                  .rules = rule_table(scan),
                  .artifacts = artifacts_of_files(scan, repositories),
                  .results = std::move(results)};
    w.StartObject();
    write_driver(w, scan, run.rules);
    if (!options.automation_id.empty()) write_automation_details(w, options.automation_id);
    write_repository_bases(w, repositories);
    write_invocation(w, run);
    write_results(w, run);
    key(w, "properties");
    w.StartObject();
    member(w, "scan_uuid", scan.uuid());
    // Every suppression counted, whether or not suppressed results are included above.
    std::int64_t suppressed = 0, by_repository = 0;
    for (const sdk::ExportFinding& f : scan.findings()) {
        if (!f.suppressed) continue;
        ++suppressed;
        if (suppressed_by_repository(f.suppression)) ++by_repository;
    }
    key(w, "suppressed");
    w.Int64(suppressed);
    key(w, "suppressed_by_repository_ignore_files");
    w.Int64(by_repository);
    w.EndObject();
    w.EndObject();
}

}  // namespace

class SarifExporter {
  public:
    static sdk::PluginInfo info() {
        return {.summary = "SARIF 2.1.0 for GitHub code scanning and other SARIF consumers",
                .license = "Apache-2.0",
                .contact = "https://github.com/confscope/confscope",
                .family = "sarif",
                .config_schema = ""};
    }

    void export_scan(const sdk::ExportScan& scan, sdk::Writer& out) {
        const Options options = read_options(scan);
        // About 1 KiB of pretty-printed JSON per result: reserve it, so 25k results do not
        // reallocate their way up.
        constexpr std::size_t kRulesAndRun = std::size_t{64} * 1024, kPerResult = 1024;
        rapidjson::StringBuffer buffer(nullptr, kRulesAndRun + scan.findings().size() * kPerResult);
        Json w(buffer);
        w.SetIndent(' ', 2);
        w.StartObject();
        member(w, "$schema", kSchemaUri);
        member(w, "version", kSarifVersion);
        key(w, "runs");
        w.StartArray();
        write_run(w, scan, options);
        w.EndArray();
        w.EndObject();
        buffer.Put('\n');
        out.write(std::string_view(buffer.GetString(), buffer.GetSize()));
    }
};

CONFSCOPE_PLUGIN(SarifExporter)
