#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets in fuzz/ with clang (ASan + UBSan) in
# build-fuzz/ and runs each for FUZZ_SECONDS (60) from the corpus kept in
# fuzz/corpus/<target>/. Fails on any crash, leak, sanitizer report, timeout
# or broken invariant; the input that did it is saved in build-fuzz/artifacts/.
# With --keep, inputs that found new coverage are merged into fuzz/corpus/.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds="${FUZZ_SECONDS:-60}"
build_dir="${FUZZ_BUILD_DIR:-build-fuzz}"
keep=0
[ "${1:-}" = "--keep" ] && keep=1

scripts/install-deps.sh build fuzz || { echo "FAIL fuzz: cannot install clang"; exit 1; }
mkdir -p "$build_dir"
build_log="$build_dir/build.log"
echo "fuzz: building in $build_dir"
if [ "${NEWSEARCH_SKIP_BUILD:-0}" = 1 ]; then
  echo "fuzz: using the targets already in $build_dir/bin"
elif ! { cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
           -DCMAKE_CXX_COMPILER=clang++ \
           -DNEWSEARCH_FUZZ=ON -DNEWSEARCH_TESTS=OFF &&
         cmake --build "$build_dir" -j "$(nproc)" --target fuzz_query fuzz_http; } >"$build_log" 2>&1; then
  tail -30 "$build_log"
  echo "FAIL fuzz: the build failed (log: $build_log)"
  exit 1
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
failed=0
for target in fuzz_query fuzz_http; do
  seeds="fuzz/corpus/$target"
  work="$build_dir/corpus/$target"
  artifacts="$build_dir/artifacts"
  mkdir -p "$seeds" "$work" "$artifacts"
  dict="fuzz/${target#fuzz_}.dict"
  log="$build_dir/$target.log"
  echo "fuzz: $target for $seconds s"
  "$build_dir/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -dict="$dict" -artifact_prefix="$artifacts/$target-" -print_final_stats=1 "$work" "$seeds" >"$log" 2>&1
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  if [ $status -ne 0 ]; then
    grep -E 'ERROR|invariant|answered|SUMMARY|Test unit written' "$log" | head -20
    echo "FAIL fuzz: $target exited with $status (log: $log)"
    failed=1
    continue
  fi
  echo "PASS fuzz: $target ran ${runs:-?} inputs in $seconds s with no crash"
  if [ $keep -eq 1 ]; then
    "$build_dir/bin/$target" -merge=1 -dict="$dict" "$seeds" "$work" >>"$log" 2>&1 &&
      echo "fuzz: $target corpus now $(ls "$seeds" | wc -l) inputs in $seeds"
  fi
done
exit $failed
