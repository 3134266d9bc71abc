// confscope/plugin_common/shared_rules.hpp — rules several in-tree plugins report with one
// meaning, declared once so that every catalogue carries the same title and help.
#pragma once

#include <confscope/sdk/plugin.hpp>

namespace confscope::plugin_common {

/// TRUST-001: workspace trust granted to / or the whole home folder (Claude Code, Codex, Gemini).
sdk::Rule workspace_trust_rule();

}  // namespace confscope::plugin_common
