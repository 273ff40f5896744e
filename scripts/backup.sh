#!/usr/bin/env bash
# A consistent copy of a live index, while searches and writes go on:
#   scripts/backup.sh INDEX DEST
# INDEX is what the server's --db names (the link to the current generation,
# a plain Xapian folder, or a folder of local shards with its XAPIANDB stub).
# DEST must not exist; it becomes a Xapian database (or a folder of shards)
# that scripts/restore.sh puts back, and that `server --db DEST` can serve.
#
# Xapian's own means: xapian-compact reads one committed revision of the
# database (a reader never sees a half-written commit) and writes it compacted.
# When the writer commits twice while it reads, Xapian says the revision is
# gone (DatabaseModifiedError) and the copy is made again, up to 5 times.
# Needs xapian-compact (Debian's xapian-tools).
set -euo pipefail

usage() { echo "usage: scripts/backup.sh INDEX DEST" >&2; exit 2; }
fail() { echo "backup: $*" >&2; exit 1; }
[ $# -eq 2 ] || usage
index=$1 dest=$2
command -v xapian-compact >/dev/null || fail "xapian-compact not found: apt-get install xapian-tools"
[ -e "$index" ] || fail "$index: no index there"
[ ! -e "$dest" ] || fail "$dest already exists; give a new path"

# Copies one database (a generation folder) to $2, retrying when a commit
# took away the revision being read. A reader survives one commit, not two,
# so the copy must fit between two commits but one: under a stream of writes
# with no gap that long it retries for BACKUP_RETRY_SECONDS (60) and fails.
copy_database() {
    local source=$1 target=$2
    local give_up_at=$((SECONDS + ${BACKUP_RETRY_SECONDS:-60}))
    [ -f "$source/iamglass" ] || fail "$source: not a Xapian (glass) database"
    while :; do
        rm -rf "$target"
        if out=$(xapian-compact --no-renumber "$source" "$target" 2>&1); then return 0; fi
        if [ $SECONDS -ge $give_up_at ] || ! grep -q "DatabaseModified\|modified" <<<"$out"; then
            rm -rf "$target"
            fail "xapian-compact $source: $out"
        fi
        sleep 0.1
    done
}

tmp="$dest.partial-$$"
trap 'rm -rf "$tmp"' EXIT
resolved=$(readlink -f "$index")
if [ -f "$resolved/XAPIANDB" ]; then
    # Local shards: each shard is copied at one committed revision of its own.
    mkdir -p "$tmp"
    while read -r kind path rest; do
        case "$kind" in ''|'#'*) continue ;; esac
        [ "$kind" = auto ] && [ -z "$rest" ] && [[ "$path" != /* ]] ||
            fail "$resolved/XAPIANDB: only local shards in the index folder can be backed up here (back up remote shards on their hosts)"
        copy_database "$(readlink -f "$resolved/$path")" "$tmp/$path"
    done <"$resolved/XAPIANDB"
    cp "$resolved/XAPIANDB" "$tmp/XAPIANDB"
else
    copy_database "$resolved" "$tmp"
fi
{
    echo "source: $index"
    echo "generation: $resolved"
    echo "taken: $(date -u +%FT%TZ)"
} >"$tmp/newsearch-backup"
mv -T "$tmp" "$dest"
trap - EXIT
echo "backup: $index ($resolved) copied to $dest"
