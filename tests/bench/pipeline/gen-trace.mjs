#!/usr/bin/env node
// Writes a recorded-like trace of WCS server frames (one JSON frame per line) for the event
// pipeline benchmark, plus a manifest with what the trace implies.
//
//   node gen-trace.mjs --out <trace.jsonl> [--frames N] [--streams S] [--call-slots K] [--seed X]
//
// The trace is the server side of one busy client session (shared/spec/wcs-protocol.md §5, the
// shapes of shared/fixtures/wcs-official-sdk/*.jsonl):
//   * `registered`, then the first status of every stream (PUBLISHING for every third stream,
//     PLAYING for the others: the client published / played them before the trace starts);
//   * then, drawn with a seeded xorshift generator until N frames:
//       72% notifyStreamStatusEvent (full WCS stream object): 30% status changes along legal
//           edges (PUBLISHING<->PAUSED, PLAYING<->PAUSED, PLAYING<->PLAYBACK_PROBLEM), 20% RESIZE
//           with width/height, 50% same status with new bitrate/info;
//        8% notifyStreamEvent (resize with payload 80%, notEnoughBandwidth 20%);
//        9% call status for K concurrent call slots: outgoing calls notifyTryingResponse -> ring ->
//           talk -> (hold <-> talk)* -> finish, incoming calls notifyIncomingCall -> talk ->
//           (hold <-> talk)* -> finish; a slot whose call finished starts a new call;
//        3% ping; 5% OnDataEvent (a ~300-byte room message); 3% DataStatusEvent;
//   * the last frame is an OnDataEvent with operationId END_MARKER (the consumer's "done").
// Streams are never released (no terminal status): every frame reaches a live stream.
//
// Ids are UUID-shaped and deterministic: stream i is `0b5e<i:4x>-0000-1000-8000-<i:12x>`,
// outgoing call j `ca11<j:4x>-0000-1000-8000-<j:12x>`, incoming `1ca1...`. A client that
// chooses its own stream ids (the official SDK does) maps them 1:1 (same length).
//
// Manifest (<trace>.manifest.json): {frames, bytes, seed, streams:[{id,name,published,status}],
//   outgoingCalls:[callId], calls:[{callId,incoming,status}], counts:{<message>: n},
//   endMarker}. `status` is the final status the trace leaves each stream / call in.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';

export const END_MARKER = '0e0d0000-0000-1000-8000-000000000000';

function parseArgs(argv) {
    const o = { frames: 1000000, streams: 2000, callSlots: 100, seed: 20261121, out: '' };
    for (let i = 0; i < argv.length; i += 2) {
        const k = argv[i].replace(/^--/, '');
        const v = argv[i + 1];
        if (k === 'out') o.out = v;
        else if (k === 'frames') o.frames = Number(v);
        else if (k === 'streams') o.streams = Number(v);
        else if (k === 'call-slots') o.callSlots = Number(v);
        else if (k === 'seed') o.seed = Number(v);
        else throw new Error(`unknown option --${k}`);
    }
    if (!o.out) throw new Error('usage: gen-trace.mjs --out <trace.jsonl> [--frames N] [--streams S] [--call-slots K] [--seed X]');
    return o;
}

/** xorshift32 with a fixed seed: the same trace for the same options. */
function rng(seed) {
    let s = seed >>> 0 || 1;
    return () => {
        s ^= s << 13; s >>>= 0;
        s ^= s >>> 17;
        s ^= s << 5; s >>>= 0;
        return s;
    };
}

const hex = (n, w) => n.toString(16).padStart(w, '0');
const uuid = (prefix, i) => `${prefix}${hex(i & 0xffff, 4)}-0000-1000-8000-${hex(i, 12)}`;

function streamFrame(s, status, extra = {}) {
    const o = {
        mediaSessionId: s.id, name: s.name, published: s.published, hasVideo: true, hasAudio: true,
        status, info: extra.info ?? '', record: false,
        width: extra.width ?? s.width, height: extra.height ?? s.height,
        bitrate: extra.bitrate ?? 0, quality: 0, mediaProvider: 'WebRTC',
        audioState: { muted: false }, videoState: { muted: false },
    };
    return JSON.stringify({ message: 'notifyStreamStatusEvent', data: [o] });
}

export async function generate(opts) {
    const next = rng(opts.seed);
    const pick = (arr) => arr[next() % arr.length];
    const counts = {};
    const out = createWriteStream(opts.out);
    let bytes = 0;
    let written = 0;
    let pending = [];
    const emit = async (message, line) => {
        counts[message] = (counts[message] || 0) + 1;
        pending.push(line);
        bytes += Buffer.byteLength(line) + 1;
        ++written;
        if (pending.length >= 4096) await flush();
    };
    const flush = async () => {
        const chunk = pending.join('\n') + '\n';
        pending = [];
        if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    };

    const streams = [];
    for (let i = 0; i < opts.streams; ++i) {
        const published = i % 3 === 0;
        streams.push({
            id: uuid('0b5e', i), name: published ? `cam-${i}` : `cam-${i - (i % 3)}`,
            published, status: published ? 'PUBLISHING' : 'PLAYING', width: 1280, height: 720,
        });
    }
    const calls = [];
    const outgoingCalls = [];
    const slots = new Array(opts.callSlots).fill(null);
    let outgoingSeq = 0;
    let incomingSeq = 0;

    await emit('registered', JSON.stringify({ message: 'registered', data: [{ status: 'REGISTERED', sipLogin: '1000' }] }));
    for (const s of streams) await emit('notifyStreamStatusEvent', streamFrame(s, s.status));

    const callFrame = async () => {
        const k = next() % slots.length;
        let c = slots[k];
        if (!c) {
            const incoming = next() % 2 === 0;
            const callee = `${1000 + (next() % 9000)}`;
            c = {
                callId: incoming ? uuid('1ca1', incomingSeq++) : uuid('ca11', outgoingSeq++),
                incoming, status: incoming ? 'RING' : 'TRYING', holds: 2 * (next() % 4), peer: callee,
            };
            slots[k] = c;
            calls.push(c);
            if (!incoming) outgoingCalls.push(c.callId);
            const base = {
                callId: c.callId, caller: incoming ? callee : '1000', callee: incoming ? '1000' : callee,
                incoming, visibleName: incoming ? `Desk ${callee}` : '1000', mediaProvider: 'WebRTC',
                hasAudio: true, hasVideo: false,
            };
            if (incoming) {
                await emit('notifyIncomingCall', JSON.stringify({ message: 'notifyIncomingCall', data: [{ ...base, status: 'RING' }] }));
            } else {
                await emit('notifyTryingResponse', JSON.stringify({ message: 'notifyTryingResponse', data: [{ ...base, status: 'TRYING', sipStatus: 100 }] }));
            }
            return;
        }
        let message;
        let extra = {};
        if (c.status === 'TRYING') {
            c.status = 'RING';
            message = 'ring';
            extra = { sipStatus: 180 };
        } else if (c.status === 'RING') {
            c.status = 'ESTABLISHED';
            message = 'talk';
            extra = { sipStatus: 200 };
        } else if (c.status === 'ESTABLISHED' && c.holds > 0) {
            c.status = 'HOLD';
            message = 'hold';
            --c.holds;
        } else if (c.status === 'HOLD') {
            c.status = 'ESTABLISHED';
            message = 'talk';
            --c.holds;
        } else {
            c.status = 'FINISH';
            message = 'finish';
            extra = { info: 'Normal call clearing' };
            slots[k] = null;
        }
        await emit(message, JSON.stringify({ message, data: [{ callId: c.callId, status: c.status, ...extra }] }));
    };

    const body = opts.frames - 1; // the end marker is the last frame
    while (written < body) {
        const r = next() % 100;
        if (r < 72) {
            const s = streams[next() % streams.length];
            const kind = next() % 10;
            if (kind < 3) {
                if (s.status === 'PAUSED') s.status = s.published ? 'PUBLISHING' : 'PLAYING';
                else if (s.status === 'PLAYING') s.status = kind === 0 ? 'PLAYBACK_PROBLEM' : 'PAUSED';
                else if (s.status === 'PLAYBACK_PROBLEM') s.status = 'PLAYING';
                else s.status = 'PAUSED';
                await emit('notifyStreamStatusEvent', streamFrame(s, s.status, { info: kind === 0 ? 'Bandwidth drop' : '' }));
            } else if (kind < 5) {
                s.width = pick([640, 854, 1280, 1920]);
                s.height = (s.width * 9) / 16 | 0;
                await emit('notifyStreamStatusEvent', streamFrame(s, 'RESIZE'));
            } else {
                await emit('notifyStreamStatusEvent', streamFrame(s, s.status, { bitrate: next() % 8000 }));
            }
        } else if (r < 80) {
            const s = streams[next() % streams.length];
            let ev;
            if (next() % 5 !== 0) {
                s.width = pick([640, 854, 1280, 1920]);
                s.height = (s.width * 9) / 16 | 0;
                ev = { mediaSessionId: s.id, type: 'resize', payload: { streamerVideoWidth: s.width, streamerVideoHeight: s.height } };
            } else {
                ev = { mediaSessionId: s.id, type: 'notEnoughBandwidth', payload: { info: `${next() % 2000000}/${2500000}` } };
            }
            await emit('notifyStreamEvent', JSON.stringify({ message: 'notifyStreamEvent', data: [ev] }));
        } else if (r < 89) {
            await callFrame();
        } else if (r < 92) {
            await emit('ping', JSON.stringify({ message: 'ping', data: [] }));
        } else if (r < 97) {
            const op = uuid('da7a', next() & 0xffffff);
            const text = pick(['the meeting starts now', 'camera 7 is back online', 'please mute', 'recording started for the morning shift']);
            await emit('OnDataEvent', JSON.stringify({
                message: 'OnDataEvent',
                data: [{ operationId: op, payload: { roomName: 'operations', name: 'MESSAGE', info: { from: `operator-${next() % 40}`, to: 'all', text, sentAt: 1763700000000 + written } } }],
            }));
        } else {
            await emit('DataStatusEvent', JSON.stringify({ message: 'DataStatusEvent', data: [{ operationId: uuid('0da7', next() & 0xffffff), status: 'ACCEPTED', info: '' }] }));
        }
    }
    await emit('OnDataEvent', JSON.stringify({ message: 'OnDataEvent', data: [{ operationId: END_MARKER, payload: { end: true } }] }));
    await flush();
    await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));

    const manifest = {
        frames: written, bytes, seed: opts.seed, endMarker: END_MARKER,
        streams: streams.map(({ id, name, published, status }) => ({ id, name, published, status })),
        outgoingCalls,
        calls: calls.map(({ callId, incoming, status }) => ({ callId, incoming, status })),
        counts,
    };
    await writeFile(`${opts.out}.manifest.json`, JSON.stringify(manifest));
    return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const opts = parseArgs(process.argv.slice(2));
    const m = await generate(opts);
    console.log(`trace: ${m.frames} frames, ${(m.bytes / 1e6).toFixed(1)} MB, ${m.streams.length} streams, ${m.calls.length} calls -> ${opts.out}`);
}
