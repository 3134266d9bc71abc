// confscope/scan/scanner_endpoint.hpp — a scanner plugin as a scan uses it: loaded into this
// process (InProcessScanner), or running in a confscope-runner child process (IsolatedScanner).
//
// Both take the same plain-data calls and report through the same confscope_host_v1, so the scan's
// checks, redaction and results do not depend on where the plugin runs. An isolated plugin that
// crashes, hangs, exhausts its memory limit, writes garbage or exits fails with that reason, and
// the scan goes on with the others.
//
// Lifetime: an InProcessScanner borrows its PluginInstance; an IsolatedScanner owns its process
// and stops it on destruction.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/isolation/runner_process.hpp>
#include <confscope/plugins/plugin_instance.hpp>
#include <confscope/scan/model.hpp>

namespace confscope::scan {

class ScannerEndpoint {
  public:
    virtual ~ScannerEndpoint() = default;
    /// Name, version, ABI, library path and hash (as a PluginRun that has not failed).
    [[nodiscard]] virtual const PluginRun& identity() const = 0;
    /// Every rule it may report: the descriptor's and the instance's.
    [[nodiscard]] virtual const std::vector<sdk::Rule>& rules() const = 0;
    [[nodiscard]] virtual bool isolated() const = 0;
    virtual Result<std::vector<sdk::Target>> targets() = 0;
    virtual Status analyze(const confscope_file_v1& file, const confscope_document_v1& document,
                           const confscope_host_v1& host) = 0;
    virtual Status finish(const confscope_host_v1& host) = 0;
};

class InProcessScanner final : public ScannerEndpoint {
  public:
    explicit InProcessScanner(plugins::PluginInstance& instance);
    [[nodiscard]] const PluginRun& identity() const override { return identity_; }
    [[nodiscard]] const std::vector<sdk::Rule>& rules() const override { return rules_; }
    [[nodiscard]] bool isolated() const override { return false; }
    Result<std::vector<sdk::Target>> targets() override { return instance_.targets(); }
    Status analyze(const confscope_file_v1& file, const confscope_document_v1& document,
                   const confscope_host_v1& host) override {
        return instance_.analyze(file, document, host);
    }
    Status finish(const confscope_host_v1& host) override { return instance_.finish(host); }

  private:
    plugins::PluginInstance& instance_;
    PluginRun identity_;
    std::vector<sdk::Rule> rules_;
};

class IsolatedScanner final : public ScannerEndpoint {
  public:
    /// Starts the runner for the library at `plugin`. `rule_files_config` is the configuration for
    /// a plugin that accepts rule files (others are created with "{}").
    static Result<std::unique_ptr<IsolatedScanner>> start(const std::filesystem::path& runner_exe,
                                                          const std::filesystem::path& plugin,
                                                          const std::string& rule_files_config,
                                                          isolation::RunnerLimits limits);

    [[nodiscard]] const PluginRun& identity() const override { return identity_; }
    [[nodiscard]] const std::vector<sdk::Rule>& rules() const override { return rules_; }
    [[nodiscard]] bool isolated() const override { return true; }
    Result<std::vector<sdk::Target>> targets() override { return runner_->targets(); }
    Status analyze(const confscope_file_v1& file, const confscope_document_v1& document,
                   const confscope_host_v1& host) override;
    Status finish(const confscope_host_v1& host) override;

  private:
    explicit IsolatedScanner(std::unique_ptr<isolation::RunnerProcess> runner,
                             const std::filesystem::path& plugin);
    std::unique_ptr<isolation::RunnerProcess> runner_;
    PluginRun identity_;
    std::vector<sdk::Rule> rules_;
};

}  // namespace confscope::scan
