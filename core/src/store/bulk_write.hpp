// Internal: many rows into one table, fast on each backend. SOCI's vector binding costs a round
// trip per row on PostgreSQL (100k rows: 4-7 s over loopback); COPY FROM STDIN costs one stream.
// So bulk writes go to each backend's native interface on the connection SOCI opened — COPY
// through libpq on PostgreSQL, one prepared statement stepped per row on SQLite — inside the
// transaction the caller began with SOCI. Everything else in the store stays on SOCI.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <confscope/store/store_url.hpp>
#include <confscope/store/stored_text.hpp>

namespace soci {
class session;
}

namespace confscope::store::detail {

/// One cell: NULL, an integer, a real or text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

/// Rows for one table, kept flat (row-major): put() exactly columns().size() cells per row.
class RowBatch {
  public:
    RowBatch(std::string table, std::vector<std::string> columns)
        : table_(std::move(table)), columns_(std::move(columns)) {}

    template <std::integral T>
    void put(T value) {
        cells_.emplace_back(std::in_place_type<std::int64_t>, static_cast<std::int64_t>(value));
    }
    void put(double value) { cells_.emplace_back(value); }
    /// Text is kept valid UTF-8 whatever a file or plugin put in it (stored_text.hpp): this is
    /// the store's boundary, and PostgreSQL refuses anything else.
    void put(std::string value) {
        if (!is_valid_utf8(value)) value = sanitize_text(value);
        cells_.emplace_back(std::move(value));
    }
    void put(const char* value) { put(std::string(value)); }
    void put(const std::optional<std::string>& value) {
        if (value) {
            put(*value);
        } else {
            put_null();
        }
    }
    void put(Value value) {
        if (auto* text = std::get_if<std::string>(&value); text && !is_valid_utf8(*text))
            *text = sanitize_text(*text);
        cells_.push_back(std::move(value));
    }
    void put_null() { cells_.emplace_back(std::monostate{}); }

    [[nodiscard]] const std::string& table() const { return table_; }
    [[nodiscard]] const std::vector<std::string>& columns() const { return columns_; }
    [[nodiscard]] std::size_t rows() const {
        return columns_.empty() ? 0 : cells_.size() / columns_.size();
    }
    [[nodiscard]] const Value& cell(std::size_t row, std::size_t column) const {
        return cells_[row * columns_.size() + column];
    }
    [[nodiscard]] std::size_t cell_count() const { return cells_.size(); }
    void reserve(std::size_t rows) { cells_.reserve(rows * columns_.size()); }
    void clear() { cells_.clear(); }

  private:
    std::string table_;
    std::vector<std::string> columns_;
    std::vector<Value> cells_;
};

/// What a backend said when a native call failed; the store turns it into a Status and decides
/// from sqlstate / sqlite_code / connection_lost whether trying again may help.
class NativeError : public std::runtime_error {
  public:
    NativeError(const std::string& message, std::string sqlstate, int sqlite_code,
                bool connection_lost)
        : std::runtime_error(message),
          sqlstate_(std::move(sqlstate)),
          sqlite_code_(sqlite_code),
          connection_lost_(connection_lost) {}
    [[nodiscard]] const std::string& sqlstate() const { return sqlstate_; }
    [[nodiscard]] int sqlite_code() const { return sqlite_code_; }
    [[nodiscard]] bool connection_lost() const { return connection_lost_; }

  private:
    std::string sqlstate_;
    int sqlite_code_ = 0;
    bool connection_lost_ = false;
};

enum class OnConflict {
    fail,    ///< a duplicate key aborts the transaction
    ignore,  ///< rows whose key exists already are skipped (content-addressed tables)
};

/// Inserts every row of `batch` inside the caller's open transaction. Throws NativeError.
void insert_rows(soci::session& sql, Backend backend, const RowBatch& batch,
                 OnConflict on_conflict = OnConflict::fail);

}  // namespace confscope::store::detail
