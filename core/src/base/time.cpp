#include <cstdio>
#include <ctime>

#include <confscope/base/time.hpp>

namespace confscope {

namespace {
std::string format(std::time_t seconds, int millis) {
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[64];
    if (millis >= 0) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                      utc.tm_sec, millis);
    } else {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900,
                      utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
    }
    return buffer;
}
}  // namespace

std::string format_rfc3339(std::chrono::system_clock::time_point time) {
    const auto since = time.time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since - seconds);
    return format(static_cast<std::time_t>(seconds.count()), static_cast<int>(millis.count()));
}

std::string format_rfc3339_seconds(std::int64_t unix_seconds) {
    return format(static_cast<std::time_t>(unix_seconds), -1);
}

std::string now_rfc3339() {
    return format_rfc3339(std::chrono::system_clock::now());
}

}  // namespace confscope
