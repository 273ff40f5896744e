#!/usr/bin/env bash
# Builds docker/Dockerfile and checks the image: /healthz and a search answer
# from the server inside, a mounted corpus indexed at start, a non-root user.
# No registry and no Docker engine are reachable here, so (see
# ../shared/notes/containers.md) the base image debian:bookworm is made with
# debootstrap, the image is built by podman with chroot isolation, and the
# container runs through `buildah run`, which shares the host network: the
# server is told to bind 127.0.0.1 so nothing listens beyond loopback.
# IMAGE=... names the image (kept afterwards as a build cache); DOCKERFILE=...
# builds another Dockerfile (to try a variant).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

scripts/install-deps.sh container test
base=docker.io/library/debian:bookworm
image=${IMAGE:-localhost/newsearch:test}
work=$(mktemp -d /tmp/newsearch-container.XXXXXX)
container=""
server_pid=""
shard_pids=()
shard_containers=()

cleanup() {
    if [ -n "$server_pid" ]; then kill -- "-$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    for pid in "${shard_pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    for c in "$container" "${shard_containers[@]}"; do
        if [ -n "$c" ]; then buildah rm "$c" >/dev/null 2>&1 || true; fi
    done
    rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "container: FAIL: $*" >&2; exit 1; }

if ! podman image exists "$base"; then
    echo "container: making the base image $base with debootstrap"
    debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
        { tail -20 "$work/debootstrap.log"; fail "debootstrap failed"; }
    tar -C "$work/rootfs" -c . | podman import - "$base" >/dev/null
    rm -rf "$work/rootfs"
fi

# The build context is what git sees (tracked and not ignored), not build
# folders or other local files.
mkdir "$work/context"
git ls-files -z --cached --others --exclude-standard | xargs -0 tar -c --ignore-failed-read 2>/dev/null | tar -C "$work/context" -x
started=$(date +%s)
echo "container: building $image"
podman build --pull=never --isolation=chroot --format docker -f "${DOCKERFILE:-docker/Dockerfile}" -t "$image" "$work/context"
echo "container: image built in $(( $(date +%s) - started )) s"

podman image inspect --format '{{.Config.Healthcheck.Test}}' "$image" | grep -q healthz || fail "no HEALTHCHECK on /healthz"
podman image inspect --format '{{.Config.ExposedPorts}}' "$image" | grep -q 8080 || fail "port 8080 not exposed"

container=$(buildah from --pull-never "$image")
[ "$(buildah run --isolation=chroot "$container" -- id -u)" != 0 ] || fail "the image runs as root"
buildah run --isolation=chroot "$container" -- sh -c '! command -v g++ && ! command -v cmake' >/dev/null ||
    fail "the runtime image holds build tools"
buildah run --isolation=chroot "$container" -- grep -q -- '--bind 0.0.0.0' /usr/local/bin/newsearch-entrypoint ||
    fail "the entrypoint does not bind all interfaces"

# Starts the entrypoint (PORT=0: the server picks a free port) and waits for
# the line naming the port; extra arguments go to the server.
start_server() {
    local log=$1; shift
    : > "$log"
    setsid buildah run --isolation=chroot --env PORT=0 "$@" >"$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 300); do
        port=$(sed -n 's|^server: listening on http://[0-9.]*:\([0-9]*\)/.*|\1|p' "$log")
        [ -n "$port" ] && return 0
        kill -0 "$server_pid" 2>/dev/null || { cat "$log"; fail "the server exited"; }
        sleep 0.2
    done
    cat "$log"; fail "the server did not start"
}

stop_server() {
    kill -- "-$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

get() { curl -fsS --max-time 10 "http://127.0.0.1:$port$1"; }

start_server "$work/server.log" "$container" -- /usr/local/bin/newsearch-entrypoint --bind 127.0.0.1
health=$(get /healthz)
echo "container: /healthz -> $health"
echo "$health" | grep -q '"status":"ok"' || fail "unhealthy: $health"
documents=$(echo "$health" | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
[ "${documents:-0}" -gt 0 ] || fail "the built-in index is empty"
answer=$(get "/api/search?q=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BA%D0%B1%D0%B0%D0%B5%D0%B2&limit=1")
total=$(echo "$answer" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
[ "${total:-0}" -gt 0 ] || fail "no hits for Казакбаев: $answer"
echo "container: search Казакбаев -> $total hits"
get / | grep -q '<form' || fail "no search page"
stop_server

# A corpus mounted at /corpus is indexed at start and served instead.
mkdir "$work/corpus"
cp "$(git ls-files corpus | grep '\.txt$' | head -1)" "$(git ls-files corpus | grep '\.txt$' | sed -n 2p)" "$work/corpus/"
start_server "$work/server-corpus.log" --volume "$work/corpus:/corpus:ro" "$container" -- \
    /usr/local/bin/newsearch-entrypoint --bind 127.0.0.1
health=$(get /healthz)
echo "container: with /corpus mounted, /healthz -> $health"
echo "$health" | grep -q '"documents":2[,}]' || fail "the mounted corpus of 2 articles was not served: $health"
stop_server

# The compose setup without compose: two shard containers running
# xapian-tcpsrv over the image's two shards, and the server over both
# through NEWSEARCH_SHARDS. All on 127.0.0.1 (buildah run shares the host network).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
shard_ports=()
for i in 0 1; do
    shard_port=$(free_port)
    c=$(buildah from --pull-never "$image")
    shard_containers+=("$c")
    setsid buildah run --isolation=chroot "$c" -- xapian-tcpsrv --interface 127.0.0.1 --port "$shard_port" \
        "/opt/newsearch/data/shards/shard-$i" >"$work/shard-$i.log" 2>&1 &
    shard_pids+=($!)
    shard_ports+=("$shard_port")
done
for shard_port in "${shard_ports[@]}"; do
    for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$shard_port") 2>/dev/null && break; sleep 0.2; done
done
start_server "$work/server-shards.log" \
    --env NEWSEARCH_SHARDS="127.0.0.1:${shard_ports[0]} 127.0.0.1:${shard_ports[1]}" "$container" -- \
    /usr/local/bin/newsearch-entrypoint --bind 127.0.0.1
health=$(get /healthz)
echo "container: over two remote shards, /healthz -> $health"
[ "$(echo "$health" | grep -o '"state":"up"' | wc -l)" = 2 ] || fail "both shards should be up: $health"
echo "$health" | grep -q "\"documents\":$documents," || fail "the shards should hold the $documents articles: $health"
answer=$(get "/api/search?q=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BA%D0%B1%D0%B0%D0%B5%D0%B2&limit=1")
echo "$answer" | grep -q '"hits":\[{' || fail "no hits over the shards: $answer"
kill -- "-${shard_pids[1]}" 2>/dev/null || true
answer=$(get "/api/search?q=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BA%D0%B1%D0%B0%D0%B5%D0%B2&limit=1")
echo "$answer" | grep -q '"partial":true' || fail "with a shard stopped the answer should be partial: $answer"
echo "container: with shard-1 stopped, the answer is partial"
stop_server
echo "container: passed"
