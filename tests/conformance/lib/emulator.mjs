// Starts callboard-emulator on free loopback ports and talks to its control endpoint.
//
// Contract (app/emulator): `callboard-emulator --bind 127.0.0.1 --port 0 --control-port 0 ...`
// prints exactly one JSON line {"event":"listening","ws":"ws://...","control":"ws://..."} on
// stdout. The control endpoint is a WebSocket: one {"action":...} in, one {"ok":...} reply out.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CONFORMANCE_DIR = path.resolve(HERE, '..');
export const SOURCE_DIR = path.resolve(CONFORMANCE_DIR, '..', '..');
export const SCENARIO_DIR = path.join(CONFORMANCE_DIR, 'scenarios');
/** shared/ beside the clone (fixtures, specs); CTest passes CALLBOARD_SHARED_DIR. */
export const SHARED_DIR = process.env.CALLBOARD_SHARED_DIR || path.resolve(SOURCE_DIR, '..', 'shared');
export const FIXTURE_DIR = path.join(SHARED_DIR, 'fixtures', 'wcs-official-sdk');

/** Directory for recordings and other test output (git-ignored tests/artifacts/). */
export function artifactsDir(sub = '') {
    const base = process.env.CALLBOARD_ARTIFACTS_DIR ||
        path.join(SOURCE_DIR, 'tests', 'artifacts', 'conformance');
    const dir = sub ? path.join(base, sub) : base;
    mkdirSync(dir, { recursive: true });
    return dir;
}

export function scenarioPath(name) {
    return path.join(SCENARIO_DIR, name);
}

/** Path of the emulator binary; throws a readable error when it is not there. */
export function emulatorBinary() {
    const bin = process.env.CALLBOARD_EMULATOR;
    if (!bin) {
        throw new Error('CALLBOARD_EMULATOR is not set. Build the emulator ' +
            '(ninja -C <build> callboard-emulator) and run through ctest -L conformance, or ' +
            'export CALLBOARD_EMULATOR=<build>/app/emulator/callboard-emulator');
    }
    if (!existsSync(bin)) {
        throw new Error(`CALLBOARD_EMULATOR=${bin} does not exist (build callboard-emulator first)`);
    }
    return bin;
}

const live = new Set();
function killAllSync() {
    for (const child of live) {
        try { child.kill('SIGKILL'); } catch { /* already gone */ }
    }
    live.clear();
}
process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => { killAllSync(); process.exit(128 + 15); });
}

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

/**
 * spawn() whose child also dies when this Node process is SIGKILLed (e.g. by a CTest timeout):
 * util-linux setpriv sets PR_SET_PDEATHSIG and execs the program (same pid).
 */
export function spawnTied(bin, args, options) {
    if (SETPRIV) return trackChild(spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', bin, ...args], options));
    return trackChild(spawn(bin, args, options));
}

/** Registers a child process so that it is killed when this Node process ends, however it ends. */
export function trackChild(child) {
    live.add(child);
    child.once('exit', () => live.delete(child));
    return child;
}

/**
 * Starts the emulator. Options: scenario (file path), pingInterval (ms), record (file path),
 * args (extra argv), startTimeout (ms). Returns an Emulator; always call stop().
 */
export async function startEmulator(opts = {}) {
    const bin = emulatorBinary();
    const args = ['--bind', '127.0.0.1', '--port', '0', '--control-port', '0'];
    if (opts.scenario) args.push('--scenario', opts.scenario);
    if (opts.pingInterval !== undefined) args.push('--ping-interval', String(opts.pingInterval));
    if (opts.record) args.push('--record', opts.record);
    if (opts.quiet !== false) args.push('--quiet');
    if (opts.args) args.push(...opts.args);

    const child = spawnTied(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const emu = new Emulator(child, [bin, ...args].join(' '));
    try {
        await emu._waitListening(opts.startTimeout ?? 15000);
        emu.control = await ControlClient.connect(emu.controlUrl);
    } catch (e) {
        await emu.stop();
        throw e;
    }
    return emu;
}

export class Emulator {
    constructor(child, commandLine) {
        this.child = child;
        this.commandLine = commandLine;
        this.stdout = '';
        this.stderr = '';
        this.exited = null;
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (d) => { this.stderr += d; });
        this._exitPromise = new Promise((resolve) => {
            child.once('exit', (code, signal) => { this.exited = { code, signal }; resolve(this.exited); });
        });
    }

    _waitListening(timeoutMs) {
        return new Promise((resolve, reject) => {
            let buf = '';
            const timer = setTimeout(() => {
                reject(new Error(`emulator printed no "listening" line within ${timeoutMs} ms\n` +
                    `command: ${this.commandLine}\nstdout: ${this.stdout}\nstderr: ${this.stderr}`));
            }, timeoutMs);
            const onData = (d) => {
                this.stdout += d;
                buf += d;
                let nl;
                while ((nl = buf.indexOf('\n')) >= 0) {
                    const line = buf.slice(0, nl).trim();
                    buf = buf.slice(nl + 1);
                    if (!line) continue;
                    let obj;
                    try { obj = JSON.parse(line); } catch { continue; }
                    if (obj && obj.event === 'listening') {
                        clearTimeout(timer);
                        this.listening = obj;
                        this.wsUrl = obj.ws;
                        this.controlUrl = obj.control;
                        if (typeof obj.ws !== 'string' || !obj.ws.startsWith('ws://') ||
                            typeof obj.control !== 'string' || !obj.control.startsWith('ws://')) {
                            reject(new Error(`bad "listening" line: ${line}`));
                        } else {
                            resolve(obj);
                        }
                        return;
                    }
                }
            };
            this.child.stdout.on('data', onData);
            this._exitPromise.then((ex) => {
                clearTimeout(timer);
                reject(new Error(`emulator exited (${JSON.stringify(ex)}) before listening\n` +
                    `command: ${this.commandLine}\nstdout: ${this.stdout}\nstderr: ${this.stderr}`));
            });
        });
    }

    /** Sends one control action and returns the reply; throws when the reply is not ok. */
    async act(action, params = {}) {
        const reply = await this.control.request({ action, ...params });
        if (!reply || reply.ok !== true) {
            throw new Error(`control action ${action} ${JSON.stringify(params)} failed: ${JSON.stringify(reply)}`);
        }
        return reply;
    }

    async stop() {
        if (this.control) this.control.close();
        if (this.exited) return this.exited;
        this.child.kill('SIGTERM');
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
        const ex = await this._exitPromise;
        clearTimeout(timer);
        return ex;
    }
}

export class ControlClient {
    static connect(url, timeoutMs = 5000) {
        return new Promise((resolve, reject) => {
            const ws = new WebSocket(url);
            const timer = setTimeout(() => { ws.terminate(); reject(new Error(`control ${url}: no connection`)); }, timeoutMs);
            ws.once('open', () => { clearTimeout(timer); resolve(new ControlClient(ws)); });
            ws.once('error', (e) => { clearTimeout(timer); reject(new Error(`control ${url}: ${e.message}`)); });
        });
    }

    constructor(ws) {
        this.ws = ws;
        this.pending = [];
        ws.on('message', (data) => {
            const p = this.pending.shift();
            if (!p) return;
            clearTimeout(p.timer);
            try { p.resolve(JSON.parse(String(data))); } catch (e) { p.reject(e); }
        });
        ws.on('close', () => {
            for (const p of this.pending.splice(0)) { clearTimeout(p.timer); p.reject(new Error('control connection closed')); }
        });
    }

    request(obj, timeoutMs = 5000) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`control: no reply to ${JSON.stringify(obj)}`)), timeoutMs);
            this.pending.push({ resolve, reject, timer });
            this.ws.send(JSON.stringify(obj));
        });
    }

    close() {
        try { this.ws.close(); } catch { /* ignore */ }
    }
}
