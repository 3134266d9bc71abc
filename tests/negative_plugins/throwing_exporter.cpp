// A well-formed exporter that writes half a report and then throws: the host must discard the
// partial output (no file written, an existing file left as it was, nothing on stdout).
#include <stdexcept>

#include <confscope/sdk/plugin.hpp>

namespace sdk = confscope::sdk;

class ThrowingExporter {
  public:
    static sdk::PluginInfo info() {
        return {.summary = "throws halfway through an export", .family = "throwing"};
    }
    void export_scan(const sdk::ExportScan& scan, sdk::Writer& out) {
        out << "PARTIAL REPORT of " << scan.uuid() << "\n";
        throw std::runtime_error("boom after writing a partial report");
    }
};

CONFSCOPE_PLUGIN(ThrowingExporter)
