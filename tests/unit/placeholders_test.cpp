// Placeholder tables per OS, checked on any machine by injecting the OS and the environment.
#include <boost/test/unit_test.hpp>

#include <confscope/platform/placeholders.hpp>

using namespace confscope::platform;

BOOST_AUTO_TEST_SUITE(placeholders)

BOOST_AUTO_TEST_CASE(linux_defaults_follow_xdg_and_etc) {
    const auto p = Placeholders::resolve(Os::linux, {"/home/ada", "/"}, {});
    BOOST_TEST(*p.get("HOME") == "/home/ada");
    BOOST_TEST(*p.get("CLAUDE_CONFIG_DIR") == "/home/ada/.claude");
    BOOST_TEST(*p.get("XDG_CONFIG_HOME") == "/home/ada/.config");
    BOOST_TEST(*p.get("APPDATA") == "/home/ada/.config");
    BOOST_TEST(*p.get("CLAUDE_MANAGED_DIR") == "/etc/claude-code");
    BOOST_TEST(!p.get("NOPE").has_value());
}

BOOST_AUTO_TEST_CASE(linux_honours_relocation_variables) {
    const Environment env{
        {"CLAUDE_CONFIG_DIR", "/opt/claude/"}, {"XDG_CONFIG_HOME", "/xdg"}, {"HOME", "/ignored"}};
    const auto p = Placeholders::resolve(Os::linux, {"/home/ada", "/srv/root"}, env);
    BOOST_TEST(*p.get("CLAUDE_CONFIG_DIR") == "/opt/claude");
    BOOST_TEST(*p.get("XDG_CONFIG_HOME") == "/xdg");
    BOOST_TEST(*p.get("APPDATA") == "/xdg");
    BOOST_TEST(*p.get("HOME") == "/home/ada");
    BOOST_TEST(*p.get("CLAUDE_MANAGED_DIR") == "/srv/root/etc/claude-code");
}

BOOST_AUTO_TEST_CASE(relative_relocations_are_ignored) {
    const auto p = Placeholders::resolve(Os::linux, {"/home/ada", "/"},
                                         {{"CLAUDE_CONFIG_DIR", "relative/dir"}});
    BOOST_TEST(*p.get("CLAUDE_CONFIG_DIR") == "/home/ada/.claude");
}

BOOST_AUTO_TEST_CASE(macos_table) {
    const auto p = Placeholders::resolve(Os::macos, {"/Users/ada", "/"}, {});
    BOOST_TEST(*p.get("APPDATA") == "/Users/ada/Library/Application Support");
    BOOST_TEST(*p.get("CLAUDE_MANAGED_DIR") == "/Library/Application Support/ClaudeCode");
    BOOST_TEST(*p.get("CLAUDE_CONFIG_DIR") == "/Users/ada/.claude");
}

BOOST_AUTO_TEST_CASE(windows_table_uses_appdata_and_program_files) {
    const auto p = Placeholders::resolve(Os::windows, {"C:/Users/ada", "C:/"}, {});
    BOOST_TEST(*p.get("APPDATA") == "C:/Users/ada/AppData/Roaming");
    BOOST_TEST(*p.get("LOCALAPPDATA") == "C:/Users/ada/AppData/Local");
    BOOST_TEST(*p.get("PROGRAMDATA") == "C:/ProgramData");
    BOOST_TEST(*p.get("CLAUDE_MANAGED_DIR") == "C:/Program Files/ClaudeCode");
    const auto relocated = Placeholders::resolve(Os::windows, {"C:/Users/ada", "C:/"},
                                                 {{"APPDATA", R"J(D:\Roaming\)J"}});
    BOOST_TEST(*relocated.get("APPDATA") == "D:/Roaming");
}

BOOST_AUTO_TEST_CASE(expand_replaces_every_placeholder_and_names_unknown_ones) {
    const auto p = Placeholders::resolve(Os::linux, {"/home/ada", "/"}, {});
    BOOST_TEST(*p.expand("{CLAUDE_CONFIG_DIR}/settings.json") == "/home/ada/.claude/settings.json");
    BOOST_TEST(*p.expand("{SYSTEM_ROOT}/etc/x") == "/etc/x");
    std::string unknown;
    BOOST_TEST(!p.expand("{HOME}/{BOGUS}/x", &unknown).has_value());
    BOOST_TEST(unknown == "BOGUS");
}

BOOST_AUTO_TEST_CASE(os_names_parse) {
    BOOST_TEST((parse_os("darwin") == Os::macos));
    BOOST_TEST((parse_os("windows") == Os::windows));
    BOOST_TEST(!parse_os("beos").has_value());
    BOOST_TEST(to_string(current_os()) == "linux");
}

BOOST_AUTO_TEST_SUITE_END()
