# What the benchmarks over the real texts share (sourced by bench/index_speed.sh
# and bench/index_update.sh, after `cd` to the repository and `repo=$(pwd)`).

# bench_setup NAME: sets `news` (the texts: $BENCH_NEWS or
# ../shared/corpora/bench-news/news.jsonl.xz, read at run time and never
# copied into the repository), `bin` (the binaries: $BIN_DIR or build/bin) and
# `work` (a fresh /tmp/NAME-XXXXXX, removed at exit). Without the texts it
# says so and exits 0 (nothing to measure); without the indexer or
# /usr/bin/time it exits 1.
bench_setup() {
  local name=$1
  news="${BENCH_NEWS:-$repo/../shared/corpora/bench-news/news.jsonl.xz}"
  if [ ! -r "$news" ]; then
    echo "$name: cannot read $news (set BENCH_NEWS); nothing measured" >&2
    exit 0
  fi
  bin="${BIN_DIR:-build/bin}"
  [ -x "$bin/indexer" ] || { echo "$name: no $bin/indexer (build first or set BIN_DIR)" >&2; exit 1; }
  [ -x /usr/bin/time ] || { echo "$name: needs /usr/bin/time (scripts/install-deps.sh bench)" >&2; exit 1; }
  work=$(mktemp -d "/tmp/${name//_/-}-XXXXXX")
  trap 'rm -rf "$work"' EXIT
}
