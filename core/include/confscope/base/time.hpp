// confscope/base/time.hpp — timestamps as the store and reports write them.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace confscope {

/// RFC 3339 UTC with milliseconds: "2026-11-24T09:30:12.345Z".
std::string format_rfc3339(std::chrono::system_clock::time_point time);
/// Seconds since the epoch as RFC 3339 UTC: "2026-11-24T09:30:12Z".
std::string format_rfc3339_seconds(std::int64_t unix_seconds);
/// format_rfc3339(now).
std::string now_rfc3339();
/// Seconds since the epoch of "2026-11-24T10:00:00Z" (a fraction is allowed and dropped); nullopt
/// for anything else. Reads what format_rfc3339 and format_rfc3339_seconds write.
std::optional<std::int64_t> parse_rfc3339_seconds(std::string_view text);

}  // namespace confscope
