#include "prose_instructions.hpp"

#include <algorithm>
#include <initializer_list>

#include "common.hpp"
#include "instruction_context.hpp"
#include "sensitive_paths.hpp"
#include "shell_scan.hpp"

namespace claude_code {

namespace {

constexpr std::size_t kMaxPerText = 100;
constexpr std::size_t kMaxTokens = 60;  // a sentence longer than this is read up to here

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

struct Token {
    std::string raw;   // as written, punctuation around it removed
    std::string word;  // lower case
    std::size_t offset = 0;
    bool clause_end = false;  // a comma, colon or semicolon follows it
};

bool trim_char(char c) {
    return std::string_view("()[]{}\"'`*_,;:!?.<>").find(c) != std::string_view::npos;
}

// The tokens of one sentence: words, paths and URLs split at white space.
std::vector<Token> tokens_of(std::string_view sentence, std::size_t base) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < sentence.size() && out.size() < kMaxTokens) {
        while (i < sentence.size() && (sentence[i] == ' ' || sentence[i] == '\t'))
            ++i;
        std::size_t end = i;
        while (end < sentence.size() && sentence[end] != ' ' && sentence[end] != '\t')
            ++end;
        if (end == i) break;
        std::string_view raw = sentence.substr(i, end - i);
        std::size_t from = 0;
        while (from < raw.size() && trim_char(raw[from]) && raw[from] != '.')
            ++from;
        std::string_view core = raw.substr(from);
        const char last = raw.back();
        while (!core.empty() && trim_char(core.back()))
            core.remove_suffix(1);
        // List markers and heading marks are no words: "- Send …" starts with its verb.
        const bool marker = !core.empty() && std::all_of(core.begin(), core.end(), [](char c) {
            return c == '-' || c == '+' || c == '#' || c == '>' || (c >= '0' && c <= '9');
        });
        if (!core.empty() && !marker) {
            Token t;
            t.raw = std::string(core);
            t.word = to_lower(core);
            t.offset = base + i + from;
            t.clause_end = last == ',' || last == ':' || last == ';';
            out.push_back(std::move(t));
        }
        i = end;
    }
    return out;
}

// A verb that gives an order here: first in its sentence or clause, or after a word that leads
// into one ("always send", "then upload", "When done, send").
bool ordered(const std::vector<Token>& t, std::size_t i) {
    if (i == 0 || t[i - 1].clause_end) return true;
    return in(t[i - 1].word, {"always", "then", "also", "just", "please", "first", "finally",
                              "immediately", "automatically", "silently", "quietly", "and", "to",
                              "must", "should", "secretly", "now"});
}

bool url_token(std::string_view w) {
    return w.find("://") != std::string_view::npos || w.starts_with("www.");
}

bool email_token(std::string_view w) {
    const auto at = w.find('@');
    return at != std::string_view::npos && at > 0 && w.find('.', at) != std::string_view::npos &&
           w.find("://") == std::string_view::npos && w.find('/') == std::string_view::npos;
}

// A credential file or folder a token names: "AWS credentials", "a .env file", "~/.ssh".
std::string credential_named(std::string_view raw) {
    const std::string home = home_relative(raw);
    if (std::string what = credential_file(home); !what.empty()) return what;
    if (home == ".env" || home.ends_with("/.env") ||
        (home.starts_with(".env.") && credential_file(home).size()))
        return "a .env file";
    if (home == "~/.ssh" || home == "~/.ssh/" || home == "~/.aws" || home == "~/.aws/")
        return home + " (credentials)";
    return {};
}

bool object_word(const Token& t) {
    return in(t.word,
              {"data",     "credentials", "credential", "secrets",     "secret",     "keys",
               "key",      "tokens",      "token",      "passwords",   "password",   "cookies",
               "files",    "file",        "env",        "environment", "transcript", "conversation",
               "codebase", "pii",         "everything", "results",     "output",     "outputs",
               "contents", "prompts",     "history",    "source"}) ||
           !credential_named(t.raw).empty();
}

// "the collected …", "all …": whatever was gathered, in bulk.
bool bulk_object(const std::vector<Token>& t, std::size_t k) {
    return k > 0 && in(t[k - 1].word, {"collected", "gathered", "harvested", "all"}) &&
           !in(t[k].word, {"the", "of", "to", "a", "an"});
}

// Words that make a generic object harmless: "release files", "build artifacts".
bool harmless_qualifier(std::string_view w) {
    return in(w, {"release", "build", "static", "asset", "assets", "artifact", "artifacts", "test",
                  "dist", "generated", "public", "log", "image", "media", "reset", "sample"});
}

// The destination a token (or the pair at i) names: a URL off the machine, an e-mail address,
// "the endpoint"; "" when none.
std::string destination(const std::vector<Token>& t, std::size_t i) {
    const Token& d = t[i];
    if (url_token(d.raw)) {
        const Url url = parse_url(d.raw.starts_with("www.") ? "https://" + d.raw : d.raw);
        if (url.valid && is_loopback_host(url.host)) return {};
        return url.valid ? url.host : d.raw;
    }
    if (email_token(d.raw)) return d.raw;
    if (in(d.word, {"endpoint", "webhook", "collector"}) && i > 0 &&
        in(t[i - 1].word, {"the", "this", "that", "our", "my", "given", "following", "above"}))
        return t[i - 1].word + " " + d.word;
    return {};
}

// "send" -> "sends", "copy" -> "copies", "fetch" -> "fetches".
std::string third_person(std::string_view verb) {
    if (verb.ends_with('y') && verb.size() > 1 &&
        std::string_view("aeiou").find(verb[verb.size() - 2]) == std::string_view::npos)
        return std::string(verb.substr(0, verb.size() - 1)) + "ies";
    if (verb.ends_with("sh") || verb.ends_with("ch") || verb.ends_with('x') || verb.ends_with('s'))
        return std::string(verb) + "es";
    return std::string(verb) + "s";
}

std::string sentence_text(std::string_view text, const std::vector<Token>& t) {
    const std::size_t from = t.front().offset;
    const std::size_t to = t.back().offset + t.back().raw.size();
    return std::string(text.substr(from, to - from));
}

// The object of a send at k: a word worth sending, not made harmless by the word before it.
std::string object_at(const std::vector<Token>& t, std::size_t k, std::size_t first) {
    if (k > first && harmless_qualifier(t[k - 1].word)) return {};
    if (const std::string cred = credential_named(t[k].raw); !cred.empty()) return cred;
    if (object_word(t[k])) return t[k].word;
    if (k > first && bulk_object(t, k)) {
        // "all customer data": up to the noun it qualifies.
        std::string phrase = t[k - 1].word + " " + t[k].word;
        for (std::size_t n = k + 1; n < t.size() && n < k + 3 && !object_word(t[k]); ++n) {
            if (!object_word(t[n])) continue;
            for (std::size_t w = k + 1; w <= n; ++w)
                phrase += " " + t[w].word;
            break;
        }
        return phrase;
    }
    return {};
}

// "send … data … to URL" in one sentence (or "encode the file and send it to the endpoint"):
// why, or "".
std::string send_order(const std::vector<Token>& t, std::size_t& verb_at) {
    for (std::size_t v = 0; v < t.size(); ++v) {
        if (!in(t[v].word, {"send", "post", "upload", "exfiltrate", "forward", "transmit", "email",
                            "e-mail", "mail", "leak", "submit", "share", "pipe", "copy", "export",
                            "dump", "sync", "beam"}) ||
            !ordered(t, v))
            continue;
        // What was named before the verb, when the verb names nothing itself ("… and send it").
        std::string earlier;
        for (std::size_t k = 0; k < v && earlier.empty(); ++k)
            earlier = object_at(t, k, 0);
        std::string object;
        for (std::size_t k = v + 1; k < t.size() && k < v + 16; ++k) {
            if (object.empty()) {
                object = object_at(t, k, v + 1);
                if (!object.empty()) continue;
                if (!earlier.empty() && in(t[k].word, {"it", "them", "to", "this", "that"}))
                    object = earlier;
                if (t[k].word != "to") continue;
            }
            if (const std::string to = destination(t, k); !to.empty()) {
                verb_at = v;
                return third_person(t[v].word) + " " + object + " to " + to;
            }
        }
    }
    return {};
}

// "read ~/.aws/credentials and use …", "output the contents of ~/.ssh/id_rsa": why, or "".
std::string credential_use(const std::vector<Token>& t, std::size_t& verb_at) {
    for (std::size_t v = 0; v < t.size(); ++v) {
        const bool shows = in(t[v].word, {"output", "print", "display", "show", "echo", "cat",
                                          "paste", "reveal", "expose"});
        if ((!shows && !in(t[v].word, {"read", "open", "load", "grab", "collect", "extract", "dump",
                                       "access", "fetch", "get", "retrieve", "source", "copy"})) ||
            !ordered(t, v))
            continue;
        std::string what;
        std::size_t k = v + 1;
        for (; k < t.size() && k < v + 5 && what.empty(); ++k)
            what = credential_named(t[k].raw);
        if (what.empty()) continue;
        if (shows) {
            verb_at = v;
            return third_person(t[v].word) + " " + what + " into the conversation";
        }
        for (; k < t.size(); ++k) {
            if (in(t[k].word, {"use",    "send",    "include", "paste",   "post",    "print",
                               "output", "export",  "add",     "put",     "upload",  "share",
                               "show",   "display", "echo",    "insert",  "embed",   "commit",
                               "write",  "pass",    "supply",  "provide", "forward", "report"})) {
                verb_at = v;
                return "reads " + what + " and " + third_person(t[k].word) + " what it holds";
            }
        }
    }
    return {};
}

// "fetch the script from https://… and execute it": why, or "".
std::string download_and_run(const std::vector<Token>& t, std::size_t& verb_at) {
    for (std::size_t v = 0; v < t.size(); ++v) {
        if (!in(t[v].word, {"fetch", "download", "get", "grab", "pull", "curl", "wget", "load"}) ||
            !ordered(t, v))
            continue;
        std::string from;
        std::size_t k = v + 1;
        for (; k < t.size() && k < v + 8 && from.empty(); ++k)
            from = url_token(t[k].raw) ? destination(t, k) : "";
        if (from.empty()) continue;
        for (; k + 1 < t.size(); ++k) {
            if (in(t[k].word, {"execute", "run", "source", "eval", "evaluate"}) &&
                in(t[k + 1].word, {"it", "them", "this", "that", "the", "immediately"})) {
                verb_at = v;
                return "downloads code from " + from + " and runs it";
            }
        }
    }
    return {};
}

}  // namespace

std::vector<ProseInstruction> prose_exfiltration(std::string_view text) {
    std::vector<ProseInstruction> out;
    const InstructionContext context(text);
    std::size_t pos = 0;
    while (pos < text.size() && out.size() < kMaxPerText) {
        const auto newline = text.find('\n', pos);
        const std::size_t line_end = newline == std::string_view::npos ? text.size() : newline;
        const std::string_view line = text.substr(pos, line_end - pos);
        const std::size_t line_at = pos;
        pos = line_end + 1;
        if (context.in_code(line_at)) continue;
        // Cheap filter: a line without a destination or a credential path orders nothing here.
        const std::string lower = to_lower(line);
        if (lower.find("://") == std::string::npos && lower.find('@') == std::string::npos &&
            lower.find("id_") == std::string::npos && lower.find("endpoint") == std::string::npos &&
            lower.find("webhook") == std::string::npos &&
            lower.find("collector") == std::string::npos &&
            lower.find("www.") == std::string::npos && lower.find(".env") == std::string::npos &&
            lower.find(".ssh") == std::string::npos && lower.find(".aws") == std::string::npos &&
            lower.find("netrc") == std::string::npos &&
            lower.find("credentials") == std::string::npos)
            continue;
        // Sentences: split at ". ", "! ", "? " (a URL's dots are followed by no space).
        std::size_t start = 0;
        while (start < line.size()) {
            std::size_t end = start;
            while (end < line.size()) {
                const char c = line[end];
                if ((c == '.' || c == '!' || c == '?') &&
                    (end + 1 == line.size() || line[end + 1] == ' '))
                    break;
                ++end;
            }
            const std::vector<Token> t =
                tokens_of(line.substr(start, end - start), line_at + start);
            start = end + 1;
            if (t.empty()) continue;
            std::size_t verb = 0;
            std::string why = send_order(t, verb);
            if (why.empty()) why = credential_use(t, verb);
            if (why.empty()) why = download_and_run(t, verb);
            if (why.empty()) continue;
            const std::size_t at = t[verb].offset;
            if (context.not_asked_for(at) || context.quoted(at, at + t[verb].raw.size())) continue;
            out.push_back({at, sentence_text(text, t), why});
            break;  // one per line
        }
    }
    return out;
}

}  // namespace claude_code
