#!/usr/bin/env python3
"""Writes benchmark corpora and the query mix, all built at run time from the
real news texts in ../shared/corpora/bench-news/news.jsonl.xz (never copied
into the repository).

  make_corpus.py real OUT.jsonl            the real texts, as they are
  make_corpus.py generate N OUT.jsonl      N articles of recombined sentences
  make_corpus.py corpus DIR OUT.jsonl      the *.txt articles under DIR (the
                                           repository's corpus/), id = file name
  make_corpus.py queries N OUT.txt [FROM.jsonl]
                                           N queries: the realistic mix, built
                                           from the real texts or from FROM

Generated articles recombine real sentences and add a long tail of rare words
and names (Zipf-distributed, vocabulary growing like Heaps' law with N), so
posting lists and the vocabulary grow as in a real archive. Everything is
seeded: the same N gives the same corpus.
"""
import collections
import json
import lzma
import os
import random
import re
import sys

from subcommands import run


REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.environ.get("BENCH_NEWS", os.path.join(REPO, "..", "shared", "corpora", "bench-news", "news.jsonl.xz"))

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"A-ZА-ЯЁ0-9])")
WORD = re.compile(r"[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё-]*")
LATIN = re.compile(r"^[A-Za-z][A-Za-z-]+$")
CYRILLIC = re.compile(r"^[А-Яа-яЁё-]+$")

# Syllables for invented surnames, places and rare words (the long tail).
ONSETS = ["б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш",
          "бр", "гр", "др", "кр", "пр", "тр", "ст", "ск", "шт", "зв", "кл", "пл", "сл", "гл"]
VOWELS = ["а", "о", "е", "и", "у", "ы", "я", "ю"]
SURNAME_ENDINGS = ["ов", "ев", "ин", "ский", "енко", "ук", "ян", "швили", "ович", "ых"]
WORD_ENDINGS = ["ость", "ация", "ник", "ство", "ный", "ать", "ить", "ка", "ение", "изм"]
LATIN_SYLLABLES = ["ka", "ro", "ne", "ta", "li", "mo", "sa", "ver", "tech", "on", "ix", "ar", "go", "zen"]


def read_news(path=SOURCE):
    opener = lzma.open if path.endswith(".xz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def write_txt_corpus(folder, out_path):
    """The repository's corpus as the server ships it: every *.txt, whole."""
    paths = sorted(os.path.join(d, n) for d, _, names in os.walk(folder) for n in names if n.endswith(".txt"))
    with open(out_path, "w", encoding="utf-8") as out:
        for path in paths:
            with open(path, encoding="utf-8-sig") as f:
                article = {"id": os.path.splitext(os.path.basename(path))[0], "text": f.read()}
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


def write_real(out_path):
    with open(out_path, "w", encoding="utf-8") as out:
        for a in read_news():
            article = {k: a.get(k, "") for k in ("id", "title", "text", "date", "url", "source")}
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


def sentences_and_titles():
    sentences, titles, sources = [], [], []
    for a in read_news():
        for s in SENTENCE_END.split(a.get("text", "")):
            s = " ".join(s.split())
            if 20 <= len(s) <= 400:
                sentences.append(s)
        if a.get("title"):
            titles.append(" ".join(a["title"].split()))
        sources.append(a.get("source", "news"))
    return sentences, titles, sources


def invented(rng, syllables, ending):
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)) + ending


class LongTail:
    """Rare words and names drawn from a Zipf distribution over an invented
    vocabulary whose size grows like Heaps' law: 4 * N^0.7 entries."""

    def __init__(self, rng, articles):
        size = max(1000, int(4 * articles ** 0.7))
        self.rng = rng
        self.words = []
        for i in range(size):
            kind = i % 4
            if kind == 0:
                self.words.append(invented(rng, rng.randint(1, 3), rng.choice(SURNAME_ENDINGS)).capitalize())
            elif kind == 1:
                self.words.append(invented(rng, rng.randint(1, 3), rng.choice(WORD_ENDINGS)))
            elif kind == 2:
                self.words.append("".join(rng.choice(LATIN_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize())
            else:
                self.words.append(invented(rng, 2, "ск").capitalize())  # places: Бравоск
        # Cumulative Zipf weights (s = 1.1), sampled by bisection.
        total, self.cumulative = 0.0, []
        for rank in range(1, size + 1):
            total += rank ** -1.1
            self.cumulative.append(total)
        self.total = total

    def pick(self):
        import bisect
        return self.words[bisect.bisect_left(self.cumulative, self.rng.random() * self.total)]

    def sprinkle(self, sentence):
        """Puts one long-tail word into a sentence, after a random word."""
        words = sentence.split(" ")
        at = self.rng.randint(1, len(words))
        words.insert(at, self.pick())
        return " ".join(words)


def generate(count, out_path):
    rng = random.Random(20240601 + count)
    sentences, titles, sources = sentences_and_titles()
    tail = LongTail(rng, count)
    with open(out_path, "w", encoding="utf-8") as out:
        for n in range(count):
            length = min(40, max(1, int(rng.lognormvariate(1.8, 0.8))))  # median ~6 sentences
            body = []
            for _ in range(length):
                s = rng.choice(sentences)
                if rng.random() < 0.3:
                    s = tail.sprinkle(s)
                body.append(s)
            title = rng.choice(titles)
            if rng.random() < 0.2:
                title = tail.sprinkle(title)
            year = rng.randint(2000, 2024)
            article = {
                "id": "gen-%07d" % n,
                "title": title,
                "text": "\n".join(" ".join(body[i:i + 3]) for i in range(0, len(body), 3)),
                "date": "%04d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28)),
                "url": "https://example.org/news/%d/gen-%07d" % (year, n),
                "source": rng.choice(sources),
            }
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


def word_counts(source):
    lower, capital, pairs, bigrams = collections.Counter(), collections.Counter(), collections.Counter(), \
        collections.Counter()
    for a in read_news(source):
        for s in SENTENCE_END.split(a.get("title", "") + ". " + a.get("text", "")):
            words = WORD.findall(s)
            for i, w in enumerate(words):
                if w[0].isupper():
                    if i > 0:  # not sentence-initial: a name
                        capital[w] += 1
                else:
                    lower[w] += 1
                if i + 1 < len(words):
                    w2 = words[i + 1]
                    if (w[0].isupper() and w2[0].isupper() and i > 0 and not w.isupper() and not w2.isupper()
                            and CYRILLIC.match(w) and CYRILLIC.match(w2)):
                        pairs[(w, w2)] += 1
                    elif w.islower() and w2.islower() and len(w) > 3 and len(w2) > 3:
                        bigrams[(w, w2)] += 1
    return lower, capital, pairs, bigrams


def queries(count, out_path, source=SOURCE):
    """The mix: single names, two names, quoted phrases, common words, rare
    words, prefix queries and Latin names, in fixed proportions (a kind with
    fewer candidates than its share, such as Latin names in a small corpus,
    gives what it has)."""
    rng = random.Random(7)
    lower, capital, pairs, bigrams = word_counts(source)
    names = [w for w, c in capital.most_common(3000)
             if CYRILLIC.match(w) and len(w) > 3 and not w.endswith("-") and lower[w.lower()] < c / 4]
    latin = [w for w, c in capital.most_common(20000) if LATIN.match(w) and len(w) > 2 and c >= 5][:300]
    common = [w for w, c in lower.most_common(400) if len(w) > 4 and CYRILLIC.match(w)]
    rare = [w for w, c in lower.items() if 2 <= c <= 5 and len(w) > 5 and CYRILLIC.match(w)]
    rare.sort()
    two_names = [" ".join(p) for p, c in pairs.most_common(500)]
    phrases = ['"%s %s"' % p for p, c in bigrams.most_common(2000)[200:]]
    prefixes = sorted({w[:5] + "*" for w, c in lower.most_common(3000) if len(w) >= 7 and CYRILLIC.match(w)})
    kinds = [("name", names, 20), ("two names", two_names, 15), ("phrase", phrases, 15), ("common", common, 15),
             ("rare", rare, 15), ("prefix", prefixes, 10), ("latin", latin, 10)]
    with open(out_path, "w", encoding="utf-8") as out:
        for kind, pool, share in kinds:
            for q in rng.sample(pool, min(len(pool), count * share // 100)):
                out.write("%s\t%s\n" % (kind, q))


def main(argv):
    return run(__doc__, {
        "real": (1, 1, write_real),
        "generate": (2, 2, lambda n, out: generate(int(n), out)),
        "corpus": (2, 2, write_txt_corpus),
        "queries": (2, 3, lambda n, *paths: queries(int(n), *paths)),
    }, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
