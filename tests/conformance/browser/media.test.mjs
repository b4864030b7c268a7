// The official @flashphoner/websdk 2.0.276 browser bundle (flashphoner.js) in Debian's headless
// Chromium against callboard-emulator: publish, play, outgoing call with hold/unhold/DTMF/transfer,
// incoming call answered. Media does not flow (the emulator is no media server); what is checked is
// that Chromium accepts every SDP answer/offer the emulator sends and that the SDK reaches every status.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startEmulator, scenarioPath, artifactsDir } from '../lib/emulator.mjs';
import { startPageServer, launchChromium, runPageScenario } from '../lib/browser.mjs';
import { readJsonl, clientFrames, serverFrames } from '../lib/frames.mjs';

const SCENARIO = scenarioPath('conformance.json');
const ACCOUNT = { login: '1000', password: 'secret-1000', domain: 'pbx.example.org' };
const LIVE_STREAM = 'lobby-cam';

let server;
let browser;
before(async () => {
    server = await startPageServer();
    browser = await launchChromium();
});
after(async () => {
    if (browser) await browser.close();
    if (server) server.close();
});

/** Runs one page scenario against a fresh emulator that records every frame to artifacts/browser/<name>.jsonl. */
async function runInChromium(name, params = {}) {
    const record = path.join(artifactsDir('browser'), `${name}.jsonl`);
    const emu = await startEmulator({ scenario: SCENARIO, record });
    try {
        const report = await runPageScenario({ context: browser.context, pageUrl: server.url, emu, name, params });
        return { report };
    } finally {
        await emu.stop();
    }
}

const names = (report, source) => report.events.filter((e) => e.source === source).map((e) => e.name);
const framesOf = (name) => readJsonl(path.join(artifactsDir('browser'), `${name}.jsonl`));

/** Every SDP operation succeeded, and there was the expected number of remote descriptions. */
function assertSdpAccepted(report, expectRemote) {
    const failed = report.sdp.filter((s) => !s.ok);
    assert.deepEqual(failed, [], 'Chromium rejected an SDP operation');
    const remote = report.sdp.filter((s) => s.op === 'setRemoteDescription');
    assert.deepEqual(remote.map((s) => s.type), expectRemote, 'remote descriptions applied');
    for (const r of remote) {
        if (r.type === 'answer') assert.equal(r.signalingState, 'stable', 'answer applied: signalingState stable');
    }
}

function assertNoPageErrors(report) {
    const errs = [...report.errors, ...report.pageErrors];
    assert.deepEqual(errs, [], 'no uncaught errors / unhandled rejections in the page');
}

test('publish: PUBLISHING -> UNPUBLISHED, emulator SDP answer accepted', async () => {
    const { report } = await runInChromium('publish', { name: 'conf-pub' });
    assert.deepEqual(names(report, 'session'), ['CONNECTED', 'ESTABLISHED', 'DISCONNECTED']);
    assert.deepEqual(names(report, 'stream'), ['PUBLISHING', 'UNPUBLISHED']);
    assertSdpAccepted(report, ['answer']);
    assertNoPageErrors(report);
    const sent = clientFrames(framesOf('publish')).map((f) => f.msg.message);
    assert.deepEqual(sent.filter((m) => m !== 'pong'), ['connection', 'publishStream', 'unPublishStream']);
    const setRemote = serverFrames(framesOf('publish')).find((f) => f.msg.message === 'setRemoteSDP');
    assert.equal(setRemote.msg.data.length, 2, 'setRemoteSDP data is [mediaSessionId, sdp]');
});

test('stream failure (control streamFail) after PUBLISHING -> FAILED with the info text', async () => {
    const { report } = await runInChromium('streamFail', { name: 'conf-fail', info: 'Failed by RTP activity' });
    assert.deepEqual(names(report, 'stream'), ['PUBLISHING', 'FAILED']);
    const failed = report.events.find((e) => e.source === 'stream' && e.name === 'FAILED');
    assert.equal(failed.data.info, 'Failed by RTP activity');
    assertSdpAccepted(report, ['answer']);
    assertNoPageErrors(report);
});

test('play: PENDING -> PLAYING -> STOPPED, emulator SDP answer accepted', async () => {
    const { report } = await runInChromium('play', { name: LIVE_STREAM });
    assert.deepEqual(names(report, 'stream'), ['PENDING', 'PLAYING', 'STOPPED']);
    assertSdpAccepted(report, ['answer']);
    assertNoPageErrors(report);
    const sent = clientFrames(framesOf('play')).map((f) => f.msg.message);
    assert.deepEqual(sent.filter((m) => m !== 'pong'), ['connection', 'playStream', 'stopStream']);
});

test('outgoing call: TRYING -> RING -> ESTABLISHED -> HOLD -> ESTABLISHED, DTMF, holdForTransfer HOLD, transfer -> FINISH', async () => {
    const { report } = await runInChromium('outgoingCall', {
        ...ACCOUNT, callee: '1002', visibleName: 'Desk 7', transferTarget: '1003',
    });
    assert.deepEqual(names(report, 'session'), ['CONNECTED', 'ESTABLISHED', 'REGISTERED', 'DISCONNECTED']);
    assert.deepEqual(names(report, 'call'), ['TRYING', 'RING', 'ESTABLISHED', 'HOLD', 'ESTABLISHED', 'HOLD', 'FINISH']);
    assertSdpAccepted(report, ['answer']);
    assertNoPageErrors(report);
    const dtmf = report.events.find((e) => e.name === 'dtmf-sent');
    assert.equal(dtmf.data.callStatus, 'ESTABLISHED', 'DTMF does not change the call status');

    const frames = framesOf('outgoingCall');
    const sent = clientFrames(frames).map((f) => f.msg);
    assert.deepEqual(sent.map((m) => m.message).filter((m) => m !== 'pong'),
        ['connection', 'call', 'hold', 'unhold', 'sendDtmf', 'sendDtmf', 'hold', 'transfer']);
    const dtmfFrames = sent.filter((m) => m.message === 'sendDtmf').map((m) => m.data[0]);
    assert.deepEqual(dtmfFrames.map((d) => [d.dtmf, d.type]), [['1', 'RFC2833'], ['#', 'INFO']]);
    // The emulator reports transfer progress (the SDK only uses it for bookkeeping).
    const transfer = serverFrames(frames).filter((f) => f.msg.message === 'notifyTransferEvent').map((f) => f.msg.data[0].status);
    assert.deepEqual(transfer, ['ACCEPTED', 'TRYING', 'COMPLETED']);
    const received = serverFrames(frames).map((f) => f.msg.message);
    assert.ok(!received.includes('fail'), `no fail from the emulator: ${JSON.stringify(serverFrames(frames).filter((f) => f.msg.message === 'fail').map((f) => f.msg))}`);
});

test('incoming call: INCOMING_CALL, RING, answer -> ESTABLISHED (SDK answers the emulator offer), hangup -> FINISH', async () => {
    const { report } = await runInChromium('incomingCall', { ...ACCOUNT, caller: '1001', callerName: 'Alice' });
    const incoming = report.events.find((e) => e.name === 'INCOMING_CALL');
    const reply = report.events.find((e) => e.name === 'control-reply').data;
    assert.equal(incoming.data.id, reply.callId);
    assert.equal(incoming.data.caller, '1001');
    assert.equal(incoming.data.visibleName, 'Alice');
    assert.deepEqual(names(report, 'session'), ['CONNECTED', 'ESTABLISHED', 'REGISTERED', 'INCOMING_CALL', 'DISCONNECTED']);
    assert.deepEqual(names(report, 'call'), ['RING', 'ESTABLISHED', 'FINISH']);
    assertSdpAccepted(report, ['offer']);
    const answer = report.sdp.find((s) => s.op === 'createAnswer');
    assert.ok(answer && answer.ok, 'Chromium created an answer to the emulator offer');
    assertNoPageErrors(report);

    const frames = framesOf('incomingCall');
    const received = serverFrames(frames).map((f) => f.msg.message);
    const iSdp = received.indexOf('setRemoteSDP');
    assert.ok(iSdp >= 0 && iSdp < received.indexOf('notifyIncomingCall'), 'offer (setRemoteSDP) comes before notifyIncomingCall');
    const sent = clientFrames(frames).map((f) => f.msg.message).filter((m) => m !== 'pong');
    assert.deepEqual(sent, ['connection', 'answer', 'hangup']);
});
