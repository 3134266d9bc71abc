// confscope/secrets/redactor.hpp — nothing leaves the scan with a secret in it.
//
// Every stored, exported or logged copy of a secret is replaced by a marker that names the rule
// and a short fingerprint of the value, "[REDACTED:SEC-001:3f9a12c0]" (the first 8 hex digits of
// the value's SHA-256), so a changed secret still shows as a change and one secret can be traced
// across files without being stored. Where no rule reported the secret the marker says SECRET.
//
// Example:
//     secrets::Redaction r = secrets::redact_file(bytes, doc, rules_by_pointer);
//     store(r.text);                          // the file with every secret replaced
//     message = r.scrubber.scrub(message);    // the same secrets removed from any other text
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <confscope/parse/document.hpp>
#include <confscope/secrets/detector.hpp>

namespace confscope::secrets {

/// "[REDACTED:<rule>:<8 hex of sha256(secret)>]".
std::string marker(std::string_view rule, std::string_view secret);

/// Replaces known secret values, and any token-shaped secret, in arbitrary text.
class Scrubber {
  public:
    explicit Scrubber(const Detector& detector = Detector::instance()) : detector_(&detector) {}

    /// Remember a secret value and its marker (values shorter than 6 bytes are ignored).
    void add(std::string value, std::string marker_text);
    [[nodiscard]] bool empty() const { return known_.empty(); }

    /// `text` with every known secret and every token-shaped secret replaced by its marker.
    [[nodiscard]] std::string scrub(std::string_view text) const;

    /// A JSON text with every string value scrubbed, and every secret-looking value under a
    /// secret-named key replaced by a marker. Text that is not JSON is scrubbed as plain text.
    [[nodiscard]] std::string scrub_json(std::string_view json) const;

  private:
    const Detector* detector_;
    std::vector<std::pair<std::string, std::string>> known_;  // longest first
};

/// A secret found in a file's bytes, by pattern: a known token shape anywhere, or the value of a
/// secret-named key ("DB_PASSWORD": "…", API_KEY=…) in text no node covers (a file that did not
/// parse, a Markdown body, plain text).
struct SecretSpan {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string_view kind;  ///< the token shape ("github", ...) or "named-key"; static storage
};

/// Every secret span of a file, by offset, not nested. Computed once per file: plugins get it in
/// the document (confscope_secret_v1), redaction replaces it.
std::vector<SecretSpan> find_secret_spans(std::string_view bytes, const parse::Document& doc,
                                          const Detector& detector = Detector::instance());

/// The same with the tokens detector.find_tokens(bytes) gave (the scan searches once for both
/// flag_document and this).
std::vector<SecretSpan> find_secret_spans(std::string_view bytes, const parse::Document& doc,
                                          const std::vector<TokenMatch>& tokens,
                                          const Detector& detector = Detector::instance());

/// The result of redacting one file.
struct Redaction {
    std::string text;       ///< the file with every secret replaced
    std::size_t count = 0;  ///< secrets replaced
    Scrubber scrubber;      ///< knows the file's secrets, for messages, items and logs
};

/// Redacts a file's bytes: every node flagged as a secret (or reported by a SEC-* finding) loses
/// its whole value (a quoted marker, so the file still parses), and every span of `secrets`
/// (find_secret_spans) is replaced. `rules` maps a JSON pointer to the id of the rule that reported
/// a secret there (used in the marker).
Redaction redact_file(std::string_view bytes, const parse::Document& doc,
                      const std::vector<SecretSpan>& secrets,
                      const std::map<std::string, std::string, std::less<>>& rules,
                      const Detector& detector = Detector::instance());

/// Redacts a whole text the way a scan does, without plugins: parses it as `format` (text that
/// does not parse is scanned as plain text), flags secret-looking values and replaces them and
/// every secret span. For content stored raw, before it is shown. Markers name SECRET where a
/// scan would have named the plugin's rule.
Redaction redact_text(std::string_view bytes, sdk::Format format,
                      const Detector& detector = Detector::instance());

}  // namespace confscope::secrets
