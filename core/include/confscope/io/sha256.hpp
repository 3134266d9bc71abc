// confscope/io/sha256.hpp — SHA-256 (OpenSSL libcrypto) as lowercase hex.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace confscope::io {

/// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

/// SHA-256 of data given in pieces (a file read in chunks, a backup written row by row).
/// Owns its OpenSSL context; movable, not copyable; hex() ends it.
class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    Sha256(Sha256&&) noexcept = default;
    Sha256& operator=(Sha256&&) noexcept = default;  ///< starts over with the moved-in digest

    void update(std::string_view data);
    /// The lowercase hex digest of everything given; call once.
    std::string hex();

  private:
    struct Free {
        void operator()(evp_md_ctx_st* ctx) const;
    };
    std::unique_ptr<evp_md_ctx_st, Free> ctx_;
};

}  // namespace confscope::io
