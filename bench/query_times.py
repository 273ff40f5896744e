#!/usr/bin/env python3
"""Times each query of a mix ("kind<TAB>query" lines, as make_corpus.py
writes them) against a running server, one request at a time over one
keep-alive connection, and prints the slowest queries and each kind's share
of the time: where a corpus's latency comes from.

  query_times.py PORT QUERIES [TRIES]

Each query's time is the best of TRIES (default 3) requests, so that a
scheduling hiccup does not count.
"""
import collections
import http.client
import json
import sys
import time
import urllib.parse


def best_time_ms(conn, query, tries):
    best, total = float("inf"), None
    for _ in range(tries):
        started = time.perf_counter()
        conn.request("GET", "/api/search?limit=10&q=" + urllib.parse.quote(query))
        response = conn.getresponse()
        body = response.read()
        best = min(best, (time.perf_counter() - started) * 1000)
        if response.status != 200:
            sys.exit("query %r: status %d" % (query, response.status))
        total = json.loads(body)["total"]
    return best, total


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    port, query_file = int(argv[1]), argv[2]
    tries = int(argv[3]) if len(argv) == 4 else 3
    with open(query_file, encoding="utf-8") as f:
        mix = [line.rstrip("\n").split("\t", 1) for line in f if "\t" in line]
    conn = http.client.HTTPConnection("127.0.0.1", port)
    timed = [(best_time_ms(conn, query, tries), kind, query) for kind, query in mix]
    timed.sort(reverse=True)
    print("slowest:")
    for (ms, total), kind, query in timed[:10]:
        print("  %7.2f ms  %-10s %s  (%d matches)" % (ms, kind, query, total))
    by_kind = collections.defaultdict(list)
    for (ms, _), kind, _ in timed:
        by_kind[kind].append(ms)
    whole = sum(sum(times) for times in by_kind.values())
    print("by kind:")
    for kind, times in sorted(by_kind.items(), key=lambda item: -sum(item[1])):
        print("  %-10s %3d queries, mean %6.2f ms, max %7.2f ms, %3.0f%% of the time" % (
            kind, len(times), sum(times) / len(times), max(times), 100 * sum(times) / whole))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
