// The custom plugin's rule-file loader (plugins/custom/src/rule_file.cpp and the TOML reader,
// syntax, condition parser and message templates behind it), linked from the plugin's sources:
// any text gives a RuleSet or a RuleFileError ("<file>:<line>:<column>: <what>; <fix>"); any
// other exception escaping the loader is a bug (create() would report it without a position).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "rule_file.hpp"
#include "toml_reader.hpp"

// Seeds: the custom fixtures' rule files (not the files they scan) and the documented examples.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (confscope::fuzz::seed_folder() == nullptr) return 0;
    confscope::fuzz::for_each_fixture(
        65536, [](const std::filesystem::path& file, const std::string& bytes) {
            if (file.begin()->string() == "custom" && file.extension() == ".toml" &&
                file.string().find("/input/") == std::string::npos)
                confscope::fuzz::write_seed(bytes);
        });
    for (const char* example : {"/docs/examples/team-policy.toml", "/docs/examples/aider.toml"}) {
        std::ifstream in(std::string(CONFSCOPE_FUZZ_SOURCE_DIR) + example, std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        confscope::fuzz::write_seed(bytes.str());
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string content(reinterpret_cast<const char*>(data), size);
    try {
        (void)custom::load_rule_files({{"/home/fuzz/.config/confscope/rules/fuzz.toml", content}});
    } catch (const custom::RuleFileError&) {
    }
    return 0;
}
