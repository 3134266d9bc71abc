// Every parser (JSON, JSONC, TOML, YAML, Markdown front matter, text) and the document model: the
// first byte picks the format, the rest is the file. Checks the model's invariants (parent before
// child, spans inside the file, positions from LineIndex) and walks it with the SDK's selectors.
#include <cstddef>
#include <cstdint>
#include <string>

#include <confscope/parse/document.hpp>
#include <confscope/sdk/document.hpp>

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

    const parse::Document doc = parse::parse(format, bytes);
    CONFSCOPE_FUZZ_CHECK(!doc.error || doc.nodes.empty());
    CONFSCOPE_FUZZ_CHECK(doc.body_offset <= bytes.size());
    const parse::LineIndex index(bytes);
    for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
        const parse::Node& n = doc.nodes[i];
        CONFSCOPE_FUZZ_CHECK(n.parent < static_cast<std::int64_t>(i));
        CONFSCOPE_FUZZ_CHECK(i == 0 || n.parent >= 0);
        CONFSCOPE_FUZZ_CHECK(n.value_offset <= bytes.size());
        CONFSCOPE_FUZZ_CHECK(n.value_length <= bytes.size() - n.value_offset);
        if (n.parent >= 0) CONFSCOPE_FUZZ_CHECK(n.pointer.starts_with(doc.nodes[n.parent].pointer));
        const parse::LineIndex::Position at = index.position(n.value_offset);
        CONFSCOPE_FUZZ_CHECK(index.offset(at.line, at.column) <= bytes.size());
    }

    const std::vector<secrets::SecretSpan> no_spans;
    const fuzz::DocumentView view(doc, bytes, no_spans);
    const sdk::Document sdk_doc(view.document);
    (void)sdk_doc.body();
    for (const char* pattern : {"/**", "/*", "/*/*/env/*", "/mcpServers/*/command", "/**/command",
                                "/hooks/**/command", "", "/", "/~1/~0"}) {
        for (const sdk::Node& node : sdk_doc.select(pattern)) {
            (void)node.parent();
            (void)node.strings();
        }
    }
    const std::size_t limit = doc.nodes.size() < 64 ? doc.nodes.size() : 64;
    for (std::size_t i = 0; i < limit; ++i)
        (void)sdk_doc.find(doc.nodes[i].pointer);
    return 0;
}
