// Internal: the tables of the current schema, column by column, as code can walk them. Bulk writes
// use it to type their cells, backup / restore / copy to move every row of every table between
// backends. A test checks it against the columns the migrations actually create, so a migration
// that adds a column without adding it here fails the storage suite.
#pragma once

#include <string>
#include <vector>

namespace confscope::store::detail {

enum class ColumnType { integer, real, text };

struct ColumnSpec {
    std::string name;
    ColumnType type = ColumnType::text;
    bool nullable = false;
};

struct TableSpec {
    std::string name;
    std::vector<ColumnSpec> columns;
    std::vector<std::string> key;  ///< the primary key: the stable order of a dump
    std::string serial;            ///< the auto-increment column, when there is one
};

/// Every table but schema_migrations, parents before children (the order rows can be inserted in).
const std::vector<TableSpec>& tables();

/// The table named `name`, or nullptr.
const TableSpec* find_table(const std::string& name);

}  // namespace confscope::store::detail
