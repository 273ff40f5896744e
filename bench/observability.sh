#!/usr/bin/env bash
# What metrics and request logs cost search throughput: one server binary, one
# index and query mix, served alternately without them (--no-metrics --quiet)
# and with them (metrics kept, a JSON log line per request written to a file),
# ROUNDS times each, wrk with 16 connections for SECONDS a run. Alternating
# spreads the load of a shared machine over both; the medians are compared.
#
#   bench/observability.sh SERVER INDEX QUERIES [ROUNDS=5] [SECONDS=10]
#
# Example (10k generated articles, as bench/run.sh --quick builds them):
#   python3 bench/make_corpus.py generate 10000 /tmp/c.jsonl
#   python3 bench/make_corpus.py queries 200 /tmp/q.txt
#   build/bin/indexer --quiet --db /tmp/idx /tmp/c.jsonl
#   bench/observability.sh build/bin/server /tmp/idx /tmp/q.txt
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: bench/observability.sh SERVER INDEX QUERIES [ROUNDS] [SECONDS]" >&2; exit 2; }
server=$1 index=$2 queries=$3 rounds=${4:-5} seconds=${5:-10}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/newsearch-observability.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT

qps() {  # label server-options...: one wrk run, prints the QPS
    local label=$1; shift
    "$server" --db "$index" --port 0 --bind 127.0.0.1 "$@" >"$work/out" 2>"$work/$label.log" &
    pid=$!
    local port=""
    for _ in $(seq 300); do
        port=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out" 2>/dev/null | sed 's/.*://' || true)
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || { echo "observability.sh: the server did not start" >&2; exit 1; }
    BENCH_QUERIES=$queries wrk -t 1 -c 2 -d 1s -s "$here/search.lua" "http://127.0.0.1:$port/" >/dev/null
    BENCH_QUERIES=$queries wrk -t 2 -c 16 -d "${seconds}s" --timeout 10s -s "$here/search.lua" \
        "http://127.0.0.1:$port/" | sed -n 's/^RESULT.* qps=\([0-9.]*\).*/\1/p'
    kill $pid; wait $pid 2>/dev/null || true; pid=""
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

: >"$work/off" ; : >"$work/on"
for round in $(seq "$rounds"); do
    off=$(qps off --no-metrics --quiet)
    on=$(qps on --log-format json)
    echo "round $round: without metrics and logs $off QPS, with $on QPS"
    echo "$off" >>"$work/off"; echo "$on" >>"$work/on"
done
lines=$(wc -l <"$work/on.log")
off=$(median <"$work/off") on=$(median <"$work/on")
echo "median: without $off QPS, with $on QPS: $(awk -v a="$off" -v b="$on" 'BEGIN {printf "%+.1f%%", (b - a) / a * 100}') ($lines log lines in the last run)"
