#!/usr/bin/env bash
# Indexing speed of newsearch on the real texts: articles/s, CPU seconds,
# peak RSS and index size over text size, with the indexer's own phase times.
#
#   bench/index_speed.sh [--limit N] [--repeat R] [-- INDEXER_OPTION...]
#
# The texts are read at run time from ../shared/corpora/bench-news/news.jsonl.xz
# (BENCH_NEWS=... to override; nothing of them is written into the repository);
# --limit N takes the first N for quick iteration. BIN_DIR selects the
# binaries (default build/bin). Options after -- go to the indexer as they are
# (e.g. -- --memory 200). Work files go to a fresh /tmp/index-speed-XXXX,
# removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

limit=0
repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) limit="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: bench/index_speed.sh [--limit N] [--repeat R] [-- INDEXER_OPTION...]" >&2; exit 2 ;;
  esac
done

source bench/common.bash
bench_setup index_speed

corpus="$work/news.jsonl"
# The first N lines (python: `xz | head` fails the pipeline when head stops reading).
python3 -c '
import itertools, lzma, sys
limit = int(sys.argv[2]) or None
with lzma.open(sys.argv[1], "rt", encoding="utf-8") as f, open(sys.argv[3], "w", encoding="utf-8") as out:
    out.writelines(itertools.islice(f, limit))
' "$news" "$limit" "$corpus"
read -r articles text_mb < <(python3 bench/report.py text-size "$corpus" | sed 's/[a-z_]*=//g')

for run in $(seq "$repeat"); do
  db="$work/idx-$run"
  /usr/bin/time -v -o "$work/time.txt" "$bin/indexer" --quiet --timings --db "$db" "$@" "$corpus" \
    > "$work/out.txt" 2> "$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
  wall=$(awk '/Elapsed \(wall clock\)/ {n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.txt")
  cpu=$(awk '/User time|System time/ {s += $NF} END {printf "%.2f", s}' "$work/time.txt")
  peak=$(awk '/Maximum resident/ {printf "%.0f", $NF / 1024}' "$work/time.txt")
  size=$(du -sbL "$db" | cut -f1)
  python3 - "$articles" "$text_mb" "$wall" "$cpu" "$peak" "$size" <<'EOF'
import sys
articles, text_mb, wall, cpu, peak, size = (float(x) for x in sys.argv[1:])
print(f"articles={articles:.0f} text_mb={text_mb:.1f} seconds={wall:.2f} articles_per_s={articles / wall:.0f} "
      f"cpu_s={cpu:.2f} articles_per_cpu_s={articles / cpu:.0f} peak_rss_mb={peak:.0f} "
      f"index_mb={size / 1e6:.1f} index_ratio={size / (text_mb * 1e6):.2f}")
EOF
  grep '^indexer: time' "$work/err.txt" || true
  rm -rf "$db" "$db".gen-*
done
