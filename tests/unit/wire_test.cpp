// The runner wire format: frames cut from a stream that arrives in pieces, garbage refused at its
// first bytes, payload fields checked, and the ABI's structs (a file with its document, items,
// findings) surviving the trip field for field — NULL stays NULL, NUL bytes stay in strings.
#include <boost/test/unit_test.hpp>

#include <confscope/isolation/messages.hpp>
#include <confscope/isolation/wire.hpp>

using namespace confscope;
using namespace confscope::isolation;

namespace {

std::vector<Frame> read_all(FrameReader& reader) {
    std::vector<Frame> frames;
    for (;;) {
        auto next = reader.next();
        BOOST_REQUIRE_MESSAGE(next.is_ok(), next.status().message());
        if (!*next) return frames;
        frames.push_back(std::move(**next));
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(runner_wire)

BOOST_AUTO_TEST_CASE(frames_are_cut_from_a_stream_fed_byte_by_byte) {
    const std::string payload("two\0bytes", 9);
    const std::string stream = encode_frame(MessageType::log, payload) +
                               encode_frame(MessageType::done, "") +
                               encode_frame(MessageType::finding, std::string(70000, 'x'));
    FrameReader reader;
    std::vector<Frame> frames;
    for (const char c : stream) {
        reader.feed(std::string_view(&c, 1));
        auto more = read_all(reader);
        for (Frame& f : more)
            frames.push_back(std::move(f));
    }
    BOOST_REQUIRE(frames.size() == 3u);
    BOOST_TEST((frames[0].type == MessageType::log));
    BOOST_TEST(frames[0].payload == payload);
    BOOST_TEST(frames[1].payload.empty());
    BOOST_TEST(frames[2].payload.size() == 70000u);
    BOOST_TEST(reader.pending() == 0u);
}

BOOST_AUTO_TEST_CASE(garbage_is_refused_at_its_first_bytes) {
    struct Case {
        std::string bytes, expected;
    };
    std::string oversized = encode_frame(MessageType::item, "");
    oversized[5] = '\xff';
    oversized[6] = '\xff';
    oversized[7] = '\xff';
    oversized[8] = '\x7f';
    std::string unknown = encode_frame(MessageType::item, "");
    unknown[4] = 42;
    const std::vector<Case> cases{
        {"Segmentation fault\n", "not a runner frame: bytes 5365676d656e7461"},
        {"CF", ""},  // an incomplete but plausible header is waited for
        {"CX", "not a runner frame"},
        {oversized, "above the limit"},
        {unknown, "unknown runner message type 42"},
    };
    for (const Case& c : cases) {
        FrameReader reader;
        reader.feed(c.bytes);
        auto next = reader.next();
        if (c.expected.empty()) {
            BOOST_TEST(next.is_ok());
            BOOST_TEST(!next->has_value());
            continue;
        }
        BOOST_REQUIRE(!next.is_ok());
        BOOST_TEST((next.status().code() == StatusCode::data_loss));
        BOOST_TEST(next.status().message().find(c.expected) != std::string::npos,
                   next.status().message());
        reader.feed(encode_frame(MessageType::done, ""));  // a failed reader stays failed
        BOOST_TEST(!reader.next().is_ok());
    }
}

BOOST_AUTO_TEST_CASE(payload_fields_are_checked) {
    const std::string payload = PayloadWriter().u32(5).string("hello").i64(-3).take();
    {
        PayloadReader r(payload, "sample");
        BOOST_TEST(r.u32() == 5u);
        BOOST_TEST(r.string() == "hello");
        BOOST_TEST(r.i64() == -3);
        BOOST_TEST(r.finish().is_ok());
    }
    {
        PayloadReader r(payload, "sample");
        (void)r.u32();
        BOOST_TEST(!r.finish().is_ok());  // fields left unread
        BOOST_TEST(r.finish().message().find("unexpected bytes") != std::string::npos);
    }
    {
        PayloadReader r(payload.substr(0, 10), "sample");
        (void)r.u32();
        (void)r.string();
        BOOST_TEST(r.finish().message() == "sample: truncated string at byte 8");
    }
    {
        const std::string forged = PayloadWriter().u32(4000000000u).take();
        PayloadReader r(forged, "list");
        BOOST_TEST(r.count(16) == 0u);
        BOOST_TEST(r.finish().message().find("does not fit") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_file_and_its_document_survive_the_trip) {
    const std::string bytes("{\"k\": \"a\\u0000b\", \"t\": \"ghp_x\"}", 32);
    const std::string nul_value("a\0b", 3);
    confscope_node_v1 root{
        sizeof(confscope_node_v1), CONFSCOPE_NODE_OBJECT, "", "", "", 0, -1, 2, 1, 1, 0, 32, 0};
    confscope_node_v1 k{sizeof(confscope_node_v1),
                        CONFSCOPE_NODE_STRING,
                        "/k",
                        "k",
                        nul_value.c_str(),
                        3,
                        0,
                        0,
                        1,
                        2,
                        6,
                        10,
                        0};
    confscope_node_v1 t{sizeof(confscope_node_v1),
                        CONFSCOPE_NODE_STRING,
                        "/t",
                        "t",
                        "ghp_x",
                        5,
                        0,
                        0,
                        1,
                        18,
                        23,
                        7,
                        CONFSCOPE_NODE_FLAG_SECRET_TOKEN};
    const confscope_node_v1* nodes[] = {&root, &k, &t};
    confscope_secret_v1 secret{sizeof(confscope_secret_v1), 23, 7, 1, 24, "github"};
    const confscope_secret_v1* secrets[] = {&secret};
    confscope_document_v1 doc{};
    doc.struct_size = sizeof doc;
    doc.format = CONFSCOPE_FORMAT_JSON;
    doc.parse_status = CONFSCOPE_OK;
    doc.parse_error = "";
    doc.nodes = nodes;
    doc.node_count = 3;
    doc.bytes = bytes.c_str();
    doc.byte_count = bytes.size();
    doc.secrets = secrets;
    doc.secret_count = 1;
    confscope_file_v1 file{};
    file.struct_size = sizeof file;
    file.path = "/home/u/.mcp.json";
    file.display_path = "~/.mcp.json";
    file.target_id = "mcp";
    file.category = "mcp";
    file.target_name = "Project MCP";
    file.scope = CONFSCOPE_SCOPE_PROJECT;
    file.format = CONFSCOPE_FORMAT_JSON;
    file.project_dir = "/home/u";
    file.size = 32;
    file.mode = 0644;
    file.mtime_unix = -5;
    file.sha256_hex = "ab";
    file.flags = CONFSCOPE_FILE_FLAG_GIT_TRACKED;
    file.home_dir = "/home/u";

    auto decoded = AnalyzeRequest::decode(encode_analyze(file, doc));
    BOOST_REQUIRE_MESSAGE(decoded.is_ok(), decoded.status().message());
    const confscope_file_v1& f = (*decoded)->file();
    BOOST_TEST(std::string(f.display_path) == "~/.mcp.json");
    BOOST_TEST(std::string(f.home_dir) == "/home/u");
    BOOST_TEST(f.mode == 0644u);
    BOOST_TEST(f.mtime_unix == -5);
    BOOST_TEST(f.flags == static_cast<std::uint32_t>(CONFSCOPE_FILE_FLAG_GIT_TRACKED));
    BOOST_TEST((f.scope == CONFSCOPE_SCOPE_PROJECT));
    const confscope_document_v1& d = (*decoded)->document();
    BOOST_REQUIRE(d.node_count == 3u);
    BOOST_TEST(std::string(d.bytes, d.byte_count) == bytes);
    BOOST_TEST(std::string(d.nodes[1]->pointer) == "/k");
    BOOST_TEST(std::string(d.nodes[1]->value, d.nodes[1]->value_size) == nul_value);
    BOOST_TEST(d.nodes[2]->flags == static_cast<std::uint32_t>(CONFSCOPE_NODE_FLAG_SECRET_TOKEN));
    BOOST_TEST(d.nodes[2]->parent == 0);
    BOOST_TEST(d.nodes[0]->child_count == 2u);
    BOOST_TEST(d.nodes[2]->value_offset == 23u);
    BOOST_REQUIRE(d.secret_count == 1u);
    BOOST_TEST(std::string(d.secrets[0]->kind) == "github");
    BOOST_TEST(d.secrets[0]->column == 24u);

    // A node whose parent does not come before it is refused.
    t.parent = 2;
    auto bad = AnalyzeRequest::decode(encode_analyze(file, doc));
    BOOST_REQUIRE(!bad.is_ok());
    BOOST_TEST(bad.status().message().find("node 2 names parent 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(items_findings_logs_and_done_survive_the_trip) {
    confscope_item_v1 item{};
    item.struct_size = sizeof item;
    item.kind = "mcp_server";
    item.client = "cursor";
    item.scope = CONFSCOPE_SCOPE_USER;
    item.name = "github";
    item.data_json = nullptr;  // means {}: must stay NULL
    item.pointer = "/mcpServers/github";
    item.line = 3;
    item.column = 5;
    auto i = ItemMessage::decode(encode_item(item));
    BOOST_REQUIRE(i.is_ok());
    BOOST_TEST(std::string((*i)->view().name) == "github");
    BOOST_TEST((*i)->view().data_json == nullptr);
    BOOST_TEST((*i)->view().path == nullptr);
    BOOST_TEST((*i)->view().column == 5u);

    confscope_finding_v1 finding{};
    finding.struct_size = sizeof finding;
    finding.rule_id = "MCP-003";
    finding.severity = CONFSCOPE_SEVERITY_HIGH;
    finding.message = "plaintext";
    finding.pointer = "/x";
    finding.line = 9;
    finding.path = "/abs/file.json";  // from finish()
    auto f = FindingMessage::decode(encode_finding(finding));
    BOOST_REQUIRE(f.is_ok());
    BOOST_TEST(std::string((*f)->view().path) == "/abs/file.json");
    BOOST_TEST(((*f)->view().severity == CONFSCOPE_SEVERITY_HIGH));
    BOOST_TEST((*f)->view().line == 9u);

    auto log = decode_log(encode_log(CONFSCOPE_LOG_WARNING, "careful"));
    BOOST_REQUIRE(log.is_ok());
    BOOST_TEST(log->text == "careful");
    auto done = decode_done(encode_done(CONFSCOPE_INTERNAL, "boom"));
    BOOST_REQUIRE(done.is_ok());
    BOOST_TEST((done->status == CONFSCOPE_INTERNAL));
    BOOST_TEST(done->error == "boom");

    // A truncated item is refused, naming the message.
    const std::string payload = encode_item(item);
    auto cut = ItemMessage::decode(std::string_view(payload).substr(0, payload.size() - 3));
    BOOST_REQUIRE(!cut.is_ok());
    BOOST_TEST(cut.status().message().find("item message: truncated") != std::string::npos);
}

// An exporter's input survives the trip field for field; an item or finding that names a file
// the message does not hold is refused (the exporter indexes files by it).
BOOST_AUTO_TEST_CASE(an_export_input_survives_the_trip_and_bad_file_indexes_are_refused) {
    confscope_export_file_v1 file{};
    file.struct_size = sizeof file;
    file.plugin = "mcp";
    file.display_path = "app/.mcp.json";
    file.size = 42;
    file.mode = 0644;
    file.exists = 1;
    const confscope_export_file_v1* files[] = {&file};
    confscope_export_finding_v1 finding{};
    finding.struct_size = sizeof finding;
    finding.rule_id = "MCP-004";
    finding.severity = CONFSCOPE_SEVERITY_MEDIUM;
    const std::string message("two\0words", 9);
    finding.message = message.c_str();  // a C string: it ends at the NUL
    finding.file = 0;
    finding.line = 7;
    finding.suppressed = 1;
    finding.suppression = "baseline";
    const confscope_export_finding_v1* findings[] = {&finding};
    const char* keys[] = {"what"};
    const char* values[] = {"findings"};
    confscope_export_input_v1 in{};
    in.struct_size = sizeof in;
    in.scan_uuid = "0f8c4b6e-2a51-4d3e-9b7a-5c1d2e3f4a5b";
    in.duration_ms = 1234;
    in.option_keys = keys;
    in.option_values = values;
    in.option_count = 1;
    in.files = files;
    in.file_count = 1;
    in.findings = findings;
    in.finding_count = 1;
    auto decoded = ExportRequest::decode(encode_export(in));
    BOOST_REQUIRE_MESSAGE(decoded.is_ok(), decoded.status().message());
    const confscope_export_input_v1& out = (*decoded)->input();
    BOOST_TEST(std::string(out.scan_uuid) == in.scan_uuid);
    BOOST_TEST(out.duration_ms == 1234);
    BOOST_REQUIRE(out.option_count == 1u);
    BOOST_TEST(std::string(out.option_values[0]) == "findings");
    BOOST_REQUIRE(out.file_count == 1u);
    BOOST_TEST(std::string(out.files[0]->display_path) == "app/.mcp.json");
    BOOST_TEST(out.files[0]->mode == 0644u);
    BOOST_TEST(std::string(out.files[0]->target_name).empty());  // NULL became ""
    BOOST_REQUIRE(out.finding_count == 1u);
    BOOST_TEST(std::string(out.findings[0]->rule_id) == "MCP-004");
    BOOST_TEST(out.findings[0]->line == 7u);
    BOOST_TEST(out.findings[0]->suppressed == 1);
    BOOST_TEST(std::string(out.findings[0]->message) == "two");
    BOOST_TEST(out.item_count == 0u);

    finding.file = 1;  // one past the only file
    const auto forged = ExportRequest::decode(encode_export(in));
    BOOST_TEST(!forged.is_ok());
    BOOST_TEST(forged.status().message().find("a finding names file 1 of 1") != std::string::npos,
               forged.status().message());
    // A truncated message is refused, never read past its end.
    const std::string whole = encode_export(in);
    BOOST_TEST(!ExportRequest::decode(std::string_view(whole).substr(0, whole.size() - 3)).is_ok());
}

BOOST_AUTO_TEST_SUITE_END()
