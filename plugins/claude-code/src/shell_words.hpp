// A small shell tokenizer for hook commands: words with quotes and escapes removed, and the
// control operators that separate commands. Linear in the input; no regular expressions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claude_code {

struct ShellToken {
    std::string text;
    bool op = false;  ///< an operator: | || && & ; ( ) $( ` <(
};

/// Words and operators of `command` ("2>&1" stays one word).
std::vector<ShellToken> tokenize(std::string_view command);

/// One simple command: the words between two operators.
struct ShellCommand {
    std::vector<std::string> words;
};

/// The simple commands of a token list, in order.
std::vector<ShellCommand> commands(const std::vector<ShellToken>& tokens);

}  // namespace claude_code
