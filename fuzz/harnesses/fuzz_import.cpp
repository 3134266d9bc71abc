// `confscope import`: the canonical JSON scan document read back into a scan (core/src/report/
// scan_document.cpp). Any bytes give a scan or a one-line refusal, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <confscope/report/scan_document.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    (void)confscope::report::read_scan_document(json, "fuzz.json");
    return 0;
}
