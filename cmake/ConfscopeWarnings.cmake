# confscope_set_warnings(<target>) — the project's warning set; errors with CONFSCOPE_WERROR (CI).
# (-Wnull-dereference is left out: GCC 12 reports it inside inlined libstdc++ string code.)
include_guard(GLOBAL)

function(confscope_set_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wcast-align
            -Wimplicit-fallthrough
            $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual>
            $<$<BOOL:${CONFSCOPE_WERROR}>:-Werror>)
    endif()
endfunction()
