/* A plugin built for a future ABI major: it exports confscope_plugin_entry_v2 only. The host must
 * refuse it from the symbol table, without loading it. */
#include <stddef.h>

struct future_descriptor {
    unsigned struct_size;
    unsigned abi_major;
};

static const struct future_descriptor descriptor = {sizeof descriptor, 2};

__attribute__((visibility("default"))) const void* confscope_plugin_entry_v2(void) {
    return &descriptor;
}
