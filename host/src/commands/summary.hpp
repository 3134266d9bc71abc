// The summary `confscope scan` prints: what was scanned, what the plugins inventoried, and the
// most severe findings; or, with --json, the same as one JSON object.
#pragma once

#include <cstdint>
#include <string>

#include <confscope/scan/model.hpp>

#include "../app/context.hpp"

namespace confscope::host {

void print_scan_summary(Context& context, const scan::ScanResult& result, std::int64_t scan_id,
                        const std::string& store_display);

}  // namespace confscope::host
