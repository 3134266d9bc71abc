// Secret detection and redaction over a parsed file: the token pass over the bytes, the node flags,
// the secret spans, the redacted copy that is stored, and the scrubbers used on messages, items and
// logs. The first byte picks the format. Every span lies inside the file.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include <confscope/parse/document.hpp>
#include <confscope/secrets/detector.hpp>
#include <confscope/secrets/redactor.hpp>

#include "fuzz_support.hpp"

using namespace confscope;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::write_format_seeds();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const sdk::Format format = fuzz::format_of(data[0]);
    const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    const secrets::Detector& detector = secrets::Detector::instance();

    parse::Document doc = parse::parse(format, bytes);
    const std::vector<secrets::TokenMatch> tokens = detector.find_tokens(bytes);
    std::size_t end = 0;
    for (const secrets::TokenMatch& t : tokens) {
        CONFSCOPE_FUZZ_CHECK(t.offset >= end);  // sorted, not overlapping
        CONFSCOPE_FUZZ_CHECK(t.length <= bytes.size() && t.offset <= bytes.size() - t.length);
        end = t.offset + t.length;
    }
    secrets::flag_document(doc, bytes, &tokens);
    const std::vector<secrets::SecretSpan> spans = secrets::find_secret_spans(bytes, doc, tokens);
    for (const secrets::SecretSpan& s : spans)
        CONFSCOPE_FUZZ_CHECK(s.length <= bytes.size() && s.offset <= bytes.size() - s.length);

    // Every node with a secret-ish flag gets a rule, as the scan gives SEC findings one.
    std::map<std::string, std::string, std::less<>> rules;
    for (const parse::Node& n : doc.nodes)
        if (n.flags != 0) rules.emplace(n.pointer, "SEC-006");
    secrets::Redaction redaction = secrets::redact_file(bytes, doc, spans, rules);
    (void)redaction.scrubber.scrub(bytes);
    (void)redaction.scrubber.scrub_json(bytes);
    const secrets::Redaction text = secrets::redact_text(bytes, format);
    (void)text.scrubber.scrub(bytes.substr(0, 256));
    for (const parse::Node& n : doc.nodes) {
        (void)detector.classify(n.key, n.value);
        (void)secrets::Detector::secret_offset(n.value);
    }
    return 0;
}
