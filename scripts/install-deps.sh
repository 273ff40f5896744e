#!/usr/bin/env bash
# Installs the Debian 12 packages a task needs, only those missing, so it is
# quick when everything is present. Usage: scripts/install-deps.sh GROUP...
#   build    compilers, CMake and the libraries (the default); tcmalloc, linked statically
#            into the indexer and the server (cmake/allocator.cmake)
#   test     what the test suite uses besides the build (curl, xapian-tcpsrv, xapian-compact,
#            xapian-replicate(-server) for the replica suite, wrk, time,
#            feedparser, prometheus-client)
#   bench    wrk, PostgreSQL 15, Sphinx 2.2.11 with python3-pymysql, xz, python3 (bench/);
#            python3-xapian, hunspell (tools/everyday_words)
#   fuzz     clang with libFuzzer and the sanitizer runtimes
#   browser  Chromium and Node.js for the browser test
#   container podman, buildah, debootstrap (docker/)
set -euo pipefail

declare -A GROUPS_PACKAGES=(
  [build]="cmake ninja-build g++ pkg-config libxapian-dev libboost-dev libicu-dev libzstd-dev libhunspell-dev hunspell-ru nlohmann-json3-dev catch2 libgoogle-perftools-dev"
  [test]="curl xapian-tools python3 python3-feedparser python3-prometheus-client wrk time"
  [bench]="wrk postgresql sphinxsearch python3-pymysql xz-utils python3 curl time python3-xapian hunspell"
  [fuzz]="clang libclang-rt-14-dev"
  [browser]="chromium nodejs npm"
  [container]="podman buildah debootstrap"
)

groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(build)

wanted=()
for group in "${groups[@]}"; do
  if [ -z "${GROUPS_PACKAGES[$group]+set}" ]; then
    echo "install-deps: unknown group '$group' (known: ${!GROUPS_PACKAGES[*]})" >&2
    exit 2
  fi
  for package in ${GROUPS_PACKAGES[$group]}; do
    # NodeSource's nodejs bundles npm and conflicts with Debian's npm package.
    if [ "$package" = npm ] && command -v npm >/dev/null; then continue; fi
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      wanted+=("$package")
    fi
  done
done

[ ${#wanted[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${wanted[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${wanted[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
