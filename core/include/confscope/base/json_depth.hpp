// confscope/base/json_depth.hpp — how deep JSON text nests, found in one linear pass before a
// DOM is built: RapidJSON's default parse, and every walk of its DOM, recurse once per level, so
// 200,000 nested arrays in a baseline, an import, a backup line or a plugin's data_json would
// overflow the stack.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace confscope {

/// Nesting allowed in JSON the tool reads (configuration nests a few levels; 512 is generous).
inline constexpr std::size_t kMaxJsonDepth = 512;

/// The byte offset of the first '[' or '{' that opens a level beyond `max_depth` (outside
/// strings), or nullopt when the text stays within it. Linear; never allocates.
std::optional<std::size_t> json_too_deep(std::string_view text,
                                         std::size_t max_depth = kMaxJsonDepth);

}  // namespace confscope
