#include "shell_words.hpp"

namespace claude_code {

std::vector<ShellToken> tokenize(std::string_view s) {
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
            word.append(s.substr(i + 1, close == std::string_view::npos ? close : close - i - 1));
            i = close == std::string_view::npos ? s.size() : close;
        } else if (c == '"') {
            in_word = true;
            for (++i; i < s.size() && s[i] != '"'; ++i) {
                if (s[i] == '\\' && i + 1 < s.size()) ++i;
                word.push_back(s[i]);
            }
        } else if (c == '\\' && next != '\0') {
            in_word = true;
            word.push_back(next);
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
            op(std::string{c, '('});
            ++i;
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

std::vector<ShellCommand> commands(const std::vector<ShellToken>& tokens) {
    std::vector<ShellCommand> out(1);
    for (const ShellToken& t : tokens) {
        if (t.op) {
            if (!out.back().words.empty()) out.emplace_back();
        } else {
            out.back().words.push_back(t.text);
        }
    }
    if (out.back().words.empty()) out.pop_back();
    return out;
}

}  // namespace claude_code
