// confscope/plugins/manifest.hpp — the manifest a plugin embeds in its file bytes
// (CONFSCOPE_MANIFEST_V1 followed by a JSON object), read without loading the library.
#pragma once

#include <cstdint>
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

}  // namespace confscope::plugins
