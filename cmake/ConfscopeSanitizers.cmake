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
    # ccache would hash the list's absolute path, so a clone elsewhere (CI) would never hit the
    # cache: the option is left out of the hash and the list's content goes in through a define.
    set(ignorelist ${PROJECT_SOURCE_DIR}/cmake/sanitizer-ignorelist.txt)
    file(MD5 ${ignorelist} ignorelist_md5)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${ignorelist})
    add_compile_options(-fsanitize-ignorelist=${ignorelist})
    add_compile_definitions(CONFSCOPE_SANITIZER_IGNORELIST=${ignorelist_md5})
    foreach(lang C CXX)
        if(CMAKE_${lang}_COMPILER_LAUNCHER MATCHES "ccache")
            list(INSERT CMAKE_${lang}_COMPILER_LAUNCHER 3
                "CCACHE_IGNOREOPTIONS=-fsanitize-ignorelist=*")
        endif()
    endforeach()
    # Code built for the sanitizers can ask (for example to leave out RLIMIT_AS, which ASan's
    # shadow memory cannot live under).
    add_compile_definitions(CONFSCOPE_SANITIZED=1)
endif()
