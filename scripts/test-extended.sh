#!/usr/bin/env bash
# The longer suites that the default test run leaves out: each executable
# scripts/extended/*.sh is one suite (sanitizers, fuzzing, soak, container,
# browser...). CI runs them after scripts/test.sh. Pass suite names to run
# only those, e.g. scripts/test-extended.sh soak fuzz
set -uo pipefail
cd "$(dirname "$0")/.."

suites=()
if [ $# -gt 0 ]; then
  for name in "$@"; do suites+=("scripts/extended/$name.sh"); done
else
  for file in scripts/extended/*.sh; do [ -e "$file" ] && suites+=("$file"); done
fi

passed=0
failed=0
failed_names=()
for suite in "${suites[@]}"; do
  name=$(basename "$suite" .sh)
  echo "=== extended suite: $name"
  started=$(date +%s)
  if bash "$suite"; then
    passed=$((passed + 1))
    echo "=== $name passed in $(( $(date +%s) - started )) s"
  else
    failed=$((failed + 1))
    failed_names+=("$name")
    echo "=== $name FAILED after $(( $(date +%s) - started )) s"
  fi
done
[ $failed -gt 0 ] && echo "failed suites: ${failed_names[*]}"
echo "extended: $passed passed, $failed failed"
[ $failed -eq 0 ]
