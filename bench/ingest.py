#!/usr/bin/env python3
"""Ingest over HTTP into a live index, and search while it happens.

  bench/ingest.py [--base N] [--seconds S] [--batch 1000] [--bin build/bin] [--server-option ARG]...

Builds an index of N generated articles (bench/make_corpus.py, from the real
texts in ../shared at run time), starts the server with a write token, then:
  1. idle: search latency of the query mix, one client, S seconds;
  2. ingest: POST /api/articles in batches for S seconds while the same
     search client runs; after each 200 the batch's marker word is searched
     until found (freshness: time from the 200 to the first search finding it).
Prints articles/s, freshness p50/p99, search p50/p99 idle and while ingesting,
and the index size before and after.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "scripts", "extended", "lib"))
from api_client import ApiClient  # noqa: E402
from markers import marker_word  # noqa: E402


def marker(n):
    return marker_word("свежесть", n)


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def size_mb(path):
    real = os.path.realpath(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(real) for f in files) / 1e6


def cpu_seconds(pid):
    """User + system CPU seconds of a process so far (Linux /proc): on a shared
    machine the CPU an article costs the server is steadier than its wall time."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def search_loop(port, queries, stop, latencies, failures):
    client = ApiClient(port)
    i = 0
    while not stop.is_set():
        started = time.perf_counter()
        status, _ = client.search(queries[i % len(queries)], limit=10)
        latencies.append(time.perf_counter() - started)
        if status != 200:
            failures.append(status)
        i += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=int, default=20000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--bin", default=os.path.join(REPO, "build", "bin"))
    parser.add_argument("--base-cache", help="a folder keeping the base index between runs: built there once, "
                        "copied for each run (paired before/after runs on a loaded machine)")
    parser.add_argument("--server-option", action="append", default=[], metavar="ARG",
                        help="one more argument for the server (repeat it: --server-option=--write-niceness "
                        "--server-option=0)")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="bench-ingest-")
    pool = args.base + int(args.seconds * 3000) + args.batch
    corpus = os.path.join(work, "all.jsonl")
    queries_file = os.path.join(work, "queries.txt")
    generated = os.path.join(args.base_cache, f"corpus-{pool}") if args.base_cache else None
    if generated and os.path.isdir(generated):
        subprocess.run(["cp", os.path.join(generated, "all.jsonl"), os.path.join(generated, "queries.txt"), work],
                       check=True)
    else:
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "make_corpus.py"), "generate", str(pool), corpus],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "make_corpus.py"), "queries", "500",
                        queries_file], check=True, stdout=subprocess.DEVNULL)
        if generated:
            os.makedirs(generated)
            subprocess.run(["cp", corpus, queries_file, generated], check=True)
    queries = [q for q in open(queries_file, encoding="utf-8").read().splitlines() if q.strip()]
    lines = open(corpus, encoding="utf-8").read().splitlines()
    base, rest = lines[:args.base], lines[args.base:]
    os.makedirs(os.path.join(work, "base"))
    with open(os.path.join(work, "base", "base.jsonl"), "w", encoding="utf-8") as out:
        out.write("\n".join(base) + "\n")
    db = os.path.join(work, "idx")
    started = time.time()
    cached = os.path.join(args.base_cache, f"base-{args.base}") if args.base_cache else None
    if cached and os.path.isdir(cached):
        subprocess.run(f"cp -a {cached}/. {work}/", shell=True, check=True)
        print(f"base index: {args.base} articles copied from {cached}, {size_mb(db):.1f} MB")
    else:
        subprocess.run([os.path.join(args.bin, "indexer"), "--db", db, "--quiet", os.path.join(work, "base")],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"base index: {args.base} articles in {time.time() - started:.1f} s, {size_mb(db):.1f} MB")
        if cached:
            os.makedirs(cached)
            subprocess.run(f"cp -a {work}/idx {work}/idx.gen-* {cached}/", shell=True, check=True)
    token_file = os.path.join(work, "token")
    with open(token_file, "w") as f:
        f.write("bench-token-0123456789\n")
    server = subprocess.Popen([os.path.join(args.bin, "server"), "--db", db, "--port", "0", "--quiet",
                               "--write-token-file", token_file] + args.server_option, stdout=subprocess.PIPE,
                              text=True)
    try:
        port = int(server.stdout.readline().split("127.0.0.1:")[1].split("/")[0])
        idle, failures = [], []
        stop = threading.Event()
        searcher = threading.Thread(target=search_loop, args=(port, queries, stop, idle, failures))
        searcher.start()
        time.sleep(args.seconds)
        stop.set()
        searcher.join()

        busy = []
        stop = threading.Event()
        searcher = threading.Thread(target=search_loop, args=(port, queries, stop, busy, failures))
        searcher.start()
        # A batch may take minutes on a loaded machine: wait for its answer.
        writer, probe = ApiClient(port, "bench-token-0123456789", timeout=900), ApiClient(port)
        posted, freshness, batch_times, n = 0, [], [], 0
        cpu_before = cpu_seconds(server.pid)
        ingest_started = time.perf_counter()
        while time.perf_counter() - ingest_started < args.seconds and posted + args.batch <= len(rest):
            batch = [json.loads(line) for line in rest[posted:posted + args.batch]]
            word = marker(n)
            batch[0]["text"] += " " + word
            body = "\n".join(json.dumps(a, ensure_ascii=False) for a in batch) + "\n"
            t0 = time.perf_counter()
            status, answer = writer.post_articles(body)
            acknowledged = time.perf_counter()
            batch_times.append(acknowledged - t0)
            if status != 200:
                print("POST failed:", status, answer[:300])
                break
            while True:
                status, found = probe.search(word, limit=10)
                if status == 200 and json.loads(found)["hits"]:
                    break
            freshness.append(time.perf_counter() - acknowledged)
            posted += args.batch
            n += 1
        elapsed = time.perf_counter() - ingest_started
        cpu = cpu_seconds(server.pid) - cpu_before
        stop.set()
        searcher.join()
        ms = lambda s: f"{s * 1000:.1f} ms"
        print(f"ingest: {posted} articles in {elapsed:.1f} s = {posted / elapsed:.0f} articles/s "
              f"(batches of {args.batch}; POST p50 {ms(percentile(batch_times, 0.5))}, "
              f"p99 {ms(percentile(batch_times, 0.99))})")
        print(f"server CPU while ingesting: {cpu:.1f} s (user + sys, searches included), "
              f"{cpu / max(posted, 1) * 1000:.2f} ms an article; load average {os.getloadavg()[0]:.1f}")
        print(f"freshness (200 to found by search): p50 {ms(percentile(freshness, 0.5))}, "
              f"p99 {ms(percentile(freshness, 0.99))}, max {ms(max(freshness))}")
        print(f"search, one client: idle p50 {ms(percentile(idle, 0.5))} p99 {ms(percentile(idle, 0.99))} "
              f"({len(idle)} requests); while ingesting p50 {ms(percentile(busy, 0.5))} "
              f"p99 {ms(percentile(busy, 0.99))} ({len(busy)} requests); failed: {len(failures)}")
        print(f"index after: {size_mb(db):.1f} MB for {args.base + posted} articles")
    finally:
        server.terminate()
        server.wait()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
