#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a search page: installs what
# is missing, builds, indexes corpus/ and serves it on http://127.0.0.1:8080/
# (PORT=... to change). Ctrl-C stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
scripts/build.sh
mkdir -p data
build/bin/indexer --db data/index corpus
exec build/bin/server --db data/index --port "${PORT:-8080}" --bind 127.0.0.1
