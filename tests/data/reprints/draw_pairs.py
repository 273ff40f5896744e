# Draws candidate pairs for labelling from bench-news the way README.md says (seed 2026),
# leaving out pairs.tsv and every text of its test half:
#   xz -dc ../shared/corpora/bench-news/news.jsonl.xz > /tmp/news.jsonl
#   PYTHONHASHSEED=0 python3 tests/data/reprints/draw_pairs.py /tmp/news.jsonl > drawn.tsv
# prints id_a, id_b, 4-gram Jaccard and kind (tgx: two Telegram channels, tg: one, other).
import os, json, re, random, hashlib, collections, sys
URL = re.compile(r'https?://\S+')
LINK = re.compile(r'\[([^\]\n]*)\]\([^)]*\)')
WORD = re.compile(r'\w+', re.U)
def norm_words(text):
    out = []
    for line in text.split('\n'):
        f = line.lower().replace('ё', 'е')
        if ('подпис' in f and ('t.me' in f or 'http' in f or len(WORD.findall(f)) <= 8)) or 'прислать новость' in f or 'без vpn' in f or f.startswith('ссылка на новость'):
            continue
        f = URL.sub(' ', LINK.sub(r'\1', f))
        if f.strip().startswith('#') and all(t.startswith('#') for t in f.split()): continue
        out += WORD.findall(f)
    return out
docs = {}
for l in open(sys.argv[1]):
    d = json.loads(l)
    docs[d['id']] = d
old = set(); old_test_ids = set()
for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pairs.tsv')):
    if l.startswith('#'): continue
    a, b, lab, half = l.rstrip('\n').split('\t')
    old.add(frozenset((a, b)))
    if half == 'test': old_test_ids |= {a, b}
sh = {}
for i, d in docs.items():
    w = norm_words(d.get('text') or '')
    sh[i] = set(hash(' '.join(w[k:k+4])) & 0xffffffffffff for k in range(len(w) - 3))
post = collections.defaultdict(list)
for i, s in sh.items():
    for g in s:
        if int(hashlib.md5(str(g).encode()).hexdigest()[:2], 16) % 3 == 0: post[g].append(i)
cnt = collections.Counter()
for g, ids in post.items():
    if 2 <= len(ids) <= 40:
        ids = sorted(ids)
        for x in range(len(ids)):
            for y in range(x+1, len(ids)): cnt[(ids[x], ids[y])] += 1
cands = [p for p, c in cnt.items() if c >= 2]
print('candidates', len(cands), file=sys.stderr)
def chan(i): return i.split('-')[0] if i.startswith('tg') else None
bands = collections.defaultdict(list)
for a, b in cands:
    if frozenset((a, b)) in old or a in old_test_ids or b in old_test_ids: continue
    j = len(sh[a] & sh[b]) / len(sh[a] | sh[b])
    lo = 0 if j < 0.1 else min(int(j * 10), 9)
    kind = 'tgx' if chan(a) and chan(b) and chan(a) != chan(b) else ('tg' if chan(a) and chan(b) else 'other')
    if j >= 0.03: bands[(lo, kind)].append((a, b, j))
for k in sorted(bands): print(k, len(bands[k]), file=sys.stderr)
rng = random.Random(2026)
# per band: Telegram reposts across channels first, then other sources, then one channel
want = {'tgx': 14, 'other': 7, 'tg': 5}
out = []
for lo in range(10):
    for kind, n in want.items():
        pool = sorted(bands[(lo, kind)])
        rng.shuffle(pool)
        out += [(a, b, j, kind) for a, b, j in pool[:n]]
for a, b, j, kind in out: print(f'{a}\t{b}\t{j:.3f}\t{kind}')
