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

/// A value with a secret-named key in text no parser covered ("DB_PASSWORD": "…", API_KEY=…).
struct LoosePair {
    std::size_t value_offset = 0;
    std::size_t value_length = 0;
};

/// Key/value pairs whose key names a secret and whose value looks like one, found by pattern in
/// `text`: for files that did not parse, Markdown bodies and plain text.
std::vector<LoosePair> find_loose_pairs(std::string_view text);

/// The result of redacting one file.
struct Redaction {
    std::string text;       ///< the file with every secret replaced
    std::size_t count = 0;  ///< secrets replaced
    Scrubber scrubber;      ///< knows the file's secrets, for messages, items and logs
};

/// Redacts a file's bytes: every node flagged as a secret loses its whole value (a quoted marker,
/// so the file still parses), every token-shaped secret anywhere loses the token, and in text no
/// node covers every secret-looking value of a secret-named key (find_loose_pairs) is replaced.
/// `rules` maps a JSON pointer to the id of the rule that reported a secret there (used in the
/// marker).
Redaction redact_file(std::string_view bytes, const parse::Document& doc,
                      const std::map<std::string, std::string, std::less<>>& rules,
                      const Detector& detector = Detector::instance());

}  // namespace confscope::secrets
