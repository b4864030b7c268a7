#!/usr/bin/env bash
# Usage: make-corpus.sh [--kind frames|hook-requests|scenarios] <out-dir> [fixture-dir]
#
# --kind frames (default): every client->server ("C>S") and server->client ("S>C") frame of the
#   official-SDK captures (shared/fixtures/wcs-official-sdk/*.jsonl) as one file per frame into
#   <out-dir>, the seed corpus of the codec fuzzers.
# --kind hook-requests: the same captures as the REST hook requests a WCS node would POST for
#   them (fuzz_hook_request): `POST /rest/my_api/<hook>` with the frame's data[0] plus nodeId,
#   appKey and sessionId as body; every other one signed with `Authorization: WCS <HMAC-MD5>`
#   (secret "s3cr3t") when openssl is there. Frame -> hook as in src/emulator/SessionHooks.cpp.
# --kind scenarios: the emulator scenarios of the repository (resources/scenarios/*.json,
#   tests/conformance/scenarios/*.json and the ```json examples of src/emulator/SCENARIO.md),
#   for fuzz_scenario_parser. No fixtures needed.
set -euo pipefail

kind=frames
if [[ ${1:-} == --kind ]]; then
    kind=${2:?usage: make-corpus.sh [--kind frames|hook-requests|scenarios] <out-dir> [fixture-dir]}
    shift 2
fi
out=${1:?usage: make-corpus.sh [--kind frames|hook-requests|scenarios] <out-dir> [fixture-dir]}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
fixtures=${2:-${CALLBOARD_SHARED_DIR:-$here/../../../shared}/fixtures/wcs-official-sdk}
mkdir -p "$out"

if [[ $kind == scenarios ]]; then
    count=0
    for f in "$source_dir"/resources/scenarios/*.json "$source_dir"/tests/conformance/scenarios/*.json; do
        [[ -f $f ]] || continue
        cp "$f" "$out/scenario-$(basename "$f")"
        count=$((count + 1))
    done
    # each ```json ... ``` block of SCENARIO.md
    n=0
    while IFS= read -r -d '' block; do
        n=$((n + 1))
        printf '%s' "$block" >"$out/scenario-md-$(printf '%02d' "$n").json"
        count=$((count + 1))
    done < <(awk '/^```json/{on=1; next} /^```/{if(on){printf "%c", 0}; on=0; next} on{print}' \
        "$source_dir/src/emulator/SCENARIO.md")
    echo "make-corpus.sh: $count scenarios -> $out"
    exit 0
fi

command -v jq >/dev/null || { echo "make-corpus.sh: jq is needed" >&2; exit 2; }
[[ -d $fixtures ]] || { echo "make-corpus.sh: no fixture dir $fixtures" >&2; exit 2; }

if [[ $kind == hook-requests ]]; then
    # "<hook>\t<body>" per frame that WCS turns into a REST hook (jq variables, not shell).
    # shellcheck disable=SC2016
    map='
      def hook: if .dir == "C>S" then
          {connection:"connect", call:"call", answer:"answer", hangup:"hangup", hold:"hold",
           unhold:"unhold", transfer:"transfer", sendDtmf:"sendDtmf",
           publishStream:"publishStream", playStream:"playStream",
           unPublishStream:"unPublishStream", stopStream:"stopStream", snapshot:"snapshot",
           sendData:"OnDataEvent", sessionDebug:"sessionDebug", pushLogs:"pushLogs",
           submitBugReport:"submitBugReport"}[.m]
        else
          {notifyStreamStatusEvent:"StreamStatusEvent", notifyTryingResponse:"CallStatusEvent",
           ring:"CallStatusEvent", sessionProgress:"CallStatusEvent", talk:"CallStatusEvent",
           hold:"CallStatusEvent", busy:"CallStatusEvent", finish:"CallStatusEvent",
           registered:"RegistrationStatusEvent", notifyTransferEvent:"TransferStatusEvent",
           DataStatusEvent:"DataStatusEvent", notifySessionDebugEvent:"SessionDebugStatusEvent",
           notifyIncomingCall:"OnCallEvent"}[.m]
        end;
      select(.dir == "C>S" or .dir == "S>C")
      | (.raw | fromjson? // empty) as $f
      | select(($f | type) == "object" and ($f.data | type) == "array"
               and ($f.data[0] | type) == "object")
      | {dir, m: $f.message, d: $f.data[0]}
      | hook as $h | select($h != null)
      | $h + "\t" + ((.d + {nodeId: "emulator@127.0.0.1", appKey: (.d.appKey // "defaultApp"),
                           sessionId: "/127.0.0.1:50211/127.0.0.1:8080"}) | tojson) + "\u0000"'
    count=0
    for f in "$fixtures"/*.jsonl; do
        base=$(basename "$f" .jsonl)
        n=0
        while IFS= read -r -d '' entry; do
            n=$((n + 1))
            hook=${entry%%$'\t'*}
            body=${entry#*$'\t'}
            auth=""
            if ((n % 2 == 0)) && command -v openssl >/dev/null; then
                sig=$(printf '%s' "$body" | openssl dgst -md5 -hmac s3cr3t -r | cut -d' ' -f1)
                auth="Authorization: WCS $sig"$'\r\n'
            fi
            printf 'POST /rest/my_api/%s HTTP/1.1\r\nHost: 127.0.0.1:9091\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n%s' \
                "$hook" "${#body}" "$auth" "$body" >"$out/hook-$base-$(printf '%03d' "$n").http"
            count=$((count + 1))
        done < <(jq -j "$map" "$f")
    done
    echo "make-corpus.sh: $count hook requests from $fixtures -> $out"
    exit 0
fi

[[ $kind == frames ]] || { echo "make-corpus.sh: unknown kind $kind" >&2; exit 2; }
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
