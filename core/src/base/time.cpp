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

std::optional<std::int64_t> parse_rfc3339_seconds(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SS, optional fraction, then Z (what format_rfc3339* write).
    const std::string copy(text);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, used = 0;
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute,
                    &second, &used) != 6) {
        return std::nullopt;
    }
    std::size_t at = static_cast<std::size_t>(used);
    if (at < copy.size() && copy[at] == '.') {
        ++at;
        while (at < copy.size() && copy[at] >= '0' && copy[at] <= '9')
            ++at;
    }
    if (at + 1 != copy.size() || copy[at] != 'Z') return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    std::tm utc{};
    utc.tm_year = year - 1900;
    utc.tm_mon = month - 1;
    utc.tm_mday = day;
    utc.tm_hour = hour;
    utc.tm_min = minute;
    utc.tm_sec = second;
    return static_cast<std::int64_t>(timegm(&utc));
}

std::string now_rfc3339() {
    return format_rfc3339(std::chrono::system_clock::now());
}

}  // namespace confscope
