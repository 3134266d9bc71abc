// A confscope scanner for the (fictional) Acme Assistant: it audits the assistant's configuration,
// `.acme/assistant.json` in a project and `acme/assistant.json` in the user's config folder.
//
// The host finds the files (targets()), reads and parses them, and flags values that look like
// secrets; the plugin only looks at the parsed document and reports findings. It never opens a
// file. Copy this file, rename the class, and replace the targets and rules with your own.
#include <string>
#include <vector>

#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;

namespace acme {

class AcmeAssistantScanner {
  public:
    static sdk::PluginInfo info() {
        return {.summary = "Acme Assistant: telemetry and API keys in .acme/assistant.json",
                .license = "Apache-2.0",
                .contact = "https://example.com/acme-confscope",
                .family = "acme-assistant",
                .config_schema = ""};
    }

    // Every rule the plugin may report: the host refuses a finding for an undeclared rule.
    static std::vector<sdk::Rule> rules() {
        return {
            {"ACME-001", sdk::Severity::medium, "Telemetry enabled",
             "telemetry.enabled sends every prompt and the files it mentions to Acme's servers. "
             "Set \"telemetry\": {\"enabled\": false}."},
            {"ACME-002", sdk::Severity::high, "API key written into the configuration",
             "A literal API key in assistant.json is readable by everyone who can read the file, "
             "and a project file is usually committed. Reference the environment instead: "
             "\"apiKey\": \"${ACME_API_KEY}\"."},
        };
    }

    std::vector<sdk::Target> targets() {
        return {
            {"user-config", "settings", "Acme Assistant user configuration",
             "{XDG_CONFIG_HOME}/acme/assistant.json", sdk::Format::json, sdk::Scope::user},
            {"project-config", "settings", "Acme Assistant project configuration",
             "{PROJECT}/.acme/assistant.json", sdk::Format::json, sdk::Scope::project},
        };
    }

    void analyze(const sdk::File& file, const sdk::Document& doc, sdk::Sink& sink) {
        if (sdk::Node enabled = doc.find("/telemetry/enabled"); enabled.is_true()) {
            sink.finding("ACME-001", sdk::Severity::medium,
                         "telemetry is enabled in " + std::string(file.display_path()), enabled);
        }
        // The host's secret detector has already looked at every value; a ${VAR} reference or a
        // placeholder is not flagged. Messages name the key, never the value.
        for (const sdk::Node& node : doc.select("/**")) {
            if (node.is_string() && node.is_secret()) {
                sink.finding("ACME-002", sdk::Severity::high,
                             "a literal secret is stored at " + std::string(node.pointer()) +
                                 " in " + std::string(file.display_path()),
                             node);
            }
        }
    }
};

}  // namespace acme

CONFSCOPE_PLUGIN(acme::AcmeAssistantScanner)
