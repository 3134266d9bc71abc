# The sanitized build (make sanitize, folder build-asan): every target — core, host, runner,
# plugins, tests — compiled and linked with AddressSanitizer and UndefinedBehaviorSanitizer, any
# report fatal. With CONFSCOPE_FUZZ the same build also carries libFuzzer's coverage
# instrumentation (-fsanitize=fuzzer-no-link) and the harnesses of fuzz/, so one clang build serves
# both. Both need clang: libFuzzer ships with it (Debian: clang, libclang-rt-14-dev).
include_guard(GLOBAL)

if(CONFSCOPE_FUZZ)
    set(CONFSCOPE_SANITIZE ON CACHE BOOL "" FORCE)
endif()
if(CONFSCOPE_SANITIZE)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "CONFSCOPE_SANITIZE and CONFSCOPE_FUZZ need clang: configure a separate "
            "folder with CC=clang CXX=clang++ (make sanitize does)")
    endif()
    # -fno-sanitize=vptr: UBSan's dynamic type check needs the RTTI of every polymorphic class a
    # call goes through, and Debian's SOCI does not export its backends' (typeinfo for
    # soci::postgresql_session_backend, ...), so nothing that uses the store would link.
    set(confscope_sanitizers -fsanitize=address,undefined -fno-sanitize=vptr
        -fno-sanitize-recover=all -fno-omit-frame-pointer)
    if(CONFSCOPE_FUZZ)
        list(APPEND confscope_sanitizers -fsanitize=fuzzer-no-link)
    endif()
    add_compile_options(${confscope_sanitizers})
    add_link_options(${confscope_sanitizers})

    # Third-party headers UBSan must skip, each with its reason (cmake/sanitizer-ignorelist.txt).
    # ccache hashes the option as text, not the file: the list is copied into the build folder
    # under a name with its MD5 (a changed list is a changed option), and named relative to the
    # folder each target compiles in, so a clone elsewhere (CI) still hits the cache.
    set(ignorelist_source ${PROJECT_SOURCE_DIR}/cmake/sanitizer-ignorelist.txt)
    file(MD5 ${ignorelist_source} ignorelist_md5)
    set(ignorelist ${PROJECT_BINARY_DIR}/sanitizer-ignorelist-${ignorelist_md5}.txt)
    configure_file(${ignorelist_source} ${ignorelist} COPYONLY)
    if(CMAKE_GENERATOR MATCHES "Ninja")
        set(compile_dir ${PROJECT_BINARY_DIR})  # Ninja compiles from the top of the build folder
    else()
        set(compile_dir "$<TARGET_PROPERTY:BINARY_DIR>")  # Makefiles: from the target's folder
    endif()
    add_compile_options(
        "-fsanitize-ignorelist=$<PATH:RELATIVE_PATH,${ignorelist},${compile_dir}>")
    # Code built for the sanitizers can ask (for example to leave out RLIMIT_AS, which ASan's
    # shadow memory cannot live under).
    add_compile_definitions(CONFSCOPE_SANITIZED=1)
endif()
