// Internal: version 5 of the schema keeps every text valid UTF-8 and every path escaped
// (<confscope/store/stored_text.hpp>). The migration rewrites what older versions stored, and
// `db restore` of an older backup rewrites its rows the same way while it loads them.
#pragma once

#include <string>
#include <string_view>

#include <confscope/store/store_url.hpp>

namespace soci {
class session;
}

namespace confscope::store::detail {

/// The schema version from which paths are escaped and all text is valid UTF-8.
inline constexpr int kEscapedTextVersion = 5;

enum class TextKind {
    plain,       ///< sanitized: bad bytes become \xNN
    path,        ///< escaped (escape_path)
    roots_json,  ///< a JSON array of paths: each escaped
    json,        ///< JSON text: bad bytes become \\xNN
};

/// How `table`.`column` is kept from version 5 on.
TextKind text_kind(std::string_view table, std::string_view column);

/// A value stored by a version before 5, as version 5 keeps it.
std::string upgrade_text(TextKind kind, std::string_view value);

/// The data step of migration 5: rewrites every row that an older version stored differently.
void upgrade_stored_text(soci::session& sql, Backend backend);

}  // namespace confscope::store::detail
