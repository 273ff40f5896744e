#!/usr/bin/env bash
# Configures and builds into build/ (binaries in build/bin). Extra arguments
# go to CMake, e.g. scripts/build.sh -DNEWSEARCH_WERROR=ON
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
