#include "hook_scripts.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "data_sources.hpp"
#include "hooks.hpp"
#include "text_positions.hpp"

namespace claude_code {

namespace {

constexpr std::size_t kMaxFindings = 100;  // per script: a longer list is reported by its first

struct ScriptLine {
    std::size_t offset = 0;  // where the command starts in the file
    std::string text;
};

bool blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

// A shell line without its comment: "#" at a word start outside quotes ends it.
std::string_view without_comment(std::string_view line) {
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote) quote = 0;
            if (c == '\\' && quote == '"') ++i;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '\\') {
            ++i;
        } else if (c == '#' && (i == 0 || blank(line[i - 1]))) {
            return line.substr(0, i);
        }
    }
    return line;
}

// The word that ends a here-document opened in `line` ("<<EOF", "<<-'END'"), or "".
std::string heredoc_end(std::string_view line) {
    char quote = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            continue;
        }
        if (c != '<' || line[i + 1] != '<' || (i + 2 < line.size() && line[i + 2] == '<')) continue;
        std::size_t k = i + 2;
        if (k < line.size() && line[k] == '-') ++k;
        while (k < line.size() && blank(line[k]))
            ++k;
        std::string word;
        for (; k < line.size() && !blank(line[k]) && line[k] != ';' && line[k] != '|' &&
               line[k] != '&' && line[k] != ')';
             ++k) {
            if (line[k] != '\'' && line[k] != '"' && line[k] != '\\') word.push_back(line[k]);
        }
        return word;
    }
    return {};
}

// The commands of a shell script: lines joined at a trailing \, |, && or ||, comments and
// here-document bodies left out.
std::vector<ScriptLine> shell_lines(std::string_view text) {
    std::vector<ScriptLine> out;
    std::size_t pos = 0;
    std::string heredoc;  // the end word of the here-document being skipped
    ScriptLine current;
    bool continuing = false;
    while (pos < text.size()) {
        const auto newline = text.find('\n', pos);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        const std::string_view raw = text.substr(pos, end - pos);
        const std::size_t line_at = pos;
        pos = end + 1;
        if (!heredoc.empty()) {
            std::string_view t = trimmed(raw);
            while (!t.empty() && t.front() == '\t')
                t.remove_prefix(1);
            if (t == heredoc) heredoc.clear();
            continue;
        }
        const std::string_view code = trimmed(without_comment(raw));
        if (code.empty() && !continuing) continue;
        if (!continuing)
            current = {line_at + (raw.find_first_not_of(" \t") == std::string_view::npos
                                      ? 0
                                      : raw.find_first_not_of(" \t")),
                       {}};
        std::string_view part = code;
        const bool backslash = part.ends_with('\\');
        if (backslash) part.remove_suffix(1);
        if (!current.text.empty()) current.text.push_back(' ');
        current.text.append(part);
        continuing = backslash || part.ends_with('|') || part.ends_with("&&");
        if (std::string word = heredoc_end(code); !word.empty()) {
            heredoc = std::move(word);
            continuing = false;
        }
        if (!continuing) out.push_back(std::move(current));
    }
    if (continuing) out.push_back(std::move(current));
    return out;
}

// ---- Python and JavaScript: the command lines handed to a shell --------------------------------

bool ident_char(char c) {
    return c == '_' || c == '.' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

// A string literal at `at` ('…', "…", `…`, Python prefixes and triple quotes): its text, with
// interpolations ({x}, ${x}) written as shell variables; `end` past it. nullopt when none.
std::optional<std::string> string_literal(std::string_view s, std::size_t at, std::size_t& end) {
    std::size_t i = at;
    bool formatted = false;
    while (i < s.size() && i < at + 2 &&
           std::string_view("fFrRbBuU").find(s[i]) != std::string_view::npos) {
        formatted = formatted || s[i] == 'f' || s[i] == 'F';
        ++i;
    }
    if (i >= s.size() || std::string_view("'\"`").find(s[i]) == std::string_view::npos)
        return std::nullopt;
    const char q = s[i];
    const bool triple = s.substr(i, 3) == std::string(3, q);
    const std::string close = triple ? std::string(3, q) : std::string(1, q);
    i += close.size();
    std::string out;
    while (i < s.size() && s.substr(i, close.size()) != close) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            out.push_back(s[i + 1] == 'n' ? '\n' : s[i + 1]);
            i += 2;
        } else if ((formatted && s[i] == '{') || (q == '`' && s.substr(i, 2) == "${")) {
            const auto close_brace = s.find('}', i);
            const std::size_t stop = close_brace == std::string_view::npos ? s.size() : close_brace;
            // A program's value, unknown here; the home folder by name (Path.home(),
            // os.environ['HOME'], os.homedir()), so that paths under it are recognised.
            out += to_lower(s.substr(i, stop - i)).find("home") != std::string::npos
                       ? "$HOME"
                       : "$INTERPOLATED";
            i = stop == s.size() ? stop : stop + 1;
        } else if (!triple && s[i] == '\n' && q != '`') {
            break;  // an unterminated literal
        } else {
            out.push_back(s[i++]);
        }
    }
    end = std::min(s.size(), i + close.size());
    return out;
}

std::string shell_quoted(std::string_view word) {
    std::string out = "'";
    for (const char c : word) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out.push_back(c);
        }
    }
    return out + "'";
}

// The command line of a call's first argument: a string, or a list of strings ([…] in Python,
// spawn("prog", [...]) in JavaScript) joined as words; "" when it is neither.
std::string command_argument(std::string_view s, std::size_t at) {
    while (at < s.size() && (blank(s[at]) || s[at] == '\n'))
        ++at;
    std::size_t end = 0;
    if (auto literal = string_literal(s, at, end)) {
        std::string line = *literal;
        // spawn("curl", ["-d", "@x", url]): the program and its argument list.
        std::size_t k = end;
        while (k < s.size() && (blank(s[k]) || s[k] == '\n'))
            ++k;
        if (k < s.size() && s[k] == ',') {
            ++k;
            while (k < s.size() && (blank(s[k]) || s[k] == '\n'))
                ++k;
            if (k < s.size() && s[k] == '[') {
                line = shell_quoted(line) + " " + command_argument(s, k);
            }
        }
        return line;
    }
    if (at >= s.size() || s[at] != '[') return {};
    std::string line;
    std::size_t i = at + 1;
    for (int items = 0; i < s.size() && s[i] != ']' && items < 256; ++items) {
        while (i < s.size() && (blank(s[i]) || s[i] == '\n' || s[i] == ','))
            ++i;
        if (i >= s.size() || s[i] == ']') break;
        if (auto literal = string_literal(s, i, end)) {
            // "f=@" + path: one argument.
            std::string word = *literal;
            i = end;
            for (;;) {
                std::size_t k = i;
                while (k < s.size() && blank(s[k]))
                    ++k;
                if (k >= s.size() || s[k] != '+') break;
                ++k;
                while (k < s.size() && blank(s[k]))
                    ++k;
                if (auto next = string_literal(s, k, end)) {
                    word += *next;
                    i = end;
                } else {
                    const std::size_t from = k;
                    while (k < s.size() && s[k] != ',' && s[k] != ']' && s[k] != '+')
                        ++k;
                    word += to_lower(s.substr(from, k - from)).find("home") != std::string::npos
                                ? "$HOME"
                                : "$INTERPOLATED";
                    i = k;
                }
            }
            line += (line.empty() ? "" : " ") + shell_quoted(word);
        } else {
            line += (line.empty() ? "" : " ") + std::string("$INTERPOLATED");
            while (i < s.size() && s[i] != ',' && s[i] != ']')
                ++i;
        }
    }
    return line;
}

// The calls that hand a command line to a shell.
std::vector<ScriptLine> embedded_commands(std::string_view text, ScriptLanguage language) {
    static constexpr std::string_view kPython[] = {"os.system(",
                                                   "os.popen(",
                                                   "subprocess.run(",
                                                   "subprocess.call(",
                                                   "subprocess.check_call(",
                                                   "subprocess.check_output(",
                                                   "subprocess.Popen(",
                                                   "subprocess.getoutput(",
                                                   "subprocess.getstatusoutput(",
                                                   "commands.getoutput(",
                                                   "os.execvp(",
                                                   "os.execv("};
    static constexpr std::string_view kJavaScript[] = {
        "exec(", "execSync(", "execFile(", "execFileSync(", "spawn(", "spawnSync(", "$`"};
    std::vector<ScriptLine> out;
    const bool imports_child_process = text.find("child_process") != std::string_view::npos;
    const auto* begin =
        language == ScriptLanguage::python ? std::begin(kPython) : std::begin(kJavaScript);
    const auto* end =
        language == ScriptLanguage::python ? std::end(kPython) : std::end(kJavaScript);
    for (const auto* call = begin; call != end; ++call) {
        for (std::size_t at = text.find(*call); at != std::string_view::npos;
             at = text.find(*call, at + call->size())) {
            if (out.size() >= kMaxFindings * 4) return out;
            if (language == ScriptLanguage::javascript && *call != "$`") {
                // child_process.exec(…), cp.execSync(…), or exec(…) imported from
                // child_process; not regex.exec(…) nor another object's spawn.
                const std::string_view head = text.substr(0, at);
                const bool member = head.ends_with("child_process.") || head.ends_with("cp.") ||
                                    head.ends_with("childProcess.") ||
                                    head.ends_with("child_process\").");
                const bool bare = at == 0 || !ident_char(text[at - 1]);
                if (!member && !(bare && imports_child_process)) continue;
            }
            if (language == ScriptLanguage::python && at > 0 && ident_char(text[at - 1])) continue;
            std::string line;
            if (*call == "$`") {
                std::size_t literal_end = 0;
                if (auto literal = string_literal(text, at + 1, literal_end)) line = *literal;
            } else {
                line = command_argument(text, at + call->size());
            }
            if (!line.empty()) out.push_back({at, std::move(line)});
        }
    }
    std::sort(out.begin(), out.end(),
              [](const ScriptLine& x, const ScriptLine& y) { return x.offset < y.offset; });
    return out;
}

std::string_view extension_of(std::string_view name) {
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return name.substr(dot + 1);
}

}  // namespace

ScriptLanguage script_language(std::string_view file_name, std::string_view text) {
    const std::string ext = to_lower(extension_of(file_name));
    if (ext == "sh" || ext == "bash" || ext == "zsh") return ScriptLanguage::shell;
    if (ext == "py") return ScriptLanguage::python;
    if (ext == "js" || ext == "mjs" || ext == "cjs" || ext == "ts")
        return ScriptLanguage::javascript;
    if (!ext.empty() || !text.starts_with("#!")) return ScriptLanguage::none;
    const std::string shebang = to_lower(text.substr(0, text.find('\n')).substr(0, 200));
    for (const std::string_view shell : {"/sh", "bash", "zsh", "dash", "ksh", " sh"}) {
        if (shebang.find(shell) != std::string::npos) return ScriptLanguage::shell;
    }
    if (shebang.find("python") != std::string::npos) return ScriptLanguage::python;
    for (const std::string_view js : {"node", "deno", "bun", "tsx", "ts-node"}) {
        if (shebang.find(js) != std::string::npos) return ScriptLanguage::javascript;
    }
    return ScriptLanguage::none;
}

void analyze_hook_script(Analysis& a) {
    const std::string_view text = a.doc.bytes();
    const ScriptLanguage language = script_language(a.file.file_name(), text);
    if (language == ScriptLanguage::none) return;
    const bool shell = language == ScriptLanguage::shell;
    const std::vector<ScriptLine> lines =
        shell ? shell_lines(text) : embedded_commands(text, language);
    // A shell script's variables are known across its lines; an embedded command stands alone.
    const ShellData script_data(shell ? text : std::string_view());
    std::size_t reported = 0;
    for (const ScriptLine& line : lines) {
        const std::optional<ShellData> own =
            shell ? std::nullopt : std::optional<ShellData>(std::in_place, line.text);
        for (const CommandRisk& r : command_risks(line.text, shell ? &script_data : &*own)) {
            if (reported++ >= kMaxFindings) return;
            a.sink.finding(
                r.id, r.severity,
                std::string(shell ? "hook script " : "hook script runs a command that ") + r.what,
                location_at(a.file, text, line.offset));
        }
    }
}

}  // namespace claude_code
