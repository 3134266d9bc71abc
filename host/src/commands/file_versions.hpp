// Finding the stored versions of the file a user names (history, restore): PATH as typed (made
// absolute against the working folder), else with its symbolic links resolved, on one host.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <confscope/base/status.hpp>
#include <confscope/store/store.hpp>

namespace confscope::host {

struct VersionedFile {
    std::string path;     ///< the real bytes of the path the scans recorded (for I/O)
    std::string display;  ///< escaped for printing (store::escape_path), as `history` lists it
    std::string host;
    std::vector<store::FileVersion> versions;  ///< oldest first, never empty

    /// Version `number` (1 = the oldest); invalid_argument naming `option` and the versions there
    /// are otherwise. The pointer is into `versions`.
    [[nodiscard]] Result<const store::FileVersion*> version(int number,
                                                            std::string_view option) const;
};

/// The host whose history `history` and `restore` read: `flag` when given, else this machine.
std::string history_host(const std::string& flag);

/// The stored versions of `user_path` on `host`; not_found (with what to do) when there are none.
/// `user_path` may also be written in the escaped form `history` prints (a name with bytes that
/// are not UTF-8 as \xNN, a backslash as \\).
Result<VersionedFile> find_versions(store::Store& store, const std::string& host,
                                    const std::string& user_path);

/// "3f9a12c0ab41" — the first 12 hex digits, for tables.
std::string short_hash(const std::string& sha256);

}  // namespace confscope::host
