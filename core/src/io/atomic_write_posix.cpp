// POSIX implementation of write_file_atomically (chosen in CMake).
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include <confscope/io/atomic_write.hpp>

namespace confscope::io {

Status write_file_atomically(const std::string& path, std::string_view content) {
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
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("write");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0) return fail("set the mode of");
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

}  // namespace confscope::io
