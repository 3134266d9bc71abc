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

std::string damaged_message(const std::string& display, const std::string& cause) {
    return "store " + display + " is damaged (" + cause +
           "); nothing was written to it. Restore your newest backup into a new store "
           "(confscope --db NEW.db db restore BACKUP) and use that one, or salvage what is "
           "readable with sqlite3 " +
           display + " .recover; confscope db status shows the check";
}

}  // namespace confscope::store::detail
