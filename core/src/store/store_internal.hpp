// Internal: small helpers shared by the store's translation units.
#pragma once

#include <string>

namespace confscope::store::detail {

/// A driver message on one line: SOCI puts libpq's reason on the lines after its own summary.
std::string one_line(const std::string& text);

/// The one message for a damaged SQLite file: what is wrong, that nothing was written, the fix.
std::string damaged_message(const std::string& display, const std::string& cause);

}  // namespace confscope::store::detail
