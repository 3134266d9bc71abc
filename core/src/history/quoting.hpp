// Text in double quotes, as the history module's messages show names, rules and commands.
#pragma once

#include <string>
#include <string_view>

namespace confscope::history::detail {

inline std::string in_quotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

}  // namespace confscope::history::detail
