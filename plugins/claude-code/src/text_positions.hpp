// Positions in a file's raw text, for rules that look at Markdown bodies rather than nodes: the
// line and column of a byte offset, and the fenced code blocks to leave alone.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "common.hpp"

namespace claude_code {

/// A byte range [first, second).
using ByteRange = std::pair<std::size_t, std::size_t>;

/// The place of byte `offset` in `text`, 1-based; the column counts code points.
sdk::Location location_at(const sdk::File& file, std::string_view text, std::size_t offset);

/// Fenced code blocks (``` or ~~~, up to the closing fence or the end) starting at or after `from`.
std::vector<ByteRange> fenced_blocks(std::string_view text, std::size_t from = 0);

/// True when `offset` lies in one of `ranges`.
bool in_ranges(const std::vector<ByteRange>& ranges, std::size_t offset);

}  // namespace claude_code
