// The official @flashphoner/websdk 2.0.276 (webrtc-only bundle) in Node against callboard-emulator.
// Every test starts its own emulator on free loopback ports and stops it at the end.
// Media is out of scope here (no RTCPeerConnection in Node): see ../browser/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startEmulator, scenarioPath, artifactsDir, FIXTURE_DIR } from '../lib/emulator.mjs';
import { loadSdk, memoryLogger } from '../lib/sdk-node.mjs';
import { EventLog, watchSession, watchCall, sleep } from '../lib/events.mjs';
import { readJsonl, clientFrames, serverFrames } from '../lib/frames.mjs';

const { Flashphoner } = await loadSdk();
const SCENARIO = scenarioPath('conformance.json');
// Accounts, streams and the sendData rule of scenarios/conformance.json.
const ACCOUNT = { login: '1000', password: 'secret-1000', domain: 'pbx.example.org' };
const LIVE_STREAM = 'lobby-cam';
const REJECTED_PAYLOAD = { command: 'reject-me' };

/** Runs fn(ctx) with a fresh emulator; on failure the error carries emulator stderr and SDK logs. */
async function withEmulator(opts, fn) {
    const emu = await startEmulator({ scenario: SCENARIO, ...opts });
    const ctx = { emu, sdkLines: [], sessions: [] };
    try {
        await fn(ctx);
    } catch (e) {
        e.message += `\n--- emulator stderr ---\n${emu.stderr.slice(-4000)}` +
            `\n--- SDK log (last lines) ---\n${ctx.sdkLines.slice(-60).join('\n')}`;
        throw e;
    } finally {
        for (const s of ctx.sessions) {
            try { s.disconnect(); } catch { /* already closed */ }
        }
        await emu.stop();
    }
}

/** createSession with its own logger (startDebug must not leak into other sessions). */
function createSession(ctx, options = {}) {
    const log = new EventLog();
    const session = Flashphoner.createSession({
        urlServer: ctx.emu.wsUrl,
        logger: { severity: 'DEBUG', customLogger: memoryLogger(ctx.sdkLines) },
        ...options,
    });
    ctx.sessions.push(session);
    watchSession(Flashphoner, session, log);
    return { session, log };
}

async function connect(ctx, options = {}) {
    const r = createSession(ctx, options);
    await r.log.waitFor('session', 'ESTABLISHED');
    return r;
}

const sipOptions = (password = ACCOUNT.password) => ({
    login: ACCOUNT.login,
    authenticationName: ACCOUNT.login,
    password,
    domain: ACCOUNT.domain,
    outboundProxy: ACCOUNT.domain,
    port: 5060,
    registerRequired: true,
});

test('connect: CONNECTED -> ESTABLISHED (getUserData with authToken, sessionId), disconnect -> DISCONNECTED', async () => {
    await withEmulator({}, async (ctx) => {
        const { session, log } = await connect(ctx, { custom: { token: 'abc' } });
        const est = log.find('session', 'ESTABLISHED').data;
        assert.equal(typeof est.authToken, 'string', 'getUserData.authToken is a string');
        assert.ok(est.authToken.length > 0, 'getUserData.authToken is not empty');
        assert.equal(typeof est.sessionId, 'string', 'getUserData.sessionId is a string');
        assert.match(est.sessionId, /^\/[^/]+:\d+\/[^/]+:\d+$/, 'sessionId has the /<client>:<port>/<server>:<port> form');
        assert.equal(est.appKey, 'defaultApp', 'getUserData echoes appKey');
        assert.equal(session.status(), 'ESTABLISHED');
        session.disconnect();
        await log.waitFor('session', 'DISCONNECTED');
        assert.deepEqual(log.names('session'), ['CONNECTED', 'ESTABLISHED', 'DISCONNECTED']);
    });
});

test('SIP registration: sipOptions with registerRequired -> REGISTERED after ESTABLISHED', async () => {
    await withEmulator({}, async (ctx) => {
        const { session, log } = createSession(ctx, { sipOptions: sipOptions() });
        await log.waitFor('session', 'REGISTERED');
        assert.deepEqual(log.names('session'), ['CONNECTED', 'ESTABLISHED', 'REGISTERED']);
        const est = log.find('session', 'ESTABLISHED').data;
        // The SDK uses getUserData.sipLogin as the caller of outgoing calls.
        assert.equal(est.sipLogin, ACCOUNT.login, 'getUserData echoes sipLogin');
        assert.equal(est.sipPassword, undefined, 'getUserData does not echo sipPassword');
        assert.equal(session.status(), 'REGISTERED');
        // The emulator's own view (control `sessions`) matches what the SDK was told.
        const { sessions } = await ctx.emu.act('sessions');
        const mine = sessions.find((s) => s.sessionId === est.sessionId);
        assert.ok(mine, `control sessions lists ${est.sessionId}: ${JSON.stringify(sessions)}`);
        assert.equal(mine.sipLogin, ACCOUNT.login);
        assert.equal(mine.registered, true);
    });
});

test('SIP registration with a wrong password -> WARN {apiMethod: RegistrationStatusEvent, status: AUTHENTICATION_FAIL}, never REGISTERED', async () => {
    await withEmulator({}, async (ctx) => {
        const { log } = createSession(ctx, { sipOptions: sipOptions('wrong-password') });
        const warn = await log.waitFor('session', 'WARN');
        assert.equal(warn.data.apiMethod, 'RegistrationStatusEvent');
        assert.equal(warn.data.status, 'AUTHENTICATION_FAIL');
        await sleep(300);
        assert.equal(log.find('session', 'REGISTERED'), undefined, 'no REGISTERED after AUTHENTICATION_FAIL');
        assert.deepEqual(log.names('session').slice(0, 3), ['CONNECTED', 'ESTABLISHED', 'WARN']);
    });
});

test('sendData: DataStatusEvent ACCEPTED resolves the promise', async () => {
    await withEmulator({}, async (ctx) => {
        const { session } = await connect(ctx);
        const result = await session.sendData({ hello: 'world' });
        assert.equal(result.status, 'ACCEPTED');
    });
});

test('sendData: DataStatusEvent FAILED (scenario rule) rejects the promise', async () => {
    await withEmulator({}, async (ctx) => {
        const { session } = await connect(ctx);
        await assert.rejects(session.sendData(REJECTED_PAYLOAD), (info) => {
            assert.equal(info.status, 'FAILED');
            return true;
        });
        // The session is still usable afterwards.
        const ok = await session.sendData({ hello: 'again' });
        assert.equal(ok.status, 'ACCEPTED');
    });
});

test('stream.available(): resolves for a live stream, rejects with info for a missing one', async () => {
    await withEmulator({}, async (ctx) => {
        const { session } = await connect(ctx);
        const live = session.createStream({ name: LIVE_STREAM });
        const resolved = await live.available();
        assert.equal(resolved, live, 'available() resolves with the stream');

        const missing = session.createStream({ name: 'no-such-stream' });
        await assert.rejects(missing.available(), (s) => {
            assert.equal(s, missing, 'available() rejects with the stream');
            return true;
        });
        assert.equal(typeof missing.getInfo(), 'string', 'availableStream.info becomes stream.getInfo()');
    });
});

test('startDebug/stopDebug: DEBUG {status: STARTED} then DEBUG {status: STOPPED, file}', async () => {
    await withEmulator({}, async (ctx) => {
        const { session, log } = await connect(ctx);
        session.startDebug();
        await log.waitFor('session', 'DEBUG');
        session.stopDebug();
        await log.waitForCount('session', 'DEBUG', 2);
        const debug = log.events.filter((e) => e.name === 'DEBUG').map((e) => e.data);
        assert.equal(debug[0].status, 'STARTED');
        assert.equal(debug[1].status, 'STOPPED');
        assert.equal(typeof debug[1].file, 'string', 'STOPPED carries the log file');
    });
});

test('OnDataEvent (control pushData) -> APP_DATA with operationId and payload', async () => {
    await withEmulator({}, async (ctx) => {
        const { log } = await connect(ctx);
        const payload = { note: 'from the backend', n: 7, list: [1, 'two'] };
        await ctx.emu.act('pushData', { payload });
        const ev = await log.waitFor('session', 'APP_DATA');
        assert.deepEqual(ev.data.payload, payload);
        assert.equal(typeof ev.data.operationId, 'string');
    });
});

test('incoming call (control incomingCall) -> INCOMING_CALL, RING; hangup -> FINISH', async () => {
    await withEmulator({}, async (ctx) => {
        const { log } = createSession(ctx, { sipOptions: sipOptions() });
        await log.waitFor('session', 'REGISTERED');
        let call;
        const incoming = new Promise((resolve) => {
            ctx.sessions[0].on('INCOMING_CALL', (c) => {
                call = c;
                watchCall(Flashphoner, c, log);
                log.push('session', 'INCOMING_CALL', c);
                resolve(c);
            });
        });
        const reply = await ctx.emu.act('incomingCall', { caller: '1001', callee: ACCOUNT.login, visibleName: 'Alice' });
        assert.equal(typeof reply.callId, 'string', 'incomingCall reply has callId');
        await incoming;
        assert.equal(call.id(), reply.callId);
        assert.equal(call.caller(), '1001');
        assert.equal(call.callee(), ACCOUNT.login);
        assert.equal(call.visibleName(), 'Alice');
        await log.waitFor('call', 'RING');
        call.hangup(); // in RING the SDK sends hangup{callId}
        await log.waitFor('call', 'FINISH');
        assert.deepEqual(log.names('call'), ['RING', 'FINISH']);
        assert.equal(call.status(), 'FINISH');
    });
});

test('fail (control) -> WARN with apiMethod, id, info, status', async () => {
    await withEmulator({}, async (ctx) => {
        const { log } = await connect(ctx);
        await ctx.emu.act('fail', { apiMethod: 'CallStatusEvent', id: 'x-1', info: 'Backend returned 500' });
        const warn = await log.waitFor('session', 'WARN');
        assert.equal(warn.data.apiMethod, 'CallStatusEvent');
        assert.equal(warn.data.id, 'x-1');
        assert.equal(warn.data.info, 'Backend returned 500');
        assert.equal(log.names('session').at(-1), 'WARN');
        assert.equal(ctx.sessions[0].status(), 'ESTABLISHED', 'WARN does not change the session state');
    });
});

test('fail {apiMethod: StreamStatusEvent, id: <mediaSessionId>, status: FAILED} -> stream FAILED and WARN', async () => {
    await withEmulator({}, async (ctx) => {
        const { session, log } = await connect(ctx);
        const stream = session.createStream({ name: 'victim' });
        for (const st of Object.values(Flashphoner.constants.STREAM_STATUS)) {
            stream.on(st, (s) => log.push('stream', st, { status: s.status(), info: s.getInfo() }));
        }
        await ctx.emu.act('fail', { apiMethod: 'StreamStatusEvent', id: stream.id(), info: 'Backend returned 500', status: 'FAILED' });
        await log.waitFor('session', 'WARN');
        const failed = await log.waitFor('stream', 'FAILED');
        assert.equal(failed.data.info, 'Backend returned 500');
    });
});

test('unknown server message (control unknown) is ignored by the SDK; the session keeps working', async () => {
    await withEmulator({}, async (ctx) => {
        const { session, log } = await connect(ctx);
        await ctx.emu.act('unknown');
        const ok = await session.sendData({ after: 'unknown' });
        assert.equal(ok.status, 'ACCEPTED');
        assert.deepEqual(log.names('session'), ['CONNECTED', 'ESTABLISHED']);
        assert.ok(ctx.sdkLines.some((l) => l.includes('Unknown server message')), 'SDK logged the unknown message');
    });
});

test('delay (control) holds back the server\'s replies; the SDK still resolves sendData', async () => {
    await withEmulator({}, async (ctx) => {
        const { session } = await connect(ctx);
        await ctx.emu.act('delay', { ms: 400 });
        const t0 = Date.now();
        const ok = await session.sendData({ slow: true });
        assert.equal(ok.status, 'ACCEPTED');
        assert.ok(Date.now() - t0 >= 350, `DataStatusEvent came after ${Date.now() - t0} ms, expected >= 400`);
        await ctx.emu.act('delay', { ms: 0 });
    });
});

test('drop (control) -> the session ends exactly once, in DISCONNECTED or FAILED', async () => {
    await withEmulator({}, async (ctx) => {
        const { log } = await connect(ctx);
        await ctx.emu.act('drop');
        const deadline = Date.now() + 5000;
        while (!log.events.some((e) => e.name === 'DISCONNECTED' || e.name === 'FAILED')) {
            if (Date.now() > deadline) throw new Error(`no terminal session status after drop:\n${log.dump()}`);
            await sleep(20);
        }
        await sleep(300);
        const terminal = log.names('session').filter((n) => n === 'DISCONNECTED' || n === 'FAILED');
        assert.equal(terminal.length, 1, `one terminal status, got ${terminal}`);
    });
});

test('server ping every --ping-interval ms is answered with pong [null] (recorded)', async () => {
    const record = path.join(artifactsDir('node'), 'ping.jsonl');
    await withEmulator({ pingInterval: 200, record }, async (ctx) => {
        const { session, log } = await connect(ctx);
        await sleep(700);
        session.disconnect();
        await log.waitFor('session', 'DISCONNECTED');
    });
    const frames = readJsonl(record);
    const pings = serverFrames(frames).filter((f) => f.msg.message === 'ping');
    const pongs = clientFrames(frames).filter((f) => f.msg.message === 'pong');
    assert.ok(pings.length >= 2, `at least 2 pings in 700 ms at 200 ms interval, got ${pings.length}`);
    assert.ok(pongs.length >= 2, `SDK answered the pings, got ${pongs.length} pongs`);
    for (const p of pings) assert.ok(Array.isArray(p.msg.data), 'ping carries a data array (the SDK reads data[0])');
    for (const p of pongs) assert.deepEqual(p.msg.data, [null]);
});

test('missed pings: receiveProbes 2 x probesInterval 500 ms -> alive while pinged, FAILED when the emulator stalls', async () => {
    await withEmulator({ pingInterval: 200 }, async (ctx) => {
        const { session, log } = await connect(ctx, { receiveProbes: 2, probesInterval: 500 });
        await sleep(1600); // 3 probe periods with pings arriving: must stay up
        assert.equal(session.status(), 'ESTABLISHED', 'pings every 200 ms keep the session alive');
        const t0 = Date.now();
        await ctx.emu.act('stall', { ms: 4000 });
        const failed = await log.waitFor('session', 'FAILED', 3000);
        // The last ping arrived 0..200 ms before the stall; FAILED comes on the 2nd probe tick
        // after it: 300..1000 ms after the stall, plus scheduling slack.
        const after = failed.t - t0;
        assert.ok(after >= 250 && after <= 1600, `FAILED ${after} ms after the stall (expected 300..1000 ms)`);
        await sleep(300);
        assert.deepEqual(log.names('session'), ['CONNECTED', 'ESTABLISHED', 'FAILED'],
            'FAILED is terminal: no DISCONNECTED after it');
    });
});

test('server close (control close) -> DISCONNECTED', async () => {
    await withEmulator({}, async (ctx) => {
        const { log } = await connect(ctx);
        await ctx.emu.act('close', { code: 1000 });
        await log.waitFor('session', 'DISCONNECTED');
        assert.deepEqual(log.names('session'), ['CONNECTED', 'ESTABLISHED', 'DISCONNECTED']);
    });
});

test('the SDK\'s client frames in Node match the captured official frames (connection fields)', async () => {
    const record = path.join(artifactsDir('node'), 'connection.jsonl');
    await withEmulator({ record }, async (ctx) => {
        const { session, log } = createSession(ctx, { sipOptions: sipOptions(), keepAlive: true, custom: { token: 'abc', login: 'monitor-1' } });
        await log.waitFor('session', 'REGISTERED');
        session.disconnect();
        await log.waitFor('session', 'DISCONNECTED');
    });
    const ours = clientFrames(readJsonl(record)).find((f) => f.msg.message === 'connection').msg.data[0];
    const fixture = clientFrames(readJsonl(path.join(FIXTURE_DIR, 'node-session.jsonl')))
        .find((f) => f.msg.message === 'connection').msg.data[0];
    assert.deepEqual(Object.keys(ours), Object.keys(fixture), 'same connection fields, same order');
    assert.deepEqual({ ...ours, sipPassword: 'x', sipLogin: 'x', sipAuthenticationName: 'x', sipDomain: 'x', sipOutboundProxy: 'x' },
        { ...fixture, sipPassword: 'x', sipLogin: 'x', sipAuthenticationName: 'x', sipDomain: 'x', sipOutboundProxy: 'x' });
});
