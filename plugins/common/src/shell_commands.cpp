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

// Whether `word` hands `program` its code on the command line: `sh -c`, `bash -lc`,
// `python3 -c`, `node -e`/`-p`/`--eval`/`--print`, `perl -e`/`-E`/`-lne`, `ruby -e`, `php -r`.
bool inline_code_flag(std::string_view program, std::string_view word) {
    const bool cluster = word.size() >= 2 && word[0] == '-' && word[1] != '-' &&
                         std::all_of(word.begin() + 1, word.end(), [](char c) {
                             return std::isalpha(static_cast<unsigned char>(c)) != 0;
                         });
    if (program.ends_with("sh")) return posix_command_flag(word);
    if (program.starts_with("python")) return cluster && word.back() == 'c';
    if (program == "node")
        return word == "-e" || word == "-p" || word == "--eval" || word == "--print";
    if (program == "perl") return cluster && (word.back() == 'e' || word.back() == 'E');
    if (program == "ruby") return cluster && word.back() == 'e';
    if (program == "php") return word == "-r";
    return false;
}

// What a shell or an interpreter does with what is piped into it, from the words after its
// name: with no script it runs its input (`| sh`, `| python3`, `| bash -s -- --flag`,
// `| node -`); with a script file or inline code its input is data (`| python3 -c "import
// json…"`, `| node parse.js`), unless that code runs what it reads (`exec(sys.stdin.read())`,
// `eval "$(cat)"`).
bool runs_its_input(std::string_view program, std::string_view after_name) {
    // The program's words end at an operator, or at a quote, backquote or parenthesis that
    // closes the text the command sits in (`sh -c "curl … | sh"`, Markdown's `…| bash`).
    const std::string_view words = after_name.substr(0, after_name.find_first_of("|;&`\"')\n"));
    std::size_t at = 0;
    while (at < words.size()) {
        while (at < words.size() && std::isspace(static_cast<unsigned char>(words[at])))
            ++at;
        if (at >= words.size()) break;
        std::size_t stop = at;
        while (stop < words.size() && !std::isspace(static_cast<unsigned char>(words[stop])))
            ++stop;
        const std::string_view word = words.substr(at, stop - at);
        if (word == "-" || word == "/dev/stdin" || (program.ends_with("sh") && word == "-s"))
            return true;
        if (inline_code_flag(program, word)) {
            static const RE2 executes_input(
                R"(\b(exec|eval|compile|source|runpy\.\w+|Function)\s*\(|\beval\b|/dev/stdin|\$\(\s*cat\s*\)|\bsource\b|(^|[\s;&|'"])\.\s+-?\s)",
                case_insensitive());
            const std::string_view code = after_name.substr(stop);
            return RE2::PartialMatch(re2::StringPiece(code.data(), code.size()), executes_input);
        }
        if (!word.starts_with('-')) return false;  // a script file: the input is its data
        at = stop;
    }
    return true;
}

// curl/wget/fetch piped into a shell or an interpreter that runs what it reads.
bool pipes_download_into_program(std::string_view text) {
    static const RE2 pipe(
        R"(\b(?:curl|wget|fetch)\b[^|;&]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?((?:ba|z|da|k|fi)?sh|python3?|node|perl|ruby|php)\b)",
        case_insensitive());
    const re2::StringPiece input(text.data(), text.size());
    std::array<re2::StringPiece, 2> groups;
    std::size_t start = 0;
    while (start < text.size() &&
           pipe.Match(input, start, text.size(), RE2::UNANCHORED, groups.data(), 2)) {
        const std::size_t after =
            static_cast<std::size_t>(groups[0].data() - text.data()) + groups[0].size();
        const std::string program = to_lower(std::string_view(groups[1].data(), groups[1].size()));
        if (runs_its_input(program, text.substr(after))) return true;
        start = after;
    }
    return false;
}

}  // namespace

bool downloads_and_executes(std::string_view command) {
    // Every pattern below needs one of these words; most commands hold none of them, and one
    // pass over the text is cheaper than ten regular expressions.
    static const RE2 anchors(
        "curl|wget|fetch|iwr|irm|invoke-|iex|base64|xxd|openssl|powershell|pwsh|downloadstring",
        case_insensitive());
    if (!RE2::PartialMatch(re2::StringPiece(command.data(), command.size()), anchors)) return false;
    static const RE2 patterns[] = {
        // a shell or source reading a download: sh -c "$(curl …)", bash <(curl …), . <(wget …)
        RE2(R"(\b(ba|z|da|k)?sh\s+(-\w+\s+)*["']?\$\(\s*(curl|wget)\b)", case_insensitive()),
        RE2(R"((\b(ba|z)?sh|\bsource|(^|[;&|]\s*)\.)\s+<\(\s*(curl|wget)\b)", case_insensitive()),
        RE2(R"(\beval\s+["']?\$\(\s*(curl|wget)\b)", case_insensitive()),
        // PowerShell: iwr/irm … | iex, Invoke-Expression (New-Object Net.WebClient).DownloadString
        RE2(R"(\b(iwr|irm|invoke-webrequest|invoke-restmethod)\b[^;]*\|\s*(iex|invoke-expression)\b)",
            case_insensitive()),
        RE2(R"(\b(iex|invoke-expression)\b.*\b(downloadstring|iwr|irm|invoke-webrequest)\b)",
            case_insensitive()),
        // Hidden code decoded and run: base64 -d / xxd -r / openssl base64 -d feeding a shell
        // or an interpreter, or run through eval, sh -c "$(…)", bash <(…).
        RE2(R"(\b(base64\s+(-\w+\s+)*(-d|-D|--decode)|xxd\s+(-\w+\s+)*-r|openssl\s+(base64|enc)\b[^|;&]*\s-d)\b[^|;&]*\|\s*(sudo\s+)?(-\S+\s+)*((ba|z|da|k|fi)?sh|python3?|node|perl|ruby|php|iex|invoke-expression)\b)",
            case_insensitive()),
        RE2(R"((\beval|\b(ba|z|da|k)?sh\s+(-\w+\s+)*|\bsource|(^|[;&|]\s*)\.)\s*["']?(\$\(|<\()[^)]*\b(base64\s+(-\w+\s+)*(-d|-D|--decode)|xxd\s+(-\w+\s+)*-r))",
            case_insensitive()),
        RE2(R"(\[(System\.)?Convert\]::FromBase64String\b.*\b(iex|invoke-expression)\b|\b(iex|invoke-expression)\b.*\bFromBase64String\b|\b(powershell|pwsh)(\.exe)?\s+(-\w+\s+)*-(e|ec|enc|encodedcommand)\s+[A-Za-z0-9+/=]{16,})",
            case_insensitive()),
    };
    const re2::StringPiece text(command.data(), command.size());
    if (pipes_download_into_program(command)) return true;
    for (const RE2& re : patterns) {
        if (RE2::PartialMatch(text, re)) return true;
    }
    return runs_downloaded_file(command);
}

namespace {

bool is_python(std::string_view name) {
    static const RE2 python(R"((python|pypy)(\d+(\.\d+)*)?(w)?|py)");
    return RE2::FullMatch(re2::StringPiece(name.data(), name.size()), python);
}

bool one_of(std::string_view text, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), text) != words.end();
}

// A cluster of single-letter options ending in `letter`: "-c", "-uc", "-lne", "-E".
bool cluster_ending_in(std::string_view arg, std::string_view letters) {
    if (arg.size() < 2 || arg[0] != '-' || arg[1] == '-') return false;
    for (const char c : arg.substr(1)) {
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    return letters.find(arg.back()) != std::string_view::npos;
}

// "NAME=value" as `env` takes it.
bool is_assignment(std::string_view arg) {
    const auto eq = arg.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    return std::all_of(arg.begin(), arg.begin() + static_cast<std::ptrdiff_t>(eq), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
}

// The program a pass-through wrapper runs: `env [-i] [NAME=value…] prog`, `nohup prog`,
// `nice [-n N] prog`, `cmd /c prog`. Returns the program's index into args, or nothing when the
// command is not such a wrapper.
std::optional<std::size_t> wrapped_program(std::string_view command,
                                           const std::vector<std::string>& args) {
    const std::string name = command_name(command);
    std::size_t i = 0;
    if (name == "env") {
        while (i < args.size() && (args[i].starts_with('-') || is_assignment(args[i]))) {
            if (args[i] == "-u" || args[i] == "--unset" || args[i] == "-C" || args[i] == "-S") ++i;
            ++i;
        }
    } else if (name == "nohup" || name == "nice" || name == "exec" || name == "time") {
        while (i < args.size() && args[i].starts_with('-')) {
            if (args[i] == "-n") ++i;
            ++i;
        }
    } else if (name == "cmd") {
        if (args.empty() || to_lower(args[0]) != "/c") return std::nullopt;
        i = 1;
    } else {
        return std::nullopt;
    }
    if (i >= args.size()) return std::nullopt;
    return i;
}

std::optional<InlineCode> direct_inline_code(const std::string& name,
                                             const std::vector<std::string>& args,
                                             std::size_t from) {
    auto found = [&](std::string interpreter, std::size_t i,
                     bool inline_value = false) -> std::optional<InlineCode> {
        const std::size_t code = inline_value ? i : i + 1;
        if (code >= args.size()) return std::nullopt;
        return InlineCode{std::move(interpreter), args[i].substr(0, args[i].find('=')), i, code};
    };
    if (is_python(name)) {
        for (std::size_t i = from; i < args.size(); ++i) {
            const std::string& a = args[i];
            if (cluster_ending_in(a, "c")) return found(name, i);
            if (a == "-m" || !a.starts_with('-') || a == "-")
                return std::nullopt;  // module, script
            if (a == "-W" || a == "-X" || a == "--check-hash-based-pycs") ++i;
        }
        return std::nullopt;
    }
    if (name == "node" || name == "nodejs" || name == "bun") {
        for (std::size_t i = from; i < args.size(); ++i) {
            const std::string& a = args[i];
            if (one_of(a, {"-e", "--eval", "-p", "--print", "-pe", "-ep"})) return found(name, i);
            if (a.starts_with("--eval=") || a.starts_with("--print="))
                return found(name, i, /*inline_value=*/true);
            if (!a.starts_with('-')) return std::nullopt;  // a script, or a bun subcommand
            if (one_of(a, {"-r", "--require", "--import", "--loader", "--experimental-loader",
                           "--env-file", "--input-type", "--conditions", "-C"}))
                ++i;
        }
        return std::nullopt;
    }
    if (name == "perl" || name == "ruby") {
        for (std::size_t i = from; i < args.size(); ++i) {
            const std::string& a = args[i];
            if (cluster_ending_in(a, name == "perl" ? "eE" : "e")) return found(name, i);
            if (!a.starts_with('-') || a == "-" || a == "--") return std::nullopt;
            if (a == "-I" || a == "-M" || a == "-r" || (name == "ruby" && a == "-C")) ++i;
        }
        return std::nullopt;
    }
    if (name == "php" || name == "osascript" || name == "rscript" || name == "lua") {
        const std::string_view flag = name == "php" ? "-r" : "-e";
        for (std::size_t i = from; i < args.size(); ++i) {
            if (args[i] == flag) return found(name, i);
            if (!args[i].starts_with('-')) return std::nullopt;
        }
        return std::nullopt;
    }
    if (name == "deno") {
        std::size_t i = from;
        while (i < args.size() && args[i].starts_with('-'))
            ++i;
        if (i >= args.size() || args[i] != "eval") return std::nullopt;
        for (std::size_t k = i + 1; k < args.size(); ++k) {
            if (args[k].starts_with('-')) continue;
            return InlineCode{"deno eval", "eval", i, k};
        }
    }
    return std::nullopt;
}

RE2::Options quiet_case_insensitive() {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    return options;
}

}  // namespace

std::optional<InlineCode> inline_code(std::string_view command,
                                      const std::vector<std::string>& args) {
    if (const auto program = wrapped_program(command, args)) {
        return direct_inline_code(command_name(args[*program]), args, *program + 1);
    }
    return direct_inline_code(command_name(command), args, 0);
}

bool inline_code_downloads_and_executes(std::string_view interpreter, std::string_view code) {
    // What fetches from the network, in the languages above (or a shell tool inside them).
    static const RE2 fetches(
        R"(urlopen|urllib|urlretrieve|\brequests\.(get|post|request)|\bhttpx\.|http\.client|)"
        R"(\bfetch\s*\(|\bhttps?\.(get|request)\s*\(|require\s*\(\s*['"`](node:)?https?['"`]|)"
        R"(from\s+['"](node:)?https?['"]|\baxios\b|net::http|open-uri|\buri\.open|lwp::|)"
        R"(http::tiny|io::socket|\bsocket\.(socket|create_connection)|\bnet\.(connect|socket)|)"
        R"(\bnew\s+websocket|\b(curl|wget)\b|invoke-webrequest|downloadstring|\bdeno\.connect)",
        quiet_case_insensitive());
    // What executes code or starts programs.
    static const RE2 executes(
        R"(\b(exec|eval|execfile|compile)\s*\(|\bsubprocess\b|\bos\.(system|popen|exec\w*|spawn\w*)|)"
        R"(\bpty\.spawn|child_process|\bexec(sync|filesync)?\s*\(|\bspawn(sync)?\s*\(|)"
        R"(\bnew\s+function\b|\bvm\.run|\bsystem\s*\(|\bpopen|\bdeno\.(run|command)|)"
        R"(\binstance_eval|\brunpy\b|marshal\.loads|pickle\.loads|do\s+shell\s+script|)"
        R"(\|\s*(ba|z|da)?sh\b|\bqx\s*[({/])",
        quiet_case_insensitive());
    // import("https://…") fetches and executes in one step (Node, Deno, Bun).
    static const RE2 remote_import(R"(\bimport\s*\(\s*['"`]https?:)", quiet_case_insensitive());
    const re2::StringPiece text(code.data(), code.size());
    if (RE2::PartialMatch(text, remote_import)) return true;
    if (!RE2::PartialMatch(text, fetches)) return false;
    if (RE2::PartialMatch(text, executes)) return true;
    // Backquotes run a command in Perl and Ruby (in JavaScript they are template literals).
    return (interpreter == "perl" || interpreter == "ruby") &&
           code.find('`') != std::string_view::npos;
}

namespace {

bool is_privilege_tool(std::string_view name) {
    return one_of(name, {"sudo", "doas", "pkexec", "su", "run0", "runas", "gsudo", "sudo-rs"});
}

}  // namespace

std::optional<PrivilegeTool> privilege_tool(std::string_view command,
                                            const std::vector<std::string>& args) {
    // "sudo node server.js" written whole into the command.
    const std::string first_word(command.substr(0, command.find(' ')));
    if (const std::string name = command_name(first_word); is_privilege_tool(name))
        return PrivilegeTool{name, std::nullopt};
    if (const auto program = wrapped_program(command, args)) {
        if (const std::string name = command_name(args[*program]); is_privilege_tool(name))
            return PrivilegeTool{name, *program};
    }
    if (const auto wrapper = shell_wrapper(command, args);
        wrapper && wrapper->flag_index + 1 < args.size()) {
        // The script's first command, or one after an operator: "sudo …", "cd x && sudo …".
        static const RE2 starts_privileged(
            R"((?:^|[;&|(]\s*|\bexec\s+)(sudo|doas|pkexec|su|run0|gsudo)(?:\s|$))");
        const std::string& script = args[wrapper->flag_index + 1];
        std::string tool;
        if (RE2::PartialMatch(re2::StringPiece(script.data(), script.size()), starts_privileged,
                              &tool))
            return PrivilegeTool{tool, wrapper->flag_index + 1};
    }
    return std::nullopt;
}

}  // namespace confscope::plugin_common
