// Shared by the libFuzzer harnesses: the first input byte picks a format, and the ABI view of a
// parsed document (what the scanner hands a plugin), built the way core/src/scan/scanner.cpp does.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <confscope/parse/document.hpp>
#include <confscope/plugin_api.h>
#include <confscope/secrets/redactor.hpp>

namespace confscope::fuzz {

/// A broken invariant: report it and abort, so libFuzzer keeps the input as a crash.
[[noreturn]] inline void invariant_failed(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}
#define CONFSCOPE_FUZZ_CHECK(condition) \
    ((condition) ? static_cast<void>(0) : ::confscope::fuzz::invariant_failed(#condition))

/// Seeds. `run-fuzz` runs each harness once with CONFSCOPE_FUZZ_WRITE_SEEDS naming a folder in the
/// build tree; a harness whose seeds are derived from tests/fixtures (or made with the product's
/// own encoders) writes them there from LLVMFuzzerInitialize, so they follow the fixtures and the
/// code. Nothing is ever written into the source tree.
inline const char* seed_folder() {
    return std::getenv("CONFSCOPE_FUZZ_WRITE_SEEDS");
}

inline void write_seed(const std::string& bytes) {
    const char* folder = seed_folder();
    if (folder == nullptr) return;
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a: one file per distinct seed
    for (const char c : bytes)
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    char name[32];
    std::snprintf(name, sizeof name, "seed-%016llx", static_cast<unsigned long long>(hash));
    std::ofstream(std::filesystem::path(folder) / name, std::ios::binary) << bytes;
}

/// Every regular file under tests/fixtures of at most `max_size` bytes, with its path relative to
/// the fixtures folder, in a stable order.
inline void for_each_fixture(
    std::size_t max_size,
    const std::function<void(const std::filesystem::path&, const std::string&)>& visit) {
    const std::filesystem::path root = CONFSCOPE_FUZZ_SOURCE_DIR "/tests/fixtures";
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(root, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error) && it->file_size(error) <= max_size)
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        visit(std::filesystem::relative(file, root), bytes.str());
    }
}

/// The format selector byte for a file name, as format_of() reads it; -1 when none fits.
inline int format_selector(const std::filesystem::path& file) {
    const std::string ext = file.extension().string();
    if (ext == ".json") return 0;
    if (ext == ".jsonc") return 1;
    if (ext == ".toml") return 2;
    if (ext == ".yaml" || ext == ".yml") return 3;
    if (ext == ".md") return 4;
    if (ext == ".txt" || ext == ".sh") return 5;
    return -1;
}

/// Seeds for the harnesses that take <format byte><file>: every fixture file with its format.
inline void write_format_seeds() {
    if (seed_folder() == nullptr) return;
    for_each_fixture(16384, [](const std::filesystem::path& file, const std::string& bytes) {
        const int selector = format_selector(file);
        if (selector >= 0) write_seed(std::string(1, static_cast<char>(selector)) + bytes);
    });
}

/// The parsed formats, chosen by one byte.
inline sdk::Format format_of(std::uint8_t selector) {
    static constexpr sdk::Format formats[] = {sdk::Format::json,     sdk::Format::jsonc,
                                              sdk::Format::toml,     sdk::Format::yaml,
                                              sdk::Format::markdown, sdk::Format::text};
    return formats[selector % (sizeof formats / sizeof formats[0])];
}

/// The ABI view of an owning parse::Document; lives as long as the document and the bytes.
struct DocumentView {
    std::vector<confscope_node_v1> nodes;
    std::vector<const confscope_node_v1*> pointers;
    std::vector<confscope_secret_v1> secrets;
    std::vector<const confscope_secret_v1*> secret_pointers;
    confscope_document_v1 document{};
    std::string error_text;

    DocumentView(const parse::Document& doc, const std::string& bytes,
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
        document.bytes = bytes.data();
        document.byte_count = bytes.size();
        document.body_offset = doc.body_offset;
        document.secrets = secret_pointers.data();
        document.secret_count = secret_pointers.size();
    }
    DocumentView(const DocumentView&) = delete;
    DocumentView& operator=(const DocumentView&) = delete;
};

}  // namespace confscope::fuzz
