#include "injection_phrases.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>

namespace claude_code {

namespace {

struct Word {
    std::string text;  // lower case; a curly apostrophe becomes '
    std::size_t offset = 0;
    std::size_t end = 0;
    bool space_before = false;  // only white space separates it from the previous word
};

bool word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '\'';
}

std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> words;
    bool only_space = true;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool curly = text.substr(i, 3) == "\xE2\x80\x99";  // U+2019 in "don’t"
        if (!word_byte(c) && !(curly && !words.empty() && words.back().end == i)) {
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') only_space = false;
            ++i;
            continue;
        }
        Word w;
        w.offset = i;
        w.space_before = only_space;
        while (i < text.size()) {
            const auto b = static_cast<unsigned char>(text[i]);
            if (word_byte(b)) {
                w.text.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b));
                ++i;
            } else if (text.substr(i, 3) == "\xE2\x80\x99") {
                w.text.push_back('\'');
                i += 3;
            } else {
                break;
            }
        }
        w.end = i;
        words.push_back(std::move(w));
        only_space = true;
    }
    return words;
}

// One position of a phrase: any of `words` ("*" is any word), possibly optional.
struct Slot {
    std::vector<std::string_view> words;
    bool optional = false;
};
using Phrase = std::vector<Slot>;

Slot opt(std::initializer_list<std::string_view> words) {
    return {std::vector<std::string_view>(words), true};
}

const std::vector<Phrase>& phrases() {
    static const std::vector<Phrase> list = {
        {{{"ignore", "disregard", "forget", "override"}},
         opt({"all", "any"}),
         opt({"of"}),
         opt({"the", "your", "my", "these"}),
         {{"previous", "prior", "above", "earlier", "preceding", "former", "system"}},
         {{"instructions", "directions", "rules", "prompt", "prompts", "messages", "guidelines"}}},
        {{{"disregard"}},
         opt({"all"}),
         opt({"of"}),
         opt({"everything"}),
         opt({"the"}),
         {{"above", "previous"}}},
        {{{"forget"}}, {{"everything", "all"}}, {{"above", "before"}}},
        {{{"forget"}},
         {{"everything", "all"}},
         {{"you"}},
         {{"were", "have"}},
         opt({"been"}),
         {{"told"}}},
        {{{"you"}},
         {{"are"}},
         {{"now"}},
         opt({"a", "an", "the"}),
         opt({"*"}),
         {{"ai", "assistant", "model", "agent", "persona", "character", "bot"}}},
        {{{"you"}},
         {{"are"}},
         {{"now"}},
         opt({"a", "an"}),
         {{"dan", "jailbroken", "unrestricted", "unfiltered"}}},
        {{{"you"}},
         {{"are"}},
         {{"now"}},
         {{"in"}},
         {{"developer", "god", "admin", "debug", "jailbreak", "unrestricted"}},
         {{"mode"}}},
        {{{"do"}},
         {{"not"}},
         {{"tell", "inform", "notify", "alert"}},
         {{"the"}},
         {{"user"}},
         {{"about", "that", "what", "of", "this", "it"}}},
        {{{"don't", "dont", "never"}},
         {{"tell", "inform", "notify", "alert"}},
         {{"the"}},
         {{"user"}},
         {{"about", "that", "what", "of", "this", "it"}}},
        {{{"without", "avoid"}},
         {{"telling", "informing", "notifying", "alerting"}},
         {{"the"}},
         {{"user"}}},
        {{{"hide", "conceal", "keep"}},
         {{"this", "it", "these", "the"}},
         opt({"*"}),
         opt({"secret", "hidden"}),
         {{"from"}},
         {{"the"}},
         {{"user"}}},
        {{{"reveal", "print", "output", "repeat", "leak"}},
         {{"your", "the"}},
         {{"system"}},
         {{"prompt"}}},
        {{{"reveal", "print", "output", "repeat", "leak"}},
         {{"your", "the"}},
         {{"hidden"}},
         {{"instructions"}}},
        {{{"exfiltrate", "exfiltrates", "exfiltrated", "exfiltrating"}}},
    };
    return list;
}

bool slot_accepts(const Slot& slot, std::string_view word) {
    return std::any_of(slot.words.begin(), slot.words.end(),
                       [&](std::string_view w) { return w == "*" || w == word; });
}

// The index one past the phrase's last word when it matches at `at`, or 0.
std::size_t match(const std::vector<Word>& words, std::size_t at, const Slot* slot,
                  const Slot* last, bool first) {
    if (slot == last) return at;
    if (slot->optional) {
        if (const std::size_t end = match(words, at, slot + 1, last, first)) return end;
    }
    if (at >= words.size() || (!first && !words[at].space_before) ||
        !slot_accepts(*slot, words[at].text)) {
        return 0;
    }
    return match(words, at + 1, slot + 1, last, false);
}

// Where the phrase starting at `at` ends (index past its last word), or 0 when none starts there.
std::size_t phrase_at(const std::vector<Word>& words, std::size_t at) {
    for (const Phrase& p : phrases()) {
        if (const std::size_t end = match(words, at, p.data(), p.data() + p.size(), true))
            return end;
    }
    return 0;
}

bool starts_with_any(std::string_view word, std::initializer_list<std::string_view> stems) {
    return std::any_of(stems.begin(), stems.end(),
                       [&](std::string_view s) { return word.starts_with(s); });
}

// The line around `offset` talks about detecting or preventing something.
bool defensive_line(std::string_view text, std::size_t offset) {
    const auto start = text.rfind('\n', offset);
    const std::size_t from = start == std::string_view::npos ? 0 : start + 1;
    const auto end = text.find('\n', offset);
    for (const Word& w :
         words_of(text.substr(from, end == std::string_view::npos ? end : end - from))) {
        if (starts_with_any(
                w.text,
                {"detect",  "prevent", "block", "flag",   "check",   "audit",     "review",
                 "whether", "could",   "might", "risk",   "attempt", "protect",   "defen",
                 "guard",   "mitigat", "scan",  "threat", "attack",  "malicious", "suspicious"})) {
            return true;
        }
    }
    return false;
}

bool contains(const std::vector<Word>& words, std::initializer_list<std::string_view> any,
              std::initializer_list<std::pair<std::string_view, std::string_view>> pairs = {}) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (std::find(any.begin(), any.end(), words[i].text) != any.end()) return true;
        for (const auto& [a, b] : pairs) {
            if (words[i].text == a && i + 1 < words.size() && words[i + 1].text == b) return true;
        }
    }
    return false;
}

}  // namespace

std::vector<PhraseMatch> find_injection_phrases(std::string_view text) {
    std::vector<PhraseMatch> found;
    const std::vector<Word> words = words_of(text);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::size_t end = phrase_at(words, i);
        if (end == 0) continue;
        if (words[i].text.starts_with("exfiltrat") && defensive_line(text, words[i].offset))
            continue;
        found.push_back({words[i].offset, words[end - 1].end});
        i = end - 1;
    }
    return found;
}

bool instruction_like(std::string_view comment) {
    if (!find_injection_phrases(comment).empty()) return true;
    const std::vector<Word> words = words_of(comment);
    const bool addressee = contains(words, {"claude", "assistant", "ai", "llm", "copilot"},
                                    {{"language", "model"}, {"ai", "agent"}, {"coding", "agent"}});
    const bool directive = contains(
        words,
        {"must",   "should", "always", "never",  "ignore",   "disregard", "run",    "execute",
         "send",   "upload", "post",   "fetch",  "download", "include",   "insert", "add",
         "delete", "remove", "tell",   "reveal", "pretend",  "instead",   "don't",  "dont"},
        {{"do", "not"}, {"make", "sure"}});
    const bool runs_network_tool =
        contains(words, {"run", "execute"}) &&
        contains(words, {"curl", "wget", "nc", "base64", "powershell", "iwr", "eval"});
    return (addressee && directive) || runs_network_tool;
}

}  // namespace claude_code
