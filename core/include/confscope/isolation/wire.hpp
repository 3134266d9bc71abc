// confscope/isolation/wire.hpp — the byte format between the host and an isolated plugin runner
// (a child process that loads one plugin and answers over a pipe).
//
// A stream is a sequence of frames: the magic "CFS1", a message type (1 byte), the payload length
// (4 bytes, little-endian) and the payload. A payload is a sequence of fields: unsigned and signed
// integers (fixed-width little-endian) and byte strings (a 4-byte length, then the bytes; they may
// hold NUL). Everything is plain data: no pointers, no C++ types, the same on both sides.
//
// A reader trusts nothing: a bad magic, an unknown type, a frame above the size limit, a truncated
// field or bytes left over after the last field are errors that name what was wrong — a child that
// writes garbage to its stdout is detected at the first bad byte, not believed.
//
// Example:
//     PayloadWriter p;
//     p.u32(7).string("MCP-003");
//     write(fd, encode_frame(MessageType::finding, p.take()));
//     ...
//     FrameReader reader;
//     reader.feed(bytes_from_pipe);
//     while (auto frame = reader.next()) { if (!*frame) break; ... }  // Result<optional<Frame>>
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <confscope/base/status.hpp>

namespace confscope::isolation {

/// What a frame carries. Host → runner: hello, targets, analyze, finish, shutdown.
/// Runner → host: hello (its descriptor), targets (its list), item, finding, log, done.
enum class MessageType : std::uint8_t {
    hello = 1,
    targets = 2,
    analyze = 3,
    item = 4,
    finding = 5,
    log = 6,
    done = 7,
    finish = 8,
    shutdown = 9,
    export_scan = 10,  ///< host → runner: an exporter's input; answered by output frames and done
    output = 11,       ///< runner → host: bytes an exporter wrote
};

/// The largest payload a reader accepts (a file's bytes and its document fit well under it).
inline constexpr std::uint32_t kMaxPayload = 256u * 1024u * 1024u;

struct Frame {
    MessageType type = MessageType::done;
    std::string payload;
};

/// The bytes of one frame.
std::string encode_frame(MessageType type, std::string_view payload);

/// Cuts frames out of a byte stream that arrives in pieces.
class FrameReader {
  public:
    explicit FrameReader(std::uint32_t max_payload = kMaxPayload) : max_payload_(max_payload) {}

    /// Appends bytes read from the stream.
    void feed(std::string_view bytes) { buffer_.append(bytes); }

    /// The next complete frame; nothing while one is still incomplete; an error (data_loss) for
    /// bytes that are not a frame. After an error the reader stays failed.
    Result<std::optional<Frame>> next();

    /// Bytes received but not yet part of a returned frame (a stream that ends with some is
    /// truncated).
    [[nodiscard]] std::size_t pending() const { return buffer_.size() - consumed_; }

  private:
    std::string buffer_;
    std::size_t consumed_ = 0;
    std::uint32_t max_payload_;
    Status failure_;
};

/// Builds a payload field by field.
class PayloadWriter {
  public:
    PayloadWriter& u8(std::uint8_t v);
    PayloadWriter& u32(std::uint32_t v);
    PayloadWriter& u64(std::uint64_t v);
    PayloadWriter& i32(std::int32_t v);
    PayloadWriter& i64(std::int64_t v);
    PayloadWriter& string(std::string_view v);
    /// A C string from the ABI; NULL is written as "".
    PayloadWriter& c_string(const char* v) { return string(v != nullptr ? v : ""); }
    std::string take() { return std::move(bytes_); }

  private:
    std::string bytes_;
};

/// Reads a payload field by field; the first failure sticks, so a message can be read whole and
/// checked once with finish().
class PayloadReader {
  public:
    explicit PayloadReader(std::string_view payload, std::string what)
        : bytes_(payload), what_(std::move(what)) {}

    std::uint8_t u8();
    std::uint32_t u32();
    std::uint64_t u64();
    std::int32_t i32();
    std::int64_t i64();
    std::string string();
    /// A count of elements that follow, each at least `min_element_bytes` long: refused when the
    /// payload cannot hold that many (a forged count must not make the reader allocate).
    std::uint32_t count(std::size_t min_element_bytes);

    /// OK when every field was read and nothing is left over; else what went wrong, naming the
    /// message.
    [[nodiscard]] Status finish() const;
    [[nodiscard]] bool ok() const { return failure_.empty(); }

  private:
    bool take(std::size_t n, const char* field);

    std::string_view bytes_;
    std::size_t at_ = 0;
    std::string what_;
    std::string failure_;
};

}  // namespace confscope::isolation
