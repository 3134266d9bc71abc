// confscope/plugins/manifest.hpp — the manifest a plugin embeds in its file bytes
// (CONFSCOPE_MANIFEST_V1 followed by a JSON object), read without loading the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <confscope/base/status.hpp>

namespace confscope::plugins {

struct Manifest {
    std::uint32_t abi = 0;
    std::string name;
    std::string version;
    std::uint32_t required_minor = 0;
    std::vector<std::string> kinds;  ///< "scanner", "exporter"
    std::string family;

    /// CONFSCOPE_KIND_* bits for `kinds`.
    [[nodiscard]] std::uint32_t kind_bits() const;
};

/// Finds and parses the manifest in a plugin file's bytes.
Result<Manifest> parse_manifest(std::string_view file_bytes);

/// What one read of a library file keeps: the bytes from its manifest marker to the manifest's
/// end (all parse_manifest needs; empty when there is no marker) and, when asked, the SHA-256 of
/// the whole file.
struct LibraryRead {
    std::string manifest_region;
    std::string sha256;  ///< lowercase hex; empty unless asked for
};

/// Reads a library file once through a reused buffer of `chunk` bytes: libraries with debug
/// information run to tens of MiB and a scan reads every installed one, so the file is never held
/// whole. Without `keep_hash` the read stops at the manifest's end. A file larger than
/// `max_bytes` is refused.
Result<LibraryRead> read_library(const std::filesystem::path& path, bool keep_hash,
                                 std::uint64_t max_bytes, std::size_t chunk = std::size_t{1} << 20);

}  // namespace confscope::plugins
