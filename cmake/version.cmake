# The version every program prints with --version and the package carries:
# project(VERSION) in the top-level CMakeLists.txt, written into a generated header.
configure_file(${PROJECT_SOURCE_DIR}/cmake/version.h.in ${PROJECT_BINARY_DIR}/generated/newsearch_version.h @ONLY)
add_library(newsearch_version INTERFACE)
target_include_directories(newsearch_version INTERFACE ${PROJECT_BINARY_DIR}/generated)
