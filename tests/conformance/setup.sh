#!/bin/sh
# Installs the conformance harness' npm dependencies (the official @flashphoner/websdk 2.0.276,
# ws, playwright-core) into tests/conformance/node_modules with `npm ci`, exactly as pinned by
# package-lock.json. Idempotent: does nothing when node_modules already matches the lock file.
# Never downloads a browser: the Chromium tests drive Debian's /usr/bin/chromium.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
exec sh "$here/../support/npm-ci-pinned.sh" "$here" @flashphoner/websdk 2.0.276 \
    node_modules/@flashphoner/websdk/flashphoner.js node_modules/ws/package.json \
    node_modules/playwright-core/package.json
