// confscope/sdk/plugin.hpp — write a confscope plugin as an ordinary C++ class.
//
// The SDK turns a class into the C ABI of <confscope/plugin_api.h>: one macro generates the entry
// symbol, the static descriptor and noexcept thunks that catch every exception and report it as a
// status with last_error(). Build the plugin with the CMake function confscope_add_plugin(), which
// supplies the name and version (CONFSCOPE_PLUGIN_NAME, CONFSCOPE_PLUGIN_VERSION) and embeds the
// manifest the host reads before loading.
//
// A scanner:
//
//     #include <confscope/sdk/plugin.hpp>
//     namespace sdk = confscope::sdk;
//
//     class HelloScanner {
//     public:
//         static sdk::PluginInfo info() { return {.summary = "Says hello", .family = "hello"}; }
//         static std::vector<sdk::Rule> rules() {
//             return {{"HELLO-001", sdk::Severity::low, "Greeting found", "Remove the greeting."}};
//         }
//         std::vector<sdk::Target> targets() {
//             return {{"hello", "settings", "Hello file", "{PROJECT}/hello.json"}};
//         }
//         void analyze(const sdk::File& file, const sdk::Document& doc, sdk::Sink& sink) {
//             if (sdk::Node n = doc.find("/greeting"))
//                 sink.finding("HELLO-001", sdk::Severity::low, "greeting in " +
//                 file.display_path(), n);
//         }
//     };
//     CONFSCOPE_PLUGIN(HelloScanner)
//
// The class may have a constructor taking `const sdk::Config&` (else it is default-constructed),
// and a `void finish(sdk::Sink&)` called after the last analyze() for rules that compare files
// (remember places with sdk::Location::of(file, node) during analyze()), and a
// `std::vector<sdk::Rule> instance_rules()` for rules known only once configured.
// An exporter implements `void export_scan(const sdk::ExportScan&, sdk::Writer&)` instead of
// targets()/analyze() (see <confscope/sdk/export.hpp>). Throwing from any member is fine: the thunk
// reports it — std::invalid_argument as CONFSCOPE_INVALID_ARGUMENT (the user's input is wrong, e.g.
// an unknown exporter option: the host exits 2), anything else as CONFSCOPE_INTERNAL.
#pragma once

#include <concepts>
#include <exception>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <confscope/plugin_api.h>
#include <confscope/sdk/document.hpp>
#include <confscope/sdk/export.hpp>
#include <confscope/sdk/json.hpp>
#include <confscope/sdk/types.hpp>

namespace confscope::sdk {

/// The plugin's configuration: a JSON object the host validated against PluginInfo::config_schema.
class Config {
  public:
    explicit Config(std::string json) : json_(std::move(json)) {}
    [[nodiscard]] const std::string& json() const { return json_; }

  private:
    std::string json_;
};

/// Thrown by Sink when the host reports the scan cancelled; the thunk returns CONFSCOPE_CANCELLED.
struct Cancelled : std::exception {
    [[nodiscard]] const char* what() const noexcept override { return "cancelled"; }
};

/// Read-only view of the file being analyzed (borrowed; valid during analyze()).
class File {
  public:
    explicit File(const confscope_file_v1& raw) : raw_(&raw) {}

    [[nodiscard]] std::string_view path() const { return text(raw_->path); }
    [[nodiscard]] std::string_view display_path() const { return text(raw_->display_path); }
    [[nodiscard]] std::string_view target_id() const { return text(raw_->target_id); }
    [[nodiscard]] std::string_view category() const { return text(raw_->category); }
    [[nodiscard]] std::string_view target_name() const { return text(raw_->target_name); }
    [[nodiscard]] std::string_view project_dir() const { return text(raw_->project_dir); }
    [[nodiscard]] Scope scope() const { return static_cast<Scope>(raw_->scope); }
    [[nodiscard]] Format format() const { return static_cast<Format>(raw_->format); }
    [[nodiscard]] std::uint64_t size() const { return raw_->size; }
    [[nodiscard]] std::uint32_t mode() const { return raw_->mode; }
    [[nodiscard]] std::uint32_t uid() const { return raw_->uid; }
    [[nodiscard]] std::int64_t mtime_unix() const { return raw_->mtime_unix; }
    [[nodiscard]] std::string_view sha256_hex() const { return text(raw_->sha256_hex); }
    [[nodiscard]] bool is_symlink() const {
        return (raw_->flags & CONFSCOPE_FILE_FLAG_SYMLINK) != 0;
    }
    /// Inside a git work tree (a folder above it, up to the scan root or home, holds .git).
    [[nodiscard]] bool in_git_repo() const {
        return (raw_->flags & CONFSCOPE_FILE_FLAG_IN_GIT_REPO) != 0;
    }
    /// In that work tree's index: committed, or about to be.
    [[nodiscard]] bool git_tracked() const {
        return (raw_->flags & CONFSCOPE_FILE_FLAG_GIT_TRACKED) != 0;
    }
    /// A folder between the project (or home) and the file is a symbolic link.
    [[nodiscard]] bool parent_symlink() const {
        return (raw_->flags & CONFSCOPE_FILE_FLAG_PARENT_SYMLINK) != 0;
    }
    /// The scan's home folder.
    [[nodiscard]] std::string_view home_dir() const {
        return CONFSCOPE_HAS_MEMBER(raw_, confscope_file_v1, home_dir) ? text(raw_->home_dir)
                                                                       : std::string_view();
    }
    /// The file name (last path component).
    [[nodiscard]] std::string_view file_name() const {
        const std::string_view p = path();
        const auto slash = p.find_last_of("/\\");
        return slash == std::string_view::npos ? p : p.substr(slash + 1);
    }
    [[nodiscard]] const confscope_file_v1& raw() const { return *raw_; }

  private:
    static std::string_view text(const char* s) {
        return s ? std::string_view(s) : std::string_view();
    }
    const confscope_file_v1* raw_;
};

/// A place in a file that a plugin keeps beyond analyze() (owning copies), to report on it from
/// finish() — for rules that compare several files.
struct Location {
    std::string path;     ///< the file's absolute path
    std::string display;  ///< its display path, for messages
    std::string pointer;
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    static Location of(const File& file, const Node& at = {}) {
        return {std::string(file.path()), std::string(file.display_path()),
                std::string(at.pointer()), at.line(), at.column()};
    }
};

/// Where a scanner reports results. Borrowed during analyze() and finish(); every call copies its
/// arguments.
///
/// A plugin may also build a Sink over a confscope_host_v1 of its own whose emit_item and
/// emit_finding callbacks copy what they receive (the pointers they get are valid only during the
/// call), to run its analysis into a buffer and report the results later — from finish(), with
/// the Location overloads below. Such a host must outlive the Sink; `cancelled` and `log` must be
/// callable too (forward them to the real Sink).
class Sink {
  public:
    /// `host` is borrowed (it must outlive the Sink); `client` is the default client of items.
    Sink(const confscope_host_v1& host, std::string client)
        : host_(&host), client_(std::move(client)) {}

    /// Report a finding at `at` (an absent Node reports the file as a whole).
    void finding(std::string_view rule_id, Severity severity, std::string_view message,
                 const Node& at = {}) {
        finding(rule_id, severity, message, here(at));
    }

    /// From finish(): report a finding at a place remembered during analyze(). `at.path` names
    /// the file it belongs to, which must be a file this plugin analyzed in this scan (during
    /// analyze(): the file being analyzed, or empty for it).
    void finding(std::string_view rule_id, Severity severity, std::string_view message,
                 const Location& at) {
        const std::string rule(rule_id), text(message);
        confscope_finding_v1 f{};
        f.struct_size = sizeof f;
        f.rule_id = rule.c_str();
        f.severity = static_cast<confscope_severity>(severity);
        f.message = text.c_str();
        f.pointer = at.pointer.c_str();
        f.line = at.line;
        f.column = at.column;
        f.path = at.path.empty() ? nullptr : at.path.c_str();
        check(host_->emit_finding(host_->context, &f), "finding " + rule);
    }

    /// Report an inventory item of `kind` named `name`, defined at `at`. `client` is the client
    /// that uses it (default: the plugin's family), for plugins that cover several clients.
    void item(std::string_view kind, std::string_view name, Scope scope, const JsonObject& data,
              const Node& at = {}, std::string_view client = {}) {
        item_json(kind, name, scope, data.dump(), here(at), client);
    }

    /// From finish() (or analyze(), for the file being analyzed): report an inventory item at a
    /// place remembered with Location::of(). `at.path` names the file it belongs to, which must
    /// be a file this plugin analyzed in this scan. Arguments are copied before the call returns.
    void item(std::string_view kind, std::string_view name, Scope scope, const JsonObject& data,
              const Location& at, std::string_view client = {}) {
        item_json(kind, name, scope, data.dump(), at, client);
    }

    /// The same with `data_json` already serialized: the text of one JSON object, as
    /// JsonObject::dump() gives it (or confscope_item_v1::data_json as a host received it), for
    /// plugins that record results and report them later. "" means {}. Borrowed for the call.
    void item_json(std::string_view kind, std::string_view name, Scope scope,
                   std::string_view data_json, const Location& at, std::string_view client = {}) {
        const std::string k(kind), n(name), json(data_json.empty() ? "{}" : data_json);
        const std::string user(client.empty() ? std::string_view(client_) : client);
        confscope_item_v1 i{};
        i.struct_size = sizeof i;
        i.kind = k.c_str();
        i.client = user.c_str();
        i.scope = static_cast<confscope_scope>(scope);
        i.name = n.c_str();
        i.data_json = json.c_str();
        i.pointer = at.pointer.c_str();
        i.line = at.line;
        i.column = at.column;
        i.path = at.path.empty() ? nullptr : at.path.c_str();
        check(host_->emit_item(host_->context, &i), "item " + k + " '" + n + "'");
    }

    void log(LogLevel level, std::string_view message) {
        const std::string text(message);
        host_->log(host_->context, static_cast<confscope_log_level>(level), text.c_str());
    }

    [[nodiscard]] bool cancelled() const { return host_->cancelled(host_->context) != 0; }

  private:
    // A place in the file being analyzed (no path: the host takes the current file).
    static Location here(const Node& at) {
        return {std::string(), std::string(), std::string(at.pointer()), at.line(), at.column()};
    }

    static void check(confscope_status status, const std::string& what) {
        if (status == CONFSCOPE_OK) return;
        if (status == CONFSCOPE_CANCELLED) throw Cancelled();
        throw std::runtime_error("the host refused " + what + " (status " + std::to_string(status) +
                                 ")");
    }

    const confscope_host_v1* host_;
    std::string client_;
};

/// Where an exporter writes its bytes. Borrowed during export_scan().
class Writer {
  public:
    explicit Writer(const confscope_host_v1& host) : host_(&host) {}
    Writer& write(std::string_view bytes) {
        const confscope_status status = host_->write(host_->context, bytes.data(), bytes.size());
        if (status == CONFSCOPE_CANCELLED) throw Cancelled();
        if (status != CONFSCOPE_OK) {
            throw std::runtime_error("writing the output failed (status " + std::to_string(status) +
                                     ")");
        }
        return *this;
    }
    Writer& operator<<(std::string_view bytes) { return write(bytes); }

  private:
    const confscope_host_v1* host_;
};

namespace detail {

template <typename P>
concept ScannerClass = requires(P& p, const File& f, const Document& d, Sink& s) {
    { p.targets() } -> std::convertible_to<std::vector<Target>>;
    p.analyze(f, d, s);
};

template <typename P>
concept ExporterClass = requires(P& p, const ExportScan& in, Writer& w) {
    p.export_scan(in, w);
};

template <typename P>
concept HasFinish = requires(P& p, Sink& s) {
    p.finish(s);
};

template <typename P>
concept HasInstanceRules = requires(P& p) {
    { p.instance_rules() } -> std::convertible_to<std::vector<Rule>>;
};

template <typename P>
concept HasRules = requires {
    { P::rules() } -> std::convertible_to<std::vector<Rule>>;
};

/// The state behind one confscope_instance*.
/// Owned C structs for a list of rules.
struct RuleTable {
    std::vector<Rule> rules;  // owns the strings the C structs point into
    std::vector<confscope_rule_v1> structs;
    std::vector<const confscope_rule_v1*> pointers;

    void assign(std::vector<Rule> list) {
        rules = std::move(list);
        structs.assign(rules.size(), confscope_rule_v1{});
        pointers.clear();
        for (std::size_t i = 0; i < rules.size(); ++i) {
            confscope_rule_v1& r = structs[i];
            r.struct_size = sizeof r;
            r.id = rules[i].id.c_str();
            r.severity = static_cast<confscope_severity>(rules[i].severity);
            r.title = rules[i].title.c_str();
            r.help = rules[i].help.c_str();
            r.help_uri = rules[i].help_uri.c_str();
            pointers.push_back(&r);
        }
    }
};

template <typename P>
struct Instance {
    std::unique_ptr<P> plugin;
    std::string last_error;
    RuleTable rules;
    std::vector<Target> targets;  // owns the strings the C structs point into
    std::vector<confscope_target_v1> target_structs;
    std::vector<const confscope_target_v1*> target_pointers;
};

inline std::string& create_error() {
    thread_local std::string message;
    return message;
}

/// Run `body`, turning every exception into a status and a message.
template <typename Body>
confscope_status guarded(std::string& error, Body&& body) noexcept {
    try {
        error.clear();
        body();
        return CONFSCOPE_OK;
    } catch (const Cancelled&) {
        error = "cancelled";
        return CONFSCOPE_CANCELLED;
    } catch (const std::bad_alloc&) {
        error = "out of memory";
        return CONFSCOPE_RESOURCE_EXHAUSTED;
    } catch (const std::invalid_argument& e) {
        // What the user gave is wrong (an exporter option, a configuration value): the host
        // reports it as a usage error.
        try {
            error = e.what();
        } catch (...) {
        }
        return CONFSCOPE_INVALID_ARGUMENT;
    } catch (const std::exception& e) {
        try {
            error = e.what();
        } catch (...) {
        }
        return CONFSCOPE_INTERNAL;
    } catch (...) {
        try {
            error = "unknown exception";
        } catch (...) {
        }
        return CONFSCOPE_UNKNOWN;
    }
}

template <typename P>
struct Thunks {
    static Instance<P>* self(confscope_instance* instance) {
        return reinterpret_cast<Instance<P>*>(instance);
    }

    static confscope_status create(const char* config_json, const confscope_host_v1* /*host*/,
                                   confscope_instance** out) noexcept {
        return guarded(create_error(), [&] {
            if (out == nullptr) throw std::invalid_argument("create: out is NULL");
            auto instance = std::make_unique<Instance<P>>();
            if constexpr (std::is_constructible_v<P, const Config&>) {
                instance->plugin = std::make_unique<P>(Config(config_json ? config_json : "{}"));
            } else {
                instance->plugin = std::make_unique<P>();
            }
            *out = reinterpret_cast<confscope_instance*>(instance.release());
        });
    }

    static void destroy(confscope_instance* instance) noexcept { delete self(instance); }

    static const char* last_error(const confscope_instance* instance) noexcept {
        if (instance == nullptr) return create_error().c_str();
        return reinterpret_cast<const Instance<P>*>(instance)->last_error.c_str();
    }

    static confscope_status targets(confscope_instance* instance,
                                    const confscope_target_v1* const** out,
                                    std::size_t* count) noexcept {
        Instance<P>* s = self(instance);
        return guarded(s->last_error, [&] {
            if constexpr (ScannerClass<P>) {
                s->targets = s->plugin->targets();
                s->target_structs.assign(s->targets.size(), confscope_target_v1{});
                s->target_pointers.clear();
                for (std::size_t i = 0; i < s->targets.size(); ++i) {
                    const Target& t = s->targets[i];
                    confscope_target_v1& c = s->target_structs[i];
                    c.struct_size = sizeof c;
                    c.id = t.id.c_str();
                    c.category = t.category.c_str();
                    c.name = t.name.c_str();
                    c.path = t.path.c_str();
                    c.format = static_cast<confscope_format>(t.format);
                    c.scope = static_cast<confscope_scope>(t.scope);
                    c.os_mask = t.os_mask;
                    s->target_pointers.push_back(&c);
                }
                *out = s->target_pointers.data();
                *count = s->target_pointers.size();
            } else {
                throw std::logic_error("not a scanner");
            }
        });
    }

    static confscope_status analyze(confscope_instance* instance, const confscope_file_v1* file,
                                    const confscope_document_v1* document,
                                    const confscope_host_v1* host) noexcept;

    static confscope_status finish(confscope_instance* instance,
                                   const confscope_host_v1* host) noexcept {
        Instance<P>* s = self(instance);
        return guarded(s->last_error, [&] {
            if constexpr (HasFinish<P>) {
                Sink sink(*host, P::info().family);
                s->plugin->finish(sink);
            }
        });
    }

    static confscope_status instance_rules(confscope_instance* instance,
                                           const confscope_rule_v1* const** out,
                                           std::size_t* count) noexcept {
        Instance<P>* s = self(instance);
        return guarded(s->last_error, [&] {
            if constexpr (HasInstanceRules<P>) s->rules.assign(s->plugin->instance_rules());
            *out = s->rules.pointers.data();
            *count = s->rules.pointers.size();
        });
    }

    static confscope_status export_scan(confscope_instance* instance,
                                        const confscope_export_input_v1* input,
                                        const confscope_host_v1* host) noexcept {
        Instance<P>* s = self(instance);
        return guarded(s->last_error, [&] {
            if constexpr (ExporterClass<P>) {
                if (input == nullptr) throw std::invalid_argument("export_scan: input is NULL");
                const ExportScan scan(*input);
                Writer writer(*host);
                s->plugin->export_scan(scan, writer);
            } else {
                throw std::logic_error("not an exporter");
            }
        });
    }
};

template <typename P>
std::string family_of() {
    return P::info().family;
}

template <typename P>
confscope_status Thunks<P>::analyze(confscope_instance* instance, const confscope_file_v1* file,
                                    const confscope_document_v1* document,
                                    const confscope_host_v1* host) noexcept {
    Instance<P>* s = self(instance);
    return guarded(s->last_error, [&] {
        if constexpr (ScannerClass<P>) {
            const File view(*file);
            const Document doc(*document);
            Sink sink(*host, family_of<P>());
            s->plugin->analyze(view, doc, sink);
        } else {
            throw std::logic_error("not a scanner");
        }
    });
}

/// The static descriptor and the strings and structs it points into.
template <typename P>
struct Descriptor {
    PluginInfo info;
    RuleTable rules;
    confscope_plugin_v1 plugin{};

    Descriptor(const char* name, const char* version, std::uint32_t required_minor)
        : info(P::info()) {
        if constexpr (HasRules<P>) rules.assign(P::rules());
        plugin.struct_size = sizeof plugin;
        plugin.abi_major = CONFSCOPE_ABI_MAJOR;
        plugin.abi_minor = CONFSCOPE_ABI_MINOR;
        plugin.required_minor = required_minor;
        plugin.name = name;
        plugin.version = version;
        plugin.summary = info.summary.c_str();
        plugin.license = info.license.c_str();
        plugin.contact = info.contact.c_str();
        plugin.kinds = (ScannerClass<P> ? CONFSCOPE_KIND_SCANNER : 0u) |
                       (ExporterClass<P> ? CONFSCOPE_KIND_EXPORTER : 0u);
        plugin.family = info.family.c_str();
        plugin.config_schema = info.config_schema.empty() ? nullptr : info.config_schema.c_str();
        plugin.rules = rules.pointers.data();
        plugin.rule_count = rules.pointers.size();
        plugin.create = &Thunks<P>::create;
        plugin.destroy = &Thunks<P>::destroy;
        plugin.last_error = &Thunks<P>::last_error;
        if constexpr (ScannerClass<P>) {
            plugin.targets = &Thunks<P>::targets;
            plugin.analyze = &Thunks<P>::analyze;
        }
        if constexpr (ExporterClass<P>) plugin.export_scan = &Thunks<P>::export_scan;
        if constexpr (HasFinish<P>) plugin.finish = &Thunks<P>::finish;
        if constexpr (HasInstanceRules<P>) plugin.instance_rules = &Thunks<P>::instance_rules;
    }
};

template <typename P>
const confscope_plugin_v1* descriptor(const char* name, const char* version,
                                      std::uint32_t required_minor) noexcept {
    static_assert(ScannerClass<P> || ExporterClass<P>,
                  "a confscope plugin class needs targets()+analyze() (scanner) or "
                  "export_scan() (exporter)");
    try {
        static const Descriptor<P> instance(name, version, required_minor);
        return &instance.plugin;
    } catch (...) {
        return nullptr;  // the host reports "entry returned NULL"
    }
}

}  // namespace detail
}  // namespace confscope::sdk

#ifndef CONFSCOPE_PLUGIN_REQUIRED_MINOR
#define CONFSCOPE_PLUGIN_REQUIRED_MINOR 0
#endif

/// Generate the plugin's entry symbol for `PluginClass`. Use once, at namespace scope, in one
/// source file. CONFSCOPE_PLUGIN_NAME and CONFSCOPE_PLUGIN_VERSION come from
/// confscope_add_plugin().
#define CONFSCOPE_PLUGIN(PluginClass)                                                          \
    extern "C" CONFSCOPE_PLUGIN_EXPORT const confscope_plugin_v1* confscope_plugin_entry_v1(   \
        void) {                                                                                \
        return ::confscope::sdk::detail::descriptor<PluginClass>(                              \
            CONFSCOPE_PLUGIN_NAME, CONFSCOPE_PLUGIN_VERSION, CONFSCOPE_PLUGIN_REQUIRED_MINOR); \
    }
