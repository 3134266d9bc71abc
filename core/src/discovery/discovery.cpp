#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sys/stat.h>
#include <unordered_map>
#include <unordered_set>

#include <confscope/discovery/discovery.hpp>
#include <confscope/discovery/glob.hpp>

namespace confscope::discovery {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kProject = "{PROJECT}";

std::vector<std::string> split_segments(std::string_view path) {
    std::vector<std::string> segments;
    std::size_t pos = 0;
    while (pos <= path.size()) {
        const std::size_t slash = path.find('/', pos);
        const std::string_view seg = path.substr(
            pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
        if (!seg.empty() && seg != ".") segments.emplace_back(seg);
        if (slash == std::string_view::npos) break;
        pos = slash + 1;
    }
    return segments;
}

std::string join_path(const std::string& dir, std::string_view name) {
    if (dir.empty() || dir.back() == '/') return dir + std::string(name);
    return dir + "/" + std::string(name);
}

enum class Kind { none, file, directory, other };

// Kind of `path`, following symbolic links (a link to a file counts as a file).
Kind stat_kind(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return Kind::none;
    if (S_ISREG(st.st_mode)) return Kind::file;
    if (S_ISDIR(st.st_mode)) return Kind::directory;
    return Kind::other;
}

struct DirEntry {
    std::string name;
    bool is_dir = false;   // a real folder (not a link to one)
    bool is_file = false;  // a regular file (not a link to one)
    bool is_symlink = false;
};

struct Listing {
    std::vector<DirEntry> entries;
    std::string error;  // non-empty when the folder could not be read
};

Listing list_directory(const std::string& dir) {
    Listing listing;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
        listing.error = ec.message();
        return listing;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
            listing.error = ec.message();
            break;
        }
        DirEntry entry;
        entry.name = it->path().filename().string();
        std::error_code type_ec;
        const fs::file_status status = it->symlink_status(type_ec);  // cached d_type, no stat
        entry.is_symlink = fs::is_symlink(status);
        entry.is_dir = fs::is_directory(status);
        entry.is_file = fs::is_regular_file(status);
        listing.entries.push_back(std::move(entry));
    }
    return listing;
}

// A compiled project template: the segments after {PROJECT}/ (leading "**" dropped, since every
// folder of the walk is tried as {PROJECT} anyway).
struct ProjectPattern {
    std::size_t target_index;
    std::vector<std::string> segments;
};

std::string normalize_root(const std::string& root) {
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(root), ec).lexically_normal();
    std::string text = p.generic_string();
    while (text.size() > 1 && text.back() == '/')
        text.pop_back();
    return text;
}

class Discoverer {
  public:
    Discoverer(const std::vector<TargetSpec>& targets, const platform::Placeholders& values,
               const DiscoveryOptions& options)
        : targets_(targets),
          values_(values),
          options_(options),
          prune_(options.prune_names.begin(), options.prune_names.end()),
          home_(values.get("HOME").value_or("")),
          system_root_(values.get("SYSTEM_ROOT").value_or("/")),
          segment_count_(targets.size(), 0) {
        for (const std::string& root : options.roots) {
            std::string normalized = normalize_root(root);
            if (std::find(roots_.begin(), roots_.end(), normalized) == roots_.end())
                roots_.push_back(std::move(normalized));
        }
        labels_ = root_labels(roots_);
    }

    // User-level templates first (they claim their files), then one walk per root for every
    // project template.
    DiscoveryResult run() {
        std::vector<ProjectPattern> patterns;
        for (std::size_t i = 0; i < targets_.size(); ++i) {
            const std::string& tpl = targets_[i].path_template;
            if (!tpl.starts_with(kProject)) {
                if (auto expanded = values_.expand(tpl)) resolve_user_target(i, *expanded, home_);
                continue;
            }
            std::vector<std::string> segments =
                split_segments(std::string_view(tpl).substr(kProject.size()));
            while (segments.size() > 1 && segments.front() == "**")
                segments.erase(segments.begin());
            if (segments.empty()) continue;
            segment_count_[i] = segments.size();
            patterns.push_back({i, std::move(segments)});
        }
        if (!patterns.empty()) {
            for (const std::string& root : roots_)
                walk_root(root, patterns);
        }
        return finish();
    }

  private:
    void resolve_user_target(std::size_t index, const std::string& expanded,
                             const std::string& home) {
        ++stats_.locations_checked;
        std::vector<std::string> segments = split_segments(expanded);
        const auto first_glob = std::find_if(segments.begin(), segments.end(),
                                             [](const std::string& s) { return has_glob(s); });
        std::string prefix = expanded.starts_with('/') ? "/" : "";
        for (auto it = segments.begin(); it != first_glob; ++it)
            prefix = join_path(prefix, *it);
        if (first_glob == segments.end()) {
            const Kind kind = stat_kind(prefix);
            if (kind == Kind::file || kind == Kind::other) {
                add_user_hit(prefix, index, home);
            } else if (kind == Kind::none) {
                Candidate& c = candidate(prefix, display_path(prefix, home, "", system_root_),
                                         EntryState::missing);
                if (c.state == EntryState::missing) c.matches.push_back({index, ""});
            }
            return;
        }
        const std::vector<std::string> rest(first_glob, segments.end());
        expand(prefix, rest, 0, [&](const std::string& path) { add_user_hit(path, index, home); });
    }

    void walk_root(const std::string& root, const std::vector<ProjectPattern>& patterns) {
        struct Pending {
            std::string dir;
            std::size_t depth;
        };
        std::vector<Pending> stack{{root, 0}};
        while (!stack.empty()) {
            Pending current = std::move(stack.back());
            stack.pop_back();
            ++stats_.directories_walked;
            Listing listing = list_directory(current.dir);
            if (!listing.error.empty()) {
                record_unreadable(current.dir, listing.error, root);
                if (listing.entries.empty()) continue;
            }
            std::unordered_map<std::string_view, const DirEntry*> names;
            names.reserve(listing.entries.size());
            for (const DirEntry& e : listing.entries)
                names.emplace(e.name, &e);

            for (const ProjectPattern& pattern : patterns) {
                const std::string& first = pattern.segments.front();
                auto hit = [&](const std::string& path) {
                    add_project_hit(path, pattern, current.dir, root);
                };
                if (first == "**") {
                    expand(current.dir, pattern.segments, 0, hit);
                } else if (has_glob(first)) {
                    for (const DirEntry& e : listing.entries) {
                        if (glob_match(first, e.name))
                            descend_listed(current.dir, e, pattern.segments, hit);
                    }
                } else if (const auto it = names.find(first); it != names.end()) {
                    descend_listed(current.dir, *it->second, pattern.segments, hit);
                }
            }
            if (current.depth >= options_.max_depth) {
                const bool deeper = std::any_of(
                    listing.entries.begin(), listing.entries.end(), [&](const DirEntry& e) {
                        return e.is_dir && !e.is_symlink && !prune_.contains(e.name);
                    });
                if (deeper) record_not_walked(current.dir, root);
                continue;
            }
            // Push in reverse so folders are visited in listing order.
            for (auto it = listing.entries.rbegin(); it != listing.entries.rend(); ++it) {
                if (it->is_dir && !it->is_symlink && !prune_.contains(it->name)) {
                    stack.push_back({join_path(current.dir, it->name), current.depth + 1});
                }
            }
        }
    }

    DiscoveryResult finish() {
        classify_found();
        DiscoveryResult result;
        result.candidates.reserve(candidates_.size());
        for (auto& [path, c] : candidates_) {
            if (c.state == EntryState::found) ++stats_.files_found;
            result.candidates.push_back(std::move(c));
        }
        result.stats = stats_;
        return result;
    }

    // descend_or_hit for segment 0 of a name from a listing: trusts the listing's file type and
    // stats only links — the walk meets tens of thousands of folders, and a stat per pattern per
    // folder adds up.
    template <typename Hit>
    void descend_listed(const std::string& dir, const DirEntry& entry,
                        const std::vector<std::string>& segments, Hit&& hit) {
        const std::string path = join_path(dir, entry.name);
        if (entry.is_symlink) {
            descend_or_hit(path, segments, 0, hit);
        } else if (segments.size() == 1) {
            if (!entry.is_dir) hit(path);  // a regular file, or a special one (recorded, not read)
        } else if (entry.is_dir) {
            expand(path, segments, 1, hit);
        }
    }

    template <typename Hit>
    void descend_or_hit(const std::string& path, const std::vector<std::string>& segments,
                        std::size_t index, Hit&& hit) {
        const Kind kind = stat_kind(path);
        if (index + 1 == segments.size()) {
            if (kind == Kind::file || kind == Kind::other) hit(path);
        } else if (kind == Kind::directory) {
            expand(path, segments, index + 1, hit);
        }
    }

    // Matches segments[index...] below `dir`, calling hit(path) for every file that matches.
    template <typename Hit>
    void expand(const std::string& dir, const std::vector<std::string>& segments, std::size_t index,
                Hit&& hit, std::size_t depth = 0) {
        if (index >= segments.size() || depth > options_.max_depth) return;
        const std::string& seg = segments[index];
        if (seg == "**") {
            expand(dir, segments, index + 1, hit, depth + 1);
            Listing listing = list_directory(dir);
            for (const DirEntry& e : listing.entries) {
                if (e.is_dir && !e.is_symlink && !prune_.contains(e.name)) {
                    expand(join_path(dir, e.name), segments, index, hit, depth + 1);
                }
            }
            return;
        }
        if (has_glob(seg)) {
            Listing listing = list_directory(dir);
            for (const DirEntry& e : listing.entries) {
                if (glob_match(seg, e.name))
                    descend_or_hit(join_path(dir, e.name), segments, index, hit);
            }
            return;
        }
        descend_or_hit(join_path(dir, seg), segments, index, hit);
    }

    // The candidate for `path`, created in `state` when new.
    Candidate& candidate(const std::string& path, const std::string& display,
                         EntryState state = EntryState::found) {
        auto [it, inserted] = candidates_.try_emplace(path);
        if (inserted) {
            it->second.path = path;
            it->second.display_path = display;
            it->second.state = state;
        }
        return it->second;
    }

    // A project file's display path: relative to the deepest root it is under (`walked`, the
    // root being walked, when none — never the case for paths the walk produced), after that
    // root's label when several roots are scanned.
    [[nodiscard]] std::string project_display_path(const std::string& path,
                                                   const std::string& walked) const {
        std::size_t owner = roots_.size();
        for (std::size_t i = 0; i < roots_.size(); ++i) {
            const std::string& root = roots_[i];
            const bool under =
                root == "/" || path == root || (path.starts_with(root) && path[root.size()] == '/');
            if (under && (owner == roots_.size() || root.size() > roots_[owner].size())) owner = i;
        }
        if (owner == roots_.size()) return display_path(path, "", walked);
        const std::string relative = display_path(path, "", roots_[owner]);
        const std::string& label = labels_[owner];
        if (label.empty()) return relative;
        if (label == "/") return path;
        return relative == "." ? label : label + "/" + relative;
    }

    void add_user_hit(const std::string& path, std::size_t target_index, const std::string& home) {
        user_claimed_.insert(path);
        Candidate& c = candidate(path, display_path(path, home, "", system_root_));
        if (c.state == EntryState::missing) {
            c.state = EntryState::found;
            c.matches.clear();
        }
        const std::size_t plugin = targets_[target_index].plugin_index;
        for (const Match& m : c.matches) {
            if (targets_[m.target_index].plugin_index == plugin) return;  // first target wins
        }
        c.matches.push_back({target_index, ""});
    }

    void add_project_hit(const std::string& path, const ProjectPattern& pattern,
                         const std::string& project_dir, const std::string& root) {
        if (user_claimed_.contains(path)) return;
        Candidate& c = candidate(path, project_display_path(path, root));
        const std::size_t plugin = targets_[pattern.target_index].plugin_index;
        for (Match& m : c.matches) {
            if (targets_[m.target_index].plugin_index != plugin) continue;
            // The most specific template of one plugin wins (".claude/CLAUDE.md" over "CLAUDE.md");
            // between equally specific ones the shallowest project, which one walk meets first —
            // so that nested roots give the same match whichever of them is walked first.
            const std::size_t segments = segment_count_[m.target_index];
            if (pattern.segments.size() > segments || (pattern.segments.size() == segments &&
                                                       project_dir.size() < m.project_dir.size())) {
                m = {pattern.target_index, project_dir};
            }
            return;
        }
        c.matches.push_back({pattern.target_index, project_dir});
    }

    void record_not_walked(const std::string& path, const std::string& root) {
        Candidate& c = candidate(path, project_display_path(path, root), EntryState::not_walked);
        c.error = "its subfolders are deeper than --max-depth " +
                  std::to_string(options_.max_depth) + " below " + root + "; not walked";
    }

    // Looks at every found file once more, without opening it: what is not a regular file becomes
    // special; a project file whose real path (links resolved) leaves every root, and is no file
    // a user-level target found, becomes an outside_link.
    void classify_found() {
        std::vector<std::string> real_roots;
        for (const std::string& root : roots_) {
            char* real = ::realpath(root.c_str(), nullptr);
            real_roots.emplace_back(real != nullptr ? real : root);
            std::free(real);
        }
        std::unordered_set<std::string> known;  // user-level files, links resolved
        for (const std::string& path : user_claimed_) {
            known.insert(path);
            if (char* real = ::realpath(path.c_str(), nullptr)) {
                known.insert(real);
                std::free(real);
            }
        }
        auto under = [](const std::string& path, const std::string& folder) {
            return folder == "/" || path == folder ||
                   (path.starts_with(folder) && path[folder.size()] == '/');
        };
        for (auto& [path, c] : candidates_) {
            if (c.state != EntryState::found) continue;
            struct stat link_info {};
            c.is_symlink = ::lstat(path.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode);
            struct stat info {};
            if (::stat(path.c_str(), &info) != 0) continue;  // gone: reading it says so
            std::string real;
            if (char* resolved = ::realpath(path.c_str(), nullptr)) {
                real = resolved;
                std::free(resolved);
            }
            if (!S_ISREG(info.st_mode)) {
                c.state = EntryState::special;
                c.error = S_ISFIFO(info.st_mode)   ? "a FIFO"
                          : S_ISSOCK(info.st_mode) ? "a socket"
                          : S_ISCHR(info.st_mode)  ? "a character device"
                          : S_ISBLK(info.st_mode)  ? "a block device"
                          : S_ISDIR(info.st_mode)  ? "a folder"
                                                   : "not a regular file";
                if (!real.empty() && real != path) c.link_target = real;
                continue;
            }
            if (user_claimed_.contains(path) || real.empty() || real == path) continue;
            const bool inside =
                known.contains(real) ||
                std::any_of(real_roots.begin(), real_roots.end(),
                            [&](const std::string& root) { return under(real, root); });
            if (inside) continue;
            c.state = EntryState::outside_link;
            c.link_target = real;
        }
    }

    void record_unreadable(const std::string& path, const std::string& error,
                           const std::string& root) {
        ++stats_.unreadable;
        Candidate& c = candidate(path, project_display_path(path, root), EntryState::unreadable);
        c.error = error;
    }

    const std::vector<TargetSpec>& targets_;
    const platform::Placeholders& values_;
    const DiscoveryOptions& options_;
    std::unordered_set<std::string> prune_;
    std::string home_;
    std::string system_root_;
    std::vector<std::string> roots_;          // normalized, each once, in the order given
    std::vector<std::string> labels_;         // per root: its label in display paths
    std::vector<std::size_t> segment_count_;  // per target: segments after {PROJECT}
    std::map<std::string, Candidate> candidates_;
    std::unordered_set<std::string> user_claimed_;
    DiscoveryStats stats_;
};

}  // namespace

std::vector<std::string> default_prune_names() {
    return {".git",    ".hg",         ".svn",   "node_modules", ".venv",
            "venv",    "__pycache__", ".tox",   ".mypy_cache",  ".pytest_cache",
            ".gradle", ".m2",         ".cache", ".npm",         ".nvm",
            ".cargo",  ".rustup",     ".pyenv", ".terraform",   "bower_components",
            ".next",   ".nuxt",       ".Trash"};
}

Status validate_template(const std::string& path_template, const platform::Placeholders& values) {
    std::string_view text = path_template;
    if (text.empty()) return Status::invalid_argument("empty path template");
    if (text.starts_with(kProject)) {
        text.remove_prefix(kProject.size());
        if (!text.starts_with('/') || text.size() < 2) {
            return Status::invalid_argument("'" + path_template +
                                            "': {PROJECT} must be followed by /<path>");
        }
    }
    if (text.find(kProject) != std::string_view::npos) {
        return Status::invalid_argument("'" + path_template +
                                        "': {PROJECT} may only start a template");
    }
    for (const std::string& seg : split_segments(text)) {
        if (seg == "..") {
            return Status::invalid_argument("'" + path_template +
                                            "': '..' is not allowed in templates");
        }
    }
    std::string unknown;
    if (!values.expand(text, &unknown)) {
        return Status::invalid_argument("'" + path_template + "': unknown placeholder {" + unknown +
                                        "}");
    }
    return Status::ok();
}

namespace {

// One root's label as its last `taken` folder names.
struct Label {
    std::vector<std::string> segments;  // the root's folder names, outermost first
    std::size_t taken = 0;

    [[nodiscard]] bool complete() const { return taken >= segments.size(); }
    [[nodiscard]] std::string text() const {
        if (segments.empty()) return "/";
        std::string out;
        for (std::size_t i = segments.size() - taken; i < segments.size(); ++i)
            out += (out.empty() ? "" : "/") + segments[i];
        return out;
    }
    // Whether `this` label's folders are the first folders of `other`'s (or equal to them).
    [[nodiscard]] bool starts(const Label& other) const {
        if (segments.empty() || other.segments.empty() || taken > other.taken) return false;
        const std::size_t mine = segments.size() - taken,
                          theirs = other.segments.size() - other.taken;
        for (std::size_t i = 0; i < taken; ++i)
            if (segments[mine + i] != other.segments[theirs + i]) return false;
        return true;
    }
    bool grow() {
        if (complete()) return false;
        ++taken;
        return true;
    }
};

}  // namespace

std::vector<std::string> root_labels(const std::vector<std::string>& roots) {
    std::vector<std::string> distinct(roots);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() <= 1) return std::vector<std::string>(roots.size());

    std::vector<Label> labels;
    for (const std::string& root : distinct) {
        Label label{split_segments(root), 0};
        label.grow();
        labels.push_back(std::move(label));
    }
    // Grow labels until none is ambiguous. Each pass only lengthens labels, so this ends; the
    // outcome depends on the set of roots only (they are sorted, and every conflicting pair is
    // resolved the same way whatever its position).
    for (bool changed = true; changed;) {
        changed = false;
        for (Label& label : labels) {
            if (!label.complete() &&
                label.segments[label.segments.size() - label.taken].starts_with('~'))
                changed = label.grow() || changed;
        }
        for (std::size_t i = 0; i < labels.size(); ++i) {
            for (std::size_t j = 0; j < labels.size(); ++j) {
                if (i == j || !labels[i].starts(labels[j])) continue;
                if (labels[i].taken == labels[j].taken) {  // equal: both grow
                    const bool a = labels[i].grow(), b = labels[j].grow();
                    changed = changed || a || b;
                } else {  // i is a prefix of j: the shorter grows, or else the longer
                    changed = labels[i].grow() || labels[j].grow() || changed;
                }
            }
        }
    }
    std::vector<std::string> out;
    out.reserve(roots.size());
    for (const std::string& root : roots) {
        const auto at = std::lower_bound(distinct.begin(), distinct.end(), root);
        out.push_back(labels[static_cast<std::size_t>(at - distinct.begin())].text());
    }
    return out;
}

std::string display_path(const std::string& path, const std::string& home, const std::string& root,
                         const std::string& system_root) {
    auto relative_to = [&](const std::string& base) -> std::optional<std::string> {
        if (base.empty()) return std::nullopt;
        if (path == base) return std::string(".");
        const std::string prefix = base.back() == '/' ? base : base + "/";
        if (path.starts_with(prefix)) return path.substr(prefix.size());
        return std::nullopt;
    };
    if (auto rel = relative_to(root)) return *rel;
    if (auto rel = relative_to(home)) return "~/" + *rel;
    if (system_root != "/") {
        if (auto rel = relative_to(system_root)) return "/" + *rel;
    }
    return path;
}

DiscoveryResult discover(const std::vector<TargetSpec>& targets,
                         const platform::Placeholders& values, const DiscoveryOptions& options) {
    return Discoverer(targets, values, options).run();
}

}  // namespace confscope::discovery
