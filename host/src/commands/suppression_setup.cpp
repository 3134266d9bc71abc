#include "suppression_setup.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <confscope/base/time.hpp>
#include <confscope/log/log.hpp>

namespace confscope::host {

namespace {

Result<std::string> read_text(const std::string& path, const std::string& flag) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::not_found(flag + " " + path + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

std::string today_utc() {
    return now_rfc3339().substr(0, 10);
}

Result<scan::Suppressions> read_suppressions(const std::vector<std::string>& ignore_rules,
                                             const std::vector<std::string>& ignore_files,
                                             const std::vector<std::string>& roots,
                                             const std::string& baseline,
                                             RepositoryIgnores repository) {
    scan::Suppressions s;
    static const std::regex rule_id(R"([A-Z][A-Z0-9]*-[0-9]+)");
    for (const std::string& rule : ignore_rules) {
        if (!std::regex_match(rule, rule_id)) {
            return Status::invalid_argument("--ignore " + rule +
                                            ": not a rule id such as PERM-004");
        }
        s.ignores.push_back({rule, "", "", "", "", "--ignore"});
    }
    for (const std::string& file : ignore_files) {
        CONFSCOPE_ASSIGN_OR_RETURN(std::string content, read_text(file, "--ignore-file"));
        CONFSCOPE_ASSIGN_OR_RETURN(std::vector<scan::IgnoreEntry> entries,
                                   scan::parse_ignore_file(file, content));
        s.ignores.insert(s.ignores.end(), entries.begin(), entries.end());
    }
    for (const std::string& root : roots) {
        const std::string file = root + "/" + std::string(scan::kIgnoreFileName);
        if (!std::filesystem::is_regular_file(file)) continue;
        if (repository == RepositoryIgnores::skip) {
            log::info(file + ": not applied (--no-repo-ignores)");
            continue;
        }
        CONFSCOPE_ASSIGN_OR_RETURN(std::string content, read_text(file, "ignore file"));
        CONFSCOPE_ASSIGN_OR_RETURN(std::vector<scan::IgnoreEntry> entries,
                                   scan::parse_ignore_file(file, content));
        for (scan::IgnoreEntry& e : entries) {
            if (e.rule == "*") {
                log::warning(e.source +
                             ": rule = \"*\" is refused in a scanned repository's own ignore file "
                             "(it would silence every finding, the CI gate included); name the "
                             "rules, or pass the file with --ignore-file (not applied)");
                continue;
            }
            e.root = root;
            s.ignores.push_back(std::move(e));
        }
    }
    if (!baseline.empty()) {
        CONFSCOPE_ASSIGN_OR_RETURN(std::string content, read_text(baseline, "--baseline"));
        CONFSCOPE_ASSIGN_OR_RETURN(s.baseline, scan::parse_baseline(baseline, content));
        s.baseline_source = baseline;
    }
    return s;
}

}  // namespace confscope::host
