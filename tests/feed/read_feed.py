#!/usr/bin/python3
"""Reads an Atom feed with feedparser (Debian's python3-feedparser) and prints
what a feed reader sees as JSON: whether it parsed cleanly, the feed title and
each entry's title, link, id, date, source and summary."""
import json
import sys

import feedparser

feed = feedparser.parse(open(sys.argv[1], "rb").read())
print(json.dumps({
    "bozo": bool(feed.bozo),
    "version": feed.version,
    "title": feed.feed.get("title", ""),
    "entries": [{
        "title": e.get("title", ""),
        "link": e.get("link", ""),
        "id": e.get("id", ""),
        "updated": e.get("updated", ""),
        "author": e.get("author", ""),
        "summary": e.get("summary", ""),
    } for e in feed.entries],
}, ensure_ascii=False))
