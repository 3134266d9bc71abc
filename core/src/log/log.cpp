// The only translation unit that includes Boost.Log (its headers are heavy).
#include <filesystem>
#include <iostream>
#include <mutex>

#include <boost/core/null_deleter.hpp>
#include <boost/log/attributes/value_extraction.hpp>
#include <boost/log/core.hpp>
#include <boost/log/expressions.hpp>
#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/text_file_backend.hpp>
#include <boost/log/sinks/text_ostream_backend.hpp>
#include <boost/log/sources/record_ostream.hpp>
#include <boost/log/sources/severity_logger.hpp>

#include <confscope/base/time.hpp>
#include <confscope/log/log.hpp>
#include <confscope/plugin_api.h>
#include <confscope/sdk/json.hpp>
#include <confscope/secrets/redactor.hpp>

namespace confscope::log {

namespace bl = boost::log;

namespace {

BOOST_LOG_ATTRIBUTE_KEYWORD(severity_keyword, "Severity", Level)

using TextSink = bl::sinks::synchronous_sink<bl::sinks::text_ostream_backend>;
using FileSink = bl::sinks::synchronous_sink<bl::sinks::text_file_backend>;

std::mutex g_mutex;
bool g_initialised = false;
bl::sources::severity_logger_mt<Level> g_logger;

const char* color_of(Level level) {
    switch (level) {
        case Level::error:
            return "\033[31m";
        case Level::warning:
            return "\033[33m";
        default:
            return "\033[2m";
    }
}

void install(const LogOptions& options) {
    auto core = bl::core::get();
    core->remove_all_sinks();

    auto backend = boost::make_shared<bl::sinks::text_ostream_backend>();
    backend->add_stream(boost::shared_ptr<std::ostream>(&std::clog, boost::null_deleter()));
    backend->auto_flush(true);
    auto text = boost::make_shared<TextSink>(backend);
    text->set_filter(severity_keyword >= options.level);
    const bool color = options.color;
    text->set_formatter([color](const bl::record_view& record, bl::formatting_ostream& out) {
        const Level level = bl::extract_or_default<Level>("Severity", record, Level::info);
        out << "confscope: ";
        if (level != Level::info) {
            if (color) out << color_of(level);
            out << to_string(level);
            if (color) out << "\033[0m";
            out << ": ";
        }
        out << record[bl::expressions::smessage];
    });
    core->add_sink(text);

    if (!options.json_file.empty()) {
        const std::filesystem::path file(options.json_file);
        const std::filesystem::path folder = file.parent_path().empty() ? "." : file.parent_path();
        std::filesystem::create_directories(folder);
        auto file_backend = boost::make_shared<bl::sinks::text_file_backend>(
            bl::keywords::file_name = file.string(),
            bl::keywords::target_file_name =
                file.stem().string() + ".%Y%m%d-%H%M%S.%N" + file.extension().string(),
            bl::keywords::rotation_size = options.rotation_bytes,
            bl::keywords::open_mode = std::ios::out | std::ios::app,
            bl::keywords::enable_final_rotation = false);  // the live file keeps its name
        file_backend->set_file_collector(bl::sinks::file::make_collector(
            bl::keywords::target = folder.string(), bl::keywords::max_files = options.max_files));
        file_backend->scan_for_files();
        file_backend->auto_flush(true);
        auto json = boost::make_shared<FileSink>(file_backend);
        // The file gets at least info records, and everything the user asked for on stderr.
        json->set_filter(severity_keyword >= std::min(options.json_level, options.level));
        json->set_formatter([](const bl::record_view& record, bl::formatting_ostream& out) {
            const Level level = bl::extract_or_default<Level>("Severity", record, Level::info);
            sdk::JsonObject line;
            line.set("time", now_rfc3339()).set("level", to_string(level));
            if (const auto message = bl::extract<std::string>("Message", record)) {
                line.set("message", std::string_view(message.get()));
            }
            out << line.dump();
        });
        core->add_sink(json);
    }
    g_initialised = true;
}

}  // namespace

void init(const LogOptions& options) {
    const std::lock_guard lock(g_mutex);
    install(options);
}

void write(Level level, std::string_view message) {
    {
        const std::lock_guard lock(g_mutex);
        if (!g_initialised) install(LogOptions{});
    }
    // Scrubbed here, before any sink: no token reaches a log in plaintext.
    static const secrets::Scrubber scrubber;
    const std::string clean = scrubber.scrub(message);
    BOOST_LOG_SEV(g_logger, level) << clean;
}

void shutdown() {
    const std::lock_guard lock(g_mutex);
    bl::core::get()->flush();
    bl::core::get()->remove_all_sinks();
    g_initialised = false;
}

std::optional<Level> parse_level(std::string_view text) {
    if (text == "trace") return Level::trace;
    if (text == "debug") return Level::debug;
    if (text == "info") return Level::info;
    if (text == "warning" || text == "warn") return Level::warning;
    if (text == "error") return Level::error;
    if (text == "off" || text == "none") return Level::off;
    return std::nullopt;
}

Level from_abi_level(std::int32_t abi_level) {
    switch (abi_level) {
        case CONFSCOPE_LOG_TRACE:
            return Level::trace;
        case CONFSCOPE_LOG_DEBUG:
            return Level::debug;
        case CONFSCOPE_LOG_INFO:
            return Level::info;
        case CONFSCOPE_LOG_WARNING:
            return Level::warning;
        default:
            return Level::error;
    }
}

std::string_view to_string(Level level) {
    switch (level) {
        case Level::trace:
            return "trace";
        case Level::debug:
            return "debug";
        case Level::info:
            return "info";
        case Level::warning:
            return "warning";
        case Level::error:
            return "error";
        case Level::off:
            return "off";
    }
    return "info";
}

}  // namespace confscope::log
