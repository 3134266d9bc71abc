// confscope/io/file_reader.hpp — reads a configuration file once: metadata, bytes and SHA-256.
#pragma once

#include <cstdint>
#include <string>

#include <confscope/base/status.hpp>

namespace confscope::io {

/// What a scan records about a file it read.
struct FileData {
    std::string bytes;       ///< the whole file (empty when truncated)
    std::string sha256_hex;  ///< of the bytes read (of the first max_bytes when truncated)
    std::uint64_t size = 0;  ///< size on disk
    std::uint32_t mode = 0;  ///< permission bits (st_mode & 07777)
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
    std::int64_t mtime_unix = 0;
    bool is_symlink = false;  ///< the path itself is a symbolic link
    bool truncated = false;   ///< larger than max_bytes: bytes are not kept
};

/// Reads `path` (following a symbolic link), refusing anything but a regular file. Files larger
/// than `max_bytes` are not read: the result has truncated = true and only metadata.
Result<FileData> read_file(const std::string& path, std::uint64_t max_bytes);

}  // namespace confscope::io
