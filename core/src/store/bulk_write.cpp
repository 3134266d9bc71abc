#include "bulk_write.hpp"

#include <charconv>
#include <memory>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace confscope::store::detail {

namespace {

std::string column_list(const RowBatch& batch) {
    std::string list;
    for (const std::string& column : batch.columns())
        list += (list.empty() ? "" : ", ") + column;
    return list;
}

// -- SQLite: one prepared statement, bound and stepped per row
// -------------------------------------

void insert_sqlite(soci::session& sql, const RowBatch& batch, OnConflict on_conflict) {
    using namespace sqlite_api;
    sqlite3* db = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
    std::string query = "INSERT INTO " + batch.table() + " (" + column_list(batch) + ") VALUES (";
    for (std::size_t i = 0; i < batch.columns().size(); ++i)
        query += i == 0 ? "?" : ", ?";
    query += on_conflict == OnConflict::ignore ? ") ON CONFLICT DO NOTHING" : ")";
    const auto fail = [&](int code) {
        throw NativeError(
            std::string(sqlite3_errmsg(db)) + " (inserting into " + batch.table() + ")", "",
            code & 0xff, false);
    };
    sqlite3_stmt* raw = nullptr;
    if (const int rc = sqlite3_prepare_v2(db, query.c_str(), -1, &raw, nullptr); rc != SQLITE_OK)
        fail(rc);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, &sqlite3_finalize);
    const std::size_t width = batch.columns().size();
    for (std::size_t row = 0; row < batch.rows(); ++row) {
        for (std::size_t column = 0; column < width; ++column) {
            const int index = static_cast<int>(column) + 1;
            const Value& value = batch.cell(row, column);
            int rc = SQLITE_OK;
            if (const auto* i = std::get_if<std::int64_t>(&value)) {
                rc = sqlite3_bind_int64(raw, index, *i);
            } else if (const auto* d = std::get_if<double>(&value)) {
                rc = sqlite3_bind_double(raw, index, *d);
            } else if (const auto* s = std::get_if<std::string>(&value)) {
                rc = sqlite3_bind_text64(raw, index, s->data(), s->size(), SQLITE_STATIC,
                                         SQLITE_UTF8);
            } else {
                rc = sqlite3_bind_null(raw, index);
            }
            if (rc != SQLITE_OK) fail(rc);
        }
        if (const int rc = sqlite3_step(raw); rc != SQLITE_DONE) fail(rc);
        sqlite3_reset(raw);
    }
}

// -- PostgreSQL: COPY ... FROM STDIN in text format
// ---------------------------------------------------

class PgResult {
  public:
    explicit PgResult(PGresult* result) : result_(result) {}
    ~PgResult() { PQclear(result_); }
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    [[nodiscard]] PGresult* get() const { return result_; }

  private:
    PGresult* result_;
};

[[noreturn]] void throw_pg(PGconn* conn, PGresult* result, const std::string& doing) {
    std::string message = result != nullptr ? PQresultErrorMessage(result) : "";
    if (message.empty()) message = PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    throw NativeError(message + " (" + doing + ")", state != nullptr ? state : "", 0,
                      PQstatus(conn) == CONNECTION_BAD);
}

void run_pg(PGconn* conn, const std::string& command) {
    const PgResult result(PQexec(conn, command.c_str()));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw_pg(conn, result.get(), command.substr(0, 48));
}

// COPY's text format: a tab between columns, a newline after each row, \N for NULL, and backslash
// escapes for the four bytes that would break the framing.
void append_copy_text(std::string& out, const std::string& text) {
    for (const char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out.push_back(c);
        }
    }
}

template <typename Number>
void append_number(std::string& out, Number value) {
    char digits[32];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof(digits), value);
    out.append(digits, end);
}

void copy_rows(PGconn* conn, const std::string& target, const RowBatch& batch) {
    const std::string doing = "copying rows into " + batch.table();
    {
        const PgResult started(
            PQexec(conn, ("COPY " + target + " (" + column_list(batch) + ") FROM STDIN").c_str()));
        if (PQresultStatus(started.get()) != PGRES_COPY_IN) throw_pg(conn, started.get(), doing);
    }
    constexpr std::size_t kChunk = 1 << 20;
    std::string buffer;
    buffer.reserve(kChunk + 4096);
    bool sent = true;
    const auto flush = [&] {
        if (sent && !buffer.empty())
            sent = PQputCopyData(conn, buffer.data(), static_cast<int>(buffer.size())) == 1;
        buffer.clear();
    };
    const std::size_t width = batch.columns().size();
    for (std::size_t row = 0; row < batch.rows() && sent; ++row) {
        for (std::size_t column = 0; column < width; ++column) {
            if (column > 0) buffer.push_back('\t');
            const Value& value = batch.cell(row, column);
            if (const auto* i = std::get_if<std::int64_t>(&value)) {
                append_number(buffer, *i);
            } else if (const auto* d = std::get_if<double>(&value)) {
                append_number(buffer, *d);
            } else if (const auto* s = std::get_if<std::string>(&value)) {
                append_copy_text(buffer, *s);
            } else {
                buffer += "\\N";
            }
        }
        buffer.push_back('\n');
        if (buffer.size() >= kChunk) flush();
    }
    flush();
    // End the stream even after a failed send, so the connection leaves the COPY state.
    const bool ended = PQputCopyEnd(conn, sent ? nullptr : "confscope: sending rows failed") == 1;
    bool failed = !sent || !ended;
    std::unique_ptr<PgResult> error;
    while (PGresult* raw = PQgetResult(conn)) {
        auto result = std::make_unique<PgResult>(raw);
        if (PQresultStatus(raw) != PGRES_COMMAND_OK && !error) {
            failed = true;
            error = std::move(result);
        }
        if (PQstatus(conn) == CONNECTION_BAD) break;
    }
    if (failed) throw_pg(conn, error ? error->get() : nullptr, doing);
}

void insert_postgresql(soci::session& sql, const RowBatch& batch, OnConflict on_conflict) {
    PGconn* conn = static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
    if (on_conflict == OnConflict::fail) {
        copy_rows(conn, batch.table(), batch);
        return;
    }
    // COPY cannot skip duplicates: stage the rows in a temporary table (gone at the end of the
    // transaction), then insert what is new.
    const std::string staging = "confscope_staged_" + batch.table();
    run_pg(conn, "CREATE TEMP TABLE IF NOT EXISTS " + staging + " (LIKE " + batch.table() +
                     " INCLUDING DEFAULTS) ON COMMIT DROP");
    copy_rows(conn, staging, batch);
    const std::string columns = column_list(batch);
    run_pg(conn, "INSERT INTO " + batch.table() + " (" + columns + ") SELECT " + columns +
                     " FROM " + staging + " ON CONFLICT DO NOTHING");
    run_pg(conn, "DELETE FROM " + staging);
}

}  // namespace

void insert_rows(soci::session& sql, Backend backend, const RowBatch& batch,
                 OnConflict on_conflict) {
    if (batch.rows() == 0) return;
    if (batch.cell_count() != batch.rows() * batch.columns().size())
        throw std::logic_error("RowBatch for " + batch.table() + ": a row is incomplete");
    if (backend == Backend::sqlite) {
        insert_sqlite(sql, batch, on_conflict);
    } else {
        insert_postgresql(sql, batch, on_conflict);
    }
}

}  // namespace confscope::store::detail
