#!/usr/bin/env python3
"""The everyday-words set against plain Xapian + Snowball (QueryParser,
STEM_SOME, default AND and OR), for comparison with evaluate.py.

Usage: snowball_baseline.py NEWS_JSONL[.xz] WORK_DIR [--set set.tsv]
Needs Debian's python3-xapian. Builds WORK_DIR/snowball once.
"""
import argparse
import json
import lzma
import os
import sys

import xapian

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import HERE, load_set  # noqa: E402


def build(news, db_path):
    db = xapian.WritableDatabase(db_path, xapian.DB_CREATE_OR_OPEN)
    if db.get_doccount():
        return
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("russian"))
    opener = lzma.open if news.endswith(".xz") else open
    with opener(news, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            doc = xapian.Document()
            generator.set_document(doc)
            generator.index_text(article.get("title", ""))
            generator.increase_termpos()
            generator.index_text(article.get("text", ""))
            doc.add_boolean_term("Q" + article["id"])
            doc.set_data(article["id"])
            db.replace_document("Q" + article["id"], doc)
    db.commit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("news")
    parser.add_argument("work_dir")
    parser.add_argument("--set", default=os.path.join(HERE, "set.tsv"))
    args = parser.parse_args()
    db_path = os.path.join(args.work_dir, "snowball")
    build(args.news, db_path)
    db = xapian.Database(db_path)
    rows = load_set(args.set)
    for name, op in (("AND", xapian.Query.OP_AND), ("OR", xapian.Query.OP_OR)):
        qp = xapian.QueryParser()
        qp.set_stemmer(xapian.Stem("russian"))
        qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        qp.set_default_op(op)
        for half in ("dev", "test"):
            chosen = [r for r in rows if r["half"] == half]
            found, reciprocal = 0, 0.0
            for row in chosen:
                enquire = xapian.Enquire(db)
                enquire.set_query(qp.parse_query(row["query"].lower()))
                ids = [m.document.get_data().decode() for m in enquire.get_mset(0, 10)]
                if row["id"] in ids:
                    found += 1
                    reciprocal += 1.0 / (ids.index(row["id"]) + 1)
            print(f"Snowball {name} {half}: {len(chosen)} queries, found@10 {found / len(chosen):.3f}, "
                  f"MRR@10 {reciprocal / len(chosen):.3f}")


if __name__ == "__main__":
    main()
