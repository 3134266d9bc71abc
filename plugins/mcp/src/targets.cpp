#include "targets.hpp"

#include <string>

namespace mcp {

using confscope::sdk::Format;
using confscope::sdk::Scope;
using confscope::sdk::Target;

namespace {

constexpr std::uint32_t kUnix = CONFSCOPE_OS_LINUX | CONFSCOPE_OS_MACOS;
constexpr std::uint32_t kLinuxWindows = CONFSCOPE_OS_LINUX | CONFSCOPE_OS_WINDOWS;
constexpr std::uint32_t kMacos = CONFSCOPE_OS_MACOS;
constexpr std::uint32_t kWindows = CONFSCOPE_OS_WINDOWS;
constexpr std::uint32_t kEveryOs = 0;

Target t(const char* id, std::string_view cat, const char* name, const char* path, Format format,
         Scope scope, std::uint32_t os = kEveryOs) {
    return Target{id, std::string(cat), name, path, format, scope, os};
}

}  // namespace

std::vector<Target> all_targets() {
    return {
        // Cursor (also cursor-agent).
        t("cursor-user", category::cursor, "Cursor MCP servers", "{HOME}/.cursor/mcp.json",
          Format::json, Scope::user),
        t("cursor-project", category::cursor, "Cursor project MCP servers",
          "{PROJECT}/.cursor/mcp.json", Format::json, Scope::project),
        // Cursor CLI (cursor-agent): its permissions; a project's .cursor/cli.json may set only
        // permissions.
        t("cursor-cli-user", category::cursor_cli, "Cursor CLI configuration",
          "{HOME}/.cursor/cli-config.json", Format::json, Scope::user),
        t("cursor-cli-project", category::cursor_cli, "Cursor CLI project permissions",
          "{PROJECT}/.cursor/cli.json", Format::json, Scope::project),
        // Cursor's auto-run allowlists (MCP tools, terminal commands); per user and per repo, the
        // arrays of both concatenated.
        t("cursor-permissions-user", category::cursor_permissions, "Cursor auto-run allowlists",
          "{HOME}/.cursor/permissions.json", Format::jsonc, Scope::user),
        t("cursor-permissions-project", category::cursor_permissions,
          "Cursor project auto-run allowlists", "{PROJECT}/.cursor/permissions.json", Format::jsonc,
          Scope::project),

        // VS Code: {APPDATA} is ~/.config on Linux, ~/Library/Application Support on macOS,
        // %APPDATA% on Windows. Profiles keep their own mcp.json.
        t("vscode-user", category::vscode, "VS Code MCP servers", "{APPDATA}/Code/User/mcp.json",
          Format::jsonc, Scope::user),
        t("vscode-user-profiles", category::vscode, "VS Code profile MCP servers",
          "{APPDATA}/Code/User/profiles/*/mcp.json", Format::jsonc, Scope::user),
        t("vscode-insiders-user", category::vscode, "VS Code Insiders MCP servers",
          "{APPDATA}/Code - Insiders/User/mcp.json", Format::jsonc, Scope::user),
        t("vscode-user-settings", category::vscode_settings, "VS Code user settings (legacy mcp)",
          "{APPDATA}/Code/User/settings.json", Format::jsonc, Scope::user),
        t("vscode-project", category::vscode, "VS Code workspace MCP servers",
          "{PROJECT}/.vscode/mcp.json", Format::jsonc, Scope::project),
        t("vscode-project-settings", category::vscode_settings,
          "VS Code workspace settings (legacy mcp)", "{PROJECT}/.vscode/settings.json",
          Format::jsonc, Scope::project),

        // Windsurf.
        t("windsurf-user", category::windsurf, "Windsurf MCP servers",
          "{HOME}/.codeium/windsurf/mcp_config.json", Format::json, Scope::user),
        t("windsurf-project", category::windsurf, "Windsurf project MCP servers",
          "{PROJECT}/.windsurf/mcp.json", Format::json, Scope::project),

        // Zed: ~/.config/zed on Linux and macOS, %APPDATA%\Zed on Windows.
        t("zed-user", category::zed, "Zed settings", "{XDG_CONFIG_HOME}/zed/settings.json",
          Format::jsonc, Scope::user, kUnix),
        t("zed-user-windows", category::zed, "Zed settings", "{APPDATA}/Zed/settings.json",
          Format::jsonc, Scope::user, kWindows),
        t("zed-project", category::zed, "Zed project settings", "{PROJECT}/.zed/settings.json",
          Format::jsonc, Scope::project),

        // Cline: the extension's global storage in VS Code and its forks (Code, Code - Insiders,
        // Cursor, Windsurf, VSCodium), and the Cline CLI.
        t("cline-extension", category::cline, "Cline MCP settings",
          "{APPDATA}/*/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json",
          Format::json, Scope::user),
        t("cline-cli", category::cline, "Cline CLI MCP settings",
          "{HOME}/.cline/data/settings/cline_mcp_settings.json", Format::json, Scope::user),

        // Continue: config.yaml with a list of servers; workspace blocks in .continue/mcpServers.
        t("continue-user", category::continue_config, "Continue configuration",
          "{HOME}/.continue/config.yaml", Format::yaml, Scope::user),
        t("continue-project-yaml", category::continue_config, "Continue workspace MCP servers",
          "{PROJECT}/.continue/mcpServers/*.yaml", Format::yaml, Scope::project),
        t("continue-project-yml", category::continue_config, "Continue workspace MCP servers",
          "{PROJECT}/.continue/mcpServers/*.yml", Format::yaml, Scope::project),
        t("continue-project-json", category::continue_config, "Continue workspace MCP servers",
          "{PROJECT}/.continue/mcpServers/*.json", Format::json, Scope::project),

        // Gemini CLI: user, project, and system settings (/etc/gemini-cli on Linux,
        // C:\ProgramData\gemini-cli on Windows, /Library/Application Support/GeminiCli on macOS).
        t("gemini-user", category::gemini, "Gemini CLI settings", "{HOME}/.gemini/settings.json",
          Format::json, Scope::user),
        t("gemini-project", category::gemini, "Gemini CLI project settings",
          "{PROJECT}/.gemini/settings.json", Format::json, Scope::project),
        t("gemini-trusted-folders", category::gemini_trust, "Gemini CLI trusted folders",
          "{HOME}/.gemini/trustedFolders.json", Format::json, Scope::user),
        t("gemini-system", category::gemini, "Gemini CLI system settings",
          "{PROGRAMDATA}/gemini-cli/settings.json", Format::json, Scope::system, kLinuxWindows),
        t("gemini-system-defaults", category::gemini, "Gemini CLI system defaults",
          "{PROGRAMDATA}/gemini-cli/system-defaults.json", Format::json, Scope::system,
          kLinuxWindows),
        t("gemini-system-macos", category::gemini, "Gemini CLI system settings",
          "{SYSTEM_ROOT}/Library/Application Support/GeminiCli/settings.json", Format::json,
          Scope::system, kMacos),
        t("gemini-system-defaults-macos", category::gemini, "Gemini CLI system defaults",
          "{SYSTEM_ROOT}/Library/Application Support/GeminiCli/system-defaults.json", Format::json,
          Scope::system, kMacos),

        // Codex: TOML; the project file is read in trusted projects.
        t("codex-user", category::codex, "Codex configuration", "{HOME}/.codex/config.toml",
          Format::toml, Scope::user),
        t("codex-project", category::codex, "Codex project configuration",
          "{PROJECT}/.codex/config.toml", Format::toml, Scope::project),
        t("codex-system", category::codex, "Codex system configuration",
          "{SYSTEM_ROOT}/etc/codex/config.toml", Format::toml, Scope::system, kUnix),
        t("codex-managed", category::codex, "Codex managed configuration",
          "{SYSTEM_ROOT}/etc/codex/managed_config.toml", Format::toml, Scope::managed, kUnix),

        // Goose: ~/.config/goose on Linux and macOS, %APPDATA%\Block\goose\config on Windows.
        t("goose-user", category::goose, "Goose configuration",
          "{XDG_CONFIG_HOME}/goose/config.yaml", Format::yaml, Scope::user, kUnix),
        t("goose-user-windows", category::goose, "Goose configuration",
          "{APPDATA}/Block/goose/config/config.yaml", Format::yaml, Scope::user, kWindows),

        // OpenCode: ~/.config/opencode on every OS; opencode.json(c) at a project's root.
        t("opencode-user", category::opencode, "OpenCode configuration",
          "{XDG_CONFIG_HOME}/opencode/opencode.json", Format::jsonc, Scope::user),
        t("opencode-user-jsonc", category::opencode, "OpenCode configuration",
          "{XDG_CONFIG_HOME}/opencode/opencode.jsonc", Format::jsonc, Scope::user),
        t("opencode-project", category::opencode, "OpenCode project configuration",
          "{PROJECT}/opencode.json", Format::jsonc, Scope::project),
        t("opencode-project-jsonc", category::opencode, "OpenCode project configuration",
          "{PROJECT}/opencode.jsonc", Format::jsonc, Scope::project),

        // Junie (JetBrains).
        t("junie-user", category::junie, "Junie MCP servers", "{HOME}/.junie/mcp/mcp.json",
          Format::json, Scope::user),
        t("junie-project", category::junie, "Junie project MCP servers",
          "{PROJECT}/.junie/mcp/mcp.json", Format::json, Scope::project),

        // Antigravity (and its CLI).
        t("antigravity-user", category::antigravity, "Antigravity MCP servers",
          "{HOME}/.gemini/antigravity/mcp_config.json", Format::json, Scope::user),
        t("antigravity-cli-user", category::antigravity, "Antigravity CLI MCP servers",
          "{HOME}/.gemini/config/mcp_config.json", Format::json, Scope::user),

        // Kiro.
        t("kiro-user", category::kiro, "Kiro MCP servers", "{HOME}/.kiro/settings/mcp.json",
          Format::json, Scope::user),
        t("kiro-project", category::kiro, "Kiro project MCP servers",
          "{PROJECT}/.kiro/settings/mcp.json", Format::json, Scope::project),
    };
}

}  // namespace mcp
