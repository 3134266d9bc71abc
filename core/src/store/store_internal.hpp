// Internal: small helpers shared by the store's translation units.
#pragma once

#include <string>

namespace confscope::store::detail {

/// A driver message on one line: SOCI puts libpq's reason on the lines after its own summary.
std::string one_line(const std::string& text);

}  // namespace confscope::store::detail
