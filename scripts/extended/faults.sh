#!/usr/bin/env bash
# Faults around the index and the process, all on 127.0.0.1 with a scratch
# folder removed at the end (about 1 minute):
#  - a missing, empty or corrupt database at start: one line naming the path, exit non-zero;
#  - the database disappearing at run time: 503 JSON errors, then recovery;
#  - re-indexing under load: zero failed requests, never a response mixing generations;
#  - SIGTERM under load: stops accepting, finishes requests in flight, exits 0.
set -uo pipefail
source "$(dirname "$0")/lib/common.bash"
prepare_build
clients="$repo_root/scripts/extended/lib/clients.py"

# --- start-up errors -------------------------------------------------------

# expect_start_error NAME DB: the server must exit non-zero with one line on
# stderr that names the path.
expect_start_error() {
  local name="$1" db="$2"
  local err="$scratch/start-error.txt"
  timeout 20 "$bin/server" --db "$db" --port 0 >/dev/null 2>"$err"
  local status=$?
  local lines
  lines=$(wc -l <"$err")
  if [ $status -ne 0 ] && [ $status -ne 124 ] && [ $status -lt 128 ] && [ "$lines" -eq 1 ] && grep -qF "$db" "$err"; then
    pass "$name database at start: exit $status, \"$(cat "$err")\""
  else
    fail "$name database at start: exit $status, $lines line(s) on stderr: $(head -c 400 "$err")"
  fi
}

"$bin/indexer" --quiet --db "$scratch/small" corpus >/dev/null 2>&1 || fail "indexing the shipped corpus"
generation=$(readlink -f "$scratch/small")

expect_start_error "a missing" "$scratch/no-such-index"
mkdir -p "$scratch/empty-dir"
expect_start_error "an empty folder as" "$scratch/empty-dir"
: >"$scratch/empty-file"
expect_start_error "an empty file as" "$scratch/empty-file"
cp -r "$generation" "$scratch/corrupt-version"
head -c 300 /dev/urandom >"$scratch/corrupt-version/iamglass"
expect_start_error "a corrupt (version file of random bytes)" "$scratch/corrupt-version"
cp -r "$generation" "$scratch/corrupt-tables"
for table in "$scratch"/corrupt-tables/*.glass; do head -c 8192 /dev/urandom >"$table"; done
expect_start_error "a corrupt (tables of random bytes)" "$scratch/corrupt-tables"
ln -s "$scratch/small.gen-gone" "$scratch/dangling"
expect_start_error "a dangling link as" "$scratch/dangling"

# --- the database disappearing at run time --------------------------------

# expect_json_error URL STATUS: the answer has that status and a JSON "error".
expect_json_error() {
  local body status
  body=$(curl -s --max-time 5 -w '\n%{http_code}' "$1")
  status=${body##*$'\n'}
  body=${body%$'\n'*}
  [ "$status" = "$2" ] && python3 -c 'import json,sys; assert "error" in json.loads(sys.argv[1])' "$body" 2>/dev/null
}

if start_server "$scratch/small"; then
  search="$base/api/search?q=%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F"
  check "a search answers 200 before the database goes away" [ "$(http_status "$search")" = 200 ]
  mv "$scratch/small" "$scratch/small.away"
  check "the index link removed: /api/search answers 503 with a JSON error" expect_json_error "$search" 503
  check "the index link removed: /healthz answers 503 with a JSON error" expect_json_error "$base/healthz" 503
  check "the index link removed: the search page answers 503" [ "$(http_status "$base/search?q=x")" = 503 ]
  mv "$scratch/small.away" "$scratch/small"
  check "the index link back: /api/search answers 200 again" [ "$(http_status "$search")" = 200 ]
  mv "$generation" "$generation.away"
  check "the generation folder removed: /api/search answers 503 with a JSON error" expect_json_error "$search" 503
  mv "$generation.away" "$generation"
  check "the generation folder back: /api/search and /healthz answer 200 again" \
    [ "$(http_status "$search")$(http_status "$base/healthz")" = 200200 ]
  check "the server survived all of it" kill -0 "$server_pid"
  stop_server
fi

# --- re-indexing under load -----------------------------------------------

# Two corpora of the same articles, told apart by the first letter of each id
# (A or B) and a marker word, each the whole shipped corpus so that a
# rebuild takes long enough to overlap many requests.
corpus_with_marker "$scratch/corpus-a.jsonl" A поколениеальфа 1
corpus_with_marker "$scratch/corpus-b.jsonl" B поколениебета 1
"$bin/indexer" --quiet --db "$scratch/live" "$scratch/corpus-a.jsonl" >/dev/null 2>&1 || fail "indexing corpus A"
if start_server "$scratch/live" --threads 2; then
  stop_file="$scratch/stop-queries"
  python3 "$clients" query-loop "$port" "$stop_file" 4 >"$scratch/query-loop.txt" 2>&1 &
  loop_pid=$!
  remember_pid "$loop_pid"
  wrk_out="$scratch/wrk-reindex.txt"
  # wrk runs until the rebuilds are done; SIGINT makes it stop and report.
  wrk -t 2 -c 16 -d 600s --timeout 10s -s scripts/extended/lib/query-mix.lua "$base" >"$wrk_out" 2>&1 &
  wrk_pid=$!
  remember_pid "$wrk_pid"
  rebuilds=0
  started=$(date +%s)
  for corpus in b a; do
    sleep 1
    if "$bin/indexer" --quiet --db "$scratch/live" "$scratch/corpus-$corpus.jsonl" >"$scratch/reindex.txt" 2>&1; then
      rebuilds=$((rebuilds + 1))
    else
      fail "re-indexing corpus $corpus: $(tail -1 "$scratch/reindex.txt")"
    fi
  done
  seconds=$(( $(date +%s) - started ))
  sleep 1
  kill -INT "$wrk_pid"
  touch "$stop_file"
  wait "$loop_pid"
  loop_status=$?
  cat "$scratch/query-loop.txt"
  check "$rebuilds full rebuilds and switches in $seconds s under load: every query-loop answer 200, none mixing A and B" \
    [ $loop_status -eq 0 ]
  check "the query loop saw both generations" grep -q "'A': [0-9]*, 'B'" "$scratch/query-loop.txt"
  wait "$wrk_pid"
  requests=$(awk '/requests in/ {print $1}' "$wrk_out")
  errors=$(grep -E 'Non-2xx|Socket errors' "$wrk_out" | tr '\n' ' ')
  wrk_clean=no
  [ -n "$requests" ] && [ -z "$errors" ] && wrk_clean=yes
  check "wrk (16 connections) during the rebuilds: ${requests:-no} requests, no socket errors and no non-2xx ${errors:+($errors)}" \
    [ $wrk_clean = yes ]
  generations=$(ls -d "$scratch"/live.gen-* | wc -l)
  check "old generations are removed: $generations left (the current and the one before)" [ "$generations" -le 2 ]
  stop_server
fi

# --- SIGTERM under load ----------------------------------------------------

if start_server "$scratch/live" --threads 2; then
  python3 "$clients" sigterm "$port" "$server_pid" 32 >"$scratch/sigterm.txt" 2>&1
  client_status=$?
  cat "$scratch/sigterm.txt"
  wait "$server_pid"
  server_status=$?
  check "SIGTERM under load: no truncated or failed answer" [ $client_status -eq 0 ]
  check "SIGTERM under load: the server exits 0 (got $server_status)" [ $server_status -eq 0 ]
  check "SIGTERM under load: the port no longer accepts connections" [ "$(http_status "$base/healthz" 2)" = 000 ]
  grep -v '^server: stopped$' "$server_log" | head -5
  check "SIGTERM under load: the server logged nothing but \"server: stopped\"" \
    [ -z "$(grep -v '^server: stopped$' "$server_log")" ]
fi

finish
