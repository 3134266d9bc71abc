// confscope restore PATH --version N [--force] [--host NAME]
//
// Writes a stored version of a file back: the current file is copied to a backup beside it first,
// then the version is written atomically (temporary file, flush, rename) with the current file's
// mode and owner. Refuses when the file changed since the last scan (unless --force), and refuses
// a version that was stored redacted or not at all: a redaction marker never lands in a config.
// It writes only the path that was scanned: never through a link out of the scanned home and
// roots, never through a dangling link, never into a folder it would have to create, never over
// anything but a regular file; every file operation is relative to a folder opened without
// following links (io::SafeFolder).
#include <algorithm>
#include <filesystem>
#include <ostream>

#include <confscope/base/time.hpp>
#include <confscope/io/file_reader.hpp>
#include <confscope/io/safe_folder.hpp>
#include <confscope/io/sha256.hpp>
#include <confscope/store/stored_text.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"
#include "file_versions.hpp"

namespace confscope::host {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxConfigBytes = 256ull * 1024 * 1024;

// "2026-11-24T09:30:12.345Z" -> "20261124T093012Z".
std::string compact_utc_now() {
    std::string stamp;
    for (const char c : now_rfc3339().substr(0, 19)) {
        if (c != '-' && c != ':') stamp += c;
    }
    return stamp + "Z";
}

// A copy of the current file beside it, in the same opened folder, as private as the file, never
// replacing anything.
Result<std::string> write_backup(const io::SafeFolder& folder, const std::string& name,
                                 const io::FileData& current) {
    const std::string base = name + ".confscope-backup-" + compact_utc_now();
    for (int n = 1; n < 100; ++n) {
        const std::string backup = n == 1 ? base : base + "-" + std::to_string(n);
        const Status written = folder.write_new(backup, current.bytes, current.mode & 0777);
        if (written) return (fs::path(folder.path()) / backup).string();
        if (written.code() != StatusCode::already_exists) return written;
    }
    return Status::already_exists(folder.path() + "/" + base +
                                  ": too many backups with this name; move some away");
}

// The file a link names, one hop (for messages: where a dangling link points).
std::string link_text(const fs::path& link) {
    std::error_code ec;
    const fs::path next = fs::read_symlink(link, ec);
    return ec ? std::string("(unreadable)") : next.string();
}

bool is_under(const fs::path& path, const fs::path& folder) {
    auto p = path.begin();
    for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
        if (f->empty()) continue;  // a trailing separator
        if (p == path.end() || *p != *f) return false;
    }
    return true;
}

// Where restore may write the file the scans recorded as `scanned`: the path itself, or — when
// it or a folder above it is a symbolic link — the file it resolves to if that lies under one of
// `allowed` (the canonical home and roots of the last scan that saw it: a dotfiles checkout).
// Never a dangling link, a missing folder, a link out of the scanned tree or a special file.
struct Destination {
    fs::path folder;  ///< canonical, no link in it
    std::string name;
    bool exists = false;
};

Result<Destination> destination_of(const std::string& scanned, const std::vector<fs::path>& allowed,
                                   const std::string& scan_words) {
    const fs::path path = fs::path(scanned).lexically_normal();
    const fs::path parent = path.parent_path();
    const std::string nothing = "; nothing was written";
    std::error_code ec;
    const fs::file_status parent_status = fs::status(parent, ec);
    if (!fs::exists(parent_status))
        return Status::failed_precondition(
            scanned + ": its folder " + parent.string() +
            " does not exist and restore never creates folders" + nothing +
            ". If the file belongs there, create the folder yourself (mkdir -p " + parent.string() +
            ") and run restore again");
    if (!fs::is_directory(parent_status))
        return Status::failed_precondition(scanned + ": " + parent.string() + " is not a folder" +
                                           nothing);
    const fs::path real_parent = fs::canonical(parent, ec);
    if (ec)
        return Status::unavailable(scanned + ": cannot resolve its folder: " + ec.message() +
                                   nothing);

    Destination where;
    const fs::file_status own = fs::symlink_status(path, ec);
    fs::path target;
    if (!fs::exists(own) && own.type() == fs::file_type::not_found) {
        target = real_parent / path.filename();
    } else if (fs::is_symlink(own)) {
        const fs::path resolved = fs::canonical(path, ec);
        if (ec)
            return Status::failed_precondition(
                scanned + " is a symbolic link to " + link_text(path) +
                ", which does not exist; restore writes only the path that was scanned and never "
                "creates a file through a link" +
                nothing + ". Remove the link (rm " + scanned +
                ") to restore the file in its place, or write the link's target yourself");
        if (!fs::is_regular_file(resolved, ec))
            return Status::failed_precondition(scanned + " is a symbolic link to " +
                                               resolved.string() + ", which is not a regular file" +
                                               nothing);
        target = resolved;
        where.exists = true;
    } else if (fs::is_regular_file(own)) {
        target = real_parent / path.filename();
        where.exists = true;
    } else {
        return Status::failed_precondition(
            scanned +
            " is not a regular file (a folder, FIFO, socket or device); restore writes only a "
            "regular file or a missing one" +
            nothing + ". Move it away if the configuration file belongs there");
    }

    if (target != path) {
        const bool inside = std::any_of(allowed.begin(), allowed.end(), [&](const fs::path& root) {
            return is_under(target, root);
        });
        if (!inside)
            return Status::failed_precondition(
                scanned + " resolves to " + target.string() +
                " through a symbolic link, outside the home, roots and system root " + scan_words +
                " looked at; restore writes only the path that was scanned" + nothing +
                ". Remove the link (rm " + scanned +
                ") and restore again to write the file in its place");
    }
    where.folder = target.parent_path();
    where.name = target.filename().string();
    return where;
}

std::string restore_hint(const std::string& path) {
    return "to keep restorable versions of this file from now on, scan with --store-content raw:" +
           path +
           " (or raw:PLUGIN for a whole family, e.g. raw:claude-code; a scan while the file still "
           "holds this version makes it restorable too); raw content keeps its secrets in "
           "plaintext in the store";
}

}  // namespace

int run_restore_command(Context& context, const Arguments& args) {
    std::string path;
    int number = 0;
    bool force = false;
    std::string host_flag;
    CommandSpec spec;
    spec.usage = "confscope restore PATH --version N [--force] [--host NAME]";
    spec.description =
        "Writes version N of a file (see confscope history PATH) back to disk. The current file "
        "is\ncopied to PATH.confscope-backup-<UTC time> first; the version is then written "
        "atomically with\nthe current file's mode. Refuses when the file changed since the last "
        "scan (scan again, or\n--force), and refuses a version stored redacted: it never writes a "
        "redaction marker into a\nconfig.";
    spec.options.add_options()("path", po::value(&path)->value_name("PATH")->required(),
                               "the file to restore")(
        "version", po::value(&number)->value_name("N")->required(),
        "the version to write back (1 = the oldest stored)")(
        "force", po::bool_switch(&force),
        "restore even though the file changed since the last scan (a backup is still written)")(
        "host", po::value(&host_flag)->value_name("NAME"),
        "the machine name the scans recorded (default: this one; as given to scan --host)");
    spec.positional.add("path", 1);
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    Output& out = context.out();

    auto store = context.open_store_for_reading();
    if (!store) return context.fail(store.status());
    auto file = find_versions(**store, history_host(host_flag), path);
    if (!file) return context.fail(file.status());
    auto found = file->version(number, "--version");
    if (!found) return context.fail(found.status());
    const store::FileVersion& version = **found;
    const std::string which = "version " + std::to_string(number) + " of " + file->display;

    // -- the version must be the file's exact bytes -------------------------------------------
    if (version.content_hash.empty()) {
        out.error(which +
                  " has no stored content (the scan kept only its hash); nothing was "
                  "written; " +
                  restore_hint(file->display));
        return exit_runtime_error;
    }
    if (version.redacted) {
        out.error(which +
                  " was stored redacted (it held a secret) and confscope never writes a "
                  "redaction marker into a config; nothing was written; " +
                  restore_hint(file->display));
        return exit_runtime_error;
    }
    auto stored = (*store)->content(version.content_hash);
    if (!stored) return context.fail(stored.status());
    if (!*stored || io::sha256_hex(**stored) != version.sha256) {
        out.error(which +
                  ": the stored content is not the file's bytes (its SHA-256 differs from "
                  "the scanned file's); nothing was written");
        return exit_runtime_error;
    }
    const std::string& bytes = **stored;

    // -- where to write: the path that was scanned, never through a link out of the scanned tree
    // A symbolic link (a dotfiles checkout) keeps pointing where it did: its target is written
    // when it lies under the home or a root of the last scan that saw the file.
    auto seen = (*store)->last_seen(file->host, file->path);
    if (!seen) return context.fail(seen.status());
    std::vector<fs::path> allowed;
    std::string scan_words = "no scan";
    if (*seen) {
        auto summary = (*store)->scan((*seen)->scan_id);
        if (!summary) return context.fail(summary.status());
        const store::ScanScope scope = store::ScanScope::of(*summary);
        std::vector<std::string> folders = scope.roots;
        if (!scope.home.empty()) folders.push_back(scope.home);
        if (!scope.system_root.empty()) folders.push_back(scope.system_root);
        std::error_code ec;
        for (const std::string& folder : folders) {
            // "/" (a system root left at its default, a home or root given as /) would let a
            // link lead anywhere: it never counts.
            const fs::path real = fs::canonical(folder, ec);
            if (!ec && real != real.root_path()) allowed.push_back(real);
        }
        scan_words = "scan " + std::to_string((*seen)->scan_id);
    }
    auto where = destination_of(file->path, allowed, scan_words);
    if (!where) {
        out.error(where.status().message());
        return exit_runtime_error;
    }
    // Every folder from "/" down is opened without following a link, and every file operation
    // below is relative to that open folder: a folder swapped for a link after the checks above
    // cannot redirect the write.
    auto folder = io::SafeFolder::open(where->folder.string());
    if (!folder) {
        out.error(file->path + ": cannot open its folder safely: " + folder.status().message() +
                  "; nothing was written. Restore writes only through real folders; scan again "
                  "and check where " +
                  where->folder.string() + " points");
        return exit_runtime_error;
    }
    const std::string target = (where->folder / where->name).string();
    io::FileData current;
    std::optional<io::FileIdentity> identity;
    bool exists = false;
    {
        auto kind = folder->kind(where->name);
        if (!kind) return context.fail(kind.status());
        if (*kind != io::EntryKind::missing) {
            io::FileIdentity opened;
            auto read = folder->read(where->name, kMaxConfigBytes, opened);
            if (!read) {
                out.error(file->path + ": " + read.status().message() +
                          "; nothing was written (it changed while restore looked at it: scan "
                          "again)");
                return exit_runtime_error;
            }
            if (read->truncated) {
                out.error(target + ": larger than 256 MiB; not a configuration file this restores");
                return exit_runtime_error;
            }
            current = std::move(*read);
            identity = opened;
            exists = true;
        }
        if (exists != where->exists) {
            out.error(file->path +
                      ": changed while restore looked at it; nothing was written. Run restore "
                      "again");
            return exit_runtime_error;
        }
    }

    // -- the file on disk: unchanged since the last scan, unless --force ------------------------
    if (exists && !force) {
        const bool changed = !*seen || !(*seen)->exists || (*seen)->sha256 != current.sha256_hex;
        if (changed) {
            out.error(
                file->display + " changed since the last scan" +
                (*seen ? " (scan " + std::to_string((*seen)->scan_id) + " at " +
                             (*seen)->finished_at + ")"
                       : std::string()) +
                ": restoring would lose that change; nothing was written. Run confscope scan to "
                "store the current version first, or pass --force (a backup is still written)");
            return exit_runtime_error;
        }
    }
    if (exists && current.sha256_hex == version.sha256) {
        out.out() << file->display << " already holds version " << number << "; nothing to do\n";
        return exit_ok;
    }

    // -- backup, then the atomic write, both in the opened folder -------------------------------
    std::string backup;
    if (exists) {
        auto written = write_backup(*folder, where->name, current);
        if (!written) {
            out.error(written.status().message() + "; nothing was restored");
            return exit_runtime_error;
        }
        backup = *written;
    }
    const std::uint32_t mode = exists ? current.mode
                               : (version.mode & 07777) != 0
                                   ? static_cast<std::uint32_t>(version.mode & 07777)
                                   : 0600u;
    std::optional<io::FileOwner> owner;
    if (exists) owner = io::FileOwner{current.uid, current.gid};
    if (const Status written = folder->replace(where->name, bytes, mode, owner, identity);
        !written) {
        out.error(written.message() + "; the file is as it was" +
                  (backup.empty() ? std::string() : " (and a backup is in " + backup + ")"));
        return exit_runtime_error;
    }

    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_field(w, "path", file->display);
        json_field(w, "written", store::escape_path(target));
        json_field(w, "version", number);
        json_field(w, "sha256", version.sha256);
        json_field(w, "bytes", static_cast<long long>(bytes.size()));
        json_field(w, "backup", store::escape_path(backup));
        w.EndObject();
        out.out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    out.out() << "restored version " << number << " of " << file->display << " (" << bytes.size()
              << " bytes, SHA-256 " << short_hash(version.sha256) << ", first seen "
              << version.changed_at << ")\n";
    if (!backup.empty())
        out.out() << "the previous content is in " << store::escape_path(backup) << "\n";
    else
        out.out() << "the file did not exist; nothing needed a backup\n";
    out.out() << "run confscope scan to record the restored file\n";
    return exit_ok;
}

}  // namespace confscope::host
