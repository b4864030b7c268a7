// Loads the official @flashphoner/websdk 2.0.276 browser bundle in Node with a small shim.
//
// What the bundle touches (found by loading it behind Proxy-traced globals, see README):
//   at load   : window (the bundle's global), navigator.{mozGetUserMedia,webkitGetUserMedia,
//               mediaDevices}, window.{isSecureContext,RTCPeerConnection} (webrtc-adapter)
//   init()    : window.AudioContext / webkitAudioContext (inside try/catch), 'getUserMedia' in
//               navigator && 'RTCPeerConnection' in window (WebRTC provider available),
//               window.navigator + location.protocol (client-info: collects nothing on http)
//   session   : global WebSocket (readyState, send, close, onopen/onmessage/onclose/onerror),
//               window.navigator.appVersion/userAgent (connection message), Blob (instanceof)
// No media: RTCPeerConnection and getUserMedia exist (so that init() finds a provider) but
// throw when used. Streams and calls with media are exercised in Chromium instead.
import { createRequire } from 'node:module';
import WebSocket from 'ws';

// Same user agent as the Node captures in shared/fixtures/wcs-official-sdk/node-*.jsonl.
export const NODE_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/120.0.0.0 Safari/537.36';

let installed = false;
export function installBrowserShim() {
    if (installed) return;
    installed = true;
    const noMedia = () => Promise.reject(new Error('no media devices in Node'));
    globalThis.RTCPeerConnection = class RTCPeerConnection {
        constructor() { throw new Error('RTCPeerConnection is not available in Node'); }
    };
    globalThis.RTCSessionDescription = class RTCSessionDescription {
        constructor(init) { Object.assign(this, init); }
    };
    globalThis.navigator = {
        userAgent: NODE_UA,
        appVersion: NODE_UA.replace(/^Mozilla\//, ''),
        platform: 'Linux x86_64',
        language: 'en-US',
        getUserMedia: noMedia,
        mediaDevices: {
            getUserMedia: noMedia,
            enumerateDevices: () => Promise.resolve([]),
            addEventListener() {},
        },
    };
    globalThis.location = { protocol: 'http:', href: 'http://127.0.0.1/', hostname: '127.0.0.1', host: '127.0.0.1' };
    globalThis.document = {
        createElement: () => { throw new Error('no DOM in Node'); },
        getElementById: () => null,
        addEventListener() {},
    };
    globalThis.WebSocket = WebSocket;
    globalThis.window = globalThis;
}

/** A logger for the SDK that keeps its lines in memory (printed when a test fails). */
export function memoryLogger(lines = []) {
    const put = (level) => (text) => {
        lines.push(`${level} ${typeof text === 'string' ? text : JSON.stringify(text)}`);
    };
    return { lines, info: put('INFO'), debug: put('DEBUG'), warn: put('WARN'), error: put('ERROR'), trace: put('TRACE') };
}

let sdk;
let sdkLog;
/** Loads and initialises the SDK once per process. Returns {Flashphoner, log}. */
export async function loadSdk() {
    if (sdk) return { Flashphoner: sdk, log: sdkLog };
    installBrowserShim();
    const require = createRequire(import.meta.url);
    const Flashphoner = require('@flashphoner/websdk/flashphoner-webrtc-only.js');
    const version = require('@flashphoner/websdk/package.json').version;
    if (version !== '2.0.276') throw new Error(`@flashphoner/websdk ${version} installed, 2.0.276 expected (run setup.sh)`);
    sdkLog = memoryLogger();
    const warn = console.warn;
    console.warn = () => {}; // init() warns "Failed to create audio context": there is none in Node
    try {
        await Flashphoner.init({ logger: { severity: 'DEBUG', customLogger: sdkLog } });
    } finally {
        console.warn = warn;
    }
    sdk = Flashphoner;
    return { Flashphoner, log: sdkLog };
}
