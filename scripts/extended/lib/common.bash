# Shared by the fault and load suites (sourced, not run): builds the programs,
# makes a scratch folder, starts servers on 127.0.0.1 and always cleans up.
# PASS/FAIL lines go to stdout; `finish` exits non-zero when anything failed.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$repo_root"
build_dir="${BUILD_DIR:-build}"
bin="$repo_root/$build_dir/bin"
suite_name="$(basename "$0" .sh)"
failures=0
started_pids=()

scratch="$(mktemp -d "/tmp/newsearch-$suite_name-XXXXXX")"

cleanup() {
  local pid
  for pid in "${started_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null
  done
  sleep 0.2
  for pid in "${started_pids[@]}"; do
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pass() { echo "PASS $suite_name: $*"; }
fail() {
  echo "FAIL $suite_name: $*"
  failures=$((failures + 1))
}
check() {  # check "description" command...
  local what="$1"
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
finish() {
  if [ "$failures" -eq 0 ]; then
    echo "$suite_name: all checks passed"
    exit 0
  fi
  echo "$suite_name: $failures check(s) failed"
  exit 1
}

remember_pid() { started_pids+=("$1"); }

# Installs what the suite needs and builds (incrementally) into $build_dir.
# NEWSEARCH_SKIP_BUILD=1 uses the programs already there.
prepare_build() {
  scripts/install-deps.sh build test "$@" >/dev/null || { echo "FAIL $suite_name: cannot install dependencies"; exit 1; }
  [ "${NEWSEARCH_SKIP_BUILD:-0}" = 1 ] && return 0
  if ! BUILD_DIR="$build_dir" scripts/build.sh >"$scratch/build.log" 2>&1; then
    tail -30 "$scratch/build.log"
    echo "FAIL $suite_name: build failed"
    exit 1
  fi
}

# start_server DB [server options...]: starts the server on a free port and
# waits until it listens. Sets server_pid, port, server_log (stderr).
start_server() {
  local db="$1"
  shift
  server_log="$scratch/server-$RANDOM.log"
  local out="$server_log.stdout"
  "$bin/server" --db "$db" --port 0 --quiet "$@" >"$out" 2>"$server_log" &
  server_pid=$!
  remember_pid "$server_pid"
  local waited=0
  while ! grep -q 'listening on' "$out" 2>/dev/null; do
    if ! kill -0 "$server_pid" 2>/dev/null || [ $waited -gt 200 ]; then
      echo "$suite_name: the server did not start:"
      cat "$out" "$server_log"
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out" | head -1)
  base="http://127.0.0.1:$port"
}

# stop_server: SIGTERM, then waits; returns the server's exit status.
stop_server() {
  kill -TERM "$server_pid" 2>/dev/null
  wait "$server_pid"
}

# The status code of GET url (000 when no answer).
http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-5}" "$1"; }

# Resident memory of a process in KiB.
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# corpus_with_marker OUT_FILE PREFIX MARKER COPIES: a JSONL corpus made of the
# shipped articles, COPIES times over, each id starting with PREFIX and each
# text ending with the word MARKER, so a hit tells which corpus it came from.
corpus_with_marker() {
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import json, pathlib, sys
out, prefix, marker, copies = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
files = sorted(pathlib.Path("corpus").rglob("*.txt"))
with open(out, "w", encoding="utf-8") as f:
    for copy in range(copies):
        for path in files:
            text = path.read_text(encoding="utf-8", errors="replace")
            title = text.strip().split("\n", 1)[0][:120]
            f.write(json.dumps({"id": f"{prefix}{copy}-{path.stem}", "title": title,
                                "text": text + "\n" + marker}, ensure_ascii=False) + "\n")
PY
}
