// confscope restore PATH --version N [--force] [--host NAME]
//
// Writes a stored version of a file back: the current file is copied to a backup beside it first,
// then the version is written atomically (temporary file, flush, rename) with the current file's
// mode and owner. Refuses when the file changed since the last scan (unless --force), and refuses
// a version that was stored redacted or not at all: a redaction marker never lands in a config.
#include <filesystem>
#include <ostream>

#include <confscope/base/time.hpp>
#include <confscope/io/atomic_write.hpp>
#include <confscope/io/file_reader.hpp>
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

// A copy of the current file beside it, as private as the file, never replacing anything.
Result<std::string> write_backup(const std::string& target, const io::FileData& current) {
    const std::string base = target + ".confscope-backup-" + compact_utc_now();
    for (int n = 1; n < 100; ++n) {
        const std::string path = n == 1 ? base : base + "-" + std::to_string(n);
        const Status written = io::write_new_file(path, current.bytes, current.mode & 0777);
        if (written) return path;
        if (written.code() != StatusCode::already_exists) return written;
    }
    return Status::already_exists(base + ": too many backups with this name; move some away");
}

// The file a path names, following symbolic links one hop at a time (so a dangling link's target
// is found too, where fs::canonical fails).
Result<std::string> link_target(const std::string& path) {
    std::error_code ec;
    fs::path target = path;
    for (int hops = 0; fs::is_symlink(target, ec); ++hops) {
        if (hops == 40) return Status::failed_precondition(path + ": too many symbolic links");
        const fs::path next = fs::read_symlink(target, ec);
        if (ec) return Status::unavailable(path + ": cannot read the link: " + ec.message());
        target = next.is_absolute() ? next : target.parent_path() / next;
    }
    return target.lexically_normal().string();
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

    // -- the file on disk: unchanged since the last scan, unless --force ------------------------
    // A symbolic link (a dotfiles checkout) keeps pointing where it did: its target is written.
    std::error_code ec;
    auto resolved = link_target(file->path);
    if (!resolved) {
        out.error(resolved.status().message() + "; nothing was written");
        return exit_runtime_error;
    }
    const std::string target = *resolved;
    const bool exists = fs::exists(target, ec);
    io::FileData current;
    if (exists) {
        auto read = io::read_file(target, kMaxConfigBytes);
        if (!read) return context.fail(read.status());
        if (read->truncated) {
            out.error(target + ": larger than 256 MiB; not a configuration file this restores");
            return exit_runtime_error;
        }
        current = std::move(*read);
    }
    auto seen = (*store)->last_seen(file->host, file->path);
    if (!seen) return context.fail(seen.status());
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

    // -- backup, then the atomic write ---------------------------------------------------------
    std::string backup;
    if (exists) {
        auto written = write_backup(target, current);
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
    if (!exists) fs::create_directories(fs::path(target).parent_path(), ec);
    if (const Status written = io::write_file_atomically(target, bytes, mode, owner); !written) {
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
