#include "memory_imports.hpp"

#include <algorithm>
#include <vector>

#include "messages.hpp"
#include "text_positions.hpp"

namespace claude_code {

namespace {

using sdk::Severity;

// "/a/b/../c/./d" -> "/a/c/d" (lexically; the plugin does no I/O). Backslashes count as '/'.
std::string normalize(std::string_view text) {
    std::string slashed(text);
    std::replace(slashed.begin(), slashed.end(), '\\', '/');
    const std::string_view path = slashed;
    std::vector<std::string_view> parts;
    std::size_t pos = 0;
    while (pos <= path.size()) {
        const auto slash = path.find('/', pos);
        const std::string_view part = path.substr(
            pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        if (slash == std::string_view::npos) break;
        pos = slash + 1;
    }
    std::string out;
    for (const std::string_view p : parts)
        out.append("/").append(p);
    return out.empty() ? "/" : out;
}

bool under(std::string_view path, std::string_view folder) {
    if (folder.empty()) return false;
    const std::string f = normalize(folder);
    return path == f || (path.starts_with(f) && (f == "/" || path[f.size()] == '/'));
}

std::string_view parent_of(std::string_view path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// Where an import points, normalized ("C:\x" becomes "/C:/x", comparable with Windows homes).
std::string resolve(std::string_view import, const sdk::File& file) {
    const bool drive =
        import.size() > 2 && import[1] == ':' && (import[2] == '\\' || import[2] == '/');
    if (drive || import.starts_with('/') || import.starts_with('\\')) return normalize(import);
    if (import == "~" || import.starts_with("~/"))
        return normalize(std::string(file.home_dir()) + std::string(import.substr(1)));
    return normalize(std::string(parent_of(file.path())) + "/" + std::string(import));
}

bool inside_allowed(std::string_view target, const sdk::File& file) {
    if (under(target, file.project_dir()) || under(target, file.home_dir())) return true;
    // Managed memory may import from its own folder.
    return file.scope() == sdk::Scope::managed && under(target, parent_of(file.path()));
}

}  // namespace

void check_memory_imports(Analysis& a) {
    const std::string_view text = a.doc.bytes();
    const std::size_t body = text.size() - a.doc.body().size();
    const std::vector<ByteRange> code = fenced_blocks(text, body);
    std::size_t backticks = 0;  // on the current line: odd means inside a code span
    for (std::size_t i = body; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') backticks = 0;
        if (c == '`') ++backticks;
        if (c != '@' || backticks % 2 == 1 || in_ranges(code, i)) continue;
        if (i > body && text[i - 1] != ' ' && text[i - 1] != '\t' && text[i - 1] != '\n') continue;
        std::size_t end = i + 1;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' &&
               text[end] != '\r')
            ++end;
        std::string_view import = text.substr(i + 1, end - i - 1);
        while (!import.empty() &&
               std::string_view(".,;:!?)`'\"").find(import.back()) != std::string_view::npos)
            import.remove_suffix(1);
        if (import.empty() || import.front() == '@') continue;
        const std::string target = resolve(import, a.file);
        if (target.empty() || inside_allowed(target, a.file)) continue;
        a.sink.finding("PI-003", Severity::low,
                       "import " + text_in_quotes("@" + std::string(import)) +
                           " pulls a file from outside the project and the home folder into "
                           "Claude's instructions",
                       location_at(a.file, text, i));
    }
}

}  // namespace claude_code
