#include "file_versions.hpp"

#include <filesystem>

#include <confscope/platform/os.hpp>
#include <confscope/store/stored_text.hpp>

namespace confscope::host {

namespace fs = std::filesystem;

std::string history_host(const std::string& flag) {
    return flag.empty() ? platform::current_host_info().hostname : flag;
}

Result<VersionedFile> find_versions(store::Store& store, const std::string& host,
                                    const std::string& user_path) {
    std::error_code ec;
    std::vector<std::string> candidates;
    std::string typed = fs::absolute(user_path, ec).lexically_normal().string();
    while (typed.size() > 1 && typed.back() == '/')
        typed.pop_back();
    candidates.push_back(typed);
    const fs::path resolved = fs::weakly_canonical(user_path, ec);
    if (!ec && resolved.string() != typed) candidates.push_back(resolved.string());
    // The escaped form `history` prints, pasted back.
    if (const auto raw = store::unescape_path(typed); raw && *raw != typed)
        candidates.push_back(*raw);
    for (const std::string& path : candidates) {
        CONFSCOPE_ASSIGN_OR_RETURN(auto versions, store.file_history(host, path));
        if (!versions.empty())
            return VersionedFile{path, store::escape_path(path), host, std::move(versions)};
    }
    return Status::not_found("no stored versions of " + store::escape_path(typed) + " on host " +
                             host +
                             ": scan it first (confscope scan), or list the files that have "
                             "versions (confscope history)");
}

Result<const store::FileVersion*> VersionedFile::version(int number,
                                                         std::string_view option) const {
    if (number >= 1 && static_cast<std::size_t>(number) <= versions.size())
        return &versions[static_cast<std::size_t>(number - 1)];
    return Status::invalid_argument(
        std::string(option) + " " + std::to_string(number) + ": " + display + " has " +
        (versions.size() == 1 ? std::string("one version (1)")
                              : "versions 1 to " + std::to_string(versions.size())) +
        " (confscope history " + display + ")");
}

std::string short_hash(const std::string& sha256) {
    return sha256.substr(0, 12);
}

}  // namespace confscope::host
