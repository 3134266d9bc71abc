// POSIX implementation of read_file (chosen in CMake).
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <confscope/io/file_reader.hpp>
#include <confscope/io/sha256.hpp>

namespace confscope::io {

namespace {

Status errno_status(const std::string& path, const char* action, int error) {
    std::string message = path + ": cannot " + action + ": " + std::strerror(error);
    if (error == EACCES || error == EPERM) return Status::permission_denied(std::move(message));
    if (error == ENOENT || error == ENOTDIR) return Status::not_found(std::move(message));
    return {StatusCode::unavailable, std::move(message)};
}

class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }

  private:
    int fd_;
};

}  // namespace

Result<FileData> read_file(const std::string& path, std::uint64_t max_bytes) {
    FileData data;
    struct stat link_info {};
    if (::lstat(path.c_str(), &link_info) != 0) return errno_status(path, "stat", errno);
    data.is_symlink = S_ISLNK(link_info.st_mode);

    // O_NONBLOCK so a FIFO planted where a config belongs cannot hang the scan.
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (fd.get() < 0) return errno_status(path, "open", errno);
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) return errno_status(path, "stat", errno);
    if (!S_ISREG(info.st_mode)) return Status::invalid_argument(path + ": not a regular file");

    data.size = static_cast<std::uint64_t>(info.st_size);
    data.mode = static_cast<std::uint32_t>(info.st_mode & 07777);
    data.uid = info.st_uid;
    data.gid = info.st_gid;
    data.mtime_unix = static_cast<std::int64_t>(info.st_mtime);
    if (data.size > max_bytes) {
        data.truncated = true;
        return data;
    }

    data.bytes.resize(static_cast<std::size_t>(data.size));
    std::size_t done = 0;
    while (true) {
        if (done == data.bytes.size()) data.bytes.resize(done + 4096);  // the file grew
        const ssize_t n = ::read(fd.get(), data.bytes.data() + done, data.bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno_status(path, "read", errno);
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
        if (done > max_bytes) {
            data.truncated = true;
            data.bytes.clear();
            return data;
        }
    }
    data.bytes.resize(done);
    data.size = done;
    data.sha256_hex = sha256_hex(data.bytes);
    return data;
}

}  // namespace confscope::io
