#include "shell_scan.hpp"

#include <algorithm>
#include <cctype>

#include "command_wrappers.hpp"
#include "common.hpp"
#include "shell_words.hpp"

namespace claude_code {

namespace {

constexpr int kMaxDepth = 4;

bool assignment(std::string_view w) {
    const auto eq = w.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    if (std::isdigit(static_cast<unsigned char>(w[0]))) return false;
    return std::all_of(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(eq), [](char c) {
        return c == '_' || std::isalnum(static_cast<unsigned char>(c));
    });
}

// Splits redirections off `words`: what remains is the command's own words.
std::vector<std::string> strip_redirections(const std::vector<std::string>& words,
                                            std::vector<Redirect>& redirects) {
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        std::size_t op_end = redirection_length(w);
        std::string before;
        if (op_end == 0 && w.find(' ') == std::string::npos && w.find("://") == std::string::npos) {
            // "x>>file": an operator glued to a word (not "->" or "=>").
            const auto at = w.find_first_of("><");
            if (at != std::string::npos && at > 0 && w[at - 1] != '-' && w[at - 1] != '=' &&
                w[at] == '>') {
                before = w.substr(0, at);
                op_end = at + redirection_length(std::string_view(w).substr(at));
                if (op_end == at) op_end = 0;
            }
        }
        if (op_end == 0) {
            rest.push_back(w);
            continue;
        }
        if (!before.empty()) rest.push_back(before);
        const std::size_t digits = before.empty() ? w.find_first_of("<>&") : before.size();
        const std::string op = w.substr(digits, op_end - digits);
        std::string target = w.substr(op_end);
        if (op.starts_with("<<")) continue;  // here-document or here-string: no file
        if (target.starts_with('&') && target != "&") continue;  // 2>&1: a descriptor
        if (target.empty() || target == "&") {
            if (i + 1 >= words.size()) continue;
            target = words[++i];
        }
        Redirect r;
        r.kind = op.find(">>") != std::string::npos                ? Redirect::Kind::append
                 : op.find('>') != std::string::npos && op != "<>" ? Redirect::Kind::write
                                                                   : Redirect::Kind::read;
        r.target = std::move(target);
        redirects.push_back(std::move(r));
    }
    return rest;
}

// The scripts inside a word: "$(…)" and "`…`" substitutions (quoted ones stay inside words).
std::vector<std::string> substitutions(std::string_view word) {
    std::vector<std::string> out;
    for (std::size_t at = word.find("$("); at != std::string_view::npos;
         at = word.find("$(", at + 2)) {
        int depth = 0;
        std::size_t end = at + 1;
        for (; end < word.size(); ++end) {
            if (word[end] == '(') ++depth;
            if (word[end] == ')' && --depth == 0) break;
        }
        out.emplace_back(word.substr(at + 2, end - at - 2));
    }
    for (std::size_t open = word.find('`'); open != std::string_view::npos;) {
        const auto close = word.find('`', open + 1);
        if (close == std::string_view::npos) break;
        out.emplace_back(word.substr(open + 1, close - open - 1));
        open = word.find('`', close + 1);
    }
    return out;
}

bool posix_shell(std::string_view name) {
    return name == "sh" || name == "bash" || name == "zsh" || name == "dash" || name == "ksh" ||
           name == "fish" || name == "ash" || name == "busybox";
}

// The script a command hands to a shell: sh -c SCRIPT, bash -lc SCRIPT, eval WORDS…,
// su [user] -c SCRIPT, powershell -Command SCRIPT, cmd /c SCRIPT.
std::string script_of(const SimpleCommand& c) {
    const std::vector<std::string>& a = c.args;
    auto after = [&](auto is_flag) -> std::string {
        for (std::size_t i = 0; i + 1 < a.size(); ++i) {
            if (is_flag(a[i])) {
                std::string script = a[i + 1];
                for (std::size_t k = i + 2; k < a.size() && c.program == "cmd"; ++k)
                    script += " " + a[k];
                return script;
            }
        }
        return {};
    };
    if (c.program == "eval") {
        std::string script;
        for (const std::string& w : a)
            script += (script.empty() ? "" : " ") + w;
        return script;
    }
    if (posix_shell(c.program) || c.program == "su" || c.program == "runuser") {
        return after([](const std::string& w) {
            if (w == "--command") return true;
            if (w.size() < 2 || w[0] != '-' || w[1] == '-') return false;
            return std::all_of(
                       w.begin() + 1, w.end(),
                       [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); }) &&
                   w.find('c') != std::string::npos;
        });
    }
    if (c.program == "powershell" || c.program == "pwsh") {
        return after([](const std::string& w) {
            const std::string l = to_lower(w);
            return l == "-c" || l == "-command" || l == "/c" || l == "-comm";
        });
    }
    if (c.program == "cmd") {
        return after([](const std::string& w) {
            const std::string l = to_lower(w);
            return l == "/c" || l == "/k";
        });
    }
    return {};
}

SimpleCommand describe(const std::vector<std::string>& words) {
    SimpleCommand c;
    const std::vector<std::string> w = strip_redirections(words, c.redirects);
    std::size_t i = 0;
    while (i < w.size() && assignment(w[i]))
        c.assignments.push_back(w[i++]);
    while (i < w.size()) {
        const std::string name = program_name(w[i]);
        if (!command_wrapper(name) || name == "su" || name == "runuser") break;
        c.wrappers.push_back(name);
        c.privileged = c.privileged || privileged_wrapper(name);
        const std::size_t next = wrapped_command(name, w, i);
        for (std::size_t k = i + 1; k < next; ++k) {
            if (assignment(w[k])) c.assignments.push_back(w[k]);
        }
        i = next;
    }
    if (i < w.size()) {
        c.program_word = w[i];
        c.program = program_name(w[i]);
        c.args.assign(w.begin() + static_cast<std::ptrdiff_t>(i) + 1, w.end());
    }
    if (c.program == "su" || c.program == "runuser") c.privileged = true;
    return c;
}

void collect(std::string_view text, std::vector<SimpleCommand>& out, int depth) {
    if (depth > kMaxDepth) return;
    for (const ShellCommand& cmd : commands(tokenize(text))) {
        SimpleCommand c = describe(cmd.words);
        std::vector<std::string> nested;
        for (const std::string& word : cmd.words) {
            for (std::string& s : substitutions(word))
                nested.push_back(std::move(s));
        }
        if (std::string script = script_of(c); !script.empty()) nested.push_back(std::move(script));
        out.push_back(std::move(c));
        for (const std::string& script : nested)
            collect(script, out, depth + 1);
    }
}

}  // namespace

std::vector<SimpleCommand> simple_commands(std::string_view command) {
    std::vector<SimpleCommand> out;
    collect(command, out, 0);
    return out;
}

std::string home_relative(std::string_view path) {
    std::string p;
    for (const char ch : path) {
        if (ch == '"' || ch == '\'') continue;
        p.push_back(ch == '\\' ? '/' : ch);
    }
    for (const std::string_view home : {"${HOME}", "$HOME", "%USERPROFILE%", "%userprofile%",
                                        "$env:USERPROFILE", "${env:USERPROFILE}", "$env:HOME"}) {
        if (p.starts_with(home) && (p.size() == home.size() || p[home.size()] == '/'))
            return "~" + p.substr(home.size());
    }
    if (p == "/root" || p.starts_with("/root/")) return "~" + p.substr(5);
    for (const std::string_view base : {"/home/", "/Users/", "C:/Users/", "c:/Users/"}) {
        if (!p.starts_with(base)) continue;
        const auto slash = p.find('/', base.size());
        if (slash == base.size()) break;
        return slash == std::string::npos ? std::string("~") : "~" + p.substr(slash);
    }
    return p;
}

std::size_t redirection_length(std::string_view w) {
    std::size_t i = 0;
    while (i < w.size() && std::isdigit(static_cast<unsigned char>(w[i])))
        ++i;
    if (i == 0 && w.starts_with("&>")) i = 1;
    if (i >= w.size() || (w[i] != '>' && w[i] != '<')) return 0;
    std::size_t end = i + 1;
    while (end < w.size() && end < i + 3 && (w[end] == '>' || w[end] == '<' || w[end] == '|'))
        ++end;
    return end;
}

}  // namespace claude_code
