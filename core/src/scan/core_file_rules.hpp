// The rules the core applies to every file, whatever plugin claimed it, from what the core itself
// knows: the file's metadata, its parsed document and the secrets the detector found in it.
//
//   FS-001   a file holding secrets is readable by its group or by every user
//   SEC-006  a secret that no plugin rule reported (one pass over every string and byte)
//   SEC-007  a token in the file's own path (the stored path is redacted; see redact_path)
//
// So a third-party scanner's files get them too, and "a value was redacted" always comes with a
// finding that says where.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <confscope/parse/document.hpp>
#include <confscope/scan/model.hpp>
#include <confscope/secrets/redactor.hpp>

namespace confscope::scan::detail {

inline constexpr std::string_view kReadableSecretsRule = "FS-001";
inline constexpr std::string_view kUnreportedSecretRule = "SEC-006";
inline constexpr std::string_view kTokenInPathRule = "SEC-007";

/// The core rules' catalogue entries (FS-001, SEC-006, SEC-007).
std::vector<RuleInfo> core_file_rules();

/// One place in a file where a secret is.
struct SecretSite {
    std::string pointer;  ///< the string node holding it; "" for text no value node covers
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool token = false;      ///< a known token shape (not only a secret-named key's value)
    std::string_view shape;  ///< "github", "url-credentials", "named-key", ... (static storage)
};

/// Every secret of a parsed file: each string node flagged as a secret, then each secret span
/// that lies outside those nodes (keys, a file that did not parse, Markdown bodies). In file
/// order; linear in the nodes plus spans times log nodes.
std::vector<SecretSite> secret_sites(std::string_view bytes, const parse::Document& doc,
                                     const std::vector<secrets::SecretSpan>& spans);

/// SEC-006 for every site no SEC-* (or HOOK-004) finding of the file covers — same pointer, or
/// same line for a site without one — and FS-001 when the file holds a secret (a site or a
/// plugin's SEC-* finding) and its mode lets its group or others read it. `records` are the
/// indexes of the file's records in `files` (a file several targets matched; the findings go on
/// the first); `reported` are the findings already made on any of them. Files whose target
/// category is "credentials" (a client's own credential store, which FS-002 covers) get neither;
/// files of scope plugin (an installed extension, whose plugin reports only what is in use) get
/// no SEC-006, and FS-001 only when their plugin reported a secret in them.
std::vector<Finding> core_file_findings(const std::vector<FileRecord>& files,
                                        const std::vector<std::size_t>& records,
                                        const std::vector<SecretSite>& sites,
                                        const std::vector<const Finding*>& reported);

/// `path` with every token-shaped part replaced by its marker ("[REDACTED:SEC-007:…]").
std::string redact_path(std::string_view path);

/// SEC-007 on `file`, whose path held a token (already redacted in the record).
Finding token_in_path_finding(const FileRecord& record, std::size_t file);

}  // namespace confscope::scan::detail
