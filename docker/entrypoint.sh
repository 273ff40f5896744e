#!/bin/sh
# Chooses what the server serves, in this order:
#   1. a corpus mounted at /corpus (any files in it): indexed into /data/index at start;
#   2. an index mounted at /data/index: served as it is;
#   3. the default corpus indexed into the image at build time.
# Extra arguments go to the server, e.g. --threads 4.
set -eu
index=/opt/newsearch/data/index
if [ -n "$(ls -A /corpus 2>/dev/null)" ]; then
    echo "entrypoint: indexing /corpus into /data/index"
    indexer --db /data/index /corpus
    index=/data/index
elif [ -e /data/index ]; then
    index=/data/index
fi
# Inside a container the server must listen on every interface to be reachable.
exec server --db "$index" --bind 0.0.0.0 --port "${PORT:-8080}" "$@"
