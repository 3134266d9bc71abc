#include "file_rules.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace claude_code {

namespace {

using sdk::Scope;
using sdk::Severity;

std::string octal(std::uint32_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", mode & 07777u);
    return text;
}

void check_credentials_mode(Analysis& a) {
    const std::uint32_t mode = a.file.mode();
    if (a.file.target_id() != "credentials" || mode == 0 || (mode & 077u) == 0) return;
    a.sink.finding("FS-002", Severity::high,
                   "the Claude Code credentials file has mode " + octal(mode) +
                       ": other users can read or change your tokens; chmod 600 it",
                   sdk::Node());
}

void check_world_writable(Analysis& a) {
    const std::uint32_t mode = a.file.mode();
    if ((mode & 002u) == 0) return;
    a.sink.finding("FS-003", Severity::high,
                   std::string(a.file.display_path()) + " is writable by every user (mode " +
                       octal(mode) +
                       "): anyone on this machine can change what Claude runs and reads; chmod o-w",
                   sdk::Node());
}

void check_git_and_links(Analysis& a, ScanFacts& facts) {
    const std::string_view target = a.file.target_id();
    if ((target == "local-settings" || target == "local-memory") && a.file.git_tracked()) {
        a.sink.finding("FS-004", Severity::low,
                       std::string(a.file.file_name()) +
                           " is tracked by git: your personal settings and approvals get "
                           "committed for everyone; git rm --cached it and ignore it",
                       sdk::Node());
    }
    const std::string_view project = a.file.project_dir();
    if (project.empty() || !a.file.parent_symlink()) return;
    std::string claude_dir = std::string(project) + "/.claude/", path(a.file.path());
    std::replace(claude_dir.begin(), claude_dir.end(), '\\', '/');  // Windows paths
    std::replace(path.begin(), path.end(), '\\', '/');
    if (!path.starts_with(claude_dir)) return;
    const bool direct = path.find('/', claude_dir.size()) == std::string::npos;
    facts.symlinked_claude_files.push_back(
        {std::string(project), direct, sdk::Location::of(a.file)});
}

}  // namespace

void check_file_rules(Analysis& a, ScanFacts& facts) {
    check_credentials_mode(a);
    check_world_writable(a);
    check_git_and_links(a, facts);
}

void analyze_unread(Analysis& a) {
    const bool legacy = a.file.target_id() == "legacy-managed-settings";
    a.sink.finding(
        "CFG-002", Severity::medium,
        legacy ? std::string("Claude Code no longer reads managed settings from ProgramData; move "
                             "the file to C:\\Program Files\\ClaudeCode\\managed-settings.json")
               : std::string("Claude Code never reads managed-settings.json from the user's config "
                             "folder; managed settings belong in the system managed folder "
                             "(/etc/claude-code, /Library/Application Support/ClaudeCode, "
                             "C:\\Program Files\\ClaudeCode)"),
        sdk::Node());
}

void report_claude_symlinks(const ScanFacts& facts, sdk::Sink& sink) {
    // One finding per project, on its first file (by path) so the place is stable across runs.
    std::map<std::string, const ScanFacts::SymlinkedFile*> first;
    for (const ScanFacts::SymlinkedFile& f : facts.symlinked_claude_files) {
        const ScanFacts::SymlinkedFile*& slot = first[f.project];
        const bool better = !slot || (f.direct && !slot->direct) ||
                            (f.direct == slot->direct && f.at.path < slot->at.path);
        if (better) slot = &f;
    }
    for (const auto& [project, f] : first) {
        sink.finding("FS-004", Severity::low,
                     std::string(f->direct ? "the project's .claude folder is a symbolic link"
                                           : "a folder inside the project's .claude folder is a "
                                             "symbolic link") +
                         ": the settings Claude loads live elsewhere, outside review of this "
                         "repository",
                     f->at);
    }
}

}  // namespace claude_code
