#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a passing test suite:
# installs what is missing, builds with warnings as errors and runs every
# test with CTest. With --extended it also runs the longer suites (see
# README: sanitizers, fuzzing, soak, container, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build test
scripts/build.sh -DNEWSEARCH_WERROR=ON
cd build
ctest --output-on-failure -j "$(nproc)" --timeout 600
