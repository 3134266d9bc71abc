#include "command_wrappers.hpp"

#include <algorithm>
#include <initializer_list>

#include "common.hpp"

namespace claude_code {

namespace {

bool in(std::string_view word, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// Short options of a wrapper that take the next word as their value ("sudo -u deploy").
bool option_takes_value(std::string_view wrapper, std::string_view option) {
    if (option.size() != 2 || option[0] != '-') return false;
    const char c = option[1];
    auto any_of = [&](std::string_view letters) {
        return letters.find(c) != std::string_view::npos;
    };
    if (wrapper == "sudo") return any_of("ughpCDrtUT");
    if (wrapper == "doas") return any_of("uC");
    if (wrapper == "env") return any_of("uCS");
    if (wrapper == "xargs") return any_of("InPLdEsa");
    if (wrapper == "timeout") return any_of("sk");
    if (wrapper == "nice" || wrapper == "ionice") return any_of("ncp");
    if (wrapper == "time" || wrapper == "strace" || wrapper == "ltrace") return any_of("foeps");
    if (wrapper == "watch") return any_of("n");
    if (wrapper == "runuser" || wrapper == "su") return any_of("ugs");
    if (wrapper == "exec") return any_of("a");
    if (wrapper == "pkexec") return false;
    return false;
}

// Wrappers with one positional argument before the command: a duration, a folder, a lock file.
bool takes_positional(std::string_view wrapper) {
    return in(wrapper, {"timeout", "chroot", "flock"});
}

bool is_flag(const std::string& w) {
    return w.size() > 1 && w.starts_with('-');
}

}  // namespace

bool privileged_wrapper(std::string_view name) {
    return in(name, {"sudo", "doas", "pkexec", "su", "runuser", "gsudo", "run0"});
}

bool command_wrapper(std::string_view name) {
    return privileged_wrapper(name) ||
           in(name,
              {"env",    "xargs",  "nohup",  "timeout", "exec",       "command",  "builtin",
               "nice",   "ionice", "time",   "stdbuf",  "setsid",     "unbuffer", "watch",
               "strace", "ltrace", "chroot", "flock",   "caffeinate", "chronic",  "parallel"});
}

std::size_t wrapped_command(std::string_view name, const std::vector<std::string>& words,
                            std::size_t at) {
    std::size_t i = at + 1;
    bool positional_done = !takes_positional(name);
    while (i < words.size()) {
        const std::string& w = words[i];
        if (w == "--") return i + 1;
        if (is_flag(w)) {
            i += option_takes_value(name, w) ? 2 : 1;
        } else if (w.find('=') != std::string::npos && !w.starts_with('=') && !w.starts_with('*')) {
            ++i;  // env VAR=value
        } else if (!positional_done && !w.starts_with('*')) {
            positional_done = true;
            ++i;
        } else {
            break;
        }
    }
    return std::min(i, words.size());
}

std::string program_name(std::string_view word) {
    std::string name = command_name(word);
    std::size_t end = name.size();
    while (end > 1 && ((name[end - 1] >= '0' && name[end - 1] <= '9') || name[end - 1] == '.'))
        --end;
    if (end < name.size() && name[end - 1] >= 'a' && name[end - 1] <= 'z') name.resize(end);
    return name;
}

}  // namespace claude_code
