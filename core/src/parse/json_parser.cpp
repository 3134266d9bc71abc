// JSON and JSON-with-comments into the document model, with RapidJSON's SAX reader.
//
// RapidJSON calls the handler right after it consumed a token, so the stream offset at that moment
// is the token's end; the start is found by scanning back over the token in the raw text (for a
// string: to the opening quote that is not escaped). The iterative parser keeps deep nesting off
// the call stack, so a hostile file cannot overflow it.
#include <algorithm>
#include <string>
#include <vector>

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <confscope/parse/document.hpp>

namespace confscope::parse::detail {

namespace {

// Limits that keep a hostile file from exhausting memory: every node carries its full pointer, so
// depth multiplies memory.
constexpr std::size_t kMaxDepth = 512;
constexpr std::size_t kMaxNodes = 2'000'000;
// Every node's pointer repeats its ancestors' keys: one 4 MiB key over a million-element array
// would make 4 TB of pointers. Their total is capped at 16 times the file (at least 64 MiB).
constexpr std::size_t kMinPointerBudget = std::size_t{64} << 20;

class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
  public:
    Handler(std::string_view text, std::size_t base, const LineIndex& index, Document& doc,
            const rapidjson::MemoryStream& stream)
        : text_(text), base_(base), index_(index), doc_(doc), stream_(stream) {}

    bool Null() { return scalar(NodeKind::null, "null", literal_start(4)); }
    bool Bool(bool b) {
        return scalar(NodeKind::boolean, b ? "true" : "false", literal_start(b ? 4 : 5));
    }
    bool RawNumber(const char* str, rapidjson::SizeType length, bool /*copy*/) {
        return scalar(NodeKind::number, std::string_view(str, length), end() - length);
    }
    bool String(const char* str, rapidjson::SizeType length, bool /*copy*/) {
        return scalar(NodeKind::string, std::string_view(str, length), string_start());
    }
    bool Key(const char* str, rapidjson::SizeType length, bool /*copy*/) {
        Frame& frame = frames_.back();
        frame.key.assign(str, length);
        frame.key_offset = string_start();
        return true;
    }
    bool StartObject() { return open(NodeKind::object); }
    bool EndObject(rapidjson::SizeType /*members*/) { return close(); }
    bool StartArray() { return open(NodeKind::array); }
    bool EndArray(rapidjson::SizeType /*elements*/) { return close(); }

  private:
    struct Frame {
        std::int32_t node;
        bool is_array;
        std::uint32_t next_index = 0;
        std::string key;
        std::size_t key_offset = 0;
    };

    [[nodiscard]] std::size_t end() const { return stream_.Tell(); }
    [[nodiscard]] std::size_t literal_start(std::size_t length) const { return end() - length; }

    // The opening quote of the string that ends at end() - 1.
    [[nodiscard]] std::size_t string_start() const {
        std::size_t i = end() - 1;  // the closing quote
        while (i > 0) {
            --i;
            if (text_[i] != '"') continue;
            std::size_t backslashes = 0;
            for (std::size_t j = i; j > 0 && text_[j - 1] == '\\'; --j)
                ++backslashes;
            if (backslashes % 2 == 0) return i;
        }
        return 0;
    }

    // Adds a node for the value that starts at `start` (an offset in text_) and returns its index.
    std::int32_t add(NodeKind kind, std::string_view value, std::size_t start) {
        Node node;
        node.kind = kind;
        node.value.assign(value);
        node.value_offset = base_ + start;
        std::size_t position_offset = start;
        if (!frames_.empty()) {
            Frame& parent_frame = frames_.back();
            Node& parent = doc_.nodes[static_cast<std::size_t>(parent_frame.node)];
            node.parent = parent_frame.node;
            ++parent.child_count;
            if (parent_frame.is_array) {
                node.key = std::to_string(parent_frame.next_index++);
                node.pointer = parent.pointer + "/" + node.key;
            } else {
                node.key = std::move(parent_frame.key);
                node.pointer = parent.pointer + "/" + escape_pointer_token(node.key);
                position_offset = parent_frame.key_offset;
            }
        }
        pointer_bytes_ += node.pointer.size();
        const LineIndex::Position pos = index_.position(base_ + position_offset);
        node.line = pos.line;
        node.column = pos.column;
        doc_.nodes.push_back(std::move(node));
        return static_cast<std::int32_t>(doc_.nodes.size() - 1);
    }

    bool scalar(NodeKind kind, std::string_view value, std::size_t start) {
        if (doc_.nodes.size() >= kMaxNodes)
            return abort("more than " + std::to_string(kMaxNodes) + " values");
        if (pointer_bytes_ > pointer_budget())
            return abort("keys too long: the paths to the values would take more than " +
                         std::to_string(pointer_budget() >> 20) + " MiB");
        const std::int32_t i = add(kind, value, start);
        doc_.nodes[static_cast<std::size_t>(i)].value_length = end() - start;
        return true;
    }

    bool open(NodeKind kind) {
        if (frames_.size() >= kMaxDepth)
            return abort("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
        if (pointer_bytes_ > pointer_budget())
            return abort("keys too long: the paths to the values would take more than " +
                         std::to_string(pointer_budget() >> 20) + " MiB");
        // The iterative reader calls StartObject/StartArray before it takes the bracket, and
        // EndObject/EndArray before it takes the closing one: the container spans from end() here
        // to end() + 1 in close(). (end() - 1 put the span one byte early, and the root's at
        // offset -1, which wrapped to 2^64 - 1.)
        const std::int32_t i = add(kind, "", end());
        frames_.push_back({i, kind == NodeKind::array, 0, {}, 0});
        return true;
    }

    bool close() {
        Node& node = doc_.nodes[static_cast<std::size_t>(frames_.back().node)];
        node.value_length = base_ + end() + 1 - node.value_offset;
        frames_.pop_back();
        return true;
    }

    // Stops the parse with a reason of our own (RapidJSON then reports kParseErrorTermination).
    [[nodiscard]] std::size_t pointer_budget() const {
        return std::max(kMinPointerBudget, 16 * text_.size());
    }

    bool abort(std::string reason) {
        limit_error_ = std::move(reason);
        return false;
    }

  public:
    [[nodiscard]] const std::string& limit_error() const { return limit_error_; }

  private:
    std::string_view text_;
    std::size_t base_;
    const LineIndex& index_;
    Document& doc_;
    const rapidjson::MemoryStream& stream_;
    std::size_t pointer_bytes_ = 0;
    std::vector<Frame> frames_;
    std::string limit_error_;
};

}  // namespace

void parse_json(std::string_view text, std::size_t base, const LineIndex& index, Document& doc) {
    constexpr unsigned kFlags =
        rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag |
        rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseValidateEncodingFlag |
        rapidjson::kParseIterativeFlag;
    rapidjson::MemoryStream stream(text.data(), text.size());
    Handler handler(text, base, index, doc, stream);
    rapidjson::Reader reader;
    const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
    if (!result) {
        const LineIndex::Position pos = index.position(base + result.Offset());
        std::string message = handler.limit_error().empty()
                                  ? rapidjson::GetParseError_En(result.Code())
                                  : handler.limit_error();
        if (!message.empty() && message.back() == '.') message.pop_back();
        doc.error = ParseError{std::move(message), pos.line, pos.column};
    }
}

}  // namespace confscope::parse::detail
