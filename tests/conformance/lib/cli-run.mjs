// Runs callboard-cli through the frame-comparison scenario (the same steps the official SDK
// performs in sdk-run.mjs), one emulator with --record per step.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, spawnTied } from './emulator.mjs';
import { COMPARISON } from './sdk-run.mjs';
import { readJsonl, clientFrames } from './frames.mjs';
import { clientSequence } from './compare.mjs';

export function cliBinary() {
    const bin = process.env.CALLBOARD_CLI;
    if (!bin) {
        throw new Error('CALLBOARD_CLI is not set. Build callboard-cli (ninja -C <build> callboard-cli) and ' +
            'export CALLBOARD_CLI=<build>/app/cli/callboard-cli, or compare recorded files with --candidate');
    }
    if (!existsSync(bin)) throw new Error(`CALLBOARD_CLI=${bin} does not exist`);
    return bin;
}

/**
 * Runs the CLI once. onEvent(obj) is called for every JSON line it prints on stdout.
 * Resolves {code, signal, events, stdout, stderr}; kills the CLI after timeoutMs.
 */
export function runCli(args, { env = {}, stdin = null, timeoutMs = 20000, onEvent } = {}) {
    const bin = cliBinary();
    return new Promise((resolve) => {
        const child = spawnTied(bin, args, {
            stdio: [stdin === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
            env: { ...process.env, QT_QPA_PLATFORM: 'offscreen', ...env },
        });
        const res = { args, events: [], stdout: '', stderr: '', timedOut: false };
        let buf = '';
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        child.stdout.on('data', (d) => {
            res.stdout += d;
            buf += d;
            let nl;
            while ((nl = buf.indexOf('\n')) >= 0) {
                const line = buf.slice(0, nl);
                buf = buf.slice(nl + 1);
                let obj;
                try { obj = JSON.parse(line); } catch { continue; }
                res.events.push(obj);
                if (onEvent) {
                    try { onEvent(obj, child); } catch (e) { res.stderr += `\n[harness] ${e.message}`; }
                }
            }
        });
        child.stderr.on('data', (d) => { res.stderr += d; });
        if (stdin !== null) {
            child.stdin.on('error', () => {});
            if (typeof stdin === 'string') child.stdin.end(stdin);
            else stdin(child.stdin);
        }
        const timer = setTimeout(() => { res.timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
        child.on('exit', (code, signal) => {
            clearTimeout(timer);
            resolve({ ...res, code, signal });
        });
    });
}

const isRegistered = (e) => JSON.stringify(e).includes('"REGISTERED"');
const isEstablished = (e) => JSON.stringify(e).includes('"ESTABLISHED"');

/**
 * The CLI steps. `expect` is the client message sequence the official SDK sends for the same
 * flow (pong/pushLogs left out), taken from the SDK runs and shared/fixtures/wcs-official-sdk.
 */
export function cliSteps() {
    const c = COMPARISON;
    const sip = ['--sip-login', c.account.login, '--sip-domain', c.account.domain];
    const sipEnv = { CALLBOARD_SIP_PASSWORD: c.account.password };
    return [
        { name: 'send-data', args: ['--custom', JSON.stringify(c.custom), 'send-data', JSON.stringify(c.dataPayload)], expect: ['connection', 'sendData'] },
        {
            name: 'available', args: ['--commands', 'monitor'],
            // one command on stdin once the session is up, then stdin stays open until --exit-after
            stdinAfter: { when: isEstablished, lines: [{ cmd: 'available', name: c.liveStream }] },
            exitAfter: 1500, expect: ['connection', 'availableStream'],
        },
        { name: 'debug-on', args: ['debug', 'on'], expect: ['connection', 'sessionDebug'] },
        { name: 'debug-off', args: ['debug', 'off'], expect: ['connection', 'sessionDebug'] },
        { name: 'publish', args: ['--duration', '300', 'publish', c.publishName], expect: ['connection', 'publishStream', 'unPublishStream'] },
        { name: 'play', args: ['--duration', '300', 'play', c.liveStream], expect: ['connection', 'playStream', 'stopStream'] },
        { name: 'hold', args: [...sip, '--unhold-after', '300', 'hold', c.callee], env: sipEnv, expect: ['connection', 'call', 'hold', 'unhold', 'hangup'] },
        { name: 'dtmf', args: [...sip, 'dtmf', c.callee, '1'], env: sipEnv, expect: ['connection', 'call', 'sendDtmf', 'hangup'] },
        {
            name: 'call-dtmf-info', args: [...sip, '--dtmf', '#', '--dtmf-type', 'INFO', '--hangup-after', '300', 'call', c.callee],
            env: sipEnv, expect: ['connection', 'call', 'sendDtmf', 'hangup'],
        },
        { name: 'transfer', args: [...sip, 'transfer', c.callee, c.transferTarget], env: sipEnv, expect: ['connection', 'call', 'hold', 'transfer'] },
        {
            name: 'answer', args: [...sip, '--hangup-after', '300', 'answer'], env: sipEnv,
            control: { when: isRegistered, action: { action: 'incomingCall', caller: c.caller, callee: c.account.login, visibleName: c.callerName } },
            expect: ['connection', 'answer', 'hangup'],
        },
        { name: 'monitor', args: ['monitor'], exitAfter: 1200, expect: ['connection'], expectPong: true },
    ];
}

/**
 * Runs every CLI step against its own recording emulator. Returns [{step, result, record,
 * frames, sequence, problems}] where problems lists what went wrong (exit code, sequence).
 */
export async function runCliScenario({ scenario, outDir, pingInterval = 300, log = () => {} }) {
    const results = [];
    for (const step of cliSteps()) {
        const record = path.join(outDir, `cli-${step.name}.jsonl`);
        const emu = await startEmulator({ scenario, record, pingInterval });
        let result;
        try {
            const exitAfter = step.exitAfter ?? 10000;
            const args = ['--url', emu.wsUrl, '--exit-after', String(exitAfter), ...step.args];
            let fired = false;
            let controlError = null;
            let stdinStream = null;
            const stdinPending = step.stdinAfter ? (s) => { stdinStream = s; } : null;
            const onEvent = async (ev) => {
                if (fired) return;
                if (step.control && step.control.when(ev)) {
                    fired = true;
                    const reply = await emu.control.request(step.control.action).catch((e) => ({ ok: false, error: e.message }));
                    if (!reply.ok) controlError = `control ${step.control.action.action}: ${JSON.stringify(reply)}`;
                } else if (step.stdinAfter && step.stdinAfter.when(ev) && stdinStream) {
                    fired = true;
                    for (const l of step.stdinAfter.lines) stdinStream.write(JSON.stringify(l) + '\n');
                }
            };
            log(`callboard-cli ${args.join(' ')}`);
            result = await runCli(args, { env: step.env, stdin: stdinPending, onEvent, timeoutMs: exitAfter + 10000 });
            result.controlError = controlError;
        } finally {
            await emu.stop();
        }
        const frames = existsSync(record) ? readJsonl(record) : [];
        const sequence = clientSequence(frames);
        const problems = [];
        if (result.controlError) problems.push(result.controlError);
        if (result.timedOut) problems.push('killed after timeout');
        else if (result.code !== 0) problems.push(`exit code ${result.code}${result.signal ? ` (${result.signal})` : ''}`);
        if (JSON.stringify(sequence) !== JSON.stringify(step.expect)) {
            problems.push(`sent [${sequence.join(', ')}], the SDK sends [${step.expect.join(', ')}]`);
        }
        if (step.expectPong && !clientFrames(frames).some((f) => f.msg.message === 'pong')) {
            problems.push('no pong sent for the server pings');
        }
        results.push({ step, result, record, frames, sequence, problems });
    }
    return results;
}
