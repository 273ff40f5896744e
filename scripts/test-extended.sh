#!/usr/bin/env bash
# The longer suites that the default test run leaves out: each executable
# scripts/extended/NAME.sh is one suite. CI runs them after scripts/test.sh.
#   scripts/test-extended.sh               every suite in the default list below
#   scripts/test-extended.sh soak fuzz     only those
#   EXTENDED_BUDGET_SECONDS=3000 ...       skip suites that would not finish in time
# Each suite runs under its own time limit (below); a suite that would not
# fit in what is left of the budget is skipped and reported, never cut off.
set -uo pipefail
cd "$(dirname "$0")/.."

# name:limit-in-seconds, quickest and most telling first. The container
# suite builds and tests the whole project again inside the image (5-10
# minutes here) and checks the image over two remote shards. The package
# suite builds the .deb and installs it into a Debian 12 root (2-4 minutes).
default_suites=(indexer-faults:600 faults:900 live-writes:900 replica:300 soak:900 fuzz:900 container:1500 package:900 sanitizers:2400
                browser:1200 bench-quick:900)
# NEWSEARCH_CONTAINER_CHECK=0 leaves the container suite out (no podman at hand).
if [ "${NEWSEARCH_CONTAINER_CHECK:-1}" = 0 ]; then
  for i in "${!default_suites[@]}"; do [ "${default_suites[$i]%%:*}" = container ] && unset 'default_suites[i]'; done
  default_suites=("${default_suites[@]}")
fi

declare -A limits
for entry in "${default_suites[@]}" container:1500 bench-quick:900; do limits[${entry%%:*}]=${entry##*:}; done

names=()
if [ $# -gt 0 ]; then
  names=("$@")
else
  for entry in "${default_suites[@]}"; do names+=("${entry%%:*}"); done
fi

budget=${EXTENDED_BUDGET_SECONDS:-5400}
began=$(date +%s)
passed=0 failed=0 skipped=0
failed_names=() skipped_names=()
for name in "${names[@]}"; do
  suite="scripts/extended/$name.sh"
  limit=${limits[$name]:-900}
  if [ ! -f "$suite" ]; then
    echo "=== no such suite: $name"; failed=$((failed + 1)); failed_names+=("$name"); continue
  fi
  left=$(( budget - ($(date +%s) - began) ))
  if [ "$limit" -gt "$left" ]; then
    echo "=== $name SKIPPED: needs up to $limit s, $left s of the budget left"
    skipped=$((skipped + 1)); skipped_names+=("$name"); continue
  fi
  echo "=== extended suite: $name (limit $limit s)"
  started=$(date +%s)
  if timeout --kill-after=30 "$limit" bash "$suite"; then
    passed=$((passed + 1))
    echo "=== $name passed in $(( $(date +%s) - started )) s"
  else
    failed=$((failed + 1)); failed_names+=("$name")
    echo "=== $name FAILED after $(( $(date +%s) - started )) s"
  fi
done
[ $failed -gt 0 ] && echo "failed suites: ${failed_names[*]}"
[ $skipped -gt 0 ] && echo "skipped suites (time budget): ${skipped_names[*]}"
echo "extended: $passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
