#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <stdexcept>

#include <re2/re2.h>
#include <re2/set.h>

#include <confscope/secrets/detector.hpp>

namespace confscope::secrets {

namespace {

struct Shape {
    std::string_view name;
    std::string_view pattern;  // group 1, when present, is the part to redact
};

// Known token shapes (reference/rules.md, Secrets).
constexpr std::array kShapes{
    Shape{"anthropic", R"(\bsk-ant-[A-Za-z0-9_\-]{20,})"},
    Shape{"openai", R"(\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,})"},
    Shape{"github", R"(\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,})"},
    Shape{"github-pat", R"(\bgithub_pat_[A-Za-z0-9_]{22,})"},
    Shape{"aws-access-key", R"(\b(?:AKIA|ASIA)[0-9A-Z]{16}\b)"},
    Shape{"slack", R"(\bxox[abposr]-[A-Za-z0-9\-]{10,})"},
    Shape{"google-api-key", R"(\bAIza[0-9A-Za-z_\-]{35})"},
    Shape{"stripe", R"(\b(?:sk|rk)_live_[0-9A-Za-z]{20,})"},
    Shape{"jwt", R"(\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})"},
    Shape{
        "private-key",
        R"(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[A-Za-z0-9+/=\s]|\\[nr])*(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----)?)"},
    Shape{"bearer", R"((?i:\bbearer)\s+([A-Za-z0-9._~+/\-]{16,}=*))"},
};

std::vector<std::string> split_words(std::string_view key) {
    std::vector<std::string> words;
    std::string current;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        if (c == '_' || c == '-' || c == '.' || c == ' ' || c == ':') {
            if (!current.empty()) words.push_back(std::move(current));
            current.clear();
            continue;
        }
        // camelCase boundary: a capital after a lower-case letter or a digit.
        if (std::isupper(static_cast<unsigned char>(c)) && i > 0 &&
            (std::islower(static_cast<unsigned char>(key[i - 1])) ||
             std::isdigit(static_cast<unsigned char>(key[i - 1])))) {
            if (!current.empty()) words.push_back(std::move(current));
            current.clear();
        }
        current.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

bool is_flag(std::string_view text) {
    if (text.size() < 2 || text[0] != '-') return false;
    const std::string_view name = text.substr(text[1] == '-' ? 2 : 1);
    if (name.empty()) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

}  // namespace

struct Detector::Impl {
    RE2::Set set{RE2::Options(), RE2::UNANCHORED};
    std::vector<std::unique_ptr<RE2>> patterns;
};

const Detector& Detector::instance() {
    static const Detector detector;
    return detector;
}

Detector::Detector() : impl_(std::make_unique<Impl>()) {
    RE2::Options options;
    options.set_log_errors(false);
    for (const Shape& shape : kShapes) {
        std::string error;
        if (impl_->set.Add(re2::StringPiece(shape.pattern.data(), shape.pattern.size()), &error) <
            0) {
            throw std::logic_error("bad secret pattern " + std::string(shape.name) + ": " + error);
        }
        impl_->patterns.push_back(std::make_unique<RE2>(
            re2::StringPiece(shape.pattern.data(), shape.pattern.size()), options));
    }
    if (!impl_->set.Compile()) throw std::logic_error("secret patterns failed to compile");
}

Detector::~Detector() = default;

std::vector<TokenMatch> Detector::find_tokens(std::string_view text) const {
    std::vector<TokenMatch> matches;
    std::vector<int> hits;
    const re2::StringPiece input(text.data(), text.size());
    if (!impl_->set.Match(input, &hits)) return matches;  // one pass for all shapes
    std::sort(hits.begin(), hits.end());
    for (const int index : hits) {
        const RE2& re = *impl_->patterns[static_cast<std::size_t>(index)];
        const int groups = re.NumberOfCapturingGroups();
        std::array<re2::StringPiece, 2> found;
        std::size_t start = 0;
        while (start <= text.size() && re.Match(input, start, text.size(), RE2::UNANCHORED,
                                                found.data(), groups >= 1 ? 2 : 1)) {
            const re2::StringPiece& span = groups >= 1 ? found[1] : found[0];
            const auto offset = static_cast<std::size_t>(span.data() - text.data());
            if (span.size() > 0)
                matches.push_back(
                    {offset, span.size(), kShapes[static_cast<std::size_t>(index)].name});
            const auto whole_end =
                static_cast<std::size_t>(found[0].data() - text.data()) + found[0].size();
            start = std::max(whole_end, start + 1);
        }
    }
    // Sort and drop overlaps (an sk-ant- key also matches the OpenAI shape): keep the earliest,
    // longest span.
    std::sort(matches.begin(), matches.end(), [](const TokenMatch& a, const TokenMatch& b) {
        return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
    });
    std::vector<TokenMatch> merged;
    for (const TokenMatch& m : matches) {
        if (!merged.empty() && m.offset < merged.back().offset + merged.back().length) {
            TokenMatch& last = merged.back();
            last.length = std::max(last.offset + last.length, m.offset + m.length) - last.offset;
            continue;
        }
        merged.push_back(m);
    }
    return merged;
}

bool Detector::is_reference(std::string_view v) {
    // ${VAR} ${VAR:-x} ${input:id} ${env:X} (Claude Code, VS Code), $VAR, env:NAME, {{name}},
    // ${{ secrets.X }} (Continue), {env:X} and {file:path} (OpenCode), %VAR% (Windows).
    static const RE2 reference(
        R"(\$\{\{[^}]*\}\}|\$\{[^}]+\}|\$[A-Za-z_][A-Za-z0-9_]*|env:[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|\{(env|file):[^}]+\}|%[A-Za-z_][A-Za-z0-9_]*%)");
    return v.empty() || RE2::FullMatch(re2::StringPiece(v.data(), v.size()), reference);
}

bool Detector::is_placeholder(std::string_view v) {
    static const RE2 placeholder(
        R"((?i)<[^>]*>|your[-_ ].*|.*x{6,}.*|.*\*{4,}.*|.*\.{4,}.*|(example|sample|placeholder|dummy|changeme|replace[-_ ]?me|todo|none|null|redacted)[-_a-z0-9]*|\[REDACTED[^\]]*\])");
    return RE2::FullMatch(re2::StringPiece(v.data(), v.size()), placeholder);
}

bool Detector::is_secret_key_name(std::string_view key) {
    const std::vector<std::string> words = split_words(key);
    if (words.empty()) return false;
    for (const std::string& w : words) {
        if (w == "pwd" || w == "credential" || w == "credentials" || w == "authorization" ||
            w == "pat")
            return true;
        // Glued names count when a secret word ends them: PGPASSWORD, MYTOKEN, apisecret; but not
        // "tokenizer" or "tokens".
        for (const std::string_view end :
             {"token", "secret", "password", "passwd", "apikey", "privatekey"}) {
            if (w.ends_with(end)) return true;
        }
    }
    const std::string& last = words.back();
    return last == "key" && !(words.size() >= 2 && (words[words.size() - 2] == "public"));
}

double Detector::entropy(std::string_view value) {
    if (value.empty()) return 0.0;
    std::array<std::size_t, 256> counts{};
    for (const char c : value)
        ++counts[static_cast<unsigned char>(c)];
    double bits = 0.0;
    const auto n = static_cast<double>(value.size());
    for (const std::size_t count : counts) {
        if (count == 0) continue;
        const double p = static_cast<double>(count) / n;
        bits -= p * std::log2(p);
    }
    return bits;
}

namespace {

// "Bearer ", "Basic ", "Token " before a credential.
std::size_t scheme_length(std::string_view value) {
    const auto space = value.find(' ');
    if (space == std::string_view::npos) return 0;
    const std::string_view scheme = value.substr(0, space);
    const bool known = scheme == "Bearer" || scheme == "bearer" || scheme == "Basic" ||
                       scheme == "Token" || scheme == "token";
    return known ? space + 1 : 0;
}

// A value that carries its own key: "NAME=value" (docker -e, --flag=value) or "Header: value".
struct InnerKey {
    std::string_view key;
    std::size_t value_offset = 0;
};

std::optional<InnerKey> inner_key(std::string_view value) {
    if (const auto eq = value.find('='); eq != std::string_view::npos && eq > 0 && eq < 64) {
        std::string_view name = value.substr(0, eq);
        while (!name.empty() && name.front() == '-')
            name.remove_prefix(1);
        if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
                       c == '.';
            })) {
            return InnerKey{name, eq + 1};
        }
        return std::nullopt;
    }
    if (const auto colon = value.find(": ");
        colon != std::string_view::npos && colon > 0 && colon < 64) {
        return InnerKey{value.substr(0, colon), colon + 2};
    }
    return std::nullopt;
}

}  // namespace

bool Detector::looks_like_secret_value(std::string_view value) {
    value.remove_prefix(scheme_length(value));
    if (value.size() < 8 || is_reference(value) || is_placeholder(value)) return false;
    if (value.find_first_of(" \t\n") != std::string_view::npos) return false;  // prose
    if (value.front() == '/' || value.starts_with("~/") || value.starts_with("./"))
        return false;                                               // paths
    if (value.find("://") != std::string_view::npos) return false;  // URLs: SEC-003 checks userinfo
    // The name of an environment variable (bearer_token_env_var = "FIGMA_OAUTH_TOKEN"), not a
    // value.
    static const RE2 variable_name(R"([A-Z][A-Z0-9]*(_[A-Z0-9]+)+)");
    if (RE2::FullMatch(re2::StringPiece(value.data(), value.size()), variable_name)) return false;
    if (std::all_of(value.begin(), value.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        return false;
    }
    return value.size() >= 20 || entropy(value) >= 2.5;
}

std::size_t Detector::secret_offset(std::string_view value) {
    std::size_t offset = 0;
    if (const auto inner = inner_key(value)) offset = inner->value_offset;
    return offset + scheme_length(value.substr(offset));
}

std::uint32_t Detector::classify(std::string_view key, std::string_view value) const {
    if (is_reference(value)) return CONFSCOPE_NODE_FLAG_REFERENCE;
    std::uint32_t flags = 0;
    if (!find_tokens(value).empty()) flags |= CONFSCOPE_NODE_FLAG_SECRET_TOKEN;
    std::string_view judged_key = key, judged_value = value;
    if (const auto inner = inner_key(value)) {
        judged_key = inner->key;
        judged_value = value.substr(inner->value_offset);
    }
    if (is_reference(judged_value)) return flags != 0 ? flags : CONFSCOPE_NODE_FLAG_REFERENCE;
    if (is_placeholder(judged_value) ||
        is_placeholder(judged_value.substr(scheme_length(judged_value)))) {
        return flags | CONFSCOPE_NODE_FLAG_PLACEHOLDER;
    }
    if (is_secret_key_name(judged_key) && looks_like_secret_value(judged_value)) {
        flags |= CONFSCOPE_NODE_FLAG_SECRET_ENTROPY;
    }
    return flags;
}

void flag_document(parse::Document& doc, const Detector& detector) {
    for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
        parse::Node& node = doc.nodes[i];
        if (node.kind != parse::NodeKind::string) continue;
        std::string_view key = node.key;
        if (node.parent >= 0 &&
            doc.nodes[static_cast<std::size_t>(node.parent)].kind == parse::NodeKind::array) {
            key = "";
            // ["--api-key", "value"]: the previous element names this one.
            if (i > 0 && doc.nodes[i - 1].parent == node.parent &&
                doc.nodes[i - 1].kind == parse::NodeKind::string &&
                is_flag(doc.nodes[i - 1].value)) {
                key = doc.nodes[i - 1].value;
            }
        }
        node.flags |= detector.classify(key, node.value);
    }
}

}  // namespace confscope::secrets
