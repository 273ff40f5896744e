#!/usr/bin/env python3
"""Helpers for bench/run.sh.

  report.py text-size FILE.jsonl       "articles=N text_mb=M" (title + text, UTF-8)
  report.py pgbench-latency LOG...     "p50_ms=.. p99_ms=.." from pgbench -l logs
  report.py table RESULTS              the Markdown tables, with ratios to PostgreSQL and Sphinx

RESULTS holds one measurement a line as key=value pairs (see run.sh).
"""
import json
import sys

from subcommands import run


def text_size(path):
    articles = size = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            articles += 1
            size += len((a.get("title") or "").encode()) + len((a.get("text") or "").encode())
    print("articles=%d text_mb=%.2f" % (articles, size / 1e6))


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p / 100))]


def pgbench_latency(paths):
    # pgbench -l lines: client_id transaction_no latency_us script_no epoch_s epoch_us
    values = []
    for path in paths:
        with open(path) as f:
            values += [int(line.split()[2]) / 1000 for line in f if line.strip()]
    values.sort()
    print("p50_ms=%.3f p99_ms=%.3f" % (percentile(values, 50), percentile(values, 99)))


def read_results(path):
    rows = []
    with open(path) as f:
        for line in f:
            fields = dict(item.split("=", 1) for item in line.split() if "=" in item)
            if fields:
                rows.append(fields)
    return rows


def ratio(ours, theirs, higher_is_better=True):
    try:
        a, b = float(ours), float(theirs)
    except (TypeError, ValueError):
        return "–"
    if a == 0 or b == 0:
        return "–"
    return "%.2fx" % (a / b)


def find(rows, **want):
    for row in rows:
        if all(row.get(k) == v for k, v in want.items()):
            return row
    return {}


def table(path):
    rows = read_results(path)
    datasets = []
    for row in rows:
        if row.get("dataset") not in datasets:
            datasets.append(row["dataset"])

    print("### Indexing\n")
    print("| corpus | system | articles | text MB | seconds | articles/s | MB/s | CPU s | articles/CPU s "
          "| peak RSS MB | index MB | index / text | articles/s vs PG | articles/CPU s vs PG "
          "| articles/s vs Sphinx | articles/CPU s vs Sphinx |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for d in datasets:
        pg = find(rows, dataset=d, system="postgresql", kind="index")
        sphinx = find(rows, dataset=d, system="sphinx", kind="index")
        for system in ("newsearch", "postgresql", "sphinx"):
            r = find(rows, dataset=d, system=system, kind="index")
            if not r:
                continue
            ours = system == "newsearch"
            print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                d, system, r.get("articles"), r.get("text_mb"), r.get("seconds"), r.get("articles_per_s"),
                r.get("mb_per_s"), r.get("cpu_s"), r.get("articles_per_cpu_s"), r.get("peak_rss_mb"),
                r.get("index_mb"), r.get("index_ratio"),
                ratio(r.get("articles_per_s"), pg.get("articles_per_s")) if ours else "",
                ratio(r.get("articles_per_cpu_s"), pg.get("articles_per_cpu_s")) if ours else "",
                ratio(r.get("articles_per_s"), sphinx.get("articles_per_s")) if ours else "",
                ratio(r.get("articles_per_cpu_s"), sphinx.get("articles_per_cpu_s")) if ours else ""))

    print("\n### Queries (10 hits with snippets unless said; the mix; wrk for newsearch, pgbench for PostgreSQL, "
          "bench/sphinx.py over SphinxQL for Sphinx)\n")
    print("| corpus | what | concurrency | QPS | p50 ms | p99 ms | server RSS MB | QPS vs PG | p50 vs PG "
          "| p99 vs PG | QPS vs Sphinx | p99 vs Sphinx |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for d in datasets:
        for r in rows:
            if r.get("dataset") != d or r.get("kind") in ("index", "startup", "tables"):
                continue
            what = r.get("kind") if r.get("system") == "newsearch" else r.get("system") + " " + r.get("kind")
            pg = find(rows, dataset=d, system="postgresql", kind="search", c=r.get("c"))
            sphinx = find(rows, dataset=d, system="sphinx", kind=r.get("kind"), c=r.get("c"))
            compare = r.get("system") == "newsearch" and r.get("kind") == "search" and pg
            against_sphinx = r.get("system") == "newsearch" and sphinx
            print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                d, what, r.get("c"), r.get("qps"), r.get("p50_ms"), r.get("p99_ms"), r.get("rss_mb", "–"),
                ratio(r.get("qps"), pg.get("qps")) if compare else "",
                ratio(r.get("p50_ms"), pg.get("p50_ms")) if compare else "",
                ratio(r.get("p99_ms"), pg.get("p99_ms")) if compare else "",
                ratio(r.get("qps"), sphinx.get("qps")) if against_sphinx else "",
                ratio(r.get("p99_ms"), sphinx.get("p99_ms")) if against_sphinx else ""))
    shares = []
    for r in rows:
        if r.get("system") == "newsearch" and r.get("kind") == "search":
            ceiling = find(rows, dataset=r["dataset"], system="newsearch", kind="healthz", c=r.get("c"))
            if ceiling.get("qps"):
                shares.append("%s c=%s %.0f%%" % (r["dataset"], r["c"],
                                                 100 * float(r["qps"]) / float(ceiling["qps"])))
    if shares:
        print("\nSearch QPS as a share of /healthz QPS (the HTTP ceiling): " + ", ".join(shares))
    for r in rows:
        if r.get("kind") == "tables":
            print("\nIndex tables, %s (MB): " % r["dataset"] +
                  ", ".join("%s %s" % (k[:-3], v) for k, v in r.items() if k.endswith("_mb")))
    starts = [r for r in rows if r.get("kind") == "startup"]
    if starts:
        print("\nServer start-up (launch to first /healthz answer): " +
              ", ".join("%s %s ms" % (r["dataset"], r["ms"]) for r in starts))


def main(argv):
    return run(__doc__, {
        "text-size": (1, 1, text_size),
        "pgbench-latency": (1, None, lambda *logs: pgbench_latency(list(logs))),
        "table": (1, 1, table),
    }, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
