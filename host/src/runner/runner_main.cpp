// confscope-runner PLUGIN — runs one plugin in a process of its own: third-party scanners during a
// scan, third-party exporters during an export, and any third-party plugin that `plugins info`,
// `plugins verify` or `rules list` must ask something.
//
// The host starts it with pipes on stdin and stdout and speaks the wire format of
// <confscope/isolation/wire.hpp>: hello (the rule-files configuration, used when the plugin takes
// rule files) → hello (its descriptor), then targets, analyze, finish and export_scan requests,
// each answered by the plugin's items, findings, output and logs and one done (status and
// last_error), until shutdown. A plugin that crashes, hangs or scribbles on
// stdout takes only this process down; the host sees it and marks the plugin failed.
//
// Items and findings are sent as the plugin emits them and checked by the host on arrival (a
// refusal fails the plugin there), so the plugin is always told CONFSCOPE_OK here.
//
// On Linux the runner enters its sandbox (sandbox.hpp: no writes, no network, no new processes)
// after it has read its configuration and before it loads the plugin, whose constructors run
// inside it. A layer the kernel lacks is named on stderr (shown when the runner fails).
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <string>
#include <unistd.h>

#include <confscope/isolation/messages.hpp>
#include <confscope/isolation/wire.hpp>
#include <confscope/plugins/plugin_instance.hpp>

#if defined(CONFSCOPE_RUNNER_SANDBOX)
#include "sandbox.hpp"
#endif

#ifdef CONFSCOPE_SANITIZED
// The sanitized build (make sanitize): the runner exists to turn a plugin's crash into "it crashed
// (signal N)" for the host, so AddressSanitizer must leave the fatal signals to the kernel here
// instead of reporting them and exiting with code 1. Its other reports (a heap overflow in a
// plugin, a leak) still end the runner, and the host reports that exit.
extern "C" const char* __asan_default_options() {
    return "handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_abort=0";
}
#endif

namespace {

using namespace confscope;
using namespace confscope::isolation;

constexpr int kRequests = 0;  // stdin
constexpr int kReplies = 1;   // stdout

void send(MessageType type, std::string_view payload) {
    const std::string frame = encode_frame(type, payload);
    std::size_t written = 0;
    while (written < frame.size()) {
        const ssize_t n = ::write(kReplies, frame.data() + written, frame.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) std::_Exit(4);  // the host is gone: nothing left to do
        written += static_cast<std::size_t>(n);
    }
}

void send_done(const Status& status) {
    send(MessageType::done,
         encode_done(static_cast<confscope_status>(status.code()), status.message()));
}

// The next request; nothing at the end of the stream (the host closed it).
std::optional<Frame> receive(FrameReader& reader) {
    char buffer[65536];
    for (;;) {
        auto frame = reader.next();
        if (!frame) {
            std::fprintf(stderr, "confscope-runner: %s\n", frame.status().message().c_str());
            std::_Exit(4);
        }
        if (*frame) return std::move(**frame);
        const ssize_t n = ::read(kRequests, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return std::nullopt;
        reader.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
    }
}

// The host table a plugin sees in this process: results become frames to the host.
confscope_host_v1 forwarding_host() {
    confscope_host_v1 host = plugins::inert_host(nullptr);
    host.emit_item = [](void*, const confscope_item_v1* item) -> confscope_status {
        if (item == nullptr) return CONFSCOPE_INVALID_ARGUMENT;
        send(MessageType::item, encode_item(*item));
        return CONFSCOPE_OK;
    };
    host.emit_finding = [](void*, const confscope_finding_v1* finding) -> confscope_status {
        if (finding == nullptr) return CONFSCOPE_INVALID_ARGUMENT;
        send(MessageType::finding, encode_finding(*finding));
        return CONFSCOPE_OK;
    };
    host.log = [](void*, confscope_log_level level, const char* message) {
        if (message != nullptr) send(MessageType::log, encode_log(level, message));
    };
    // An exporter's bytes, in frames of at most 1 MiB.
    host.write = [](void*, const char* data, std::size_t size) -> confscope_status {
        if (data == nullptr && size != 0) return CONFSCOPE_INVALID_ARGUMENT;
        constexpr std::size_t kChunk = std::size_t{1} << 20;
        for (std::size_t at = 0; at < size; at += kChunk)
            send(MessageType::output, std::string_view(data + at, std::min(kChunk, size - at)));
        return CONFSCOPE_OK;
    };
    return host;
}

std::vector<sdk::Rule> descriptor_rules(const confscope_plugin_v1& d) {
    std::vector<sdk::Rule> rules;
    for (std::size_t i = 0; i < d.rule_count; ++i) {
        const confscope_rule_v1& r = *d.rules[i];
        rules.push_back({r.id, static_cast<sdk::Severity>(r.severity), r.title, r.help,
                         r.help_uri != nullptr ? r.help_uri : ""});
    }
    return rules;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: confscope-runner PLUGIN.so (started by confscope)\n");
        return 2;
    }
    FrameReader reader;
    auto hello = receive(reader);
    if (!hello || hello->type != MessageType::hello) return 4;

#if defined(CONFSCOPE_RUNNER_SANDBOX)
    const runner::SandboxReport sandbox = runner::enter_sandbox();
    if (!sandbox.problems.empty())
        std::fprintf(stderr, "confscope-runner: sandbox incomplete: %s\n",
                     sandbox.problems.c_str());
#endif

    plugins::PluginLoader loader;
    auto plugin = loader.load(argv[1]);
    if (!plugin) {
        send_done(plugin.status());
        return 3;
    }
    // The host sends the configuration for plugins that take rule files; others get none.
    auto instance = plugins::PluginInstance::create(
        *plugin, plugins::accepts_rule_files(**plugin) ? hello->payload : std::string("{}"));
    if (!instance) {
        send_done(instance.status());
        return 3;
    }
    const confscope_plugin_v1& d = (*plugin)->descriptor();
    PluginHello reply;
    reply.name = (*plugin)->name();
    reply.version = (*plugin)->version();
    reply.abi_major = d.abi_major;
    reply.abi_minor = d.abi_minor;
    reply.kinds = d.kinds;
    reply.family = d.family != nullptr ? d.family : "";
    reply.library_sha256 = (*plugin)->file_sha256();
    reply.rules = descriptor_rules(d);
    reply.extra_rules = (*instance)->extra_rules();
    reply.summary = d.summary != nullptr ? d.summary : "";
    reply.license = d.license != nullptr ? d.license : "";
    reply.contact = d.contact != nullptr ? d.contact : "";
    reply.required_minor = d.required_minor;
    send(MessageType::hello, encode_hello(reply));

    const confscope_host_v1 host = forwarding_host();
    while (auto request = receive(reader)) {
        switch (request->type) {
            case MessageType::targets: {
                auto targets = (*instance)->targets();
                if (targets) send(MessageType::targets, encode_targets(*targets));
                send_done(targets.status());
                break;
            }
            case MessageType::analyze: {
                auto call = AnalyzeRequest::decode(request->payload);
                send_done(call ? (*instance)->analyze((*call)->file(), (*call)->document(), host)
                               : call.status());
                break;
            }
            case MessageType::finish:
                send_done((*instance)->finish(host));
                break;
            case MessageType::export_scan: {
                auto call = ExportRequest::decode(request->payload);
                send_done(call ? (*instance)->export_scan((*call)->input(), host) : call.status());
                break;
            }
            case MessageType::shutdown:
                return 0;
            default:
                send_done(Status::invalid_argument("unexpected request"));
        }
    }
    return 0;
}
