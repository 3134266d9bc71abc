#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <sys/stat.h>
#include <tuple>
#include <unordered_map>

#include <confscope/base/time.hpp>
#include <confscope/base/uuid.hpp>
#include <confscope/io/file_reader.hpp>
#include <confscope/io/git_index.hpp>
#include <confscope/io/sha256.hpp>
#include <confscope/log/log.hpp>
#include <confscope/parse/document.hpp>
#include <confscope/scan/scanner.hpp>
#include <confscope/secrets/redactor.hpp>
#include <confscope/store/stored_text.hpp>
#include <confscope/version.hpp>

#include "analyze_session.hpp"
#include "core_file_rules.hpp"

namespace confscope::scan {

namespace {

// One scanner plugin taking part in the scan.
struct Participant {
    ScannerEndpoint* instance;
    PluginRun run;
    std::set<std::string, std::less<>> rules;                  // ids it may report
    std::map<std::string, std::size_t, std::less<>> analyzed;  // path -> file index, for finish()
    detail::ResultBudget budget;                               // what it handed the host so far
};

// Content is kept only when it is text the store can hold as it is (PostgreSQL refuses overlong
// forms, surrogates and NUL, and the store never alters content: restore writes it back).
bool is_valid_utf8_text(std::string_view bytes) {
    return store::is_valid_utf8(bytes);
}

std::string milliseconds_since(std::chrono::steady_clock::time_point start) {
    const auto elapsed = std::chrono::steady_clock::now() - start;
    return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()) +
           " ms";
}

// "JSON", "YAML front matter", ... for messages.
std::string format_name(sdk::Format format) {
    switch (format) {
        case sdk::Format::json:
            return "JSON";
        case sdk::Format::jsonc:
            return "JSON with comments";
        case sdk::Format::toml:
            return "TOML";
        case sdk::Format::yaml:
            return "YAML";
        case sdk::Format::markdown:
            return "Markdown front matter";
        case sdk::Format::text:
        case sdk::Format::unknown:
            break;
    }
    return "text";
}

// The ABI view of an owning parse::Document; lives as long as the document.
struct DocumentView {
    std::vector<confscope_node_v1> nodes;
    std::vector<const confscope_node_v1*> pointers;
    std::vector<confscope_secret_v1> secrets;
    std::vector<const confscope_secret_v1*> secret_pointers;
    confscope_document_v1 document{};
    std::string error_text;

    DocumentView(const parse::Document& doc, std::string_view bytes,
                 const std::vector<secrets::SecretSpan>& spans) {
        const parse::LineIndex index(bytes);
        secrets.resize(spans.size());
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const parse::LineIndex::Position at = index.position(spans[i].offset);
            secrets[i] = {
                sizeof(confscope_secret_v1), spans[i].offset, spans[i].length, at.line, at.column,
                spans[i].kind.data()};
            secret_pointers.push_back(&secrets[i]);
        }
        nodes.resize(doc.nodes.size());
        pointers.reserve(doc.nodes.size());
        for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
            const parse::Node& n = doc.nodes[i];
            confscope_node_v1& out = nodes[i];
            out.struct_size = sizeof out;
            out.kind = static_cast<confscope_node_kind>(n.kind);
            out.pointer = n.pointer.c_str();
            out.key = n.key.c_str();
            out.value = n.value.c_str();
            out.value_size = n.value.size();
            out.parent = n.parent;
            out.child_count = n.child_count;
            out.line = n.line;
            out.column = n.column;
            out.value_offset = n.value_offset;
            out.value_length = n.value_length;
            out.flags = n.flags;
            pointers.push_back(&out);
        }
        document.struct_size = sizeof document;
        document.format = static_cast<confscope_format>(doc.format);
        document.parse_status = doc.error ? CONFSCOPE_INVALID_ARGUMENT : CONFSCOPE_OK;
        error_text = doc.error ? doc.error->message : "";
        document.parse_error = error_text.c_str();
        document.error_line = doc.error ? doc.error->line : 0;
        document.error_column = doc.error ? doc.error->column : 0;
        document.nodes = pointers.data();
        document.node_count = pointers.size();
        document.bytes = bytes.data();  // std::string storage: NUL-terminated
        document.byte_count = bytes.size();
        document.body_offset = doc.body_offset;
        document.secrets = secret_pointers.data();
        document.secret_count = secret_pointers.size();
    }
    DocumentView(const DocumentView&) = delete;
    DocumentView& operator=(const DocumentView&) = delete;
};

// A file parsed as one format, with its secrets flagged and found.
struct ParsedFile {
    parse::Document doc;
    std::vector<secrets::SecretSpan> spans;
    std::unique_ptr<DocumentView> view;
};

constexpr std::uint32_t os_bit(platform::Os os) {
    switch (os) {
        case platform::Os::linux:
            return CONFSCOPE_OS_LINUX;
        case platform::Os::macos:
            return CONFSCOPE_OS_MACOS;
        case platform::Os::windows:
            return CONFSCOPE_OS_WINDOWS;
    }
    return 0;
}

std::string parent_dir(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos || slash == 0 ? std::string("/") : path.substr(0, slash);
}

bool is_under(const std::string& path, const std::string& base) {
    return !base.empty() && path.size() > base.size() && path.starts_with(base) &&
           (base.back() == '/' || path[base.size()] == '/');
}

class ScanRun {
  public:
    ScanRun(const ScanOptions& options, const std::vector<ScannerEndpoint*>& scanners)
        : options_(options) {
        for (ScannerEndpoint* scanner : scanners) {
            if (scanner == nullptr) continue;
            Participant p{scanner, scanner->identity(), {}, {}, {}};
            p.rules.insert(std::string(kParseErrorRule));  // drift rules are the core's alone
            for (const sdk::Rule& r : scanner->rules()) {
                p.rules.insert(r.id);
                result_.rules.push_back(
                    {r.id, p.run.name, r.severity, r.title, r.help, r.help_uri});
            }
            participants_.push_back(std::move(p));
        }
        for (RuleInfo rule : core_rules())
            result_.rules.push_back(std::move(rule));
    }

    ScanResult run() {
        const auto started = std::chrono::steady_clock::now();
        result_.uuid = random_uuid();
        result_.started_at = now_rfc3339();
        result_.host = platform::current_host_info();
        result_.os_profile = std::string(platform::to_string(options_.os));
        result_.home = options_.roots.home;
        result_.system_root = options_.roots.system_root;
        result_.roots = options_.project_roots;
        result_.tool_version = CONFSCOPE_VERSION;
        result_.store_content = options_.store_content;

        const platform::Placeholders values =
            platform::Placeholders::resolve(options_.os, options_.roots, options_.env);
        for (const auto& [name, value] : values.all())
            result_.placeholders[name] = value;

        collect_targets(values);
        discovery::DiscoveryOptions discovery_options;
        discovery_options.roots = options_.project_roots;
        discovery_options.prune_names = options_.prune_names;
        discovery_options.max_depth = options_.max_depth;
        discovery::DiscoveryResult found = discovery::discover(targets_, values, discovery_options);
        result_.stats = found.stats;
        log::info("discovery: " + std::to_string(found.stats.files_found) + " files found, " +
                  std::to_string(found.stats.locations_checked) +
                  " user-level locations checked, " +
                  std::to_string(found.stats.directories_walked) + " folders walked in " +
                  milliseconds_since(started));
        const auto analysis_started = std::chrono::steady_clock::now();

        const std::size_t total = found.candidates.size();
        result_.files.reserve(result_.files.size() + total);  // one record per candidate, mostly
        for (std::size_t i = 0; i < total; ++i) {
            if (options_.cancel && options_.cancel->load()) {
                fail_all("the scan was cancelled");
                break;
            }
            process(found.candidates[i]);
            if (options_.progress) options_.progress(i + 1, total);
        }
        finish_plugins();
        if (!options_.cancel || !options_.cancel->load()) apply_core_rules();
        conclude();
        log::info("read, parsed, analyzed and redacted " + std::to_string(total) +
                  " locations in " + milliseconds_since(analysis_started));
        result_.finished_at = now_rfc3339();
        result_.duration_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return std::move(result_);
    }

  private:
    void collect_targets(const platform::Placeholders& values) {
        for (std::size_t p = 0; p < participants_.size(); ++p) {
            Participant& participant = participants_[p];
            auto targets = participant.instance->targets();
            if (!targets) {
                fail(participant, targets.status().message());
                continue;
            }
            std::vector<discovery::TargetSpec> accepted;
            for (const sdk::Target& t : *targets) {
                if (t.os_mask != 0 && (t.os_mask & os_bit(options_.os)) == 0)
                    continue;  // not on this OS
                if (Status valid = discovery::validate_template(t.path, values); !valid) {
                    fail(participant, "target " + t.id + ": " + valid.message());
                    break;
                }
                accepted.push_back({p, t.id, t.category, t.name, t.path, t.format, t.scope});
            }
            if (participant.run.failed) continue;
            targets_.insert(targets_.end(), accepted.begin(), accepted.end());
        }
    }

    void fail(Participant& participant, const std::string& why) {
        if (participant.run.failed) return;
        participant.run.failed = true;
        participant.run.error = why;
        log::error(why.starts_with("plugin ") ? why
                                              : "plugin " + participant.run.name + ": " + why);
    }

    void fail_all(const std::string& why) {
        for (Participant& p : participants_)
            fail(p, why);
    }

    FileRecord base_record(const discovery::Candidate& c, const discovery::Match& m) const {
        const discovery::TargetSpec& t = targets_[m.target_index];
        FileRecord r;
        r.plugin = participants_[t.plugin_index].run.name;
        r.target_id = t.id;
        r.category = t.category;
        r.target_name = t.name;
        r.path_template = t.path_template;
        r.scope = t.scope;
        r.format = t.format;
        r.path = detail::redact_path(c.path);
        r.display_path = detail::redact_path(c.display_path);
        r.project_dir = detail::redact_path(m.project_dir);
        return r;
    }

    void process(const discovery::Candidate& c) {
        if (c.state == discovery::EntryState::unreadable) {
            FileRecord r;
            r.category = "unreadable";
            r.target_name = "Folder the walk could not enter";
            r.path = detail::redact_path(c.path);
            r.display_path = detail::redact_path(c.display_path);
            r.error = detail::redact_path(c.error);
            log::warning("cannot read folder " + r.path + ": " + r.error + " (skipped)");
            result_.files.push_back(std::move(r));
            return;
        }
        if (c.state == discovery::EntryState::not_walked) {
            FileRecord r;
            r.category = "not_walked";
            r.target_name = "Folder where the walk stopped (--max-depth)";
            r.path = detail::redact_path(c.path);
            r.display_path = detail::redact_path(c.display_path);
            r.error = detail::redact_path(c.error);
            log::warning("the walk stopped at " + r.path + ": " + r.error +
                         " (raise scan --max-depth to walk them)");
            result_.files.push_back(std::move(r));
            return;
        }
        if (c.state == discovery::EntryState::missing) {
            for (const discovery::Match& m : c.matches)
                result_.files.push_back(base_record(c, m));
            return;
        }
        if (c.state == discovery::EntryState::special ||
            c.state == discovery::EntryState::outside_link) {
            record_unread(c);
            return;
        }

        auto data = io::read_file(c.path, options_.max_file_size);
        if (!data) {
            const std::string why = detail::redact_path(data.status().message());
            log::warning(why + " (skipped)");
            for (const discovery::Match& m : c.matches) {
                FileRecord r = base_record(c, m);
                r.exists = true;
                r.error = why;
                result_.files.push_back(std::move(r));
            }
            return;
        }
        if (data->truncated) {
            log::warning(detail::redact_path(c.path) + ": larger than " +
                         std::to_string(options_.max_file_size) +
                         " bytes; not read (raise --max-file-size)");
        }

        std::map<sdk::Format, ParsedFile> parsed;  // each format parsed once
        const std::size_t first_record = result_.files.size();
        std::size_t first_item = result_.items.size(), first_finding = result_.findings.size();
        bool reported_parse_error = false;

        for (const discovery::Match& m : c.matches) {
            FileRecord record = base_record(c, m);
            record.exists = true;
            record.size = data->size;
            record.mode = data->mode;
            record.uid = data->uid;
            record.gid = data->gid;
            record.mtime_unix = data->mtime_unix;
            record.is_symlink = data->is_symlink;
            record.flags = file_flags(c.path, m.project_dir, data->is_symlink, record.repo_path);
            record.sha256 = data->sha256_hex;
            if (data->truncated) record.error = "larger than the size limit; not read";
            const std::size_t file_index = result_.files.size();
            result_.files.push_back(std::move(record));
            if (data->truncated) continue;

            FileRecord& rec = result_.files[file_index];
            ParsedFile& file = parsed_as(parsed, rec.format, data->bytes);
            if (file.doc.error) {
                const parse::ParseError& e = *file.doc.error;
                rec.parse_error = e.message + " (line " + std::to_string(e.line) + ", column " +
                                  std::to_string(e.column) + ")";
                if (!reported_parse_error) {
                    reported_parse_error = true;
                    Finding f;
                    f.file = file_index;
                    f.plugin = rec.plugin;
                    f.rule_id = std::string(kParseErrorRule);
                    // An installed extension's broken file is its author's to fix, and may be a
                    // marketplace clone nothing runs: info there.
                    f.severity =
                        rec.scope == sdk::Scope::plugin ? sdk::Severity::info : sdk::Severity::low;
                    f.message = c.display_path + " is not valid " + format_name(rec.format) + ": " +
                                e.message + " (line " + std::to_string(e.line) + ", column " +
                                std::to_string(e.column) +
                                "); the client skips this file until it is fixed";
                    f.line = e.line;
                    f.column = e.column;
                    result_.findings.push_back(std::move(f));
                }
            }
            analyze(participants_[targets_[m.target_index].plugin_index], file_index, rec, m,
                    *file.view);
        }
        remember_for_core_rules(c, first_record, parsed, data->bytes);
        redact(first_record, first_item, first_finding, parsed, data->bytes);
    }

    // A special file or a link out of the scanned roots: one record per match with the reason
    // (and the link's target), never opened, and one finding on the first record.
    void record_unread(const discovery::Candidate& c) {
        const bool special = c.state == discovery::EntryState::special;
        const std::string target = detail::redact_path(c.link_target);
        const std::string display = detail::redact_path(c.display_path);
        std::string why;
        if (special) {
            why = "not a regular file (" + c.error +
                  (target.empty() ? std::string() : ", through a link to " + target) +
                  "); not read";
        } else {
            why = "a symbolic link to " + target + ", outside the scanned roots; not read";
        }
        log::warning(detail::redact_path(c.path) + ": " + why);
        const std::size_t first = result_.files.size();
        for (const discovery::Match& m : c.matches) {
            FileRecord r = base_record(c, m);
            r.exists = true;
            r.is_symlink = c.is_symlink;
            if (c.is_symlink) r.flags |= CONFSCOPE_FILE_FLAG_SYMLINK;
            r.error = why;
            result_.files.push_back(std::move(r));
        }
        if (result_.files.size() == first) return;
        const FileRecord& rec = result_.files[first];
        Finding f;
        f.file = first;
        f.plugin = rec.plugin;
        if (special) {
            f.rule_id = std::string(kSpecialFileRule);
            f.severity = sdk::Severity::low;
            f.message = display + " is " + c.error +
                        (target.empty() ? std::string() : " (through a link to " + target + ")") +
                        ", not a regular file: it was not opened, and no client reads settings "
                        "from it; remove it or put a regular file there";
        } else {
            f.rule_id = std::string(kOutsideLinkRule);
            f.severity = sdk::Severity::medium;
            f.message = display + " links to " + target +
                        ", outside the scanned roots: it was not read; replace the link with the "
                        "file itself, or scan the target's folder too (--root)";
        }
        result_.findings.push_back(std::move(f));
    }

    // The core's own file rules run after every plugin's finish(), which may still report the
    // file's secrets: keep what they need (the file's records and where its secrets are).
    void remember_for_core_rules(const discovery::Candidate& c, std::size_t first_record,
                                 const std::map<sdk::Format, ParsedFile>& parsed,
                                 const std::string& bytes) {
        PendingFile pending;
        for (std::size_t r = first_record; r < result_.files.size(); ++r)
            pending.records.push_back(r);
        if (pending.records.empty()) return;
        pending.token_in_path = result_.files[first_record].path != c.path;
        const auto it = parsed.find(result_.files[first_record].format);
        if (it != parsed.end())
            pending.sites = detail::secret_sites(bytes, it->second.doc, it->second.spans);
        const FileRecord& first = result_.files[first_record];
        const bool readable = first.mode != 0 && (first.mode & 044u) != 0;
        // Nothing to decide for a private file without secrets (FS-001 needs a secret a plugin
        // reports, SEC-006 a site): most files end here.
        if (pending.sites.empty() && !pending.token_in_path && !readable) return;
        pending_core_.push_back(std::move(pending));
    }

    void apply_core_rules() {
        std::unordered_map<std::size_t, std::vector<const Finding*>> by_file;
        for (const Finding& f : result_.findings)
            by_file[f.file].push_back(&f);
        std::vector<Finding> added;
        for (const PendingFile& pending : pending_core_) {
            std::vector<const Finding*> reported;
            for (const std::size_t r : pending.records) {
                const auto it = by_file.find(r);
                if (it != by_file.end())
                    reported.insert(reported.end(), it->second.begin(), it->second.end());
            }
            for (Finding& f : detail::core_file_findings(result_.files, pending.records,
                                                         pending.sites, reported))
                added.push_back(std::move(f));
            if (pending.token_in_path) {
                const std::size_t first = pending.records.front();
                added.push_back(detail::token_in_path_finding(result_.files[first], first));
            }
        }
        for (Finding& f : added) {
            f.message = scrub_for(f.file, f.message);
            f.pointer = scrub_for(f.file, f.pointer);
            result_.findings.push_back(std::move(f));
        }
    }

    // Text derived from a file, with that file's secrets (and any token shape) replaced.
    std::string scrub_for(std::size_t file, const std::string& text) const {
        static const secrets::Scrubber shapes;
        const auto it = scrubbers_.find(file);
        return it != scrubbers_.end() ? it->second.scrub(text) : shapes.scrub(text);
    }

    ParsedFile& parsed_as(std::map<sdk::Format, ParsedFile>& parsed, sdk::Format format,
                          const std::string& bytes) {
        auto it = parsed.find(format);
        if (it != parsed.end()) return it->second;
        ParsedFile file;
        file.doc = parse::parse(format, bytes);
        const std::vector<secrets::TokenMatch> tokens =
            secrets::Detector::instance().find_tokens(bytes);
        secrets::flag_document(file.doc, bytes, &tokens);
        file.spans = secrets::find_secret_spans(bytes, file.doc, tokens);
        auto [inserted, _] = parsed.emplace(format, std::move(file));
        ParsedFile& stored = inserted->second;
        stored.view = std::make_unique<DocumentView>(stored.doc, bytes, stored.spans);
        return stored;
    }

    void analyze(Participant& participant, std::size_t file_index, const FileRecord& rec,
                 const discovery::Match& m, const DocumentView& view) {
        if (participant.run.failed) return;
        const discovery::TargetSpec& t = targets_[m.target_index];
        confscope_file_v1 file{};
        file.struct_size = sizeof file;
        file.path = rec.path.c_str();
        file.display_path = rec.display_path.c_str();
        file.target_id = t.id.c_str();
        file.category = t.category.c_str();
        file.target_name = t.name.c_str();
        file.scope = static_cast<confscope_scope>(t.scope);
        file.format = static_cast<confscope_format>(t.format);
        file.project_dir = rec.project_dir.c_str();
        file.size = rec.size;
        file.mode = rec.mode;
        file.uid = rec.uid;
        file.gid = rec.gid;
        file.mtime_unix = rec.mtime_unix;
        file.sha256_hex = rec.sha256.c_str();
        file.flags = rec.flags;
        file.home_dir = options_.roots.home.c_str();

        log::debug("analyzing " + rec.display_path + " with " + participant.run.name + " (" + t.id +
                   ")");
        detail::AnalyzeSession session(participant.run.name, file_index, rec.path,
                                       participant.rules, options_.cancel, participant.budget);
        const Status status = participant.instance->analyze(file, view.document, session.host());
        if (!session.over_budget().empty()) {
            fail(participant,
                 session.over_budget() + " (while analyzing " + rec.display_path + ")");
            return;
        }
        if (!status) {
            fail(participant, status.message() + " (while analyzing " + rec.display_path + ")");
            return;
        }
        ++participant.run.files_analyzed;
        participant.analyzed.emplace(rec.path, file_index);
        for (Item& item : session.items())
            result_.items.push_back(std::move(item));
        for (Finding& finding : session.findings())
            result_.findings.push_back(std::move(finding));
    }

    // Redacts the file's stored content, and scrubs the messages and items that came from it.
    void redact(std::size_t first_record, std::size_t first_item, std::size_t first_finding,
                const std::map<sdk::Format, ParsedFile>& parsed, const std::string& bytes) {
        for (std::size_t r = first_record; r < result_.files.size(); ++r) {
            FileRecord& rec = result_.files[r];
            const auto it = parsed.find(rec.format);
            if (it == parsed.end()) continue;
            // Secret findings name the marker's rule; anything else found is "SECRET".
            std::map<std::string, std::string, std::less<>> rules;
            for (std::size_t f = first_finding; f < result_.findings.size(); ++f) {
                const Finding& finding = result_.findings[f];
                if (finding.file == r && finding.rule_id.starts_with("SEC-") &&
                    !finding.pointer.empty()) {
                    rules.emplace(finding.pointer, finding.rule_id);
                }
            }
            secrets::Redaction redaction =
                secrets::redact_file(bytes, it->second.doc, it->second.spans, rules);
            for (std::size_t f = first_finding; f < result_.findings.size(); ++f) {
                Finding& finding = result_.findings[f];
                if (finding.file != r) continue;
                finding.message = redaction.scrubber.scrub(finding.message);
                finding.pointer = redaction.scrubber.scrub(finding.pointer);  // a token as a key
            }
            for (std::size_t i = first_item; i < result_.items.size(); ++i) {
                Item& item = result_.items[i];
                if (item.file != r) continue;
                item.name = redaction.scrubber.scrub(item.name);
                item.pointer = redaction.scrubber.scrub(item.pointer);
                item.data_json = redaction.scrubber.scrub_json(item.data_json);
            }
            if (!redaction.scrubber.empty())
                scrubbers_.emplace(r, redaction.scrubber);  // for finish()
            store_content(rec, bytes, std::move(redaction));
        }
    }

    void store_content(FileRecord& rec, const std::string& bytes,
                       secrets::Redaction redaction) const {
        const StoreContent mode = content_mode_for(options_, rec);
        if (mode == StoreContent::none || !is_valid_utf8_text(bytes)) return;
        if (mode == StoreContent::raw) {
            rec.content = bytes;
        } else {
            rec.content = std::move(redaction.text);
            rec.content_redacted = redaction.count > 0;
        }
        rec.content_sha256 = io::sha256_hex(*rec.content);
    }

    // Cross-file rules: each plugin's finish(), after its last analyze().
    void finish_plugins() {
        for (Participant& participant : participants_) {
            if (participant.run.failed || (options_.cancel && options_.cancel->load())) continue;
            detail::AnalyzeSession session(participant.run.name, participant.analyzed,
                                           participant.rules, options_.cancel, participant.budget);
            const Status status = participant.instance->finish(session.host());
            if (!session.over_budget().empty()) {
                fail(participant, session.over_budget() + " (in finish)");
                continue;
            }
            if (!status) {
                fail(participant, status.message());
                continue;
            }
            // These come after each file's redaction: scrub them with what that file taught.
            static const secrets::Scrubber shapes;
            for (Item& item : session.items()) {
                item.name = scrub_for(item.file, item.name);
                item.pointer = scrub_for(item.file, item.pointer);
                const auto it = scrubbers_.find(item.file);
                item.data_json =
                    (it != scrubbers_.end() ? it->second : shapes).scrub_json(item.data_json);
                result_.items.push_back(std::move(item));
            }
            for (Finding& finding : session.findings()) {
                finding.message = scrub_for(finding.file, finding.message);
                finding.pointer = scrub_for(finding.file, finding.pointer);
                result_.findings.push_back(std::move(finding));
            }
        }
    }

    // ABI file flags: symbolic links on the way, and what git knows of the file. A file found
    // under a scanned root inside a git work tree also gets its path in that tree (`repo_path`),
    // which repository-based reports (SARIF code scanning) need; a home folder that happens to be
    // a repository does not count.
    std::uint32_t file_flags(const std::string& path, const std::string& project_dir,
                             bool is_symlink, std::string& repo_path) {
        std::uint32_t flags = is_symlink ? CONFSCOPE_FILE_FLAG_SYMLINK : 0;
        const io::GitStatus git = git_.status(path);
        if (git.in_repo) flags |= CONFSCOPE_FILE_FLAG_IN_GIT_REPO;
        if (git.tracked) flags |= CONFSCOPE_FILE_FLAG_GIT_TRACKED;
        if (git.in_repo && !project_dir.empty() && is_under(path, git.work_tree))
            repo_path = path.substr(git.work_tree.size() + (git.work_tree.ends_with('/') ? 0 : 1));
        // Folders between the base (project, home or system root) and the file.
        std::string base = project_dir;
        if (base.empty())
            base = is_under(path, options_.roots.home) ? options_.roots.home
                                                       : options_.roots.system_root;
        for (std::string dir = parent_dir(path); is_under(dir, base); dir = parent_dir(dir)) {
            auto [it, inserted] = symlinked_dirs_.try_emplace(dir, false);
            if (inserted) {
                struct stat st {};
                it->second = ::lstat(dir.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
            }
            if (it->second) {
                flags |= CONFSCOPE_FILE_FLAG_PARENT_SYMLINK;
                break;
            }
        }
        return flags;
    }

    void conclude() {
        // A failed plugin's results are all discarded: a half-analyzed family would mislead.
        std::set<std::string> failed;
        for (Participant& p : participants_) {
            if (p.run.failed) failed.insert(p.run.name);
            result_.plugins.push_back(p.run);
        }
        if (!failed.empty()) {
            std::erase_if(result_.items, [&](const Item& i) { return failed.contains(i.plugin); });
            std::erase_if(result_.findings,
                          [&](const Finding& f) { return failed.contains(f.plugin); });
        }
        // Findings that share rule, file and pointer (two injected comments in one Markdown file)
        // are told apart by a number ("<print>:2"), given in the order of their content — line,
        // column, message, then severity and plugin — and never in the order plugins emitted them,
        // so the same findings get the same fingerprints whatever order roots, files or plugins
        // came in. The first keeps the bare fingerprint.
        std::map<std::string, std::vector<Finding*>> same_print;
        for (Finding& f : result_.findings) {
            same_print[fingerprint(f.rule_id, result_.files[f.file].display_path, f.pointer)]
                .push_back(&f);
        }
        for (auto& [print, group] : same_print) {
            std::stable_sort(group.begin(), group.end(), [](const Finding* a, const Finding* b) {
                return std::tie(a->line, a->column, a->message, a->severity, a->plugin) <
                       std::tie(b->line, b->column, b->message, b->severity, b->plugin);
            });
            for (std::size_t n = 0; n < group.size(); ++n)
                group[n]->fingerprint = n == 0 ? print : print + ":" + std::to_string(n + 1);
        }
    }

    const ScanOptions& options_;
    std::vector<Participant> participants_;
    std::vector<discovery::TargetSpec> targets_;
    ScanResult result_;
    io::GitLocator git_;
    std::unordered_map<std::string, bool> symlinked_dirs_;
    std::map<std::size_t, secrets::Scrubber> scrubbers_;  // file index -> its secrets

    // A file the core's own rules still have to judge (apply_core_rules, after finish()).
    struct PendingFile {
        std::vector<std::size_t> records;  // the file's records (several targets may match it)
        std::vector<detail::SecretSite> sites;
        bool token_in_path = false;
    };
    std::vector<PendingFile> pending_core_;
};

}  // namespace

ScanResult run_scan(const ScanOptions& options, const std::vector<ScannerEndpoint*>& scanners) {
    return ScanRun(options, scanners).run();
}

ScanResult run_scan(const ScanOptions& options,
                    const std::vector<plugins::PluginInstance*>& instances) {
    std::vector<std::unique_ptr<InProcessScanner>> owned;
    std::vector<ScannerEndpoint*> scanners;
    for (plugins::PluginInstance* instance : instances) {
        if (instance == nullptr || !instance->plugin().is_scanner()) continue;
        owned.push_back(std::make_unique<InProcessScanner>(*instance));
        scanners.push_back(owned.back().get());
    }
    return run_scan(options, scanners);
}

StoreContent content_mode_for(const ScanOptions& options, const FileRecord& file) {
    StoreContent mode = options.store_content;
    for (const ContentRule& rule : options.content_rules) {
        const bool matches =
            rule.is_path()
                ? file.path == rule.selector ||
                      (file.path.size() > rule.selector.size() &&
                       file.path.starts_with(rule.selector) &&
                       (rule.selector.ends_with('/') || file.path[rule.selector.size()] == '/'))
                : file.plugin == rule.selector;
        if (matches) mode = rule.mode;
    }
    return mode;
}

std::string fingerprint(std::string_view rule_id, std::string_view display_path,
                        std::string_view pointer) {
    std::string input = "confscope-finding-v1\n";
    input.append(rule_id).append("\n").append(display_path).append("\n").append(pointer);
    return io::sha256_hex(input).substr(0, 32);
}

}  // namespace confscope::scan
