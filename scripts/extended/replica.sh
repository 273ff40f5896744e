#!/usr/bin/env bash
# A read replica following a live index with Xapian's own replication
# (about 1-2 minutes), on 127.0.0.1 in a scratch folder:
#  - the primary: `server` with a write token over an index written with
#    changesets (XAPIAN_MAX_CHANGESETS), served by xapian-replicate-server;
#  - the replica: xapian-replicate copying it into another folder, and a
#    second `server` (no token) over that folder;
#  - articles written to the primary are found by the replica's server (the
#    lag from the primary's 200 to the first replica search that finds them
#    is printed), deletes follow, the document counts agree, and a
#    compaction of the primary (a new generation) is followed too.
# Stops only what it started.
set -uo pipefail
source "$(dirname "$0")/lib/common.bash"
prepare_build
command -v xapian-replicate-server >/dev/null && command -v xapian-replicate >/dev/null ||
  { echo "FAIL replica: xapian-replicate(-server) not found (Debian's xapian-tools)"; exit 1; }
head -c 24 /dev/urandom | base64 >"$scratch/token"

# The primary: its index folder is the root that xapian-replicate-server serves;
# the replica asks for the database by its name there, the index link.
mkdir -p "$scratch/primary"
"$bin/indexer" --quiet --db "$scratch/primary/idx" corpus >/dev/null 2>&1 || { fail "indexing the shipped corpus"; finish; }
# Xapian writes the changesets a replica needs only when this is set in the writer.
XAPIAN_MAX_CHANGESETS=100 start_server "$scratch/primary/idx" --write-token-file "$scratch/token" ||
  { fail "the primary server did not start"; finish; }
primary_port=$port

replication_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Its own session: on SIGTERM Xapian's forking server signals its whole
# process group, which would otherwise be this script.
setsid xapian-replicate-server -I 127.0.0.1 -p "$replication_port" "$scratch/primary" \
  >"$scratch/replicate-server.log" 2>&1 &
remember_pid $!
sleep 0.5
xapian-replicate -h 127.0.0.1 -p "$replication_port" -m idx -i 1 -r 1 -q "$scratch/replica" \
  >"$scratch/replicate.log" 2>&1 &
remember_pid $!
waited=0
until [ -f "$scratch/replica/XAPIANDB" ] || [ $waited -gt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
check "the replica made its first copy" test -f "$scratch/replica/XAPIANDB"

start_server "$scratch/replica" || { fail "the replica's server did not start"; cat "$scratch/replicate.log"; finish; }
replica_port=$port

python3 "$repo_root/scripts/extended/lib/replica.py" "$primary_port" "$replica_port" "$scratch/token" ||
  failures=$((failures + 1))
if [ "$failures" -gt 0 ]; then
  echo "--- xapian-replicate-server:"; tail -20 "$scratch/replicate-server.log"
  echo "--- xapian-replicate:"; tail -20 "$scratch/replicate.log"
fi
finish
