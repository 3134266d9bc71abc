// The custom scanner: configuration families and rules that users describe in TOML rule files
// (docs/CUSTOM_RULES.md), without compiling anything. The host passes the files (--rules and
// $XDG_CONFIG_HOME/confscope/rules/*.toml) in the configuration; a bad file refuses the plugin at
// create() with "<file>:<line>:<column>: <what>; <fix>". Without rule files it does nothing.
#include <confscope/sdk/plugin.hpp>

#include "analysis.hpp"
#include "config.hpp"
#include "rule_file.hpp"

namespace custom {

class CustomScanner {
  public:
    static sdk::PluginInfo info() {
        return {.summary =
                    "Families and rules described in TOML rule files (--rules, "
                    "$XDG_CONFIG_HOME/confscope/rules); see docs/CUSTOM_RULES.md",
                .license = "Apache-2.0",
                .contact = "https://github.com/confscope/confscope",
                .family = "custom",
                .config_schema = std::string(config_schema())};
    }

    explicit CustomScanner(const sdk::Config& config)
        : analyzer_(load_rule_files(rule_files_of(config.json()))) {}

    std::vector<sdk::Target> targets() { return analyzer_.rule_set().targets; }

    /// The rules of the rule files, so the host accepts their findings.
    std::vector<sdk::Rule> instance_rules() {
        std::vector<sdk::Rule> rules;
        for (const RuleDef& r : analyzer_.rule_set().rules)
            rules.push_back(r.rule);
        return rules;
    }

    void analyze(const sdk::File& file, const sdk::Document& doc, sdk::Sink& sink) {
        analyzer_.analyze(file, doc, sink);
    }

  private:
    Analyzer analyzer_;
};

}  // namespace custom

CONFSCOPE_PLUGIN(custom::CustomScanner)
