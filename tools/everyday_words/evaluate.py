#!/usr/bin/env python3
"""Everyday words in any form: found in the top 10 and MRR@10, per half.

Asks a running server (over an index of ../shared/corpora/bench-news) each
query of set.tsv and looks for the article it was made from.

Usage: evaluate.py PORT [--set set.tsv] [--half dev|test|all] [--misses]
"""
import argparse
import json
import os
import sys
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def load_set(path):
    rows = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            doc_id, half, query, original = line.rstrip("\n").split("\t")
            rows.append({"id": doc_id, "half": half, "query": query, "original": original})
    return rows


def search(port, query, limit=10):
    url = f"http://127.0.0.1:{port}/api/search?" + urllib.parse.urlencode({"q": query, "limit": limit})
    with urllib.request.urlopen(url, timeout=30) as answer:
        return [hit["id"] for hit in json.load(answer)["hits"]]


def server_has(port, doc_id):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/doc/{urllib.parse.quote(doc_id)}", timeout=30):
            return True
    except urllib.error.HTTPError:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--set", default=os.path.join(HERE, "set.tsv"))
    parser.add_argument("--half", default="all", choices=["dev", "test", "all"])
    parser.add_argument("--misses", action="store_true", help="print the queries whose article is not in the top 10")
    args = parser.parse_args()

    rows = load_set(args.set)
    if not server_has(args.port, rows[0]["id"]):
        print(f"everyday_words: the server on port {args.port} does not hold {rows[0]['id']}; "
              "index ../shared/corpora/bench-news/news.jsonl.xz first", file=sys.stderr)
        return 2
    for half in (["dev", "test"] if args.half == "all" else [args.half]):
        found = 0
        reciprocal = 0.0
        chosen = [r for r in rows if r["half"] == half]
        for row in chosen:
            ids = search(args.port, row["query"])
            if row["id"] in ids:
                found += 1
                reciprocal += 1.0 / (ids.index(row["id"]) + 1)
            elif args.misses:
                print(f"  miss {row['id']}: {row['query']}  (article: {row['original']})")
        print(f"{half}: {len(chosen)} queries, found@10 {found / len(chosen):.3f}, MRR@10 {reciprocal / len(chosen):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
