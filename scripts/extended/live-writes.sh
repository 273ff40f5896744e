#!/usr/bin/env bash
# Faults of the write API (about 5 minutes), on 127.0.0.1 in a scratch folder:
#  - kill -9 during heavy ingest, 20 times: every acknowledged article present
#    and whole after the restart, the index opens, a replayed batch changes nothing;
#  - ingest, delete and search together for 3 minutes: 0 failed searches,
#    0 results pointing to an article after its DELETE returned;
#  - disk full (a 64 MB tmpfs; skipped with a message where mounting is not
#    allowed): a clear 5xx, nothing acknowledged lost, searches answered.
set -uo pipefail
source "$(dirname "$0")/lib/common.bash"
prepare_build
driver="$repo_root/scripts/extended/lib/live_writes.py"
head -c 24 /dev/urandom | base64 >"$scratch/token"

"$bin/indexer" --quiet --db "$scratch/kill9" corpus >/dev/null 2>&1 || fail "indexing the shipped corpus"
python3 "$driver" kill9 "$bin" "$scratch/kill9" "$scratch/token" "${LIVE_WRITES_ROUNDS:-20}" || failures=$((failures + 1))

"$bin/indexer" --quiet --db "$scratch/churn" corpus >/dev/null 2>&1 || fail "indexing the shipped corpus"
python3 "$driver" churn "$bin" "$scratch/churn" "$scratch/token" "${LIVE_WRITES_CHURN_SECONDS:-180}" || failures=$((failures + 1))

mkdir -p "$scratch/small-disk"
if mount -t tmpfs -o size=64m tmpfs "$scratch/small-disk" 2>/dev/null; then
  "$bin/indexer" --quiet --db "$scratch/small-disk/idx" corpus >/dev/null 2>&1 || fail "indexing onto the small disk"
  python3 "$driver" diskfull "$bin" "$scratch/small-disk/idx" "$scratch/token" || failures=$((failures + 1))
  umount "$scratch/small-disk" || umount -l "$scratch/small-disk"
else
  echo "SKIP live-writes: disk full: cannot mount a small tmpfs here (needs root outside a restricted container)"
fi
finish
