// The mcp plugin builds on the shared in-tree plugin library (plugins/common).
#pragma once

#include <confscope/plugin_common/analysis.hpp>
#include <confscope/plugin_common/mcp_servers.hpp>
#include <confscope/plugin_common/server_shape.hpp>
#include <confscope/plugin_common/text.hpp>

namespace mcp {

using namespace confscope::plugin_common;
namespace sdk = confscope::sdk;

}  // namespace mcp
