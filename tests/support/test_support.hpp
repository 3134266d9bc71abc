// Shared helpers for the test suites: temporary folders, files, running the real confscope
// executable, loading the real in-tree plugins, and the PostgreSQL server the ctest fixture starts.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <confscope/parse/document.hpp>
#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/scan/scanner.hpp>

namespace confscope::test {

namespace fs = std::filesystem;

/// A fresh folder under the system temp dir, removed (recursively) on destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }
    [[nodiscard]] fs::path operator/(const std::string& rel) const { return path_ / rel; }

  private:
    fs::path path_;
};

/// Writes `content` to `path`, creating parent folders; sets the permission bits when given.
void write_file(const fs::path& path, const std::string& content,
                std::optional<fs::perms> perms = std::nullopt);
std::string read_file(const fs::path& path);

/// Copies a whole folder tree.
void copy_tree(const fs::path& from, const fs::path& to);

struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs a program with arguments (no shell), capturing stdout and stderr. `env` entries
/// ("NAME=VALUE") replace the environment when given.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::optional<std::vector<std::string>>& env = std::nullopt);

/// Runs the confscope executable of this build.
ProcessResult run_confscope(const std::vector<std::string>& args,
                            const std::optional<std::vector<std::string>>& env = std::nullopt);

/// Paths of this build's artifacts (set by CMake).
fs::path confscope_exe();
fs::path plugin_dir();           ///< the in-tree plugins
fs::path negative_plugin_dir();  ///< plugins the tests build to be refused
fs::path source_dir();           ///< the repository
fs::path fake_home_exe();        ///< the fake-home generator

/// Loads and creates the in-tree plugins named (all when empty) — real libraries from disk.
/// Plugins that accept rule files are created with `rule_files` (read from disk).
std::vector<std::unique_ptr<plugins::PluginInstance>> load_plugins(
    const std::vector<std::string>& names = {}, const std::vector<fs::path>& rule_files = {});

/// Raw pointers for run_scan.
std::vector<plugins::PluginInstance*> raw(
    const std::vector<std::unique_ptr<plugins::PluginInstance>>& owned);

/// Options for a scan of a planted machine: home, system root and project roots; no process
/// environment leaks in.
scan::ScanOptions planted_scan(const fs::path& home, const fs::path& system_root,
                               const std::vector<fs::path>& roots);

/// The PostgreSQL URL of the throw-away test server, when the ctest fixture started one.
std::optional<std::string> postgres_url();

/// The node at exactly `pointer`, or nullptr.
const parse::Node* find_node(const parse::Document& doc, std::string_view pointer);

/// True when `haystack` contains `needle` anywhere (binary-safe).
bool contains_bytes(const std::string& haystack, const std::string& needle);

}  // namespace confscope::test
