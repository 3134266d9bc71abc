// confscope/log/log.hpp — the process's logger (Boost.Log): one-line text records on stderr and,
// optionally, JSON records in a rotated file. Every message passes through the secret scrubber
// before any sink sees it, so a token can never reach a log in plaintext.
//
// Example:
//     log::init({.level = log::Level::info, .json_file = "/var/log/confscope.jsonl"});
//     log::warning("cannot read " + path + ": permission denied");
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace confscope::log {

enum class Level { trace, debug, info, warning, error, off };

struct LogOptions {
    Level level = Level::warning;  ///< the least severe level written to stderr
    bool color = false;            ///< colour the level on stderr
    std::string json_file;         ///< "" for none; JSON lines, every level >= json_level
    Level json_level = Level::info;
    std::uint64_t rotation_bytes = 10ull * 1024 * 1024;  ///< rotate the JSON file at this size
    unsigned max_files = 5;                              ///< rotated JSON files kept
};

/// Sets up the sinks; call once, early. Without it, warnings and errors go to stderr.
void init(const LogOptions& options);

/// Writes one record (scrubbed of secrets).
void write(Level level, std::string_view message);

inline void trace(std::string_view m) {
    write(Level::trace, m);
}
inline void debug(std::string_view m) {
    write(Level::debug, m);
}
inline void info(std::string_view m) {
    write(Level::info, m);
}
inline void warning(std::string_view m) {
    write(Level::warning, m);
}
inline void error(std::string_view m) {
    write(Level::error, m);
}

std::optional<Level> parse_level(std::string_view text);
/// The level for a plugin's CONFSCOPE_LOG_* value (unknown values count as errors).
Level from_abi_level(std::int32_t abi_level);
std::string_view to_string(Level level);

/// Flushes and closes the sinks (call before exit).
void shutdown();

}  // namespace confscope::log
