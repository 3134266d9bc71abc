// confscope/sdk/json.hpp — a tiny JSON builder for inventory item details (confscope_item_v1's
// data_json), so a plugin needs no JSON library.
//
// Values are serialized as they are added; JsonObject and JsonArray own their text.
//
// Example:
//     sdk::JsonObject data;
//     data.set("transport", "stdio").set("command", "npx").set("args", sdk::JsonArray::of(args));
//     sink.item("mcp_server", name, sdk::Scope::project, data, node);
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace confscope::sdk {

/// Append `text` to `out` as a JSON string literal (quotes included), escaping as RFC 8259
/// requires.
inline void append_json_string(std::string& out, std::string_view text) {
    out.push_back('"');
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
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
                if (c < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out.push_back(ch);
                }
        }
    }
    out.push_back('"');
}

class JsonArray;

/// A JSON object under construction. Keys keep insertion order; set() does not deduplicate.
class JsonObject {
  public:
    JsonObject& set(std::string_view key, std::string_view value) {
        append_key(key);
        append_json_string(body_, value);
        return *this;
    }
    JsonObject& set(std::string_view key, const char* value) {
        return set(key, std::string_view(value ? value : ""));
    }
    JsonObject& set(std::string_view key, const std::string& value) {
        return set(key, std::string_view(value));
    }
    JsonObject& set(std::string_view key, bool value) {
        append_key(key);
        body_ += value ? "true" : "false";
        return *this;
    }
    template <typename Integer>
    requires(std::is_integral_v<Integer> &&
             !std::is_same_v<Integer, bool>) JsonObject& set(std::string_view key, Integer value) {
        append_key(key);
        body_ += std::to_string(value);
        return *this;
    }
    JsonObject& set(std::string_view key, const JsonObject& value) {
        append_key(key);
        body_ += value.dump();
        return *this;
    }
    inline JsonObject& set(std::string_view key, const JsonArray& value);
    JsonObject& set_null(std::string_view key) {
        append_key(key);
        body_ += "null";
        return *this;
    }

    [[nodiscard]] bool empty() const { return body_.empty(); }
    /// The serialized object.
    [[nodiscard]] std::string dump() const { return "{" + body_ + "}"; }

  private:
    void append_key(std::string_view key) {
        if (!body_.empty()) body_.push_back(',');
        append_json_string(body_, key);
        body_.push_back(':');
    }
    std::string body_;
};

/// A JSON array under construction.
class JsonArray {
  public:
    /// An array of strings.
    template <typename Range>
    static JsonArray of(const Range& strings) {
        JsonArray array;
        for (const auto& s : strings)
            array.push(std::string_view(s));
        return array;
    }

    JsonArray& push(std::string_view value) {
        separator();
        append_json_string(body_, value);
        return *this;
    }
    JsonArray& push(const JsonObject& value) {
        separator();
        body_ += value.dump();
        return *this;
    }
    [[nodiscard]] bool empty() const { return body_.empty(); }
    [[nodiscard]] std::string dump() const { return "[" + body_ + "]"; }

  private:
    void separator() {
        if (!body_.empty()) body_.push_back(',');
    }
    std::string body_;
};

inline JsonObject& JsonObject::set(std::string_view key, const JsonArray& value) {
    append_key(key);
    body_ += value.dump();
    return *this;
}

}  // namespace confscope::sdk
