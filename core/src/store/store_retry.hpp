// Internal: the retry loop, transactions and retried reads of Store (member templates shared by
// the store's translation units). Include after <confscope/store/store.hpp>.
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <confscope/log/log.hpp>
#include <confscope/store/store.hpp>

#include "bulk_write.hpp"
#include "store_internal.hpp"

namespace confscope::store {

namespace retry_detail {

// Whether trying again may succeed: the connection dropped or could not be made for a reason
// that passes (refused, starting up, shutting down, too many connections), a serialization
// failure or deadlock, or an SQLite file still locked after the busy timeout.
inline bool transient_sqlstate(const std::string& state) {
    return state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03" ||
           state == "40001" || state == "40P01" || state == "53300";
}

inline bool permanent_connect_failure(const std::string& message) {
    for (const char* reason : {"password authentication failed", "does not exist",
                               "no password supplied", "no pg_hba.conf entry", "not a database",
                               "unable to open database", "permission denied"}) {
        if (message.find(reason) != std::string::npos) return true;
    }
    return false;
}

}  // namespace retry_detail

template <typename Attempt>
Status Store::retrying(const std::string& what, Attempt&& attempt) {
    std::chrono::milliseconds delay = options_.first_backoff;
    std::string operation_cause;  // why the operation itself failed, when it did
    for (int number = 1;; ++number) {
        std::string cause;
        bool transient = false;
        int sqlite_code = 0;
        bool connecting = !session_;
        try {
            if (connecting) {
                if (Status connected = connect(); !connected) return connected;
                connecting = false;
            }
            attempt(*session_, number);
            return Status::ok();
        } catch (const detail::NativeError& e) {
            cause = detail::one_line(e.what());
            transient = e.connection_lost() || retry_detail::transient_sqlstate(e.sqlstate()) ||
                        e.sqlite_code() == 5 || e.sqlite_code() == 6;
            sqlite_code = e.sqlite_code();
        } catch (const soci::postgresql_soci_error& e) {
            cause = detail::one_line(e.what());
            transient = retry_detail::transient_sqlstate(e.sqlstate());
        } catch (const soci::sqlite3_soci_error& e) {
            cause = detail::one_line(e.what());
            transient = e.result() == 5 || e.result() == 6;  // SQLITE_BUSY, SQLITE_LOCKED
            sqlite_code = e.result() & 0xff;
        } catch (const std::exception& e) {
            cause = detail::one_line(e.what());
            const auto* soci_error = dynamic_cast<const soci::soci_error*>(&e);
            transient = connecting
                            ? !retry_detail::permanent_connect_failure(cause)
                            : soci_error != nullptr && soci_error->get_error_category() ==
                                                           soci::soci_error::connection_error;
        }
        // SQLITE_CORRUPT, SQLITE_NOTADB: a damaged file, never worth another attempt.
        if (sqlite_code == 11 || sqlite_code == 26) {
            session_.reset();
            return Status(
                StatusCode::data_loss,
                detail::damaged_message(url_.display, std::string("SQLite: ") +
                                                          sqlite_api::sqlite3_errstr(sqlite_code) +
                                                          ", " + what));
        }
        // A connection that broke must be replaced before the next attempt.
        if (session_ && url_.backend == Backend::postgresql) {
            auto* backend = static_cast<soci::postgresql_session_backend*>(session_->get_backend());
            if (backend == nullptr || backend->conn_ == nullptr ||
                PQstatus(backend->conn_) == CONNECTION_BAD) {
                session_.reset();
                transient = true;
            }
        }
        if (connecting) session_.reset();
        if (!connecting && what != "connecting") operation_cause = cause;
        const std::string failed =
            "store " + url_.display + (connecting ? " is unreachable" : ": " + what + " failed");
        if (!transient || number > options_.retries) {
            // Name the operation that failed even when the last attempt could not reconnect.
            std::string message = failed + ": " + cause;
            if (connecting && !operation_cause.empty())
                message = "store " + url_.display + ": " + what + " failed: " + operation_cause +
                          "; then the store was unreachable: " + cause;
            if (number > 1) message += " (gave up after " + std::to_string(number) + " attempts)";
            return Status::unavailable(message);
        }
        log::warning(failed + " (" + cause + "); retrying in " + std::to_string(delay.count()) +
                     " ms (retry " + std::to_string(number) + " of " +
                     std::to_string(options_.retries) + ")");
        std::this_thread::sleep_for(delay);
        delay = std::min<std::chrono::milliseconds>(delay * 2, std::chrono::seconds(5));
    }
}

template <typename Body>
Status Store::write_transaction(const std::string& what, Body&& body) {
    return retrying(what, [&](soci::session& sql, int number) {
        // SQLite: take the write lock up front, so concurrent writers wait (busy timeout) instead
        // of failing when a read transaction cannot be upgraded.
        sql << (url_.backend == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
        try {
            body(sql, number);
            sql << "COMMIT";
        } catch (...) {
            try {
                sql << "ROLLBACK";
            } catch (...) {
            }
            throw;
        }
    });
}

template <typename T, typename Read>
Result<T> Store::query(const std::string& what, Read&& read) {
    std::optional<Result<T>> value;
    CONFSCOPE_TRY(retrying(what, [&](soci::session& sql, int) { value.emplace(read(sql)); }));
    return std::move(*value);
}

}  // namespace confscope::store
