#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>

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
    Shape{
        "pgp-private-key",
        R"((?s)-----BEGIN PGP PRIVATE KEY BLOCK-----.*?(?:-----END PGP PRIVATE KEY BLOCK-----|$))"},
    Shape{"bearer", R"((?i:\bbearer)\s+([A-Za-z0-9._~+/\-]{16,}=*))"},
    // Prefixed tokens of other services (the shapes gitleaks and the services document).
    Shape{"gitlab", R"(\b(?:glpat|gldt|glrt|glptt|glsoat)-[A-Za-z0-9_\-]{20,})"},
    Shape{"npm", R"(\bnpm_[A-Za-z0-9]{36}\b)"},
    Shape{"huggingface", R"(\bhf_[A-Za-z0-9]{30,}\b)"},
    Shape{"pypi", R"(\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,})"},
    Shape{"sendgrid", R"(\bSG\.[A-Za-z0-9_\-]{20,24}\.[A-Za-z0-9_\-]{40,50})"},
    Shape{"digitalocean", R"(\bdo[opr]_v1_[a-f0-9]{64}\b)"},
    Shape{"shopify", R"(\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b)"},
    Shape{"databricks", R"(\bdapi[a-f0-9]{32}(?:-\d)?\b)"},
    Shape{"linear", R"(\blin_(?:api|oauth)_[A-Za-z0-9]{40}\b)"},
    Shape{"groq", R"(\bgsk_[A-Za-z0-9]{48,}\b)"},
    Shape{"perplexity", R"(\bpplx-[A-Za-z0-9]{40,}\b)"},
    Shape{"notion", R"(\b(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,})\b)"},
    Shape{"atlassian", R"(\bATATT3[A-Za-z0-9_\-=]{100,})"},
    Shape{"supabase", R"(\bsbp_[a-f0-9]{40}\b)"},
    Shape{"replicate", R"(\br8_[A-Za-z0-9]{37}\b)"},
    Shape{"xai", R"(\bxai-[A-Za-z0-9]{70,}\b)"},
    Shape{"tavily", R"(\btvly-(?:dev-|prod-)?[A-Za-z0-9]{32,}\b)"},
    Shape{"firecrawl", R"(\bfc-[a-f0-9]{32}\b)"},
    Shape{"stripe-test", R"(\b(?:sk|rk)_test_[0-9A-Za-z]{20,})"},
    Shape{"postman", R"(\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b)"},
    Shape{"docker-hub", R"(\bdckr_pat_[A-Za-z0-9_\-]{27,})"},
    Shape{"grafana", R"(\b(?:glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2}))"},
    Shape{"sentry", R"(\bsntr[ysu]_[A-Za-z0-9+/=_\-]{40,})"},
    Shape{"figma", R"(\bfigd_[A-Za-z0-9_\-]{40,})"},
    Shape{"google-oauth-secret", R"(\bGOCSPX-[A-Za-z0-9_\-]{28}\b)"},
    Shape{"mailgun", R"(\bkey-[0-9a-f]{32}\b)"},
    // Webhook URLs carry their credential in the path: anyone holding one can post.
    Shape{
        "slack-webhook",
        R"(hooks\.slack\.com/(?:services|workflows|triggers)/([A-Za-z0-9_\-]+/[A-Za-z0-9_\-]+/[A-Za-z0-9_\-]{16,}))"},
    Shape{"discord-webhook",
          R"(discord(?:app)?\.com/api/webhooks/([0-9]{5,}/[A-Za-z0-9_\-]{30,}))"},
    Shape{
        "teams-webhook",
        R"(\.webhook\.office\.com/webhookb2/([A-Za-z0-9@\-]+/IncomingWebhook/[A-Za-z0-9]+/[A-Za-z0-9\-]+))"},
    // A long random segment of a URL's path (https://mcp.example.com/s/<token>/mcp): checked
    // after matching to be random (see random_token), not a word, a hash or an id.
    Shape{"url-path-token", R"(\bhttps?://[^\s/?#"'<>]+/(?:[^\s/?#"'<>]+/)*([A-Za-z0-9_\-]{32,}))"},
    // A password in a URL's userinfo, inside any text: postgresql://app:PW@db/prod, or with no
    // user, redis://:PW@cache. Group 1 is
    // the password; references and placeholders are dropped after matching.
    Shape{"url-credentials",
          R"(\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s/?#@:"'<>{}\[\]\\]*:([^\s/?#@"'<>\\]+)@)"},
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

// One character repeated `run` times in a row ("0000000000", "aaaaaaaa", "--------").
bool has_repeated_run(std::string_view text, std::size_t run) {
    std::size_t length = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        length = i > 0 && text[i] == text[i - 1] ? length + 1 : 1;
        if (length >= run) return true;
    }
    return false;
}

RE2::Options case_insensitive() {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    return options;
}

bool full_match(std::string_view text, const RE2& re) {
    return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), re);
}

bool partial_match(std::string_view text, const RE2& re) {
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

// A token-shaped text that documentation and templates use, not a credential:
// AKIAIOSFODNN7EXAMPLE, ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, sk-ant-your-key-here-…; and a
// URL password that is a reference or a placeholder (postgresql://user:${DB_PASSWORD}@db,
// postgres://user:password@localhost).
bool is_documentation_token(std::string_view shape, std::string_view token) {
    if (shape == "url-path-token") return !Detector::random_token(token);
    if (shape == "url-credentials") {
        // A variable's name written where its value goes (postgres://u:DB_PASSWORD@db).
        static const RE2 variable_name(R"([A-Z][A-Z0-9]*(_[A-Z0-9]+)+)");
        return Detector::is_reference(token) || Detector::is_placeholder(token) ||
               token.find('$') != std::string_view::npos || token.size() > 512 ||
               full_match(token, variable_name);
    }
    static const RE2 words(
        "example|x{4,}|your[-_]?|placeholder|redacted|dummy|sample|changeme|fake|demo|not[-_]?real",
        case_insensitive());
    return partial_match(token, words) || has_repeated_run(token, 8);
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
        const Shape& shape = kShapes[static_cast<std::size_t>(index)];
        const RE2& re = *impl_->patterns[static_cast<std::size_t>(index)];
        const int groups = re.NumberOfCapturingGroups();
        std::array<re2::StringPiece, 2> found;
        std::size_t start = 0;
        while (start <= text.size() && re.Match(input, start, text.size(), RE2::UNANCHORED,
                                                found.data(), groups >= 1 ? 2 : 1)) {
            const re2::StringPiece& span = groups >= 1 ? found[1] : found[0];
            const auto offset = static_cast<std::size_t>(span.data() - text.data());
            const std::string_view value(span.data(), span.size());
            if (!value.empty() && !is_documentation_token(shape.name, value))
                matches.push_back({offset, span.size(), shape.name});
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
    // Whole-value placeholders: template markers, filler words, and values that say what to put
    // there ("<your-token>", "your_api_key_here", "sk-...", "changeme", "anything").
    static const RE2 placeholder(
        R"((<[^>]*>|\[[^\]]*\]|(.*[-_ ])?your[-_ ].*|.*[-_ ]here|.*x{4,}.*|.*\*{3,}.*|.*\.{3,}.*|)"
        R"(.*…|)"
        R"(.*(example|sample|placeholder|dummy|fake[-_]|demo[-_]|not[-_]?real|changeme|)"
        R"(change[-_]me|replace[-_ ]?me|)"
        R"(insert[-_ ]|put[-_ ]your|fill[-_ ]?in|redacted|not[-_ ]?set|set[-_ ]?me).*|)"
        R"((todo|tbd|none|null|nil|undefined|anything|something|secret|secrets|password|passwd|)"
        R"(pass|pwd|pw|token|apikey|api[-_]key|key|test|testing|foo|bar|foobar|baz|qux|abc|)"
        R"(abc123|123|1234|12345|123456|admin|root|default|string|value|empty|hidden|private|)"
        R"((test|demo|sample|dummy|fake)[a-z_-]*[0-9]*|postgres|mysql|guest|user|username|)"
        R"(my[-_]?(secret|password|token|key|api[-_]?key|pass)[-_a-z0-9]*|\?+|-+|_+)))",
        case_insensitive());
    if (full_match(v, placeholder)) return true;
    // One character over and over ("0000000000", "aaaaaaaa") fills a field; it secures nothing.
    return v.size() >= 4 && has_repeated_run(v, v.size());
}

namespace {

// The words after a secret word that make the name describe the secret instead of holding it:
// claudeCodeFirstTokenDate, token_expires_at, PASSWORD_FILE, apiKeyHelper, secret_name.
bool metadata_word(std::string_view w) {
    static constexpr std::array<std::string_view, 45> kWords{
        "date",        "time",     "timestamp", "at",      "count",      "type",     "url",
        "uri",         "endpoint", "path",      "file",    "filename",   "dir",      "name",
        "id",          "ids",      "expiry",    "expires", "expiration", "expire",   "ttl",
        "length",      "size",     "limit",     "env",     "var",        "variable", "helper",
        "command",     "cmd",      "header",    "enabled", "disabled",   "required", "mode",
        "format",      "prefix",   "location",  "source",  "hash",       "digest",   "checksum",
        "fingerprint", "storage",  "provider"};
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

bool secret_word(std::string_view w) {
    if (w == "pwd" || w == "credential" || w == "credentials" || w == "authorization" || w == "pat")
        return true;
    // Glued names count when a secret word ends them: PGPASSWORD, MYTOKEN, apisecret; but not
    // "tokenizer" or "tokens".
    for (const std::string_view end :
         {"token", "secret", "password", "passwd", "apikey", "privatekey"}) {
        if (w.ends_with(end)) return true;
    }
    return false;
}

}  // namespace

namespace {
bool judge_secret_key_name(std::string_view key);
}  // namespace

bool Detector::is_secret_key_name(std::string_view key) {
    // The same few names recur in every file ("command", "args", "env", "GITHUB_TOKEN"): judge
    // each once per thread. Bounded, so a file of distinct names cannot grow it.
    thread_local std::unordered_map<std::string, bool> judged;
    if (const auto it = judged.find(std::string(key)); it != judged.end()) return it->second;
    const bool secret = judge_secret_key_name(key);
    if (judged.size() >= 8192) judged.clear();
    judged.emplace(std::string(key), secret);
    return secret;
}

namespace {

bool judge_secret_key_name(std::string_view key) {
    const std::vector<std::string> words = split_words(key);
    if (words.empty()) return false;
    // The last secret word decides, unless a word after it turns the name into metadata.
    std::optional<std::size_t> last_secret;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (secret_word(words[i])) last_secret = i;
    }
    // "...Key" names a credential unless the word before it says what else the key is: a
    // dictionary, database, cache or object-store key, a React prop (dataKey, sortKey, publicKey).
    static constexpr std::array<std::string_view, 40> kNotCredential{
        "public", "data",        "sort",      "primary",     "partition", "cache",    "foreign",
        "unique", "map",         "dict",      "object",      "row",       "column",   "table",
        "index",  "lookup",      "i18n",      "translation", "list",      "item",     "query",
        "route",  "state",       "store",     "storage",     "file",      "path",     "name",
        "group",  "category",    "type",      "field",       "attribute", "property", "entry",
        "record", "idempotency", "composite", "shard",       "bucket"};
    const bool key_last =
        words.back() == "key" &&
        !(words.size() >= 2 && std::find(kNotCredential.begin(), kNotCredential.end(),
                                         words[words.size() - 2]) != kNotCredential.end());
    if (key_last) return true;
    if (!last_secret) return false;
    for (std::size_t i = *last_secret + 1; i < words.size(); ++i) {
        if (metadata_word(words[i])) return false;
    }
    return true;
}

}  // namespace

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
                       scheme == "basic" || scheme == "Token" || scheme == "token" ||
                       scheme == "Bot" || scheme == "ApiKey" || scheme == "Apikey";
    return known ? space + 1 : 0;
}

bool name_character(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

// A value that carries its own key: "NAME=value" (docker -e, --flag=value), "Header: value", or
// "Header:value" (mcp-remote's header pairs, curl -H).
struct InnerKey {
    std::string_view key;
    std::size_t value_offset = 0;
};

std::optional<InnerKey> inner_key(std::string_view value) {
    const auto eq = value.find('=');
    const auto colon = value.find(':');
    if (eq != std::string_view::npos && eq > 0 && eq < 64 &&
        (colon == std::string_view::npos || eq < colon)) {
        std::string_view name = value.substr(0, eq);
        while (!name.empty() && name.front() == '-')
            name.remove_prefix(1);
        if (!name.empty() && std::all_of(name.begin(), name.end(), name_character))
            return InnerKey{name, eq + 1};
        return std::nullopt;
    }
    if (colon != std::string_view::npos && colon > 0 && colon < 64) {
        const std::string_view name = value.substr(0, colon);
        if (!std::all_of(name.begin(), name.end(), name_character)) return std::nullopt;
        std::size_t offset = colon + 1;
        if (offset < value.size() && value[offset] == '/') return std::nullopt;  // a URL
        while (offset < value.size() && value[offset] == ' ')
            ++offset;
        return InnerKey{name, offset};
    }
    return std::nullopt;
}

// Where the credential of a value starts and the name that announces it: after the deepest
// secret-named inner key ("--header=Authorization: Bearer x" -> x, named Authorization), else
// after an auth scheme at the start ("Bearer x" -> x), else the whole value. An inner key that is
// not secret-named ("dGhpc2lz=", "C:\dir") leaves the whole value to be judged.
struct Credential {
    std::size_t offset = 0;
    std::string_view key;  ///< "" when no inner name announces it
};

Credential credential_of(std::string_view value) {
    Credential found;
    std::size_t pos = 0;
    for (int depth = 0; depth < 3; ++depth) {
        const auto inner = inner_key(value.substr(pos));
        if (!inner) break;
        pos += inner->value_offset;
        if (Detector::is_secret_key_name(inner->key)) {
            found.offset = pos;
            found.key = inner->key;
        }
    }
    found.offset += scheme_length(value.substr(found.offset));
    return found;
}

constexpr std::array<std::string_view, 62> kFileExtensions{
    "txt", "pdf",  "json", "jsonc", "yaml", "yml",  "toml",    "ini", "cfg",  "conf", "env",
    "md",  "csv",  "log",  "pem",   "crt",  "cer",  "key",     "pub", "p12",  "pfx",  "jks",
    "gpg", "asc",  "sh",   "bash",  "zsh",  "ps1",  "py",      "js",  "ts",   "mjs",  "cjs",
    "rb",  "go",   "rs",   "java",  "jar",  "zip",  "gz",      "tar", "tgz",  "xml",  "html",
    "png", "jpg",  "jpeg", "gif",   "svg",  "doc",  "docx",    "xls", "xlsx", "db",   "sqlite",
    "sql", "lock", "bak",  "old",   "tmp",  "kdbx", "keychain"};

bool has_file_extension(std::string_view name) {
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size()) return false;
    const std::string ext = [&] {
        std::string e(name.substr(dot + 1));
        for (char& c : e)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return e;
    }();
    return std::find(kFileExtensions.begin(), kFileExtensions.end(), ext) != kFileExtensions.end();
}

// A relative path ("path/to/letter.pdf", "secrets/prod") or a file name ("passwords.txt"): word
// segments, and a known file extension or only lower-case segments (base64 mixes cases).
bool relative_path_or_file_name(std::string_view value) {
    static const RE2 segments(R"([A-Za-z0-9_@+.\-]+([/\\][A-Za-z0-9_@+.\-]+)*[/\\]?)");
    if (!full_match(value, segments)) return false;
    if (has_file_extension(value)) return true;
    if (value.find_first_of("/\\") == std::string_view::npos) return false;
    return std::none_of(value.begin(), value.end(),
                        [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

// Code that computes a value instead of holding one — what a secret-named key is set to in the
// snippets of a skill or a README: process.env.SLACK_BOT_TOKEN, os.environ.get('X'),
// secrets.token_hex(16), ENV['X'], {apiKey}, config.apiKey, self.token.
bool code_expression(std::string_view value) {
    // A call or an index of a dotted name or a lookup function, also cut short where a quote
    // ended the captured value (os.environ.get(); any call that closes, as a statement may
    // (IERC20(_stakingToken);, rewardPerToken();); not a password such as "Sup3r(Secret)!9x".
    static const RE2 call_or_index(
        R"(([A-Za-z_$][\w$]*\.[\w$.]*|getenv|env|ENV|environ|require|import|secret|Secret)[(\[].*)");
    static const RE2 closed_call(R"([A-Za-z_$][\w$.]*\([\w$.,'" ]*\);?)");
    static const RE2 braces(R"(\{[^{}]*\})");
    if (full_match(value, call_or_index) || full_match(value, closed_call) ||
        full_match(value, braces))
        return true;
    // Words joined by - _ or . name something: required-env-var, database-url, Content-Type.
    static const RE2 joined_words(R"([A-Za-z][a-z]*([-_.][A-Za-z][a-z]*)+)");
    if (full_match(value, joined_words)) return true;
    static const RE2 dotted(R"([A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+)");
    if (!full_match(value, dotted)) return false;
    if (std::none_of(value.begin(), value.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return true;
    static const RE2 code_word(
        R"((^|\.)(process|env|environ|os|config|settings|secrets|self|this|props|ctx|context|vars?|)"
        R"(params|args|options|opts|input|inputs|req|request|app|window|globalThis|import|meta|)"
        R"(values|spec|ENV|System|Deno|Bun|credentials)(\.|$))");
    return partial_match(value, code_word);
}

}  // namespace

bool Detector::is_non_secret_value(std::string_view value) {
    // Dates and times (ISO 8601 and common local forms), UUIDs, numbers and versions, booleans,
    // e-mail addresses: the shape of the value says what it is, whatever the key is called.
    static const RE2 shapes(
        R"(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?|)"
        R"(\d{4}/\d{2}/\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{2}:\d{2}(:\d{2})?|)"
        R"(\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?|)"
        R"([-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|v?\d+(\.\d+)+([-+][0-9A-Za-z.\-+]+)?|)"
        R"((?i:true|false|yes|no|on|off)|)"
        R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})");
    if (full_match(value, shapes)) return true;
    // Paths: absolute, home-relative, drive-rooted, variable-rooted, and relative file paths.
    if (value.starts_with('/') || value.starts_with('~') || value.starts_with("./") ||
        value.starts_with("../") || value.starts_with("\\") || value.starts_with(".\\"))
        return true;
    if (value.size() >= 3 && std::isalpha(static_cast<unsigned char>(value[0])) &&
        value[1] == ':' && (value[2] == '\\' || value[2] == '/'))
        return true;
    static const RE2 variable_rooted(R"((\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_]+%)[/\\].*)");
    if (full_match(value, variable_rooted)) return true;
    if (relative_path_or_file_name(value)) return true;
    if (code_expression(value)) return true;
    // URLs: their credentials are found by the url-credentials shape (and SEC-003).
    return value.find("://") != std::string_view::npos;
}

bool Detector::random_token(std::string_view value) {
    // At least 32 characters of [A-Za-z0-9_-] mixing upper case, lower case and digits, with the
    // entropy of random text, and changing character class as often as random text does (a long
    // CamelCase name changes class about twice a word, random text at six characters in ten;
    // 45 % keeps 95 to 98 % of random 32- to 43-character tokens and no name seen so far).
    if (value.size() < 32 || value.size() > 512) return false;
    bool upper = false, lower = false, digit = false;
    std::size_t changes = 0;
    int previous = -1;
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        int klass = 0;
        if (std::isupper(u)) {
            upper = true;
            klass = 1;
        } else if (std::islower(u)) {
            lower = true;
            klass = 2;
        } else if (std::isdigit(u)) {
            digit = true;
            klass = 3;
        } else if (c != '_' && c != '-') {
            return false;
        }
        if (previous >= 0 && klass != previous) ++changes;
        previous = klass;
    }
    return upper && lower && digit && changes * 20 >= value.size() * 9 && entropy(value) >= 4.1;
}

bool Detector::looks_like_secret_value(std::string_view value) {
    value.remove_prefix(scheme_length(value));
    if (value.size() < 8 || is_reference(value) || is_placeholder(value)) return false;
    if (value.find_first_of(" \t\n") != std::string_view::npos) return false;  // prose
    if (is_non_secret_value(value)) return false;
    // The name of an environment variable (bearer_token_env_var = "FIGMA_OAUTH_TOKEN"), not a
    // value.
    static const RE2 variable_name(R"([A-Z][A-Z0-9]*(_[A-Z0-9]+)+)");
    if (full_match(value, variable_name)) return false;
    return value.size() >= 20 || entropy(value) >= 2.5;
}

std::size_t Detector::secret_offset(std::string_view value) {
    return credential_of(value).offset;
}

bool Detector::secret_pair(std::string_view key, std::string_view value) {
    if (!is_secret_key_name(key) || !looks_like_secret_value(value)) return false;
    // A bare "key" is as often a dictionary or header key ("key": "Content-Type") as a
    // credential: only a value mixing letters and digits at credential length counts.
    const std::vector<std::string> words = split_words(key);
    if (words.size() != 1 || words.front() != "key") return true;
    const std::string_view v = value.substr(scheme_length(value));
    const bool letter = std::any_of(
        v.begin(), v.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    const bool digit = std::any_of(
        v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    return letter && digit && v.size() >= 16;
}

std::uint32_t Detector::classify(std::string_view key, std::string_view value) const {
    return classify(key, value, !find_tokens(value).empty());
}

std::uint32_t Detector::classify(std::string_view key, std::string_view value,
                                 bool holds_token) const {
    if (is_reference(value)) return CONFSCOPE_NODE_FLAG_REFERENCE;
    std::uint32_t flags = 0;
    if (holds_token) flags |= CONFSCOPE_NODE_FLAG_SECRET_TOKEN;
    const Credential credential = credential_of(value);
    const std::string_view judged_key = credential.key.empty() ? key : credential.key;
    const std::string_view judged_value = value.substr(credential.offset);
    if (credential.offset > 0 && is_reference(judged_value))
        return flags != 0 ? flags : CONFSCOPE_NODE_FLAG_REFERENCE;
    if (is_placeholder(judged_value)) return flags | CONFSCOPE_NODE_FLAG_PLACEHOLDER;
    if (secret_pair(judged_key, judged_value)) flags |= CONFSCOPE_NODE_FLAG_SECRET_ENTROPY;
    // Without a name (an argument of a command line), a value that is random text is a secret:
    // "-k=1MhKd3…", a bare positional token.
    if (key.empty() && (flags & CONFSCOPE_NODE_FLAG_SECRET_ENTROPY) == 0) {
        std::string_view last = value;
        for (int depth = 0; depth < 3; ++depth) {
            const auto inner = inner_key(last);
            if (!inner) break;
            last.remove_prefix(inner->value_offset);
        }
        if (random_token(last) && !is_placeholder(last))
            flags |= CONFSCOPE_NODE_FLAG_SECRET_ENTROPY;
    }
    return flags;
}

void flag_document(parse::Document& doc, const Detector& detector) {
    flag_document(doc, std::string_view(), nullptr, detector);
}

void flag_document(parse::Document& doc, std::string_view bytes,
                   const std::vector<TokenMatch>* tokens_in_bytes, const Detector& detector) {
    // A value written as it is in the bytes holds a token exactly when a token of the bytes lies
    // in its text: no second pass of the shapes over it. An escaped or continued value (its
    // text is not the value) is searched itself.
    auto holds_token = [&](const parse::Node& node) {
        if (tokens_in_bytes == nullptr || node.value_offset + node.value_length > bytes.size())
            return !detector.find_tokens(node.value).empty();
        std::string_view raw = bytes.substr(node.value_offset, node.value_length);
        if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') &&
            raw.back() == raw.front())
            raw = raw.substr(1, raw.size() - 2);
        if (raw != node.value) return !detector.find_tokens(node.value).empty();
        const std::size_t begin = static_cast<std::size_t>(raw.data() - bytes.data());
        const std::size_t end = begin + raw.size();
        const auto first = std::lower_bound(
            tokens_in_bytes->begin(), tokens_in_bytes->end(), begin,
            [](const TokenMatch& t, std::size_t at) { return t.offset + t.length <= at; });
        return first != tokens_in_bytes->end() && first->offset < end;
    };
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
        node.flags |= detector.classify(key, node.value, holds_token(node));
    }
}

}  // namespace confscope::secrets
