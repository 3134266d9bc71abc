// Output for people and for machines: aligned tables with optional colour on a terminal, and
// JSON documents (--json) written with RapidJSON.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <confscope/sdk/types.hpp>

namespace confscope::host {

enum class ColorMode { never, always };

/// Where a command writes. stdout carries results; stderr carries progress, warnings and errors.
class Output {
  public:
    Output(std::ostream& out, std::ostream& err, ColorMode color)
        : out_(out), err_(err), color_(color) {}

    std::ostream& out() { return out_; }
    std::ostream& err() { return err_; }
    [[nodiscard]] bool color() const { return color_ == ColorMode::always; }

    /// The severity name, coloured when colour is on.
    [[nodiscard]] std::string severity(sdk::Severity s) const;
    [[nodiscard]] std::string severity(std::string_view name) const;
    /// `text` in the colour of `severity` when colour is on ("FAILED" in red).
    [[nodiscard]] std::string in_severity_color(std::string_view text,
                                                sdk::Severity severity) const;
    /// Bold text when colour is on.
    [[nodiscard]] std::string bold(std::string_view text) const;
    [[nodiscard]] std::string dim(std::string_view text) const;

    /// One error line on stderr: "confscope: error: <message>".
    void error(std::string_view message);

  private:
    std::ostream& out_;
    std::ostream& err_;
    ColorMode color_;
};

/// A table of text cells, printed with aligned columns. Cells may hold colour escapes.
class Table {
  public:
    explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    void print(std::ostream& out) const;

  private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

/// A JSON document under construction (pretty-printed).
using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

/// Writes `s` as a JSON string value.
inline void json_string(JsonWriter& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
/// Writes a key and a string value.
inline void json_field(JsonWriter& w, std::string_view key, std::string_view value) {
    json_string(w, key);
    json_string(w, value);
}
/// Writes a key and an integer value.
inline void json_field(JsonWriter& w, std::string_view key, long long value) {
    json_string(w, key);
    w.Int64(value);
}
/// Writes a key and a raw JSON value (already serialized, e.g. an item's data).
void json_raw_field(JsonWriter& w, std::string_view key, std::string_view raw_json);

/// Display width of text without colour escapes (code points).
std::size_t display_width(std::string_view text);

}  // namespace confscope::host
