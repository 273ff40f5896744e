// `--version` for every program: the version comes from project(VERSION) in
// the top-level CMakeLists.txt through a generated header.
#pragma once

#include "newsearch_version.h"

#include <cstdio>
#include <string_view>

namespace core {

inline constexpr std::string_view kVersion = NEWSEARCH_VERSION;

// When `--version` is among the arguments, prints "PROGRAM (newsearch) VERSION"
// to stdout and returns true: the caller exits with 0.
inline bool print_version_if_asked(int argc, char** argv, const char* program) {
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--version") {
            std::printf("%s (newsearch) %s\n", program, NEWSEARCH_VERSION);
            return true;
        }
    }
    return false;
}

}  // namespace core
