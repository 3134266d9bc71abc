// Instructions in prose that send data off the machine or put credentials to use (PI-004): an
// order (a sentence or clause that starts with the verb, or follows "always", "then", "When
// done,") to send, post, upload, forward, exfiltrate … something worth having (data,
// credentials, secrets, keys, tokens, files, .env, ~/.ssh, "the collected …") to a URL that is
// not loopback, an e-mail address or "the endpoint"; or to read a credential file (~/.aws/
// credentials, ~/.ssh/id_*, .env, ~/.netrc) and use, send or print what is in it. Sentences
// that forbid it (instruction_context.hpp) are not reported, nor ordinary requests ("Send the
// password reset link to the user.", "post a comment on the PR", "upload the release files").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claude_code {

struct ProseInstruction {
    std::size_t offset = 0;  ///< where the verb starts
    std::string sentence;    ///< the sentence, for the message
    std::string why;         ///< "sends credentials to collect.example.com"
};

/// Prose (outside fenced code blocks) that orders data sent away or credentials used, at most
/// one per line and 100 per text, in text order.
std::vector<ProseInstruction> prose_exfiltration(std::string_view text);

}  // namespace claude_code
