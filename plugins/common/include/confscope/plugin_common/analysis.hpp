// confscope/plugin_common/analysis.hpp — what every analysis function of the in-tree plugins
// receives: the file, its document and where results go, plus the scope rules are judged at.
//
// The in-tree plugins (claude-code, claude-desktop, mcp) share this library, linked statically into
// each; a third-party plugin needs only the SDK.
#pragma once

#include <confscope/sdk/plugin.hpp>

namespace confscope::plugin_common {

namespace sdk = confscope::sdk;

struct Analysis {
    const sdk::File& file;
    const sdk::Document& doc;
    sdk::Sink& sink;

    [[nodiscard]] sdk::Scope scope() const { return file.scope(); }
    /// Committed with a repository: the repository approves itself.
    [[nodiscard]] bool is_project_file() const { return file.scope() == sdk::Scope::project; }
};

}  // namespace confscope::plugin_common
