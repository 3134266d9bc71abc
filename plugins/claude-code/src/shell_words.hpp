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

/// How tokenize() treats expansions.
struct TokenizeOptions {
    /// `$` and '`' that the shell takes literally (in single quotes, escaped) become
    /// kLiteralDollar and kLiteralBacktick, so that a word's expansions can be told from text
    /// that only looks like one ('{"file": "${file}"}' expands nothing).
    bool mark_literals = false;
    /// Command substitutions ("$(…)", "$((…))", "`…`", "<(…)") stay inside their word, verbatim,
    /// instead of being split into operators and words.
    bool keep_substitutions = false;
};

inline constexpr char kLiteralDollar = '\x01';
inline constexpr char kLiteralBacktick = '\x02';

/// Words and operators of `command` ("2>&1" stays one word).
std::vector<ShellToken> tokenize(std::string_view command, TokenizeOptions options = {});

/// `word` with the literal markers of TokenizeOptions::mark_literals turned back into $ and `.
std::string unmarked(std::string_view word);

/// The position just past the ')' that closes the "$(" or "<(" at `at` (quotes and nested
/// parentheses inside skipped; the end of `text` when it is not closed). Linear, no recursion.
std::size_t substitution_end(std::string_view text, std::size_t at);

/// One simple command: the words between two operators.
struct ShellCommand {
    std::vector<std::string> words;
};

/// The simple commands of a token list, in order.
std::vector<ShellCommand> commands(const std::vector<ShellToken>& tokens);

/// Commands joined by pipes ("a | b | c"): each stage reads what the one before writes.
struct ShellPipeline {
    std::vector<ShellCommand> stages;
};

/// The pipelines of a token list, in order (&&, ||, ;, &, newlines and parentheses end one).
std::vector<ShellPipeline> pipelines(const std::vector<ShellToken>& tokens);

}  // namespace claude_code
