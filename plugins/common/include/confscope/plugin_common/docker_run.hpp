// What `docker run` (or `podman run`, `nerdctl run`) starts and with which host access — the basis
// of MCP-006.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confscope::plugin_common {

struct ContainerRun {
    std::string engine;                      ///< "docker", "podman", "nerdctl"
    std::optional<std::size_t> image_index;  ///< index into args of the image (absent: none found)

    /// An option that gives the container the host: --privileged, a bind mount of / or of the
    /// Docker socket, --network=host, --pid=host, --cap-add ALL or SYS_ADMIN.
    struct HostAccess {
        std::size_t arg_index = 0;  ///< the argument holding the option's value (or the flag)
        std::string what;           ///< "--privileged", "a bind mount of /", ...
    };
    std::vector<HostAccess> host_access;
};

/// The container a command runs, or nothing when it is not `<engine> [global options] run …` or
/// `<engine> container run …`. Only the options before the image are read: what follows the
/// image is the container's own command line.
std::optional<ContainerRun> container_run(std::string_view command,
                                          const std::vector<std::string>& args);

/// The image reference names a digest: "image@sha256:<64 hex>".
bool image_pinned_by_digest(std::string_view image);

}  // namespace confscope::plugin_common
