// confscope/plugins/plugin_instance.hpp — one created instance of a loaded plugin, with RAII
// create/destroy and Result-returning wrappers for the descriptor's functions.
//
// Lifetime: holds a shared_ptr to its LoadedPlugin, so the library outlives the instance.
// Not thread-safe: the ABI forbids concurrent calls into one instance.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/plugins/loader.hpp>
#include <confscope/sdk/types.hpp>

namespace confscope::plugins {

class PluginInstance {
  public:
    /// Creates an instance with `config_json` (a JSON object). During create() the plugin may
    /// log (through the host's logger); emitting and writing are refused.
    static Result<std::unique_ptr<PluginInstance>> create(std::shared_ptr<LoadedPlugin> plugin,
                                                          const std::string& config_json = "{}");
    ~PluginInstance();
    PluginInstance(const PluginInstance&) = delete;
    PluginInstance& operator=(const PluginInstance&) = delete;

    [[nodiscard]] const LoadedPlugin& plugin() const { return *plugin_; }
    [[nodiscard]] const std::shared_ptr<LoadedPlugin>& plugin_ptr() const { return plugin_; }

    /// Rules this instance reports beyond the descriptor's (instance_rules(), asked once after
    /// create), copied.
    [[nodiscard]] const std::vector<sdk::Rule>& extra_rules() const { return extra_rules_; }

    /// The plugin's targets, copied. Each target is checked for required members.
    Result<std::vector<sdk::Target>> targets();

    /// Calls analyze(); an error carries the plugin's last_error().
    Status analyze(const confscope_file_v1& file, const confscope_document_v1& document,
                   const confscope_host_v1& host);

    /// Calls finish() when the plugin has one (else does nothing); an error carries last_error().
    Status finish(const confscope_host_v1& host);

    /// Calls export_scan(); an error carries the plugin's last_error().
    Status export_scan(const confscope_export_input_v1& input, const confscope_host_v1& host);

  private:
    PluginInstance(std::shared_ptr<LoadedPlugin> plugin, confscope_instance* instance)
        : plugin_(std::move(plugin)), instance_(instance) {}
    Status failure(const char* function, confscope_status status) const;
    Status load_extra_rules();

    std::shared_ptr<LoadedPlugin> plugin_;
    confscope_instance* instance_;
    std::vector<sdk::Rule> extra_rules_;
};

/// A host table where every service is refused (emit_*, write: CONFSCOPE_FAILED_PRECONDITION),
/// nothing is cancelled and logs are dropped; callers replace the callbacks they offer.
confscope_host_v1 inert_host(void* context);

/// True when the plugin's config_schema declares a "rule_files" property: it wants the user's rule
/// files in its configuration (see confscope_plugin_v1.create).
bool accepts_rule_files(const LoadedPlugin& plugin);

}  // namespace confscope::plugins
