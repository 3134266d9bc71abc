#include "shell_words.hpp"

#include <algorithm>

namespace claude_code {

std::size_t substitution_end(std::string_view s, std::size_t at) {
    // Contexts still open: '(' a parenthesis (the substitution's own first), '"' a double-quoted
    // string inside it. Single-quoted strings and escapes are skipped where they stand.
    std::vector<char> open{'('};
    std::size_t k = at + 2;
    while (k < s.size() && !open.empty()) {
        const char c = s[k];
        if (c == '\\') {
            k += 2;
            continue;
        }
        if (open.back() == '"') {
            if (c == '"') {
                open.pop_back();
            } else if (c == '$' && k + 1 < s.size() && s[k + 1] == '(') {
                open.push_back('(');
                ++k;
            }
            ++k;
            continue;
        }
        if (c == '\'') {
            const auto close = s.find('\'', k + 1);
            k = close == std::string_view::npos ? s.size() : close + 1;
            continue;
        }
        if (c == '"' || c == '(') open.push_back(c);
        if (c == ')') open.pop_back();
        ++k;
    }
    return std::min(k, s.size());
}

std::string unmarked(std::string_view word) {
    std::string out(word);
    for (char& c : out) {
        if (c == kLiteralDollar) c = '$';
        if (c == kLiteralBacktick) c = '`';
    }
    return out;
}

std::vector<ShellToken> tokenize(std::string_view s, TokenizeOptions options) {
    std::vector<ShellToken> out;
    std::string word;
    bool in_word = false;
    auto end_word = [&] {
        if (in_word) out.push_back({word, false});
        word.clear();
        in_word = false;
    };
    auto op = [&](std::string text) {
        end_word();
        out.push_back({std::move(text), true});
    };
    // A character the shell takes literally, marked when asked.
    auto literal = [&](char c) {
        if (options.mark_literals && c == '$') c = kLiteralDollar;
        if (options.mark_literals && c == '`') c = kLiteralBacktick;
        word.push_back(c);
    };
    // Copies s[from, to) verbatim and returns the index of its last character.
    auto verbatim = [&](std::size_t from, std::size_t to) {
        word.append(s.substr(from, to - from));
        return to - 1;
    };
    auto backtick_end = [&](std::size_t at) {
        const auto close = s.find('`', at + 1);
        return close == std::string_view::npos ? s.size() : close + 1;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const char next = i + 1 < s.size() ? s[i + 1] : '\0';
        if (c == ' ' || c == '\t' || c == '\r') {
            end_word();
        } else if (c == '\n' || c == ';') {
            op(";");
        } else if (c == '\'') {
            in_word = true;
            const auto close = s.find('\'', i + 1);
            const std::size_t end = close == std::string_view::npos ? s.size() : close;
            for (std::size_t k = i + 1; k < end; ++k)
                literal(s[k]);
            i = end;
        } else if (c == '"') {
            in_word = true;
            for (++i; i < s.size() && s[i] != '"'; ++i) {
                if (s[i] == '\\' && i + 1 < s.size()) {
                    literal(s[++i]);
                } else if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '(') {
                    i = verbatim(i, substitution_end(s, i));
                } else if (s[i] == '`') {
                    i = verbatim(i, backtick_end(i));
                } else {
                    word.push_back(s[i]);
                }
            }
        } else if (c == '\\' && next != '\0') {
            in_word = true;
            literal(next);
            ++i;
        } else if (c == '|') {
            op(next == '|' ? "||" : "|");
            if (next == '|') ++i;
        } else if (c == '&') {
            if (in_word && word.ends_with('>')) {  // 2>&1
                word.push_back(c);
            } else {
                op(next == '&' ? "&&" : "&");
                if (next == '&') ++i;
            }
        } else if ((c == '$' || c == '<') && next == '(') {
            if (options.keep_substitutions) {
                in_word = true;
                i = verbatim(i, substitution_end(s, i));
            } else {
                op(std::string{c, '('});
                ++i;
            }
        } else if (c == '`' && options.keep_substitutions) {
            in_word = true;
            i = verbatim(i, backtick_end(i));
        } else if (c == '(' || c == ')' || c == '`') {
            op(std::string(1, c));
        } else {
            in_word = true;
            word.push_back(c);
        }
    }
    end_word();
    return out;
}

namespace {

// Counts parentheses: a ')' that closes none opened in the text ends a case pattern ("Mail)",
// "*.sh)"), whose words are no command.
struct Parens {
    int open = 0;
    bool pattern_end(const ShellToken& t) {
        if (!t.op) return false;
        if (t.text == "(" || t.text == "$(" || t.text == "<(") ++open;
        if (t.text != ")") return false;
        if (open > 0) {
            --open;
            return false;
        }
        return true;
    }
};

}  // namespace

std::vector<ShellCommand> commands(const std::vector<ShellToken>& tokens) {
    std::vector<ShellCommand> out(1);
    Parens parens;
    for (const ShellToken& t : tokens) {
        if (parens.pattern_end(t)) out.back().words.clear();
        if (t.op) {
            if (!out.back().words.empty()) out.emplace_back();
        } else {
            out.back().words.push_back(t.text);
        }
    }
    if (out.back().words.empty()) out.pop_back();
    return out;
}

std::vector<ShellPipeline> pipelines(const std::vector<ShellToken>& tokens) {
    std::vector<ShellPipeline> out(1);
    ShellCommand current;
    auto end_stage = [&] {
        if (!current.words.empty()) out.back().stages.push_back(std::move(current));
        current = {};
    };
    Parens parens;
    for (const ShellToken& t : tokens) {
        if (!t.op) {
            current.words.push_back(t.text);
            continue;
        }
        if (parens.pattern_end(t)) current = {};
        end_stage();
        if (t.text != "|" && !out.back().stages.empty()) out.emplace_back();
    }
    end_stage();
    if (out.back().stages.empty()) out.pop_back();
    return out;
}

}  // namespace claude_code
