// confscope/plugins/loader.hpp — validates and loads plugin libraries.
//
// Validation before trust, cheapest first (docs/ABI.md):
//   1. file policy   regular file, the platform suffix (.so), not writable by other users, in a
//                    folder other users cannot write to without the sticky bit
//   2. symbol table  confscope_plugin_entry_v1 exported (read with Boost.DLL's library_info,
//                    without loading); a plugin for another ABI major is refused here
//   3. manifest      embedded in the file bytes: ABI, name, version, required minor, kinds
//   4. duplicate     no other plugin with the same name is loaded
//   5. load          the library loads (all symbols resolve)
//   6. descriptor    entry returns a descriptor whose struct_size, versions, name and kinds agree
//                    with the manifest and whose required function pointers are set
//   7. create        an instance is created with the (validated) configuration
// Each refusal is one line naming the plugin, the check and the fix.
//
// Lifetime: LoadedPlugin owns the library handle. Instances (PluginInstance) hold a shared_ptr to
// their LoadedPlugin, so a library is never unloaded before the instances it created die.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <boost/dll/shared_library.hpp>

#include <confscope/base/status.hpp>
#include <confscope/plugin_api.h>
#include <confscope/plugins/manifest.hpp>

namespace confscope::plugins {

/// One validation step and its verdict, for `confscope plugins verify`.
struct CheckStep {
    std::string check;  ///< "file policy", "symbol table", ...
    bool passed = false;
    std::string detail;  ///< what was found, or why it failed and how to fix it
};

class LoadedPlugin {
  public:
    LoadedPlugin(boost::dll::shared_library library, const confscope_plugin_v1* descriptor,
                 Manifest manifest, std::filesystem::path path, std::string file_sha256);
    LoadedPlugin(const LoadedPlugin&) = delete;
    LoadedPlugin& operator=(const LoadedPlugin&) = delete;

    [[nodiscard]] const confscope_plugin_v1& descriptor() const { return *descriptor_; }
    [[nodiscard]] const Manifest& manifest() const { return manifest_; }
    [[nodiscard]] const std::string& name() const { return manifest_.name; }
    [[nodiscard]] const std::string& version() const { return manifest_.version; }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] const std::string& file_sha256() const { return file_sha256_; }
    [[nodiscard]] bool is_scanner() const {
        return (descriptor_->kinds & CONFSCOPE_KIND_SCANNER) != 0;
    }
    [[nodiscard]] bool is_exporter() const {
        return (descriptor_->kinds & CONFSCOPE_KIND_EXPORTER) != 0;
    }

  private:
    boost::dll::shared_library library_;  // unloaded last: members die in reverse order
    const confscope_plugin_v1* descriptor_;
    Manifest manifest_;
    std::filesystem::path path_;
    std::string file_sha256_;
};

/// Loads plugins, remembering their names to refuse duplicates.
class PluginLoader {
  public:
    /// Validates and loads one library. `steps`, when given, receives every check's verdict
    /// (also the ones that passed). The error message is the one-line refusal.
    Result<std::shared_ptr<LoadedPlugin>> load(const std::filesystem::path& path,
                                               std::vector<CheckStep>* steps = nullptr);

    /// load() for a library of one kind only: a valid library whose manifest names none of
    /// `kind_bits` (CONFSCOPE_KIND_*) is neither loaded nor hashed, and gives nullptr (a scan
    /// leaves the exporters alone). Refusals are load()'s.
    Result<std::shared_ptr<LoadedPlugin>> load_kind(const std::filesystem::path& path,
                                                    std::uint32_t kind_bits);

    /// The checks that need no loading (file policy, symbol table, manifest, duplicate), for a
    /// plugin that will run in another process: its manifest, and its name is taken.
    Result<Manifest> inspect(const std::filesystem::path& path,
                             std::vector<CheckStep>* steps = nullptr);

    /// Forget loaded names (a new scan may load the same plugin again).
    void reset() { names_.clear(); }

  private:
    Result<std::shared_ptr<LoadedPlugin>> load_checked(const std::filesystem::path& path,
                                                       std::vector<CheckStep>* steps,
                                                       std::uint32_t kind_bits);
    std::set<std::string> names_;
};

/// Every file with the platform's library suffix in `dirs` (not recursive), sorted by name
/// within each folder. Folders that do not exist are skipped.
std::vector<std::filesystem::path> find_plugin_files(
    const std::vector<std::filesystem::path>& dirs);

/// The platform's shared-library suffix (".so").
std::string library_suffix();

}  // namespace confscope::plugins
