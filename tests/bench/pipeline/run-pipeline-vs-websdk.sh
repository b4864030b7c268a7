#!/bin/sh
# Event pipeline, Callboard vs the official @flashphoner/websdk 2.0.276: generates one trace of
# WCS server frames (gen-trace.mjs), feeds it to the SDK in Node (run-sdk.mjs) and to Callboard
# (callboard-bench-pipeline: without a journal, then with one as in the desktop app, --journal),
# alternating, PIPELINE_ROUNDS times (default 3), and prints the frames/s of each (medians), the
# ratios Callboard / SDK, and the loopback transport's own ceiling.
#
#   tests/bench/pipeline/run-pipeline-vs-websdk.sh <build-dir> [frames]      (default 1000000)
#
# Environment: CALLBOARD_NODE (node binary; default: node on PATH), PIPELINE_ROUNDS (3),
# PIPELINE_STREAMS (2000), PIPELINE_SEED (20261121), PIPELINE_WORK_DIR (where the trace goes;
# default a temporary directory, removed at exit), PIPELINE_SDK_LOGS_DEFAULT=1 (one more SDK run
# with its default logging on).
# Exits 1 when a tool is missing (with what to run) or when either side fails its state check.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
src=$(CDPATH= cd -- "$here/../../.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 <build-dir> [frames]" >&2; exit 2; }
build=$1
frames=${2:-1000000}
rounds=${PIPELINE_ROUNDS:-3}
streams=${PIPELINE_STREAMS:-2000}
seed=${PIPELINE_SEED:-20261121}

node=${CALLBOARD_NODE:-}
case "$node" in ''|*NOTFOUND) node=$(command -v node || true) ;; esac
if [ -z "$node" ] || ! "$node" --version >/dev/null 2>&1; then
    echo "node not found: this benchmark needs Node.js (apt-get install nodejs npm)" >&2
    exit 1
fi
if [ ! -f "$src/tests/conformance/node_modules/@flashphoner/websdk/flashphoner-webrtc-only.js" ]; then
    echo "@flashphoner/websdk is not installed: run tests/conformance/setup.sh" >&2
    exit 1
fi
bench="$build/tests/bench/pipeline/callboard-bench-pipeline"
if [ ! -x "$bench" ]; then
    echo "$bench not built: run ninja -C $build callboard-bench-pipeline" >&2
    exit 1
fi

if [ -n "${PIPELINE_WORK_DIR:-}" ]; then
    work=$PIPELINE_WORK_DIR
    mkdir -p "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/callboard-pipeline.XXXXXX")
    trap 'rm -rf "$work"' EXIT INT TERM
fi
trace="$work/trace-$frames.jsonl"

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); node $("$node" --version)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
"$node" "$here/gen-trace.mjs" --out "$trace" --frames "$frames" --streams "$streams" --seed "$seed"

# value <key> <line>: the number after key= in a result line
value() { printf '%s\n' "$2" | sed -n "s/.*[[:space:]]$1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# per CPU-second: frames / CPU time (the SDK process: main thread plus V8's GC helpers; Callboard:
# the client thread, the trace server's thread is not Callboard). Steadier than wall time when
# the machine is shared.
per_cpu() { awk -v f="$frames" -v c="$1" 'BEGIN { printf "%.0f", f / c }'; }
sdk_rates=""
cb_rates=""
sdk_cpu_rates=""
cb_cpu_rates=""
cbj_rates=""
cbj_cpu_rates=""
i=1
while [ "$i" -le "$rounds" ]; do
    out=$("$node" "$here/run-sdk.mjs" --trace "$trace") || { printf '%s\n' "$out"; exit 1; }
    printf 'round %d %s\n' "$i" "$out"
    line=$(printf '%s\n' "$out" | grep '^sdk:')
    sdk_rates="$sdk_rates $(value frames_per_s "$line")"
    sdk_cpu_rates="$sdk_cpu_rates $(per_cpu "$(value cpu_seconds "$line")")"
    out=$("$bench" --trace "$trace") || { printf '%s\n' "$out"; exit 1; }
    printf 'round %d %s\n' "$i" "$out"
    line=$(printf '%s\n' "$out" | grep '^callboard:')
    cb_rates="$cb_rates $(value frames_per_s "$line")"
    cb_cpu_rates="$cb_cpu_rates $(per_cpu "$(value client_cpu_seconds "$line")")"
    out=$("$bench" --trace "$trace" --journal) || { printf '%s\n' "$out"; exit 1; }
    printf 'round %d %s\n' "$i" "$out"
    line=$(printf '%s\n' "$out" | grep '^callboard_journal:')
    cbj_rates="$cbj_rates $(value frames_per_s "$line")"
    cbj_cpu_rates="$cbj_cpu_rates $(per_cpu "$(value client_cpu_seconds "$line")")"
    i=$((i + 1))
done
out=$("$bench" --trace "$trace" --transport-only) || { printf '%s\n' "$out"; exit 1; }
printf '%s\n' "$out"
transport=$(value frames_per_s "$(printf '%s\n' "$out" | grep '^transport:')")
if [ "${PIPELINE_SDK_LOGS_DEFAULT:-0}" = 1 ]; then
    out=$("$node" "$here/run-sdk.mjs" --trace "$trace" --sdk-logs default) || { printf '%s\n' "$out"; exit 1; }
    printf 'sdk logs default: %s\n' "$out"
fi

sdk=$(printf '%s\n' $sdk_rates | median)
cb=$(printf '%s\n' $cb_rates | median)
sdk_cpu=$(printf '%s\n' $sdk_cpu_rates | median)
cb_cpu=$(printf '%s\n' $cb_cpu_rates | median)
cbj=$(printf '%s\n' $cbj_rates | median)
cbj_cpu=$(printf '%s\n' $cbj_cpu_rates | median)
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "frames: $frames, rounds: $rounds (medians)"
echo "official websdk 2.0.276 (Node $("$node" --version), direct onmessage): $sdk frames/s, $sdk_cpu frames/CPU-s"
echo "callboard (loopback WebSocket -> Session -> services -> models): $cb frames/s, $cb_cpu frames/CPU-s"
echo "callboard with a journal (JournalEntry -> EventLogModel, as the app): $cbj frames/s, $cbj_cpu frames/CPU-s"
echo "loopback WebSocket transport alone: $transport frames/s"
awk -v a="$cb" -v b="$sdk" -v c="$cb_cpu" -v d="$sdk_cpu" \
    'BEGIN { printf "ratio callboard / sdk: %.2f (wall), %.2f (per CPU-second)\n", a / b, c / d }'
awk -v a="$cbj" -v b="$sdk" -v c="$cbj_cpu" -v d="$sdk_cpu" \
    'BEGIN { printf "ratio callboard with journal / sdk: %.2f (wall), %.2f (per CPU-second)\n", a / b, c / d }'
