// confscope/store/stored_text.hpp — the text the store keeps is always valid UTF-8.
//
// File names are bytes: a folder named "\xff\xfe" is a legal Linux path, but PostgreSQL refuses
// such text (and SQLite keeps it, so a later copy to PostgreSQL fails). The store therefore keeps
// every path in an escaped form that is valid UTF-8 and still identifies the path exactly:
//
//   - a backslash becomes two backslashes ("\\"),
//   - a byte that is not part of valid UTF-8 (and NUL) becomes "\xNN" (two lower-case hex digits),
//   - everything else is kept as it is.
//
// The escaping is one-to-one, so unescape_path() gives the real bytes back (history, restore).
// Other text that may carry bytes from a scanned file (server names, keys, messages, plugin
// output) is sanitized instead: invalid bytes and NUL become "\xNN", everything else is kept
// (backslashes too, so ordinary text reads back unchanged).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace confscope::store {

/// True when `text` is valid UTF-8 as PostgreSQL accepts it: no overlong forms, no surrogates,
/// nothing above U+10FFFF, and no NUL byte.
bool is_valid_utf8(std::string_view text);

/// A path (raw bytes) as the store keeps and shows it; see above.
std::string escape_path(std::string_view raw);

/// The raw bytes of an escaped path, or nullopt when `escaped` is not a well-formed escaped form
/// (a lone backslash, "\x" without two hex digits, or invalid UTF-8).
std::optional<std::string> unescape_path(std::string_view escaped);

/// A stored (escaped) path as reports show it: the real path when it is valid UTF-8 (backslashes
/// single again: "C:\\work" reads "C:\work"), else the escaped form. Exporters get this.
std::string readable_path(std::string_view escaped);

/// The real bytes of a path a report shows (readable_path): the escaped form decoded when it
/// stands for bytes that are not UTF-8, else the text itself. (A real name that is valid UTF-8
/// and contains text such as "\xff" is the one thing this cannot tell apart.)
std::string path_from_report(std::string_view shown);

/// `text` with every byte that is not valid UTF-8 (and NUL) written as "\xNN"; valid text is
/// returned unchanged.
std::string sanitize_text(std::string_view text);

/// Like sanitize_text for JSON text: the bad bytes become "\\xNN" (a JSON-escaped backslash), so
/// the document stays valid JSON and its strings read "\xNN".
std::string sanitize_json(std::string_view json);

}  // namespace confscope::store
