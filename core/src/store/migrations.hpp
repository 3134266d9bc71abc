// Internal: the store's versioned schema. Append a migration to change the schema; never edit one
// that has shipped.
#pragma once

#include <string>
#include <vector>

#include <confscope/store/store_url.hpp>

namespace confscope::store::detail {

struct Migration {
    int version;
    std::string name;
    std::vector<std::string> statements;  ///< run in order, in one transaction
};

/// Every migration, oldest first, in `backend`'s dialect.
std::vector<Migration> migrations(Backend backend);

}  // namespace confscope::store::detail
