// What the path pattern of an Edit or Read allow rule reaches outside the project, the part
// PERM-003 and PERM-004 weigh beyond "every file":
//   - edits of Claude Code's own settings (~/.claude/settings.json, ~/.claude.json, its hooks
//     folder, a project's .claude/settings*.json): a write there can grant Claude every permission
//     or add a hook, so the rule is as strong as a bare Bash (everything);
//   - edits of files whose contents run later (shell startup files, ~/.ssh, autostart folders,
//     git configuration and hooks, /etc): persistence;
//   - reads of the whole disk, the whole home folder or a credential store (~/.ssh, ~/.aws,
//     ~/.gnupg, ~/.kube, ~/.docker/config.json, gcloud, Azure, ~/.netrc, ...): broad. Reads inside
//     the working directory need no rule at all, so only absolute (//...) and home (~/...)
//     patterns can reach these.
// Patterns follow the permission rules' gitignore syntax: "//x" is absolute, "~/x" (also
// "$HOME/x") is in the home folder, "/x" and "./x" and "x" are in the project; a pattern that
// matches a folder covers everything inside it.
//
//     sensitive_edit_reach("~/.bashrc", home)        -> {persistence, "your shell startup files …"}
//     sensitive_edit_reach(".claude/settings*.json") -> {everything, "Claude Code's own settings
//     …"} read_reach("~/.aws/**", home)                  -> {broad, "AWS credentials (~/.aws)"}
#pragma once

#include <string_view>

#include "permission_reach.hpp"

namespace claude_code {

/// What an Edit/MultiEdit pattern reaches among Claude Code's settings and persistence
/// locations: everything, persistence or narrow (`what` names the location).
RuleReach sensitive_edit_reach(std::string_view pattern, std::string_view home);

/// What a Read pattern reaches outside the project: broad for the whole disk, the whole home
/// folder or a credential store, narrow otherwise ("", "*" and project paths included).
RuleReach read_reach(std::string_view pattern, std::string_view home);

}  // namespace claude_code
