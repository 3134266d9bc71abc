// Internal: reading soci::row columns the same way on every backend. SQLite reports computed
// columns as text and declared INTEGER columns as int; PostgreSQL reports 64-bit integers; NULL
// needs an indicator. These helpers accept any of them.
#pragma once

#include <cstdint>
#include <string>

#include <soci/soci.h>

namespace confscope::store::detail {

inline std::string text(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return {};
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_string:
            return row.get<std::string>(i);
        case soci::dt_integer:
            return std::to_string(row.get<int>(i));
        case soci::dt_long_long:
            return std::to_string(row.get<long long>(i));
        case soci::dt_unsigned_long_long:
            return std::to_string(row.get<unsigned long long>(i));
        case soci::dt_double:
            return std::to_string(row.get<double>(i));
        default:
            return {};
    }
}

inline std::int64_t integer(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return 0;
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_integer:
            return row.get<int>(i);
        case soci::dt_long_long:
            return row.get<long long>(i);
        case soci::dt_unsigned_long_long:
            return static_cast<std::int64_t>(row.get<unsigned long long>(i));
        case soci::dt_double:
            return static_cast<std::int64_t>(row.get<double>(i));
        case soci::dt_string: {
            const std::string value = row.get<std::string>(i);
            return value.empty() ? 0 : std::stoll(value);
        }
        default:
            return 0;
    }
}

}  // namespace confscope::store::detail

namespace confscope::store::detail {

inline double real(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return 0.0;
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_double:
            return row.get<double>(i);
        case soci::dt_string: {
            const std::string value = row.get<std::string>(i);
            return value.empty() ? 0.0 : std::stod(value);
        }
        default:
            return static_cast<double>(integer(row, i));
    }
}

inline bool is_null(const soci::row& row, std::size_t i) {
    return row.get_indicator(i) == soci::i_null;
}

}  // namespace confscope::store::detail
