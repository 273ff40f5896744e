#!/usr/bin/env python3
"""Faults of the write API, driven over HTTP (used by scripts/extended/live-writes.sh).

  live_writes.py kill9 BIN DB TOKEN_FILE ROUNDS
      ROUNDS times: heavy ingest, kill -9 of the server at a random moment,
      restart; every acknowledged article must be there and whole, the index
      must open, and replaying the last acknowledged batch must change nothing.
  live_writes.py churn BIN DB TOKEN_FILE SECONDS
      ingest, delete and search together: no failed search, and no search
      started after a DELETE returned finds the deleted article.
  live_writes.py diskfull BIN DB TOKEN_FILE
      ingest until the disk is full: a clear 5xx, nothing acknowledged lost,
      searches still answered.
Prints PASS/FAIL lines; exits 1 when anything failed.
"""
import http.client
import json
import random
import subprocess
import sys
import threading
import time
import urllib.parse

from api_client import ApiClient
from markers import marker_word
from verdicts import Verdicts

verdicts = Verdicts("live-writes")
report = verdicts.report


def word(n):
    return marker_word("метка", n)


def article(key, n):
    return {"id": key, "title": "Статья " + key, "date": "2024-01-%02d" % (n % 28 + 1),
            "text": "Живой архив: статья %s о событиях дня, слово %s. " % (key, word(n)) * 20}


class Server:
    def __init__(self, bin_dir, db, token_file):
        self.proc = subprocess.Popen([bin_dir + "/server", "--db", db, "--port", "0", "--quiet", "--threads", "2",
                                      "--write-token-file", token_file], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if "127.0.0.1:" not in line:
            raise RuntimeError("server did not start: " + line + self.proc.stderr.read())
        self.port = int(line.split("127.0.0.1:")[1].split("/")[0])
        self.token = open(token_file).readline().strip()

    def client(self):
        return Client(self.port, self.token)

    def kill9(self):
        self.proc.kill()
        self.proc.wait()

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


class Client(ApiClient):
    def post(self, articles):
        return self.post_articles(articles)

    def find(self, q):
        status, ids = self.search_ids(q, limit=100)
        if status != 200:
            print("live-writes: search %r answered %d" % (q, status), flush=True)
        return status, ids


def kill9(bin_dir, db, token_file, rounds):
    acknowledged = {}  # id -> title
    last_batch = []
    n = 0
    for r in range(rounds):
        server = Server(bin_dir, db, token_file)
        client = server.client()
        stop_at = time.time() + random.uniform(0.5, 2.0)
        killer = threading.Timer(stop_at - time.time(), server.kill9)
        killer.start()
        try:
            while True:
                batch = [article("r%d-%d" % (r, n + i), n + i) for i in range(200)]
                n += 200
                status, _ = client.post(batch)
                if status != 200:
                    break
                for a in batch:
                    acknowledged[a["id"]] = a["title"]
                last_batch = batch
        except (ConnectionError, http.client.HTTPException, OSError):
            pass  # killed mid-request: that batch was never acknowledged
        killer.join()
        server = Server(bin_dir, db, token_file)
        client = server.client()
        missing, broken = 0, 0
        for key in random.sample(sorted(acknowledged), min(300, len(acknowledged))) + [a["id"] for a in last_batch]:
            status, body = client.call("GET", "/api/doc/" + urllib.parse.quote(key))
            if status != 200:
                missing += 1
            elif json.loads(body)["title"] != acknowledged[key]:
                broken += 1
        _, health = client.call("GET", "/healthz")
        count = json.loads(health)["documents"]
        status, _ = client.post(last_batch) if last_batch else (200, b"")
        _, health = client.call("GET", "/healthz")
        report(missing == 0 and broken == 0 and count >= len(acknowledged) and status == 200 and
               json.loads(health)["documents"] == count,
               "kill -9 round %d: %d acknowledged, %d documents, %d missing, %d half-written, replay %d" %
               (r + 1, len(acknowledged), count, missing, broken, status))
        server.stop()


def churn(bin_dir, db, token_file, seconds):
    server = Server(bin_dir, db, token_file)
    deleted, live, lock = [], [], threading.Lock()
    stop = threading.Event()
    stats = {"searches": 0, "failed": 0, "stale": 0, "posted": 0, "deleted": 0}

    def ingest():
        client, n = server.client(), 10_000_000
        while not stop.is_set():
            batch = [article("c%d" % (n + i), n + i) for i in range(100)]
            if client.post(batch)[0] == 200:
                with lock:
                    live.extend((a["id"], n + i) for i, a in enumerate(batch))
                    stats["posted"] += len(batch)
            n += 100

    def delete():
        client = server.client()
        while not stop.is_set():
            with lock:
                victim = live.pop(random.randrange(len(live))) if len(live) > 50 else None
            if victim is None:
                time.sleep(0.05)
                continue
            if client.call("DELETE", "/api/articles/" + victim[0])[0] == 200:
                with lock:
                    deleted.append(victim)
                    stats["deleted"] += 1

    def search():
        client = server.client()
        while not stop.is_set():
            with lock:
                gone = random.choice(deleted) if deleted else None
            if gone is None:
                time.sleep(0.01)
                continue
            status, ids = client.find(word(gone[1]))
            status2, _ = client.find("живой архив событиях")
            with lock:
                stats["searches"] += 2
                stats["failed"] += (status != 200) + (status2 != 200)
                stats["stale"] += gone[0] in ids

    threads = [threading.Thread(target=f) for f in (ingest, delete, search, search)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    server.stop()
    report(stats["failed"] == 0 and stats["stale"] == 0 and stats["searches"] > 0 and stats["deleted"] > 0,
           "ingest+delete+search for %d s: %d posted, %d deleted, %d searches, %d failed, %d found a deleted article"
           % (seconds, stats["posted"], stats["deleted"], stats["searches"], stats["failed"], stats["stale"]))


def diskfull(bin_dir, db, token_file):
    server = Server(bin_dir, db, token_file)
    client = server.client()
    acknowledged, n, status, answer = [], 20_000_000, 200, b""
    while status == 200 and n < 20_000_000 + 400_000:
        batch = [article("d%d" % (n + i), n + i) for i in range(500)]
        n += 500
        status, answer = client.post(batch)
        if status == 200:
            acknowledged.extend(a["id"] for a in batch)
    report(500 <= status < 600 and b"error" in answer,
           "disk full: POST answered %d %s after %d acknowledged" % (status, answer[:160].decode(errors="replace"),
                                                                   len(acknowledged)))
    search_status, _ = client.find("живой архив")
    report(search_status == 200, "disk full: searches still answered (%d)" % search_status)
    missing = sum(client.call("GET", "/api/doc/" + key)[0] != 200 for key in acknowledged[-500:] + acknowledged[:50])
    report(missing == 0, "disk full: every acknowledged article still there (%d missing of those checked)" % missing)
    server.kill9()


if __name__ == "__main__":
    mode, bin_dir, db, token_file = sys.argv[1:5]
    if mode == "kill9":
        kill9(bin_dir, db, token_file, int(sys.argv[5]))
    elif mode == "churn":
        churn(bin_dir, db, token_file, int(sys.argv[5]))
    else:
        diskfull(bin_dir, db, token_file)
    verdicts.exit()
