#!/usr/bin/env bash
# Indexing and query benchmark of newsearch, side by side with PostgreSQL 15
# full-text search and Sphinx 2.2.11 (Debian's sphinxsearch) on the same
# corpus and query mix. BENCH_SPHINX=0 leaves Sphinx out, BENCH_POSTGRES=0
# PostgreSQL (slow to load past 100k articles). BENCH_INDEX=DIR serves an index
# built before (of the one set given) instead of indexing with newsearch.
#
#   bench/run.sh --quick    the shipped corpus/ and 10,000 generated articles, 5 s per load level (CI, < 5 min)
#   bench/run.sh --full     corpus/, the 32,828 real texts, then 100k and 1M generated articles
#   bench/run.sh --sets "real 100000" --seconds 20    any choice of corpora
#
# Corpora are built at run time from ../shared/corpora/bench-news/news.jsonl.xz
# (BENCH_NEWS=... to override); nothing from it is written into the repository.
# Work files go to a fresh /tmp/bench-XXXX, removed at the end (BENCH_KEEP=1
# keeps them). BIN_DIR selects the binaries (default: a Release build in
# build-bench/, built first). Results: the table on stdout and in
# $BENCH_OUT (default /tmp/bench-results.md), raw lines in $BENCH_OUT.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
command_line="bench/run.sh $*"

sets=""
seconds=10
concurrencies="1 16 64"
case "${1:-}" in
  --quick) sets="corpus 10000"; seconds=5; shift ;;
  --full) sets="corpus real 100000 1000000"; seconds=20; shift ;;
esac
while [ $# -gt 0 ]; do
  case "$1" in
    --sets) sets="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh --quick | --full | --sets \"corpus real 10000 ...\" [--seconds N]" >&2; exit 2 ;;
  esac
done
[ -n "$sets" ] || { echo "usage: bench/run.sh --quick | --full | --sets \"real 10000 ...\" [--seconds N]" >&2; exit 2; }

export BENCH_NEWS="${BENCH_NEWS:-$repo/../shared/corpora/bench-news/news.jsonl.xz}"
if [ "$sets" != corpus ] && [ ! -r "$BENCH_NEWS" ]; then  # only corpus/ is built without it
  echo "bench: cannot read $BENCH_NEWS (set BENCH_NEWS)" >&2; exit 1
fi
out="${BENCH_OUT:-/tmp/bench-results.md}"

scripts/install-deps.sh build bench
if [ -z "${BIN_DIR:-}" ]; then
  BUILD_DIR=build-bench BUILD_TYPE=Release scripts/build.sh -DNEWSEARCH_TESTS=OFF
  BIN_DIR=build-bench/bin
fi
BIN_DIR=$(cd "$BIN_DIR" && pwd)

work=$(mktemp -d /tmp/bench-XXXXXX)
chmod 755 "$work"
results="$work/results.txt"
: > "$results"
server_pid=""
sphinx_conf=""
pg_data=""
pg_user=""
as_pg() { if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }

cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$pg_data" ] && as_pg pg_ctl -D "$pg_data" -m immediate -w stop >/dev/null 2>&1
  [ -n "$sphinx_conf" ] && searchd --config "$sphinx_conf" --stopwait >/dev/null 2>&1
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 143' INT TERM

log() { echo "bench: $*" >&2; }
record() { echo "$*" | tee -a "$results" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
elapsed() { python3 -c "print('%.2f' % ($(now) - $1))"; }
mb() { python3 -c "print('%.1f' % ($1 / 1e6))"; }
div() { python3 -c "print('%.${3:-1}f' % ($1 / $2 if $2 else 0))"; }
rss_mb() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
# Proportional set size of all PostgreSQL processes: shared buffers counted once.
pg_pss_mb() {
  local total=0 pid
  local postmaster
  postmaster=$(head -1 "$pg_data/postmaster.pid")
  for pid in "$postmaster" $(pgrep -P "$postmaster" || true); do
    total=$((total + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)))
  done
  mb $((total * 1024))
}

# CPU seconds used so far by the cluster: live processes and reaped ones.
pg_cpu_s() {
  local postmaster ticks=0 pid
  postmaster=$(head -1 "$pg_data/postmaster.pid")
  ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for pid in $(pgrep -P "$postmaster" || true); do
    ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  python3 -c "print('%.2f' % ($ticks / $(getconf CLK_TCK)))"
}

# --- corpora -------------------------------------------------------------
# "corpus": the repository's corpus/ (what scripts/run.sh serves); "real":
# the bench-news texts; a number: that many generated articles.
corpus_file() {  # name → path of its JSONL file, building it on first use
  local name=$1 file="$work/$1.jsonl"
  if [ ! -s "$file" ]; then
    case "$name" in
      corpus) python3 bench/make_corpus.py corpus corpus "$file" ;;
      real) python3 bench/make_corpus.py real "$file" ;;
      *) python3 bench/make_corpus.py generate "$name" "$file" ;;
    esac
  fi
  echo "$file"
}

# The mix comes from the real texts, except for corpus/, whose 260 articles
# hold few of their names: its mix is built from its own texts.
query_mix() {  # dataset file → path of the query mix
  local mix="$work/queries.txt"
  [ "$1" = corpus ] && mix="$work/corpus-queries.txt"
  if [ ! -s "$mix" ]; then
    if [ "$1" = corpus ]; then python3 bench/make_corpus.py queries 200 "$mix" "$2"
    else python3 bench/make_corpus.py queries 200 "$mix"; fi
  fi
  echo "$mix"
}

# --- newsearch ------------------------------------------------------------
index_newsearch() {  # dataset file
  local dataset=$1 file=$2 db="$work/$1-idx" started seconds size
  if [ -n "${BENCH_INDEX:-}" ]; then
    log "$dataset: serving $BENCH_INDEX, built before"
    ln -sfn "$(readlink -f "$BENCH_INDEX")" "$db"
    return
  fi
  log "$dataset: indexing with newsearch"
  started=$(now)
  /usr/bin/time -v -o "$work/time.txt" "$BIN_DIR/indexer" --quiet --timings --db "$db" "$file" >&2
  seconds=$(elapsed "$started")
  size=$(du -sbL "$db" | cut -f1)
  # Where the bytes are: one figure per Xapian table.
  record "dataset=$dataset system=newsearch kind=tables $(cd -P "$db" && for t in *.glass; do
    printf '%s_mb=%s ' "${t%.glass}" "$(mb "$(stat -c %s "$t")")"; done)"
  local peak cpu articles text_mb
  peak=$(awk '/Maximum resident/ {printf "%.1f", $NF / 1024}' "$work/time.txt")
  cpu=$(awk '/User time|System time/ {s += $NF} END {printf "%.2f", s}' "$work/time.txt")
  read -r articles text_mb < <(python3 bench/report.py text-size "$file" | sed 's/[a-z_]*=//g')
  record "dataset=$dataset system=newsearch kind=index articles=$articles text_mb=$text_mb seconds=$seconds" \
         "articles_per_s=$(div "$articles" "$seconds" 0) mb_per_s=$(div "$text_mb" "$seconds" 2)" \
         "cpu_s=$cpu articles_per_cpu_s=$(div "$articles" "$cpu" 0)" \
         "peak_rss_mb=$peak index_mb=$(mb "$size") index_ratio=$(div "$size" "($text_mb*1e6)" 2)"
}

start_server() {  # dataset
  local db="$work/$1-idx" port_line started deadline
  started=$(now)
  "$BIN_DIR/server" --db "$db" --port 0 --bind 127.0.0.1 --quiet > "$work/server.out" 2> "$work/server.err" &
  server_pid=$!
  deadline=$((SECONDS + 60))
  until port_line=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.out" 2>/dev/null); do
    [ $SECONDS -lt $deadline ] && kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; return 1; }
    sleep 0.01
  done
  server_url=$port_line
  until curl -sf "$server_url/healthz" >/dev/null; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.01
  done
  record "dataset=$1 system=newsearch kind=startup ms=$(python3 -c "print('%.0f' % (($(now) - $started) * 1000))")"
}

stop_server() { kill "$server_pid" && wait "$server_pid" 2>/dev/null || true; server_pid=""; }

run_wrk() {  # dataset kind concurrency path [extra params]
  local dataset=$1 kind=$2 c=$3 path=$4 threads=$(( $3 < 2 ? $3 : 2 )) line
  line=$(BENCH_QUERIES="${BENCH_QUERIES:-}" BENCH_EXTRA_PARAMS="${5:-}" \
         wrk -t "$threads" -c "$c" -d "${seconds}s" --timeout 10s -s bench/search.lua "$server_url$path" |
         grep '^RESULT') || { log "wrk failed"; return 1; }
  record "dataset=$dataset system=newsearch kind=$kind c=$c ${line#RESULT } rss_mb=$(rss_mb "$server_pid")"
}

check_answers() {  # every query of the mix must get a 200 with JSON hits
  local q
  while IFS=$'\t' read -r _ q; do
    curl -sf -G "$server_url/api/search" --data-urlencode "q=$q" --data limit=10 | grep -q '"hits"' ||
      { log "no valid answer for query: $q"; return 1; }
  done < "$queries"
}

bench_newsearch() {  # dataset
  local dataset=$1
  start_server "$dataset"
  check_answers
  # Warm the page cache and the server's per-thread state once over the mix.
  BENCH_QUERIES=$queries wrk -t 1 -c 2 -d 2s -s bench/search.lua "$server_url/" >/dev/null
  for c in $concurrencies; do
    BENCH_QUERIES=$queries run_wrk "$dataset" search "$c" /
    # Matching alone, as Sphinx's search-no-snippets row measures it.
    BENCH_QUERIES=$queries run_wrk "$dataset" search-no-snippets "$c" / "&snippets=0"
    BENCH_QUERIES="" run_wrk "$dataset" healthz "$c" /healthz
  done
  BENCH_QUERIES=$queries run_wrk "$dataset" "search-offset-1000" 16 / "&offset=1000"
  grep $'^common\t' "$queries" > "$work/common.txt"
  BENCH_QUERIES="$work/common.txt" run_wrk "$dataset" "search-common-words" 16 /
  stop_server
}

# --- PostgreSQL -------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
export PATH="$pg_bin:$PATH"

start_postgres() {
  pg_data="$work/pg"
  if [ "$(id -u)" -eq 0 ]; then pg_user=postgres; fi
  mkdir -p "$pg_data"
  [ -n "$pg_user" ] && chown "$pg_user" "$pg_data"
  as_pg initdb -D "$pg_data" -U bench --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_port=$(free_port)
  # Bulk-load friendly durability settings (the indexer does not fsync each
  # article either); JIT off as it only slows short queries down.
  as_pg pg_ctl -D "$pg_data" -l "$pg_data/log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $pg_port \
    -c unix_socket_directories=$pg_data -c max_connections=100 -c shared_buffers=1GB \
    -c maintenance_work_mem=1GB -c work_mem=16MB -c fsync=off -c synchronous_commit=off \
    -c full_page_writes=off -c jit=off" start >/dev/null
  export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=bench
}

index_postgres() {  # dataset file
  local dataset=$1 file=$2 started seconds size articles text_mb cpu_before cpu
  log "$dataset: loading into PostgreSQL"
  psql -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null
  cpu_before=$(pg_cpu_s)
  started=$(now)
  PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 -d bench -f bench/pg.sql < "$file" >/dev/null
  seconds=$(elapsed "$started")
  cpu=$(python3 -c "print('%.2f' % ($(pg_cpu_s) - $cpu_before))")
  size=$(psql -Atq -d bench -c "SELECT pg_total_relation_size('docs')")
  read -r articles text_mb < <(python3 bench/report.py text-size "$file" | sed 's/[a-z_]*=//g')
  record "dataset=$dataset system=postgresql kind=index articles=$articles text_mb=$text_mb seconds=$seconds" \
         "articles_per_s=$(div "$articles" "$seconds" 0) mb_per_s=$(div "$text_mb" "$seconds" 2)" \
         "cpu_s=$cpu articles_per_cpu_s=$(div "$articles" "$cpu" 0)" \
         "peak_rss_mb=– index_mb=$(mb "$size") index_ratio=$(div "$size" "($text_mb*1e6)" 2)"
  # The query mix, numbered for pgbench's random pick.
  psql -q -d bench -c "CREATE TABLE bench_queries (n serial PRIMARY KEY, kind text, query text)" \
       -c "\\copy bench_queries (kind, query) FROM '$queries' WITH (FORMAT text)" >/dev/null
}

bench_postgres() {  # dataset
  local dataset=$1 nq c threads latency tps
  nq=$(psql -Atq -d bench -c "SELECT count(*) FROM bench_queries")
  pgbench -n -f bench/pg_search.sql -D nq="$nq" -c 2 -j 1 -T 2 bench >/dev/null 2>&1  # warm-up
  for c in $concurrencies; do
    threads=$(( c < 2 ? c : 2 ))
    rm -f "$work"/pgbench_log.*
    tps=$( (cd "$work" && pgbench -n -f "$repo/bench/pg_search.sql" -D nq="$nq" -c "$c" -j "$threads" \
             -T "$seconds" -l --log-prefix=pgbench_log bench) | awk '/^tps/ {print $3; exit}')
    latency=$(python3 bench/report.py pgbench-latency "$work"/pgbench_log.*)
    record "dataset=$dataset system=postgresql kind=search c=$c qps=$(printf '%.1f' "$tps") $latency" \
           "rss_mb=$(pg_pss_mb)"
  done
}

# --- Sphinx -----------------------------------------------------------------
# Its indexer is /usr/bin/indexer (not ours); the config and index live in
# $work/sphinx, searchd listens on 127.0.0.1 only and is stopped after each
# corpus. Queries go through SphinxQL (the MySQL protocol) from
# bench/sphinx.py with Debian's python3-pymysql, one process a connection.
index_sphinx() {  # dataset file
  local dataset=$1 file=$2 port size peak cpu articles text_mb started seconds
  log "$dataset: indexing with Sphinx"
  rm -rf "$work/sphinx"
  sphinx_port=$(free_port)
  sphinx_conf=$(python3 bench/sphinx.py config "$work" "$sphinx_port")
  python3 bench/sphinx.py tsv "$file" "$work/sphinx/source.tsv"
  started=$(now)
  /usr/bin/time -v -o "$work/time.txt" /usr/bin/indexer --config "$sphinx_conf" --all --quiet >&2
  seconds=$(elapsed "$started")
  size=$(du -cb "$work/sphinx"/news.* | tail -1 | cut -f1)
  peak=$(awk '/Maximum resident/ {printf "%.1f", $NF / 1024}' "$work/time.txt")
  cpu=$(awk '/User time|System time/ {s += $NF} END {printf "%.2f", s}' "$work/time.txt")
  read -r articles text_mb < <(python3 bench/report.py text-size "$file" | sed 's/[a-z_]*=//g')
  record "dataset=$dataset system=sphinx kind=index articles=$articles text_mb=$text_mb seconds=$seconds" \
         "articles_per_s=$(div "$articles" "$seconds" 0) mb_per_s=$(div "$text_mb" "$seconds" 2)" \
         "cpu_s=$cpu articles_per_cpu_s=$(div "$articles" "$cpu" 0)" \
         "peak_rss_mb=$peak index_mb=$(mb "$size") index_ratio=$(div "$size" "($text_mb*1e6)" 2)"
}

bench_sphinx() {  # dataset
  local dataset=$1 c line pid
  searchd --config "$sphinx_conf" >/dev/null
  /usr/bin/python3 bench/sphinx.py load "$sphinx_port" "$queries" 2 2 >/dev/null  # warm-up
  pid=$(cat "$work/sphinx/searchd.pid")
  for c in $concurrencies; do
    line=$(/usr/bin/python3 bench/sphinx.py load "$sphinx_port" "$queries" "$seconds" "$c")
    record "dataset=$dataset system=sphinx kind=search c=$c $line rss_mb=$(rss_mb "$pid")"
    line=$(/usr/bin/python3 bench/sphinx.py load "$sphinx_port" "$queries" "$seconds" "$c" --no-snippets)
    record "dataset=$dataset system=sphinx kind=search-no-snippets c=$c $line rss_mb=$(rss_mb "$pid")"
  done
  searchd --config "$sphinx_conf" --stopwait >/dev/null 2>&1
  sphinx_conf=""
  rm -rf "$work/sphinx"
}

# --- the run ------------------------------------------------------------------
with_sphinx=${BENCH_SPHINX:-1}
with_postgres=${BENCH_POSTGRES:-1}
[ "$with_postgres" = 1 ] && start_postgres
for dataset in $sets; do
  file=""  # not needed when only newsearch runs, on an index built before
  if [ -z "${BENCH_INDEX:-}" ] || [ "$with_postgres" = 1 ] || [ "$with_sphinx" = 1 ]; then
    file=$(corpus_file "$dataset")
  fi
  log "$dataset: building the query mix"
  queries=$(query_mix "$dataset" "$file")
  index_newsearch "$dataset" "$file"
  bench_newsearch "$dataset"
  if [ "$with_postgres" = 1 ]; then
    index_postgres "$dataset" "$file"
    bench_postgres "$dataset"
  fi
  if [ "$with_sphinx" = 1 ]; then
    index_sphinx "$dataset" "$file"
    bench_sphinx "$dataset"
  fi
  rm -rf "$work/$dataset-idx".gen-* "$work/$dataset-idx"
done

{
  echo "## Benchmark $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo
  echo "Command: $command_line (sets: $sets; $seconds s per load level)"
  echo
  python3 bench/report.py table "$results"
} | tee "$out"
cp "$results" "$out.txt"
