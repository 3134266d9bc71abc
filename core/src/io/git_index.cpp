#include <cstdint>
#include <filesystem>
#include <sys/stat.h>

#include <confscope/io/file_reader.hpp>
#include <confscope/io/git_index.hpp>

namespace confscope::io {

namespace {

constexpr std::uint64_t kMaxGitIndexBytes = 512ull * 1024 * 1024;

std::uint32_t be32(const std::string& b, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

std::uint16_t be16(const std::string& b, std::size_t at) {
    return static_cast<std::uint16_t>(
        (static_cast<unsigned>(static_cast<unsigned char>(b[at])) << 8) |
        static_cast<unsigned char>(b[at + 1]));
}

std::string parent_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos || slash == 0) return "/";
    return path.substr(0, slash);
}

}  // namespace

Result<std::unordered_set<std::string>> read_git_index(const std::string& index_path) {
    // Regular files only, opened without blocking and read up to a cap: a FIFO or a link to
    // /dev/zero planted at .git/index of any folder above a scanned file must not hang the scan
    // or exhaust memory.
    auto data = read_file(index_path, kMaxGitIndexBytes);
    if (!data) return data.status();
    if (data->truncated) return Status::resource_exhausted(index_path + ": larger than 512 MiB");
    const std::string& b = data->bytes;
    auto corrupt = [&](const std::string& why) {
        return Status::invalid_argument(index_path + ": " + why);
    };
    if (b.size() < 12 || b.compare(0, 4, "DIRC") != 0) return corrupt("not a git index");
    const std::uint32_t version = be32(b, 4);
    if (version < 2 || version > 4)
        return corrupt("index version " + std::to_string(version) + " is not supported");
    const std::uint32_t count = be32(b, 8);

    std::unordered_set<std::string> paths;
    std::string previous;
    std::size_t pos = 12;
    for (std::uint32_t e = 0; e < count; ++e) {
        const std::size_t start = pos;
        // ctime, mtime (8+8), dev, ino, mode, uid, gid, size (6*4), object id (20), flags (2)
        if (pos + 62 > b.size()) return corrupt("truncated entry");
        const std::uint16_t flags = be16(b, pos + 60);
        pos += 62;
        if ((flags & 0x4000) != 0) {  // extended flags (version 3+)
            if (version < 3 || pos + 2 > b.size()) return corrupt("bad extended flags");
            pos += 2;
        }
        std::string path;
        if (version == 4) {
            // Prefix compression: a varint of bytes to drop from the previous path, then the rest.
            std::size_t strip = 0;
            while (true) {
                if (pos >= b.size()) return corrupt("truncated path prefix");
                const auto byte = static_cast<unsigned char>(b[pos++]);
                strip = (strip << 7) | (byte & 0x7f);
                if ((byte & 0x80) == 0) break;
                ++strip;
            }
            if (strip > previous.size()) return corrupt("bad path prefix");
            const std::size_t end = b.find('\0', pos);
            if (end == std::string::npos) return corrupt("unterminated path");
            path = previous.substr(0, previous.size() - strip) + b.substr(pos, end - pos);
            pos = end + 1;
        } else {
            const std::size_t end = b.find('\0', pos);
            if (end == std::string::npos) return corrupt("unterminated path");
            path = b.substr(pos, end - pos);
            // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
            pos = start + ((end - start + 8) / 8) * 8;
        }
        paths.insert(path);
        previous = std::move(path);
    }
    return paths;
}

std::optional<std::string> GitLocator::work_tree_of(const std::string& dir) {
    if (const auto it = work_trees_.find(dir); it != work_trees_.end()) return it->second;
    std::optional<std::string> result;
    struct stat st {};
    if (::stat((dir + "/.git").c_str(), &st) == 0) {
        result = dir;
    } else if (dir != "/" && !dir.empty()) {
        result = work_tree_of(parent_of(dir));
    }
    work_trees_[dir] = result;
    return result;
}

const std::unordered_set<std::string>& GitLocator::index_of(const std::string& work_tree) {
    if (const auto it = indexes_.find(work_tree); it != indexes_.end()) return it->second;
    std::string git_dir = work_tree + "/.git";
    struct stat st {};
    if (::stat(git_dir.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
        // A worktree or submodule: ".git" holds "gitdir: <path>".
        const auto pointer = read_file(git_dir, 4096);
        std::string line = pointer && !pointer->truncated ? pointer->bytes : std::string();
        line = line.substr(0, line.find('\n'));
        if (line.starts_with("gitdir: ")) {
            std::string target = line.substr(8);
            while (!target.empty() && (target.back() == '\r' || target.back() == ' '))
                target.pop_back();
            git_dir = target.starts_with('/') ? target : work_tree + "/" + target;
        }
    }
    auto paths = read_git_index(git_dir + "/index");
    return indexes_[work_tree] = paths ? std::move(*paths) : std::unordered_set<std::string>();
}

GitStatus GitLocator::status(const std::string& file) {
    GitStatus s;
    const auto tree = work_tree_of(parent_of(file));
    if (!tree) return s;
    s.in_repo = true;
    s.work_tree = *tree;
    const std::string relative = file.substr(tree->size() + (tree->back() == '/' ? 0 : 1));
    s.tracked = index_of(*tree).contains(relative);
    return s;
}

}  // namespace confscope::io
