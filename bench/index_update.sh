#!/usr/bin/env bash
# The indexer's update mode on the real texts (issue #16):
#   1. a full build of the input, timed;
#   2. `indexer --update` over the same, unchanged input: the incremental
#      re-run, timed (target: under 10% of the full build);
#   3. 10% of the articles replaced (every tenth gets a sentence added) with
#      `indexer --update`: the index size against a fresh build of the same
#      articles (target: within 1.2x), before and after `indexer --compact`.
#
#   bench/index_update.sh [--limit N]
#
# The texts are read at run time from ../shared/corpora/bench-news/news.jsonl.xz
# (BENCH_NEWS=... to override; nothing of them is written into the repository);
# --limit N takes the first N. BIN_DIR selects the binaries (default
# build/bin). Work files go to a fresh /tmp/index-update-XXXX, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

limit=0
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) limit="$2"; shift 2 ;;
    *) echo "usage: bench/index_update.sh [--limit N]" >&2; exit 2 ;;
  esac
done

source bench/common.bash
bench_setup index_update

# The input, and the same with every tenth article changed.
python3 - "$news" "$limit" "$work/news.jsonl" "$work/changed.jsonl" <<'PY'
import itertools, json, lzma, sys
news, limit, original, changed = sys.argv[1], int(sys.argv[2]) or None, sys.argv[3], sys.argv[4]
with lzma.open(news, "rt", encoding="utf-8") as f, open(original, "w", encoding="utf-8") as a, \
        open(changed, "w", encoding="utf-8") as b:
    for i, line in enumerate(itertools.islice(f, limit)):
        a.write(line)
        if i % 10 == 0:
            article = json.loads(line)
            article["text"] += "\n\nИсправлено: уточнены детали публикации."
            line = json.dumps(article, ensure_ascii=False) + "\n"
        b.write(line)
PY

# Runs the indexer, prints its summary line to stderr, and "WALL CPU" seconds
# on stdout (CPU: user + system; on a shared machine the steadier figure).
timed() {
  /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$bin/indexer" --quiet "$@" >"$work/out.txt" 2>"$work/err.txt" ||
    { cat "$work/err.txt" >&2; exit 1; }
  tail -n 1 "$work/out.txt" >&2
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/time.txt"
}
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.3f}')" "$1" "$2"; }
bytes() { du -sbL "$1" | cut -f1; }
tables() { (cd "$(readlink -f "$1")" && for t in *.glass; do printf '%s=%s ' "${t%.glass}" "$(stat -c %s "$t")"; done); }

t=$(timed --db "$work/idx" "$work/news.jsonl"); read -r full full_cpu <<<"$t"
t=$(timed --db "$work/idx" --update "$work/news.jsonl"); read -r rerun rerun_cpu <<<"$t"
echo "full_build_s=$full rerun_unchanged_s=$rerun ratio=$(ratio "$rerun" "$full")" \
     "full_build_cpu_s=$full_cpu rerun_cpu_s=$rerun_cpu cpu_ratio=$(ratio "$rerun_cpu" "$full_cpu")"

t=$(timed --db "$work/fresh" "$work/changed.jsonl"); read -r fresh_seconds _ <<<"$t"
t=$(timed --db "$work/idx" --update "$work/changed.jsonl"); read -r replace_seconds _ <<<"$t"
fresh=$(bytes "$work/fresh")
replaced=$(bytes "$work/idx")
echo "fresh_build_bytes=$fresh ($fresh_seconds s) after_replacing_10pct_bytes=$replaced ($replace_seconds s)" \
     "ratio=$(python3 -c "import sys; print(f'{int(sys.argv[1]) / int(sys.argv[2]):.2f}')" "$replaced" "$fresh")"
echo "  tables fresh:    $(tables "$work/fresh")"
echo "  tables replaced: $(tables "$work/idx")"
t=$(timed --db "$work/idx" --compact); read -r compact_seconds _ <<<"$t"
compacted=$(bytes "$work/idx")
echo "after_compact_bytes=$compacted ($compact_seconds s)" \
     "ratio=$(python3 -c "import sys; print(f'{int(sys.argv[1]) / int(sys.argv[2]):.2f}')" "$compacted" "$fresh")"
