// Loading rule files: TOML in, a validated RuleSet out. Targets, rules and inventory entries of
// all files share one namespace (a rule may apply to a target another file declares). The first
// problem stops the load with RuleFileError, one line: "<file>:<line>:<column>: <what>; <fix>".
#pragma once

#include <string>
#include <vector>

#include "model.hpp"
#include "toml_reader.hpp"

namespace custom {

/// A rule file as the host passes it: its absolute path and its text.
struct RuleFileSource {
    std::string path;
    std::string content;
};

/// Parses and validates every file (a path given twice is read once). Throws RuleFileError.
RuleSet load_rule_files(const std::vector<RuleFileSource>& files);

}  // namespace custom
