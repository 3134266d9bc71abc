#include <algorithm>
#include <array>
#include <cctype>

#include <re2/re2.h>

#include <confscope/plugin_common/shell_commands.hpp>
#include <confscope/plugin_common/text.hpp>

namespace confscope::plugin_common {

namespace {

bool is_posix_shell(std::string_view name) {
    return name == "sh" || name == "bash" || name == "zsh" || name == "dash" || name == "ksh" ||
           name == "fish";
}

// "-c", "-lc", "-ec", "-xec": a cluster of single-letter options holding c.
bool posix_command_flag(std::string_view arg) {
    if (arg == "--command") return true;
    if (arg.size() < 2 || arg[0] != '-' || arg[1] == '-') return false;
    for (const char c : arg.substr(1)) {
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    return arg.find('c') != std::string_view::npos;
}

// PowerShell accepts any unambiguous prefix of a parameter name, with - or /:
// -c, -Command, -comm; -e, -ec, -enc, -EncodedCommand.
bool powershell_command_flag(std::string_view arg) {
    if (arg.size() < 2 || (arg[0] != '-' && arg[0] != '/')) return false;
    const std::string name = to_lower(arg.substr(1));
    if (name == "ec") return true;
    for (const std::string_view full :
         {std::string_view("command"), std::string_view("encodedcommand")}) {
        if (full.starts_with(name)) return true;
    }
    return false;
}

}  // namespace

bool command_has_shell_syntax(std::string_view command) {
    return command.find_first_of(";|&`") != std::string_view::npos ||
           command.find("$(") != std::string_view::npos;
}

bool argument_has_shell_syntax(std::string_view arg) {
    if (arg.find("$(") != std::string_view::npos || arg.find('`') != std::string_view::npos)
        return true;
    static const RE2 operator_word(R"((^|\s)(\|\||&&|\||;|&)(\s|$))");
    return RE2::PartialMatch(re2::StringPiece(arg.data(), arg.size()), operator_word);
}

std::optional<ShellWrapper> shell_wrapper(std::string_view command,
                                          const std::vector<std::string>& args) {
    const std::string shell = command_name(command);
    if (is_posix_shell(shell)) {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const std::string& a = args[i];
            if (a == "-o" || a == "+o" || a == "-O" || a == "+O") {
                ++i;  // an option name follows
                continue;
            }
            if (posix_command_flag(a)) return ShellWrapper{shell, a, i};
            if (!a.starts_with('-') && !a.starts_with('+')) break;  // a script file: not -c
        }
        return std::nullopt;
    }
    if (shell == "cmd") {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const std::string flag = to_lower(args[i]);
            if (flag != "/c" && flag != "/k" && flag != "/r") {
                if (flag.starts_with('/')) continue;  // /s, /q, /d, ...
                break;
            }
            // cmd /c program args...: a plain pass-through, unless cmd would parse more.
            const bool single_program =
                flag == "/c" && i + 1 < args.size() && args[i + 1].find(' ') == std::string::npos &&
                std::none_of(args.begin() + static_cast<std::ptrdiff_t>(i + 1), args.end(),
                             [](const std::string& rest) {
                                 return rest.find_first_of("&|<>^%") != std::string::npos ||
                                        command_has_shell_syntax(rest);
                             });
            if (single_program) return std::nullopt;
            return ShellWrapper{shell, args[i], i};
        }
        return std::nullopt;
    }
    if (shell == "powershell" || shell == "pwsh") {
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (powershell_command_flag(args[i])) return ShellWrapper{shell, args[i], i};
        }
    }
    return std::nullopt;
}

namespace {

// RE2, not std::regex: linear time, and no recursion a hostile 10 MB command could overflow.
RE2::Options case_insensitive() {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    return options;
}

// "curl … -o /tmp/x.sh && bash /tmp/x.sh", "wget -O x.sh URL; chmod +x x.sh; ./x.sh": the file a
// download writes, run later in the same command.
bool runs_downloaded_file(std::string_view text) {
    static const RE2 download(
        R"(\b(?:curl|wget)\b[^;&|]*?\s(?:-o|-O|--output|--output-document)(?:=|\s+)['"]?([^\s'";&|]+))",
        case_insensitive());
    re2::StringPiece input(text.data(), text.size());
    std::array<re2::StringPiece, 2> groups;
    std::size_t start = 0;
    while (start < text.size() &&
           download.Match(input, start, text.size(), RE2::UNANCHORED, groups.data(), 2)) {
        start = static_cast<std::size_t>(groups[0].data() - text.data()) + groups[0].size();
        const std::string file(groups[1].data(), groups[1].size());
        if (file == "-" || file == "/dev/null") continue;
        const std::string name = RE2::QuoteMeta(file);
        const std::string base = RE2::QuoteMeta(file.substr(file.find_last_of('/') + 1));
        const RE2 run("(\\b((ba|z|da|k)?sh|python3?|node|perl|ruby|source)\\s+(-\\S+\\s+)*" + name +
                          "|(^|[;&|]\\s*)\\.\\s+" + name + "|(^|[;&|]\\s*)(\\./)?" + base +
                          "(\\s|$)|(^|[;&|]\\s*)" + name + "(\\s|$))",
                      case_insensitive());
        if (RE2::PartialMatch(re2::StringPiece(text.data() + start, text.size() - start), run))
            return true;
    }
    return false;
}

}  // namespace

bool downloads_and_executes(std::string_view command) {
    static const RE2 patterns[] = {
        // curl/wget piped into a shell or an interpreter
        RE2(R"(\b(curl|wget|fetch)\b[^|;&]*\|\s*(sudo\s+)?(-\S+\s+)*(ba|z|da|k|fi)?sh\b)",
            case_insensitive()),
        RE2(R"(\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(python3?|node|perl|ruby|php)\b)",
            case_insensitive()),
        // a shell or source reading a download: sh -c "$(curl …)", bash <(curl …), . <(wget …)
        RE2(R"(\b(ba|z|da|k)?sh\s+(-\w+\s+)*["']?\$\(\s*(curl|wget)\b)", case_insensitive()),
        RE2(R"((\b(ba|z)?sh|\bsource|(^|[;&|]\s*)\.)\s+<\(\s*(curl|wget)\b)", case_insensitive()),
        RE2(R"(\beval\s+["']?\$\(\s*(curl|wget)\b)", case_insensitive()),
        // PowerShell: iwr/irm … | iex, Invoke-Expression (New-Object Net.WebClient).DownloadString
        RE2(R"(\b(iwr|irm|invoke-webrequest|invoke-restmethod)\b[^;]*\|\s*(iex|invoke-expression)\b)",
            case_insensitive()),
        RE2(R"(\b(iex|invoke-expression)\b.*\b(downloadstring|iwr|irm|invoke-webrequest)\b)",
            case_insensitive()),
    };
    const re2::StringPiece text(command.data(), command.size());
    for (const RE2& re : patterns) {
        if (RE2::PartialMatch(text, re)) return true;
    }
    return runs_downloaded_file(command);
}

}  // namespace confscope::plugin_common
