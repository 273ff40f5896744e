# Writes a C++ source defining `const char* const NAME` holding the text of
# INPUT, so data files under core/data are compiled into the library.
# Usage: cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P embed_file.cmake
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}" "// Generated from ${INPUT}; edit that file instead.\n")
file(APPEND "${OUTPUT}" "namespace core::data {\nextern const char* const ${NAME};\n")
file(APPEND "${OUTPUT}" "const char* const ${NAME} = R\"__embedded__(${content})__embedded__\";\n}\n")
