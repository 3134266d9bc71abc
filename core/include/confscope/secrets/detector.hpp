// confscope/secrets/detector.hpp — recognises secrets the way reference/rules.md describes them:
// by known token shapes (one RE2::Set pass over a value for all shapes, including a password in a
// URL's userinfo), and, for values of keys whose name says secret, by length and entropy.
// Not secrets, whatever the key is called: references (${VAR}, ${VAR:-x}, $VAR, env:NAME,
// {{secret}}, ""), placeholders ("<your-token>", "xxxx", "changeme", "anything") and documentation
// examples (AKIAIOSFODNN7EXAMPLE), and values whose shape says what they are: dates, UUIDs,
// numbers, booleans, e-mail addresses, paths, file names (passwords.txt) and URLs.
//
// The detector is immutable after construction and safe to share between threads; use
// Detector::instance() to get the process-wide one (patterns compile once).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <confscope/parse/document.hpp>

namespace confscope::secrets {

/// A token-shaped secret inside a text.
struct TokenMatch {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string_view shape;  ///< "anthropic", "github", "aws-access-key", ... (static storage)
};

class Detector {
  public:
    static const Detector& instance();
    Detector();
    ~Detector();
    Detector(const Detector&) = delete;
    Detector& operator=(const Detector&) = delete;

    /// Every token-shaped secret in `text`, sorted by offset, not overlapping.
    [[nodiscard]] std::vector<TokenMatch> find_tokens(std::string_view text) const;

    /// CONFSCOPE_NODE_FLAG_* for a string `value` stored under `key` ("" when it has none).
    [[nodiscard]] std::uint32_t classify(std::string_view key, std::string_view value) const;
    /// The same when the caller already knows whether `value` holds a token shape.
    [[nodiscard]] std::uint32_t classify(std::string_view key, std::string_view value,
                                         bool holds_token) const;

    /// ${VAR}, ${VAR:-default}, $VAR, env:NAME, {{name}}, or empty.
    static bool is_reference(std::string_view value);
    /// "<your-key>", "your_token_here", "xxxx", "****", "sk-...", "changeme", "anything",
    /// "password", one character repeated, an existing redaction marker.
    static bool is_placeholder(std::string_view value);
    /// A date or time, a UUID, a number or version, a boolean, an e-mail address, a path, a file
    /// name with a known extension, or a URL: never a credential on its own.
    static bool is_non_secret_value(std::string_view value);
    /// The key names a secret: a word token/secret/password/passwd/credential(s), a last word key
    /// or apikey, or Authorization / Proxy-Authorization — unless a word after the secret word
    /// makes it describe the secret instead (claudeCodeFirstTokenDate, PASSWORD_FILE,
    /// apiKeyHelper, token_expires_at). Words split on _ - . and camelCase.
    static bool is_secret_key_name(std::string_view key);
    /// Shannon entropy of the bytes, in bits per byte.
    static double entropy(std::string_view value);
    /// Random text of at least 32 characters of [A-Za-z0-9_-] (upper, lower and digits, the
    /// entropy and class changes of random text): a credential even without a telling name (a
    /// command-line argument, a URL path segment), unlike hex hashes, UUIDs and long names.
    static bool random_token(std::string_view value);
    /// `key` names a secret and `value` looks like one; a bare "key" needs a value that mixes
    /// letters and digits at credential length (16 or more).
    static bool secret_pair(std::string_view key, std::string_view value);
    /// A literal under a secret-named key that looks like a credential (length and entropy).
    static bool looks_like_secret_value(std::string_view value);
    /// Where the credential starts in a value that names itself: "API_KEY=x", "--token=x",
    /// "Authorization: Bearer x" (after "Bearer "), "X-Api-Key:x", "--header=Authorization: x",
    /// "Bearer x"; 0 for a bare value or one whose inner name is not secret-named.
    static std::size_t secret_offset(std::string_view value);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Sets `flags` on every string node of `doc`. An array element's key is taken from the element
/// before it when that is a flag ("--api-key", "-t"); "NAME=value" and "Name: value" strings are
/// judged by their own name.
void flag_document(parse::Document& doc, const Detector& detector = Detector::instance());

/// The same, with the tokens find_tokens() found in the file's `bytes` (sorted, as it returns
/// them): a value written as it is in the bytes is not searched again.
void flag_document(parse::Document& doc, std::string_view bytes,
                   const std::vector<TokenMatch>* tokens_in_bytes,
                   const Detector& detector = Detector::instance());

}  // namespace confscope::secrets
