// confscope history [PATH] [--host NAME] [--show N]
//
// Every stored version of a file (a new one whenever a scan of its host found other bytes), with
// time, hash, size and whether it can be restored; --show prints one version, redacted. Without
// PATH: the files of the host that have stored versions.
#include <ostream>

#include <confscope/scan/model.hpp>
#include <confscope/secrets/redactor.hpp>

#include "../app/command_line.hpp"
#include "../app/exit_codes.hpp"
#include "commands.hpp"
#include "file_versions.hpp"

namespace confscope::host {

namespace {

// Whether `restore` can write a version back.
std::string_view content_state(const store::FileVersion& v) {
    if (v.content_hash.empty()) return "not stored";
    return v.redacted ? "redacted" : "restorable";
}

int list_paths(Context& context, store::Store& store, const std::string& host) {
    auto paths = store.history_paths(host);
    if (!paths) return context.fail(paths.status());
    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_field(w, "host", host);
        json_string(w, "files");
        w.StartArray();
        for (const store::HistoryPath& p : *paths) {
            w.StartObject();
            json_field(w, "path", p.path);
            json_field(w, "versions", p.versions);
            json_field(w, "last_changed_at", p.last_changed_at);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        context.out().out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    if (paths->empty()) {
        context.out().out() << "No stored file versions for host " << host << " in "
                            << store.url().display << ": run confscope scan\n";
        return exit_ok;
    }
    Table table({"VERSIONS", "LAST CHANGED", "PATH"});
    for (const store::HistoryPath& p : *paths)
        table.add({std::to_string(p.versions), p.last_changed_at, p.path});
    table.print(context.out().out());
    return exit_ok;
}

int show_version(Context& context, store::Store& store, const VersionedFile& file, int number) {
    auto found = file.version(number, "--show");
    if (!found) return context.fail(found.status());
    const store::FileVersion& v = **found;
    if (v.content_hash.empty()) {
        context.out().error("version " + std::to_string(number) + " of " + file.display +
                            " has no stored content (scanned with --store-content none, or not "
                            "UTF-8 text); only its hash and size are known");
        return exit_runtime_error;
    }
    auto content = store.content(v.content_hash);
    if (!content) return context.fail(content.status());
    if (!*content) {
        context.out().error("the content of version " + std::to_string(number) + " of " +
                            file.display + " is missing from the store");
        return exit_runtime_error;
    }
    // Content stored raw is redacted now: --show never prints a secret.
    const std::string text =
        secrets::redact_text(**content, scan::parse_format(v.format).value_or(sdk::Format::text))
            .text;
    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_field(w, "path", file.display);
        json_field(w, "host", file.host);
        json_field(w, "version", number);
        json_field(w, "sha256", v.sha256);
        json_field(w, "content", text);
        w.EndObject();
        context.out().out() << buffer.GetString() << '\n';
    } else {
        context.out().out() << text;
    }
    return exit_ok;
}

}  // namespace

int run_history_command(Context& context, const Arguments& args) {
    std::string path;
    std::string host_flag;
    int show = 0;
    CommandSpec spec;
    spec.usage = "confscope history [PATH] [--host NAME] [--show N]";
    spec.description =
        "Lists every stored version of a configuration file: a scan stores a new version "
        "whenever the\nfile's bytes differ from the last one stored for its host. Versions are "
        "numbered from 1, the\noldest kept. --show N prints one version, redacted; `confscope "
        "restore PATH --version N`\nwrites one back. Without PATH: the files that have stored "
        "versions.";
    spec.options.add_options()("path", po::value(&path)->value_name("PATH"),
                               "the file (as on disk; relative to the working folder)")(
        "host", po::value(&host_flag)->value_name("NAME"),
        "the machine whose history to read (default: this one; as recorded by scan --host)")(
        "show", po::value(&show)->value_name("N"), "print version N (redacted)");
    spec.positional.add("path", 1);
    po::variables_map vm;
    if (auto code = parse_command(context, spec, args, vm)) return *code;
    if (path.empty() && vm.count("show") != 0U) {
        context.out().error("--show needs a PATH: confscope history PATH --show N");
        return exit_usage;
    }

    auto store = context.open_store_for_reading();
    if (!store) return context.fail(store.status());
    const std::string host = history_host(host_flag);
    if (path.empty()) return list_paths(context, **store, host);

    auto file = find_versions(**store, host, path);
    if (!file) return context.fail(file.status());
    if (vm.count("show") != 0U) return show_version(context, **store, *file, show);

    if (context.options().json) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        json_field(w, "path", file->display);
        json_field(w, "host", file->host);
        json_string(w, "versions");
        w.StartArray();
        for (const store::FileVersion& v : file->versions) {
            w.StartObject();
            json_field(w, "version", v.number);
            json_field(w, "changed_at", v.changed_at);
            json_field(w, "scan_id", v.scan_id);
            json_field(w, "sha256", v.sha256);
            json_field(w, "size", v.size);
            json_field(w, "mode", v.mode & 07777);
            json_field(w, "format", v.format);
            json_field(w, "content", content_state(v));
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        context.out().out() << buffer.GetString() << '\n';
        return exit_ok;
    }
    context.out().out() << file->display << " on " << file->host << ": " << file->versions.size()
                        << (file->versions.size() == 1 ? " version\n" : " versions\n");
    Table table({"VERSION", "CHANGED", "SCAN", "SHA-256", "SIZE", "CONTENT"});
    for (const store::FileVersion& v : file->versions) {
        table.add({std::to_string(v.number), v.changed_at, std::to_string(v.scan_id),
                   short_hash(v.sha256), v.size < 0 ? "?" : std::to_string(v.size) + " B",
                   std::string(content_state(v))});
    }
    table.print(context.out().out());
    return exit_ok;
}

}  // namespace confscope::host
