#!/usr/bin/env bash
# Puts a backup made by scripts/backup.sh in place of an index:
#   scripts/restore.sh BACKUP INDEX
# The backup is copied beside INDEX as a new generation (INDEX.gen-...) and
# INDEX (a symbolic link, or nothing yet) is pointed at it with one atomic
# rename, as the indexer switches generations: a server reading INDEX picks
# the restored index up on its next request. BACKUP itself is left untouched.
# A server holding INDEX for writing (--write-token-file) must be stopped
# first: it would go on writing to the generation it opened.
set -euo pipefail

usage() { echo "usage: scripts/restore.sh BACKUP INDEX" >&2; exit 2; }
fail() { echo "restore: $*" >&2; exit 1; }
[ $# -eq 2 ] || usage
backup=${1%/} index=${2%/}
[ -f "$backup/iamglass" ] || [ -f "$backup/XAPIANDB" ] || fail "$backup: not a backup (no Xapian database in it)"
if [ -e "$index" ] && [ ! -L "$index" ]; then
    fail "$index is a real folder, not a link to a generation: move it away, then restore"
fi
if [ -L "$index" ]; then
    holder_file="$(readlink -f "$index")/newsearch-writer"
    if [ -s "$holder_file" ]; then
        fail "the index at $index is being written by $(head -n1 "$holder_file"); stop it first"
    fi
fi
mkdir -p "$(dirname "$index")"
generation="$index.gen-$(date +%s%6N)-restore$$"
cp -a "$backup" "$generation"
rm -f "$generation/newsearch-backup"
ln -s "$(basename "$generation")" "$index.link-$$"
mv -T "$index.link-$$" "$index"
echo "restore: $index now points at $generation (from $backup)"
