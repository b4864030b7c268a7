#!/usr/bin/env bash
# Load test of the REST hook server with Debian's wrk (packaging/install-deps.sh --test):
# realistic StreamKeepAliveEvent bodies over 10,000 distinct streams against
# callboard-bench-hooks --serve (hooks::HookServer -> services::StreamMonitor), then the
# lost-event check: every request wrk counted was answered 200 and reached StreamMonitor, and
# every stream has a row with a keep-alive.
#   tests/bench/run-wrk-hooks.sh [BUILD_DIR] [DURATION_S] [CONNECTIONS] [THREADS] [STREAMS]
# Defaults: build-bench 10 64 2 10000. Exit 0 = none lost, 1 = lost events, 2 = setup error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-build-bench}"
duration="${2:-10}"
connections="${3:-64}"
threads="${4:-2}"
streams="${5:-10000}"
bench="$build/tests/bench/callboard-bench-hooks"
command -v wrk >/dev/null || { echo "run-wrk-hooks: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -x "$bench" ] || { echo "run-wrk-hooks: $bench not built" >&2; exit 2; }
port="${PORT:-19091}"
out="$(mktemp)"
trap 'rm -f "$out"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT
"$bench" --serve --port "$port" --duration-s "$((duration + 4))" >"$out" 2>/dev/null &
pid=$!
sleep 1
url="http://127.0.0.1:$port/rest/my_api/StreamKeepAliveEvent"
wrkline="$(wrk -t "$threads" -c "$connections" -d "${duration}s" --latency \
           -s "$here/wrk-keepalive.lua" "$url" -- "$streams" "$threads" | grep '^wrk ')"
wait "$pid"
pid=""
server="$(cat "$out")"
field() { echo "$wrkline" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
sfield() { echo "$server" | grep -o "\"$1\":[0-9]*" | cut -d: -f2; }
echo "wrk: $threads threads, $connections connections, ${duration}s, $streams streams"
echo "  requests/s   $(field rps)"
echo "  latency ms   p50 $(field p50ms)  p99 $(field p99ms)  max $(field maxms)"
echo "  wrk          requests $(field requests), non-2xx $(field non2xx), socket errors $(field socketErrors)"
echo "  server       $server"
lost=0
[ "$(field non2xx)" = 0 ] || lost=1
[ "$(sfield errors)" = 0 ] || lost=1
[ "$(sfield keepAliveEvents)" -ge "$(field requests)" ] || lost=1
[ "$(sfield keepAliveEvents)" = "$(sfield accepted)" ] || lost=1
[ "$(sfield monitorRows)" = "$streams" ] || lost=1
[ "$(sfield rowsWithKeepAlive)" = "$streams" ] || lost=1
if [ "$lost" = 0 ]; then echo "  lost check   none lost"; else echo "  lost check   LOST EVENTS"; fi
exit "$lost"
