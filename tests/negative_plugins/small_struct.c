/* A descriptor whose struct_size is smaller than ABI 1.0's: refused at the descriptor check. */
#include <confscope/plugin_api.h>

static confscope_plugin_v1 descriptor;

CONFSCOPE_PLUGIN_EXPORT const confscope_plugin_v1* confscope_plugin_entry_v1(void) {
    descriptor.struct_size = 16;
    descriptor.abi_major = 1;
    descriptor.name = "small-struct";
    descriptor.version = "1.0.0";
    return &descriptor;
}
