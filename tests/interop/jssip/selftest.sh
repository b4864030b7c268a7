#!/usr/bin/env bash
# Self-test of the JsSIP test peer: two jssip-peer.mjs instances (each its own headless
# Chromium) call each other through a private Kamailio testbed over WebSocket and must both
# hear the other's tone. Exit 0 = audio energy above silence on both sides of every call.
#
#   tests/interop/jssip/selftest.sh [--out DIR] [--tone-gain A] [--min-level L] [--only 1|2] [--netns]
#
# Calls:
#   1. bob --auto-answer, alice --dial sip:bob@sip.test, alice hangs up after 4 s
#      (all host candidates, 440 Hz / 550 Hz sines).
#   2. dave --auto-answer --hangup-after 3 (callee hangs up), carol dials, both with
#      --candidates loopback: each SDP must carry loopback host candidates only (Chromium still
#      checks from its other local addresses, so on a host with more interfaces the selected
#      pair may be e.g. fd00::2 -> ::1 peer-reflexive; --netns rules that out).
# --netns: run everything (Kamailio, both Chromiums) in a new network namespace whose only
#      interface is lo (unshare -n, as root; unshare -rn otherwise), i.e. a loopback-only
#      machine: proves --allow-loopback-in-peer-connection is enough for ICE there.
# Checks per side: exit code 0, call confirmed, >= 4 "audio" events whose audioLevel,
# inboundAvgLevel (from the totalAudioEnergy delta) and WebAudio analyserRms all exceed
# --min-level (default 0.05; the sines are sent at amplitude 0.3), and > 50 RTP packets in.
# `--tone-gain 0` sends silence: the self-test must then FAIL (a check of the check).
#
# Kamailio: $CALLBOARD_SHARED_DIR/testbed/kamailio/start.sh (default: shared/ beside the repo),
# on free ports, stopped at the end. Logs and JSON lines: --out DIR (default: a temp dir, kept
# on failure).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shared=${CALLBOARD_SHARED_DIR:-$here/../../../../shared}
start_sh=$shared/testbed/kamailio/start.sh
out=""
tone_gain=0.3
min_level=0.05
only=""

while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --tone-gain) tone_gain="$2"; shift 2 ;;
        --min-level) min_level="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        --netns)
            if [[ -z "${JSSIP_SELFTEST_IN_NETNS:-}" ]]; then
                args=()
                for a in "$@"; do [[ "$a" != --netns ]] && args+=("$a"); done
                userns=()
                [[ $(id -u) -eq 0 ]] || userns=(-r)
                export JSSIP_SELFTEST_IN_NETNS=1
                exec unshare "${userns[@]}" -n bash -c 'ip link set lo up && exec bash "$0" "$@"' "$0" "${args[@]}"
            fi
            shift ;;
        -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
        *) echo "selftest: unknown option $1" >&2; exit 2 ;;
    esac
done

[[ -x "$start_sh" ]] || { echo "selftest: $start_sh not found (set CALLBOARD_SHARED_DIR)" >&2; exit 1; }
sh "$here/setup.sh" >&2

keep=1
if [[ -z "$out" ]]; then
    out=$(mktemp -d /tmp/jssip-selftest.XXXXXX)
    keep=0
fi
mkdir -p "$out"

# A port free for TCP and UDP on 127.0.0.1 (the WS port and the SIP port, which is both).
free_port() {
    node -e '
const net = require("net"), dgram = require("dgram");
function tryPort() {
  const p = 20000 + Math.floor(Math.random() * 30000);
  const s = net.createServer().once("error", tryPort).listen(p, "127.0.0.1", () => {
    const u = dgram.createSocket("udp4").once("error", () => { s.close(); tryPort(); });
    u.bind(p, "127.0.0.1", () => { u.close(); s.close(() => console.log(p)); });
  });
}
tryPort();'
}

ws_port=$(free_port)
sip_port=$(free_port)
while [[ "$sip_port" == "$ws_port" ]]; do sip_port=$(free_port); done
rundir="$out/kamailio"
pids=()

cleanup() {
    local rc=$?
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    "$start_sh" --stop --rundir "$rundir" >/dev/null 2>&1 || true
    if [[ $rc -eq 0 && $keep -eq 0 ]]; then
        rm -rf "$out"
    else
        echo "selftest: logs and JSON lines in $out" >&2
    fi
    exit $rc
}
trap cleanup EXIT INT TERM

"$start_sh" --background --ws-port "$ws_port" --sip-port "$sip_port" --rundir "$rundir" >&2
ws="ws://127.0.0.1:$ws_port"
peer=(node "$here/jssip-peer.mjs" --ws "$ws" --tone-gain "$tone_gain")

wait_for_line() { # file pattern seconds
    local i
    for ((i = 0; i < $3 * 10; i++)); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# check <name> <jsonl file> <exit code>: prints the figures, fails on silence.
check() {
    node - "$1" "$2" "$3" "$min_level" <<'EOF'
const fs = require('fs');
const [name, file, rc, minLevel] = process.argv.slice(2);
const ev = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const audio = ev.filter((e) => e.event === 'audio');
const loud = audio.filter((e) => e.audioLevel > minLevel && e.inboundAvgLevel > minLevel && e.analyserRms > minLevel);
const media = ev.find((e) => e.event === 'media') || {};
const exit = ev.find((e) => e.event === 'exit') || {};
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : 0; };
const problems = [];
if (Number(rc) !== 0) problems.push(`exit code ${rc}`);
if (!ev.some((e) => e.event === 'confirmed')) problems.push('call not confirmed');
if (loud.length < 4) problems.push(`only ${loud.length} of ${audio.length} audio samples above ${minLevel} (silence)`);
if ((exit.packetsReceived || 0) <= 50) problems.push(`only ${exit.packetsReceived || 0} RTP packets received`);
console.log(`${name}: ${loud.length}/${audio.length} samples loud; median audioLevel ${med(audio.map((e) => e.audioLevel))}` +
    `, inboundAvgLevel ${med(audio.map((e) => e.inboundAvgLevel))}, inboundEnergy/0.5s ${med(audio.map((e) => e.inboundEnergy))}` +
    `, analyserRms ${med(audio.map((e) => e.analyserRms))}; packets in ${exit.packetsReceived} out ${exit.packetsSent}` +
    `; ${media.codec} ${media.localCandidate} <-> ${media.remoteCandidate} ${media.srtpCipher}; exit ${rc} (${exit.reason})` +
    (problems.length ? `\n${name}: FAIL: ${problems.join('; ')}` : ''));
process.exit(problems.length ? 1 : 0);
EOF
}

# call <n> <callee> <caller> <callee args...> -- <caller args...>
call() {
    local n=$1 callee=$2 caller=$3
    shift 3
    local callee_args=() caller_args=()
    while [[ $# -gt 0 && "$1" != "--" ]]; do callee_args+=("$1"); shift; done
    shift
    caller_args=("$@")
    local ce="$out/call$n-$callee" cr="$out/call$n-$caller"
    local t0=$SECONDS
    echo "selftest: call $n: $caller -> $callee" >&2
    "${peer[@]}" --user "$callee" --auto-answer --seconds 40 "${callee_args[@]}" >"$ce.jsonl" 2>"$ce.log" &
    local callee_pid=$!
    pids+=("$callee_pid")
    if ! wait_for_line "$ce.jsonl" '"event":"registered"' 30; then
        echo "selftest: $callee did not register; see $ce.log" >&2
        return 1
    fi
    local caller_rc=0 callee_rc=0
    "${peer[@]}" --user "$caller" --dial "sip:$callee@sip.test" --seconds 40 "${caller_args[@]}" \
        >"$cr.jsonl" 2>"$cr.log" || caller_rc=$?
    wait "$callee_pid" || callee_rc=$?
    echo "selftest: call $n took $((SECONDS - t0)) s (both peers started to both exited)" >&2
    local ok=0
    check "call $n $caller (caller)" "$cr.jsonl" "$caller_rc" || ok=1
    check "call $n $callee (callee)" "$ce.jsonl" "$callee_rc" || ok=1
    if [[ "$n" == 2 ]]; then
        node - "$cr.jsonl" "$ce.jsonl" <<'EOF' || ok=1
const fs = require('fs');
let bad = 0;
for (const f of process.argv.slice(2)) {
  const sdp = fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((e) => e.event === 'sdp' && e.originator === 'local').map((e) => e.sdp).join('');
  const addrs = [...sdp.matchAll(/a=candidate:\S+ \d+ \S+ \d+ (\S+) /g)].map((m) => m[1]);
  const ok = addrs.length > 0 && addrs.every((a) => a.startsWith('127.') || a === '::1');
  console.log(`call 2 ${f.replace(/.*call2-/, '').replace('.jsonl', '')}: local SDP candidates [${[...new Set(addrs)].join(', ')}]` +
    (ok ? '' : ' FAIL: not loopback-only'));
  if (!ok) bad = 1;
}
process.exit(bad);
EOF
    fi
    return $ok
}

fail=0
if [[ -z "$only" || "$only" == 1 ]]; then
    call 1 bob alice --tone-hz 550 -- --tone-hz 440 --hangup-after 4 || fail=1
fi
if [[ -z "$only" || "$only" == 2 ]]; then
    call 2 dave carol --candidates loopback --hangup-after 3 -- --candidates loopback || fail=1
fi

if [[ $fail -ne 0 ]]; then
    echo "selftest: FAILED" >&2
    exit 1
fi
echo "selftest: OK (audio energy above $min_level on both sides of every call)" >&2
