#include "data_sources.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <utility>

#include "command_wrappers.hpp"
#include "common.hpp"
#include "hook_behaviour.hpp"
#include "sensitive_paths.hpp"
#include "shell_scan.hpp"

namespace claude_code {

namespace {

constexpr int kMaxDepth = 4;              // nested command substitutions followed
constexpr int kMaxVariableDepth = 32;     // variables defined from variables, followed
constexpr std::size_t kMaxValues = 4096;  // assignments kept per script
constexpr std::size_t kMaxPerName = 16;   // assignments kept per variable

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

bool flag(std::string_view w) {
    return w.size() > 1 && w.starts_with('-');
}

bool name_char(char c) {
    return c == '_' || std::isalnum(static_cast<unsigned char>(c));
}

// "NAME=value" (or NAME+=value): the name, or "".
std::string assigned_name(std::string_view w) {
    const auto eq = w.find('=');
    if (eq == std::string_view::npos || eq == 0) return {};
    std::size_t end = eq;
    if (w[end - 1] == '+') --end;
    if (end == 0 || std::isdigit(static_cast<unsigned char>(w[0]))) return {};
    for (std::size_t i = 0; i < end; ++i) {
        if (!name_char(w[i])) return {};
    }
    return std::string(w.substr(0, end));
}

// Words that open or continue a compound command; the command proper follows them.
bool keyword(std::string_view w) {
    return in(w, {"if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "fi", "done",
                  "esac", "time"});
}

Carried first_of(const Carried& a, const Carried& b) {
    // Real data wins over a credential variable (which counts in a body only).
    if (a && !a.credential_variable) return a;
    if (b && !b.credential_variable) return b;
    return a ? a : b;
}

}  // namespace

StageParts stage_parts(const std::vector<std::string>& words) {
    StageParts s;
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        const std::size_t len = redirection_length(w);
        if (len == 0) {
            rest.push_back(w);
            continue;
        }
        std::size_t digits = 0;
        while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits])))
            ++digits;
        const std::string op = w.substr(digits, len - digits);
        std::string target = w.substr(len);
        if (target.empty() && op != "<<" && i + 1 < words.size()) target = words[++i];
        if (op == "<<<") {
            s.here_words.push_back(target);
        } else if (op == "<" || op == "<>") {
            s.read_files.push_back(target);
        } else if (op.starts_with('>') && (digits == 0 || w.substr(0, digits) == "1") &&
                   !target.starts_with('&')) {
            s.stdout_redirected = true;
        } else if (op.starts_with("&>")) {
            s.stdout_redirected = true;
        }
    }
    std::size_t i = 0;
    while (i < rest.size() && (keyword(rest[i]) || !assigned_name(rest[i]).empty())) {
        if (!keyword(rest[i])) s.assignments.push_back(rest[i]);
        ++i;
    }
    while (i < rest.size()) {
        const std::string name = program_name(unmarked(rest[i]));
        if (!command_wrapper(name)) break;
        s.wrappers.push_back(name);
        i = wrapped_command(name, rest, i);
    }
    if (i < rest.size()) {
        s.program_word = unmarked(rest[i]);
        s.program = program_name(s.program_word);
        s.args.assign(rest.begin() + static_cast<std::ptrdiff_t>(i) + 1, rest.end());
    }
    return s;
}

namespace {

// The operands of a command: its words that are not options (nor their values).
std::vector<std::string> operands(const std::vector<std::string>& args,
                                  std::initializer_list<std::string_view> options_with_value) {
    std::vector<std::string> out;
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!options_done && a == "--") {
            options_done = true;
        } else if (!options_done && flag(a)) {
            if (in(a, options_with_value)) ++i;
        } else {
            out.push_back(a);
        }
    }
    return out;
}

// The field names a jq filter reads (".tool_input.file_path" -> tool_input, file_path).
std::vector<std::string> jq_fields(std::string_view filter) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < filter.size(); ++i) {
        if (filter[i] != '.') continue;
        std::size_t end = i + 1;
        const bool quoted = end < filter.size() && filter[end] == '"';
        if (quoted) ++end;
        const std::size_t from = end;
        while (end < filter.size() && name_char(filter[end]))
            ++end;
        if (end > from) out.emplace_back(filter.substr(from, end - from));
        i = end - 1 + (quoted ? 1 : 0);
    }
    return out;
}

// A jq filter that picks only what describes the event, not what it carries: the tool's name,
// the session, the folder, a file's path, a notification's text.
bool metadata_filter(std::string_view filter) {
    const std::vector<std::string> fields = jq_fields(filter);
    if (fields.empty()) return false;  // "." or "@base64": everything
    return std::all_of(fields.begin(), fields.end(), [](const std::string& f) {
        return in(f, {"tool_name",
                      "hook_event_name",
                      "session_id",
                      "cwd",
                      "permission_mode",
                      "stop_hook_active",
                      "notification_type",
                      "message",
                      "title",
                      "source",
                      "reason",
                      "trigger",
                      "matcher",
                      "agent_type",
                      "transcript_path",
                      "tool_input",
                      "file_path",
                      "path",
                      "notebook_path",
                      "success",
                      "url",
                      "tool_use_id",
                      "description",
                      "subagent_type"});
    });
}

// jq: what the filter reads and the files after it; jq -n reads nothing.
struct JqCall {
    std::string filter;
    std::vector<std::string> files;
    std::vector<std::string> arg_values;  // --arg NAME VALUE
    std::vector<std::string> slurped;     // --rawfile/--slurpfile NAME FILE
    bool null_input = false;
};

JqCall parse_jq(const std::vector<std::string>& args) {
    JqCall j;
    bool have_filter = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (in(a, {"--arg", "--argjson"}) && i + 2 < args.size()) {
            j.arg_values.push_back(args[i + 2]);
            i += 2;
        } else if (in(a, {"--rawfile", "--slurpfile"}) && i + 2 < args.size()) {
            j.slurped.push_back(args[i + 2]);
            i += 2;
        } else if (in(a, {"-f", "--from-file", "--indent", "-L"}) && i + 1 < args.size()) {
            ++i;
            have_filter = have_filter || a == "-f" || a == "--from-file";
        } else if (a == "-n" || a == "--null-input" ||
                   (a.size() > 1 && a[0] == '-' && a[1] != '-' &&
                    a.find('n') != std::string::npos)) {
            j.null_input = true;
        } else if (flag(a)) {
            continue;
        } else if (!have_filter) {
            j.filter = a;
            have_filter = true;
        } else {
            j.files.push_back(a);
        }
    }
    return j;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
        std::string quoted = unmarked(w);
        if (quoted.find_first_of(" \t|;&<>") != std::string::npos) {
            std::string q = "'";
            for (const char c : quoted) {
                if (c == '\'') {
                    q += "'\\''";
                } else {
                    q.push_back(c);
                }
            }
            quoted = q + "'";
        }
        out += (out.empty() ? "" : " ") + quoted;
    }
    return out;
}

std::string short_text(std::string_view text) {
    std::string t(text);
    if (t.size() > 60) {
        std::size_t cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80)
            --cut;
        t = t.substr(0, cut) + "…";
    }
    return t;
}

bool mentions_transcript(std::string_view text) {
    const std::string l = to_lower(text);
    return l.find("transcript") != std::string::npos ||
           l.find(".claude/projects") != std::string::npos;
}

}  // namespace

bool secret_variable_name(std::string_view raw) {
    const std::string n = to_lower(raw);
    if (in(n, {"pwd", "oldpwd", "key", "token"})) return false;
    for (const std::string_view not_secret :
         {"_path", "_file", "_url", "_uri", "_dir", "_name", "_type", "_len", "_length", "_count",
          "_limit", "_id", "_endpoint", "_host"}) {
        if (n.ends_with(not_secret) && n != "aws_access_key_id") return false;
    }
    if (n == "aws_access_key_id") return true;
    for (const std::string_view part :
         {"secret", "password", "passwd", "api_key", "apikey", "private_key", "credential"}) {
        if (n.find(part) != std::string::npos) return true;
    }
    for (const std::string_view suffix :
         {"_key", "_token", "_pass", "_pat", "_auth", "_creds", "_pw", "_pwd"}) {
        if (n.ends_with(suffix)) return true;
    }
    return n == "token" || n.ends_with("token");
}

ShellData::ShellData(std::string_view script, std::string stdin_name)
    : stdin_name_(std::move(stdin_name)) {
    collect(script);
}

void ShellData::collect(std::string_view script) {
    auto store = [&](const std::string& name, Value v) {
        std::vector<Value>& list = values_[name];
        if (list.size() >= kMaxPerName || stored_ >= kMaxValues) return;
        list.push_back(std::move(v));
        ++stored_;
    };
    for (const ShellPipeline& p : pipelines(tokenize(script, kDataWords))) {
        auto shared = std::make_shared<ShellPipeline>(p);
        for (std::size_t i = 0; i < p.stages.size(); ++i) {
            const std::vector<std::string>& words = p.stages[i].words;
            const StageParts s = stage_parts(words);
            for (const std::string& a : s.assignments) {
                store(assigned_name(a), Value{a.substr(a.find('=') + 1), nullptr, 0});
            }
            if (in(s.program, {"export", "local", "declare", "typeset", "readonly"})) {
                for (const std::string& a : s.args) {
                    if (const std::string name = assigned_name(a); !name.empty())
                        store(name, Value{a.substr(a.find('=') + 1), nullptr, 0});
                }
            } else if (in(s.program, {"read", "mapfile", "readarray"})) {
                for (const std::string& name :
                     operands(s.args, {"-p", "-d", "-n", "-N", "-t", "-u", "-a", "-C", "-c"})) {
                    store(name, Value{{}, shared, i});
                }
                for (std::size_t k = 0; k + 1 < s.args.size(); ++k) {
                    if (s.args[k] == "-a") store(s.args[k + 1], Value{{}, shared, i});
                }
            }
        }
    }
}

bool ShellData::computed(std::string_view name) const {
    const auto it = values_.find(std::string(name));
    if (it == values_.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(), [](const Value& v) {
        return v.pipeline || v.word.find("$(") != std::string::npos ||
               v.word.find('`') != std::string::npos;
    });
}

Carried ShellData::variable(const std::string& name) const {
    if (const auto hit = cache_.find(name); hit != cache_.end()) return hit->second;
    if (evaluating_.contains(name) || variable_depth_ > kMaxVariableDepth) return {};
    Carried result;
    const auto it = values_.find(name);
    if (it != values_.end()) {
        evaluating_.insert(name);
        ++variable_depth_;
        for (const Value& v : it->second) {
            const Carried c = v.pipeline ? input_of(*v.pipeline, v.stage) : word(v.word);
            result = first_of(result, c);
            if (result && !result.credential_variable) break;
        }
        --variable_depth_;
        evaluating_.erase(name);
    } else if (in(name, {"CLAUDE_TOOL_INPUT", "CLAUDE_TOOL_OUTPUT", "CLAUDE_USER_PROMPT",
                         "TOOL_INPUT", "TOOL_OUTPUT", "HOOK_INPUT", "INPUT_JSON"})) {
        result = {"the hook's input ($" + name + ")", false, true};
    } else if (secret_variable_name(name)) {
        result = {"$" + name + " (a secret from the environment)", true};
    }
    cache_[name] = result;
    return result;
}

Carried ShellData::word(std::string_view w) const {
    Carried result;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const char c = w[i];
        if (c == '`') {
            const auto close = w.find('`', i + 1);
            const std::size_t end = close == std::string_view::npos ? w.size() : close;
            result = first_of(result, script_output(w.substr(i + 1, end - i - 1)));
            i = end;
        } else if (c == '$' && i + 1 < w.size()) {
            const char next = w[i + 1];
            if (next == '(') {
                const std::size_t end = substitution_end(w, i);
                const bool arithmetic = i + 2 < w.size() && w[i + 2] == '(';
                if (!arithmetic) {
                    const std::size_t body_end = end > i + 2 && w[end - 1] == ')' ? end - 1 : end;
                    result = first_of(result, script_output(w.substr(i + 2, body_end - i - 2)));
                }
                i = end - 1;
            } else if (next == '{') {
                const auto close = w.find('}', i + 2);
                const std::size_t end = close == std::string_view::npos ? w.size() : close;
                std::size_t n = i + 2;
                while (n < end && name_char(w[n]))
                    ++n;
                if (n > i + 2)
                    result = first_of(result, variable(std::string(w.substr(i + 2, n - i - 2))));
                // ${X:-$(…)}: a default computed in place.
                if (n < end) result = first_of(result, word(w.substr(n, end - n)));
                i = end;
            } else if (name_char(next) && !std::isdigit(static_cast<unsigned char>(next))) {
                std::size_t n = i + 1;
                while (n < w.size() && name_char(w[n]))
                    ++n;
                result = first_of(result, variable(std::string(w.substr(i + 1, n - i - 1))));
                i = n - 1;
            }
        }
        if (result && !result.credential_variable) break;
    }
    return result;
}

Carried ShellData::script_output(std::string_view script) const {
    if (depth_ > kMaxDepth) return {};
    ++depth_;
    Carried result;
    for (const ShellPipeline& p : pipelines(tokenize(script, kDataWords))) {
        if (p.stages.empty()) continue;
        result = first_of(result, output_of(p, p.stages.size() - 1));
        if (result && !result.credential_variable) break;
    }
    --depth_;
    return result;
}

Carried ShellData::file(std::string_view path_word, const Carried& stdin_data) const {
    const std::string path = unmarked(path_word);
    if (path == "/dev/null") return {};
    if (path == "-" || path == "/dev/stdin" || path == "/dev/fd/0") return stdin_data;
    const std::string named = expanded_text(path_word);
    if (mentions_transcript(named)) return {"the session transcript", false};
    const std::string home = home_relative(named);
    if (const std::string what = credential_file(home); !what.empty())
        return {what + " (" + home + ")", false};
    if (history_file(home)) return {"the shell history (" + home + ")", false};
    if (home.ends_with(".claude/history.jsonl")) return {"Claude Code's prompt history", false};
    if (home.starts_with("/proc/") && home.ends_with("/environ")) return {"the environment", false};
    return {"the file " + short_text(home), false};
}

std::string ShellData::expanded_text(std::string_view w) const {
    std::string out = unmarked(w);
    // "$T", "${T}" -> the value T was given first, once (enough to name what a path points to).
    for (std::size_t at = out.find('$'); at != std::string::npos && at + 1 < out.size();
         at = out.find('$', at + 1)) {
        const bool braced = out[at + 1] == '{';
        std::size_t n = at + (braced ? 2 : 1);
        const std::size_t from = n;
        while (n < out.size() && name_char(out[n]))
            ++n;
        const auto it = values_.find(out.substr(from, n - from));
        if (it == values_.end() || it->second.empty() || it->second.front().pipeline) continue;
        // A computed value names nothing better than the variable does ("$(mktemp)").
        if (it->second.front().word.find("$(") != std::string::npos ||
            it->second.front().word.find('`') != std::string::npos)
            continue;
        if (braced && n < out.size() && out[n] == '}') ++n;
        const std::string value = unmarked(it->second.front().word);
        out.replace(at, n - at, value);
        at += value.size();
        if (out.size() > 1024) break;
    }
    return out;
}

std::vector<Carried> ShellData::stage_inputs(const ShellPipeline& p) const {
    // What the pipe carries into each stage, in one pass: a long pipeline costs one walk.
    std::vector<Carried> inputs;
    inputs.reserve(p.stages.size());
    Carried flowing{stdin_name_, false, true};
    for (std::size_t k = 0; k < p.stages.size(); ++k) {
        const StageParts s = stage_parts(p.stages[k].words);
        Carried input = flowing;
        if (!s.here_words.empty()) {
            input = word(s.here_words.back());
        } else if (!s.read_files.empty()) {
            input = file(s.read_files.back(), flowing);
        }
        inputs.push_back(input);
        if (k + 1 == p.stages.size()) break;
        const bool own_stdin = k == 0 && s.here_words.empty() && s.read_files.empty();
        flowing = output(p, k, input, own_stdin);
    }
    return inputs;
}

Carried ShellData::input_of(const ShellPipeline& p, std::size_t index) const {
    ShellPipeline head;
    head.stages.assign(p.stages.begin(), p.stages.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                                index + 1, p.stages.size())));
    const std::vector<Carried> inputs = stage_inputs(head);
    return index < inputs.size() ? inputs[index] : Carried{};
}

Carried ShellData::output_of(const ShellPipeline& p, std::size_t index) const {
    const StageParts s = stage_parts(p.stages[index].words);
    const bool own_stdin = index == 0 && s.here_words.empty() && s.read_files.empty();
    return output(p, index, input_of(p, index), own_stdin);
}

Carried ShellData::output(const ShellPipeline& p, std::size_t index, const Carried& input,
                          bool own_stdin) const {
    const StageParts s = stage_parts(p.stages[index].words);
    if (s.stdout_redirected) return {};
    const std::string& prog = s.program;
    const std::vector<std::string>& a = s.args;
    // Programs that read their input or the files they name and write what they read.
    auto files_or_input = [&](const std::vector<std::string>& files) -> Carried {
        Carried r;
        for (const std::string& f : files)
            r = first_of(r, file(f, input));
        return files.empty() ? input : r;
    };
    const bool env_wrapper =
        std::find(s.wrappers.begin(), s.wrappers.end(), "env") != s.wrappers.end();
    if (prog.empty()) {
        return env_wrapper ? Carried{"the environment", false} : Carried{};
    }
    if (s.wrappers.size() && s.wrappers.back() == "xargs") {
        // xargs cat / xargs base64: the files its input names.
        if (in(prog, {"cat", "head", "tail", "base64", "gzip", "xxd", "strings", "tac", "jq"})) {
            return mentions_transcript(joined(p.stages[index > 0 ? index - 1 : 0].words))
                       ? Carried{"the session transcript", false}
                       : Carried{"the files named by its input", false};
        }
        return {};
    }
    if (in(prog, {"echo", "printf", "print"})) {
        Carried r;
        for (const std::string& w : a) {
            if (!flag(w)) r = first_of(r, word(w));
        }
        return r;
    }
    if (in(prog, {"env", "printenv", "set", "export", "declare", "typeset", "compgen"})) {
        const std::vector<std::string> ops = operands(a, {});
        if (prog == "printenv" && !ops.empty()) return variable(unmarked(ops.front()));
        if (prog == "compgen" && std::find(a.begin(), a.end(), "-e") == a.end()) return {};
        if (ops.empty() || prog == "env") return {"the environment", false};
        return {};
    }
    if (in(prog, {"cat",   "tac",    "nl",      "less",    "more",  "base64",   "base32", "basenc",
                  "xxd",   "od",     "hexdump", "strings", "gzip",  "gunzip",   "zcat",   "bzip2",
                  "xz",    "zstd",   "rev",     "fold",    "iconv", "dos2unix", "column", "fmt",
                  "paste", "expand", "uniq",    "tee",     "gpg",   "age"})) {
        if (prog == "tee") return input;
        return files_or_input(operands(a, {"-w", "-o", "-r", "-e", "-f", "-t", "-s"}));
    }
    if (in(prog, {"head", "tail"})) return files_or_input(operands(a, {"-n", "-c"}));
    if (in(prog, {"cut", "sort", "tr", "sed", "awk", "gawk", "mawk", "grep", "egrep", "fgrep", "rg",
                  "ag", "yq"})) {
        if (in(prog, {"grep", "egrep", "fgrep", "rg", "ag"}) &&
            std::any_of(a.begin(), a.end(), [](const std::string& w) {
                return in(w, {"--quiet", "--silent", "--count", "--files-with-matches"}) ||
                       (w.size() > 1 && w[0] == '-' && w[1] != '-' &&
                        w.find_first_of("qlLc") != std::string::npos);
            }))
            return {};
        if (prog == "tr") return input;
        std::vector<std::string> ops =
            prog == "cut"    ? operands(a, {"-d", "-f", "-c", "-b"})
            : prog == "sort" ? operands(a, {"-k", "-t", "-o", "-S", "-T"})
            : prog == "sed"  ? operands(a, {"-e", "-f"})
            : in(prog, {"awk", "gawk", "mawk"})
                ? operands(a, {"-f", "-v", "-F"})
                : operands(a, {"-e", "-f", "-m", "-A", "-B", "-C", "--regexp", "--file",
                               "--max-count", "-g", "--glob", "-t", "--type"});
        const bool program_given = std::any_of(
            a.begin(), a.end(), [](const std::string& w) { return w == "-e" || w == "-f"; });
        if (!in(prog, {"cut", "sort"}) && !program_given && !ops.empty()) ops.erase(ops.begin());
        return files_or_input(ops);
    }
    if (prog == "jq") {
        const JqCall j = parse_jq(a);
        Carried r;
        for (const std::string& v : j.arg_values)
            r = first_of(r, word(v));
        for (const std::string& f : j.slurped)
            r = first_of(r, file(f, input));
        if (j.null_input) return r;
        Carried read = files_or_input(j.files);
        // The hook's own input, filtered down to what only describes the event.
        if (j.files.empty() && input.hook_input && metadata_filter(unmarked(j.filter))) read = {};
        return first_of(read, r);
    }
    if (prog == "git" && !a.empty()) {
        const std::vector<std::string> ops = operands(a, {"-C", "-c"});
        const std::string sub = ops.empty() ? "" : unmarked(ops.front());
        const bool patch = std::any_of(a.begin(), a.end(), [](const std::string& w) {
            return w == "-p" || w == "--patch" || w == "-u";
        });
        if (in(sub, {"diff", "show", "format-patch", "archive", "bundle", "cat-file", "blame"}) ||
            (in(sub, {"log", "stash"}) && patch))
            return {"the repository's files (git " + sub + ")", false};
        return {};
    }
    if (in(prog, {"pbpaste", "wl-paste"}) ||
        (in(prog, {"xclip", "xsel"}) && std::any_of(a.begin(), a.end(),
                                                    [](const std::string& w) {
                                                        return w == "-o" || w == "--output" ||
                                                               w == "-out";
                                                    })) ||
        prog == "get-clipboard")
        return {"the clipboard", false};
    if (prog == "history" || (prog == "fc" && std::find(a.begin(), a.end(), "-l") != a.end()))
        return {"the shell history", false};
    if (in(prog, {"tar", "zip", "7z", "sqlite3"})) {
        for (const std::string& f : operands(a, {"-f", "-C", "-x"})) {
            if (const Carried c = file(f, input); c) return c;
        }
        return {};
    }
    if (in(prog, {"security", "secret-tool"})) {
        if (std::string why = credential_read(prog + " " + joined(a)); !why.empty())
            return {"a stored secret (" + why + ")", false};
        return {};
    }
    if (in(prog, {"python", "node", "ruby", "perl", "php", "deno", "bun"})) {
        // An inline script that reads its standard input passes it on.
        for (std::size_t i = 0; i + 1 < a.size(); ++i) {
            if (!in(a[i], {"-c", "-e", "-E", "--eval", "-r"})) continue;
            const std::string code = to_lower(unmarked(a[i + 1]));
            for (const std::string_view reads : {"stdin", "<>", "readfilesync(0", "/dev/stdin"}) {
                if (code.find(reads) != std::string::npos) return input;
            }
            return {};
        }
        return {};
    }
    // What reports on its input or on the machine, but not the input itself.
    if (in(prog,
           {"wc",           "md5sum",   "sha1sum",      "sha256sum", "sha512sum",   "shasum",
            "cksum",        "b2sum",    "md5",          "date",      "pwd",         "basename",
            "dirname",      "realpath", "readlink",     "hostname",  "whoami",      "id",
            "uname",        "ps",       "uptime",       "test",      "[",           "[[",
            "true",         "false",    "sleep",        "ls",        "find",        "du",
            "df",           "stat",     "file",         "which",     "type",        "curl",
            "wget",         "http",     "https",        "osascript", "notify-send", "say",
            "tput",         "uuidgen",  "seq",          "expr",      "bc",          "mktemp",
            "tty",          "logname",  "users",        "nproc",     "free",        "sw_vers",
            "node_version", "npm",      "git-rev-parse"})) {
        return {};
    }
    // Anything else in a pipeline passes on what it reads; at the start, the hook's own input
    // is its business (a formatter, a validator): what it prints is not known to be that input.
    return own_stdin ? Carried{} : input;
}

}  // namespace claude_code
