// `confscope db restore`: the portable backup reader (core/src/store/store_backup.cpp) driven
// through Store::restore into a throw-away SQLite store. A backup is sealed by its trailer (the
// SHA-256 of the body and each table's row count and digest), which random bytes never match; so
// the harness seals the input itself, as `db backup` would have, and the fuzzer reaches both passes
// of the reader (the check, then the load) — a backup written by hand can be sealed just the same.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>
#include <utility>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <confscope/io/sha256.hpp>
#include <confscope/store/store.hpp>

using namespace confscope;

namespace {

std::filesystem::path& folder() {
    static std::filesystem::path dir;
    return dir;
}
std::unique_ptr<store::Store>& the_store() {
    static std::unique_ptr<store::Store> s;
    return s;
}

// The input's lines with an end line that matches them.
std::string seal(std::string_view input) {
    std::string out;
    io::Sha256 body;
    struct Section {
        std::string table;
        std::int64_t rows = 0;
        std::unique_ptr<io::Sha256> digest = std::make_unique<io::Sha256>();
    };
    std::vector<Section> sections;
    bool first = true;
    while (!input.empty()) {
        const std::size_t newline = input.find('\n');
        if (newline == std::string_view::npos) break;  // a cut line stays out
        const std::string line(input.substr(0, newline));
        input.remove_prefix(newline + 1);
        if (!first && !line.empty() && line[0] == '[') {
            if (!sections.empty()) {
                ++sections.back().rows;
                sections.back().digest->update(line + "\n");
            }
        } else if (!first) {
            rapidjson::Document object;
            object.Parse(line.c_str(), line.size());
            if (!object.HasParseError() && object.IsObject()) {
                if (object.HasMember("table") && object["table"].IsString()) {
                    sections.push_back({object["table"].GetString()});
                } else if (object.HasMember("end")) {
                    continue;  // the harness writes the end line
                }
            }
        }
        first = false;
        body.update(line + "\n");
        out += line + "\n";
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> end(buffer);
    end.StartObject();
    end.Key("end");
    end.StartObject();
    end.Key("sha256");
    end.String(body.hex().c_str());
    end.Key("tables");
    end.StartObject();
    for (Section& s : sections) {
        end.Key(s.table.c_str());
        end.StartObject();
        end.Key("rows");
        end.Int64(s.rows);
        end.Key("sha256");
        end.String(s.digest->hex().c_str());
        end.EndObject();
    }
    end.EndObject();
    end.EndObject();
    end.EndObject();
    return out + buffer.GetString() + "\n";
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    char pattern[] = "/tmp/confscope-fuzz-backup-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) std::abort();
    folder() = pattern;
    store::StoreUrl url;
    url.sqlite_path = (folder() / "store.db").string();
    url.display = url.sqlite_path;
    store::StoreOptions options;
    options.retries = 0;
    auto opened = store::Store::open(url, options);
    if (!opened) {
        std::fprintf(stderr, "fuzz_backup: %s\n", opened.status().message().c_str());
        std::abort();
    }
    the_store() = std::move(*opened);
    std::atexit([] {
        the_store().reset();
        std::error_code ignored;
        std::filesystem::remove_all(folder(), ignored);
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string backup = seal(std::string_view(reinterpret_cast<const char*>(data), size));
    const std::string file = (folder() / "backup.jsonl").string();
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << backup;
    }
    (void)the_store()->restore(file, /*replace=*/true);
    return 0;
}
