#include <array>
#include <memory>
#include <stdexcept>

#include <openssl/evp.h>

#include <confscope/io/sha256.hpp>

namespace confscope::io {

namespace {

// OpenSSL 3 looks the algorithm up by name (under a lock) on every EVP_sha256() digest; a scan
// hashes every file, finding and redacted value, so the implementation is fetched once and each
// thread keeps one context for sha256_hex.
const EVP_MD* sha256_md() {
    static const std::unique_ptr<EVP_MD, void (*)(EVP_MD*)> md(
        EVP_MD_fetch(nullptr, "SHA256", nullptr), &EVP_MD_free);
    return md ? md.get() : EVP_sha256();
}

EVP_MD_CTX* thread_context() {
    thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(),
                                                                              &EVP_MD_CTX_free);
    return ctx.get();
}

std::string finish_hex(EVP_MD_CTX* ctx) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx, digest.data(), &length) != 1)
        throw std::runtime_error("OpenSSL SHA-256 failed");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(static_cast<std::size_t>(length) * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0xf]);
    }
    return hex;
}

void start(EVP_MD_CTX* ctx) {
    if (ctx == nullptr || EVP_DigestInit_ex(ctx, sha256_md(), nullptr) != 1)
        throw std::runtime_error("OpenSSL SHA-256 failed");
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    EVP_MD_CTX* ctx = thread_context();
    start(ctx);
    if (EVP_DigestUpdate(ctx, data.data(), data.size()) != 1)
        throw std::runtime_error("OpenSSL SHA-256 failed");
    return finish_hex(ctx);
}

void Sha256::Free::operator()(evp_md_ctx_st* ctx) const {
    EVP_MD_CTX_free(ctx);
}

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
    start(ctx_.get());
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view data) {
    if (EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) != 1)
        throw std::runtime_error("OpenSSL SHA-256 failed");
}

std::string Sha256::hex() {
    return finish_hex(ctx_.get());
}

}  // namespace confscope::io
