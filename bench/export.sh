#!/usr/bin/env bash
# How fast GET /api/export streams a large result on the real texts, and
# whether the server's memory stays flat as the rows grow.
#
#   bench/export.sh [--index DIR] [--limit N]
#
# The texts are read at run time from ../shared/corpora/bench-news/news.jsonl.xz
# (BENCH_NEWS=... to override; nothing of them is written into the
# repository) and indexed into a fresh /tmp/export-bench-XXXX, removed at the
# end; --index DIR serves an index built already instead. BIN_DIR selects the
# binaries (default build/bin). Prints, per query and format: rows, bytes,
# seconds and rows per second (curl's time to the last byte), then the
# server's peak resident memory after exports of growing size.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

index=""
limit=0
while [ $# -gt 0 ]; do
  case "$1" in
    --index) index="$2"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    *) echo "usage: bench/export.sh [--index DIR] [--limit N]" >&2; exit 2 ;;
  esac
done

bin="${BIN_DIR:-build/bin}"
[ -x "$bin/server" ] || { echo "export bench: no $bin/server (build first or set BIN_DIR)" >&2; exit 1; }
work=$(mktemp -d /tmp/export-bench-XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$index" ]; then
  news="${BENCH_NEWS:-$repo/../shared/corpora/bench-news/news.jsonl.xz}"
  if [ ! -r "$news" ]; then
    echo "export bench: cannot read $news (set BENCH_NEWS); nothing measured" >&2
    exit 0
  fi
  python3 -c '
import itertools, lzma, sys
limit = int(sys.argv[2]) or None
with lzma.open(sys.argv[1], "rt", encoding="utf-8") as f, open(sys.argv[3], "w", encoding="utf-8") as out:
    out.writelines(itertools.islice(f, limit))
' "$news" "$limit" "$work/news.jsonl"
  index="$work/idx"
  echo "indexing the texts ..." >&2
  "$bin/indexer" --quiet --db "$index" "$work/news.jsonl" >&2
fi

port=$((20000 + RANDOM % 20000))
"$bin/server" --db "$index" --port "$port" --threads 2 --quiet > "$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
  sleep 0.1
done
base="http://127.0.0.1:$port"

peak_kb() { awk '/VmHWM/ {print $2}' "/proc/$server_pid/status"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }

# export QUERY FORMAT [EXTRA]: one timed download, best of three.
export_once() {
  local query="$1" format="$2" extra="${3:-}" best="" out
  for _ in 1 2 3; do
    out=$(curl -fsS -G "$base/api/export" --data-urlencode "q=$query" --data-urlencode "format=$format" \
            --data-urlencode "limit=10000" $extra -o "$work/export.$format" -w '%{time_total} %{size_download}')
    if [ -z "$best" ] || awk -v a="${out%% *}" -v b="${best%% *}" 'BEGIN {exit !(a < b)}'; then best="$out"; fi
  done
  local rows
  rows=$(python3 - "$work/export.$format" "$format" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    print(sum(1 for _ in csv.reader(f)) - 1 if sys.argv[2] == "csv" else sum(1 for _ in f))
PY
)
  local total
  total=$(curl -fsS -G "$base/api/search" --data-urlencode "q=$query" $extra --data-urlencode limit=0 |
          python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
  awk -v q="$query $extra" -v f="$format" -v r="$rows" -v t="$total" -v s="${best%% *}" -v b="${best##* }" \
    'BEGIN {printf "%-32s %-6s rows %6d (search total %6d)  %7.1f MB  %6.3f s  %8.0f rows/s\n", q, f, r, t, b / 1e6, s, r / s}'
}

echo "== exports of up to 10,000 rows (best of 3) on $(curl -fsS "$base/healthz")"
for query in "Путин" "России" "заявил"; do
  for format in csv ndjson; do export_once "$query" "$format"; done
done
export_once "России" csv "--data-urlencode collapse=0"
export_once "России" csv "--data-urlencode sort=date"

echo "== server memory as the rows grow (one export each of every dated article: from=1900, collapse=0, csv)"
echo "before these exports: peak rss $(($(peak_kb) / 1024)) MB, rss $(($(rss_kb) / 1024)) MB"
for rows in 1000 10000 100000; do
  curl -fsS -G "$base/api/export" --data-urlencode "from=1900" --data-urlencode collapse=0 \
       --data-urlencode "limit=$rows" -o "$work/grow.csv"
  lines=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))) - 1)' "$work/grow.csv")
  echo "after $lines rows ($(($(stat -c %s "$work/grow.csv") / 1024 / 1024)) MB): peak rss $(($(peak_kb) / 1024)) MB, rss $(($(rss_kb) / 1024)) MB"
done
