#!/usr/bin/env python3
"""Small HTTP clients for the fault and load suites (standard library only).

  clients.py query-loop PORT SECONDS_OR_STOPFILE THREADS   queries during a re-index
  clients.py sigterm PORT SERVER_PID THREADS               requests while SIGTERM arrives
  clients.py idle PORT COUNT                               idle keep-alive connections
  clients.py slowloris PORT COUNT TIMEOUT                  headers sent byte by byte
  clients.py cap PORT CAP                                  the connection cap

Each prints one summary line per finding and exits 1 when a check fails.
"""
import http.client
import json
import os
import resource
import select
import signal
import socket
import sys
import threading
import time
import urllib.parse

QUERIES = ["Россия", "Кыргызстан", "президент", "Лавров", "министр иностранных дел", "«стратегического партнерства»",
           "экономика OR торговля", "Бишкек -Москва", "интеграц*", "title:Россия", "source:Sputnik", "date:2019..2021",
           "Путин Жапаров", "переговоры", "выборы", "Москва"]


def search_path(query, limit=10, offset=0):
    return "/api/search?" + urllib.parse.urlencode({"q": query, "limit": limit, "offset": offset})


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def get(port, path, timeout=10):
    """One GET on a fresh connection: (status, body bytes, seconds)."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read(), time.monotonic() - started
    finally:
        conn.close()


def generation_of(hit_id):
    return hit_id.split("-", 1)[0][:1]


def query_loop(port, until, threads):
    """Keep-alive query loops; every response must be 200 JSON whose hits all
    come from one corpus generation (the letter that starts each id)."""
    lock = threading.Lock()
    stats = {"requests": 0, "failed": 0, "mixed": 0, "generations": {}}
    examples = []
    deadline = time.monotonic() + float(until) if until.replace(".", "").isdigit() else None

    def running():
        return time.monotonic() < deadline if deadline else not os.path.exists(until)

    def worker(n):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        i = n
        while running():
            i += 1
            path = search_path(QUERIES[i % len(QUERIES)], limit=20)
            failure, gens = None, set()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
                if response.status != 200:
                    failure = f"status {response.status}: {body[:200]!r}"
                else:
                    gens = {generation_of(hit["id"]) for hit in json.loads(body)["hits"]}
            except Exception as e:  # a dropped connection is a failed request too
                failure = f"{type(e).__name__}: {e}"
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            with lock:
                stats["requests"] += 1
                if failure:
                    stats["failed"] += 1
                    if len(examples) < 5:
                        examples.append(f"{path}: {failure}")
                elif len(gens) > 1:
                    stats["mixed"] += 1
                    if len(examples) < 5:
                        examples.append(f"{path}: hits from generations {sorted(gens)}")
                for g in gens:
                    stats["generations"][g] = stats["generations"].get(g, 0) + 1
        conn.close()

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    print(f"query-loop: {stats['requests']} requests, {stats['failed']} failed, {stats['mixed']} mixing generations, "
          f"responses by generation {dict(sorted(stats['generations'].items()))}")
    for e in examples:
        print("  e.g. " + e)
    return 0 if stats["failed"] == 0 and stats["mixed"] == 0 and stats["requests"] > 0 else 1


def sigterm(port, server_pid, threads):
    """Loops heavy queries on keep-alive connections, sends SIGTERM in the
    middle. A request is either answered completely with 200, or its
    connection is closed/refused before any byte of an answer: never a
    truncated or failed answer."""
    lock = threading.Lock()
    outcome = {"complete": 0, "complete_after_signal": 0, "not_served": 0, "broken": 0}
    examples = []
    signalled = threading.Event()
    stop = threading.Event()
    paths = [search_path(q, limit=100) for q in ["и OR в OR на OR с", "Россия OR Кыргызстан", "министр*", "президент"]]

    def worker(n):
        i = n
        conn = None
        while not stop.is_set():
            i += 1
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
            sent_before_signal = not signalled.is_set()
            try:
                conn.request("GET", paths[i % len(paths)])
                response = conn.getresponse()
            except (ConnectionRefusedError, ConnectionResetError, http.client.RemoteDisconnected, BrokenPipeError):
                with lock:
                    outcome["not_served"] += 1
                conn.close()
                conn = None
                if signalled.is_set():
                    time.sleep(0.05)
                continue
            try:
                body = response.read()
                ok = response.status == 200 and json.loads(body)["hits"] is not None
                what = None if ok else f"status {response.status}"
            except Exception as e:
                ok, what = False, f"{type(e).__name__}: {e}"
            with lock:
                if ok:
                    outcome["complete"] += 1
                    if sent_before_signal and signalled.is_set():
                        outcome["complete_after_signal"] += 1
                else:
                    outcome["broken"] += 1
                    if len(examples) < 5:
                        examples.append(what)
            if response.will_close:
                conn.close()
                conn = None

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    time.sleep(2.0)
    os.kill(server_pid, signal.SIGTERM)
    signalled.set()
    time.sleep(3.0)
    stop.set()
    for t in pool:
        t.join()
    print(f"sigterm: {outcome['complete']} complete answers ({outcome['complete_after_signal']} of requests sent "
          f"before SIGTERM and finished after it), {outcome['not_served']} refused or closed before an answer, "
          f"{outcome['broken']} truncated or failed")
    for e in examples:
        print("  e.g. " + e)
    return 0 if outcome["broken"] == 0 and outcome["complete"] > 0 else 1


def read_response(sock, timeout=10):
    """Reads one HTTP response with Content-Length from a raw socket: status or None."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    return int(head.split(b" ")[1])


def keep_alive_request(sock, path="/healthz"):
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    return read_response(sock)


def normal_queries(port, count, max_seconds):
    """`count` ordinary searches on fresh connections: (failures, slowest seconds)."""
    failures, slowest = 0, 0.0
    for i in range(count):
        try:
            status, body, seconds = get(port, search_path(QUERIES[i % len(QUERIES)]))
            slowest = max(slowest, seconds)
            if status != 200 or seconds > max_seconds:
                failures += 1
        except Exception:
            failures += 1
    return failures, slowest


def idle(port, count):
    raise_fd_limit()
    sockets = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        sockets.append(s)
        if keep_alive_request(s) != 200:
            print(f"idle: a keep-alive connection got no 200 (after {len(sockets)} connections)")
            return 1
    failures, slowest = normal_queries(port, 50, 2.0)
    print(f"idle: {count} keep-alive connections held; 50 normal queries meanwhile: {failures} failed or slower "
          f"than 2 s, slowest {slowest * 1000:.0f} ms")
    still_open = 0
    for s in sockets:
        try:
            if keep_alive_request(s) == 200:
                still_open += 1
        except OSError:
            pass
        s.close()
    print(f"idle: {still_open} of {count} held connections still answer a second request")
    return 0 if failures == 0 and still_open == count else 1


def slowloris(port, count, timeout):
    """`count` connections each send a request's header one byte per second.
    Normal queries must answer meanwhile, and the server must drop every
    slow connection within its request timeout (plus slack)."""
    raise_fd_limit()
    header = b"GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 4096
    sockets = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(count)]
    for s in sockets:
        s.setblocking(False)
    started = time.monotonic()
    sent = {s: 0 for s in sockets}
    closed_at = {}
    failures_total, slowest_total, rounds = 0, 0.0, 0
    limit = float(timeout) + 10
    while len(closed_at) < count and time.monotonic() - started < limit:
        for s in sockets:
            if s in closed_at:
                continue
            try:
                readable, _, _ = select.select([s], [], [], 0)
                if readable and not s.recv(4096):
                    closed_at[s] = time.monotonic() - started
                    continue
                s.send(header[sent[s]:sent[s] + 1])
                sent[s] += 1
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:
                closed_at[s] = time.monotonic() - started
        failures, slowest = normal_queries(port, 3, 1.0)
        failures_total += failures
        slowest_total = max(slowest_total, slowest)
        rounds += 1
        time.sleep(1.0)
    for s in sockets:
        s.close()
    last_close = max(closed_at.values()) if closed_at else None
    print(f"slowloris: {count} connections sending a header byte per second; {len(closed_at)} dropped by the server, "
          f"the last after {last_close if last_close is None else round(last_close, 1)} s (timeout {timeout} s); "
          f"{rounds * 3} normal queries meanwhile: {failures_total} failed or slower than 1 s, "
          f"slowest {slowest_total * 1000:.0f} ms")
    return 0 if len(closed_at) == count and failures_total == 0 else 1


def cap(port, cap_count):
    """Fills the server up to its cap with idle connections: one more is
    closed at once without an answer; after the idle ones leave, new
    connections are served again."""
    raise_fd_limit()
    held = []
    for _ in range(cap_count):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        keep_alive_request(s)
        held.append(s)
    extra = socket.create_connection(("127.0.0.1", port), timeout=10)
    try:
        refused = keep_alive_request(extra, "/healthz") is None
    except OSError:
        refused = True
    extra.close()
    for s in held:
        s.close()
    time.sleep(0.5)
    status, _, _ = get(port, "/healthz")
    print(f"cap: with {cap_count} connections open one more was {'refused' if refused else 'SERVED'}; "
          f"after they closed a new one got {status}")
    return 0 if refused and status == 200 else 1


def main():
    command, port = sys.argv[1], int(sys.argv[2])
    if command == "query-loop":
        return query_loop(port, sys.argv[3], int(sys.argv[4]))
    if command == "sigterm":
        return sigterm(port, int(sys.argv[3]), int(sys.argv[4]))
    if command == "idle":
        return idle(port, int(sys.argv[3]))
    if command == "slowloris":
        return slowloris(port, int(sys.argv[3]), int(sys.argv[4]))
    if command == "cap":
        return cap(port, int(sys.argv[3]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
