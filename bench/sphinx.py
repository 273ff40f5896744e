#!/usr/bin/env python3
"""Helpers for Sphinx 2.2.11 (Debian's sphinxsearch) in bench/run.sh.

  sphinx.py config WORK PORT          writes WORK/sphinx/sphinx.conf: one index over
                                      WORK/sphinx/source.tsv, searchd on 127.0.0.1:PORT
  sphinx.py tsv FILE.jsonl OUT.tsv    the articles as tsvpipe rows: docid, title, body
  sphinx.py load PORT QUERIES SECONDS CONCURRENCY [--no-snippets]
                                      runs the query mix through SphinxQL and prints
                                      "qps=.. p50_ms=.. p99_ms=.. errors=.."

What the index holds, to weigh it against newsearch's: Russian Snowball stems
(stem_ru) and the exact forms (index_exact_words), prefixes from 3 letters
for `word*`, ё folded into е, and the body stored as a string attribute
for SNIPPET() (Sphinx 2.2 keeps no documents otherwise). Sphinx matches
all the words of a query; newsearch ranks the articles with all the words
first and then the rest.
"""
import json
import multiprocessing
import os
import sys
import time

from subcommands import run


MEM_LIMIT = "256M"  # the indexer's memory, as newsearch's default --memory
CHARSET = ("0..9, A..Z->a..z, _, a..z, U+410..U+42F->U+430..U+44F, U+430..U+44F, "
           "U+401->U+435, U+451->U+435")


def write_config(work, port):
    folder = os.path.join(work, "sphinx")
    os.makedirs(folder, exist_ok=True)
    config = f"""
source news {{
    type = tsvpipe
    tsvpipe_command = cat {folder}/source.tsv
    tsvpipe_field = title
    tsvpipe_field_string = body
}}

index news {{
    source = news
    path = {folder}/news
    morphology = stem_ru
    index_exact_words = 1
    min_prefix_len = 3
    charset_table = {CHARSET}
    html_strip = 0
}}

indexer {{
    mem_limit = {MEM_LIMIT}
}}

searchd {{
    listen = 127.0.0.1:{port}:mysql41
    log = {folder}/searchd.log
    query_log = {folder}/query.log
    pid_file = {folder}/searchd.pid
    binlog_path =
    workers = threads
    max_children = 0
}}
"""
    path = os.path.join(folder, "sphinx.conf")
    with open(path, "w") as f:
        f.write(config)
    print(path)


def clean(text):
    return " ".join((text or "").replace("\\", " ").split())


def write_tsv(jsonl, out_path):
    with open(jsonl, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
        for docid, line in enumerate(f, 1):
            article = json.loads(line)
            out.write("%d\t%s\t%s\n" % (docid, clean(article.get("title")), clean(article.get("text"))))


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t", 1)[1] for line in f if "\t" in line]


def client(port, queries, seconds, snippets, first, results):
    try:
        results.put(ask(port, queries, seconds, snippets, first))
    except Exception as e:  # a client that cannot connect still reports, so load() never waits forever
        sys.stderr.write("sphinx.py: %s\n" % e)
        results.put(([], 1))


def ask(port, queries, seconds, snippets, first):
    import pymysql  # Debian's python3-pymysql: run this with /usr/bin/python3
    connection = pymysql.connect(host="127.0.0.1", port=port, user="", autocommit=True)
    cursor = connection.cursor()
    if snippets:
        sql = "SELECT id, SNIPPET(body, %s) FROM news WHERE MATCH(%s) LIMIT 10"
    else:
        sql = "SELECT id FROM news WHERE MATCH(%s) LIMIT 10"
    latencies, errors = [], 0
    position = first
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        query = queries[position % len(queries)]
        position += 1
        started = time.monotonic()
        try:
            cursor.execute(sql, (query, query) if snippets else (query,))
            cursor.fetchall()
        except pymysql.MySQLError:
            errors += 1
            continue
        latencies.append(time.monotonic() - started)
    return latencies, errors


def load(port, queries_path, seconds, concurrency, snippets):
    queries = read_queries(queries_path)
    results = multiprocessing.Queue()
    clients = [multiprocessing.Process(target=client, args=(port, queries, seconds, snippets, i * 7919, results))
               for i in range(concurrency)]
    started = time.monotonic()
    for c in clients:
        c.start()
    latencies, errors = [], 0
    for _ in clients:
        lat, err = results.get()
        latencies += lat
        errors += err
    for c in clients:
        c.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def percentile(p):
        return 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] if latencies else 0

    print("qps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d" % (len(latencies) / elapsed, percentile(50),
                                                         percentile(99), errors))


def main(argv):
    return run(__doc__, {
        "config": (2, 2, lambda work, port: write_config(work, int(port))),
        "tsv": (2, 2, write_tsv),
        "load": (4, 5, lambda port, queries, seconds, concurrency, *flag: load(
            int(port), queries, float(seconds), int(concurrency), snippets=list(flag) != ["--no-snippets"])),
    }, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
