#!/usr/bin/python3
"""Where an index's bytes go, by term family (issue #18).

    /usr/bin/python3 bench/index_families.py DB [--limit N]

Needs python3-xapian (scripts/install-deps.sh bench). For each family of
terms (schema.h's prefixes), prints its distinct terms, postings, positions
and what leaving it out saves per table: the first N documents (default
2,000) are copied into a fresh database with that family left out (or
without positions, or without values, or without the stored record), each
copy compacted as the indexer compacts, and the table sizes compared with a
copy that leaves nothing out. Documents only; the spelling table and
metadata are copied whole for the reference and reported apart.
"""
import argparse
import os
import shutil
import sys
import tempfile

import xapian

TABLES = ("postlist", "position", "termlist", "docdata", "spelling")

# Longest prefixes first: a term belongs to the first that starts it.
FAMILIES = [
    ("XTN", "title name bases"), ("XSRC", "source"), ("XSP", "speakers"), ("XHASQUOTES", "has quotations"),
    ("XRB", "reprint bands"), ("XCL", "cluster"), ("XPL", "place"), ("XN", "name bases"), ("XL", "lemmas"),
    ("ZS", "title stems"), ("Z", "stems"), ("S", "title exact"), ("Q", "id"), ("Y", "year"), ("M", "month"),
    ("D", "day"), ("", "exact"),
]


def family_of(term):
    for prefix, _ in FAMILIES:
        if prefix == "":
            return "" if not term[:1].isupper() else "other"
        if term.startswith(prefix):
            return prefix
    return "other"


def table_bytes(path):
    sizes = {}
    for table in TABLES:
        name = os.path.join(path, table + ".glass")
        sizes[table] = os.path.getsize(name) if os.path.exists(name) else 0
    return sizes


def copy(source, target, limit, drop=None, no_positions=None, values=True, data=True, spelling=False):
    """The first `limit` documents of `source` into `target`, compacted."""
    raw = target + ".raw"
    out = xapian.WritableDatabase(raw, xapian.DB_CREATE)
    for docid in range(1, min(limit, source.get_lastdocid()) + 1):
        try:
            doc = source.get_document(docid)
        except xapian.DocNotFoundError:
            continue
        new = xapian.Document()
        for item in doc.termlist():
            term = item.term.decode("utf-8", "surrogateescape")
            family = family_of(term)
            if family == drop:
                continue
            positions = list(item.positer) if family != no_positions else []
            for pos in positions:
                new.add_posting(item.term, pos, 0)
            # add_posting with wdfinc 0 adds no wdf: set it as the source had it.
            new.add_term(item.term, item.wdf)
        if values:
            for value in doc.values():
                new.add_value(value.num, value.value)
        if data:
            new.set_data(doc.get_data())
        out.replace_document(docid, new)
    if spelling:
        for item in source.spellings():
            out.add_spelling(item.term, item.termfreq)
    out.commit()
    out.close()
    xapian.Database(raw).compact(target, xapian.DBCOMPACT_MULTIPASS)
    shutil.rmtree(raw)
    return table_bytes(target)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("--limit", type=int, default=2000)
    args = parser.parse_args()
    source = xapian.Database(args.db)
    limit = min(args.limit, source.get_doccount())

    counts = {}
    for item in source.allterms():
        term = item.term.decode("utf-8", "surrogateescape")
        c = counts.setdefault(family_of(term), [0, 0])
        c[0] += 1
        c[1] += item.termfreq
    work = tempfile.mkdtemp(prefix="index-families-")
    try:
        base = copy(source, os.path.join(work, "all"), limit, spelling=True)
        total = sum(base.values())
        print(f"documents={limit} of {source.get_doccount()}; reference copy {total / 1e6:.2f} MB: "
              + " ".join(f"{t}={base[t] / 1e6:.2f}" for t in TABLES))
        print(f"{'family':<20}{'terms':>10}{'postings':>12}  saved MB when left out (postlist position termlist docdata) = total, share")
        variants = [(p, name, dict(drop=p)) for p, name in FAMILIES]
        variants += [("", "exact: positions", dict(no_positions="")), ("S", "title exact: positions", dict(no_positions="S")),
                     (None, "values", dict(values=False)), (None, "stored record", dict(data=False))]
        for prefix, name, options in variants:
            sizes = copy(source, os.path.join(work, "v"), limit, **options)
            shutil.rmtree(os.path.join(work, "v"))
            saved = {t: base[t] - sizes[t] for t in TABLES if t != "spelling"}
            terms, postings = counts.get(prefix, [0, 0]) if "positions" not in name and prefix is not None else ("", "")
            print(f"{name:<20}{terms!s:>10}{postings!s:>12}  " + " ".join(f"{saved[t] / 1e6:7.2f}" for t in saved)
                  + f" = {sum(saved.values()) / 1e6:6.2f} MB, {sum(saved.values()) / total:5.1%}")
        print(f"{'spelling table':<20}{'':>10}{'':>12}  {base['spelling'] / 1e6:.2f} MB, {base['spelling'] / total:.1%}")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    sys.exit(main())
