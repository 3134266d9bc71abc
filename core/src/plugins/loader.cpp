#include <algorithm>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <sys/stat.h>

#include <boost/dll/library_info.hpp>

#include <confscope/io/sha256.hpp>
#include <confscope/log/log.hpp>
#include <confscope/plugins/loader.hpp>

namespace confscope::plugins {
namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxPluginBytes = 512ull * 1024 * 1024;

// Records one verdict and builds the one-line refusal.
class Checks {
  public:
    Checks(const fs::path& path, std::vector<CheckStep>* steps)
        : path_(path.string()), steps_(steps) {}

    void pass(std::string check, std::string detail) {
        if (steps_) steps_->push_back({std::move(check), true, std::move(detail)});
    }
    Status fail(std::string check, std::string detail,
                StatusCode code = StatusCode::failed_precondition) {
        std::string line = "plugin " + path_ + " refused by the " + check + " check: " + detail;
        if (steps_) steps_->push_back({std::move(check), false, std::move(detail)});
        return {code, std::move(line)};
    }

  private:
    std::string path_;
    std::vector<CheckStep>* steps_;
};

Status check_file_policy(const fs::path& path, Checks& checks) {
    const std::string suffix = library_suffix();
    if (path.extension() != suffix) {
        return checks.fail("file policy", "the name does not end in " + suffix +
                                              ": rename it or point at the library");
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return checks.fail("file policy",
                           "the file does not exist or cannot be read: check the path",
                           StatusCode::not_found);
    }
    if (!S_ISREG(st.st_mode))
        return checks.fail("file policy", "not a regular file: point at the library file");
    if ((st.st_mode & S_IWOTH) != 0) {
        return checks.fail("file policy",
                           "the file is writable by every user: chmod o-w " + path.string());
    }
    struct stat dir {};
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (::stat(folder.c_str(), &dir) == 0 && (dir.st_mode & S_IWOTH) != 0 &&
        (dir.st_mode & S_ISVTX) == 0) {
        return checks.fail("file policy",
                           "its folder " + folder.string() +
                               " is writable by every user: chmod o-w it or move the plugin");
    }
    checks.pass("file policy", "regular " + suffix + " file, not writable by other users");
    return Status::ok();
}

Status check_symbols(const fs::path& path, Checks& checks) {
    std::vector<std::string> symbols;
    try {
        boost::dll::library_info info(path, /*throw_if_not_native_format=*/true);
        symbols = info.symbols();
    } catch (const std::exception& e) {
        return checks.fail("symbol table",
                           std::string("not a shared library this platform can load (") + e.what() +
                               "): build it with confscope_add_plugin()");
    }
    const std::string wanted = CONFSCOPE_ENTRY_SYMBOL_V1;
    if (std::find(symbols.begin(), symbols.end(), wanted) != symbols.end()) {
        checks.pass("symbol table", "exports " + wanted);
        return Status::ok();
    }
    const std::string prefix = "confscope_plugin_entry_v";
    for (const std::string& symbol : symbols) {
        if (symbol.starts_with(prefix)) {
            const std::string major = symbol.substr(prefix.size());
            return checks.fail(
                "symbol table",
                "it exports " + symbol + ", built for plugin ABI major " + major +
                    "; this host speaks major " + std::to_string(CONFSCOPE_ABI_MAJOR) +
                    ": rebuild it against confscope SDK " + std::to_string(CONFSCOPE_ABI_MAJOR));
        }
    }
    return checks.fail("symbol table", "no " + wanted +
                                           " symbol: not a confscope plugin (build it with "
                                           "confscope_add_plugin() and CONFSCOPE_PLUGIN(...))");
}

// What identifies the file's content for the time between inspecting and loading it.
struct FileIdentity {
    std::uintmax_t device = 0, inode = 0, size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileIdentity&) const = default;
};

FileIdentity identity_of(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return {static_cast<std::uintmax_t>(st.st_dev), static_cast<std::uintmax_t>(st.st_ino),
            static_cast<std::uintmax_t>(st.st_size),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

bool same_text(const char* a, const std::string& b) {
    return a != nullptr && b == a;
}

Status check_descriptor(const confscope_plugin_v1* d, const Manifest& manifest, Checks& checks) {
    if (d == nullptr)
        return checks.fail("descriptor",
                           "the entry returned NULL: the plugin failed to initialise");
    const std::size_t needed =
        offsetof(confscope_plugin_v1, instance_rules) + sizeof(d->instance_rules);  // ABI 1.0
    if (d->struct_size < needed) {
        return checks.fail("descriptor",
                           "struct_size " + std::to_string(d->struct_size) +
                               " is smaller than ABI 1.0's " + std::to_string(needed) +
                               ": the plugin was built wrongly; rebuild it with the SDK");
    }
    if (d->abi_major != CONFSCOPE_ABI_MAJOR) {
        return checks.fail("descriptor", "declares ABI major " + std::to_string(d->abi_major) +
                                             " but exports the v1 entry: rebuild it with the SDK");
    }
    if (d->required_minor > CONFSCOPE_ABI_MINOR) {
        return checks.fail("descriptor", "needs ABI 1." + std::to_string(d->required_minor) +
                                             ", this host speaks 1." +
                                             std::to_string(CONFSCOPE_ABI_MINOR) +
                                             ": upgrade confscope");
    }
    if (!same_text(d->name, manifest.name) || !same_text(d->version, manifest.version) ||
        d->required_minor != manifest.required_minor) {
        return checks.fail("descriptor", std::string("name/version/required minor (") +
                                             (d->name ? d->name : "NULL") + " " +
                                             (d->version ? d->version : "NULL") +
                                             ") disagree with the manifest (" + manifest.name +
                                             " " + manifest.version +
                                             "): rebuild it with confscope_add_plugin()");
    }
    if (d->kinds == 0 || d->kinds != manifest.kind_bits()) {
        return checks.fail("descriptor",
                           "its kinds disagree with the manifest's: declare KIND in "
                           "confscope_add_plugin() to match the class");
    }
    if (d->summary == nullptr)
        return checks.fail("descriptor", "summary is NULL: set PluginInfo::summary");
    std::vector<std::string> missing;
    if (d->create == nullptr) missing.emplace_back("create");
    if (d->destroy == nullptr) missing.emplace_back("destroy");
    if (d->last_error == nullptr) missing.emplace_back("last_error");
    if ((d->kinds & CONFSCOPE_KIND_SCANNER) != 0) {
        if (d->targets == nullptr) missing.emplace_back("targets");
        if (d->analyze == nullptr) missing.emplace_back("analyze");
        if (d->family == nullptr || *d->family == '\0') missing.emplace_back("family");
    }
    if ((d->kinds & CONFSCOPE_KIND_EXPORTER) != 0 && d->export_scan == nullptr)
        missing.emplace_back("export_scan");
    if (d->rule_count > 0 && d->rules == nullptr) missing.emplace_back("rules");
    for (std::size_t i = 0; d->rules && i < d->rule_count; ++i) {
        const confscope_rule_v1* r = d->rules[i];
        if (r == nullptr || r->struct_size < offsetof(confscope_rule_v1, help) + sizeof(r->help) ||
            r->id == nullptr || r->title == nullptr || r->help == nullptr) {
            return checks.fail("descriptor",
                               "rule " + std::to_string(i) +
                                   " is malformed (NULL, too small, or without id/title/help)");
        }
    }
    if (!missing.empty()) {
        std::string list;
        for (const std::string& m : missing)
            list += (list.empty() ? "" : ", ") + m;
        return checks.fail("descriptor",
                           "required member(s) NULL: " + list + ": implement them (the SDK does)");
    }
    checks.pass("descriptor", std::string(d->name) + " " + d->version + ", ABI " +
                                  std::to_string(d->abi_major) + "." +
                                  std::to_string(d->abi_minor) + ", " +
                                  std::to_string(d->rule_count) + " rule(s)");
    return Status::ok();
}

}  // namespace

std::string library_suffix() {
    return boost::dll::shared_library::suffix().string();
}

LoadedPlugin::LoadedPlugin(boost::dll::shared_library library,
                           const confscope_plugin_v1* descriptor, Manifest manifest, fs::path path,
                           std::string file_sha256)
    : library_(std::move(library)),
      descriptor_(descriptor),
      manifest_(std::move(manifest)),
      path_(std::move(path)),
      file_sha256_(std::move(file_sha256)) {}

namespace {

// What the checks before loading learned: the manifest, and the SHA-256 of the bytes read.
struct Inspected {
    Manifest manifest;
    std::string sha256;
    FileIdentity identity;
    bool other_kind = false;  ///< the manifest names none of the kinds asked for
};

// Whether the checks keep the SHA-256 of the bytes they read (load records it; inspecting alone
// does not need it).
enum class KeepHash { no, yes };

// The checks before loading: file policy, symbol table, manifest, duplicate name.
Result<Inspected> inspect_checked(const fs::path& path, Checks& checks,
                                  const std::set<std::string>& names, KeepHash keep_hash,
                                  std::uint32_t kind_bits = 0) {
    CONFSCOPE_TRY(check_file_policy(path, checks));
    CONFSCOPE_TRY(check_symbols(path, checks));

    const FileIdentity identity = identity_of(path);
    auto bytes = read_library(path, keep_hash == KeepHash::yes, kMaxPluginBytes);
    if (!bytes) return checks.fail("manifest", bytes.status().message());
    auto manifest = parse_manifest(bytes->manifest_region);
    if (!manifest) return checks.fail("manifest", manifest.status().message());
    if (manifest->abi != CONFSCOPE_ABI_MAJOR) {
        return checks.fail("manifest", "declares ABI " + std::to_string(manifest->abi) +
                                           ", this host speaks " +
                                           std::to_string(CONFSCOPE_ABI_MAJOR) + ": rebuild it");
    }
    if (manifest->required_minor > CONFSCOPE_ABI_MINOR) {
        return checks.fail("manifest", "needs ABI 1." + std::to_string(manifest->required_minor) +
                                           ", this host speaks 1." +
                                           std::to_string(CONFSCOPE_ABI_MINOR) +
                                           ": upgrade confscope");
    }
    checks.pass("manifest", manifest->name + " " + manifest->version + ", requires ABI 1." +
                                std::to_string(manifest->required_minor));
    if (names.contains(manifest->name)) {
        return checks.fail("duplicate",
                           "another plugin named '" + manifest->name +
                               "' is already loaded: remove one of them from the plugin path",
                           StatusCode::already_exists);
    }
    checks.pass("duplicate", "no other plugin is named '" + manifest->name + "'");
    if (kind_bits != 0 && (manifest->kind_bits() & kind_bits) == 0)
        return Inspected{std::move(*manifest), std::string(), identity, true};
    return Inspected{std::move(*manifest), std::move(bytes->sha256), identity};
}

}  // namespace

Result<Manifest> PluginLoader::inspect(const fs::path& requested, std::vector<CheckStep>* steps) {
    std::error_code ec;
    const fs::path path = fs::absolute(requested, ec).lexically_normal();
    Checks checks(path, steps);
    CONFSCOPE_ASSIGN_OR_RETURN(Inspected inspected,
                               inspect_checked(path, checks, names_, KeepHash::no));
    names_.insert(inspected.manifest.name);
    return std::move(inspected.manifest);
}

Result<std::shared_ptr<LoadedPlugin>> PluginLoader::load(const fs::path& requested,
                                                         std::vector<CheckStep>* steps) {
    return load_checked(requested, steps, 0);
}

Result<std::shared_ptr<LoadedPlugin>> PluginLoader::load_kind(const fs::path& requested,
                                                              std::uint32_t kind_bits) {
    return load_checked(requested, nullptr, kind_bits);
}

Result<std::shared_ptr<LoadedPlugin>> PluginLoader::load_checked(const fs::path& requested,
                                                                 std::vector<CheckStep>* steps,
                                                                 std::uint32_t kind_bits) {
    std::error_code ec;
    const fs::path path = fs::absolute(requested, ec).lexically_normal();
    Checks checks(path, steps);
    auto inspected = inspect_checked(path, checks, names_, KeepHash::yes, kind_bits);
    if (!inspected) return inspected.status();
    if (inspected->other_kind) return std::shared_ptr<LoadedPlugin>();
    Manifest* manifest = &inspected->manifest;

    boost::dll::shared_library library;
    try {
        library.load(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        return checks.fail(
            "load", std::string(e.what()) + ": install the libraries it needs or rebuild it");
    }
    checks.pass("load", "loaded");

    const confscope_plugin_v1* descriptor = nullptr;
    try {
        auto& entry = library.get<const confscope_plugin_v1*()>(CONFSCOPE_ENTRY_SYMBOL_V1);
        descriptor = entry();
    } catch (const std::exception& e) {
        return checks.fail("descriptor", std::string("calling the entry failed: ") + e.what());
    }
    CONFSCOPE_TRY(check_descriptor(descriptor, *manifest, checks));
    names_.insert(manifest->name);
    log::debug("loaded plugin " + manifest->name + " " + manifest->version + " from " +
               path.string());
    // The hash of what was loaded: the bytes inspect read, unless the file changed since.
    std::string sha256 = std::move(inspected->sha256);
    if (identity_of(path) != inspected->identity) {
        auto bytes = read_library(path, true, kMaxPluginBytes);
        sha256 = bytes ? std::move(bytes->sha256) : std::string();
    }
    return std::make_shared<LoadedPlugin>(std::move(library), descriptor, std::move(*manifest),
                                          path, std::move(sha256));
}

std::vector<fs::path> find_plugin_files(const std::vector<fs::path>& dirs) {
    std::vector<fs::path> files;
    const std::string suffix = library_suffix();
    std::set<fs::path> seen;  // a folder named twice (option and environment) is searched once
    for (const fs::path& dir : dirs) {
        std::error_code ec;
        const fs::path canonical = fs::weakly_canonical(dir, ec);
        if (!seen.insert(ec ? dir : canonical).second) continue;
        std::vector<fs::path> found;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->path().extension() == suffix) found.push_back(it->path());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

}  // namespace confscope::plugins
