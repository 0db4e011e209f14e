# cmake -DINPUT=file -DOUTPUT=header -DNAME=identifier -P EmbedText.cmake
# Writes a header holding the file's bytes as a std::string_view. Bytes rather than a string
# literal: no compiler limit on literal length, no UTF-8 character split between pieces.
file(READ "${INPUT}" _hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," _bytes "${_hex}")
string(REGEX REPLACE "(('[^']*',){24})" "\\1\n" _bytes "${_bytes}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT}; do not edit.\n#pragma once\n#include <string_view>\n\nnamespace miyagiplan::data {\ninline constexpr char ${NAME}_bytes[] = {\n${_bytes}'\\0'};\ninline constexpr std::string_view ${NAME}{${NAME}_bytes, sizeof ${NAME}_bytes - 1};\n}  // namespace miyagiplan::data\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
