// The isolated runner's wire format (core/src/isolation/wire.cpp, messages.cpp), both directions:
// the first byte picks the stream reader (FrameReader fed in pieces whose sizes the next byte sets)
// or one message decoder; the rest is what the other process sent. A decoded analyze request is
// walked like a plugin would walk it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <confscope/isolation/messages.hpp>
#include <confscope/isolation/wire.hpp>
#include <confscope/parse/document.hpp>
#include <confscope/sdk/document.hpp>
#include <confscope/secrets/detector.hpp>
#include <confscope/secrets/redactor.hpp>

#include "fuzz_support.hpp"

using namespace confscope;
using namespace confscope::isolation;

namespace {

void read_frames(std::string_view bytes) {
    if (bytes.empty()) return;
    const std::size_t piece = 1 + static_cast<std::uint8_t>(bytes[0]) % 64;
    bytes.remove_prefix(1);
    FrameReader reader(1u << 20);
    while (true) {
        const std::string_view chunk = bytes.substr(0, piece);
        bytes.remove_prefix(chunk.size());
        reader.feed(chunk);
        while (true) {
            auto frame = reader.next();
            if (!frame) return;  // stays failed
            if (!*frame) break;
            CONFSCOPE_FUZZ_CHECK((*frame)->payload.size() <= (1u << 20));
        }
        if (bytes.empty()) break;
    }
    (void)reader.pending();
}

// A decoded request holds what an in-process document holds: parents before children, every
// span inside the bytes. Plugins rely on it (they slice the bytes by these spans).
void walk(const confscope_document_v1& raw) {
    CONFSCOPE_FUZZ_CHECK(raw.body_offset <= raw.byte_count);
    for (std::size_t i = 0; i < raw.node_count; ++i) {
        const confscope_node_v1& n = *raw.nodes[i];
        CONFSCOPE_FUZZ_CHECK(n.parent >= -1 && n.parent < static_cast<std::int64_t>(i));
        CONFSCOPE_FUZZ_CHECK(n.value_offset <= raw.byte_count &&
                             n.value_length <= raw.byte_count - n.value_offset);
    }
    for (std::size_t i = 0; i < raw.secret_count; ++i) {
        const confscope_secret_v1& s = *raw.secrets[i];
        CONFSCOPE_FUZZ_CHECK(s.offset <= raw.byte_count && s.length <= raw.byte_count - s.offset);
    }
    const sdk::Document doc(raw);
    (void)doc.body();
    (void)doc.secrets();
    for (const sdk::Node& node : doc.select("/**")) {
        (void)node.parent();
        (void)node.strings();
    }
}

// Seeds: one message of each kind made by the product's own encoders (so they follow the format),
// and a stream of framed messages.
void write_seeds() {
    auto seed = [](std::uint8_t selector, const std::string& payload) {
        fuzz::write_seed(std::string(1, static_cast<char>(selector)) + payload);
    };
    PluginHello hello;
    hello.name = "claude-code";
    hello.version = "0.1.0";
    hello.abi_major = 1;
    hello.kinds = CONFSCOPE_KIND_SCANNER;
    hello.family = "claude";
    hello.library_sha256 = std::string(64, 'a');
    hello.rules.push_back({"MCP-001", sdk::Severity::high, "title", "help", ""});
    seed(1, encode_hello(hello));
    std::vector<sdk::Target> targets(1);
    targets[0] = {"settings",
                  "settings",
                  "User settings",
                  "{CLAUDE_CONFIG_DIR}/settings.json",
                  sdk::Format::json,
                  sdk::Scope::user,
                  0};
    seed(2, encode_targets(targets));

    const std::string bytes =
        R"({"mcpServers":{"x":{"command":"npx","args":["-y","pkg"],"env":{"TOKEN":"ghp_)"
        R"(aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}}}})";
    parse::Document doc = parse::parse(sdk::Format::json, bytes);
    secrets::flag_document(doc);
    const auto spans = secrets::find_secret_spans(bytes, doc);
    const fuzz::DocumentView view(doc, bytes, spans);
    confscope_file_v1 file{};
    file.struct_size = sizeof file;
    file.path = "/home/u/.claude/settings.json";
    file.display_path = "~/.claude/settings.json";
    file.target_id = "settings";
    file.category = "settings";
    file.target_name = "User settings";
    file.format = CONFSCOPE_FORMAT_JSON;
    file.scope = CONFSCOPE_SCOPE_USER;
    file.project_dir = "";
    file.sha256_hex = "0000";
    file.home_dir = "/home/u";
    const std::string analyze = encode_analyze(file, view.document);
    seed(3, analyze);

    confscope_item_v1 item{};
    item.struct_size = sizeof item;
    item.kind = "mcp_server";
    item.client = "claude-code";
    item.scope = CONFSCOPE_SCOPE_USER;
    item.name = "x";
    item.data_json = R"({"command":"npx"})";
    item.pointer = "/mcpServers/x";
    item.line = 1;
    item.column = 2;
    const std::string item_payload = encode_item(item);
    seed(4, item_payload);
    confscope_finding_v1 finding{};
    finding.struct_size = sizeof finding;
    finding.rule_id = "MCP-001";
    finding.severity = CONFSCOPE_SEVERITY_HIGH;
    finding.message = "a message";
    finding.pointer = "/mcpServers/x";
    finding.path = "/home/u/.claude/settings.json";
    const std::string finding_payload = encode_finding(finding);
    seed(5, finding_payload);
    seed(6, encode_log(CONFSCOPE_LOG_WARNING, "a line"));
    seed(7, encode_done(CONFSCOPE_OK, ""));
    seed(0, std::string(1, '\x07') + encode_frame(MessageType::analyze, analyze) +
                encode_frame(MessageType::item, item_payload) +
                encode_frame(MessageType::finding, finding_payload) +
                encode_frame(MessageType::done, encode_done(CONFSCOPE_OK, "")));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (fuzz::seed_folder() != nullptr) write_seeds();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view payload(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 8) {
        case 0:
            read_frames(payload);
            break;
        case 1:
            (void)decode_hello(payload);
            break;
        case 2:
            (void)decode_targets(payload);
            break;
        case 3: {
            auto request = AnalyzeRequest::decode(payload);
            if (request) walk((*request)->document());
            break;
        }
        case 4:
            (void)ItemMessage::decode(payload);
            break;
        case 5:
            (void)FindingMessage::decode(payload);
            break;
        case 6:
            (void)decode_log(payload);
            break;
        case 7:
            (void)decode_done(payload);
            break;
    }
    return 0;
}
