#include "trust.hpp"

#include <cctype>

namespace mcp {

namespace {

using sdk::Severity;

std::string without_trailing_separator(std::string_view path) {
    std::string p(path);
    while (p.size() > 1 && (p.back() == '/' || p.back() == '\\') && !(p.size() == 3 && p[1] == ':'))
        p.pop_back();
    return p;
}

// What trusting `path` covers when it is too broad: "the whole file system", "the drive C:",
// "the home folder", or "".
std::string broad_folder(std::string_view raw, std::string_view home) {
    const std::string path = without_trailing_separator(raw);
    if (path == "/" || path == "\\") return "the whole file system";
    if (path.size() >= 2 && path.size() <= 3 && std::isalpha(static_cast<unsigned char>(path[0])) &&
        path[1] == ':' && (path.size() == 2 || path[2] == '\\' || path[2] == '/'))
        return "the whole drive " + path.substr(0, 2);
    if (path == "~" || path == "$HOME" || path == "${HOME}" || path == "%USERPROFILE%")
        return "the home folder";
    if (!home.empty() && path == without_trailing_separator(home)) return "the home folder";
    return {};
}

// The folder above `path` ("" for a root).
std::string parent_folder(std::string_view raw) {
    const std::string path = without_trailing_separator(raw);
    const auto slash = path.find_last_of("/\\");
    if (slash == std::string::npos) return {};
    if (slash == 0) return path.size() > 1 ? "/" : "";
    if (slash == 2 && path[1] == ':') return path.substr(0, 3);
    return path.substr(0, slash);
}

void report(Analysis& a, const sdk::Node& node, const std::string& what) {
    a.sink.finding("TRUST-001", Severity::high, what, node);
}

}  // namespace

void check_codex_trust(Analysis& a, const sdk::Node& projects) {
    for (const sdk::Node& project : projects.children()) {
        const sdk::Node level = project["trust_level"];
        if (level.string_or("") != "trusted") continue;
        const std::string covers = broad_folder(project.key(), a.file.home_dir());
        if (covers.empty()) continue;
        report(a, level,
               "Codex trusts " + quoted(project.key()) + " (" + covers +
                   "): every project below it loads its .codex/config.toml, with its MCP "
                   "servers and approval settings, without being asked");
    }
}

void check_zed_trust(Analysis& a) {
    // Worktree trust is Zed's own decision: only user settings can grant it.
    if (a.scope() != sdk::Scope::user) return;
    const sdk::Node all = a.doc.root()["session"]["trust_all_worktrees"];
    if (!all.is_true()) return;
    report(
        a, all,
        "session.trust_all_worktrees is true: Zed trusts every folder it opens without Restricted "
        "Mode, so a repository's .zed/settings.json starts its MCP and language servers "
        "without being asked");
}

void analyze_gemini_trusted_folders(Analysis& a) {
    const sdk::Node root = a.doc.root();
    for (const sdk::Node& entry : root.children()) {
        const std::string_view level = entry.string_or("");
        std::string trusted;
        if (level == "TRUST_FOLDER") {
            trusted = std::string(entry.key());
        } else if (level == "TRUST_PARENT") {
            trusted = parent_folder(entry.key());
        } else {
            continue;
        }
        const std::string covers = broad_folder(trusted, a.file.home_dir());
        if (covers.empty()) continue;
        report(a, entry,
               "Gemini CLI trusts " + quoted(trusted) + " (" + covers + ", " + std::string(level) +
                   " on " + quoted(entry.key()) +
                   "): every folder below it loads its .gemini/settings.json, MCP servers and "
                   "commands without being asked");
    }
}

}  // namespace mcp
