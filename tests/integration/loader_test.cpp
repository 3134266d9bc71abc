// Every validation step of the loader, on real libraries built by the tests: each bad plugin is
// refused with one line naming the plugin, the check and the fix.
#include <boost/test/unit_test.hpp>

#include <confscope/io/sha256.hpp>
#include <confscope/plugins/loader.hpp>
#include <confscope/plugins/manifest.hpp>
#include <confscope/plugins/plugin_instance.hpp>

#include "test_support.hpp"

using namespace confscope;
using namespace confscope::test;

namespace {

fs::path negative(const std::string& name) {
    return negative_plugin_dir() / (name + ".so");
}

// Loads `path` and returns the refusal line, checking it names the plugin and the check.
std::string refusal(const fs::path& path, const std::string& check) {
    plugins::PluginLoader loader;
    std::vector<plugins::CheckStep> steps;
    auto result = loader.load(path, &steps);
    BOOST_REQUIRE_MESSAGE(!result.is_ok(), path.string() + " was accepted");
    const std::string line = result.status().message();
    BOOST_TEST(line.find(path.string()) != std::string::npos);
    BOOST_TEST(line.find("refused by the " + check + " check") != std::string::npos, line);
    BOOST_TEST(line.find('\n') == std::string::npos);
    BOOST_REQUIRE(!steps.empty());
    BOOST_TEST(!steps.back().passed);
    BOOST_TEST(steps.back().check == check);
    return line;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(loader)

BOOST_AUTO_TEST_CASE(the_in_tree_plugin_passes_every_step) {
    plugins::PluginLoader loader;
    std::vector<plugins::CheckStep> steps;
    auto plugin = loader.load(plugin_dir() / "claude-code.so", &steps);
    BOOST_REQUIRE_MESSAGE(plugin.is_ok(), plugin.status().message());
    std::vector<std::string> checks;
    for (const auto& s : steps) {
        BOOST_TEST(s.passed);
        checks.push_back(s.check);
    }
    const std::vector<std::string> expected{"file policy", "symbol table", "manifest",
                                            "duplicate",   "load",         "descriptor"};
    BOOST_TEST(checks == expected, boost::test_tools::per_element());
    BOOST_TEST((*plugin)->name() == "claude-code");
    BOOST_TEST((*plugin)->is_scanner());
    BOOST_TEST((*plugin)->file_sha256().size() == 64u);
    auto instance = plugins::PluginInstance::create(*plugin);
    BOOST_REQUIRE(instance.is_ok());
    auto targets = (*instance)->targets();
    BOOST_REQUIRE(targets.is_ok());
    BOOST_TEST(targets->size() > 20u);
}

BOOST_AUTO_TEST_CASE(wrong_major_is_refused_from_the_symbol_table) {
    const std::string line = refusal(negative("wrong-major"), "symbol table");
    BOOST_TEST(line.find("confscope_plugin_entry_v2") != std::string::npos);
    BOOST_TEST(line.find("ABI major 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_library_without_the_entry_is_refused) {
    const std::string line = refusal(negative("not-a-plugin"), "symbol table");
    BOOST_TEST(line.find("no confscope_plugin_entry_v1 symbol") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_text_file_named_so_is_refused) {
    TempDir dir;
    write_file(dir / "fake.so", "this is not a library\n");
    const std::string line = refusal(dir / "fake.so", "symbol table");
    BOOST_TEST(line.find("not a shared library") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_plugin_without_manifest_is_refused) {
    const std::string line = refusal(negative("no-manifest"), "manifest");
    BOOST_TEST(line.find("confscope_add_plugin()") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_too_small_descriptor_is_refused) {
    const std::string line = refusal(negative("small-struct"), "descriptor");
    BOOST_TEST(line.find("struct_size 16") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_null_required_pointer_is_refused) {
    const std::string line = refusal(negative("null-analyze"), "descriptor");
    BOOST_TEST(line.find("analyze") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_name_or_suffix_or_permissions_fail_the_file_policy) {
    TempDir dir;
    fs::copy_file(plugin_dir() / "claude-code.so", dir / "claude-code.dll");
    BOOST_TEST(refusal(dir / "claude-code.dll", "file policy").find(".so") != std::string::npos);
    fs::copy_file(plugin_dir() / "claude-code.so", dir / "writable.so");
    fs::permissions(dir / "writable.so", fs::perms::others_write, fs::perm_options::add);
    BOOST_TEST(refusal(dir / "writable.so", "file policy").find("chmod o-w") != std::string::npos);
    refusal(dir / "missing.so", "file policy");
}

BOOST_AUTO_TEST_CASE(duplicates_are_refused) {
    TempDir dir;
    fs::copy_file(plugin_dir() / "claude-code.so", dir / "claude-code.so");
    plugins::PluginLoader loader;
    BOOST_REQUIRE(loader.load(plugin_dir() / "claude-code.so").is_ok());
    auto second = loader.load(dir / "claude-code.so");
    BOOST_REQUIRE(!second.is_ok());
    BOOST_TEST((second.status().code() == StatusCode::already_exists));
    BOOST_TEST(second.status().message().find("duplicate check") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(load_kind_leaves_a_library_of_another_kind_unloaded_and_its_name_free) {
    plugins::PluginLoader loader;
    auto exporter = loader.load_kind(plugin_dir() / "json.so", CONFSCOPE_KIND_SCANNER);
    BOOST_REQUIRE_MESSAGE(exporter.is_ok(), exporter.status().message());
    BOOST_TEST((*exporter == nullptr));
    auto scanner = loader.load_kind(plugin_dir() / "claude-code.so", CONFSCOPE_KIND_SCANNER);
    BOOST_REQUIRE_MESSAGE(scanner.is_ok(), scanner.status().message());
    BOOST_REQUIRE((*scanner != nullptr));
    BOOST_TEST((*scanner)->file_sha256().size() == 64u);
    // The skipped exporter did not take its name, and refusals are still load()'s.
    auto later = loader.load(plugin_dir() / "json.so");
    BOOST_REQUIRE_MESSAGE(later.is_ok(), later.status().message());
    BOOST_TEST((*later)->name() == "json");
    BOOST_TEST(!loader.load_kind(negative("no-manifest"), CONFSCOPE_KIND_SCANNER).is_ok());
}

BOOST_AUTO_TEST_CASE(the_configuration_is_validated_against_the_plugin_schema_before_create) {
    plugins::PluginLoader loader;
    auto plugin = loader.load(negative("needs-config"));
    BOOST_REQUIRE_MESSAGE(plugin.is_ok(), plugin.status().message());
    auto missing = plugins::PluginInstance::create(*plugin, "{}");
    BOOST_REQUIRE(!missing.is_ok());
    const std::string why = missing.status().message();
    BOOST_TEST(why.find("refused by the create check") != std::string::npos, why);
    BOOST_TEST(why.find("required") != std::string::npos, why);
    BOOST_TEST(!plugins::PluginInstance::create(*plugin, R"J({"rules_dir": 7})J").is_ok());
    BOOST_TEST(!plugins::PluginInstance::create(*plugin, "[1, 2]").is_ok());
    BOOST_TEST(
        plugins::PluginInstance::create(*plugin, R"J({"rules_dir": "/etc/rules"})J").is_ok());
}

BOOST_AUTO_TEST_CASE(read_library_finds_the_manifest_wherever_the_chunks_split_it) {
    TempDir dir;
    const std::string manifest =
        R"J(CONFSCOPE_MANIFEST_V1{"abi":1,"name":"split","version":"1.0","kinds":["scanner"]})J";
    // The marker before, across and after every chunk boundary of several chunk sizes.
    for (std::size_t lead = 0; lead < 70; lead += 3) {
        const std::string bytes = std::string(lead, 'x') + manifest + '\0' + std::string(50, 'y');
        const fs::path file = dir / ("lead" + std::to_string(lead) + ".so");
        write_file(file, bytes);
        for (std::size_t chunk : {std::size_t{1}, std::size_t{16}, std::size_t{23}, std::size_t{64},
                                  std::size_t{1} << 20}) {
            auto read = plugins::read_library(file, true, 1u << 20, chunk);
            BOOST_REQUIRE(read.is_ok());
            auto parsed = plugins::parse_manifest(read->manifest_region);
            BOOST_REQUIRE_MESSAGE(parsed.is_ok(), "lead " + std::to_string(lead) + " chunk " +
                                                      std::to_string(chunk) + ": " +
                                                      parsed.status().message());
            BOOST_TEST(parsed->name == "split");
            BOOST_TEST(read->sha256 == io::sha256_hex(bytes));
            auto quick = plugins::read_library(file, false, 1u << 20, chunk);
            BOOST_REQUIRE(quick.is_ok());
            BOOST_TEST(quick->sha256.empty());
            BOOST_TEST(quick->manifest_region == read->manifest_region);
        }
    }
    // No terminating NUL within 64 KiB is still refused; an oversized file is refused unread.
    const fs::path endless = dir / "endless.so";
    write_file(endless, manifest + std::string(70 * 1024, ' '));
    auto read = plugins::read_library(endless, true, 1u << 20, 4096);
    BOOST_REQUIRE(read.is_ok());
    BOOST_TEST(!plugins::parse_manifest(read->manifest_region).is_ok());
    BOOST_TEST(read->sha256 == io::sha256_hex(read_file(endless)));
    BOOST_TEST(!plugins::read_library(endless, true, 1024, 4096).is_ok());
}

BOOST_AUTO_TEST_CASE(the_incremental_hash_equals_the_one_shot_hash) {
    const std::string data(100000, 'q');
    io::Sha256 pieces;
    for (std::size_t at = 0; at < data.size(); at += 777)
        pieces.update(std::string_view(data).substr(at, 777));
    BOOST_TEST(pieces.hex() == io::sha256_hex(data));
    BOOST_TEST(io::sha256_hex("abc") ==
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(the_manifest_is_read_from_file_bytes) {
    const std::string bytes = read_file(plugin_dir() / "claude-code.so");
    auto manifest = plugins::parse_manifest(bytes);
    BOOST_REQUIRE(manifest.is_ok());
    BOOST_TEST(manifest->name == "claude-code");
    BOOST_TEST(manifest->abi == 1u);
    BOOST_TEST(manifest->kinds.at(0) == "scanner");
    BOOST_TEST(!plugins::parse_manifest("no marker here").is_ok());
    BOOST_TEST(
        !plugins::parse_manifest(std::string("CONFSCOPE_MANIFEST_V1{not json") + '\0').is_ok());
}

BOOST_AUTO_TEST_SUITE_END()
