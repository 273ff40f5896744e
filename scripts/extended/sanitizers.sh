#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer: builds the whole project with
# -DNEWSEARCH_SANITIZE=ON in build-asan/ and runs the whole CTest suite. The
# programs the tests start (indexer, server) are sanitized too; every report,
# from a test or a child process, goes to build-asan/sanitizer-reports/ and
# fails the suite even when the test itself passed.
set -uo pipefail
cd "$(dirname "$0")/../.."
build_dir="${ASAN_BUILD_DIR:-build-asan}"
reports="$PWD/$build_dir/sanitizer-reports"

scripts/install-deps.sh build test || { echo "FAIL sanitizers: cannot install dependencies"; exit 1; }
mkdir -p "$build_dir"
build_log="$build_dir/build.log"
echo "sanitizers: building in $build_dir"
if ! BUILD_DIR="$build_dir" BUILD_TYPE=RelWithDebInfo scripts/build.sh -DNEWSEARCH_SANITIZE=ON -DNEWSEARCH_TESTS=ON \
    >"$build_log" 2>&1; then
  tail -30 "$build_log"
  echo "FAIL sanitizers: the build failed (log: $build_log)"
  exit 1
fi

rm -rf "$reports"
mkdir -p "$reports"
export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="log_path=$reports/lsan"

failed=0
if (cd "$build_dir" && ctest --output-on-failure -j "$(nproc)" --timeout 900) >"$build_dir/ctest.log" 2>&1; then
  echo "PASS sanitizers: $(grep -E 'tests passed' "$build_dir/ctest.log")"
else
  grep -E 'tests passed|Failed|\*\*\*' "$build_dir/ctest.log" | head -30
  echo "FAIL sanitizers: tests failed under ASan+UBSan (log: $build_dir/ctest.log)"
  failed=1
fi
if compgen -G "$reports/*" >/dev/null; then
  for report in "$reports"/*; do
    echo "--- $report"
    head -40 "$report"
  done
  echo "FAIL sanitizers: $(ls "$reports" | wc -l) sanitizer report(s) in $reports"
  failed=1
else
  echo "PASS sanitizers: no ASan/UBSan/LSan report from any test or program it started"
fi
exit $failed
