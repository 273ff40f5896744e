#!/usr/bin/env python3
"""Builds the everyday-words set from the real texts (run once; the set is kept).

For articles drawn with a fixed seed, three content words of the opening
sentences are each replaced by another grammatical form of the same word: a
form with the same Hunspell lemma (Debian's hunspell-ru) that occurs in some
other article and nowhere in this one. The question: is the article in the
top 10 for those three forms? Only ids, the query words and labels are
written; the texts stay in ../shared.

Usage: build_set.py NEWS_JSONL[.xz] OUT_TSV [--seed N] [--articles N]
Needs the `hunspell` command (Debian package hunspell) to find lemmas.
"""
import argparse
import collections
import json
import lzma
import random
import re
import subprocess
import sys

WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
MIN_LETTERS = 5


def normalize(word):
    return word.lower().replace("ё", "е")


def read_articles(path):
    opener = lzma.open if path.endswith(".xz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def lemmas_of(words):
    """word -> set of lemmas, by one `hunspell -s` run over all words."""
    proc = subprocess.run(["hunspell", "-d", "/usr/share/hunspell/ru_RU", "-i", "UTF-8", "-s"],
                          input="\n".join(words) + "\n", capture_output=True, text=True, check=True)
    lemmas = collections.defaultdict(set)
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2:
            lemmas[parts[0]].add(normalize(parts[1]))
    return lemmas


def opening(text, sentences=3):
    parts = re.split(r"(?<=[.!?…])\s+", text.strip())
    return " ".join(parts[:sentences])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("news")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--stopwords", default="core/data/stopwords.txt")
    args = parser.parse_args()

    stopwords = {normalize(w) for line in open(args.stopwords, encoding="utf-8")
                 if not line.startswith("#") for w in line.split()}
    articles = list(read_articles(args.news))
    forms_in = [set(normalize(w) for w in WORD.findall(a.get("title", "") + " " + a.get("text", ""))) for a in articles]
    document_frequency = collections.Counter(w for forms in forms_in for w in forms)
    print(f"{len(articles)} articles, {len(document_frequency)} distinct words", file=sys.stderr)

    # Lemmas for every lower-case word of the archive (names stay out: they
    # are measured elsewhere).
    vocabulary = sorted(w for w in document_frequency if len(w) >= MIN_LETTERS and "-" not in w)
    lemmas = lemmas_of(vocabulary)
    forms_of = collections.defaultdict(set)
    for word, word_lemmas in lemmas.items():
        for lemma in word_lemmas:
            forms_of[lemma].add(word)
    print(f"{len(lemmas)} words with lemmas", file=sys.stderr)

    rng = random.Random(args.seed)
    order = list(range(len(articles)))
    rng.shuffle(order)
    rows = []
    for index in order:
        if len(rows) == args.articles:
            break
        article = articles[index]
        text = article.get("text", "")
        if len(text) < 300:
            continue
        candidates = []
        for raw in WORD.findall(opening(text)):
            word = normalize(raw)
            if raw != raw.lower() or word in stopwords or len(word) < MIN_LETTERS or word not in lemmas:
                continue
            if any(word in pair for pair in candidates):
                continue
            others = sorted({f for lemma in lemmas[word] for f in forms_of[lemma]} - forms_in[index])
            # Another article must have the form: nobody types `информациею`.
            others = [f for f in others if document_frequency[f] >= 1 and f not in stopwords]
            if others:
                candidates.append((word, rng.choice(others)))
        if len(candidates) < 3:
            continue
        chosen = rng.sample(candidates, 3)
        rows.append((article["id"], [c[1] for c in chosen], [c[0] for c in chosen]))

    rng.shuffle(rows)
    half = len(rows) // 2
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# id\thalf\tquery (forms typed)\tforms in the article\n")
        for i, (doc_id, typed, original) in enumerate(rows):
            out.write(f"{doc_id}\t{'dev' if i < half else 'test'}\t{' '.join(typed)}\t{' '.join(original)}\n")
    print(f"{len(rows)} queries written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
