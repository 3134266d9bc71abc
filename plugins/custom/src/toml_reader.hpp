// Strict reading of one rule-file table: every key must be one the schema knows (an unknown key
// fails at once, with a "did you mean"), every value is read with its type checked, and every
// failure is one line, "<file>:<line>:<column>: <what is wrong>; <how to fix>".
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace custom {

/// A rule file was refused. what() is the one-line message.
class RuleFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// "<file>:<line>:<column>" of a place in a rule file (line and column 1 when unknown).
std::string location(std::string_view file, const toml::source_region& at);

/// Throws RuleFileError("<where>: <what>; <fix>").
[[noreturn]] void fail(std::string_view where, std::string_view what, std::string_view fix);

/// The TOML type of a node as people say it ("string", "integer", "table", ...).
std::string_view type_name(const toml::node& node);

/// A string with quotes, for messages: 'value'.
std::string quoted(std::string_view text);

/// One table read key by key.
class TableReader {
  public:
    /// `what` names the table in messages ("[[rule]] TEAM-001", "a condition"). Keys outside
    /// `allowed` are refused here, before any value is read.
    TableReader(std::string file, const toml::table& table, std::string what,
                const std::vector<std::string_view>& allowed);

    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] const toml::table& table() const { return *table_; }
    [[nodiscard]] const std::string& what() const { return what_; }
    void rename(std::string what) { what_ = std::move(what); }

    /// The value at `key`, or nullptr.
    [[nodiscard]] const toml::node* find(std::string_view key) const;
    [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }

    /// "<file>:<line>:<column>" of the value at `key` (of the table itself when absent).
    [[nodiscard]] std::string where(std::string_view key) const;
    [[nodiscard]] std::string where(const toml::node& node) const;
    [[nodiscard]] std::string where_key(std::string_view key) const;

    /// Fail at the value of `key` (at the table when absent).
    [[noreturn]] void fail_at(std::string_view key, std::string_view what,
                              std::string_view fix) const;
    [[noreturn]] void fail_at(const toml::node& node, std::string_view what,
                              std::string_view fix) const;

    /// A required, non-empty string.
    [[nodiscard]] std::string string(std::string_view key, std::string_view fix) const;
    /// An optional string (empty strings are refused).
    [[nodiscard]] std::optional<std::string> optional_string(std::string_view key) const;
    [[nodiscard]] std::optional<bool> optional_bool(std::string_view key) const;
    /// A required, non-empty array of non-empty strings, each with its place.
    struct Item {
        std::string text;
        std::string where;
    };
    [[nodiscard]] std::vector<Item> strings(std::string_view key, std::string_view fix) const;
    /// An optional, non-empty array of tables ([[x]] or [{...}, {...}]); empty when absent.
    [[nodiscard]] std::vector<const toml::table*> tables(std::string_view key,
                                                         std::string_view fix) const;

  private:
    std::string file_;
    const toml::table* table_;
    std::string what_;
};

}  // namespace custom
