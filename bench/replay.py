#!/usr/bin/env python3
"""Sends every query of a mix file ("kind<TAB>query" lines, as make_corpus.py
writes them) to a running server, one after the other over one keep-alive
connection, and checks each answer is a 200 with JSON hits.

  replay.py PORT QUERIES [PASSES] [ANSWERS.json]

ANSWERS.json, when given, receives each query's total, suggestion and hits
(id, snippet), to compare two builds' answers.
"""
import http.client
import json
import sys
import urllib.parse


def main():
    port, query_file = int(sys.argv[1]), sys.argv[2]
    passes = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    answers_file = sys.argv[4] if len(sys.argv) > 4 else None
    with open(query_file, encoding="utf-8") as f:
        queries = [line.rstrip("\n").split("\t", 1)[1] for line in f if "\t" in line]
    conn = http.client.HTTPConnection("127.0.0.1", port)
    answers, bad = [], 0
    for _ in range(passes):
        for q in queries:
            conn.request("GET", "/api/search?limit=10&q=" + urllib.parse.quote(q))
            response = conn.getresponse()
            body = response.read()
            if response.status != 200:
                bad += 1
                continue
            j = json.loads(body)
            answers.append({"q": q, "total": j["total"], "suggestion": j.get("suggestion"),
                            "hits": [[h["id"], h["snippet"]] for h in j["hits"]]})
    print("requests %d failed %d" % (passes * len(queries), bad))
    if answers_file:
        with open(answers_file, "w", encoding="utf-8") as f:
            json.dump(answers[:len(queries)], f, ensure_ascii=False, indent=0)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
