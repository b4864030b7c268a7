#!/usr/bin/env node
// The official @flashphoner/websdk 2.0.276 side of the event pipeline benchmark: feeds every
// line of a trace (gen-trace.mjs) through the SDK session's real WebSocket onmessage handler, in
// Node with the conformance tests' browser shim, and times the feeding loop only.
//
//   node run-sdk.mjs --trace <trace.jsonl> [--sdk-logs off|default]
//
// Set-up (not timed): the SDK is initialised, a session is created against an in-memory
// WebSocket (it answers `connection` with getUserData, so the session is ESTABLISHED), one
// stream per trace stream is created with session.createStream() and one call per outgoing
// trace call with session.createCall({callId}), with a handler on every stream / call status
// and stream event, as an application registers them; incoming calls are created by the SDK
// itself from notifyIncomingCall (the INCOMING_CALL handler registers the same handlers). The
// SDK picks its own stream ids (uuid v1): the trace's stream ids are replaced by them, 1:1 and
// of the same length, before timing.
//
// --sdk-logs off (default): Flashphoner.init({logger: null}), the SDK's cheapest set-up (no log
// line is built). default: logs on at INFO into a no-op custom logger, as Flashphoner.init({})
// does apart from console output (the SDK still formats every debug line and keeps it for
// pushLogs).
//
// Prints one line: `sdk: frames=N seconds=S cpu_seconds=C frames_per_s=F peak_rss_kib=R`, then
// the check of the final state against the trace manifest; exits 1 when a stream or call does
// not end in the status the trace implies or a callback count is off.
import { createRequire } from 'node:module';
import { openSync, readSync, fstatSync, closeSync, readFileSync } from 'node:fs';
import { installBrowserShim } from '../../conformance/lib/sdk-node.mjs';

function parseArgs(argv) {
    const o = { trace: '', sdkLogs: 'off' };
    for (let i = 0; i < argv.length; i += 2) {
        if (argv[i] === '--trace') o.trace = argv[i + 1];
        else if (argv[i] === '--sdk-logs') o.sdkLogs = argv[i + 1];
        else throw new Error(`unknown option ${argv[i]}`);
    }
    if (!o.trace || !['off', 'default'].includes(o.sdkLogs)) {
        throw new Error('usage: run-sdk.mjs --trace <trace.jsonl> [--sdk-logs off|default]');
    }
    return o;
}

/** Every line of `path` as a string (read in 64 MiB chunks: a V8 string is at most ~512 MB). */
function readLines(path) {
    const fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const lines = [];
    const chunk = Buffer.alloc(64 * 1024 * 1024);
    let carry = Buffer.alloc(0);
    for (let pos = 0; pos < size;) {
        const n = readSync(fd, chunk, 0, chunk.length, pos);
        pos += n;
        const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
        let start = 0;
        for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
            if (nl > start) lines.push(buf.toString('utf8', start, nl));
            start = nl + 1;
        }
        carry = Buffer.from(buf.subarray(start));
    }
    if (carry.length) lines.push(carry.toString('utf8'));
    closeSync(fd);
    return lines;
}

/** In-memory stand-in for the browser WebSocket: opens at once, answers `connection`. */
class FakeWebSocket {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    static last = null;
    constructor(url) {
        this.url = url;
        this.readyState = FakeWebSocket.CONNECTING;
        this.sent = 0;
        this.pongs = 0;
        FakeWebSocket.last = this;
        setTimeout(() => {
            this.readyState = FakeWebSocket.OPEN;
            this.onopen?.();
        }, 0);
    }
    send(text) {
        ++this.sent;
        if (text.startsWith('{"message":"pong"')) {
            ++this.pongs;
        } else if (text.startsWith('{"message":"connection"')) {
            const userData = {
                appKey: 'defaultApp', mediaProviders: ['WebRTC'], sipLogin: '1000',
                sessionId: '/127.0.0.1:40000/127.0.0.1:8080', nodeId: 'bench@127.0.0.1',
                status: 'ESTABLISHED', authToken: '7b77794b-26d2-43cd-abc8-900eddee4c99', useWsTunnel: false,
            };
            setTimeout(() => this.onmessage({ data: JSON.stringify({ message: 'getUserData', data: [userData] }) }), 0);
        }
    }
    close() {
        this.readyState = FakeWebSocket.CLOSED;
    }
}

const opts = parseArgs(process.argv.slice(2));
const manifest = JSON.parse(readFileSync(`${opts.trace}.manifest.json`, 'utf8'));

installBrowserShim();
globalThis.WebSocket = FakeWebSocket;
const require = createRequire(new URL('../../conformance/package.json', import.meta.url));
let Flashphoner;
try {
    Flashphoner = require('@flashphoner/websdk/flashphoner-webrtc-only.js');
} catch (e) {
    console.error(`@flashphoner/websdk is not installed: run tests/conformance/setup.sh (${e.message})`);
    process.exit(2);
}
const version = require('@flashphoner/websdk/package.json').version;
if (version !== '2.0.276') {
    console.error(`@flashphoner/websdk ${version} installed, 2.0.276 expected: run tests/conformance/setup.sh`);
    process.exit(2);
}
const noop = () => {};
const warn = console.warn;
console.warn = noop; // "Failed to create audio context": there is none in Node
await Flashphoner.init(opts.sdkLogs === 'off'
    ? { logger: null }
    : { logger: { severity: 'INFO', customLogger: { info: noop, debug: noop, warn: noop, error: noop, trace: noop } } });
console.warn = warn;

const { SESSION_STATUS, STREAM_STATUS, CALL_STATUS, STREAM_EVENT } = Flashphoner.constants;
const counters = { streamStatus: 0, streamEvents: 0, callStatus: 0, incoming: 0, appData: 0, ended: false };

const session = Flashphoner.createSession({ urlServer: 'ws://bench.invalid:8080', appKey: 'defaultApp' });
await new Promise((resolve, reject) => {
    session.on(SESSION_STATUS.ESTABLISHED, resolve);
    session.on(SESSION_STATUS.FAILED, () => reject(new Error('session FAILED')));
});
const ws = FakeWebSocket.last;

const watchCall = (call) => {
    for (const st of Object.values(CALL_STATUS)) call.on(st, () => ++counters.callStatus);
};
session.on(SESSION_STATUS.INCOMING_CALL, (call) => {
    ++counters.incoming;
    watchCall(call);
    incomingCalls.set(call.id(), call);
});
session.on(SESSION_STATUS.APP_DATA, (data) => {
    ++counters.appData;
    if (data.operationId === manifest.endMarker) counters.ended = true;
});
const incomingCalls = new Map();

const streams = new Map(); // trace id -> SDK stream
const idMap = new Map();   // trace id -> SDK id
for (const s of manifest.streams) {
    const stream = session.createStream({ name: s.name });
    for (const st of Object.values(STREAM_STATUS)) stream.on(st, () => ++counters.streamStatus);
    stream.on(STREAM_EVENT, () => ++counters.streamEvents);
    streams.set(s.id, stream);
    if (stream.id().length !== s.id.length) throw new Error(`SDK stream id ${stream.id()} is not UUID-shaped`);
    idMap.set(s.id, stream.id());
}
const outgoing = new Map();
for (const callId of manifest.outgoingCalls) {
    const call = session.createCall({ callId, callee: '2000', visibleName: '1000', receiveVideo: false });
    watchCall(call);
    outgoing.set(callId, call);
}

const lines = readLines(opts.trace);
const idPattern = /0b5e[0-9a-f]{4}-0000-1000-8000-[0-9a-f]{12}/g;
for (let i = 0; i < lines.length; ++i) {
    if (lines[i].includes('"0b5e')) lines[i] = lines[i].replace(idPattern, (id) => idMap.get(id) ?? id);
}
if (lines.length !== manifest.frames) throw new Error(`trace has ${lines.length} lines, manifest says ${manifest.frames}`);

// --- timed: every frame through the session's real onmessage handler ---
const onmessage = ws.onmessage;
global.gc?.();
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < lines.length; ++i) {
    onmessage({ data: lines[i] });
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRss = process.resourceUsage().maxRSS;
console.log(`sdk: frames=${lines.length} seconds=${seconds.toFixed(3)} cpu_seconds=${cpuSeconds.toFixed(3)} ` +
    `frames_per_s=${Math.round(lines.length / seconds)} peak_rss_kib=${peakRss} sdk_logs=${opts.sdkLogs}`);

// --- check: the SDK objects end where the trace leaves them ---
const errors = [];
for (const s of manifest.streams) {
    const got = streams.get(s.id).status();
    if (got !== s.status) errors.push(`stream ${s.id}: ${got}, expected ${s.status}`);
}
for (const c of manifest.calls) {
    const call = c.incoming ? incomingCalls.get(c.callId) : outgoing.get(c.callId);
    const got = call?.status();
    // The SDK leaves a call it created from notifyIncomingCall in NEW until the next call event.
    const want = c.incoming && c.status === 'RING' ? CALL_STATUS.NEW : c.status;
    if (got !== want) errors.push(`call ${c.callId}: ${got}, expected ${want}`);
}
const n = (m) => manifest.counts[m] || 0;
const callFrames = ['notifyTryingResponse', 'notifyIncomingCall', 'ring', 'talk', 'hold', 'finish'].reduce((a, m) => a + n(m), 0);
const expect = (what, got, want) => { if (got !== want) errors.push(`${what}: ${got}, expected ${want}`); };
expect('pongs sent', ws.pongs, n('ping'));
expect('incoming calls', counters.incoming, n('notifyIncomingCall'));
expect('APP_DATA callbacks', counters.appData, n('OnDataEvent'));
expect('stream status callbacks', counters.streamStatus, n('notifyStreamStatusEvent'));
expect('stream event callbacks', counters.streamEvents, n('notifyStreamEvent'));
expect('call status callbacks', counters.callStatus, callFrames - n('notifyIncomingCall'));
expect('end marker seen', counters.ended, true);
if (errors.length) {
    console.error(`sdk check FAILED (${errors.length}):\n  ${errors.slice(0, 10).join('\n  ')}`);
    process.exit(1);
}
console.log(`sdk check: ok (${manifest.streams.length} streams, ${manifest.calls.length} calls, ${ws.pongs} pongs)`);
process.exit(0);
