#!/usr/bin/env bash
# The search page in a real browser: installs Debian's Chromium and Node.js,
# playwright-core from tests/browser/package-lock.json (npm ci; no browser
# download), builds, then tests/browser/search_page.test.mjs indexes corpus/,
# starts the server on an ephemeral 127.0.0.1 port and drives the page.
# Screenshots: tests/browser/artifacts/ (ARTIFACTS=... to change).
# BUILD_DIR=... selects the build folder (default build).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build_dir="${BUILD_DIR:-build}"
artifacts="${ARTIFACTS:-$root/tests/browser/artifacts}"

scripts/install-deps.sh build browser
(cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
BUILD_DIR="$build_dir" scripts/build.sh
rm -rf "$artifacts"
cd tests/browser
timeout 600 node search_page.test.mjs --bin "$root/$build_dir/bin" --corpus "$root/corpus" --artifacts "$artifacts"
