#include <cstring>

#include <confscope/isolation/wire.hpp>

namespace confscope::isolation {

namespace {

constexpr char kMagic[4] = {'C', 'F', 'S', '1'};
constexpr std::size_t kHeaderSize = 4 + 1 + 4;

template <typename T>
void put_le(std::string& out, T value) {
    for (std::size_t i = 0; i < sizeof(T); ++i)
        out.push_back(static_cast<char>((static_cast<std::uint64_t>(value) >> (8 * i)) & 0xFF));
}

template <typename T>
T get_le(const char* data) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i)
        value |= static_cast<std::uint64_t>(static_cast<unsigned char>(data[i])) << (8 * i);
    return static_cast<T>(value);
}

bool known_type(std::uint8_t type) {
    return type >= static_cast<std::uint8_t>(MessageType::hello) &&
           type <= static_cast<std::uint8_t>(MessageType::output);
}

std::string hex_prefix(std::string_view bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes.size() && i < 8; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        out += digits[c >> 4];
        out += digits[c & 0xF];
    }
    return out;
}

Status data_loss(std::string message) {
    return {StatusCode::data_loss, std::move(message)};
}

}  // namespace

std::string encode_frame(MessageType type, std::string_view payload) {
    std::string out;
    out.reserve(kHeaderSize + payload.size());
    out.append(kMagic, sizeof kMagic);
    out.push_back(static_cast<char>(type));
    put_le(out, static_cast<std::uint32_t>(payload.size()));
    out.append(payload);
    return out;
}

Result<std::optional<Frame>> FrameReader::next() {
    if (!failure_.is_ok()) return failure_;
    const std::string_view rest = std::string_view(buffer_).substr(consumed_);
    if (rest.size() < kHeaderSize) {
        // A partial header must still start like one: garbage is reported at its first bytes.
        if (std::memcmp(rest.data(), kMagic, std::min(rest.size(), sizeof kMagic)) != 0) {
            failure_ = data_loss("not a runner frame: bytes " + hex_prefix(rest) +
                                 " where \"CFS1\" was expected");
            return failure_;
        }
        return std::optional<Frame>();
    }
    if (std::memcmp(rest.data(), kMagic, sizeof kMagic) != 0) {
        failure_ = data_loss("not a runner frame: bytes " + hex_prefix(rest) +
                             " where \"CFS1\" was expected");
        return failure_;
    }
    const auto type = static_cast<std::uint8_t>(rest[4]);
    if (!known_type(type)) {
        failure_ = data_loss("unknown runner message type " + std::to_string(type));
        return failure_;
    }
    const auto size = get_le<std::uint32_t>(rest.data() + 5);
    if (size > max_payload_) {
        failure_ = data_loss("runner frame of " + std::to_string(size) +
                             " bytes is above the limit of " + std::to_string(max_payload_));
        return failure_;
    }
    if (rest.size() < kHeaderSize + size) return std::optional<Frame>();
    Frame frame{static_cast<MessageType>(type), std::string(rest.substr(kHeaderSize, size))};
    consumed_ += kHeaderSize + size;
    if (consumed_ > buffer_.size() / 2) {  // keep the buffer from growing without bound
        buffer_.erase(0, consumed_);
        consumed_ = 0;
    }
    return std::optional<Frame>(std::move(frame));
}

PayloadWriter& PayloadWriter::u8(std::uint8_t v) {
    bytes_.push_back(static_cast<char>(v));
    return *this;
}
PayloadWriter& PayloadWriter::u32(std::uint32_t v) {
    put_le(bytes_, v);
    return *this;
}
PayloadWriter& PayloadWriter::u64(std::uint64_t v) {
    put_le(bytes_, v);
    return *this;
}
PayloadWriter& PayloadWriter::i32(std::int32_t v) {
    put_le(bytes_, static_cast<std::uint32_t>(v));
    return *this;
}
PayloadWriter& PayloadWriter::i64(std::int64_t v) {
    put_le(bytes_, static_cast<std::uint64_t>(v));
    return *this;
}
PayloadWriter& PayloadWriter::string(std::string_view v) {
    put_le(bytes_, static_cast<std::uint32_t>(v.size()));
    bytes_.append(v);
    return *this;
}

bool PayloadReader::take(std::size_t n, const char* field) {
    if (!failure_.empty()) return false;
    if (bytes_.size() - at_ < n) {
        failure_ = std::string("truncated ") + field + " at byte " + std::to_string(at_);
        return false;
    }
    return true;
}

std::uint8_t PayloadReader::u8() {
    if (!take(1, "byte")) return 0;
    return static_cast<std::uint8_t>(bytes_[at_++]);
}
std::uint32_t PayloadReader::u32() {
    if (!take(4, "integer")) return 0;
    const auto v = get_le<std::uint32_t>(bytes_.data() + at_);
    at_ += 4;
    return v;
}
std::uint64_t PayloadReader::u64() {
    if (!take(8, "integer")) return 0;
    const auto v = get_le<std::uint64_t>(bytes_.data() + at_);
    at_ += 8;
    return v;
}
std::int32_t PayloadReader::i32() {
    return static_cast<std::int32_t>(u32());
}
std::int64_t PayloadReader::i64() {
    return static_cast<std::int64_t>(u64());
}
std::string PayloadReader::string() {
    const std::uint32_t size = u32();
    if (!take(size, "string")) return {};
    std::string v(bytes_.substr(at_, size));
    at_ += size;
    return v;
}
std::uint32_t PayloadReader::count(std::size_t min_element_bytes) {
    const std::uint32_t n = u32();
    if (!failure_.empty()) return 0;
    const std::size_t left = bytes_.size() - at_;
    if (min_element_bytes > 0 && n > left / min_element_bytes) {
        failure_ = "a count of " + std::to_string(n) + " elements does not fit the " +
                   std::to_string(left) + " bytes left at byte " + std::to_string(at_);
        return 0;
    }
    return n;
}

Status PayloadReader::finish() const {
    if (!failure_.empty()) return data_loss(what_ + ": " + failure_);
    if (at_ != bytes_.size()) {
        return data_loss(what_ + ": " + std::to_string(bytes_.size() - at_) +
                         " unexpected bytes after the last field");
    }
    return Status::ok();
}

}  // namespace confscope::isolation
