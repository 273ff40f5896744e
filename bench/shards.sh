#!/usr/bin/env bash
# How an index and its query rate grow with shards: the same corpus indexed
# as one database and as 2 and 4 local shards (`indexer --shards N`), and as
# 2 remote shards served by xapian-tcpsrv on 127.0.0.1; for each, indexing
# time, index size, and search QPS / p50 / p99 at concurrency 16 over the
# query mix of bench/run.sh (wrk, bench/search.lua).
#   bench/shards.sh                   10,000 generated articles, 10 s per run
#   bench/shards.sh --set real        the 32,828 real texts
#   bench/shards.sh --set 100000 --seconds 20
# Binaries: a Release build in build-bench/ (built here), or BIN_DIR=...
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

set_name=10000
seconds=10
concurrency=16
while [ $# -gt 0 ]; do
  case "$1" in
    --set) set_name="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    *) echo "usage: bench/shards.sh [--set real|N] [--seconds N]" >&2; exit 2 ;;
  esac
done

export BENCH_NEWS="${BENCH_NEWS:-$repo/../shared/corpora/bench-news/news.jsonl.xz}"
[ -r "$BENCH_NEWS" ] || { echo "bench: cannot read $BENCH_NEWS (set BENCH_NEWS)" >&2; exit 1; }
scripts/install-deps.sh build bench test
if [ -z "${BIN_DIR:-}" ]; then
  BUILD_DIR=build-bench BUILD_TYPE=Release scripts/build.sh -DNEWSEARCH_TESTS=OFF >&2
  BIN_DIR=build-bench/bin
fi
BIN_DIR=$(cd "$BIN_DIR" && pwd)

work=$(mktemp -d /tmp/bench-shards-XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "bench-shards: $*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

corpus="$work/corpus.jsonl"
queries="$work/queries.txt"
if [ "$set_name" = real ]; then python3 bench/make_corpus.py real "$corpus"
else python3 bench/make_corpus.py generate "$set_name" "$corpus"; fi
python3 bench/make_corpus.py queries 200 "$queries"
text_mb=$(python3 bench/report.py text-size "$corpus" | sed -n 's/.*text_mb=\([0-9.]*\).*/\1/p')

# index NAME [--shards N]: prints "seconds size_mb"
index() {
  local name=$1; shift
  local started=$(date +%s.%N)
  "$BIN_DIR/indexer" --quiet --db "$work/$name" "$@" "$corpus" >&2
  python3 -c "print('%.1f' % ($(date +%s.%N) - $started))"
  du -sbL "$work/$name" | awk '{printf "%.1f\n", $1 / 1e6}'
}

# serve DB [server options]: starts the server, sets $url
serve() {
  local db=$1; shift
  setsid "$BIN_DIR/server" --db "$db" "$@" --port 0 --bind 127.0.0.1 --quiet > "$work/server.out" 2> "$work/server.err" &
  pids+=($!)
  for _ in $(seq 1 500); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.out" 2>/dev/null) && break
    sleep 0.02
  done
  [ -n "$url" ] || { cat "$work/server.err" >&2; exit 1; }
}

stop_last() { kill -- "-${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; }

# measure LABEL SHARDS SECONDS SIZE: wrk over the mix against $url, one table row
measure() {
  BENCH_QUERIES=$queries wrk -t 1 -c 2 -d 2s -s bench/search.lua "$url/" >/dev/null  # warm the cache
  local line
  line=$(BENCH_QUERIES=$queries wrk -t 2 -c "$concurrency" -d "${seconds}s" --timeout 10s -s bench/search.lua "$url/" |
         grep '^RESULT')
  local qps p50 p99 errors
  qps=$(echo "$line" | sed 's/.*qps=\([0-9.]*\).*/\1/')
  p50=$(echo "$line" | sed 's/.*p50_ms=\([0-9.]*\).*/\1/')
  p99=$(echo "$line" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/')
  errors=$(echo "$line" | sed 's/.*errors=\([0-9]*\) non2xx=\([0-9]*\).*/\1+\2/')
  echo "| $1 | $2 | $3 | $4 | $(python3 -c "print('%.2f' % ($4 / $text_mb))") | $qps | $p50 | $p99 | $errors |"
}

rows=()
log "one database"
read -r secs size < <(index single | paste -s -d' ')
serve "$work/single"; rows+=("$(measure "one database" 1 "$secs" "$size")"); stop_last
for n in 2 4; do
  log "$n local shards"
  read -r secs size < <(index "local$n" --shards "$n" | paste -s -d' ')
  serve "$work/local$n"; rows+=("$(measure "local shards" "$n" "$secs" "$size")"); stop_last
done
log "2 remote shards (xapian-tcpsrv on 127.0.0.1)"
stub="$work/remote.stub"
: > "$stub"
for i in 0 1; do
  port=$(free_port)
  setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$work/local2/shard-$i" >/dev/null 2>&1 &
  pids+=($!)
  echo "remote tcp 127.0.0.1 $port" >> "$stub"
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
done
size=$(du -sbL "$work/local2" | awk '{printf "%.1f", $1 / 1e6}')
serve "$stub"; rows+=("$(measure "remote shards (xapian-tcpsrv)" 2 "(as local 2)" "$size")"); stop_last
# Remote work waits on the network: more server threads than cores overlap it.
serve "$stub" --threads 8; rows+=("$(measure "remote shards, server --threads 8" 2 "(as local 2)" "$size")")

echo "## Shards, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Command: bench/shards.sh --set $set_name --seconds $seconds ($(wc -l < "$corpus") articles, $text_mb MB of text; search at c=$concurrency with 10 snippets)"
echo
echo "| index | shards | indexing s | index MB | index / text | QPS | p50 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
