// confscope/base/status.hpp — errors as values.
//
// Status carries a code from the one status-code table shared with the C ABI
// (<confscope/plugin_api.h>, abseil's canonical numbers) and a message for people. Result<T> is a
// T or a Status. Expected failures (a file that does not parse, a plugin that is refused, a store
// that is unreachable) travel as values; exceptions only abort a run; asserts only catch
// programmer errors.
//
// Example:
//     Result<Document> parse_file(const std::string& path) {
//         CONFSCOPE_ASSIGN_OR_RETURN(std::string bytes, read_all(path));
//         if (bytes.empty()) return Status::invalid_argument(path + ": empty file");
//         return parse(bytes);
//     }
#pragma once

#include <cassert>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <confscope/plugin_api.h>

namespace confscope {

/// The canonical status codes (the same numbers as CONFSCOPE_* in plugin_api.h).
enum class StatusCode : std::int32_t {
    ok = CONFSCOPE_OK,
    cancelled = CONFSCOPE_CANCELLED,
    unknown = CONFSCOPE_UNKNOWN,
    invalid_argument = CONFSCOPE_INVALID_ARGUMENT,
    deadline_exceeded = CONFSCOPE_DEADLINE_EXCEEDED,
    not_found = CONFSCOPE_NOT_FOUND,
    already_exists = CONFSCOPE_ALREADY_EXISTS,
    permission_denied = CONFSCOPE_PERMISSION_DENIED,
    resource_exhausted = CONFSCOPE_RESOURCE_EXHAUSTED,
    failed_precondition = CONFSCOPE_FAILED_PRECONDITION,
    aborted = CONFSCOPE_ABORTED,
    out_of_range = CONFSCOPE_OUT_OF_RANGE,
    unimplemented = CONFSCOPE_UNIMPLEMENTED,
    internal = CONFSCOPE_INTERNAL,
    unavailable = CONFSCOPE_UNAVAILABLE,
    data_loss = CONFSCOPE_DATA_LOSS,
    unauthenticated = CONFSCOPE_UNAUTHENTICATED,
};

/// Lower-case name of a code ("invalid_argument"); "status N" for numbers outside the table.
std::string to_string(StatusCode code);
std::ostream& operator<<(std::ostream& out, StatusCode code);

class [[nodiscard]] Status {
  public:
    Status() = default;
    Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

    static Status ok() { return {}; }
    static Status invalid_argument(std::string m) {
        return {StatusCode::invalid_argument, std::move(m)};
    }
    static Status not_found(std::string m) { return {StatusCode::not_found, std::move(m)}; }
    static Status already_exists(std::string m) {
        return {StatusCode::already_exists, std::move(m)};
    }
    static Status permission_denied(std::string m) {
        return {StatusCode::permission_denied, std::move(m)};
    }
    static Status failed_precondition(std::string m) {
        return {StatusCode::failed_precondition, std::move(m)};
    }
    static Status unavailable(std::string m) { return {StatusCode::unavailable, std::move(m)}; }
    static Status internal(std::string m) { return {StatusCode::internal, std::move(m)}; }
    static Status unimplemented(std::string m) { return {StatusCode::unimplemented, std::move(m)}; }
    static Status cancelled(std::string m) { return {StatusCode::cancelled, std::move(m)}; }
    static Status resource_exhausted(std::string m) {
        return {StatusCode::resource_exhausted, std::move(m)};
    }

    [[nodiscard]] bool is_ok() const { return code_ == StatusCode::ok; }
    explicit operator bool() const { return is_ok(); }
    [[nodiscard]] StatusCode code() const { return code_; }
    [[nodiscard]] const std::string& message() const { return message_; }

    /// A copy whose message is prefixed with `context` ("reading X: " + message).
    [[nodiscard]] Status with_context(std::string_view context) const {
        return {code_, std::string(context) + ": " + message_};
    }

  private:
    StatusCode code_ = StatusCode::ok;
    std::string message_;
};

/// A value of type T, or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
    Result(Status status) : state_(std::move(status)) {  // NOLINT(google-explicit-constructor)
        assert(!std::get<Status>(state_).is_ok() && "a Result needs a value or an error");
    }

    [[nodiscard]] bool is_ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return is_ok(); }

    /// The error; Status::ok() when there is a value.
    [[nodiscard]] Status status() const {
        return is_ok() ? Status::ok() : std::get<Status>(state_);
    }

    T& value() & {
        assert(is_ok());
        return std::get<T>(state_);
    }
    const T& value() const& {
        assert(is_ok());
        return std::get<T>(state_);
    }
    T&& value() && {
        assert(is_ok());
        return std::get<T>(std::move(state_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

  private:
    std::variant<T, Status> state_;
};

}  // namespace confscope

#define CONFSCOPE_CONCAT_INNER(a, b) a##b
#define CONFSCOPE_CONCAT(a, b) CONFSCOPE_CONCAT_INNER(a, b)

/// Return the Status of `expr` from the enclosing function when it is an error.
#define CONFSCOPE_TRY(expr)                                               \
    do {                                                                  \
        ::confscope::Status confscope_try_status_ = (expr);               \
        if (!confscope_try_status_.is_ok()) return confscope_try_status_; \
    } while (false)

// lhs is a declaration and tmp a name: neither can be parenthesized.
// NOLINTBEGIN(bugprone-macro-parentheses)
/// Evaluate `expr` (a Result<T>); on error return its Status, else move the value into `lhs`
/// (a declaration such as `std::string text` or an existing variable).
#define CONFSCOPE_ASSIGN_OR_RETURN(lhs, expr) \
    CONFSCOPE_ASSIGN_OR_RETURN_IMPL(CONFSCOPE_CONCAT(confscope_result_, __LINE__), lhs, expr)
#define CONFSCOPE_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
    auto tmp = (expr);                                  \
    if (!tmp.is_ok()) return tmp.status();              \
    lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
