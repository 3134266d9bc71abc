// What every analysis function of the plugin receives: the file, its document and where results
// go, plus the scope rules are judged at.
#pragma once

#include <confscope/sdk/plugin.hpp>

namespace claude_code {

namespace sdk = confscope::sdk;

struct Analysis {
    const sdk::File& file;
    const sdk::Document& doc;
    sdk::Sink& sink;

    [[nodiscard]] sdk::Scope scope() const { return file.scope(); }
    /// Committed with a repository: the repository approves itself.
    [[nodiscard]] bool is_project_file() const { return file.scope() == sdk::Scope::project; }
};

}  // namespace claude_code
