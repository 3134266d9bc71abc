// confscope/io/safe_folder.hpp — write into a folder of a user's tree without ever following a
// symbolic link to somewhere else (restore): the folder is opened one component at a time from
// "/" with O_DIRECTORY | O_NOFOLLOW, and every read, backup, temporary file and rename happens
// relative to that open folder (openat, renameat), so a component swapped for a link after the
// checks cannot redirect a write.
//
// Example:
//     auto folder = io::SafeFolder::open("/home/ana/.claude");   // refuses a link anywhere on the
//     way auto current = folder->read("settings.json", max_bytes);  // O_NOFOLLOW, regular files
//     only folder->write_new("settings.json.bak", current->bytes, current->mode);
//     folder->replace("settings.json", bytes, mode, owner, current->identity());
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <confscope/base/status.hpp>
#include <confscope/io/atomic_write.hpp>
#include <confscope/io/file_reader.hpp>

namespace confscope::io {

/// Which file a name referred to when it was looked at (st_dev, st_ino).
struct FileIdentity {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    bool operator==(const FileIdentity&) const = default;
};

/// What a name in a folder is, without following a link.
enum class EntryKind { missing, regular, symlink, directory, other };

class SafeFolder {
  public:
    /// Opens the absolute folder `path` walking from "/" one component at a time, refusing (with
    /// failed_precondition naming the component) a symbolic link or anything but a folder on the
    /// way, and not_found when a component does not exist. Never creates anything.
    static Result<SafeFolder> open(const std::string& path);

    SafeFolder(SafeFolder&& other) noexcept;
    SafeFolder& operator=(SafeFolder&& other) noexcept;
    SafeFolder(const SafeFolder&) = delete;
    SafeFolder& operator=(const SafeFolder&) = delete;
    ~SafeFolder();

    [[nodiscard]] const std::string& path() const { return path_; }

    /// What `name` is in this folder (lstat: a link is a link).
    Result<EntryKind> kind(const std::string& name) const;

    /// Reads the regular file `name` in this folder, opened with O_NOFOLLOW | O_NONBLOCK and
    /// checked with fstat (failed_precondition for a link or anything but a regular file).
    /// `identity` receives the opened file's device and inode.
    Result<FileData> read(const std::string& name, std::uint64_t max_bytes,
                          FileIdentity& identity) const;

    /// Creates `name` (which must not exist: already_exists) with `content` and `mode`, flushed.
    Status write_new(const std::string& name, std::string_view content, std::uint32_t mode) const;

    /// Replaces `name` atomically: a temporary file in this folder, flushed, renamed over it.
    /// `expected` is the file `name` must still be (the one read before), or nullopt when `name`
    /// must still not exist; anything else is refused (failed_precondition) before the rename.
    Status replace(const std::string& name, std::string_view content, std::uint32_t mode,
                   const std::optional<FileOwner>& owner,
                   const std::optional<FileIdentity>& expected) const;

  private:
    SafeFolder(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    [[nodiscard]] std::string name_path(const std::string& name) const;

    int fd_ = -1;
    std::string path_;
};

}  // namespace confscope::io
