// POSIX implementation of SafeFolder (chosen in CMake): openat walks with O_NOFOLLOW, fstat
// checks after every open, temporary files and renames relative to the opened folder.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

#include <confscope/io/safe_folder.hpp>
#include <confscope/io/sha256.hpp>

namespace confscope::io {

namespace {

std::string why(int error) {
    return std::strerror(error);
}

class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }
    void reset(int fd) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }

  private:
    int fd_;
};

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

bool plain_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
}

}  // namespace

Result<SafeFolder> SafeFolder::open(const std::string& path) {
    if (path.empty() || path.front() != '/')
        return Status::invalid_argument(path + ": not an absolute folder path");
    Fd current(::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (current.get() < 0) return Status::unavailable("/: cannot open: " + why(errno));
    std::string walked;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        const std::string part = path.substr(start, end - start);
        start = end + 1;
        if (part.empty() || part == ".") continue;
        if (part == "..")
            return Status::invalid_argument(path + ": a folder path with \"..\" in it");
        walked += "/" + part;
        const int next =
            ::openat(current.get(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) {
            const int error = errno;
            struct stat info {};
            const bool is_link =
                ::fstatat(current.get(), part.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 &&
                S_ISLNK(info.st_mode);
            if (is_link || error == ELOOP)
                return Status::failed_precondition(walked + " is a symbolic link");
            if (error == ENOENT) return Status::not_found(walked + " does not exist");
            if (error == ENOTDIR) return Status::failed_precondition(walked + " is not a folder");
            if (error == EACCES || error == EPERM)
                return Status::permission_denied(walked + ": cannot open: " + why(error));
            return Status::unavailable(walked + ": cannot open: " + why(error));
        }
        Fd opened(next);
        struct stat info {};
        if (::fstat(opened.get(), &info) != 0 || !S_ISDIR(info.st_mode))
            return Status::failed_precondition(walked + " is not a folder");
        ::close(current.release());
        current.reset(opened.release());
    }
    return SafeFolder(current.release(), walked.empty() ? "/" : walked);
}

SafeFolder::SafeFolder(SafeFolder&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

SafeFolder& SafeFolder::operator=(SafeFolder&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
        path_ = std::move(other.path_);
    }
    return *this;
}

SafeFolder::~SafeFolder() {
    if (fd_ >= 0) ::close(fd_);
}

std::string SafeFolder::name_path(const std::string& name) const {
    return path_ == "/" ? "/" + name : path_ + "/" + name;
}

Result<EntryKind> SafeFolder::kind(const std::string& name) const {
    if (!plain_name(name)) return Status::invalid_argument(name + ": not a file name");
    struct stat info {};
    if (::fstatat(fd_, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) return EntryKind::missing;
        return Status::unavailable(name_path(name) + ": cannot stat: " + why(errno));
    }
    if (S_ISLNK(info.st_mode)) return EntryKind::symlink;
    if (S_ISREG(info.st_mode)) return EntryKind::regular;
    if (S_ISDIR(info.st_mode)) return EntryKind::directory;
    return EntryKind::other;
}

Result<FileData> SafeFolder::read(const std::string& name, std::uint64_t max_bytes,
                                  FileIdentity& identity) const {
    if (!plain_name(name)) return Status::invalid_argument(name + ": not a file name");
    const std::string full = name_path(name);
    // O_NONBLOCK: a FIFO swapped in cannot hang us before fstat refuses it.
    Fd fd(::openat(fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0) {
        const int error = errno;
        if (error == ELOOP) return Status::failed_precondition(full + " is a symbolic link");
        if (error == ENOENT) return Status::not_found(full + " does not exist");
        return Status::unavailable(full + ": cannot open: " + why(error));
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0)
        return Status::unavailable(full + ": cannot stat: " + why(errno));
    if (!S_ISREG(info.st_mode)) return Status::failed_precondition(full + " is not a regular file");
    identity = {static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
    FileData data;
    data.size = static_cast<std::uint64_t>(info.st_size);
    data.mode = static_cast<std::uint32_t>(info.st_mode & 07777);
    data.uid = info.st_uid;
    data.gid = info.st_gid;
    data.mtime_unix = static_cast<std::int64_t>(info.st_mtime);
    if (data.size > max_bytes) {
        data.truncated = true;
        return data;
    }
    std::string bytes;
    char buffer[65536];
    while (true) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            return Status::unavailable(full + ": cannot read: " + why(errno));
        }
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > max_bytes) {
            data.truncated = true;
            return data;
        }
    }
    data.size = bytes.size();
    data.sha256_hex = sha256_hex(bytes);
    data.bytes = std::move(bytes);
    return data;
}

Status SafeFolder::write_new(const std::string& name, std::string_view content,
                             std::uint32_t mode) const {
    if (!plain_name(name)) return Status::invalid_argument(name + ": not a file name");
    const std::string full = name_path(name);
    const int fd = ::openat(fd_, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                            static_cast<mode_t>(mode & 0777));
    if (fd < 0) {
        if (errno == EEXIST) return Status::already_exists(full + ": already exists");
        return Status::unavailable(full + ": cannot create: " + why(errno));
    }
    auto fail = [&](const char* action) {
        const std::string reason = why(errno);
        ::close(fd);
        ::unlinkat(fd_, name.c_str(), 0);
        return Status::unavailable(full + ": cannot " + action + ": " + reason);
    };
    if (!write_all(fd, content)) return fail("write");
    if (::fchmod(fd, static_cast<mode_t>(mode & 0777)) != 0) return fail("set the mode of");
    if (::fsync(fd) != 0) return fail("flush");
    if (::close(fd) != 0) {
        const std::string reason = why(errno);
        ::unlinkat(fd_, name.c_str(), 0);
        return Status::unavailable(full + ": cannot close: " + reason);
    }
    return Status::ok();
}

Status SafeFolder::replace(const std::string& name, std::string_view content, std::uint32_t mode,
                           const std::optional<FileOwner>& owner,
                           const std::optional<FileIdentity>& expected) const {
    if (!plain_name(name)) return Status::invalid_argument(name + ": not a file name");
    const std::string full = name_path(name);
    std::random_device random;
    std::string temp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
        std::string suffix;
        for (int i = 0; i < 8; ++i)
            suffix += kDigits[random() % 36];
        temp = "." + name + "." + suffix;
        fd =
            ::openat(fd_, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            return Status::unavailable(full +
                                       ": cannot create a temporary file beside it: " + why(errno));
    }
    if (fd < 0)
        return Status::unavailable(full +
                                   ": cannot create a temporary file beside it: " + why(EEXIST));
    auto drop = [&](Status status) {
        ::unlinkat(fd_, temp.c_str(), 0);
        return status;
    };
    auto fail = [&](const char* action) {
        const std::string reason = why(errno);
        ::close(fd);
        return drop(Status::unavailable(full + ": cannot " + action + ": " + reason));
    };
    if (!write_all(fd, content)) return fail("write");
    // The owner first: changing it clears set-id bits, which the mode then sets again. Only root
    // may give a file away; anyone else keeps it (and its group) as created.
    if (owner && ::geteuid() == 0 && ::fchown(fd, owner->uid, owner->gid) != 0)
        return fail("set the owner of");
    if (::fchmod(fd, static_cast<mode_t>(mode & 07777)) != 0) return fail("set the mode of");
    if (::fsync(fd) != 0) return fail("flush");
    if (::close(fd) != 0) {
        const std::string reason = why(errno);
        return drop(Status::unavailable(full + ": cannot close: " + reason));
    }
    // The name must still be what was checked: the same file, or still nothing.
    struct stat info {};
    const bool present = ::fstatat(fd_, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0;
    if (!present && errno != ENOENT)
        return drop(Status::unavailable(full + ": cannot stat: " + why(errno)));
    if (expected) {
        if (!present)
            return drop(Status::failed_precondition(full + " disappeared while it was restored"));
        const FileIdentity now{static_cast<std::uint64_t>(info.st_dev),
                               static_cast<std::uint64_t>(info.st_ino)};
        if (!S_ISREG(info.st_mode) || now != *expected)
            return drop(Status::failed_precondition(
                full + " was replaced by another file while it was restored"));
    } else if (present) {
        return drop(Status::failed_precondition(full + " appeared while it was restored"));
    }
    if (::renameat(fd_, temp.c_str(), fd_, name.c_str()) != 0) {
        const std::string reason = why(errno);
        return drop(Status::unavailable(full + ": cannot rename into place: " + reason));
    }
    ::fsync(fd_);  // the rename itself reaches the disk (best effort: some file systems refuse)
    return Status::ok();
}

}  // namespace confscope::io
