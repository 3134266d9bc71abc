// POSIX implementation of write_file_atomically and write_new_file (chosen in CMake).
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include <confscope/io/atomic_write.hpp>

namespace confscope::io {

namespace {

bool write_all(int fd, std::string_view content) {
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

Status write_file_atomically(const std::string& path, std::string_view content, std::uint32_t mode,
                             const std::optional<FileOwner>& owner) {
    const std::filesystem::path target(path);
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return Status::unavailable(
            path + ": cannot create a temporary file beside it: " + std::strerror(errno));
    auto fail = [&](const char* action) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        ::unlink(temp.c_str());
        return Status::unavailable(path + ": cannot " + action + ": " + why);
    };
    if (!write_all(fd, content)) return fail("write");
    // The owner first: changing it clears set-id bits, which the mode then sets again. Only root
    // may give a file away; anyone else keeps it (and its group) as created.
    if (owner && ::geteuid() == 0 && ::fchown(fd, owner->uid, owner->gid) != 0)
        return fail("set the owner of");
    if (::fchmod(fd, static_cast<mode_t>(mode & 07777)) != 0) return fail("set the mode of");
    if (::fsync(fd) != 0) return fail("flush");
    if (::close(fd) != 0) {
        ::unlink(temp.c_str());
        return Status::unavailable(path + ": cannot close: " + std::strerror(errno));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temp.c_str());
        return Status::unavailable(path + ": cannot rename into place: " + why);
    }
    return Status::ok();
}

Status write_new_file(const std::string& path, std::string_view content, std::uint32_t mode) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                          static_cast<mode_t>(mode & 0777));
    if (fd < 0) {
        if (errno == EEXIST) return Status::already_exists(path + ": already exists");
        return Status::unavailable(path + ": cannot create: " + std::strerror(errno));
    }
    auto fail = [&](const char* action) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        ::unlink(path.c_str());
        return Status::unavailable(path + ": cannot " + action + ": " + why);
    };
    if (!write_all(fd, content)) return fail("write");
    // The umask may have narrowed the mode; a backup must be as private as the original, no more
    // open than it.
    if (::fchmod(fd, static_cast<mode_t>(mode & 0777)) != 0) return fail("set the mode of");
    if (::fsync(fd) != 0) return fail("flush");
    if (::close(fd) != 0) {
        ::unlink(path.c_str());
        return Status::unavailable(path + ": cannot close: " + std::strerror(errno));
    }
    return Status::ok();
}

}  // namespace confscope::io
