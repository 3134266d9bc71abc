// confscope/io/sha256.hpp — SHA-256 (OpenSSL libcrypto) as lowercase hex.
#pragma once

#include <string>
#include <string_view>

namespace confscope::io {

/// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace confscope::io
