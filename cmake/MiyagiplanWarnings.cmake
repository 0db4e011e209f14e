# Warnings are private to our own targets; dependencies come in as SYSTEM includes.
option(MIYAGIPLAN_WERROR "Treat warnings as errors" OFF)
function(miyagiplan_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion
      -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
      -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough>
    $<$<BOOL:${MIYAGIPLAN_WERROR}>:-Werror>)
endfunction()
