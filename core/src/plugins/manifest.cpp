#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <confscope/io/sha256.hpp>
#include <confscope/plugins/manifest.hpp>

namespace confscope::plugins {

namespace {

// A manifest is at most 64 KiB (parse_manifest refuses more); a little over keeps that refusal.
constexpr std::size_t kMaxManifestRegion = std::size_t{64} * 1024 + 64;

}  // namespace

std::uint32_t Manifest::kind_bits() const {
    std::uint32_t bits = 0;
    for (const std::string& kind : kinds) {
        if (kind == "scanner") bits |= CONFSCOPE_KIND_SCANNER;
        if (kind == "exporter") bits |= CONFSCOPE_KIND_EXPORTER;
    }
    return bits;
}

Result<Manifest> parse_manifest(std::string_view bytes) {
    const std::string marker = std::string(CONFSCOPE_MANIFEST_MARKER_V1) + "{";
    const std::size_t at = bytes.find(marker);
    if (at == std::string_view::npos) {
        return Status::not_found("no embedded manifest (" CONFSCOPE_MANIFEST_MARKER_V1
                                 "): build the plugin with confscope_add_plugin()");
    }
    const std::size_t start = at + marker.size() - 1;
    const std::size_t end = bytes.find('\0', start);
    if (end == std::string_view::npos || end - start > std::size_t{64} * 1024) {
        return Status::invalid_argument("the embedded manifest is not NUL-terminated");
    }
    rapidjson::Document json;
    json.Parse(bytes.data() + start, end - start);
    if (json.HasParseError() || !json.IsObject()) {
        return Status::invalid_argument(
            std::string("the embedded manifest is not a JSON object: ") +
            rapidjson::GetParseError_En(json.GetParseError()));
    }
    Manifest m;
    auto text = [&](const char* key) -> std::string {
        const auto it = json.FindMember(key);
        return it != json.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
    };
    auto number = [&](const char* key) -> std::uint32_t {
        const auto it = json.FindMember(key);
        return it != json.MemberEnd() && it->value.IsUint() ? it->value.GetUint() : 0;
    };
    m.abi = number("abi");
    m.name = text("name");
    m.version = text("version");
    m.required_minor = number("required_minor");
    m.family = text("family");
    if (const auto it = json.FindMember("kinds"); it != json.MemberEnd() && it->value.IsArray()) {
        for (const auto& kind : it->value.GetArray()) {
            if (kind.IsString()) m.kinds.emplace_back(kind.GetString());
        }
    }
    if (m.name.empty() || m.version.empty() || m.abi == 0) {
        return Status::invalid_argument("the embedded manifest lacks abi, name or version");
    }
    if (m.kind_bits() == 0)
        return Status::invalid_argument("the embedded manifest names no kind (scanner, exporter)");
    return m;
}

Result<LibraryRead> read_library(const std::filesystem::path& path, bool keep_hash,
                                 std::uint64_t max_bytes, std::size_t chunk_size) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return Status::not_found(path.string() + ": " + ec.message());
    if (size > max_bytes) {
        return Status::resource_exhausted(path.string() + ": larger than " +
                                          std::to_string(max_bytes >> 20) + " MiB");
    }
    std::ifstream in;
    in.rdbuf()->pubsetbuf(nullptr, 0);  // unbuffered: read straight into ours
    in.open(path, std::ios::binary);
    if (!in) return Status::permission_denied(path.string() + ": cannot be read");

    static const std::string marker = std::string(CONFSCOPE_MANIFEST_MARKER_V1) + "{";
    chunk_size = std::max(chunk_size, marker.size());
    const auto buffer = std::make_unique_for_overwrite<char[]>(chunk_size);
    LibraryRead read;
    std::optional<io::Sha256> hash;
    if (keep_hash) hash.emplace();
    std::string carry;  // the end of the previous chunk, for a marker split between two
    bool found = false, ended = false;
    while (in) {
        in.read(buffer.get(), static_cast<std::streamsize>(chunk_size));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        const std::string_view chunk(buffer.get(), got);
        if (hash) hash->update(chunk);
        if (ended) {
            if (!hash) break;
            continue;
        }
        std::string_view tail;  // what follows the manifest's start in this chunk
        if (found) {
            tail = chunk;
        } else {
            // A marker split between two chunks starts in the carried end of the previous one.
            const std::string window =
                carry + std::string(chunk.substr(0, std::min(got, marker.size() - 1)));
            const std::size_t split = window.find(marker);
            if (split != std::string::npos && split < carry.size()) {
                found = true;
                read.manifest_region = carry.substr(split);
                tail = chunk;
            } else if (const std::size_t at = chunk.find(marker); at != std::string_view::npos) {
                found = true;
                tail = chunk.substr(at);
            } else {
                carry.assign(chunk.substr(got - std::min(got, marker.size() - 1)));
            }
        }
        if (found) {
            const std::size_t room =
                kMaxManifestRegion - std::min(kMaxManifestRegion, read.manifest_region.size());
            const std::size_t nul = tail.find('\0');
            read.manifest_region.append(tail.substr(
                0, std::min(room, nul == std::string_view::npos ? tail.size() : nul + 1)));
        }
        if (found && (read.manifest_region.find('\0') != std::string::npos ||
                      read.manifest_region.size() >= kMaxManifestRegion)) {
            ended = true;
            if (!hash) break;
        }
    }
    if (hash) read.sha256 = hash->hex();
    return read;
}

}  // namespace confscope::plugins
