#!/usr/bin/python3
"""Everything an index holds, as sorted text lines, to compare two builds.

    /usr/bin/python3 bench/index_dump.py DB > dump.txt

Two indexes built from the same articles by two builds of the indexer are
the same index when their dumps are equal (`cmp a.txt b.txt`): every term
with its term and collection frequency, every posting with its wdf and
positions, each document's length, values and a hash of its stored record,
the spelling table with frequencies, the synonyms and the metadata. What
B-tree blocks the bytes sit in is not compared (compaction packs them anyway).
Needs python3-xapian (scripts/install-deps.sh bench). The dump holds the
texts' words: keep it out of the repository.
"""
import hashlib
import sys

import xapian


def dump(db, out):
    out.write(f"documents {db.get_doccount()} lastdocid {db.get_lastdocid()} "
              f"length {db.get_total_length()}\n")
    for key in db.metadata_keys():
        out.write(f"metadata {key!r} {db.get_metadata(key)!r}\n")
    for term in db.allterms():
        name = term.term
        out.write(f"term {name!r} tf {term.termfreq} cf {db.get_collection_freq(name)}\n")
        for posting in db.postlist(name):
            positions = " ".join(str(p) for p in db.positionlist(posting.docid, name))
            out.write(f" {posting.docid} wdf {posting.wdf} pos {positions}\n")
    for docid in range(1, db.get_lastdocid() + 1):
        try:
            doc = db.get_document(docid)
        except xapian.DocNotFoundError:
            continue
        values = " ".join(f"{v.num}={v.value!r}" for v in doc.values())
        data = hashlib.sha1(doc.get_data()).hexdigest()
        out.write(f"doc {docid} length {db.get_doclength(docid)} unique {db.get_unique_terms(docid)} "
                  f"data {data} values {values}\n")
    for word in db.spellings():
        out.write(f"spelling {word.term!r} {word.termfreq}\n")
    for key in db.synonym_keys():
        synonyms = " ".join(repr(s) for s in db.synonyms(key))
        out.write(f"synonym {key!r} {synonyms}\n")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: bench/index_dump.py DB")
    try:
        db = xapian.Database(sys.argv[1])
    except xapian.Error as error:
        sys.exit(f"index_dump: {sys.argv[1]}: {error}")
    dump(db, sys.stdout)


if __name__ == "__main__":
    main()
