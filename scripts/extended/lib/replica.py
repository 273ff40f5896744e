#!/usr/bin/env python3
"""A replica following a live primary (used by scripts/extended/replica.sh).

  replica.py PRIMARY_PORT REPLICA_PORT TOKEN_FILE

Writes batches to the primary, measures for each the lag from its 200 to the
first search on the replica's server that finds it, deletes articles and
waits for the replica to lose them, compacts the primary and checks the
replica follows the new generation. Prints the lags and PASS/FAIL lines;
exits 1 when anything failed.
"""
import json
import statistics
import sys
import time

from api_client import ApiClient
from markers import marker_word
from verdicts import Verdicts

LAG_LIMIT_S = 30.0  # a replica that falls further behind than this has stopped following
verdicts = Verdicts("replica")
report = verdicts.report


class Client(ApiClient):
    """A connection per request: the replica is polled while it reopens."""

    def __init__(self, port, token=""):
        super().__init__(port, token, keep_alive=False)

    def found(self, word):
        status, ids = self.search_ids(word, limit=100, collapse=0)
        return ids if status == 200 else None


def marker(n):
    return marker_word("реплика", n)


def article(n):
    return {"id": "replica-%d" % n, "title": "Статья для реплики %d" % n, "date": "2025-03-%02d" % (n % 28 + 1),
            "source": "Тест", "text": ("Архив на другом сервере получает статью со словом %s. " % marker(n)) * 10}


def wait_until(condition, limit=LAG_LIMIT_S):
    """Seconds until condition() holds, polling every 50 ms; None past the limit."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if condition():
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def main(primary_port, replica_port, token_file):
    token = open(token_file).readline().strip()
    primary, replica = Client(primary_port, token), Client(replica_port)

    # The replica starts as a whole copy of the primary.
    same = wait_until(lambda: replica.documents() == primary.documents())
    report(same is not None, "the replica holds the primary's %s documents" % primary.documents())

    lags = []
    for batch in range(8):
        articles = [article(batch * 100 + i) for i in range(50)]
        status, body = primary.call("POST", "/api/articles",
                                    "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles))
        if status != 200:
            report(False, "POST to the primary answered %d %s" % (status, body[:200]))
            return
        word, key = marker(batch * 100 + 49), articles[-1]["id"]
        lag = wait_until(lambda: key in (replica.found(word) or []))
        lags.append(lag if lag is not None else float("inf"))
        time.sleep(0.3 * batch)  # writes at uneven moments against the replica's polling
    finite = sorted(lag for lag in lags if lag != float("inf"))
    print("replica: lag from the primary's 200 to found on the replica, 8 batches of 50: " +
          " ".join("%.2f" % lag for lag in lags) + " s" +
          (" (median %.2f s, max %.2f s)" % (statistics.median(finite), finite[-1]) if finite else ""), flush=True)
    report(len(finite) == len(lags), "every written batch reached the replica's searches within %d s" % LAG_LIMIT_S)

    gone = article(0)["id"]
    status, _ = primary.call("DELETE", "/api/articles/" + gone)
    lag = wait_until(lambda: gone not in (replica.found(marker(0)) or [gone]) and
                     replica.call("GET", "/api/doc/" + gone)[0] == 404)
    report(status == 200 and lag is not None,
           "a delete on the primary followed on the replica (search and /api/doc) in %s s" %
           ("%.2f" % lag if lag is not None else "never"))
    same = wait_until(lambda: replica.documents() == primary.documents())
    report(same is not None, "the counts agree: primary %s, replica %s" % (primary.documents(), replica.documents()))

    # Compaction moves the primary to a new generation (a new database for
    # Xapian): the replica takes a whole copy, then follows it as before.
    status, body = primary.call("POST", "/api/admin/compact", "")
    report(status == 200, "the primary compacted: %d %s" % (status, body[:200].decode(errors="replace")))
    after = article(9999)
    primary.call("POST", "/api/articles", json.dumps(after, ensure_ascii=False) + "\n")
    lag = wait_until(lambda: after["id"] in (replica.found(marker(9999)) or []))
    report(lag is not None, "after the compaction a new article reached the replica in %s s" %
           ("%.2f" % lag if lag is not None else "never"))
    same = wait_until(lambda: replica.documents() == primary.documents())
    report(same is not None, "the counts agree after the compaction: primary %s, replica %s" %
           (primary.documents(), replica.documents()))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
    verdicts.exit()
