// What data a value in a shell script carries, for HOOK-003 and PI-004: a hook that sends
// something off the machine exfiltrates only when what it sends is worth having — the hook's
// input (stdin: the prompt, tool input and output), a file, the environment, the transcript, the
// clipboard, the shell history or a secret-named environment variable. A message built from
// `date`, `pwd`, `basename`, `hostname`, `$USER`, `$CLAUDE_PROJECT_DIR`, arithmetic and fixed or
// single-quoted text carries nothing: that is a notification.
//
// Words come from tokenize() with mark_literals and keep_substitutions (shell_words.hpp), so
// '{"file": "${file}"}' (single quotes) expands nothing and "$(cat ~/.ssh/id_rsa)" is one word.
// Variables are followed through the script's assignments (X=…, export/local/declare X=…,
// read X), each evaluated once, through chains of up to 32 variables; command substitutions to
// a depth of 4.
//
//     ShellData data("MSG=\"done at $(date)\"; curl -d \"$MSG\" $URL");
//     data.word("$MSG")                  -> {} (nothing)
//     ShellData("").word("$(env)")       -> {"the environment"}
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "shell_words.hpp"

namespace claude_code {

/// What a value carries; empty when nothing worth sending.
struct Carried {
    std::string what;  ///< "the hook's input (stdin)", "an SSH private key (~/.ssh/id_rsa)"
    /// Only a secret-named environment variable ($API_TOKEN): the credential a request sends to
    /// authenticate when it stands in a URL or a header, data only in a body.
    bool credential_variable = false;
    /// The hook's own input (the event JSON), whole or in part.
    bool hook_input = false;
    explicit operator bool() const { return !what.empty(); }
};

/// One command of a pipeline taken apart (words as kDataWords tokenizes them).
struct StageParts {
    std::vector<std::string> assignments;  ///< VAR=value before the program
    std::vector<std::string> wrappers;     ///< sudo, env, timeout, xargs, ... in front of it
    std::string program;                   ///< program_name(): "curl", "python"
    std::string program_word;              ///< as written, unmarked
    std::vector<std::string> args;         ///< without redirections
    std::vector<std::string> read_files;   ///< < FILE
    std::vector<std::string> here_words;   ///< <<< WORD
    bool stdout_redirected = false;        ///< > FILE, &> FILE
};

/// Splits a command's words into assignments, wrappers, program, arguments and redirections
/// (shell keywords such as if, then, do are skipped).
StageParts stage_parts(const std::vector<std::string>& words);

/// The tokenizer options for words given to ShellData.
inline constexpr TokenizeOptions kDataWords{.mark_literals = true, .keep_substitutions = true};

class ShellData {
  public:
    /// `script`: the whole hook command or script, whose assignments name the variables.
    /// `stdin_name`: what the script's own standard input is ("the hook's input (stdin)").
    explicit ShellData(std::string_view script,
                       std::string stdin_name = "the hook's input (stdin)");

    /// What a word carries.
    [[nodiscard]] Carried word(std::string_view word) const;
    /// What the standard input of `stages[index]` carries (its redirections included).
    [[nodiscard]] Carried input_of(const ShellPipeline& pipeline, std::size_t index) const;
    /// The same for every stage, in one pass.
    [[nodiscard]] std::vector<Carried> stage_inputs(const ShellPipeline& pipeline) const;
    /// What a stage writes to its standard output.
    [[nodiscard]] Carried output_of(const ShellPipeline& pipeline, std::size_t index) const;
    /// The contents of the file a word names: "an SSH private key (~/.ssh/id_rsa)", "the session
    /// transcript", "the file ./notes.md"; empty for /dev/null. "-" and /dev/stdin are `stdin`.
    [[nodiscard]] Carried file(std::string_view path, const Carried& stdin_data) const;
    /// A word's text with the variables assigned in the script written out once (for naming).
    [[nodiscard]] std::string expanded_text(std::string_view word) const;
    /// The variable is assigned in the script from a command substitution or read.
    [[nodiscard]] bool computed(std::string_view name) const;

  private:
    struct Value {
        std::string word;                         ///< X=word
        std::shared_ptr<ShellPipeline> pipeline;  ///< read X: the stdin of stages[stage]
        std::size_t stage = 0;
    };
    void collect(std::string_view script);
    [[nodiscard]] Carried variable(const std::string& name) const;
    [[nodiscard]] Carried script_output(std::string_view script) const;
    [[nodiscard]] Carried output(const ShellPipeline& pipeline, std::size_t index,
                                 const Carried& input, bool own_stdin) const;

    std::string stdin_name_;
    std::unordered_map<std::string, std::vector<Value>> values_;
    std::size_t stored_ = 0;
    mutable std::unordered_map<std::string, Carried> cache_;
    mutable std::unordered_set<std::string> evaluating_;
    mutable int depth_ = 0;           ///< command substitutions being evaluated
    mutable int variable_depth_ = 0;  ///< variables being evaluated
};

/// A secret-sounding variable name: *_KEY, *_TOKEN, *_SECRET, *PASSWORD*, *_PASS, *_CREDENTIALS,
/// *_PAT, AWS_ACCESS_KEY_ID ... (not PWD, not *_KEY_ID, *_TOKEN_URL or *_KEY_PATH).
bool secret_variable_name(std::string_view name);

}  // namespace claude_code
