#!/usr/bin/env bash
# The Debian package as an administrator meets it: builds newsearch_*.deb with
# cpack, installs it with apt-get into a fresh Debian 12 root (debootstrap),
# checks the files, the user and the unit (systemd-analyze verify), runs the
# service's own start script there as the newsearch user (the corpus is
# indexed at first start, then served), queries it, and removes and purges
# the package cleanly. The root is the container suite's debootstrapped base
# image when podman has it, ROOT_TARBALL=FILE when given, else a new debootstrap.
set -euo pipefail
cd "$(dirname "$0")/../.."

scripts/install-deps.sh build container test
scripts/build.sh -DNEWSEARCH_WERROR=ON >/dev/null

work=$(mktemp -d /tmp/newsearch-package.XXXXXX)
root="$work/root"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    for mount in "$root/dev" "$root/proc"; do
        if mountpoint -q "$mount" 2>/dev/null; then umount -l "$mount" || true; fi
    done
    # Never into the host's /dev or /proc, should an unmount have failed.
    rm -rf --one-file-system "$work"
}
trap cleanup EXIT
fail() { echo "package: FAIL: $*" >&2; exit 1; }
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }

echo "package: building the .deb"
(cd build && cpack -G DEB -B "$work/deb" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
version=$(sed -n 's/#define NEWSEARCH_VERSION "\(.*\)"/\1/p' build/generated/newsearch_version.h)
deb="$work/deb/newsearch_${version}_amd64.deb"
[ -f "$deb" ] || { ls "$work/deb"; fail "no $deb"; }
depends=$(dpkg-deb -f "$deb" Depends)
echo "package: $(basename "$deb"), $(du -h "$deb" | cut -f1), Depends: $depends"
for library in libxapian30 libicu72 libzstd1 libhunspell; do
    grep -q "$library" <<<"$depends" || fail "Depends lacks $library (dpkg-shlibdeps)"
done
contents=$(dpkg-deb -c "$deb")
grep -q " ./usr/bin/newsearch-server$" <<<"$contents" || fail "no /usr/bin/newsearch-server in the package"
grep -q " ./usr/bin/newsearch-indexer$" <<<"$contents" || fail "no /usr/bin/newsearch-indexer in the package"
grep -q " ./etc/default/newsearch$" <<<"$contents" || fail "no /etc/default/newsearch in the package"
grep -q "newsearch.service$" <<<"$contents" || fail "no systemd unit in the package"
grep -q " ./usr/share/newsearch/corpus/" <<<"$contents" || fail "no corpus in the package"

echo "package: making a Debian 12 root"
base=docker.io/library/debian:bookworm  # made by debootstrap in the container suite, when it has run
if [ -n "${ROOT_TARBALL:-}" ] && [ -f "$ROOT_TARBALL" ]; then
    mkdir "$root" && tar -C "$root" -xf "$ROOT_TARBALL"
elif command -v podman >/dev/null && podman image exists "$base"; then
    mkdir "$root"
    container=$(podman create "$base" /bin/true)
    podman export "$container" | tar -C "$root" -x
    podman rm "$container" >/dev/null
else
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
        { tail -20 "$work/debootstrap.log"; fail "debootstrap failed"; }
fi
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"

echo "package: apt-get install ./$(basename "$deb")"
in_root apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get update in the root failed"; }
# systemd only for systemd-analyze verify --root (its targets); it does not run in a chroot.
in_root apt-get install -y -qq --no-install-recommends systemd >>"$work/apt.log" 2>&1 ||
    { tail -30 "$work/apt.log"; fail "apt-get install systemd failed"; }
in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" >>"$work/apt.log" 2>&1 ||
    { tail -30 "$work/apt.log"; fail "apt-get install failed"; }
[ "$(in_root newsearch-server --version)" = "server (newsearch) $version" ] || fail "newsearch-server --version"
[ "$(in_root newsearch-indexer --version)" = "indexer (newsearch) $version" ] || fail "newsearch-indexer --version"
in_root getent passwd newsearch >/dev/null || fail "no newsearch user"

unit="$root/lib/systemd/system/newsearch.service"
[ -f "$unit" ] || unit="$root/usr/lib/systemd/system/newsearch.service"
for setting in StateDirectory=newsearch ProtectSystem=strict NoNewPrivileges=yes PrivateTmp=yes \
               EnvironmentFile=-/etc/default/newsearch; do
    grep -qx "$setting" "$unit" || fail "the unit lacks $setting"
done
grep -qx NEWSEARCH_BIND=127.0.0.1 "$root/etc/default/newsearch" || fail "the default bind is not 127.0.0.1"
grep -qx NEWSEARCH_PORT=8080 "$root/etc/default/newsearch" || fail "the default port is not 8080"
verify=$(systemd-analyze verify --root="$root" /lib/systemd/system/newsearch.service 2>&1) || { echo "$verify"; fail "systemd-analyze verify"; }
if grep -q "newsearch" <<<"$verify"; then echo "$verify"; fail "systemd-analyze verify complains about the unit"; fi
echo "package: systemd-analyze verify: clean"

# What systemd would do (it does not run in a chroot): the state folder owned by
# the user, then ExecStartPre and ExecStart as that user with the settings file,
# on a free port instead of 8080 (the host's network is shared).
install -d -o "$(in_root id -u newsearch)" -g "$(in_root id -g newsearch)" "$root/var/lib/newsearch"
run_as_service() {
    chroot "$root" /usr/sbin/runuser -u newsearch -- /bin/sh -c \
        "set -a; . /etc/default/newsearch; NEWSEARCH_PORT=0; set +a; cd /var/lib/newsearch; exec /usr/lib/newsearch/newsearch-start $1"
}
run_as_service prepare >"$work/prepare.log" 2>&1 || { cat "$work/prepare.log"; fail "newsearch-start prepare failed"; }
grep -q "indexer: 2[0-9][0-9] read" "$work/prepare.log" || { cat "$work/prepare.log"; fail "the corpus was not indexed at first start"; }
run_as_service serve >"$work/serve.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's|^server: listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log"; fail "the installed server exited"; }
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/serve.log"; fail "the installed server did not start"; }
health=$(curl -fsS "http://127.0.0.1:$port/healthz")
grep -q '"status":"ok"' <<<"${health// /}" || fail "healthz: $health"
first=$(curl -fsS -G "http://127.0.0.1:$port/api/search" --data-urlencode 'q=Казакбаев Лавров' | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')
[[ "$first" == 001_* ]] || fail "Казакбаев Лавров: first hit $first, not article 001"
curl -fsS "http://127.0.0.1:$port/metrics" | grep -q '^newsearch_index_documents ' || fail "no metrics"
echo "package: the installed server answers on 127.0.0.1:$port ($health)"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

echo "package: apt-get remove and purge"
in_root apt-get remove -y -qq newsearch >>"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get remove failed"; }
[ ! -e "$root/usr/bin/newsearch-server" ] || fail "the server is still there after remove"
[ -f "$root/etc/default/newsearch" ] || fail "remove should keep the settings (a conffile)"
in_root apt-get purge -y -qq newsearch >>"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get purge failed"; }
[ ! -e "$root/etc/default/newsearch" ] || fail "the settings are still there after purge"
[ ! -e "$root/var/lib/newsearch" ] || fail "the index is still there after purge"
echo "package: passed"
