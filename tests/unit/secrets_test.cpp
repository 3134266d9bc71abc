// Secret detection (token shapes, secret-named keys with entropy, references) and redaction of
// files, messages and JSON.
#include <boost/test/unit_test.hpp>

#include <confscope/parse/document.hpp>
#include <confscope/secrets/redactor.hpp>

#include "test_support.hpp"

using namespace confscope;
using confscope::test::find_node;
using namespace confscope::secrets;

namespace {
const std::string kAnthropic = "sk-ant-api03-Zx8fQ2mN4pR7tV1wY5bC9dG3hJ6kL0sA2qE4uI8oP";
const std::string kGithub = "ghp_R4nd0mT0k3nV4lu3Xx9Yy8Zz7Ww6Vv5Uu4Tt3";
const std::string kAws = "AKIAIOSFODNN7EXAMPL3";
const std::string kSlack = "xoxb-1234567890-abcdefghijkl";

}  // namespace

BOOST_AUTO_TEST_SUITE(secrets)

BOOST_AUTO_TEST_CASE(known_token_shapes_are_found_in_one_pass) {
    const Detector& d = Detector::instance();
    for (const std::string& token :
         {kAnthropic, kGithub, kAws, kSlack, std::string("AIzaSyA1234567890abcdefghijklmnopqrstuv"),
          std::string("sk_live_51Habcdefghijklmnopqrstuvwx"),
          std::string("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz")}) {
        const auto found = d.find_tokens("prefix " + token + " suffix");
        BOOST_TEST_CONTEXT(token) {
            BOOST_REQUIRE(found.size() == 1u);
            BOOST_TEST(found[0].offset == 7u);
            BOOST_TEST(found[0].length == token.size());
        }
    }
    const auto bearer = d.find_tokens("Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345");
    BOOST_REQUIRE(bearer.size() == 1u);
    BOOST_TEST(bearer[0].offset == 22u);  // the token, not the scheme
    const auto pem =
        d.find_tokens("-----BEGIN RSA PRIVATE KEY-----\\nMIIEow\\n-----END RSA PRIVATE KEY-----");
    BOOST_TEST(pem.size() == 1u);
}

BOOST_AUTO_TEST_CASE(near_misses_are_not_tokens) {
    const Detector& d = Detector::instance();
    BOOST_TEST(
        d.find_tokens("task-abcdefghijklmnopqrstuvwxyz").empty());  // no word boundary before sk-
    BOOST_TEST(d.find_tokens("sk-short").empty());
    BOOST_TEST(d.find_tokens("AKIA1234").empty());
    BOOST_TEST(d.find_tokens("${GITHUB_TOKEN}").empty());
    BOOST_TEST(d.find_tokens("Bearer ${TOKEN}").empty());
}

BOOST_AUTO_TEST_CASE(secret_named_keys_need_a_credential_looking_value) {
    const Detector& d = Detector::instance();
    BOOST_TEST((d.classify("API_KEY", "q8Zr2LmT5xWc9") & CONFSCOPE_NODE_FLAG_SECRET_ENTROPY) != 0u);
    BOOST_TEST((d.classify("dbPassword", "hunter2hunter2") & CONFSCOPE_NODE_FLAG_SECRET_ENTROPY) !=
               0u);
    BOOST_TEST((d.classify("Authorization", "Basic dXNlcjpwYXNzd29yZA==") &
                CONFSCOPE_NODE_FLAG_SECRET_ENTROPY) != 0u);
    BOOST_TEST(d.classify("API_KEY", "${API_KEY}") == CONFSCOPE_NODE_FLAG_REFERENCE);
    BOOST_TEST(d.classify("API_KEY", "${API_KEY:-dev}") == CONFSCOPE_NODE_FLAG_REFERENCE);
    BOOST_TEST(d.classify("TOKEN", "env:GITHUB_TOKEN") == CONFSCOPE_NODE_FLAG_REFERENCE);
    BOOST_TEST(d.classify("TOKEN", "") == CONFSCOPE_NODE_FLAG_REFERENCE);
    BOOST_TEST(d.classify("API_KEY", "${{ secrets.API_KEY }}") ==
               CONFSCOPE_NODE_FLAG_REFERENCE);  // Continue
    BOOST_TEST(d.classify("API_KEY", "{env:API_KEY}") ==
               CONFSCOPE_NODE_FLAG_REFERENCE);  // OpenCode
    BOOST_TEST(d.classify("API_KEY", "{file:~/.secrets/key}") == CONFSCOPE_NODE_FLAG_REFERENCE);
    BOOST_TEST(d.classify("bearer_token_env_var", "FIGMA_OAUTH_TOKEN") == 0u);  // a variable's name
    BOOST_TEST(d.classify("API_KEY", "<your-api-key>") == CONFSCOPE_NODE_FLAG_PLACEHOLDER);
    BOOST_TEST(d.classify("API_KEY", "xxxxxxxxxxxxxxxx") == CONFSCOPE_NODE_FLAG_PLACEHOLDER);
    BOOST_TEST(d.classify("MAX_TOKENS", "4096") == 0u);        // not a secret name
    BOOST_TEST(d.classify("tokenizer", "cl100k_base") == 0u);  // "token" is not a word here
    // Glued names count when a secret word ends them.
    BOOST_TEST((d.classify("PGPASSWORD", "Vq7mT2xL9pR4") & CONFSCOPE_NODE_FLAG_SECRET_ENTROPY) !=
               0u);
    BOOST_TEST((d.classify("ANTHROPIC_API_KEY", "your-api-key-here") &
                CONFSCOPE_NODE_FLAG_PLACEHOLDER) != 0u);
    BOOST_TEST(d.classify("SSH_KEY_PATH", "/home/u/.ssh/id") == 0u);  // key is not the last word
    BOOST_TEST(d.classify("PRIVATE_KEY", "/etc/keys/k.pem") == 0u);   // a path
    BOOST_TEST(d.classify("PUBLIC_KEY", "AAAAC3NzaC1lZDI1NTE5AAAAI") == 0u);
    BOOST_TEST(d.classify("API_KEY", "short") == 0u);
    BOOST_TEST((d.classify("anything", kGithub) & CONFSCOPE_NODE_FLAG_SECRET_TOKEN) != 0u);
    BOOST_TEST((d.classify("", "--api-key=q8Zr2LmT5xWc9Yt") & CONFSCOPE_NODE_FLAG_SECRET_ENTROPY) !=
               0u);
}

BOOST_AUTO_TEST_CASE(values_whose_shape_says_what_they_are_are_not_secrets) {
    const Detector& d = Detector::instance();
    constexpr auto secret = CONFSCOPE_NODE_FLAG_SECRET_ENTROPY | CONFSCOPE_NODE_FLAG_SECRET_TOKEN;
    // Claude Code writes this into ~/.claude.json: a timestamp under a token-sounding key.
    BOOST_TEST((d.classify("claudeCodeFirstTokenDate", "2026-03-19T14:08:04.372213Z") & secret) ==
               0u);
    for (const std::string value : {"2026-03-19T14:08:04.372213Z",
                                    "2026-03-19",
                                    "2026-03-19 14:08:04+02:00",
                                    "19.03.2026",
                                    "550e8400-e29b-41d4-a716-446655440000",
                                    "{550E8400-E29B-41D4-A716-446655440000}",
                                    "1234567890123",
                                    "3.14159265",
                                    "1.2.3-beta.4",
                                    "v20.11.1",
                                    "true",
                                    "False",
                                    "someone@example.org",
                                    "/run/secrets/db_password",
                                    "~/.config/tokens/gh",
                                    "./secrets/x",
                                    "../keys/prod.pem",
                                    "C:\\Users\\me\\token.txt",
                                    "$HOME/.ssh/id_ed25519",
                                    "%APPDATA%\\tokens.json",
                                    "passwords.txt",
                                    "path/to/letter.pdf",
                                    "id_rsa.pub",
                                    "secrets/prod/database",
                                    "https://api.example.com/v1/token?x=1"}) {
        BOOST_TEST_CONTEXT(value) {
            BOOST_TEST(Detector::is_non_secret_value(value));
            BOOST_TEST((d.classify("API_TOKEN", value) & secret) == 0u);
            BOOST_TEST((d.classify("db_password", value) & secret) == 0u);
        }
    }
    // Names that describe a secret instead of holding one.
    for (const std::string key :
         {"claudeCodeFirstTokenDate", "token_expires_at", "PASSWORD_FILE", "apiKeyHelper",
          "secretName", "TOKEN_URL", "api_key_env", "password_hash", "tokenType"}) {
        BOOST_TEST_CONTEXT(key) {
            BOOST_TEST(!Detector::is_secret_key_name(key));
        }
    }
    for (const std::string key : {"API_KEY", "GITHUB_TOKEN", "clientSecret", "PGPASSWORD",
                                  "Authorization", "x-api-key", "primaryApiKey", "apiKey"}) {
        BOOST_TEST_CONTEXT(key) {
            BOOST_TEST(Detector::is_secret_key_name(key));
        }
    }
    // Base64 with padding is still a secret under a secret key ('=' is not a NAME=value here).
    BOOST_TEST((d.classify("API_KEY", "dGhpc2lzYXNlY3JldGtleXZhbHVl==") & secret) != 0u);
    // Mixed-case base64 with slashes is not a path.
    BOOST_TEST((d.classify("AWS_SECRET_ACCESS_KEY", "kT9vQ2/Lm8xR4bZ7+wN1pY6cJ3hF0sD5gA2eK8uV") &
                secret) != 0u);
}

BOOST_AUTO_TEST_CASE(placeholders_and_documentation_examples_are_not_secrets) {
    const Detector& d = Detector::instance();
    constexpr auto secret = CONFSCOPE_NODE_FLAG_SECRET_ENTROPY | CONFSCOPE_NODE_FLAG_SECRET_TOKEN;
    for (const std::string value :
         {"anything", "changeme", "<your-token>", "xxxx", "XXXXXXXXXXXXXXXX", "your_api_key_here",
          "put-your-key-here", "sk-...", "sk-ant-…", "********", "mysecretpassword", "password",
          "0000000000000000", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "[REDACTED:SEC-001:12345678]"}) {
        BOOST_TEST_CONTEXT(value) {
            BOOST_TEST((d.classify("API_KEY", value) & secret) == 0u);
        }
    }
    BOOST_TEST(d.find_tokens("key AKIAIOSFODNN7EXAMPLE in the AWS docs").empty());
    BOOST_TEST(d.find_tokens("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").empty());
    BOOST_TEST(d.find_tokens("sk-ant-api03-your-key-goes-here-0123456789").empty());
    // Near misses: real-looking values stay secrets.
    BOOST_TEST((d.classify("API_KEY", "q8Zr2LmT5xWc9Yt") & secret) != 0u);
    BOOST_TEST(d.find_tokens(kAws).size() == 1u);
}

BOOST_AUTO_TEST_CASE(passwords_in_urls_are_found_inside_any_text) {
    const Detector& d = Detector::instance();
    for (const std::string scheme : {"postgresql", "postgres", "mysql", "mongodb+srv", "redis",
                                     "rediss", "amqp", "amqps", "https"}) {
        const std::string text = "psql " + scheme + "://ro:Pw9x2LqZ@db.internal:5432/prod";
        const auto found = d.find_tokens(text);
        BOOST_TEST_CONTEXT(text) {
            BOOST_REQUIRE(found.size() == 1u);
            BOOST_TEST(text.substr(found[0].offset, found[0].length) == "Pw9x2LqZ");
            BOOST_TEST(found[0].shape == "url-credentials");
        }
    }
    BOOST_TEST(d.find_tokens("--db=postgresql://u:S3cr3tPw@db/app").size() == 1u);
    // A short password is still a password.
    BOOST_TEST(d.find_tokens("redis://default:k2@cache:6379").size() == 1u);
    BOOST_TEST(d.find_tokens("use redis://:Qm7vT2xK9p@cache:6379/0 for jobs").size() == 1u);
    // Near misses: references, placeholders, no password, no URL.
    BOOST_TEST(d.find_tokens("postgresql://app:${DB_PASSWORD}@db/app").empty());
    BOOST_TEST(d.find_tokens("postgresql://app:$PGPASS@db/app").empty());
    BOOST_TEST(d.find_tokens("postgres://user:password@localhost/db").empty());
    BOOST_TEST(d.find_tokens("postgres://user:<password>@localhost/db").empty());
    BOOST_TEST(d.find_tokens("https://user@github.com/org/repo").empty());
    BOOST_TEST(d.find_tokens("git@github.com:org/repo.git").empty());
    BOOST_TEST(d.find_tokens("http://localhost:8080/path@v2").empty());
}

BOOST_AUTO_TEST_CASE(values_that_name_their_credential_are_judged_by_that_name) {
    const Detector& d = Detector::instance();
    constexpr auto secret = CONFSCOPE_NODE_FLAG_SECRET_ENTROPY | CONFSCOPE_NODE_FLAG_SECRET_TOKEN;
    BOOST_TEST((d.classify("", "X-API-Key:q8Zr2LmT5xWc9Yt") & secret) != 0u);
    BOOST_TEST((d.classify("", "Authorization:Bearer q8Zr2LmT5xWc9Yt7") & secret) != 0u);
    BOOST_TEST((d.classify("", "--header=Authorization: Bearer q8Zr2LmT5xWc9Yt7") & secret) != 0u);
    BOOST_TEST((d.classify("", "Authorization: Basic dXNlcjpwYXNzd29yZA==") & secret) != 0u);
    const std::string header = "--header=Authorization: Bearer q8Zr2LmT5xWc9Yt7";
    BOOST_TEST(header.substr(Detector::secret_offset(header)) == "q8Zr2LmT5xWc9Yt7");
    // An inner name that is not secret-named does not hide the value from the outer key, and is
    // not kept in the clear.
    const std::string padded = "dGhpc2lzYXNlY3JldA==";
    BOOST_TEST(Detector::secret_offset(padded) == 0u);
    // Near misses.
    BOOST_TEST((d.classify("", "Content-Type:application/json") & secret) == 0u);
    BOOST_TEST((d.classify("", "C:\\Users\\me") & secret) == 0u);
    BOOST_TEST((d.classify("", "--port=8080") & secret) == 0u);
}

BOOST_AUTO_TEST_CASE(escaped_and_continued_tokens_are_redacted) {
    const std::string escaped = "ghp\\u005fR4nd0mT0k3nV4lu3Xx9Yy8Zz7Ww6Vv5Uu4Tt3";
    // JSON: as a value and as a key (a server named with a token).
    const std::string json =
        "{\"mcpServers\": {\"" + escaped + "\": {\"env\": {\"T\": \"" + escaped + "\"}}}}";
    parse::Document doc = parse::parse(sdk::Format::json, json);
    BOOST_REQUIRE(!doc.error);
    flag_document(doc);
    Redaction r = redact_file(json, doc, find_secret_spans(json, doc), {});
    BOOST_TEST(r.text.find("R4nd0mT0k3n") == std::string::npos);
    BOOST_TEST(!parse::parse(sdk::Format::json, r.text).error);
    BOOST_TEST(r.scrubber.scrub("/mcpServers/" + kGithub + "/env").find("R4nd0m") ==
               std::string::npos);
    // The same file, broken: no nodes, the escaped strings are still found.
    const std::string broken = json.substr(0, json.size() - 2);
    doc = parse::parse(sdk::Format::json, broken);
    BOOST_REQUIRE(doc.error.has_value());
    r = redact_file(broken, doc, find_secret_spans(broken, doc), {});
    BOOST_TEST(r.text.find("R4nd0mT0k3n") == std::string::npos);
    // YAML \x5f.
    const std::string yaml = "env:\n  T: \"ghp\\x5fR4nd0mT0k3nV4lu3Xx9Yy8Zz7Ww6Vv5Uu4Tt3\"\n";
    doc = parse::parse(sdk::Format::yaml, yaml);
    BOOST_REQUIRE(!doc.error);
    flag_document(doc);
    r = redact_file(yaml, doc, find_secret_spans(yaml, doc), {});
    BOOST_TEST(r.text.find("R4nd0mT0k3n") == std::string::npos);
    // TOML: a token split over a line continuation in a multi-line basic string.
    const std::string toml =
        "[mcp_servers.gh.env]\nT = \"\"\"ghp_R4nd0mT0k3n\\\n    V4lu3Xx9Yy8Zz7Ww6Vv5Uu4Tt3\"\"\"\n";
    doc = parse::parse(sdk::Format::toml, toml);
    BOOST_REQUIRE(!doc.error);
    flag_document(doc);
    BOOST_TEST(
        (find_node(doc, "/mcp_servers/gh/env/T")->flags & CONFSCOPE_NODE_FLAG_SECRET_TOKEN) != 0u);
    r = redact_file(toml, doc, find_secret_spans(toml, doc), {});
    BOOST_TEST(r.text.find("R4nd0mT0k3n") == std::string::npos);
    BOOST_TEST(r.text.find("V4lu3Xx9") == std::string::npos);
    BOOST_TEST(!parse::parse(sdk::Format::toml, r.text).error);
    // A token as a TOML table key.
    const std::string key = "[mcp_servers." + kGithub + "]\ncommand = \"npx\"\n";
    doc = parse::parse(sdk::Format::toml, key);
    flag_document(doc);
    r = redact_file(key, doc, find_secret_spans(key, doc), {});
    BOOST_TEST(r.text.find(kGithub) == std::string::npos);
    // Near miss: escapes without a token are left alone.
    const std::string plain = "{\"a\": \"line\\nbreak \\u00e9\"}";
    doc = parse::parse(sdk::Format::json, plain);
    flag_document(doc);
    r = redact_file(plain, doc, find_secret_spans(plain, doc), {});
    BOOST_TEST(r.text == plain);
}

BOOST_AUTO_TEST_CASE(prefixed_tokens_of_other_services_and_webhook_urls) {
    const Detector& d = Detector::instance();
    for (const std::string token :
         {"npm_qsR6RZ24lPoQj3oPUlieI2nVsbBi1RMar1jf", "hf_3YZ4Zq0CVB8iY4qw2oF5WJKBQx4BOuPhw",
          "glpat-OqSCJNViCRUCIlsmlHwq", "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",
          "dckr_pat_T2OxHTQi5TMpUFn3NcLSLcwLUKv", "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",
          "sk_test_51Habcdefghijklmnopqrstuvwx", "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"}) {
        BOOST_TEST_CONTEXT(token) {
            BOOST_TEST(d.find_tokens("x " + token + " y").size() == 1u);
        }
    }
    const std::string slack =
        "Post to https://hooks.slack.com/services/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";
    auto found = d.find_tokens(slack);
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(slack.substr(found[0].offset, found[0].length) ==
               "T04QK2M7X/B07L3RZ9P2Q/Xz9kQ2mP7vL4nR8tY1wB3cD6");
    BOOST_TEST(d.find_tokens("https://discord.com/api/webhooks/123456789012345678/"
                             "Qm7vT2xK9pLw8Zr5tK9pLm3QxVx7pQ2mZ9kLwAbCd")
                   .size() == 1u);
    BOOST_TEST(d.find_tokens("-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: x\n\nlQOYBF0=\n"
                             "-----END PGP PRIVATE KEY BLOCK-----")
                   .size() == 1u);
    // A random token in a URL's path is one; words, hashes and ids are not.
    const std::string zapier =
        "https://mcp.zapier.com/api/mcp/s/1MhKd3FfoWvc8c52baaKnFsGqD7ba1jTvTCfbXcZ7YQ/mcp";
    found = d.find_tokens(zapier);
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].shape == "url-path-token");
    BOOST_TEST(d.find_tokens("https://github.com/o/r/commit/"
                             "3f1c9a7e52b44d0e9c618e2f7a4b6d13aa2b3c4d")
                   .empty());
    BOOST_TEST(d.find_tokens("https://docs.example.com/guides/GettingStartedWithTheMcpServer2024/")
                   .empty());
    BOOST_TEST(
        d.find_tokens("https://hooks.slack.com/services/XXXXXXXX/XXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX")
            .empty());
}

BOOST_AUTO_TEST_CASE(random_text_without_a_name_is_a_secret_in_arguments) {
    const Detector& d = Detector::instance();
    constexpr auto secret = CONFSCOPE_NODE_FLAG_SECRET_ENTROPY | CONFSCOPE_NODE_FLAG_SECRET_TOKEN;
    const std::string random = "1MhKd3FfoWvc8c52baaKnFsGqD7ba1jTvTCfbXcZ7YQ";
    BOOST_TEST(Detector::random_token(random));
    BOOST_TEST((d.classify("", "-k=" + random) & secret) != 0u);
    BOOST_TEST((d.classify("", random) & secret) != 0u);
    for (const std::string value :
         {"GettingStartedWithTheMcpServer2024", "MyApplicationConfigurationFileV2Final",
          "ThisIsAVeryLongCamelCaseIdentifierName1", "3f1c9a7e52b44d0e9c618e2f7a4b6d13aa2b3c4d",
          "550e8400-e29b-41d4-a716-446655440000", "@modelcontextprotocol/server-filesystem",
          "--allowed-origins=https://example.com",
          "sha512-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEfGhIjKlMnOpQrSt=="}) {
        BOOST_TEST_CONTEXT(value) {
            BOOST_TEST(!Detector::random_token(value));
            BOOST_TEST((d.classify("", value) & secret) == 0u);
        }
    }
}

BOOST_AUTO_TEST_CASE(code_that_computes_a_value_is_not_a_secret) {
    const Detector& d = Detector::instance();
    constexpr auto secret = CONFSCOPE_NODE_FLAG_SECRET_ENTROPY | CONFSCOPE_NODE_FLAG_SECRET_TOKEN;
    for (const std::string value :
         {"process.env.SLACK_BOT_TOKEN", "os.environ.get('DJANGO_SECRET_KEY')", "os.environ.get(",
          "secrets.token_hex(16)", "ENV['STRIPE_KEY']", "{apiKey}", "config.apiKey", "self.token",
          "Deno.env.get(\"TOKEN\")", "getenv(\"API_TOKEN\")"}) {
        BOOST_TEST_CONTEXT(value) {
            BOOST_TEST(Detector::is_non_secret_value(value));
            BOOST_TEST((d.classify("API_TOKEN", value) & secret) == 0u);
        }
    }
    // Passwords with punctuation stay secrets.
    BOOST_TEST((d.classify("DB_PASSWORD", "Sup3r(Secret)!9x") & secret) != 0u);
    BOOST_TEST((d.classify("DB_PASSWORD", "Qx7.mL2.vR9") & secret) != 0u);
    // In a Markdown body, the same: code is not reported, a literal is.
    const std::string skill =
        "---\nname: slack\n---\n```js\nconst app = new App({\n  token: "
        "process.env.SLACK_BOT_TOKEN,\n"
        "  signingSecret: process.env.SLACK_SIGNING_SECRET,\n});\n```\nSECRET_KEY = "
        "os.environ.get('DJANGO_SECRET_KEY')\nopenai.api_key = "
        "\"sk-proj-Qm9vT2xK9pLw8Zr5tK9pLm3Qx\"\n";
    const parse::Document doc = parse::parse(sdk::Format::markdown, skill);
    const auto spans = find_secret_spans(skill, doc);
    BOOST_REQUIRE(spans.size() == 1u);
    BOOST_TEST(skill.substr(spans[0].offset, 8) == "sk-proj-");
    // Documentation tokens marked as fake or demo are not secrets; URL passwords that name a
    // variable are not either.
    BOOST_TEST(
        d.find_tokens("sk-ant-api03-FAKE_KEY_FOR_DEMO_PURPOSES_ONLY_1234567890abcdef").empty());
    BOOST_TEST(d.find_tokens("postgres://app:DB_PASSWORD@db/app").empty());
}

BOOST_AUTO_TEST_CASE(what_real_skills_and_agents_write_under_secret_names) {
    // Lines of real skills, commands and agents (claude-code-templates, wshobson/agents) that a
    // key=value detector took for secrets.
    const Detector& d = Detector::instance();
    constexpr auto secret = CONFSCOPE_NODE_FLAG_SECRET_ENTROPY | CONFSCOPE_NODE_FLAG_SECRET_TOKEN;
    const std::vector<std::pair<std::string, std::string>> quiet{
        {"POSTGRES_PASSWORD", "postgres"},
        {"key", "database-url"},
        {"key", "Content-Type"},
        {"adminPassword", "secure-password"},
        {"API_KEY", "required-env-var"},
        {"STRIPE_WEBHOOK_SECRET", "whsec_your_webhook_secret"},
        {"password", "testpass123"},
        {"stakingToken", "IERC20(_stakingToken);"},
        {"rewardPerTokenStored", "rewardPerToken();"},
        {"dataKey", "warnings"},
        {"sortKey", "createdAtTimestamp2"},
        {"token", "response.json['access_token']"},
        {"admin_password", "var.grafana_admin_password"}};
    for (const auto& [key, value] : quiet) {
        BOOST_TEST_CONTEXT(key << " = " << value) {
            BOOST_TEST((d.classify(key, value) & secret) == 0u);
        }
    }
    BOOST_TEST(d.find_tokens("DATABASE_URL: postgresql://postgres:postgres@localhost:5432/test_db")
                   .empty());
    // Generated test keys with counting runs are keys, not placeholders.
    BOOST_TEST(d.classify("ANTHROPIC_API_KEY",
                          "sk-ant-api03-PlantedAnthropicKeyForStoreTests0123456789") ==
               (CONFSCOPE_NODE_FLAG_SECRET_TOKEN | CONFSCOPE_NODE_FLAG_SECRET_ENTROPY));
    // Near misses: real credentials under the same names stay secrets.
    const std::vector<std::pair<std::string, std::string>> loud{
        {"POSTGRES_PASSWORD", "Vq7mT2xL9pR4"},
        {"key", "q8Zr2LmT5xWc9Yt4Kd"},
        {"adminPassword", "Kx9!vR2#mQ7z"},
        {"STRIPE_WEBHOOK_SECRET", "whsec_Qm7vT2xK9pLw8Zr5tK9pLm3Q"},
        {"apiKey", "Zr5tK9pLm3QxVx7pQ2mZ9kLw"},
        {"password", "Sup3r(Secret)!9x"}};
    for (const auto& [key, value] : loud) {
        BOOST_TEST_CONTEXT(key << " = " << value) {
            BOOST_TEST((d.classify(key, value) & secret) != 0u);
        }
    }
}

BOOST_AUTO_TEST_CASE(flags_from_the_tokens_of_the_bytes_equal_flags_from_each_value) {
    // The scan searches the bytes once and reuses what it found for every value written as it
    // is; escaped, continued and block values are searched themselves. Same flags either way.
    const std::vector<std::pair<sdk::Format, std::string>> files{
        {sdk::Format::json, "{\"a\": \"" + kGithub + "\", \"b\": \"ghp\\u005f" + kGithub.substr(4) +
                                "\", \"c\": \"plain\", \"" + kSlack +
                                "\": 1, \"d\": [\"--token\", \"Bearer " + kAnthropic + "\"]}"},
        {sdk::Format::yaml,
         "a: " + kAws + "\nb: |\n  line " + kGithub + "\nc: \"x\\x5f" + kGithub + "\"\nd: plain\n"},
        {sdk::Format::toml, "a = \"" + kGithub + "\"\nb = \"\"\"ghp_R4nd0mT0k3n\\\n  " +
                                kGithub.substr(15) + "\"\"\"\n"}};
    for (const auto& [format, text] : files) {
        parse::Document once = parse::parse(format, text);
        parse::Document each = parse::parse(format, text);
        BOOST_REQUIRE(!once.error.has_value());
        const auto tokens = Detector::instance().find_tokens(text);
        flag_document(once, text, &tokens);
        flag_document(each);
        BOOST_REQUIRE(once.nodes.size() == each.nodes.size());
        for (std::size_t i = 0; i < once.nodes.size(); ++i) {
            BOOST_TEST_CONTEXT(text << " " << once.nodes[i].pointer) {
                BOOST_TEST(once.nodes[i].flags == each.nodes[i].flags);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(flag_document_uses_the_flag_before_an_argument) {
    parse::Document doc = parse::parse(
        sdk::Format::json, R"J({"args": ["--api-key", "q8Zr2LmT5xWc9Yt", "--port", "8080"]})J");
    flag_document(doc);
    BOOST_TEST((find_node(doc, "/args/1")->flags & CONFSCOPE_NODE_FLAG_SECRET_ENTROPY) != 0u);
    BOOST_TEST(find_node(doc, "/args/3")->flags == 0u);
}

BOOST_AUTO_TEST_CASE(redacting_a_file_keeps_it_parseable_and_removes_every_secret) {
    const std::string text =
        "{\n  \"env\": {\"GITHUB_TOKEN\": \"" + kGithub +
        "\", \"DB_PASSWORD\": \"hunter2hunter2\",\n" + "          \"REF\": \"${TOKEN}\"},\n" +
        "  \"args\": [\"--header\", \"Authorization: Bearer " + kAnthropic + "\"]\n}\n";
    parse::Document doc = parse::parse(sdk::Format::json, text);
    flag_document(doc);
    const Redaction r =
        redact_file(text, doc, find_secret_spans(text, doc), {{"/env/GITHUB_TOKEN", "SEC-001"}});
    BOOST_TEST(r.text.find(kGithub) == std::string::npos);
    BOOST_TEST(r.text.find("hunter2hunter2") == std::string::npos);
    BOOST_TEST(r.text.find(kAnthropic) == std::string::npos);
    BOOST_TEST(r.text.find("${TOKEN}") != std::string::npos);
    BOOST_TEST(r.text.find(marker("SEC-001", kGithub)) != std::string::npos);
    BOOST_TEST(r.text.find("Authorization: Bearer [REDACTED:SECRET:") != std::string::npos);
    BOOST_TEST(r.count == 3u);
    BOOST_TEST(!parse::parse(sdk::Format::json, r.text).error);  // still valid JSON

    // The same secrets are scrubbed from any text derived from the file.
    const std::string message = "value was hunter2hunter2 and " + kGithub;
    const std::string clean = r.scrubber.scrub(message);
    BOOST_TEST(clean.find("hunter2hunter2") == std::string::npos);
    BOOST_TEST(clean.find(kGithub) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_no_parser_covers_is_redacted_by_key_and_value) {
    // A file that does not parse has no nodes: secret-named pairs are still found by pattern.
    const std::string broken =
        "{\"env\": {\"DB_PASSWORD\": \"hunter2hunter2\" \"PORT\": \"5432\"}}";
    parse::Document doc = parse::parse(sdk::Format::json, broken);
    BOOST_REQUIRE(doc.error.has_value());
    Redaction r = redact_file(broken, doc, find_secret_spans(broken, doc), {});
    BOOST_TEST(r.text.find("hunter2hunter2") == std::string::npos);
    BOOST_TEST(r.text.find("\"5432\"") != std::string::npos);

    // A Markdown body: KEY=value and key: value lines, but not prose or references.
    const std::string memory =
        "---\nname: x\n---\nUse these:\nexport API_KEY=q8Zr2LmT5xWc9Yt\n- db_password: "
        "Vq7mT2xL9pR4zz\n"
        "TOKEN=${TOKEN}\nThe password is documented elsewhere.\n";
    doc = parse::parse(sdk::Format::markdown, memory);
    r = redact_file(memory, doc, find_secret_spans(memory, doc), {});
    BOOST_TEST(r.text.find("q8Zr2LmT5xWc9Yt") == std::string::npos);
    BOOST_TEST(r.text.find("Vq7mT2xL9pR4zz") == std::string::npos);
    BOOST_TEST(r.text.find("TOKEN=${TOKEN}") != std::string::npos);
    BOOST_TEST(r.text.find("The password is documented elsewhere.") != std::string::npos);
    BOOST_TEST(r.scrubber.scrub("was q8Zr2LmT5xWc9Yt").find("q8Zr2LmT5xWc9Yt") ==
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(markers_name_the_rule_and_fingerprint_the_value) {
    const std::string m = marker("SEC-001", "secret-value");
    BOOST_TEST(m.starts_with("[REDACTED:SEC-001:"));
    BOOST_TEST(m.size() == std::string("[REDACTED:SEC-001:12345678]").size());
    BOOST_TEST(m == marker("SEC-001", "secret-value"));
    BOOST_TEST(m != marker("SEC-001", "secret-valuf"));
}

BOOST_AUTO_TEST_CASE(scrub_json_redacts_secret_keys_and_token_shapes) {
    const Scrubber s;
    const std::string json = R"J({"env":{"API_KEY":"q8Zr2LmT5xWc9Yt"},"args":["--token", ")J" +
                             kSlack + R"J("],"ok":"plain"})J";
    const std::string clean = s.scrub_json(json);
    BOOST_TEST(clean.find("q8Zr2LmT5xWc9Yt") == std::string::npos);
    BOOST_TEST(clean.find(kSlack) == std::string::npos);
    BOOST_TEST(clean.find("\"plain\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(yaml_front_matter_secrets_are_redacted_in_place) {
    const std::string text = "---\nname: x\napi_key: q8Zr2LmT5xWc9Yt\n---\nbody " + kAws + "\n";
    parse::Document doc = parse::parse(sdk::Format::markdown, text);
    flag_document(doc);
    const Redaction r = redact_file(text, doc, find_secret_spans(text, doc), {});
    BOOST_TEST(r.text.find("q8Zr2LmT5xWc9Yt") == std::string::npos);
    BOOST_TEST(r.text.find(kAws) == std::string::npos);
    BOOST_TEST(!parse::parse(sdk::Format::markdown, r.text).error);
}

BOOST_AUTO_TEST_SUITE_END()
