// Every location of every MCP client but Claude Code (whose files the claude-code plugin reads):
// user, project and system scope, per OS where paths differ (reference: config-families.md §3).
#pragma once

#include <string_view>
#include <vector>

#include <confscope/sdk/types.hpp>

namespace mcp {

/// Target categories: which client's file it is, and so how it is analyzed.
namespace category {
inline constexpr std::string_view cursor = "cursor";
inline constexpr std::string_view vscode = "vscode";                    // mcp.json
inline constexpr std::string_view vscode_settings = "vscode-settings";  // settings.json "mcp"
inline constexpr std::string_view windsurf = "windsurf";
inline constexpr std::string_view zed = "zed";
inline constexpr std::string_view cline = "cline";
inline constexpr std::string_view continue_config = "continue";  // config.yaml, mcpServers/*
inline constexpr std::string_view gemini = "gemini";
inline constexpr std::string_view codex = "codex";
inline constexpr std::string_view goose = "goose";
inline constexpr std::string_view opencode = "opencode";
inline constexpr std::string_view junie = "junie";
inline constexpr std::string_view antigravity = "antigravity";
inline constexpr std::string_view kiro = "kiro";
inline constexpr std::string_view cursor_cli = "cursor-cli";  // cli-config.json, cli.json
inline constexpr std::string_view cursor_permissions = "cursor-permissions";  // permissions.json
inline constexpr std::string_view gemini_trust = "gemini-trust";              // trustedFolders.json
}  // namespace category

std::vector<confscope::sdk::Target> all_targets();

}  // namespace mcp
