#!/bin/sh
# Installs the JsSIP test peer's npm dependencies (jssip 3.13.8, playwright-core 1.61.1) into
# tests/interop/jssip/node_modules with `npm ci`, exactly as pinned by package-lock.json.
# Idempotent: does nothing when node_modules already matches the lock file (no network then).
# Called by packaging/install-deps.sh --test and by selftest.sh.
# Never downloads a browser: jssip-peer.mjs drives Debian's /usr/bin/chromium.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
exec sh "$here/../../support/npm-ci-pinned.sh" "$here" jssip 3.13.8 \
    node_modules/jssip/lib/JsSIP.js node_modules/playwright-core/package.json
