#!/bin/sh
# Installs the JsSIP test peer's npm dependencies (jssip 3.13.8, playwright-core 1.61.1) into
# tests/interop/jssip/node_modules with `npm ci`, exactly as pinned by package-lock.json.
# Idempotent: does nothing when node_modules already matches the lock file (no network then).
# Called by packaging/install-deps.sh --test and by selftest.sh.
#
# Never downloads a browser: jssip-peer.mjs drives Debian's /usr/bin/chromium.
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
        [ -f node_modules/jssip/lib/JsSIP.js ] &&
        [ -f node_modules/playwright-core/package.json ]
}

if up_to_date; then
    echo "setup.sh: node_modules matches package-lock.json, nothing to do"
    exit 0
fi

# Several build directories / test runs may call this at the same time: serialise on a lock.
exec 9>"$here/.setup.lock"
if command -v flock >/dev/null 2>&1; then
    flock -w 600 9
fi
if up_to_date; then
    echo "setup.sh: node_modules matches package-lock.json (installed by a concurrent run)"
    exit 0
fi

echo "setup.sh: npm ci in $here"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error --prefer-offline

version=$(node -p 'require("./node_modules/jssip/package.json").version')
if [ "$version" != "3.13.8" ]; then
    echo "setup.sh: expected jssip 3.13.8, npm installed $version" >&2
    exit 1
fi
printf '%s\n' "$want" >"$stamp"
echo "setup.sh: installed jssip $version"
