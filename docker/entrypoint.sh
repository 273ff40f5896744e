#!/bin/sh
# Chooses what the server serves, in this order:
#   1. remote shards named in NEWSEARCH_SHARDS ("host:port host:port ..."),
#      each a xapian-tcpsrv (see docker/compose.yaml): served through a stub;
#   2. a corpus mounted at /corpus (any files in it): indexed into /data/index
#      at start (split into NEWSEARCH_INDEX_SHARDS shards when that is set);
#   3. an index mounted at /data/index (a database, a stub file or a sharded
#      folder): served as it is;
#   4. the default corpus indexed into the image at build time.
# Extra arguments go to the server, e.g. --threads 4.
set -eu
index=/opt/newsearch/data/index
if [ -n "${NEWSEARCH_SHARDS:-}" ]; then
    index=$(mktemp /tmp/shards.XXXXXX)
    for shard in $NEWSEARCH_SHARDS; do echo "remote $shard"; done > "$index"
    echo "entrypoint: serving the shards $NEWSEARCH_SHARDS"
elif [ -n "$(ls -A /corpus 2>/dev/null)" ]; then
    echo "entrypoint: indexing /corpus into /data/index"
    if [ -n "${NEWSEARCH_INDEX_SHARDS:-}" ]; then
        indexer --db /data/index --shards "$NEWSEARCH_INDEX_SHARDS" /corpus
    else
        indexer --db /data/index /corpus
    fi
    index=/data/index
elif [ -e /data/index ]; then
    index=/data/index
fi
# Inside a container the server must listen on every interface to be reachable.
exec server --db "$index" --bind 0.0.0.0 --port "${PORT:-8080}" "$@"
