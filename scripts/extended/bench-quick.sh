#!/usr/bin/env bash
# The benchmark in quick mode (corpus/ and 10,000 generated articles,
# newsearch and PostgreSQL): fails when the benchmark itself breaks (a tool, the server, a
# query without a valid answer), never because the numbers are slow.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Reuse the binaries scripts/test.sh just built, when there are any.
if [ -x build/bin/indexer ] && [ -x build/bin/server ]; then export BIN_DIR=build/bin; fi
export BENCH_OUT="${BENCH_OUT:-/tmp/bench-quick-results.md}"
# The 10,000 articles are generated from the real texts in ../shared; a
# machine without them still benchmarks corpus/, and says so.
sets="corpus 10000"
news="${BENCH_NEWS:-../shared/corpora/bench-news/news.jsonl.xz}"
if [ ! -r "$news" ]; then
  echo "bench-quick: $news is not here: corpus/ only, no 10,000-article run" >&2
  sets=corpus
fi
timeout 900 bench/run.sh --quick --sets "$sets"
for dataset in $sets; do
  grep -q "| $dataset | search | 16 |" "$BENCH_OUT"
  grep -q "| $dataset | postgresql search | 16 |" "$BENCH_OUT"
done
