#include "message.hpp"

#include <array>
#include <optional>

namespace custom {

namespace {

constexpr std::array<std::string_view, 7> kPlaceholders = {"key",  "pointer", "file", "value",
                                                           "line", "target",  "scope"};
constexpr std::size_t kMaxValueBytes = 120;

std::optional<std::string_view> placeholder(std::string_view name, const MessageFields& f,
                                            std::string& number) {
    if (name == "key") return f.key;
    if (name == "pointer") return f.pointer;
    if (name == "file") return f.file;
    if (name == "value") return f.value;
    if (name == "target") return f.target;
    if (name == "scope") return f.scope;
    if (name == "line") {
        number = std::to_string(f.line);
        return number;
    }
    return std::nullopt;
}

}  // namespace

Check check_template(std::string_view text, std::string_view field) {
    const std::string name(field);
    if (text.find_first_of("\r\n") != std::string_view::npos) {
        return Problem{name + " spans several lines",
                       "keep " + name + " to one line; put details in help"};
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '}') {
            if (i + 1 < text.size() && text[i + 1] == '}') {
                ++i;
                continue;
            }
            return Problem{name + " has a '}' without '{'", "write }} for a literal brace"};
        }
        if (text[i] != '{') continue;
        if (i + 1 < text.size() && text[i + 1] == '{') {
            ++i;
            continue;
        }
        const std::size_t end = text.find('}', i);
        if (end == std::string_view::npos) {
            return Problem{name + " has a '{' without '}'",
                           "close the placeholder, or write {{ for a literal brace"};
        }
        const std::string_view placeholder_name = text.substr(i + 1, end - i - 1);
        bool known = false;
        for (std::string_view p : kPlaceholders)
            known = known || p == placeholder_name;
        if (!known) {
            return Problem{
                name + " uses the unknown placeholder {" + std::string(placeholder_name) + "}",
                "use {key}, {pointer}, {file}, {value}, {line}, {target} or {scope} "
                "(write {{ for a literal brace)"};
        }
        i = end;
    }
    return std::nullopt;
}

std::string render(std::string_view text, const MessageFields& fields) {
    std::string out;
    std::string number;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            out.push_back(c);
            ++i;
            continue;
        }
        if (c == '{') {
            const std::size_t end = text.find('}', i);
            if (end != std::string_view::npos) {
                if (auto value = placeholder(text.substr(i + 1, end - i - 1), fields, number)) {
                    out += *value;
                    i = end;
                    continue;
                }
            }
        }
        out.push_back(c);
    }
    return out;
}

std::string one_line(std::string_view value) {
    std::string out;
    std::size_t cut = value.size();
    if (cut > kMaxValueBytes) {
        cut = kMaxValueBytes;
        // Back up to the first byte of a UTF-8 character.
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80)
            --cut;
    }
    out.reserve(cut + 3);
    for (std::size_t i = 0; i < cut; ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        out.push_back(c < 0x20 || c == 0x7F ? ' ' : value[i]);
    }
    if (cut < value.size()) out += "...";
    return out;
}

}  // namespace custom
