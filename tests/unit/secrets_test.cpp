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
