# Warnings are private to our own targets; dependencies come in as SYSTEM includes.
option(MIYAGIPLAN_WERROR "Treat warnings as errors" OFF)
function(miyagiplan_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion
      -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
      -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough>
    # GCC 12 warns falsely inside libstdc++'s own std::string at -O2 and above
    # (GCC bug 105329); the warning stays on for every other compiler.
    $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>
    $<$<BOOL:${MIYAGIPLAN_WERROR}>:-Werror>)
endfunction()
