// confscope/plugins/rule_files.hpp — the user's rule files, for plugins that accept them (a
// config_schema with "rule_files"): each
// --rules FILE, then every *.toml in the user's confscope config folder
// ($XDG_CONFIG_HOME/confscope/rules, else ~/.config/confscope/rules). The host reads them; the
// plugin parses and reports errors with file and line.
#pragma once

#include <string>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/platform/os.hpp>

namespace confscope::plugins {

struct RuleFile {
    std::string path;
    std::string content;
};

/// The user's confscope config folder: $XDG_CONFIG_HOME/confscope (else ~/.config/confscope).
std::string user_config_dir(const platform::Environment& env);

/// Reads the explicit files (an unreadable one is an error naming it) and the rule folder's
/// *.toml files (sorted by name).
Result<std::vector<RuleFile>> gather_rule_files(const std::vector<std::string>& explicit_files,
                                                const platform::Environment& env);

/// {"rule_files": [{"path": ..., "content": ...}, ...]}
std::string rule_files_config(const std::vector<RuleFile>& files);

}  // namespace confscope::plugins
