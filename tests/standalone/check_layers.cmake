# detail/ knows nothing of the model: no header there includes miyagiplan/model/ (or the
# umbrella headers that bring it), and none declares a public name (one outside
# namespace miyagiplan::detail). Run as: cmake -DDETAIL=<include/miyagiplan/detail> -P this.
file(GLOB _headers "${DETAIL}/*.hpp")
set(_bad "")
foreach(_h IN LISTS _headers)
  file(STRINGS "${_h}" _includes REGEX "#include \"miyagiplan/(model/|model\\.hpp|eval|miyagiplan\\.hpp)")
  if(_includes)
    list(APPEND _bad "${_h}: ${_includes}")
  endif()
  file(READ "${_h}" _text)
  if(_text MATCHES "namespace miyagiplan {\n\n?(using|struct|class|inline)")
    list(APPEND _bad "${_h}: a public name in a detail header")
  endif()
endforeach()
if(_bad)
  list(JOIN _bad "\n" _message)
  message(FATAL_ERROR "detail/ must not know the model:\n${_message}")
endif()
