// confscope/io/atomic_write.hpp — write a file so that readers see the old content or the whole new
// content, never a half-written file: write a temporary file beside it, flush it to disk, rename.
#pragma once

#include <string>
#include <string_view>

#include <confscope/base/status.hpp>

namespace confscope::io {

/// Writes `content` to `path` atomically. A failure leaves `path` as it was and no temporary file.
Status write_file_atomically(const std::string& path, std::string_view content);

}  // namespace confscope::io
