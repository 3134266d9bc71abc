// The ABI guard: the layout of every v1 struct and the value of every constant in
// <confscope/plugin_api.h>, frozen. Plugins already built against ABI 1.0 have these offsets, sizes
// and numbers compiled into them; the host must keep finding the same bytes at the same places.
// Members may only be appended; anything that moves, resizes, retypes, removes or renumbers is a
// new ABI major (docs/ABI.md, "Versions: what is a minor, what is a major").
//
// Why the expected numbers are literals: an expectation computed from the header (offsetof, sizeof)
// follows the header, so it agrees with every change and the test could never fail. The numbers
// below were typed in once, from the ABI 1.0 header; the test compares them with what the compiler
// makes of today's header.
//
// Keeping the table up to date:
// - A new minor appends rows: new members at the end of their struct's rows, a FROZEN_STRUCT for
//   a new struct, new constants; then CONFSCOPE_ABI_MINOR and kFrozenTableMinor go up together.
//   The tests below fail until a new member, struct or constant is in the table.
// - An existing row, or a struct's ABI 1.0 size, is never edited. If one fails, the change breaks
//   every plugin already built: undo it, or make it a new major (confscope_plugin_entry_v2, with
//   its own structs and its own frozen table).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/pfr/core.hpp>
#include <boost/test/unit_test.hpp>

#include <confscope/plugin_api.h>

#include "test_support.hpp"

// The numbers are those of the LP64 data model of x86_64 Linux, which CI runs: pointers and size_t
// of 8 bytes, 64-bit integers aligned on 8. Another data model lays the structs out differently
// and needs a table of its own; refuse to compare against numbers that do not apply.
static_assert(sizeof(void*) == 8 && sizeof(std::size_t) == 8 && alignof(std::uint64_t) == 8 &&
                  alignof(std::int64_t) == 8 && alignof(std::uint32_t) == 4,
              "abi_layout_test.cpp: the frozen layout table is for LP64 (x86_64 Linux); "
              "this platform needs a table of its own");

namespace {

// The ABI minor the table describes: the table and the header's minor move together.
constexpr int kFrozenTableMinor = 0;

constexpr std::string_view kLayoutRule =
    "members may only be appended; a change here is a new ABI major: see docs/ABI.md";
constexpr std::string_view kTypeRule =
    "a type of the ABI keeps its definition; a change here is a new ABI major: see docs/ABI.md";
constexpr std::string_view kConstantRule =
    "constants may only be added, never renumbered; a change here is a new ABI major: see "
    "docs/ABI.md";

// One member: its frozen place, size and declared type, next to what this build compiled.
struct MemberLayout {
    std::string_view name;
    std::size_t frozen_offset;
    std::size_t frozen_size;
    std::string_view frozen_type;
    std::size_t offset;
    std::size_t size;
    bool same_type;
};

// One struct: its ABI 1.0 size (a lower bound: appending may grow it) and its members in
// declaration order, next to what this build compiled.
struct StructLayout {
    std::string_view name;
    std::size_t frozen_size_at_1_0;
    std::size_t size;
    std::size_t alignment;
    std::size_t member_count;  // counted by Boost.PFR, which sees every member of an aggregate
    std::vector<MemberLayout> members;
};

template <class Declared, class Frozen>
MemberLayout member_layout(std::string_view name, std::size_t frozen_offset,
                           std::size_t frozen_size, std::string_view frozen_type,
                           std::size_t offset) {
    return {name,
            frozen_offset,
            frozen_size,
            frozen_type,
            offset,
            sizeof(Declared),
            std::is_same_v<Declared, Frozen>};
}

// A row of the table inside FROZEN_STRUCT: member, frozen offset, frozen size, then the declared
// type (last, as a function pointer type contains commas). A member that no longer exists fails to
// compile here, which is as good as a failing test.
#define FROZEN_MEMBER(member, frozen_offset, frozen_size, ...)                                \
    member_layout<decltype(Struct::member), __VA_ARGS__>(#member, frozen_offset, frozen_size, \
                                                         #__VA_ARGS__, offsetof(Struct, member))

// A struct and its FROZEN_MEMBER rows; the rows refer to the struct as `Struct`.
#define FROZEN_STRUCT(type, frozen_size_at_1_0, ...)          \
    [] {                                                      \
        using Struct = type;                                  \
        return StructLayout{#type,                            \
                            frozen_size_at_1_0,               \
                            sizeof(Struct),                   \
                            alignof(Struct),                  \
                            boost::pfr::tuple_size_v<Struct>, \
                            {__VA_ARGS__}};                   \
    }()

// The table: every struct of the header, in header order, with its sizeof at ABI 1.0; every member
// in declaration order. Laid out by hand as columns (member, offset, size, declared type), so
// clang-format leaves it alone.
// clang-format off
const std::vector<StructLayout>& frozen_structs() {
    static const std::vector<StructLayout> structs = {
        FROZEN_STRUCT(confscope_target_v1, 56,
            FROZEN_MEMBER(struct_size,   0, 4, uint32_t),
            FROZEN_MEMBER(id,            8, 8, const char*),
            FROZEN_MEMBER(category,     16, 8, const char*),
            FROZEN_MEMBER(name,         24, 8, const char*),
            FROZEN_MEMBER(path,         32, 8, const char*),
            FROZEN_MEMBER(format,       40, 4, confscope_format),
            FROZEN_MEMBER(scope,        44, 4, confscope_scope),
            FROZEN_MEMBER(os_mask,      48, 4, uint32_t)),
        FROZEN_STRUCT(confscope_rule_v1, 48,
            FROZEN_MEMBER(struct_size,   0, 4, uint32_t),
            FROZEN_MEMBER(id,            8, 8, const char*),
            FROZEN_MEMBER(severity,     16, 4, confscope_severity),
            FROZEN_MEMBER(title,        24, 8, const char*),
            FROZEN_MEMBER(help,         32, 8, const char*),
            FROZEN_MEMBER(help_uri,     40, 8, const char*)),
        FROZEN_STRUCT(confscope_item_v1, 72,
            FROZEN_MEMBER(struct_size,   0, 4, uint32_t),
            FROZEN_MEMBER(kind,          8, 8, const char*),
            FROZEN_MEMBER(client,       16, 8, const char*),
            FROZEN_MEMBER(scope,        24, 4, confscope_scope),
            FROZEN_MEMBER(name,         32, 8, const char*),
            FROZEN_MEMBER(data_json,    40, 8, const char*),
            FROZEN_MEMBER(pointer,      48, 8, const char*),
            FROZEN_MEMBER(line,         56, 4, uint32_t),
            FROZEN_MEMBER(column,       60, 4, uint32_t),
            FROZEN_MEMBER(path,         64, 8, const char*)),
        FROZEN_STRUCT(confscope_finding_v1, 56,
            FROZEN_MEMBER(struct_size,   0, 4, uint32_t),
            FROZEN_MEMBER(rule_id,       8, 8, const char*),
            FROZEN_MEMBER(severity,     16, 4, confscope_severity),
            FROZEN_MEMBER(message,      24, 8, const char*),
            FROZEN_MEMBER(pointer,      32, 8, const char*),
            FROZEN_MEMBER(line,         40, 4, uint32_t),
            FROZEN_MEMBER(column,       44, 4, uint32_t),
            FROZEN_MEMBER(path,         48, 8, const char*)),
        FROZEN_STRUCT(confscope_node_v1, 80,
            FROZEN_MEMBER(struct_size,    0, 4, uint32_t),
            FROZEN_MEMBER(kind,           4, 4, confscope_node_kind),
            FROZEN_MEMBER(pointer,        8, 8, const char*),
            FROZEN_MEMBER(key,           16, 8, const char*),
            FROZEN_MEMBER(value,         24, 8, const char*),
            FROZEN_MEMBER(value_size,    32, 8, size_t),
            FROZEN_MEMBER(parent,        40, 4, int32_t),
            FROZEN_MEMBER(child_count,   44, 4, uint32_t),
            FROZEN_MEMBER(line,          48, 4, uint32_t),
            FROZEN_MEMBER(column,        52, 4, uint32_t),
            FROZEN_MEMBER(value_offset,  56, 8, uint64_t),
            FROZEN_MEMBER(value_length,  64, 8, uint64_t),
            FROZEN_MEMBER(flags,         72, 4, uint32_t)),
        FROZEN_STRUCT(confscope_secret_v1, 40,
            FROZEN_MEMBER(struct_size,   0, 4, uint32_t),
            FROZEN_MEMBER(offset,        8, 8, uint64_t),
            FROZEN_MEMBER(length,       16, 8, uint64_t),
            FROZEN_MEMBER(line,         24, 4, uint32_t),
            FROZEN_MEMBER(column,       28, 4, uint32_t),
            FROZEN_MEMBER(kind,         32, 8, const char*)),
        FROZEN_STRUCT(confscope_document_v1, 88,
            FROZEN_MEMBER(struct_size,    0, 4, uint32_t),
            FROZEN_MEMBER(format,         4, 4, confscope_format),
            FROZEN_MEMBER(parse_status,   8, 4, confscope_status),
            FROZEN_MEMBER(parse_error,   16, 8, const char*),
            FROZEN_MEMBER(error_line,    24, 4, uint32_t),
            FROZEN_MEMBER(error_column,  28, 4, uint32_t),
            FROZEN_MEMBER(nodes,         32, 8, const confscope_node_v1* const*),
            FROZEN_MEMBER(node_count,    40, 8, size_t),
            FROZEN_MEMBER(bytes,         48, 8, const char*),
            FROZEN_MEMBER(byte_count,    56, 8, size_t),
            FROZEN_MEMBER(body_offset,   64, 8, size_t),
            FROZEN_MEMBER(secrets,       72, 8, const confscope_secret_v1* const*),
            FROZEN_MEMBER(secret_count,  80, 8, size_t)),
        FROZEN_STRUCT(confscope_file_v1, 120,
            FROZEN_MEMBER(struct_size,    0, 4, uint32_t),
            FROZEN_MEMBER(path,           8, 8, const char*),
            FROZEN_MEMBER(display_path,  16, 8, const char*),
            FROZEN_MEMBER(target_id,     24, 8, const char*),
            FROZEN_MEMBER(category,      32, 8, const char*),
            FROZEN_MEMBER(target_name,   40, 8, const char*),
            FROZEN_MEMBER(scope,         48, 4, confscope_scope),
            FROZEN_MEMBER(format,        52, 4, confscope_format),
            FROZEN_MEMBER(project_dir,   56, 8, const char*),
            FROZEN_MEMBER(size,          64, 8, uint64_t),
            FROZEN_MEMBER(mode,          72, 4, uint32_t),
            FROZEN_MEMBER(uid,           76, 4, uint32_t),
            FROZEN_MEMBER(gid,           80, 4, uint32_t),
            FROZEN_MEMBER(mtime_unix,    88, 8, int64_t),
            FROZEN_MEMBER(sha256_hex,    96, 8, const char*),
            FROZEN_MEMBER(flags,        104, 4, uint32_t),
            FROZEN_MEMBER(home_dir,     112, 8, const char*)),
        FROZEN_STRUCT(confscope_export_file_v1, 120,
            FROZEN_MEMBER(struct_size,     0, 4, uint32_t),
            FROZEN_MEMBER(plugin,          8, 8, const char*),
            FROZEN_MEMBER(category,       16, 8, const char*),
            FROZEN_MEMBER(target_name,    24, 8, const char*),
            FROZEN_MEMBER(scope,          32, 4, confscope_scope),
            FROZEN_MEMBER(format,         36, 4, confscope_format),
            FROZEN_MEMBER(path,           40, 8, const char*),
            FROZEN_MEMBER(display_path,   48, 8, const char*),
            FROZEN_MEMBER(repo_path,      56, 8, const char*),
            FROZEN_MEMBER(exists,         64, 4, int32_t),
            FROZEN_MEMBER(size,           72, 8, uint64_t),
            FROZEN_MEMBER(mode,           80, 4, uint32_t),
            FROZEN_MEMBER(modified_time,  88, 8, const char*),
            FROZEN_MEMBER(sha256_hex,     96, 8, const char*),
            FROZEN_MEMBER(parse_error,   104, 8, const char*),
            FROZEN_MEMBER(error,         112, 8, const char*)),
        FROZEN_STRUCT(confscope_export_item_v1, 88,
            FROZEN_MEMBER(struct_size,    0, 4, uint32_t),
            FROZEN_MEMBER(plugin,         8, 8, const char*),
            FROZEN_MEMBER(kind,          16, 8, const char*),
            FROZEN_MEMBER(client,        24, 8, const char*),
            FROZEN_MEMBER(scope,         32, 4, confscope_scope),
            FROZEN_MEMBER(name,          40, 8, const char*),
            FROZEN_MEMBER(data_json,     48, 8, const char*),
            FROZEN_MEMBER(file,          56, 8, size_t),
            FROZEN_MEMBER(display_path,  64, 8, const char*),
            FROZEN_MEMBER(pointer,       72, 8, const char*),
            FROZEN_MEMBER(line,          80, 4, uint32_t),
            FROZEN_MEMBER(column,        84, 4, uint32_t)),
        FROZEN_STRUCT(confscope_export_finding_v1, 104,
            FROZEN_MEMBER(struct_size,    0, 4, uint32_t),
            FROZEN_MEMBER(plugin,         8, 8, const char*),
            FROZEN_MEMBER(rule_id,       16, 8, const char*),
            FROZEN_MEMBER(severity,      24, 4, confscope_severity),
            FROZEN_MEMBER(message,       32, 8, const char*),
            FROZEN_MEMBER(file,          40, 8, size_t),
            FROZEN_MEMBER(display_path,  48, 8, const char*),
            FROZEN_MEMBER(repo_path,     56, 8, const char*),
            FROZEN_MEMBER(pointer,       64, 8, const char*),
            FROZEN_MEMBER(line,          72, 4, uint32_t),
            FROZEN_MEMBER(column,        76, 4, uint32_t),
            FROZEN_MEMBER(fingerprint,   80, 8, const char*),
            FROZEN_MEMBER(suppressed,    88, 4, int32_t),
            FROZEN_MEMBER(suppression,   96, 8, const char*)),
        FROZEN_STRUCT(confscope_export_rule_v1, 56,
            FROZEN_MEMBER(struct_size,   0, 4, uint32_t),
            FROZEN_MEMBER(id,            8, 8, const char*),
            FROZEN_MEMBER(plugin,       16, 8, const char*),
            FROZEN_MEMBER(severity,     24, 4, confscope_severity),
            FROZEN_MEMBER(title,        32, 8, const char*),
            FROZEN_MEMBER(help,         40, 8, const char*),
            FROZEN_MEMBER(help_uri,     48, 8, const char*)),
        FROZEN_STRUCT(confscope_export_plugin_v1, 48,
            FROZEN_MEMBER(struct_size,      0, 4, uint32_t),
            FROZEN_MEMBER(name,             8, 8, const char*),
            FROZEN_MEMBER(version,         16, 8, const char*),
            FROZEN_MEMBER(failed,          24, 4, int32_t),
            FROZEN_MEMBER(error,           32, 8, const char*),
            FROZEN_MEMBER(files_analyzed,  40, 8, uint64_t)),
        FROZEN_STRUCT(confscope_export_input_v1, 256,
            FROZEN_MEMBER(struct_size,          0, 4, uint32_t),
            FROZEN_MEMBER(scan_uuid,            8, 8, const char*),
            FROZEN_MEMBER(complete,            16, 4, int32_t),
            FROZEN_MEMBER(started_at,          24, 8, const char*),
            FROZEN_MEMBER(finished_at,         32, 8, const char*),
            FROZEN_MEMBER(duration_ms,         40, 8, int64_t),
            FROZEN_MEMBER(host,                48, 8, const char*),
            FROZEN_MEMBER(username,            56, 8, const char*),
            FROZEN_MEMBER(os_type,             64, 8, const char*),
            FROZEN_MEMBER(os_version,          72, 8, const char*),
            FROZEN_MEMBER(home,                80, 8, const char*),
            FROZEN_MEMBER(system_root,         88, 8, const char*),
            FROZEN_MEMBER(roots,               96, 8, const char* const*),
            FROZEN_MEMBER(root_count,         104, 8, size_t),
            FROZEN_MEMBER(tool_version,       112, 8, const char*),
            FROZEN_MEMBER(locations_checked,  120, 8, uint64_t),
            FROZEN_MEMBER(directories_walked, 128, 8, uint64_t),
            FROZEN_MEMBER(unreadable,         136, 8, uint64_t),
            FROZEN_MEMBER(option_keys,        144, 8, const char* const*),
            FROZEN_MEMBER(option_values,      152, 8, const char* const*),
            FROZEN_MEMBER(option_count,       160, 8, size_t),
            FROZEN_MEMBER(fail_on,            168, 4, confscope_severity),
            FROZEN_MEMBER(files,              176, 8, const confscope_export_file_v1* const*),
            FROZEN_MEMBER(file_count,         184, 8, size_t),
            FROZEN_MEMBER(items,              192, 8, const confscope_export_item_v1* const*),
            FROZEN_MEMBER(item_count,         200, 8, size_t),
            FROZEN_MEMBER(findings,           208, 8, const confscope_export_finding_v1* const*),
            FROZEN_MEMBER(finding_count,      216, 8, size_t),
            FROZEN_MEMBER(rules,              224, 8, const confscope_export_rule_v1* const*),
            FROZEN_MEMBER(rule_count,         232, 8, size_t),
            FROZEN_MEMBER(plugins,            240, 8, const confscope_export_plugin_v1* const*),
            FROZEN_MEMBER(plugin_count,       248, 8, size_t)),
        FROZEN_STRUCT(confscope_host_v1, 64,
            FROZEN_MEMBER(struct_size,    0, 4, uint32_t),
            FROZEN_MEMBER(abi_major,      4, 4, uint32_t),
            FROZEN_MEMBER(abi_minor,      8, 4, uint32_t),
            FROZEN_MEMBER(context,       16, 8, void*),
            FROZEN_MEMBER(emit_item,     24, 8, confscope_status (*)(
                void*, const confscope_item_v1*)),
            FROZEN_MEMBER(emit_finding,  32, 8, confscope_status (*)(
                void*, const confscope_finding_v1*)),
            FROZEN_MEMBER(log,           40, 8, void (*)(void*, confscope_log_level, const char*)),
            FROZEN_MEMBER(cancelled,     48, 8, int32_t (*)(void*)),
            FROZEN_MEMBER(write,         56, 8, confscope_status (*)(void*, const char*, size_t))),
        FROZEN_STRUCT(confscope_plugin_v1, 160,
            FROZEN_MEMBER(struct_size,      0, 4, uint32_t),
            FROZEN_MEMBER(abi_major,        4, 4, uint32_t),
            FROZEN_MEMBER(abi_minor,        8, 4, uint32_t),
            FROZEN_MEMBER(required_minor,  12, 4, uint32_t),
            FROZEN_MEMBER(name,            16, 8, const char*),
            FROZEN_MEMBER(version,         24, 8, const char*),
            FROZEN_MEMBER(summary,         32, 8, const char*),
            FROZEN_MEMBER(license,         40, 8, const char*),
            FROZEN_MEMBER(contact,         48, 8, const char*),
            FROZEN_MEMBER(kinds,           56, 4, uint32_t),
            FROZEN_MEMBER(family,          64, 8, const char*),
            FROZEN_MEMBER(config_schema,   72, 8, const char*),
            FROZEN_MEMBER(rules,           80, 8, const confscope_rule_v1* const*),
            FROZEN_MEMBER(rule_count,      88, 8, size_t),
            FROZEN_MEMBER(create,          96, 8, confscope_status (*)(
                const char*, const confscope_host_v1*, confscope_instance**)),
            FROZEN_MEMBER(destroy,        104, 8, void (*)(confscope_instance*)),
            FROZEN_MEMBER(last_error,     112, 8, const char* (*)(const confscope_instance*)),
            FROZEN_MEMBER(targets,        120, 8, confscope_status (*)(
                confscope_instance*, const confscope_target_v1* const**, size_t*)),
            FROZEN_MEMBER(analyze,        128, 8, confscope_status (*)(
                confscope_instance*, const confscope_file_v1*, const confscope_document_v1*,
                const confscope_host_v1*)),
            FROZEN_MEMBER(export_scan,    136, 8, confscope_status (*)(
                confscope_instance*, const confscope_export_input_v1*, const confscope_host_v1*)),
            FROZEN_MEMBER(finish,         144, 8, confscope_status (*)(
                confscope_instance*, const confscope_host_v1*)),
            FROZEN_MEMBER(instance_rules, 152, 8, confscope_status (*)(
                confscope_instance*, const confscope_rule_v1* const**, size_t*))),
    };
    return structs;
}
// clang-format on

#undef FROZEN_STRUCT
#undef FROZEN_MEMBER

struct FrozenConstant {
    std::string_view name;
    std::int64_t value;
    std::int64_t frozen_value;
};
FrozenConstant constant_value(std::string_view name, std::int64_t value,
                              std::int64_t frozen_value) {
    return {name, value, frozen_value};
}

#define FROZEN_CONSTANT(name, frozen_value) \
    constant_value(#name, static_cast<std::int64_t>(name), frozen_value)

// Every numeric #define of the header with its ABI 1.0 value (CONFSCOPE_ABI_MINOR is checked
// against kFrozenTableMinor instead: it is the one constant a minor raises).
const std::vector<FrozenConstant>& frozen_constants() {
    static const std::vector<FrozenConstant> constants = {
        FROZEN_CONSTANT(CONFSCOPE_ABI_MAJOR, 1),
        // Status codes (abseil's canonical numbers).
        FROZEN_CONSTANT(CONFSCOPE_OK, 0),
        FROZEN_CONSTANT(CONFSCOPE_CANCELLED, 1),
        FROZEN_CONSTANT(CONFSCOPE_UNKNOWN, 2),
        FROZEN_CONSTANT(CONFSCOPE_INVALID_ARGUMENT, 3),
        FROZEN_CONSTANT(CONFSCOPE_DEADLINE_EXCEEDED, 4),
        FROZEN_CONSTANT(CONFSCOPE_NOT_FOUND, 5),
        FROZEN_CONSTANT(CONFSCOPE_ALREADY_EXISTS, 6),
        FROZEN_CONSTANT(CONFSCOPE_PERMISSION_DENIED, 7),
        FROZEN_CONSTANT(CONFSCOPE_RESOURCE_EXHAUSTED, 8),
        FROZEN_CONSTANT(CONFSCOPE_FAILED_PRECONDITION, 9),
        FROZEN_CONSTANT(CONFSCOPE_ABORTED, 10),
        FROZEN_CONSTANT(CONFSCOPE_OUT_OF_RANGE, 11),
        FROZEN_CONSTANT(CONFSCOPE_UNIMPLEMENTED, 12),
        FROZEN_CONSTANT(CONFSCOPE_INTERNAL, 13),
        FROZEN_CONSTANT(CONFSCOPE_UNAVAILABLE, 14),
        FROZEN_CONSTANT(CONFSCOPE_DATA_LOSS, 15),
        FROZEN_CONSTANT(CONFSCOPE_UNAUTHENTICATED, 16),
        // Severities.
        FROZEN_CONSTANT(CONFSCOPE_SEVERITY_INFO, 0),
        FROZEN_CONSTANT(CONFSCOPE_SEVERITY_LOW, 1),
        FROZEN_CONSTANT(CONFSCOPE_SEVERITY_MEDIUM, 2),
        FROZEN_CONSTANT(CONFSCOPE_SEVERITY_HIGH, 3),
        FROZEN_CONSTANT(CONFSCOPE_SEVERITY_CRITICAL, 4),
        // Formats.
        FROZEN_CONSTANT(CONFSCOPE_FORMAT_UNKNOWN, 0),
        FROZEN_CONSTANT(CONFSCOPE_FORMAT_JSON, 1),
        FROZEN_CONSTANT(CONFSCOPE_FORMAT_JSONC, 2),
        FROZEN_CONSTANT(CONFSCOPE_FORMAT_TOML, 3),
        FROZEN_CONSTANT(CONFSCOPE_FORMAT_YAML, 4),
        FROZEN_CONSTANT(CONFSCOPE_FORMAT_MARKDOWN, 5),
        FROZEN_CONSTANT(CONFSCOPE_FORMAT_TEXT, 6),
        // Scopes.
        FROZEN_CONSTANT(CONFSCOPE_SCOPE_UNKNOWN, 0),
        FROZEN_CONSTANT(CONFSCOPE_SCOPE_USER, 1),
        FROZEN_CONSTANT(CONFSCOPE_SCOPE_PROJECT, 2),
        FROZEN_CONSTANT(CONFSCOPE_SCOPE_LOCAL, 3),
        FROZEN_CONSTANT(CONFSCOPE_SCOPE_MANAGED, 4),
        FROZEN_CONSTANT(CONFSCOPE_SCOPE_SYSTEM, 5),
        FROZEN_CONSTANT(CONFSCOPE_SCOPE_PLUGIN, 6),
        // Node kinds.
        FROZEN_CONSTANT(CONFSCOPE_NODE_OBJECT, 1),
        FROZEN_CONSTANT(CONFSCOPE_NODE_ARRAY, 2),
        FROZEN_CONSTANT(CONFSCOPE_NODE_STRING, 3),
        FROZEN_CONSTANT(CONFSCOPE_NODE_NUMBER, 4),
        FROZEN_CONSTANT(CONFSCOPE_NODE_BOOL, 5),
        FROZEN_CONSTANT(CONFSCOPE_NODE_NULL, 6),
        // Node flags.
        FROZEN_CONSTANT(CONFSCOPE_NODE_FLAG_SECRET_TOKEN, 0x1),
        FROZEN_CONSTANT(CONFSCOPE_NODE_FLAG_SECRET_ENTROPY, 0x2),
        FROZEN_CONSTANT(CONFSCOPE_NODE_FLAG_REFERENCE, 0x4),
        FROZEN_CONSTANT(CONFSCOPE_NODE_FLAG_PLACEHOLDER, 0x8),
        // File flags.
        FROZEN_CONSTANT(CONFSCOPE_FILE_FLAG_SYMLINK, 0x1),
        FROZEN_CONSTANT(CONFSCOPE_FILE_FLAG_TRUNCATED, 0x2),
        FROZEN_CONSTANT(CONFSCOPE_FILE_FLAG_IN_GIT_REPO, 0x4),
        FROZEN_CONSTANT(CONFSCOPE_FILE_FLAG_GIT_TRACKED, 0x8),
        FROZEN_CONSTANT(CONFSCOPE_FILE_FLAG_PARENT_SYMLINK, 0x10),
        // Operating systems.
        FROZEN_CONSTANT(CONFSCOPE_OS_LINUX, 0x1),
        FROZEN_CONSTANT(CONFSCOPE_OS_MACOS, 0x2),
        FROZEN_CONSTANT(CONFSCOPE_OS_WINDOWS, 0x4),
        // Plugin kinds.
        FROZEN_CONSTANT(CONFSCOPE_KIND_SCANNER, 0x1),
        FROZEN_CONSTANT(CONFSCOPE_KIND_EXPORTER, 0x2),
        // Log levels.
        FROZEN_CONSTANT(CONFSCOPE_LOG_TRACE, 0),
        FROZEN_CONSTANT(CONFSCOPE_LOG_DEBUG, 1),
        FROZEN_CONSTANT(CONFSCOPE_LOG_INFO, 2),
        FROZEN_CONSTANT(CONFSCOPE_LOG_WARNING, 3),
        FROZEN_CONSTANT(CONFSCOPE_LOG_ERROR, 4),
    };
    return constants;
}

#undef FROZEN_CONSTANT

// The header's string constants: the entry symbol's name and the manifest marker are looked up by
// name in files built long ago.
struct FrozenString {
    std::string_view name;
    std::string_view value;
    std::string_view frozen_value;
};
const std::vector<FrozenString>& frozen_strings() {
    static const std::vector<FrozenString> strings = {
        {"CONFSCOPE_ENTRY_SYMBOL_V1", CONFSCOPE_ENTRY_SYMBOL_V1, "confscope_plugin_entry_v1"},
        {"CONFSCOPE_MANIFEST_MARKER_V1", CONFSCOPE_MANIFEST_MARKER_V1, "CONFSCOPE_MANIFEST_V1"},
    };
    return strings;
}

// The header's value typedefs: the enumerations are int32_t on every compiler, and the entry
// point's type is the one thing every plugin exports.
struct FrozenTypedef {
    std::string_view name;
    std::string_view frozen_type;
    bool same_type;
};
template <class Declared, class Frozen>
FrozenTypedef typedef_layout(std::string_view name, std::string_view frozen_type) {
    return {name, frozen_type, std::is_same_v<Declared, Frozen>};
}
#define FROZEN_TYPEDEF(name, ...) typedef_layout<name, __VA_ARGS__>(#name, #__VA_ARGS__)
const std::vector<FrozenTypedef>& frozen_typedefs() {
    static const std::vector<FrozenTypedef> typedefs = {
        FROZEN_TYPEDEF(confscope_status, int32_t),
        FROZEN_TYPEDEF(confscope_severity, int32_t),
        FROZEN_TYPEDEF(confscope_format, int32_t),
        FROZEN_TYPEDEF(confscope_scope, int32_t),
        FROZEN_TYPEDEF(confscope_node_kind, int32_t),
        FROZEN_TYPEDEF(confscope_log_level, int32_t),
        FROZEN_TYPEDEF(confscope_plugin_entry_v1_fn, const confscope_plugin_v1* (*)(void)),
    };
    return typedefs;
}
#undef FROZEN_TYPEDEF

using NameSet = std::set<std::string, std::less<>>;

// The header's object-like macros that are not ABI constants.
const NameSet kNonConstantMacros = {"CONFSCOPE_PLUGIN_API_H", "CONFSCOPE_PLUGIN_EXPORT"};

std::string header_text() {
    return confscope::test::read_file(confscope::test::source_dir() /
                                      "plugin-api/include/confscope/plugin_api.h");
}

// The first capture group of every match of `pattern` in `text`.
NameSet captures(const std::string& text, const std::regex& pattern) {
    NameSet found;
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
        found.insert((*it)[1].str());
    return found;
}

std::string qualified(const StructLayout& layout, const MemberLayout& member) {
    return std::string(layout.name) + "::" + std::string(member.name);
}

std::size_t round_up(std::size_t size, std::size_t alignment) {
    return (size + alignment - 1) / alignment * alignment;
}

std::string appended_message(const StructLayout& layout) {
    std::ostringstream message;
    message << layout.name << " has " << layout.member_count << " members, the frozen table lists "
            << layout.members.size() << ": a member was appended to " << layout.name
            << ": add it to the frozen table (and bump CONFSCOPE_ABI_MINOR if it is a new minor); "
               "a member inserted before the end, even into padding, is a new ABI major: see "
               "docs/ABI.md";
    return message.str();
}

// Compares the names a scan of the header's text found with the names the table lists. Every name
// the table lists exists (the test would not compile otherwise), so a listed name the scan missed
// means the scan's pattern no longer matches how the header is written.
void check_table_lists_header(const NameSet& in_header, const NameSet& listed,
                              std::string_view what, std::string_view advice) {
    for (const std::string& name : in_header) {
        BOOST_TEST(listed.count(name) == 1,
                   "plugin_api.h declares "
                       << what << " " << name
                       << " but the frozen table does not list it: " << advice);
    }
    for (const std::string& name : listed) {
        BOOST_TEST(in_header.count(name) == 1,
                   "the scan of plugin_api.h did not find "
                       << what << " " << name
                       << ": its pattern in abi_layout_test.cpp no longer matches the header");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(abi_layout)

BOOST_AUTO_TEST_CASE(every_member_keeps_its_offset_size_and_type) {
    for (const StructLayout& layout : frozen_structs()) {
        for (const MemberLayout& member : layout.members) {
            BOOST_TEST(member.offset == member.frozen_offset,
                       qualified(layout, member)
                           << " moved: frozen at offset " << member.frozen_offset << ", now at "
                           << member.offset << ": " << kLayoutRule);
            BOOST_TEST(member.size == member.frozen_size,
                       qualified(layout, member)
                           << " changed size: frozen " << member.frozen_size << " bytes, now "
                           << member.size << ": " << kLayoutRule);
            BOOST_TEST(member.same_type, qualified(layout, member)
                                             << " is no longer declared as " << member.frozen_type
                                             << ": " << kLayoutRule);
        }
    }
}

BOOST_AUTO_TEST_CASE(structs_only_grow) {
    for (const StructLayout& layout : frozen_structs()) {
        BOOST_TEST(layout.size >= layout.frozen_size_at_1_0,
                   "sizeof(" << layout.name << ") is " << layout.size << ", below ABI 1.0's "
                             << layout.frozen_size_at_1_0 << ": " << kLayoutRule);
    }
}

// The table must list every member, or a member appended (or slipped into padding) would go
// unchecked. Two independent checks: the member count Boost.PFR sees, and the struct's size,
// which must end, after alignment padding, right where the last listed member ends.
BOOST_AUTO_TEST_CASE(the_table_lists_every_member) {
    for (const StructLayout& layout : frozen_structs()) {
        BOOST_TEST_CONTEXT(layout.name) {
            BOOST_TEST_REQUIRE(!layout.members.empty());
            for (std::size_t i = 1; i < layout.members.size(); ++i) {
                BOOST_TEST(layout.members[i - 1].frozen_offset < layout.members[i].frozen_offset,
                           "the frozen table lists " << qualified(layout, layout.members[i - 1])
                                                     << " after a member it precedes: keep the "
                                                        "rows in declaration order");
            }
            BOOST_TEST(layout.member_count == layout.members.size(), appended_message(layout));
            const MemberLayout& last = layout.members.back();
            BOOST_TEST(round_up(last.offset + last.size, layout.alignment) == layout.size,
                       appended_message(layout));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_table_lists_every_struct_of_the_header) {
    NameSet listed;
    for (const StructLayout& layout : frozen_structs())
        listed.emplace(layout.name);
    check_table_lists_header(
        captures(header_text(), std::regex(R"(\bstruct\s+(\w+)\s*\{)")), listed, "struct",
        "add a FROZEN_STRUCT with every member (and bump CONFSCOPE_ABI_MINOR if it is a new "
        "minor)");
}

BOOST_AUTO_TEST_CASE(constants_keep_their_values) {
    for (const FrozenConstant& constant : frozen_constants()) {
        BOOST_TEST(constant.value == constant.frozen_value,
                   constant.name << " is " << constant.value << ", frozen at "
                                 << constant.frozen_value << ": " << kConstantRule);
    }
    for (const FrozenString& constant : frozen_strings()) {
        BOOST_TEST(constant.value == constant.frozen_value,
                   constant.name << " is \"" << constant.value << "\", frozen at \""
                                 << constant.frozen_value << "\": " << kConstantRule);
    }
    for (const FrozenTypedef& type : frozen_typedefs()) {
        BOOST_TEST(type.same_type,
                   type.name << " is no longer " << type.frozen_type << ": " << kTypeRule);
    }
    BOOST_TEST(CONFSCOPE_ABI_MINOR == kFrozenTableMinor,
               "CONFSCOPE_ABI_MINOR is " << CONFSCOPE_ABI_MINOR
                                         << " but the frozen table describes ABI 1."
                                         << kFrozenTableMinor
                                         << ": a new minor appends its members and constants to "
                                            "the table and raises kFrozenTableMinor with it");
}

BOOST_AUTO_TEST_CASE(the_table_lists_every_constant_and_typedef_of_the_header) {
    const std::string header = header_text();

    // Object-like macros only: a '(' right after the name makes a function-like macro.
    NameSet listed_macros = kNonConstantMacros;
    listed_macros.emplace("CONFSCOPE_ABI_MINOR");
    for (const FrozenConstant& constant : frozen_constants())
        listed_macros.emplace(constant.name);
    for (const FrozenString& constant : frozen_strings())
        listed_macros.emplace(constant.name);
    check_table_lists_header(
        captures(header,
                 std::regex(R"((?:^|\n)[ \t]*#[ \t]*define[ \t]+(CONFSCOPE_\w+)(?!\w|\())")),
        listed_macros, "constant",
        "add it with its value (and bump CONFSCOPE_ABI_MINOR if it is a new minor)");

    // "typedef <type> confscope_x;" and "typedef <result> (*confscope_x)(<parameters>);"
    NameSet typedefs =
        captures(header, std::regex(R"(typedef\s+(?:const\s+)?\w+\s*\*?\s+(confscope_\w+)\s*;)"));
    typedefs.merge(captures(header, std::regex(R"(typedef[^;{}]*\(\s*\*\s*(confscope_\w+)\s*\))")));
    NameSet listed_typedefs;
    for (const FrozenTypedef& type : frozen_typedefs())
        listed_typedefs.emplace(type.name);
    check_table_lists_header(
        typedefs, listed_typedefs, "typedef",
        "add it with its type (and bump CONFSCOPE_ABI_MINOR if it is a new minor)");
}

BOOST_AUTO_TEST_SUITE_END()
