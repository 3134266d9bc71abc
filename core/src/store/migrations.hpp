// Internal: the store's versioned schema. Append a migration to change the schema; never edit one
// that has shipped.
#pragma once

#include <string>
#include <vector>

#include <confscope/store/store_url.hpp>

namespace soci {
class session;
}

namespace confscope::store::detail {

struct Migration {
    int version;
    std::string name;
    std::vector<std::string> statements;  ///< run in order, in one transaction
    /// Rewrites rows after the statements, in the same transaction (nullptr: none).
    void (*data)(soci::session&, Backend) = nullptr;
};

/// Every migration, oldest first, in `backend`'s dialect.
std::vector<Migration> migrations(Backend backend);

}  // namespace confscope::store::detail
