#!/bin/sh
# `npm ci` of a test harness directory, exactly as its package-lock.json pins it, shared by
# tests/conformance/setup.sh and tests/interop/jssip/setup.sh. Idempotent: does nothing (and
# needs no network) when node_modules matches package.json + package-lock.json. Several builds
# or test runs may call it at once: they serialise on a lock file in the directory.
# Never downloads a browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD): tests drive Debian's Chromium.
#
# Usage: npm-ci-pinned.sh DIR PACKAGE VERSION [FILE...]
#   DIR      the harness directory (package.json, package-lock.json)
#   PACKAGE  the package whose installed version must be VERSION afterwards
#   FILE     paths under DIR that must exist for node_modules to count as installed
set -eu

dir=$1 package=$2 expected=$3
shift 3
cd "$dir"

for tool in node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "setup.sh: '$tool' not found; install Node.js >= 18 and npm (Debian: apt-get install nodejs npm)" >&2
        exit 1
    fi
done

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 18 ]; then
    echo "setup.sh: Node.js >= 18 needed, found $(node --version)" >&2
    exit 1
fi

stamp=node_modules/.callboard-lock.sha256
want=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)

up_to_date() {
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] || return 1
    for f in "$@"; do
        [ -f "$f" ] || return 1
    done
}

if up_to_date "$@"; then
    echo "setup.sh: node_modules matches package-lock.json in $dir, nothing to do"
    exit 0
fi

exec 9>"$dir/.setup.lock"
if command -v flock >/dev/null 2>&1; then
    flock -w 600 9
fi
if up_to_date "$@"; then
    echo "setup.sh: node_modules matches package-lock.json (installed by a concurrent run)"
    exit 0
fi

echo "setup.sh: npm ci in $dir"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error --prefer-offline

version=$(node -p "require('./node_modules/$package/package.json').version")
if [ "$version" != "$expected" ]; then
    echo "setup.sh: expected $package $expected, npm installed $version" >&2
    exit 1
fi
printf '%s\n' "$want" >"$stamp"
echo "setup.sh: installed $package $version"
