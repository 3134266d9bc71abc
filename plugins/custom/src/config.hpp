// The plugin's configuration: {"rule_files": [{"path": "/abs/x.toml", "content": "..."}]}, which
// the host builds from --rules and $XDG_CONFIG_HOME/confscope/rules/*.toml (the plugin reads no
// files itself). The JSON Schema below makes the host pass them.
#pragma once

#include <string_view>
#include <vector>

#include "rule_file.hpp"

namespace custom {

/// JSON Schema of the configuration, for PluginInfo::config_schema.
std::string_view config_schema();

/// The rule files in a configuration (none for "{}"). Throws std::invalid_argument.
std::vector<RuleFileSource> rule_files_of(std::string_view config_json);

}  // namespace custom
