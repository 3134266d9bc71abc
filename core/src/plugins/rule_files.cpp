#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <confscope/plugins/rule_files.hpp>

namespace confscope::plugins {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxRuleFileBytes = 1024 * 1024;

Result<RuleFile> read_rule_file(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return Status::not_found("--rules " + path.string() + ": " + ec.message());
    if (size > kMaxRuleFileBytes)
        return Status::invalid_argument("--rules " + path.string() + ": larger than 1 MiB");
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::permission_denied("--rules " + path.string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return RuleFile{fs::absolute(path).lexically_normal().string(), text.str()};
}

}  // namespace

std::string user_config_dir(const platform::Environment& env) {
    if (const auto it = env.find("XDG_CONFIG_HOME");
        it != env.end() && !it->second.empty() && it->second[0] == '/') {
        return it->second + "/confscope";
    }
    const auto home = env.find("HOME");
    return (home != env.end() ? home->second : std::string(".")) + "/.config/confscope";
}

Result<std::vector<RuleFile>> gather_rule_files(const std::vector<std::string>& explicit_files,
                                                const platform::Environment& env) {
    std::vector<RuleFile> files;
    for (const std::string& path : explicit_files) {
        CONFSCOPE_ASSIGN_OR_RETURN(RuleFile file, read_rule_file(path));
        files.push_back(std::move(file));
    }
    std::vector<fs::path> found;
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(user_config_dir(env)) / "rules", ec), end;
         !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".toml") found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    for (const fs::path& path : found) {
        CONFSCOPE_ASSIGN_OR_RETURN(RuleFile file, read_rule_file(path));
        files.push_back(std::move(file));
    }
    return files;
}

std::string rule_files_config(const std::vector<RuleFile>& files) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("rule_files");
    w.StartArray();
    for (const RuleFile& f : files) {
        w.StartObject();
        w.Key("path");
        w.String(f.path.c_str(), static_cast<rapidjson::SizeType>(f.path.size()));
        w.Key("content");
        w.String(f.content.c_str(), static_cast<rapidjson::SizeType>(f.content.size()));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

}  // namespace confscope::plugins
