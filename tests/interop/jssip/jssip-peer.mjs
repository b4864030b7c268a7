#!/usr/bin/env node
// jssip-peer.mjs: a scriptable JsSIP user agent with real WebRTC audio, running in Debian's
// headless Chromium, for Callboard's interop tests through the Kamailio testbed.
//
//   node jssip-peer.mjs --ws ws://127.0.0.1:5066 --user bob --auto-answer --seconds 20
//   node jssip-peer.mjs --ws ws://127.0.0.1:5066 --user alice --dial sip:bob@sip.test --hangup-after 5
//
// stdout: one JSON object per line ({"event": ...}); stderr: logs (page console, JsSIP debug).
// See README.md for the options, the events and the exit codes.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PAGE_DIR = path.join(HERE, 'page');
const T0 = Date.now();

const EXIT_OK = 0;
const EXIT_SETUP = 1; // Chromium / page / WebSocket / registration failure
const EXIT_USAGE = 2;
const EXIT_CALL_FAILED = 3; // the call failed or (when dialing) was never confirmed

const USAGE = `usage: node jssip-peer.mjs --ws ws://127.0.0.1:PORT --user NAME (--auto-answer | --dial URI) [options]
  --ws URL              Kamailio WebSocket URL (subprotocol "sip" is used)        required
  --user NAME           SIP user (alice|bob|carol|dave on the testbed)             required
  --password PASS       default "<user>-secret"
  --domain D            SIP domain                                                 default sip.test
  --auto-answer         answer the first incoming call (a second one gets 486)
  --dial URI            call URI (e.g. sip:alice@sip.test) once registered
  --seconds N           hang up, unregister and exit after N s                     default 60
  --hangup-after S      send BYE S s after the call is confirmed                   default: never
  --tone-hz F           send a steady sine of F Hz; 0 = the fake capture device    default 440
  --tone-gain A         sine amplitude 0..1                                        default 0.3
  --candidates MODE     "all" host candidates, or "loopback" (only 127.0.0.0/8 and ::1 kept
                        in our SDP)                                                default all
  --stats-interval MS   period of the "audio" events                               default 500
  --register-timeout S  give up (exit 1) when not registered after S s            default 15
  --register-expires S  REGISTER expiry                                            default 600
  --no-sdp              do not print "sdp" events (local and remote SDP)
  --no-sandbox          run Chromium without its sandbox (always so as root, where Chromium
                        refuses to start sandboxed; as another user the sandbox is kept, and
                        dropped with a warning if Chromium cannot start with it)
  --debug               JsSIP's own debug log (all SIP messages) on stderr
  --chromium PATH       default $CALLBOARD_CHROMIUM or /usr/bin/chromium
  --chromium-arg ARG    one more Chromium flag (repeatable)
exit: 0 done (call ended, or --seconds elapsed), 1 setup failure, 2 usage, 3 call failed`;

// ---------------------------------------------------------------------------------------------
// Output

const summary = {
    registered: false, calls: 0, confirmed: false, audioEvents: 0,
    maxAudioLevel: 0, maxInboundAvgLevel: 0, maxAnalyserRms: 0, totalInboundEnergy: 0,
    packetsReceived: 0, packetsSent: 0, bytesSent: 0,
};

function out(obj) {
    const t = Number(((Date.now() - T0) / 1000).toFixed(3));
    process.stdout.write(`${JSON.stringify({ ...obj, t })}\n`);
}

function err(line) {
    process.stderr.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// Options

function parseOptions(argv) {
    let values;
    try {
        ({ values } = parseArgs({
            args: argv,
            strict: true,
            options: {
                ws: { type: 'string' },
                user: { type: 'string' },
                password: { type: 'string' },
                domain: { type: 'string', default: 'sip.test' },
                'auto-answer': { type: 'boolean', default: false },
                dial: { type: 'string' },
                seconds: { type: 'string', default: '60' },
                'hangup-after': { type: 'string', default: '0' },
                'tone-hz': { type: 'string', default: '440' },
                'tone-gain': { type: 'string', default: '0.3' },
                candidates: { type: 'string', default: 'all' },
                'stats-interval': { type: 'string', default: '500' },
                'register-timeout': { type: 'string', default: '15' },
                'register-expires': { type: 'string', default: '600' },
                'no-sdp': { type: 'boolean', default: false },
                'no-sandbox': { type: 'boolean', default: false },
                debug: { type: 'boolean', default: false },
                chromium: { type: 'string', default: process.env.CALLBOARD_CHROMIUM || '/usr/bin/chromium' },
                'chromium-arg': { type: 'string', multiple: true, default: [] },
                help: { type: 'boolean', short: 'h', default: false },
            },
        }));
    } catch (e) {
        usageError(e.message);
    }
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        process.exit(EXIT_OK);
    }
    const num = (name, min) => {
        const v = Number(values[name]);
        if (!Number.isFinite(v) || v < min) usageError(`--${name} must be a number >= ${min}`);
        return v;
    };
    if (!values.ws || !/^wss?:\/\//.test(values.ws)) usageError('--ws ws://host:port is required');
    if (!values.user) usageError('--user is required');
    if (values['auto-answer'] === !!values.dial) usageError('give exactly one of --auto-answer and --dial URI');
    if (!['all', 'loopback'].includes(values.candidates)) usageError('--candidates is "all" or "loopback"');
    const cfg = {
        ws: values.ws,
        user: values.user,
        password: values.password ?? `${values.user}-secret`,
        domain: values.domain,
        autoAnswer: values['auto-answer'],
        dial: values.dial || null,
        seconds: num('seconds', 1),
        hangupAfter: num('hangup-after', 0),
        toneHz: num('tone-hz', 0),
        toneGain: num('tone-gain', 0),
        candidates: values.candidates,
        statsIntervalMs: num('stats-interval', 50),
        registerTimeout: num('register-timeout', 1),
        registerExpires: num('register-expires', 10),
        printSdp: !values['no-sdp'],
        debug: values.debug,
        sandbox: !values['no-sandbox'] && !(process.getuid && process.getuid() === 0),
        chromium: values.chromium,
        chromiumArgs: values['chromium-arg'],
    };
    if (cfg.toneGain > 1) usageError('--tone-gain must be in 0..1');
    return cfg;
}

function usageError(message) {
    err(`jssip-peer: ${message}`);
    err(USAGE);
    process.exit(EXIT_USAGE);
}

// ---------------------------------------------------------------------------------------------
// JsSIP for the browser. The npm package ships CommonJS only (lib/*.js, no dist bundle), so a
// tiny CommonJS bundler wraps lib/JsSIP.js and its dependencies (debug, events, sdp-transform,
// ms) into one script exposing window.JsSIP. Static require('literal') calls only, which is all
// these packages use; a package's "browser" field (debug's) is honoured.

function findPackageDir(fromDir, name) {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, 'node_modules', name);
        if (existsSync(path.join(candidate, 'package.json'))) return candidate;
        if (dir === path.dirname(dir)) return null;
    }
}

function resolveFile(p) {
    for (const c of [p, `${p}.js`, `${p}.json`, path.join(p, 'index.js')]) {
        if (existsSync(c) && statSync(c).isFile()) return c;
    }
    return null;
}

function resolveModule(fromFile, spec) {
    if (spec.startsWith('.') || spec.startsWith('/')) return resolveFile(path.resolve(path.dirname(fromFile), spec));
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    const sub = parts.slice(spec.startsWith('@') ? 2 : 1).join('/');
    const dir = findPackageDir(path.dirname(fromFile), name);
    if (!dir) return null;
    if (sub) return resolveFile(path.join(dir, sub));
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const main = typeof pkg.browser === 'string' ? pkg.browser : pkg.main || 'index.js';
    return resolveFile(path.join(dir, main));
}

export function bundleCommonJS(entry, globalName) {
    const ids = new Map();
    const modules = [];
    const visit = (file) => {
        if (ids.has(file)) return ids.get(file);
        const id = modules.length;
        ids.set(file, id);
        const record = { file, source: '', deps: {} };
        modules.push(record);
        const text = readFileSync(file, 'utf8');
        if (file.endsWith('.json')) {
            record.source = `module.exports = ${text};`;
            return id;
        }
        record.source = text;
        for (const m of text.matchAll(/\brequire\(\s*(['"])([^'"]+)\1\s*\)/g)) {
            const spec = m[2];
            if (spec in record.deps) continue;
            const target = resolveModule(file, spec);
            if (!target) throw new Error(`bundle: cannot resolve require('${spec}') in ${file}`);
            record.deps[spec] = visit(target);
        }
        return id;
    };
    visit(entry);
    const defs = modules.map((m) => `[function (module, exports, require) {\n${m.source}\n},\n${JSON.stringify(m.deps)}]`);
    return `(function () {
var defs = [
${defs.join(',\n')}
];
var cache = {};
function load(id) {
  if (cache[id]) return cache[id].exports;
  var module = cache[id] = { exports: {} };
  var deps = defs[id][1];
  defs[id][0].call(module.exports, module, module.exports, function (spec) {
    if (!(spec in deps)) throw new Error('bundle: unknown module ' + spec);
    return load(deps[spec]);
  });
  return module.exports;
}
window[${JSON.stringify(globalName)}] = load(0);
})();
`;
}

// ---------------------------------------------------------------------------------------------
// Page server: /, /peer.js from page/, /jssip.js bundled from node_modules.

function startPageServer(jssipBundle) {
    const files = {
        '/': ['index.html', 'text/html; charset=utf-8'],
        '/index.html': ['index.html', 'text/html; charset=utf-8'],
        '/peer.js': ['peer.js', 'text/javascript; charset=utf-8'],
    };
    return new Promise((resolve, reject) => {
        const server = createServer((req, res) => {
            const url = new URL(req.url, 'http://127.0.0.1');
            if (url.pathname === '/jssip.js') {
                res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
                res.end(jssipBundle);
                return;
            }
            if (url.pathname === '/favicon.ico') {
                res.writeHead(204).end();
                return;
            }
            const f = files[url.pathname];
            if (!f) {
                res.writeHead(404).end('not found');
                return;
            }
            res.writeHead(200, { 'content-type': f[1], 'cache-control': 'no-store' });
            res.end(readFileSync(path.join(PAGE_DIR, f[0])));
        });
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            server.url = `http://127.0.0.1:${server.address().port}/`;
            resolve(server);
        });
    });
}

// ---------------------------------------------------------------------------------------------
// Chromium

// Flags beyond Playwright's defaults (which already add --headless, --no-sandbox unless
// chromiumSandbox, --disable-background-networking, --disable-component-update, ...):
export const CHROMIUM_ARGS = [
    '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
    // getUserMedia without a prompt, from fake devices (no sound card needed).
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    // The AudioContext of the sine and the remote <audio> element start without a user gesture.
    '--autoplay-policy=no-user-gesture-required',
    // Chromium leaves loopback interfaces out of ICE gathering unless told otherwise: needed
    // for 127.0.0.1 host candidates (the only ones on a machine whose only interface is lo).
    '--allow-loopback-in-peer-connection',
];

async function launchChromium(cfg) {
    if (!existsSync(cfg.chromium)) {
        throw new Error(`Chromium not found at ${cfg.chromium}: install Debian's chromium package ` +
            '(packaging/install-deps.sh --test) or pass --chromium / CALLBOARD_CHROMIUM; it is never downloaded');
    }
    let chromium;
    try {
        ({ chromium } = await import('playwright-core'));
    } catch (e) {
        throw new Error(`playwright-core is not installed: run tests/interop/jssip/setup.sh (${e.message})`);
    }
    const launch = (sandbox) => chromium.launch({
        executablePath: cfg.chromium,
        headless: true,
        chromiumSandbox: sandbox,
        args: [...CHROMIUM_ARGS, ...cfg.chromiumArgs],
        // Our own SIGINT/SIGTERM handler hangs up (BYE) and unregisters before closing Chromium.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: 30000,
    });
    let browser;
    try {
        browser = await launch(cfg.sandbox);
    } catch (e) {
        if (!cfg.sandbox) throw e;
        err(`jssip-peer: Chromium did not start with its sandbox (${e.message.split('\n')[0]}); retrying with --no-sandbox`);
        browser = await launch(false);
    }
    // Granted microphone permission also makes Chromium put real IP addresses (not mDNS
    // *.local names) into host candidates, which Kamailio peers and libnice can use.
    const context = await browser.newContext({ permissions: ['microphone'] });
    return { browser, context };
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
    const cfg = parseOptions(process.argv.slice(2));

    let jssipVersion;
    let bundle;
    try {
        const jssipDir = findPackageDir(HERE, 'jssip');
        if (!jssipDir) throw new Error('jssip is not installed');
        jssipVersion = JSON.parse(readFileSync(path.join(jssipDir, 'package.json'), 'utf8')).version;
        bundle = bundleCommonJS(resolveModule(path.join(HERE, 'x.js'), 'jssip'), 'JsSIP');
    } catch (e) {
        out({ event: 'error', message: `${e.message}: run tests/interop/jssip/setup.sh` });
        process.exit(EXIT_SETUP);
    }

    let server = null;
    let browser = null;
    let page = null;
    let finishing = false;
    let registerTimer = null;
    let secondsTimer = null;

    const finish = async (code, reason) => {
        if (finishing) return;
        finishing = true;
        clearTimeout(registerTimer);
        clearTimeout(secondsTimer);
        if (page && !page.isClosed()) {
            await Promise.race([
                page.evaluate(() => window.peerShutdown && window.peerShutdown()).catch(() => {}),
                new Promise((r) => setTimeout(r, 5000)),
            ]);
        }
        if (browser) await browser.close().catch(() => {});
        if (server) server.close();
        out({ event: 'exit', code, reason, ...summary });
        process.exit(code);
    };

    const onPageEvent = (ev) => {
        if (!ev || typeof ev.event !== 'string') return;
        switch (ev.event) {
        case 'registered':
            summary.registered = true;
            clearTimeout(registerTimer);
            break;
        case 'newRTCSession':
            summary.calls += 1;
            break;
        case 'confirmed':
            summary.confirmed = true;
            break;
        case 'audio':
            summary.audioEvents += 1;
            summary.maxAudioLevel = Math.max(summary.maxAudioLevel, ev.audioLevel || 0);
            summary.maxInboundAvgLevel = Math.max(summary.maxInboundAvgLevel, ev.inboundAvgLevel || 0);
            summary.maxAnalyserRms = Math.max(summary.maxAnalyserRms, ev.analyserRms || 0);
            summary.totalInboundEnergy = Number((summary.totalInboundEnergy + (ev.inboundEnergy || 0)).toFixed(8));
            summary.packetsReceived = ev.packetsReceived || summary.packetsReceived;
            summary.packetsSent = ev.packetsSent || summary.packetsSent;
            summary.bytesSent = ev.bytesSent || summary.bytesSent;
            break;
        default:
            break;
        }
        out(ev);
        if (finishing) return;
        if (ev.event === 'registrationFailed') setImmediate(() => finish(EXIT_SETUP, 'registrationFailed'));
        else if (ev.event === 'error' && ev.fatal) setImmediate(() => finish(EXIT_SETUP, 'error'));
        else if (ev.event === 'ended') setImmediate(() => finish(EXIT_OK, 'ended'));
        else if (ev.event === 'failed') setImmediate(() => finish(EXIT_CALL_FAILED, 'failed'));
    };

    for (const sig of ['SIGINT', 'SIGTERM']) {
        process.on(sig, () => {
            err(`jssip-peer: ${sig}, shutting down`);
            finish(EXIT_OK, sig);
        });
    }

    try {
        server = await startPageServer(bundle);
        const launched = await launchChromium(cfg);
        browser = launched.browser;
        browser.on('disconnected', () => {
            if (!finishing) {
                out({ event: 'error', message: 'Chromium exited' });
                browser = null;
                finish(EXIT_SETUP, 'chromium');
            }
        });
        page = await launched.context.newPage();
        page.on('console', (m) => err(`[page ${m.type()}] ${m.text()}`));
        page.on('pageerror', (e) => {
            err(`[page error] ${e && e.stack ? e.stack : e}`);
            out({ event: 'error', message: `page error: ${e && e.message ? e.message : e}` });
        });
        page.on('crash', () => {
            out({ event: 'error', message: 'page crashed' });
            finish(EXIT_SETUP, 'crash');
        });
        await page.exposeFunction('peerEmit', onPageEvent);
        await page.goto(server.url);
        await page.waitForFunction(() => window.peerReady === true && !!window.JsSIP, null, { timeout: 15000 });
        out({ event: 'started', user: cfg.user, ws: cfg.ws, jssip: jssipVersion, chromium: browser.version() });
        registerTimer = setTimeout(() => {
            out({ event: 'error', message: `not registered after ${cfg.registerTimeout} s (is Kamailio listening on ${cfg.ws}?)` });
            finish(EXIT_SETUP, 'registerTimeout');
        }, cfg.registerTimeout * 1000);
        secondsTimer = setTimeout(() => {
            const code = cfg.dial && !summary.confirmed ? EXIT_CALL_FAILED : EXIT_OK;
            finish(code, 'seconds');
        }, cfg.seconds * 1000);
        await page.evaluate((c) => window.peerStart(c), {
            ws: cfg.ws, user: cfg.user, password: cfg.password, domain: cfg.domain,
            autoAnswer: cfg.autoAnswer, dial: cfg.dial, hangupAfter: cfg.hangupAfter,
            toneHz: cfg.toneHz, toneGain: cfg.toneGain, candidates: cfg.candidates,
            statsIntervalMs: cfg.statsIntervalMs, registerExpires: cfg.registerExpires,
            printSdp: cfg.printSdp, debug: cfg.debug,
        });
    } catch (e) {
        out({ event: 'error', message: e && e.message ? e.message.split('\n')[0] : String(e) });
        if (e && e.message) err(e.message);
        await finish(EXIT_SETUP, 'setup');
    }
}

main();
