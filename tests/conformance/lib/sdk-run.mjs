// Drives the official SDK through the frame-comparison scenario against a running (recording)
// emulator: the session part in Node, the media part (streams, calls) in Chromium.
import { loadSdk, memoryLogger } from './sdk-node.mjs';
import { EventLog, watchSession, watchCall, sleep } from './events.mjs';
import { startPageServer, launchChromium, runPageScenario } from './browser.mjs';

/**
 * The frame-comparison scenario. The CLI runner (cli-run.mjs) performs the same steps, so that
 * the recorded client frames can be compared message by message.
 */
export const COMPARISON = {
    account: { login: '1000', password: 'secret-1000', domain: 'pbx.example.org' },
    dataPayload: { hello: 'world' },
    custom: { token: 'abc' },
    liveStream: 'lobby-cam',
    publishName: 'cmp-pub',
    callee: '1002',
    transferTarget: '1003',
    caller: '1001',
    callerName: 'Alice',
};

/**
 * Session-level steps in Node. Session 1 (no SIP; the SDK refuses createStream() in a REGISTERED
 * session): sendData, availableStream x2, a server ping answered, sessionDebug start/stop.
 * Session 2 (SIP, registered): incoming call rejected with hangup after RING.
 */
export async function runNodeSessionScenario(emu, { pingWaitMs = 700 } = {}) {
    const { Flashphoner } = await loadSdk();
    const c = COMPARISON;
    const lines = [];
    const open = async (options, until) => {
        const log = new EventLog();
        const session = Flashphoner.createSession({
            urlServer: emu.wsUrl,
            logger: { severity: 'DEBUG', customLogger: memoryLogger(lines) },
            ...options,
        });
        watchSession(Flashphoner, session, log);
        await log.waitFor('session', until);
        return { session, log };
    };
    const close = async ({ session, log }) => {
        session.disconnect();
        await log.waitFor('session', 'DISCONNECTED');
    };
    try {
        const one = await open({ custom: c.custom }, 'ESTABLISHED');
        await one.session.sendData(c.dataPayload);
        await one.session.createStream({ name: c.liveStream }).available();
        await one.session.createStream({ name: 'no-such-stream' }).available().catch(() => {});
        await sleep(pingWaitMs); // at least one server ping -> pong before the debug log flood
        one.session.startDebug();
        await one.log.waitFor('session', 'DEBUG');
        one.session.stopDebug();
        await one.log.waitForCount('session', 'DEBUG', 2);
        await close(one);

        const two = await open({
            sipOptions: {
                login: c.account.login, authenticationName: c.account.login, password: c.account.password,
                domain: c.account.domain, outboundProxy: c.account.domain, port: 5060, registerRequired: true,
            },
        }, 'REGISTERED');
        let call;
        two.session.on('INCOMING_CALL', (inc) => {
            call = inc;
            watchCall(Flashphoner, inc, two.log);
            two.log.push('session', 'INCOMING_CALL');
        });
        await emu.act('incomingCall', { caller: c.caller, callee: c.account.login, visibleName: c.callerName });
        await two.log.waitFor('call', 'RING');
        call.hangup(); // after RING the SDK sends hangup{callId}
        await two.log.waitFor('call', 'FINISH');
        await close(two);
    } catch (e) {
        e.message += `\n--- SDK log ---\n${lines.slice(-40).join('\n')}`;
        throw e;
    }
}

/** Media steps in Chromium: publish, play, outgoing call (hold/unhold/DTMF/transfer), incoming call answered. */
export async function runBrowserScenarios(emu) {
    const server = await startPageServer();
    let browser;
    const reports = {};
    try {
        browser = await launchChromium();
        const c = COMPARISON;
        const run = async (name, params) => {
            reports[name] = await runPageScenario({ context: browser.context, pageUrl: server.url, emu, name, params });
        };
        await run('publish', { name: c.publishName });
        await run('play', { name: c.liveStream });
        await run('outgoingCall', { ...c.account, callee: c.callee, visibleName: 'Desk 7', transferTarget: c.transferTarget });
        await run('incomingCall', { ...c.account, caller: c.caller, callerName: c.callerName });
    } finally {
        if (browser) await browser.close();
        server.close();
    }
    return reports;
}
