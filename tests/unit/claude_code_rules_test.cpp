// The claude-code plugin's classifiers, tested directly on its sources: how much a permission
// rule hands over (PERM-003/PERM-004), which folders are the whole disk or home (TRUST-001).
#include <boost/test/unit_test.hpp>

#include "permission_checks.hpp"
#include "permission_reach.hpp"

using namespace claude_code;

BOOST_AUTO_TEST_SUITE(claude_code_rules)

namespace {

Reach bash(std::string_view spec) {
    return bash_reach(spec).reach;
}

}  // namespace

BOOST_AUTO_TEST_CASE(bash_rules_that_run_anything) {
    for (const std::string_view spec : {"",
                                        "*",
                                        "* --version",
                                        "*:*",
                                        "sudo *",
                                        "sudo:*",
                                        "sudo*",
                                        "sudo -u root *",
                                        "sudo -E -u deploy -- *",
                                        "doas *",
                                        "env *",
                                        "env FOO=1 *",
                                        "xargs *",
                                        "xargs -n 1 *",
                                        "nohup *",
                                        "timeout 60 *",
                                        "timeout -s KILL 5m *",
                                        "nice -n 10 *",
                                        "exec *",
                                        "bash *",
                                        "bash -c *",
                                        "sh -lc:*",
                                        "zsh*",
                                        "eval *",
                                        "source *",
                                        "cmd /c *",
                                        "sudo python3 *",
                                        "sudo npx *",
                                        "pkexec *"}) {
        BOOST_TEST((bash(spec) == Reach::everything), spec);
    }
    BOOST_TEST(bash_reach("sudo python3 *").what == "sudo python3");
}

BOOST_AUTO_TEST_CASE(bash_rules_for_a_command_family) {
    for (const std::string_view spec : {"git:*",
                                        "git *",
                                        "git*",
                                        "git push *",
                                        "git config *",
                                        "uv:*",
                                        "uvx:*",
                                        "npx:*",
                                        "npx -y *",
                                        "node:*",
                                        "python3 -c *",
                                        "python3.12 -c *",
                                        "python -m *",
                                        "/usr/bin/python3 *",
                                        "deno *",
                                        "uv run *",
                                        "uv run --with *",
                                        "npm:*",
                                        "npm exec *",
                                        "pnpm dlx *",
                                        "pip install *",
                                        "pip3 install *",
                                        "curl *",
                                        "curl*",
                                        "ssh:*",
                                        "docker:*",
                                        "docker run *",
                                        "kubectl exec *",
                                        "codex:*",
                                        "claude:*",
                                        "gemini *",
                                        "aider:*",
                                        "env npm *"}) {
        BOOST_TEST((bash(spec) == Reach::broad), spec);
    }
    BOOST_TEST(bash_reach("git:*").what == "git");
    BOOST_TEST(bash_reach("python3 -c *").what == "python3 -c");
    BOOST_TEST(bash_reach("uv run *").what == "uv run");
}

BOOST_AUTO_TEST_CASE(bash_rules_that_stay_narrow) {
    for (const std::string_view spec : {"git status",
                                        "git diff:*",
                                        "git log *",
                                        "git commit -m *",
                                        "git -C * status",
                                        "npm run test:*",
                                        "npm run *",
                                        "npm ci",
                                        "make:*",
                                        "make *",
                                        "uv run pytest *",
                                        "python3 -m pytest *",
                                        "npx prettier --check *",
                                        "sudo systemctl restart nginx",
                                        "sudo systemctl status *",
                                        "timeout 60 npm test",
                                        "bash scripts/build.sh *",
                                        "gitleaks:*",
                                        "nodemon *",
                                        "shellcheck *",
                                        "ls:*",
                                        "find:*",
                                        "claude --version",
                                        "docker ps",
                                        "gofmt *"}) {
        BOOST_TEST((bash(spec) == Reach::narrow), spec);
    }
}

BOOST_AUTO_TEST_CASE(edit_patterns) {
    const std::string_view home = "/home/dev";
    for (const std::string_view p : {"", "*", "**", "**/*", "//**", "//**/*", "~/**", "~/*",
                                     "$HOME/**", "//home/dev/**", "//home/dev/**/*"}) {
        BOOST_TEST((edit_reach(p, home).reach == Reach::everything), p);
    }
    for (const std::string_view p : {"./**", "./**/*", "/**", "/**/*"}) {
        BOOST_TEST((edit_reach(p, home).reach == Reach::broad), p);
    }
    BOOST_TEST(edit_reach("./**", home).what == "the working directory");
    BOOST_TEST(edit_reach("/**", home).what == "the project root");
    for (const std::string_view p : {"src/**", "./src/**", "/src/**/*.ts", "docs/*.md",
                                     "//home/dev/src/**", "~/notes/**", "*.md", "**/*.ts", "/*"}) {
        BOOST_TEST((edit_reach(p, home).reach == Reach::narrow), p);
    }
}

BOOST_AUTO_TEST_CASE(whole_areas) {
    const std::string_view home = "/home/dev";
    BOOST_TEST(whole_area("/", home) == "the root of the file system");
    BOOST_TEST(whole_area("/home/dev", home) == "the whole home folder");
    BOOST_TEST(whole_area("/home/dev/", home) == "the whole home folder");
    BOOST_TEST(whole_area("~", home) == "the whole home folder");
    BOOST_TEST(whole_area("~/", home) == "the whole home folder");
    BOOST_TEST(whole_area("C:\\", home) == "a drive root");
    BOOST_TEST(whole_area("/home/dev/src/api", home).empty());
    BOOST_TEST(whole_area("/home", home).empty());
    BOOST_TEST(whole_area("/home/devops", home).empty());
}

BOOST_AUTO_TEST_SUITE_END()
