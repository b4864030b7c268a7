#!/bin/sh
# Installs the conformance harness' npm dependencies (the official @flashphoner/websdk 2.0.276,
# ws, playwright-core) into tests/conformance/node_modules with `npm ci`, exactly as pinned by
# package-lock.json. Idempotent: does nothing when node_modules already matches the lock file.
#
# Never downloads a browser: the Chromium tests drive Debian's /usr/bin/chromium.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
cd "$here"

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
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
        [ -f node_modules/@flashphoner/websdk/flashphoner.js ] &&
        [ -f node_modules/ws/package.json ] &&
        [ -f node_modules/playwright-core/package.json ]
}

if up_to_date; then
    echo "setup.sh: node_modules matches package-lock.json, nothing to do"
    exit 0
fi

# Several build directories may run this fixture at the same time: serialise on a lock.
exec 9>"$here/.setup.lock"
if command -v flock >/dev/null 2>&1; then
    flock -w 600 9
fi
if up_to_date; then
    echo "setup.sh: node_modules matches package-lock.json (installed by a concurrent run)"
    exit 0
fi

echo "setup.sh: npm ci in $here"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error

version=$(node -p 'require("./node_modules/@flashphoner/websdk/package.json").version')
if [ "$version" != "2.0.276" ]; then
    echo "setup.sh: expected @flashphoner/websdk 2.0.276, npm installed $version" >&2
    exit 1
fi
printf '%s\n' "$want" >"$stamp"
echo "setup.sh: installed @flashphoner/websdk $version"
