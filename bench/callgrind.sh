#!/usr/bin/env bash
# Instructions per search request, repeatable on a busy machine: runs the
# server under callgrind (one thread), counts only inside the request handler
# (Session::on_read: routing, search, building the answer), and replays the
# query mix over one connection.
#
#   bench/callgrind.sh SERVER_BINARY INDEX QUERIES PASSES OUT_PREFIX
#
# Writes OUT_PREFIX.callgrind (callgrind_annotate it) and OUT_PREFIX.json (the
# answers, for comparing two builds). Run it with PASSES 1 and 3: the
# difference halved is the steady cost of one pass without one-time costs
# (ICU's transliterator registry, first spelling lookups, caches).
# SERVER_OPTIONS (default --quiet) replaces the server's logging and metrics
# options, e.g. SERVER_OPTIONS="--no-metrics --quiet" or "--log-format json".
# Example (10k generated articles, as bench/run.sh --quick builds them):
#   python3 bench/make_corpus.py generate 10000 /tmp/c.jsonl
#   python3 bench/make_corpus.py queries 200 /tmp/q.txt
#   build/bin/indexer --quiet --db /tmp/idx /tmp/c.jsonl
#   bench/callgrind.sh build/bin/server /tmp/idx /tmp/q.txt 1 /tmp/one
#   bench/callgrind.sh build/bin/server /tmp/idx /tmp/q.txt 3 /tmp/three
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: bench/callgrind.sh SERVER INDEX QUERIES PASSES OUT_PREFIX" >&2; exit 2; }
server=$1 index=$2 queries=$3 passes=$4 out=$5
here=$(cd "$(dirname "$0")" && pwd)
valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*Session::on_read*' \
  --callgrind-out-file="$out.callgrind" "$server" --db "$index" --port 0 --bind 127.0.0.1 \
  ${SERVER_OPTIONS:---quiet} --threads 1 > "$out.server.out" 2> "$out.server.err" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
port=""
for _ in $(seq 600); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$out.server.out" 2>/dev/null | sed 's/.*://' || true)
  [ -n "$port" ] && break
  kill -0 $pid 2>/dev/null || { cat "$out.server.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "callgrind.sh: the server did not start" >&2; exit 1; }
python3 "$here/replay.py" "$port" "$queries" "$passes" "$out.json"
kill $pid
wait $pid 2>/dev/null || true
trap - EXIT
callgrind_annotate "$out.callgrind" > "$out.annotate.txt" 2>/dev/null
grep -m1 "PROGRAM TOTALS" "$out.annotate.txt"
