// Applying a loaded RuleSet to one file: the rules and inventory entries of the file's target,
// each finding's message filled in with the value withheld when the host flagged it as a secret.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <confscope/sdk/plugin.hpp>

#include "model.hpp"

namespace custom {

class Analyzer {
  public:
    explicit Analyzer(RuleSet set);

    [[nodiscard]] const RuleSet& rule_set() const { return set_; }

    /// Reports every finding and inventory item of the file (nothing when it did not parse: the
    /// host reported CFG-001).
    void analyze(const sdk::File& file, const sdk::Document& doc, sdk::Sink& sink) const;

  private:
    RuleSet set_;
    std::map<std::string, std::vector<std::size_t>, std::less<>> rules_by_target_;
    std::map<std::string, std::vector<std::size_t>, std::less<>> inventory_by_target_;
};

}  // namespace custom
