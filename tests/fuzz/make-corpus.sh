#!/usr/bin/env bash
# Usage: make-corpus.sh <out-dir> [fixture-dir]
# Writes every client->server ("C>S") and server->client ("S>C") frame of the official-SDK
# captures (shared/fixtures/wcs-official-sdk/*.jsonl) as one file per frame into <out-dir>,
# the seed corpus of the codec fuzzers.
set -euo pipefail

out=${1:?usage: make-corpus.sh <out-dir> [fixture-dir]}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fixtures=${2:-${CALLBOARD_SHARED_DIR:-$here/../../../shared}/fixtures/wcs-official-sdk}

command -v jq >/dev/null || { echo "make-corpus.sh: jq is needed" >&2; exit 2; }
[[ -d $fixtures ]] || { echo "make-corpus.sh: no fixture dir $fixtures" >&2; exit 2; }
mkdir -p "$out"

count=0
for f in "$fixtures"/*.jsonl; do
    base=$(basename "$f" .jsonl)
    n=0
    # NUL-separated raw frames; the frames themselves hold no NUL.
    while IFS= read -r -d '' frame; do
        n=$((n + 1))
        printf '%s' "$frame" >"$out/$base-$(printf '%03d' "$n").json"
        count=$((count + 1))
    done < <(jq -j 'select(.dir == "C>S" or .dir == "S>C") | (.raw | tostring) + "\u0000"' "$f")
done
echo "make-corpus.sh: $count frames from $fixtures -> $out"
