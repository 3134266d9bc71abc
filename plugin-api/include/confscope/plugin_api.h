/*
 * confscope/plugin_api.h — the stable C ABI between the confscope host and its plugins (ABI v1).
 *
 * This header is the whole contract. It is plain C99 so that a plugin built by another compiler,
 * another C++ standard library or another language still loads. No C++ type crosses the boundary.
 * Plugin authors normally use the C++ SDK (<confscope/sdk/plugin.hpp>), which generates everything
 * below from an ordinary class; this header is what the SDK and the host agree on.
 *
 * ------------------------------------------------------------------------------------------------
 * Entry point
 * ------------------------------------------------------------------------------------------------
 * A plugin is a shared library that exports exactly one symbol per ABI major it implements:
 *
 *     CONFSCOPE_PLUGIN_EXPORT const confscope_plugin_v1* confscope_plugin_entry_v1(void);
 *
 * It returns a pointer to a descriptor in static storage (never NULL for a working plugin; the host
 * refuses a plugin whose entry returns NULL). The host calls it once per load. The major version is
 * part of the symbol name, so a plugin built for another major is refused by reading the symbol
 * table, without loading it.
 *
 * ------------------------------------------------------------------------------------------------
 * Versioning (see docs/ABI.md)
 * ------------------------------------------------------------------------------------------------
 * - Every struct starts with `uint32_t struct_size`, set by whoever fills the struct to
 *   sizeof(the struct as that party compiled it).
 * - A minor version only appends members at the end of structs, and appends constants. It never
 *   removes, reorders or retypes a member. A reader reads a member only if it lies entirely inside
 *   the `struct_size` the writer set (CONFSCOPE_HAS_MEMBER below); otherwise the member takes its
 *   documented default.
 * - The host accepts a plugin when the majors are equal and the host's minor is at least the
 *   plugin's `required_minor`.
 * - Anything that changes the meaning or layout of an existing member is a new major, with a new
 *   entry symbol (confscope_plugin_entry_v2) that a plugin may export beside the old one.
 *
 * ------------------------------------------------------------------------------------------------
 * Memory and lifetime rules (they hold for every function below)
 * ------------------------------------------------------------------------------------------------
 * - Inputs are borrowed: every pointer the host passes in is valid only for the duration of the
 * call that received it. A plugin copies what it wants to keep.
 * - Outputs stay plugin-owned: every pointer a plugin returns (strings, arrays, the descriptor)
 * stays valid until the next call on the same instance (the descriptor: until the library is
 * unloaded). The host copies at once and never frees plugin memory.
 * - Callbacks copy: the host copies everything passed to a host callback before the callback
 * returns, so a plugin may pass pointers to its stack.
 * - Nothing is freed across the boundary; nothing throws across the boundary (C++ plugins catch
 *   every exception and turn it into a status; the SDK does this for you).
 * - Strings are UTF-8 and NUL-terminated unless a size accompanies them. A NULL `const char*`
 * member that is documented as optional means "absent" and reads as the empty string.
 * - Arrays are passed as an array of pointers to structs plus a count, so every element carries its
 *   own struct_size and no reader needs to know the writer's sizeof.
 *
 * ------------------------------------------------------------------------------------------------
 * Threading
 * ------------------------------------------------------------------------------------------------
 * The host never calls into one instance from two threads at once. It may create several instances
 * of one plugin and use them from different threads, so plugin-global mutable state needs care.
 *
 * ------------------------------------------------------------------------------------------------
 * Call sequence
 * ------------------------------------------------------------------------------------------------
 *   entry() -> descriptor
 *   create(config, host, &instance)
 *   scanner:  targets(instance, &list, &count)        once, before any analyze
 *             analyze(instance, file, document, host) once per matching file, in any order
 *             finish(instance, host)                  once, after the last analyze (optional)
 *   exporter: export_scan(instance, input, host)      once per export
 *   destroy(instance)                                 always, exactly once per created instance,
 *                                                     before the library is unloaded
 */
#ifndef CONFSCOPE_PLUGIN_API_H
#define CONFSCOPE_PLUGIN_API_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================== */
/* Versions and symbols                                                                           */
/* ============================================================================================== */

/** The ABI major this header describes. Part of the entry symbol's name. */
#define CONFSCOPE_ABI_MAJOR 1
/** The ABI minor this header describes. Raised when members or constants are appended. */
#define CONFSCOPE_ABI_MINOR 0

/** Name of the entry symbol for this major, for dlsym-style lookups. */
#define CONFSCOPE_ENTRY_SYMBOL_V1 "confscope_plugin_entry_v1"

/**
 * Marker that starts the manifest a plugin embeds in its file bytes, so the host can read the
 * plugin's name, version and required minor before loading it. The manifest is this marker followed
 * immediately by a JSON object and a NUL byte, e.g.
 *   CONFSCOPE_MANIFEST_V1{"abi":1,"name":"claude-code","version":"1.0.0","required_minor":0,
 *                         "kinds":["scanner"],"family":"claude-code"}
 * The SDK's CMake function confscope_add_plugin() generates it; hand-built plugins may write it
 * themselves (see docs/ABI.md).
 */
#define CONFSCOPE_MANIFEST_MARKER_V1 "CONFSCOPE_MANIFEST_V1"

#if defined(_WIN32)
#define CONFSCOPE_PLUGIN_EXPORT __declspec(dllexport)
#else
#define CONFSCOPE_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/**
 * True when the struct pointed to by `ptr` (which starts with struct_size) contains all of
 * `member`. Use it before reading any member appended after v1.0.
 */
#ifdef __cplusplus
#define CONFSCOPE_HAS_MEMBER(ptr, type, member) \
    ((ptr)->struct_size >= offsetof(type, member) + sizeof(static_cast<type*>(nullptr)->member))
#else
#define CONFSCOPE_HAS_MEMBER(ptr, type, member) \
    ((ptr)->struct_size >= offsetof(type, member) + sizeof(((type*)0)->member))
#endif

/* ============================================================================================== */
/* Status codes — the canonical numbers of abseil's absl::StatusCode (and gRPC).                  */
/* Every function that can fail returns one; on anything but CONFSCOPE_OK the plugin's            */
/* last_error() explains.                                                                         */
/* ============================================================================================== */

typedef int32_t confscope_status;
#define CONFSCOPE_OK 0
#define CONFSCOPE_CANCELLED 1
#define CONFSCOPE_UNKNOWN 2
#define CONFSCOPE_INVALID_ARGUMENT 3
#define CONFSCOPE_DEADLINE_EXCEEDED 4
#define CONFSCOPE_NOT_FOUND 5
#define CONFSCOPE_ALREADY_EXISTS 6
#define CONFSCOPE_PERMISSION_DENIED 7
#define CONFSCOPE_RESOURCE_EXHAUSTED 8
#define CONFSCOPE_FAILED_PRECONDITION 9
#define CONFSCOPE_ABORTED 10
#define CONFSCOPE_OUT_OF_RANGE 11
#define CONFSCOPE_UNIMPLEMENTED 12
#define CONFSCOPE_INTERNAL 13
#define CONFSCOPE_UNAVAILABLE 14
#define CONFSCOPE_DATA_LOSS 15
#define CONFSCOPE_UNAUTHENTICATED 16

/* ============================================================================================== */
/* Enumerations (int32_t-sized on every compiler; unknown values must be tolerated)               */
/* ============================================================================================== */

/** Severity of a finding, lowest first. */
typedef int32_t confscope_severity;
#define CONFSCOPE_SEVERITY_INFO 0
#define CONFSCOPE_SEVERITY_LOW 1
#define CONFSCOPE_SEVERITY_MEDIUM 2
#define CONFSCOPE_SEVERITY_HIGH 3
#define CONFSCOPE_SEVERITY_CRITICAL 4

/** File formats the host parses into the document model. */
typedef int32_t confscope_format;
#define CONFSCOPE_FORMAT_UNKNOWN 0
#define CONFSCOPE_FORMAT_JSON 1     /**< JSON; BOM, comments and trailing commas are tolerated */
#define CONFSCOPE_FORMAT_JSONC 2    /**< JSON with comments (VS Code, Zed) */
#define CONFSCOPE_FORMAT_TOML 3     /**< TOML */
#define CONFSCOPE_FORMAT_YAML 4     /**< YAML (first document) */
#define CONFSCOPE_FORMAT_MARKDOWN 5 /**< Markdown; the YAML front matter becomes the nodes */
#define CONFSCOPE_FORMAT_TEXT 6     /**< plain text; no nodes, bytes only */

/** Where a configuration file sits in its client's precedence. */
typedef int32_t confscope_scope;
#define CONFSCOPE_SCOPE_UNKNOWN 0
#define CONFSCOPE_SCOPE_USER 1 /**< the user's own files under the home folder */
#define CONFSCOPE_SCOPE_PROJECT \
    2 /**< files committed in a project (a repository can approve itself) */
#define CONFSCOPE_SCOPE_LOCAL 3   /**< per-user files inside a project, normally not committed */
#define CONFSCOPE_SCOPE_MANAGED 4 /**< administrator-managed policy files */
#define CONFSCOPE_SCOPE_SYSTEM 5  /**< machine-wide files that are not policy (e.g. /etc/...) */
#define CONFSCOPE_SCOPE_PLUGIN 6  /**< files shipped inside a client's own plugin or extension */

/** Kind of a document node. */
typedef int32_t confscope_node_kind;
#define CONFSCOPE_NODE_OBJECT 1
#define CONFSCOPE_NODE_ARRAY 2
#define CONFSCOPE_NODE_STRING 3
#define CONFSCOPE_NODE_NUMBER 4
#define CONFSCOPE_NODE_BOOL 5
#define CONFSCOPE_NODE_NULL 6

/** Bit flags the host sets on document nodes (confscope_node_v1.flags). */
/* The string matches a known token shape (sk-ant-, ghp_, AKIA, PEM, JWT, Bearer, ...). */
#define CONFSCOPE_NODE_FLAG_SECRET_TOKEN 0x1u
/* A secret-named key (token, secret, password, ..._KEY, Authorization) with a long, random value.
 */
#define CONFSCOPE_NODE_FLAG_SECRET_ENTROPY 0x2u
/* A reference, not a literal: ${VAR}, ${VAR:-x}, $VAR, env:NAME, {{secret}}, %VAR%, "". */
#define CONFSCOPE_NODE_FLAG_REFERENCE 0x4u
/* An obvious placeholder, not a credential: "<your-key>", "your_token_here", "xxxxxxxx",
 * "changeme", an existing redaction marker. */
#define CONFSCOPE_NODE_FLAG_PLACEHOLDER 0x8u

/** Bit flags on a file (confscope_file_v1.flags). */
/* The path found is a symbolic link (metadata is of its target). */
#define CONFSCOPE_FILE_FLAG_SYMLINK 0x1u
/* The file exceeded the size limit; bytes are absent. */
#define CONFSCOPE_FILE_FLAG_TRUNCATED 0x2u
/* The file lies inside a git work tree (a folder above it, up to the scan root or home, has .git).
 */
#define CONFSCOPE_FILE_FLAG_IN_GIT_REPO 0x4u
/* The file is tracked by git: its path is in that work tree's index (it is, or will be, committed).
 */
#define CONFSCOPE_FILE_FLAG_GIT_TRACKED 0x8u
/* A folder between the project folder (or the home) and the file is a symbolic link
 * (e.g. <project>/.claude -> elsewhere). */
#define CONFSCOPE_FILE_FLAG_PARENT_SYMLINK 0x10u

/** Operating systems, as bits (confscope_target_v1.os_mask; 0 means every OS). */
#define CONFSCOPE_OS_LINUX 0x1u
#define CONFSCOPE_OS_MACOS 0x2u
#define CONFSCOPE_OS_WINDOWS 0x4u

/** Capabilities of a plugin (confscope_plugin_v1.kinds, a bit set). */
#define CONFSCOPE_KIND_SCANNER 0x1u  /**< implements targets() and analyze() */
#define CONFSCOPE_KIND_EXPORTER 0x2u /**< implements export_scan() */

/** Log levels for confscope_host_v1.log. */
typedef int32_t confscope_log_level;
#define CONFSCOPE_LOG_TRACE 0
#define CONFSCOPE_LOG_DEBUG 1
#define CONFSCOPE_LOG_INFO 2
#define CONFSCOPE_LOG_WARNING 3
#define CONFSCOPE_LOG_ERROR 4

/* ============================================================================================== */
/* Plugin -> host data                                                                            */
/* ============================================================================================== */

// A location a scanner wants the host to look at. Returned by targets(); plugin-owned.
//
// `path` is a template made of placeholders, literal segments and globs, with '/' as separator on
// every OS:
//   {HOME} {CLAUDE_CONFIG_DIR} {XDG_CONFIG_HOME} {XDG_DATA_HOME} {APPDATA} {LOCALAPPDATA}
//   {PROGRAMDATA} {USERPROFILE} {CLAUDE_MANAGED_DIR} {SYSTEM_ROOT} — resolved per OS under the
//   scan's --home / --system-root (docs/ABI.md lists each OS's values);
//   {PROJECT} — must come first; matched against every folder found while walking the --root trees.
// Globs: `*`, `?` and `[...]` within one segment, `**` for any number of segments; no "..".
//   "{CLAUDE_CONFIG_DIR}/settings.json", "{PROJECT}/.claude/rules/**/*.md"
// A file matched by a template without {PROJECT} is never also reported as a project file.
typedef struct confscope_target_v1 {
    uint32_t struct_size;    /**< required: sizeof(confscope_target_v1) as the plugin compiled it */
    const char* id;          /**< required: stable id, unique within the plugin ("user-settings") */
    const char* category;    /**< required: grouping for people ("settings", "mcp", "memory", ...).
                                  "credentials" marks a client's own credential store: the core's
                                  secret rules (SEC-006, FS-001) leave it to the plugin */
    const char* name;        /**< required: human name ("User settings") */
    const char* path;        /**< required: the template described above */
    confscope_format format; /**< required: how the host parses matching files */
    confscope_scope scope;   /**< required: the precedence level of matching files */
    uint32_t os_mask; /**< optional: CONFSCOPE_OS_* bits of the OSes where the location exists (a
                           legacy Windows path); 0 means every OS */
} confscope_target_v1;

/**
 * A rule a plugin can report, for catalogues, reports and SARIF. Part of the descriptor (static).
 */
typedef struct confscope_rule_v1 {
    uint32_t struct_size; /**< required */
    const char* id;       /**< required: stable id ("PERM-001"); never reused for another check */
    confscope_severity
        severity;         /**< required: default severity (a finding may raise or lower it) */
    const char* title;    /**< required: one line, no trailing period */
    const char* help;     /**< required: what it means and how to fix it (plain text) */
    const char* help_uri; /**< optional: documentation address */
} confscope_rule_v1;

/**
 * An inventory item: something a configuration sets up (an MCP server, a permission rule, a hook,
 * a memory file ...). Passed to host->emit_item; the host copies it before returning.
 */
typedef struct confscope_item_v1 {
    uint32_t struct_size; /**< required */
    const char* kind; /**< required: "mcp_server", "permission_rule", "hook", "memory_file", ... */
    const char* client;    /**< required: the client that uses it ("claude-code") */
    confscope_scope scope; /**< required: its precedence level (may differ from the file's, e.g.
                                local-scope servers inside ~/.claude.json) */
    const char* name; /**< required: its name within kind and scope ("github", "Bash(git *)") */
    const char* data_json; /**< optional: a JSON object with the normalized details; the host
                                redacts secrets in it before storing. NULL means {} */
    const char* pointer;   /**< optional: RFC 6901 pointer to where it is defined in the file */
    uint32_t line;         /**< optional: 1-based line of that place, 0 when unknown */
    uint32_t column;       /**< optional: 1-based column (Unicode code points), 0 when unknown */
    const char* path;      /**< optional: in finish() only, the absolute path of a file this plugin
                                analyzed in this scan, which the item belongs to; NULL during
                                analyze() (the file being analyzed) */
} confscope_item_v1;

/**
 * A finding. Passed to host->emit_finding; the host copies it before returning. The host computes
 * the fingerprint (stable across runs and machines) from rule, file and pointer. Never put a secret
 * value in `message`: the host scrubs known secrets from it, but a message should name the key.
 */
typedef struct confscope_finding_v1 {
    uint32_t struct_size; /**< required */
    const char* rule_id;  /**< required: one of the descriptor's rules (or a core rule) */
    confscope_severity
        severity;        /**< required: usually the rule's default; scope-aware rules adjust */
    const char* message; /**< required: one line for people */
    const char* pointer; /**< optional: RFC 6901 pointer to the offending value */
    uint32_t line;       /**< optional: 1-based line, 0 when unknown */
    uint32_t column;     /**< optional: 1-based column, 0 when unknown */
    const char* path;    /**< optional: in finish() only, the absolute path of a file this plugin
                              analyzed in this scan, which the finding belongs to; NULL during
                              analyze() (the file being analyzed) */
} confscope_finding_v1;

/* ============================================================================================== */
/* Host -> plugin data                                                                            */
/* ============================================================================================== */

/**
 * One entry of the document model: a value at a JSON pointer. Host-owned; borrowed for the call.
 *
 * Nodes come in document (pre-)order: a parent before its children, children in file order.
 * The root has pointer "" and parent -1. Object members and array elements are children.
 */
typedef struct confscope_node_v1 {
    uint32_t struct_size;     /**< set by the host */
    confscope_node_kind kind; /**< object, array, string, number, bool, null */
    const char*
        pointer; /**< RFC 6901 pointer from the document root ("/mcpServers/gh/env/TOKEN") */
    const char*
        key; /**< the last pointer token, unescaped: member name or array index; "" for the root */
    const char* value; /**< scalars: the decoded string, the number's literal text, "true"/"false",
                            "null"; containers: "". Always NUL-terminated */
    size_t value_size; /**< bytes in value (strings may contain NUL) */
    int32_t parent;    /**< index of the parent node, -1 for the root */
    uint32_t child_count;  /**< direct children (members or elements) */
    uint32_t line;         /**< 1-based line: of the key for object members, else of the value */
    uint32_t column;       /**< 1-based column in Unicode code points, same place */
    uint64_t value_offset; /**< byte offset of the value's text in the file (quotes included) */
    uint64_t value_length; /**< byte length of that text; 0 for containers */
    uint32_t flags;        /**< CONFSCOPE_NODE_FLAG_* set by the host's secret detector */
} confscope_node_v1;

/**
 * A secret the host found in a file's bytes: a known token shape anywhere (also in Markdown bodies
 * and comments), or the value of a secret-named key in text no node covers. Host-owned; borrowed.
 * Never copy `bytes` at this span into a message.
 */
typedef struct confscope_secret_v1 {
    uint32_t struct_size;
    uint64_t offset; /**< byte offset in the file */
    uint64_t length; /**< bytes */
    uint32_t line;   /**< 1-based */
    uint32_t column; /**< 1-based, code points */
    const char*
        kind; /**< "anthropic", "openai", "github", "aws-access-key", "slack", "google-api-key",
                   "stripe", "jwt", "private-key", "bearer", or "named-key" */
} confscope_secret_v1;

/**
 * A parsed file. Host-owned; borrowed for the call.
 *
 * When parsing failed, parse_status is CONFSCOPE_INVALID_ARGUMENT, parse_error says why and where,
 * node_count is 0, and the bytes are still present: file-level rules still apply. The host has
 * already reported the parse error as the core rule CFG-001.
 */
typedef struct confscope_document_v1 {
    uint32_t struct_size;                  /**< set by the host */
    confscope_format format;               /**< the format it was parsed as */
    confscope_status parse_status;         /**< CONFSCOPE_OK or CONFSCOPE_INVALID_ARGUMENT */
    const char* parse_error;               /**< "" when parsed; otherwise one line */
    uint32_t error_line;                   /**< 1-based, 0 when parsed */
    uint32_t error_column;                 /**< 1-based, 0 when parsed */
    const confscope_node_v1* const* nodes; /**< node_count pointers, document order */
    size_t node_count;
    const char* bytes; /**< the raw file bytes (followed by a NUL not counted in byte_count) */
    size_t byte_count;
    size_t body_offset; /**< Markdown: where the body starts after the front matter; else 0 */
    const confscope_secret_v1* const* secrets; /**< secret_count pointers, by offset */
    size_t secret_count;
} confscope_document_v1;

/**
 * What the host knows about a file, so file-level rules need no I/O. Host-owned; borrowed.
 */
typedef struct confscope_file_v1 {
    uint32_t struct_size;
    const char* path;         /**< absolute path as found (symlinks not resolved) */
    const char* display_path; /**< stable, machine-independent form: "~/.claude/settings.json" under
                                   the home, relative to the scan root for project files */
    const char* target_id;    /**< the id of the plugin's target that matched */
    const char* category;     /**< that target's category */
    const char* target_name;  /**< that target's human name */
    confscope_scope scope;    /**< that target's scope */
    confscope_format format;  /**< that target's format */
    const char* project_dir;  /**< the folder that matched {PROJECT}; "" for other targets */
    uint64_t size;            /**< bytes */
    uint32_t mode;          /**< POSIX permission bits (st_mode & 07777); 0 where not applicable */
    uint32_t uid;           /**< owner user id (POSIX), 0 where not applicable */
    uint32_t gid;           /**< owner group id (POSIX), 0 where not applicable */
    int64_t mtime_unix;     /**< last modification, seconds since the epoch (UTC) */
    const char* sha256_hex; /**< lowercase hex SHA-256 of the raw bytes */
    uint32_t flags;         /**< CONFSCOPE_FILE_FLAG_* */
    const char* home_dir;   /**< the scan's home folder (absolute), to judge paths files refer to */
} confscope_file_v1;

/* ---- exporter input (a stored scan) ---------------------------------------------------------- */
/*
 * An exporter receives one stored scan as plain data: every string is UTF-8, never NULL ("" when
 * unknown), host-owned and valid only during export_scan(). Everything is already redacted: an
 * exporter cannot leak a secret the store does not hold. Arrays are in a stable order (files in
 * scan order, findings by severity then path then line), so the same scan exports to the same
 * bytes.
 */

/** One location of the scan (a file found, or a user-level location looked at and absent). */
typedef struct confscope_export_file_v1 {
    uint32_t struct_size;
    const char* plugin;      /**< the scanner whose target matched */
    const char* category;    /**< the target's category ("project-mcp") */
    const char* target_name; /**< the target's human name */
    confscope_scope scope;
    confscope_format format;
    const char* path;         /**< absolute path on the scanned machine */
    const char* display_path; /**< stable across machines ("~/.claude.json", "app/.mcp.json") */
    const char* repo_path;    /**< path relative to its git work tree when the file lies in one
                                   under a scanned root ("app/.mcp.json"); "" otherwise */
    int32_t exists;           /**< 1 found, 0 looked at and absent */
    uint64_t size;
    uint32_t mode;             /**< POSIX permission bits */
    const char* modified_time; /**< RFC 3339 UTC; "" when absent */
    const char* sha256_hex;    /**< of the raw bytes; "" when absent or unreadable */
    const char* parse_error;   /**< "" or "message (line L, column C)" */
    const char* error;         /**< "" or why it could not be read */
} confscope_export_file_v1;

/** One inventory item. data_json is a JSON object, already redacted. */
typedef struct confscope_export_item_v1 {
    uint32_t struct_size;
    const char* plugin;
    const char* kind; /**< "mcp_server", "permission_rule", ... */
    const char* client;
    confscope_scope scope;
    const char* name;
    const char* data_json;
    size_t file; /**< index into confscope_export_input_v1.files: where it is defined */
    const char* display_path; /**< that file's display path */
    const char* pointer;      /**< JSON pointer into that file */
    uint32_t line;            /**< 1-based; 0 when unknown */
    uint32_t column;          /**< 1-based; 0 when unknown */
} confscope_export_item_v1;

/** One finding. message is already redacted. */
typedef struct confscope_export_finding_v1 {
    uint32_t struct_size;
    const char* plugin;
    const char* rule_id;
    confscope_severity severity; /**< as reported (may differ from the rule's default) */
    const char* message;
    size_t file;              /**< index into confscope_export_input_v1.files */
    const char* display_path; /**< that file's display path */
    const char* repo_path;    /**< that file's repo_path */
    const char* pointer;
    uint32_t line;
    uint32_t column;
    const char* fingerprint; /**< stable across runs and machines for the same finding */
    int32_t suppressed;      /**< 1 when an ignore entry or the baseline covers it */
    const char* suppression; /**< why: "baseline", "--ignore", "<file>:<line>: <reason>"; or "" */
} confscope_export_finding_v1;

/** A rule some finding of the scan refers to. */
typedef struct confscope_export_rule_v1 {
    uint32_t struct_size;
    const char* id;
    const char* plugin;          /**< the plugin that declared it; "core" for CFG-001 */
    confscope_severity severity; /**< default severity */
    const char* title;           /**< one line */
    const char* help;            /**< what it means and how to fix it */
    const char* help_uri;        /**< "" when none */
} confscope_export_rule_v1;

/** A plugin that took part in the scan. */
typedef struct confscope_export_plugin_v1 {
    uint32_t struct_size;
    const char* name;
    const char* version;
    int32_t failed;    /**< 1 when it failed: its results are not in the scan */
    const char* error; /**< why it failed; "" */
    uint64_t files_analyzed;
} confscope_export_plugin_v1;

/** A stored scan handed to export_scan(). Host-owned; borrowed for the call. */
typedef struct confscope_export_input_v1 {
    uint32_t struct_size;
    const char* scan_uuid;
    int32_t complete;        /**< 1 when every plugin ran to the end */
    const char* started_at;  /**< RFC 3339 UTC */
    const char* finished_at; /**< RFC 3339 UTC */
    int64_t duration_ms;
    const char* host; /**< machine name */
    const char* username;
    const char* os_type; /**< "linux", "macos", "windows" */
    const char* os_version;
    const char* home;         /**< the home folder scanned */
    const char* system_root;  /**< "/" unless a planted machine */
    const char* const* roots; /**< the scanned project roots (absolute) */
    size_t root_count;
    const char* tool_version; /**< confscope version that scanned */
    uint64_t locations_checked;
    uint64_t directories_walked;
    uint64_t unreadable; /**< folders the walk could not enter */
    /** Exporter options, as key/value pairs: "what" ("findings", "inventory" or "files") and
        every --option key=value the user gave. A key appears at most once. */
    const char* const* option_keys;
    const char* const* option_values;
    size_t option_count;
    confscope_severity fail_on; /**< the threshold: formats that mark failures (JUnit, SARIF
                                     levels stay per severity) fail at or above it */
    const confscope_export_file_v1* const* files;
    size_t file_count;
    const confscope_export_item_v1* const* items;
    size_t item_count;
    const confscope_export_finding_v1* const* findings;
    size_t finding_count;
    const confscope_export_rule_v1* const* rules; /**< every rule the findings refer to */
    size_t rule_count;
    const confscope_export_plugin_v1* const* plugins;
    size_t plugin_count;
} confscope_export_input_v1;

/* ============================================================================================== */
/* Host callbacks                                                                                 */
/* ============================================================================================== */

/**
 * Services the host offers a plugin during create(), analyze() and export_scan(). Host-owned;
 * valid only during the call that received it. Every function pointer is non-NULL. Pass `context`
 * back as the first argument.
 */
typedef struct confscope_host_v1 {
    uint32_t struct_size;
    uint32_t abi_major; /**< the host's ABI major (1) */
    uint32_t abi_minor; /**< the host's ABI minor */
    void* context;      /**< opaque; pass it back */

    /** Record an inventory item for the file being analyzed. Copies `item`. Returns
        CONFSCOPE_INVALID_ARGUMENT for a malformed item (missing required member),
       CONFSCOPE_CANCELLED when the scan was cancelled; outside analyze() returns
       CONFSCOPE_FAILED_PRECONDITION. */
    confscope_status (*emit_item)(void* context, const confscope_item_v1* item);

    /** Record a finding for the file being analyzed. Copies `finding`. Same returns as emit_item;
        a rule id the plugin did not declare (and that is not a core rule) is refused with
        CONFSCOPE_INVALID_ARGUMENT. */
    confscope_status (*emit_finding)(void* context, const confscope_finding_v1* finding);

    /** Log one line through the host's logger (known secrets are scrubbed). Copies `message`. */
    void (*log)(void* context, confscope_log_level level, const char* message);

    /** Nonzero when the user cancelled or a deadline passed: return CONFSCOPE_CANCELLED soon. */
    int32_t (*cancelled)(void* context);

    /** Exporters only: append bytes to the output. Returns CONFSCOPE_OK or the reason the output
        failed (then stop and return that status). Copies the bytes. Scanners: always
        CONFSCOPE_FAILED_PRECONDITION. */
    confscope_status (*write)(void* context, const char* data, size_t size);
} confscope_host_v1;

/* ============================================================================================== */
/* The descriptor                                                                                 */
/* ============================================================================================== */

/** Opaque per-instance state, defined by the plugin. */
typedef struct confscope_instance confscope_instance;

/**
 * What confscope_plugin_entry_v1() returns. Static storage, plugin-owned, valid until unload.
 */
typedef struct confscope_plugin_v1 {
    uint32_t struct_size;    /**< required: sizeof(confscope_plugin_v1) as compiled by the plugin */
    uint32_t abi_major;      /**< required: CONFSCOPE_ABI_MAJOR (1) */
    uint32_t abi_minor;      /**< required: CONFSCOPE_ABI_MINOR of the header it was built with */
    uint32_t required_minor; /**< required: lowest host minor it works with (0 unless it needs an
                                  appended member) */

    const char* name;    /**< required: unique plugin name, [a-z0-9-]+ ("claude-code") */
    const char* version; /**< required: semantic version of the plugin ("1.2.0") */
    const char* summary; /**< required: one line */
    const char* license; /**< optional: SPDX expression */
    const char* contact; /**< optional: homepage or e-mail */
    uint32_t kinds;      /**< required: CONFSCOPE_KIND_* bit set, at least one */
    const char* family;  /**< required for scanners: the config family ("claude-code"); optional
                              for exporters: the format name ("sarif") */
    const char* config_schema; /**< optional: JSON Schema of the configuration create() accepts */

    const confscope_rule_v1* const* rules; /**< scanners: every rule the plugin may report */
    size_t rule_count;

    /**
     * Required. Create an instance. `config_json` is a JSON object (never NULL; "{}" when the user
     * gave no configuration), already validated against config_schema when one is declared.
     * A plugin whose config_schema declares a "rule_files" property receives the user's rule files
     * there: [{"path": "/abs/rules.toml", "content": "..."}] (from --rules and the user's
     * confscope config folder); the host reads them, the plugin does no I/O.
     * `host` is valid only during this call (log()/cancelled() only). On CONFSCOPE_OK *out is
     * set and the host will call destroy() on it exactly once. On failure *out is untouched and
     * last_error(NULL) explains, until the next create() on the same thread.
     */
    confscope_status (*create)(const char* config_json, const confscope_host_v1* host,
                               confscope_instance** out);

    /** Required. Destroy an instance created by create(). Never fails; never called twice. */
    void (*destroy)(confscope_instance* instance);

    /**
     * Required. The message for the last failed call on `instance` (or, with NULL, for the last
     * failed create() on this thread). Valid until the next call on that instance. Never NULL;
     * "" when there was no failure.
     */
    const char* (*last_error)(const confscope_instance* instance);

    /**
     * Required for scanners. The targets to look at: *out receives an array of *count pointers,
     * plugin-owned, valid until the next call on the instance.
     */
    confscope_status (*targets)(confscope_instance* instance,
                                const confscope_target_v1* const** out, size_t* count);

    /**
     * Required for scanners. Analyze one file that matched one of the targets. `file`, `document`
     * and `host` are borrowed for the call. Results go through host->emit_item and
     * host->emit_finding. Returns CONFSCOPE_OK, CONFSCOPE_CANCELLED when host->cancelled() said so,
     * or another status with last_error() set: the host then discards everything this plugin
     * reported in the scan and marks the plugin failed.
     */
    confscope_status (*analyze)(confscope_instance* instance, const confscope_file_v1* file,
                                const confscope_document_v1* document,
                                const confscope_host_v1* host);

    /**
     * Required for exporters. Turn a stored scan into bytes written through host->write.
     * A failure leaves no output file (the host writes to a temporary file and renames).
     */
    confscope_status (*export_scan)(confscope_instance* instance,
                                    const confscope_export_input_v1* input,
                                    const confscope_host_v1* host);

    /**
     * Optional for scanners (NULL when unused). Called once after the last analyze() of a scan,
     * for rules that need several files (a server name defined in two scopes, a policy in one
     * file violated in another). Findings and items emitted here must set `path` to a file this
     * plugin analyzed in this scan; anything else is refused with CONFSCOPE_INVALID_ARGUMENT.
     * A failure is handled like a failed analyze().
     */
    confscope_status (*finish)(confscope_instance* instance, const confscope_host_v1* host);

    /**
     * Optional (NULL when unused). Rules an instance knows only once configured — rules a user
     * wrote in rule files, say — in addition to the descriptor's. *out receives *count pointers,
     * plugin-owned, valid until the next call on the instance. The host asks once after create();
     * the instance may report these rules like the descriptor's.
     */
    confscope_status (*instance_rules)(confscope_instance* instance,
                                       const confscope_rule_v1* const** out, size_t* count);
} confscope_plugin_v1;

/** The entry symbol's type. */
typedef const confscope_plugin_v1* (*confscope_plugin_entry_v1_fn)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CONFSCOPE_PLUGIN_API_H */
