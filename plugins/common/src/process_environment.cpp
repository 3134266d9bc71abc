#include <algorithm>
#include <cctype>
#include <vector>

#include <confscope/plugin_common/process_environment.hpp>
#include <confscope/plugin_common/text.hpp>

namespace confscope::plugin_common {

namespace {

std::string to_upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

bool one_of(std::string_view text, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), text) != words.end();
}

// Entries of a path list: ';' separates them on Windows (or when the value holds a drive
// letter), ':' elsewhere. Empty entries are kept (in PATH, one means the working directory).
std::vector<std::string> path_entries(std::string_view value) {
    const bool windows = value.find(';') != std::string_view::npos ||
                         (value.size() > 2 && std::isalpha(static_cast<unsigned char>(value[0])) &&
                          value[1] == ':' && (value[2] == '\\' || value[2] == '/'));
    const char separator = windows ? ';' : ':';
    std::vector<std::string> entries;
    std::size_t pos = 0;
    while (true) {
        const auto end = value.find(separator, pos);
        entries.emplace_back(value.substr(pos, end == std::string_view::npos ? end : end - pos));
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    return entries;
}

std::string trimmed(std::string_view path) {
    std::string p(path);
    while (p.size() > 1 && (p.back() == '/' || p.back() == '\\'))
        p.pop_back();
    return p;
}

// `path` is `dir` or below it (either separator).
bool at_or_under(std::string_view path, std::string_view dir) {
    if (!path.starts_with(dir)) return false;
    return path.size() == dir.size() || path[dir.size()] == '/' || path[dir.size()] == '\\';
}

// Space-separated words of an options variable (NODE_OPTIONS="--require /x.js --inspect").
std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t'))
            ++pos;
        const auto end = text.find_first_of(" \t", pos);
        if (pos < text.size())
            out.push_back(text.substr(
                pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
        pos = end == std::string_view::npos ? text.size() : end;
    }
    return out;
}

// `entry` lies in the home folder: "~/…", "$HOME/…", "${HOME}/…", "%USERPROFILE%\\…", or below
// the scanned home.
bool under_home(std::string_view entry, std::string_view home) {
    const std::string lower = to_lower(entry);
    for (const std::string_view prefix :
         {"~/", "$home/", "${home}/", "%userprofile%\\", "%userprofile%/", "$env:userprofile\\"}) {
        if (lower.starts_with(prefix)) return true;
    }
    const std::string h = trimmed(home);
    return !home.empty() && h != "/" && at_or_under(entry, h) && entry.size() > h.size();
}

// The first risky entry of a path list: "/tmp/lib (a temporary folder)", or "".
std::string risky_entry(std::string_view value, std::string_view home, bool working_directory) {
    for (const std::string& entry : path_entries(value)) {
        if (working_directory && (entry.empty() || entry == "." || entry == "./"))
            return "the working directory (" + std::string(entry.empty() ? "an empty entry" : ".") +
                   ")";
        if (const std::string where = risky_location(entry, home); !where.empty())
            return quoted(entry) + " (" + where + ")";
    }
    return {};
}

// A module given by location rather than by package name: an absolute, relative, home or
// variable-rooted path, a drive path, or a file:, data:, http(s): URL.
bool names_a_file(std::string_view module) {
    if (module.empty()) return false;
    if (module.starts_with('/') || module.starts_with('.') || module.starts_with('~') ||
        module.starts_with('$') || module.starts_with('%') || module.starts_with('\\'))
        return true;
    if (module.size() > 2 && std::isalpha(static_cast<unsigned char>(module[0])) &&
        module[1] == ':')
        return true;
    for (const std::string_view scheme : {"file:", "data:", "http:", "https:"}) {
        if (module.starts_with(scheme)) return true;
    }
    return false;
}

std::string node_options_hijack(std::string_view value) {
    const std::vector<std::string_view> w = words(value);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const std::string_view flag = w[i].substr(0, w[i].find('='));
        if (one_of(flag, {"--require", "-r", "--import", "--loader", "--experimental-loader"})) {
            const std::string_view module = w[i].find('=') != std::string_view::npos
                                                ? w[i].substr(w[i].find('=') + 1)
                                                : (i + 1 < w.size() ? w[i + 1] : "");
            // A package (--require dotenv/config, -r ts-node/register) is the project's own
            // dependency; a file path, a URL or inline data is code from elsewhere.
            if (!names_a_file(module)) continue;
            return "preloads " + quoted(module) + " into every Node.js process it starts (" +
                   std::string(flag) + ")";
        }
        if (flag == "--inspect" || flag == "--inspect-brk" || flag == "--inspect-wait") {
            const auto eq = w[i].find('=');
            if (eq == std::string_view::npos) continue;
            const std::string_view target = w[i].substr(eq + 1);
            const auto colon = target.rfind(':');
            const std::string host(colon == std::string_view::npos ? std::string_view()
                                                                   : target.substr(0, colon));
            if (!host.empty() && !is_loopback_host(host) && host != "0.0.0.0")
                return "opens the Node.js debugger to the network (" + std::string(w[i]) +
                       "): whoever reaches it runs code in the server";
            if (host == "0.0.0.0")
                return "opens the Node.js debugger on every interface (" + std::string(w[i]) +
                       "): whoever reaches it runs code in the server";
        }
    }
    return {};
}

}  // namespace

std::string risky_location(std::string_view raw, std::string_view home) {
    const std::string entry = trimmed(raw);
    const std::string lower = to_lower(entry);
    if (!home.empty() && entry == trimmed(home)) return "the home folder itself";
    // A folder below the scanned home is the home's, even when the home itself lies in a
    // temporary folder (a CI runner's or a test's home under /tmp).
    if (under_home(entry, home)) return {};
    for (const std::string_view temp :
         {"/tmp", "/var/tmp", "/dev/shm", "/private/tmp", "/private/var/tmp", "/var/folders",
          "$tmpdir", "${tmpdir}", "%temp%", "%tmp%", "$env:temp", "${env:temp}", "${env:tmp}",
          "c:\\windows\\temp", "c:/windows/temp"}) {
        if (at_or_under(lower, temp)) return "a temporary folder";
    }
    if (lower.find("\\appdata\\local\\temp") != std::string::npos ||
        lower.find("/appdata/local/temp") != std::string::npos)
        return "a temporary folder";
    for (const std::string_view h : {"~", "$home", "${home}", "%userprofile%", "${userhome}",
                                     "${env:home}", "${env:userprofile}", "$env:userprofile"}) {
        if (lower == h) return "the home folder itself";
    }
    if (!home.empty() && entry == trimmed(home)) return "the home folder itself";
    return {};
}

EnvironmentHijack environment_hijack(std::string_view raw_name, std::string_view value,
                                     std::string_view home) {
    const std::string name = to_upper(raw_name);
    if (value.empty()) return {};
    const std::string v(value);
    if (one_of(name, {"LD_PRELOAD", "LD_AUDIT", "DYLD_INSERT_LIBRARIES"}))
        return {"loads " + quoted(v) + " into every program the server starts (" + name + ")"};
    if (name == "PYTHONSTARTUP")
        return {"runs " + quoted(v) + " whenever Python starts interactively (PYTHONSTARTUP)"};
    if (name == "PYTHONHOME")
        return {"replaces Python's standard library with " + quoted(v) + " (PYTHONHOME)"};
    if (name == "BASH_ENV")
        return {"runs " + quoted(v) + " before every bash script the server starts (BASH_ENV)"};
    if (name == "NODE_OPTIONS") {
        if (std::string why = node_options_hijack(value); !why.empty()) return {std::move(why)};
        return {};
    }
    if (name == "PERL5OPT") {
        for (const std::string_view w : words(value)) {
            if (w.starts_with("-M") || w.starts_with("-m") || w.starts_with("-I") ||
                w.starts_with("-d"))
                return {"makes every Perl program load " + quoted(w) + " (PERL5OPT)"};
        }
        return {};
    }
    if (name == "RUBYOPT") {
        const std::vector<std::string_view> w = words(value);
        for (std::size_t i = 0; i < w.size(); ++i) {
            std::string_view file = w[i] == "-r" && i + 1 < w.size() ? w[i + 1]
                                    : w[i].starts_with("-r")         ? w[i].substr(2)
                                                                     : std::string_view();
            // -rbundler/setup names a gem; a path names a file anyone could have put there.
            if (file.starts_with('/') || file.starts_with('.') || file.starts_with('~') ||
                file.starts_with('$'))
                return {"makes every Ruby program require " + quoted(file) + " (RUBYOPT)"};
        }
        return {};
    }
    if (one_of(name, {"JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS"})) {
        for (const std::string_view w : words(value)) {
            if (w.starts_with("-javaagent:") || w.starts_with("-agentpath:") ||
                w.starts_with("-agentlib:"))
                return {"loads an agent into every Java program (" + quoted(w) + " in " + name +
                        ")"};
        }
        return {};
    }
    const bool library_path =
        name == "LD_LIBRARY_PATH" || (name.starts_with("DYLD_") && name.ends_with("_PATH"));
    if (library_path) {
        if (std::string entry = risky_entry(value, home, false); !entry.empty())
            return {"makes libraries load from " + entry + " (" + name + ")"};
        // Libraries from a folder of the home: anything running as you can plant one there.
        for (const std::string& entry : path_entries(value)) {
            if (under_home(entry, home))
                return {"makes libraries load from " + quoted(entry) +
                        " (a folder in the home, writable by anything running as you; " + name +
                        ")"};
        }
        return {"makes libraries load from " + quoted(v) + " first (" + name +
                    "): whoever can write there runs code in the server",
                false};
    }
    if (one_of(name, {"PATH", "PYTHONPATH", "NODE_PATH", "PERL5LIB", "RUBYLIB"})) {
        if (std::string entry = risky_entry(value, home, name == "PATH"); !entry.empty()) {
            const std::string_view what = name == "PATH" ? "programs" : "modules";
            return {"makes " + std::string(what) + " load from " + entry + " (" + name + ")"};
        }
    }
    return {};
}

bool disables_tls_verification(std::string_view raw_name, std::string_view value) {
    const std::string name = to_upper(raw_name);
    const std::string v = to_lower(value);
    if (name == "NODE_TLS_REJECT_UNAUTHORIZED") return v == "0";
    if (name == "PYTHONHTTPSVERIFY") return v == "0";
    if (name == "GIT_SSL_NO_VERIFY") return !one_of(v, {"", "0", "false", "no", "off"});
    if (name == "NPM_CONFIG_STRICT_SSL") return one_of(v, {"false", "0", "no", "off"});
    return false;
}

}  // namespace confscope::plugin_common
