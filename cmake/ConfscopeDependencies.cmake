# Finds the project's dependencies (all from Debian packages; scripts/install-deps installs them)
# and wraps the ones that ship no CMake targets in imported targets of our own.
include_guard(GLOBAL)

find_package(Boost 1.81 REQUIRED CONFIG
    COMPONENTS program_options filesystem log log_setup unit_test_framework)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(Threads REQUIRED)

# RapidJSON's config only sets RAPIDJSON_INCLUDE_DIRS.
find_package(RapidJSON CONFIG REQUIRED)
if(NOT TARGET confscope_deps::rapidjson)
    add_library(confscope_deps::rapidjson INTERFACE IMPORTED GLOBAL)
    set_target_properties(confscope_deps::rapidjson PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES "${RAPIDJSON_INCLUDE_DIRS}"
        INTERFACE_COMPILE_DEFINITIONS "RAPIDJSON_HAS_STDSTRING=1")
endif()

# yaml-cpp ships a config with a plain target name that varies between versions.
find_package(yaml-cpp CONFIG REQUIRED)
if(NOT TARGET confscope_deps::yaml)
    add_library(confscope_deps::yaml INTERFACE IMPORTED GLOBAL)
    if(TARGET yaml-cpp::yaml-cpp)
        target_link_libraries(confscope_deps::yaml INTERFACE yaml-cpp::yaml-cpp)
    else()
        target_link_libraries(confscope_deps::yaml INTERFACE yaml-cpp)
    endif()
endif()

# toml++: Debian builds it as a shared library; its config adds TOML_HEADER_ONLY=0 / TOML_SHARED_LIB=1.
find_package(tomlplusplus CONFIG REQUIRED)

# RE2: Debian ships no CMake config for 2022 releases; find it by hand.
find_path(RE2_INCLUDE_DIR re2/re2.h REQUIRED)
find_library(RE2_LIBRARY re2 REQUIRED)
if(NOT TARGET confscope_deps::re2)
    add_library(confscope_deps::re2 UNKNOWN IMPORTED GLOBAL)
    set_target_properties(confscope_deps::re2 PROPERTIES
        IMPORTED_LOCATION "${RE2_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${RE2_INCLUDE_DIR}"
        INTERFACE_LINK_LIBRARIES Threads::Threads)
endif()

# SOCI: Debian ships no CMake config, FindSOCI or .pc file.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
if(NOT TARGET SOCI::core)
    add_library(SOCI::core UNKNOWN IMPORTED GLOBAL)
    set_target_properties(SOCI::core PROPERTIES
        IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}")
    target_link_libraries(SOCI::core INTERFACE Boost::headers ${CMAKE_DL_LIBS})
    add_library(SOCI::sqlite3 UNKNOWN IMPORTED GLOBAL)
    set_target_properties(SOCI::sqlite3 PROPERTIES IMPORTED_LOCATION "${SOCI_SQLITE3_LIBRARY}")
    target_link_libraries(SOCI::sqlite3 INTERFACE SOCI::core SQLite::SQLite3)
    add_library(SOCI::postgresql UNKNOWN IMPORTED GLOBAL)
    set_target_properties(SOCI::postgresql PROPERTIES IMPORTED_LOCATION "${SOCI_POSTGRESQL_LIBRARY}")
    target_link_libraries(SOCI::postgresql INTERFACE SOCI::core PostgreSQL::PostgreSQL)
endif()

# dtl (libdtl-dev): header-only diff (edit scripts for `confscope diff`); no CMake config.
find_path(DTL_INCLUDE_DIR dtl/dtl.hpp REQUIRED)
if(NOT TARGET confscope_deps::dtl)
    add_library(confscope_deps::dtl INTERFACE IMPORTED GLOBAL)
    set_target_properties(confscope_deps::dtl PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${DTL_INCLUDE_DIR}")
endif()

# libseccomp (libseccomp-dev, Linux only): the isolated plugin runner's system-call filter.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    find_path(SECCOMP_INCLUDE_DIR seccomp.h REQUIRED)
    find_library(SECCOMP_LIBRARY seccomp REQUIRED)
    if(NOT TARGET confscope_deps::seccomp)
        add_library(confscope_deps::seccomp UNKNOWN IMPORTED GLOBAL)
        set_target_properties(confscope_deps::seccomp PROPERTIES
            IMPORTED_LOCATION "${SECCOMP_LIBRARY}"
            INTERFACE_INCLUDE_DIRECTORIES "${SECCOMP_INCLUDE_DIR}")
    endif()
endif()
