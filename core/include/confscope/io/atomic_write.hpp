// confscope/io/atomic_write.hpp — write a file so that readers see the old content or the whole new
// content, never a half-written file: write a temporary file beside it, flush it to disk, rename.
// And write a file that must not exist yet (a backup), never replacing one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <confscope/base/status.hpp>

namespace confscope::io {

/// Who owns a written file (uid, gid).
struct FileOwner {
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
};

/// Writes `content` to `path` atomically, with permission bits `mode`. With `owner`, the file is
/// given to that user and group when the process may (root restoring a user's file); otherwise it
/// belongs to the process. A failure leaves `path` as it was and no temporary file.
Status write_file_atomically(const std::string& path, std::string_view content,
                             std::uint32_t mode = 0644,
                             const std::optional<FileOwner>& owner = std::nullopt);

/// Creates `path`, which must not exist (already_exists otherwise), with `content` and `mode`,
/// flushed to disk. A failure leaves no file behind.
Status write_new_file(const std::string& path, std::string_view content, std::uint32_t mode);

}  // namespace confscope::io
