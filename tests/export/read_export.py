#!/usr/bin/python3
"""Downloads an export over HTTP with Python's own client (which reads chunked
transfer encoding) and reads it as a spreadsheet program would: CSV with the
csv module (RFC 4180), NDJSON a JSON object a line. Prints what it got as JSON:
the status, the transfer encoding, Content-Disposition, the header row and the
rows (CSV), or the objects (NDJSON).

usage: read_export.py URL"""
import csv
import io
import json
import sys
import urllib.request

with urllib.request.urlopen(sys.argv[1]) as reply:
    info = {
        "status": reply.status,
        "transfer_encoding": reply.headers.get("Transfer-Encoding", ""),
        "content_length": reply.headers.get("Content-Length", ""),
        "content_disposition": reply.headers.get("Content-Disposition", ""),
        "content_type": reply.headers.get("Content-Type", ""),
    }
    text = io.TextIOWrapper(reply, encoding="utf-8", newline="")
    if info["content_type"].startswith("text/csv"):
        records = list(csv.reader(text, strict=True))
        info["header"] = records[0]
        info["rows"] = records[1:]
    else:
        info["rows"] = [json.loads(line) for line in text]
print(json.dumps(info, ensure_ascii=False))
