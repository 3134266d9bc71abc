#include "output.hpp"

#include <algorithm>
#include <ostream>

namespace confscope::host {

namespace {
constexpr std::string_view kReset = "\033[0m";

std::string_view severity_color(std::string_view name) {
    if (name == "critical") return "\033[1;35m";
    if (name == "high") return "\033[1;31m";
    if (name == "medium") return "\033[33m";
    if (name == "low") return "\033[36m";
    return "\033[2m";
}
}  // namespace

std::string Output::severity(sdk::Severity s) const {
    return severity(sdk::to_string(s));
}

std::string Output::severity(std::string_view name) const {
    if (!color()) return std::string(name);
    return std::string(severity_color(name)) + std::string(name) + std::string(kReset);
}

std::string Output::in_severity_color(std::string_view text, sdk::Severity severity) const {
    if (!color()) return std::string(text);
    return std::string(severity_color(sdk::to_string(severity))) + std::string(text) +
           std::string(kReset);
}

std::string Output::bold(std::string_view text) const {
    return color() ? "\033[1m" + std::string(text) + std::string(kReset) : std::string(text);
}

std::string Output::dim(std::string_view text) const {
    return color() ? "\033[2m" + std::string(text) + std::string(kReset) : std::string(text);
}

void Output::error(std::string_view message) {
    err_ << "confscope: " << (color() ? "\033[31merror\033[0m" : "error") << ": " << message
         << '\n';
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\033') {  // skip an escape sequence up to its final letter
            while (i < text.size() && !(text[i] >= 'A' && text[i] <= 'z' && text[i] != '['))
                ++i;
            continue;
        }
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++width;
    }
    return width;
}

void Table::print(std::ostream& out) const {
    std::vector<std::size_t> widths(header_.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    };
    measure(header_);
    for (const auto& row : rows_)
        measure(row);
    auto line = [&](const std::vector<std::string>& row) {
        std::string text;
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
            text += row[c];
            if (c + 1 < row.size()) text += std::string(widths[c] - display_width(row[c]) + 2, ' ');
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out << text << '\n';
    };
    line(header_);
    for (const auto& row : rows_)
        line(row);
}

void json_raw_field(JsonWriter& w, std::string_view key, std::string_view raw_json) {
    json_string(w, key);
    w.RawValue(raw_json.data(), raw_json.size(), rapidjson::kObjectType);
}

}  // namespace confscope::host
