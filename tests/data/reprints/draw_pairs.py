# Draws candidate pairs for labelling from bench-news the way README.md says (seed 2026),
# leaving out pairs.tsv and every text of its test half:
#   xz -dc ../shared/corpora/bench-news/news.jsonl.xz > /tmp/news.jsonl
#   PYTHONHASHSEED=0 python3 tests/data/reprints/draw_pairs.py /tmp/news.jsonl > drawn.tsv
# prints id_a, id_b, 4-gram Jaccard and kind (tgx: two Telegram channels, tg: one, other).
# The third draw (pairs3.tsv) left out every labelled pair and every text of any test half,
# kept only pairs whose md5 puts them in the development half, and drew more pairs from the
# bands near the decision boundary:
#   PYTHONHASHSEED=0 python3 tests/data/reprints/draw_pairs.py /tmp/news.jsonl --seed 3417 \
#       --exclude pairs.tsv --exclude pairs2.tsv --dev-only --per-band 0,4,10,16,18,18,14,10,6,4
import os, json, re, random, hashlib, collections, sys, argparse
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
args = argparse.ArgumentParser()
args.add_argument('corpus')
args.add_argument('--seed', type=int, default=2026)
args.add_argument('--exclude', action='append', default=None)
args.add_argument('--dev-only', action='store_true')
args.add_argument('--per-band', default=None, help='pairs a band (ten comma-separated counts), shared across kinds')
args.add_argument('--kinds', default='tgx,other,tg', help='kinds drawn by --per-band (hard negatives: other,tg)')
args.add_argument('--merged', default=None, help='pairs the detector merges today (reprint_pairs --merged-pairs)')
args.add_argument('--merged-count', type=int, default=0, help='how many of them to draw, each text at most once')
args.add_argument('--merged-kinds', default='tgx,other,tg', help='kinds of merged pairs drawn (across sources: tgx,other)')
args.add_argument('--merged-same-count', type=int, default=0, help='merged pairs of one channel drawn on top (templates)')
args.add_argument('--merged-label', default='merged', help="the pool's name in the output (near: reprint_pairs --near-pairs)")
args.add_argument('--short-count', type=int, default=0, help='candidates whose shorter text has under 60 words')
args.add_argument('--quoted-count', type=int, default=0, help='candidates sharing a quotation of 8 words or more')
args.add_argument('--hard-count', type=int, default=0, help='hard negatives: candidates under 0.3 of the same day sharing two names')
args.add_argument('--digest-count', type=int, default=0, help='candidates of which one text is a digest (four list lines or more)')
args = args.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
def half(a, b):
    return 'dev' if int(hashlib.md5(f'{a}|{b}'.encode()).hexdigest()[0], 16) % 2 == 0 else 'test'
docs = {}
for l in open(args.corpus):
    d = json.loads(l)
    docs[d['id']] = d
old = set(); old_test_ids = set()
for name in args.exclude or ['pairs.tsv']:
    for l in open(os.path.join(here, name)):
        if l.startswith('#'): continue
        a, b, lab, h = l.rstrip('\n').split('\t')
        old.add(frozenset((a, b)))
        if h == 'test': old_test_ids |= {a, b}
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
    if args.dev_only and half(a, b) != 'dev': continue
    j = len(sh[a] & sh[b]) / len(sh[a] | sh[b])
    lo = 0 if j < 0.1 else min(int(j * 10), 9)
    kind = 'tgx' if chan(a) and chan(b) and chan(a) != chan(b) else ('tg' if chan(a) and chan(b) else 'other')
    if j >= 0.03: bands[(lo, kind)].append((a, b, j))
for k in sorted(bands): print(k, len(bands[k]), file=sys.stderr)
rng = random.Random(args.seed)
# per band: Telegram reposts across channels first, then other sources, then one channel
want = {'tgx': 14, 'other': 7, 'tg': 5}
out = []
per_band = [int(n) for n in args.per_band.split(',')] if args.per_band else None
for lo in range(10):
    if per_band:
        # split a band's count 50/25/25 over the kinds, so channels and sources all appear
        counts = {'tgx': (per_band[lo] + 1) // 2, 'other': per_band[lo] // 4, 'tg': per_band[lo] - (per_band[lo] + 1) // 2 - per_band[lo] // 4}
        kinds = args.kinds.split(',')
        if len(kinds) == 2:  # an even split over the two kinds asked for
            counts = {kinds[0]: (per_band[lo] + 1) // 2, kinds[1]: per_band[lo] // 2}
    else:
        counts = want
    left = {}
    for kind, n in counts.items():
        pool = sorted(bands[(lo, kind)])
        rng.shuffle(pool)
        out += [(a, b, j, kind) for a, b, j in pool[:n]]
        left[kind] = pool[n:]
    if per_band:
        # a kind short of pairs in this band: the others make up its count
        short = sum(max(0, n - len(bands[(lo, kind)])) for kind, n in counts.items())
        for kind in [k for k in ('tgx', 'tg', 'other') if k in args.kinds.split(',')]:
            take = left[kind][:short]
            out += [(a, b, j, kind) for a, b, j in take]
            short -= len(take)
# Pairs the detector merges today, so that its false merges are sampled too:
# each text at most once (a large template cluster would fill the draw).
if args.merged:
    drawn = {frozenset((a, b)) for a, b, _, _ in out}
    used = {x for a, b, _, _ in out for x in (a, b)}
    pool = []
    for l in open(args.merged):
        a, b, _ = l.rstrip('\n').split('\t')
        if frozenset((a, b)) in old or frozenset((a, b)) in drawn or a in old_test_ids or b in old_test_ids: continue
        if args.dev_only and half(a, b) != 'dev': continue
        pool.append((a, b))
    pool.sort()
    rng.shuffle(pool)
    taken = same_taken = 0
    for a, b in pool:
        if taken >= args.merged_count and same_taken >= args.merged_same_count: break
        if a in used or b in used: continue
        j = len(sh[a] & sh[b]) / max(1, len(sh[a] | sh[b]))
        kind = 'tgx' if chan(a) and chan(b) and chan(a) != chan(b) else ('tg' if chan(a) and chan(b) else 'other')
        if kind not in args.merged_kinds.split(','):
            if kind != 'tg' or same_taken >= args.merged_same_count: continue
            same_taken += 1
        elif taken >= args.merged_count: continue
        else: taken += 1
        used |= {a, b}
        out.append((a, b, j, kind + ',' + args.merged_label))
    # mixed, so that the labeller cannot tell a pair's pool by its place
    rng.shuffle(out)
# Pools where the hidden set's false merges will be (the fifth draw): short
# posts, and pairs sharing a long quotation (a statement quoted by two stories).
QUOTE = re.compile(r'[«"“]([^«»"“”]{40,})[»"”]')
def quotes(text):
    return {' '.join(WORD.findall(q.lower().replace('ё', 'е'))) for q in QUOTE.findall(text or '') if len(WORD.findall(q)) >= 8}
def draw_pool(test, count, label):
    drawn = {frozenset((a, b)) for a, b, _, _ in out}
    used = {x for a, b, _, _ in out for x in (a, b)}
    pool = []
    for a, b in sorted(cands):
        if frozenset((a, b)) in old or frozenset((a, b)) in drawn or a in old_test_ids or b in old_test_ids: continue
        if args.dev_only and half(a, b) != 'dev': continue
        j = len(sh[a] & sh[b]) / max(1, len(sh[a] | sh[b]))
        if j >= 0.03 and test(a, b): pool.append((a, b, j))
    print(label, 'pool', len(pool), file=sys.stderr)
    rng.shuffle(pool)
    taken = 0
    for a, b, j in pool:
        if taken >= count: break
        if a in used or b in used: continue
        used |= {a, b}
        taken += 1
        kind = 'tgx' if chan(a) and chan(b) and chan(a) != chan(b) else ('tg' if chan(a) and chan(b) else 'other')
        out.append((a, b, j, kind + ',' + label))
if args.short_count:
    draw_pool(lambda a, b: min(len(norm_words(docs[a].get('text') or '')), len(norm_words(docs[b].get('text') or ''))) < 60,
              args.short_count, 'short')
if args.quoted_count:
    draw_pool(lambda a, b: bool(quotes(docs[a].get('text')) & quotes(docs[b].get('text'))), args.quoted_count, 'quoted')
# The sixth draw: hard negatives (the same day, the same people or places,
# little text in common) and digests (lists of items, which two channels may
# share in part).
NAME = re.compile(r'(?<![.!?:\n] )(?<!^)\b[А-ЯЁA-Z][а-яёa-z]{3,}', re.M)
def names(text):
    return {n[:5].lower() for n in NAME.findall(text or '')}
def same_day(a, b):
    da, db = docs[a].get('date') or '', docs[b].get('date') or ''
    return len(da) >= 10 and da[:10] == db[:10]
def jaccard(a, b):
    return len(sh[a] & sh[b]) / max(1, len(sh[a] | sh[b]))
LIST_LINE = re.compile(r'^\s*(?:[-—–•▪️▫️🔹🔸✅❗️⚡️➡️👉📌🔺🔻]|\d{1,2}[.)]|[^\w\s«"(])', re.U)
def is_digest(text):
    lines = [l for l in (text or '').split('\n') if len(WORD.findall(l)) >= 4]
    return sum(1 for l in lines if LIST_LINE.match(l)) >= 4
if args.hard_count:
    draw_pool(lambda a, b: jaccard(a, b) < 0.3 and same_day(a, b) and len(names(docs[a].get('text')) & names(docs[b].get('text'))) >= 2,
              args.hard_count, 'hard')
if args.digest_count:
    draw_pool(lambda a, b: is_digest(docs[a].get('text')) or is_digest(docs[b].get('text')), args.digest_count, 'digest')
if args.short_count or args.quoted_count or args.hard_count or args.digest_count:
    rng.shuffle(out)
for a, b, j, kind in out: print(f'{a}\t{b}\t{j:.3f}\t{kind}')
