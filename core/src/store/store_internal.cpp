#include "store_internal.hpp"

namespace confscope::store::detail {

std::string one_line(const std::string& text) {
    std::string line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string part = text.substr(start, end - start);
        while (!part.empty() && (part.back() == ' ' || part.back() == '\r' || part.back() == '\t'))
            part.pop_back();
        while (!part.empty() && (part.front() == ' ' || part.front() == '\t'))
            part.erase(part.begin());
        if (!part.empty()) line += (line.empty() ? "" : line.back() == '.' ? " " : "; ") + part;
        start = end + 1;
    }
    return line;
}

}  // namespace confscope::store::detail
