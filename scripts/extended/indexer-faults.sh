#!/usr/bin/env bash
# The indexer on a corpus of bad files (about 20 s): Windows-1251 and KOI8-R
# text, empty and blank files, a binary file, a 50 MB file, broken JSONL
# lines and a duplicate id. Nothing may be lost silently: the summary's
# read = indexed + skipped + duplicates replaced, every skip is named with its
# file (and line) and reason, and the converted articles are searchable.
set -uo pipefail
source "$(dirname "$0")/lib/common.bash"
prepare_build

input="$scratch/input"
mkdir -p "$input"
python3 - "$input" <<'PY'
import json, sys
folder = sys.argv[1]
cp1251 = ("Правительство Киргизии утвердило программу развития сельского хозяйства. Министр отметил, что "
          "урожай пшеницы в этом году вырос, а цены на хлеб останутся стабильными. Программа рассчитана на пять лет "
          "и предусматривает субсидии фермерам. Кодировкавиндоус упомянута здесь.\n")
koi8 = ("Национальный банк Казахстана сохранил базовую ставку. Аналитики считают, что инфляция замедлится, "
        "а курс тенге останется устойчивым до конца года. Решение принято единогласно. Кодировкакоивосемь "
        "упомянута здесь.\n")
open(f"{folder}/cp1251.txt", "wb").write((cp1251 * 3).encode("cp1251"))
open(f"{folder}/koi8r.txt", "wb").write((koi8 * 3).encode("koi8_r"))
open(f"{folder}/empty.txt", "wb").close()
open(f"{folder}/blank.txt", "w").write("  \n\t\n")
open(f"{folder}/binary.txt", "wb").write(b"\x00\x01\x02PNG\x00" * 100)
paragraph = ("Большой файл: длинная статья о погоде в Бишкеке, повторённая много раз, чтобы проверить, "
             "что индексатор не падает и не теряет её молча. ").encode()
with open(f"{folder}/big.txt", "wb") as f:
    f.write(paragraph * (50 * 1024 * 1024 // len(paragraph) + 1))
lines = [
    json.dumps({"id": "j1", "title": "Первая", "text": "Первая статья про выборы. Словоодин."}, ensure_ascii=False),
    json.dumps({"id": "j2", "title": "Вторая", "text": "Вторая статья про экономику. Старыйтекст."}, ensure_ascii=False),
    '{"id": "j3", "title": "Оборванная", "text": "строка без конца',
    "",
    json.dumps({"title": "Без id", "text": "Статья без идентификатора."}, ensure_ascii=False),
    json.dumps(["массив", "вместо", "объекта"], ensure_ascii=False),
    json.dumps({"id": "j4", "text": "Третья статья про спорт."}, ensure_ascii=False),
    json.dumps({"id": "j2", "title": "Вторая, исправленная", "text": "Новыйтекст второй статьи."}, ensure_ascii=False),
]
with open(f"{folder}/articles.jsonl", "wb") as f:
    for line in lines:
        f.write(line.encode() + b"\n")
    f.write(b'{"id": "j5", "text": "\xff\xfe not UTF-8"}\n')
    f.write(b"not json at all\n")
PY

started=$(date +%s)
/usr/bin/time -f '%M' -o "$scratch/maxrss" "$bin/indexer" --quiet --db "$scratch/index" "$input" \
  >"$scratch/summary.txt" 2>"$scratch/messages.txt"
status=$?
seconds=$(( $(date +%s) - started ))
cat "$scratch/summary.txt" "$scratch/messages.txt"
check "the indexer finishes with exit 0 on a corpus of bad files (in $seconds s, max RSS $(( $(cat "$scratch/maxrss" 2>/dev/null || echo 0) / 1024 )) MB)" [ $status -eq 0 ]

summary=$(grep '^indexer: .* read,' "$scratch/summary.txt")
read_count=$(sed -n 's/^indexer: \([0-9]*\) read.*/\1/p' <<<"$summary")
indexed=$(sed -n 's/.* \([0-9]*\) indexed.*/\1/p' <<<"$summary")
skipped=$(sed -n 's/.* \([0-9]*\) skipped.*/\1/p' <<<"$summary")
duplicates=$(sed -n 's/.* \([0-9]*\) duplicate ids.*/\1/p' <<<"$summary")
adds_up=no
[ -n "$read_count" ] && [ -n "$indexed" ] && [ -n "$skipped" ] && [ -n "$duplicates" ] &&
  [ "$read_count" -eq $((indexed + skipped + duplicates)) ] && adds_up=yes
check "the summary adds up: ${read_count:-?} read = ${indexed:-?} indexed + ${skipped:-?} skipped + ${duplicates:-?} replaced" \
  [ $adds_up = yes ]
# cp1251, koi8r, j1, j2 (its later version), j4.
check "5 articles indexed (got ${indexed:-?})" [ "${indexed:-0}" = 5 ]
# empty, blank, binary, big, and in the JSONL: a cut line, no id, an array, bad UTF-8, not JSON.
check "9 skipped (got ${skipped:-?})" [ "${skipped:-0}" = 9 ]
check "1 duplicate id replaced (got ${duplicates:-?})" [ "${duplicates:-0}" = 1 ]

named=$(grep -c '^indexer: skipped ' "$scratch/messages.txt")
check "every skip is named on its own line ($named lines for ${skipped:-?} skips)" [ "$named" = "${skipped:-x}" ]
for where in empty.txt blank.txt binary.txt big.txt articles.jsonl:3 articles.jsonl:5 articles.jsonl:6 \
  articles.jsonl:9 articles.jsonl:10; do
  line=$(grep -F "/$where:" "$scratch/messages.txt" | head -1)
  check "the skip of $where names its file and reason: ${line:-nothing}" [ -n "$line" ]
done
check "the duplicate id is reported" grep -q 'duplicate id j2' "$scratch/messages.txt"

# expect_hits QUERY IDS: the ids of the hits for QUERY, space-separated.
hit_ids() {
  curl -s --max-time 5 -G "$base/api/search" --data-urlencode "q=$1" |
    python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
if start_server "$scratch/index"; then
  check "a Windows-1251 file is converted: its word finds it" [ "$(hit_ids Кодировкавиндоус)" = cp1251 ]
  check "a KOI8-R file is converted: its word finds it" [ "$(hit_ids Кодировкакоивосемь)" = koi8r ]
  check "a converted title reads as Russian" \
    bash -c "curl -s '$base/api/doc/cp1251' | grep -q 'Правительство Киргизии'"
  check "the later of two articles with one id wins" [ "$(hit_ids Новыйтекст)" = j2 ]
  check "the earlier of two articles with one id is gone" [ -z "$(hit_ids Старыйтекст)" ]
  stop_server
fi

finish
