// Serves the test page + the SDK's browser bundle on 127.0.0.1 and drives Debian's Chromium
// through playwright-core (no browser download, ever).
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { CONFORMANCE_DIR } from './emulator.mjs';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CALLBOARD_CHROMIUM || '/usr/bin/chromium';
const SDK_DIR = path.dirname(require.resolve('@flashphoner/websdk/package.json'));
const PAGE_DIR = path.join(CONFORMANCE_DIR, 'browser', 'page');

export const CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/** HTTP server on 127.0.0.1:<free port>: / and /harness.js from browser/page, /sdk/* from the npm package. */
export function startPageServer() {
    return new Promise((resolve, reject) => {
        const server = createServer((req, res) => {
            const url = new URL(req.url, 'http://127.0.0.1');
            let file;
            if (url.pathname === '/' || url.pathname === '/index.html') file = path.join(PAGE_DIR, 'index.html');
            else if (url.pathname.startsWith('/sdk/')) file = path.join(SDK_DIR, path.basename(url.pathname));
            else file = path.join(PAGE_DIR, path.basename(url.pathname));
            if (!existsSync(file)) {
                res.writeHead(404).end('not found');
                return;
            }
            res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
            res.end(readFileSync(file));
        });
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            server.url = `http://127.0.0.1:${server.address().port}/`;
            resolve(server);
        });
    });
}

/**
 * Launches headless Chromium with a fresh profile. A missing Chromium is an error (the
 * conformance label must not pass silently on a machine without it).
 */
export async function launchChromium() {
    if (!existsSync(CHROMIUM)) {
        throw new Error(`Chromium not found at ${CHROMIUM}. The browser conformance tests need Debian's ` +
            `chromium package (apt-get install chromium) or CALLBOARD_CHROMIUM=<path>; they never download a browser.`);
    }
    let chromium;
    try {
        ({ chromium } = await import('playwright-core'));
    } catch (e) {
        throw new Error(`playwright-core is not installed: run tests/conformance/setup.sh (${e.message})`);
    }
    const profile = mkdtempSync(path.join(os.tmpdir(), 'callboard-chromium-'));
    let context;
    try {
        context = await chromium.launchPersistentContext(profile, {
            executablePath: CHROMIUM,
            headless: true,
            args: CHROMIUM_ARGS,
            timeout: 30000,
            permissions: ['microphone', 'camera'],
        });
    } catch (e) {
        rmSync(profile, { recursive: true, force: true });
        throw new Error(`could not launch ${CHROMIUM}: ${e.message}`);
    }
    return {
        context,
        async close() {
            try { await context.close(); } finally { rmSync(profile, { recursive: true, force: true }); }
        },
    };
}

/**
 * Opens the harness page. `control(action)` is exposed to the page as window.cbControl so that
 * scenarios can trigger emulator control actions (incoming calls) from inside the page.
 */
export async function openHarness(context, pageUrl, { control, onConsole } = {}) {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e && e.stack || e)));
    if (onConsole) page.on('console', (m) => onConsole(`${m.type()}: ${m.text()}`));
    if (control) await page.exposeFunction('cbControl', control);
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.harnessReady === true || window.harnessError, null, { timeout: 15000 });
    const err = await page.evaluate(() => window.harnessError || null);
    if (err) throw new Error(`harness page failed to start: ${err}`);
    return { page, pageErrors };
}

/**
 * Runs one scenario of browser/page/harness.js against `emu` in a new page and returns the
 * page's report {events, sdp, errors, pageErrors, console}. On failure the error message carries
 * the partial report, the page console and the emulator's stderr.
 */
export async function runPageScenario({ context, pageUrl, emu, name, params = {} }) {
    const consoleLines = [];
    let page;
    try {
        const h = await openHarness(context, pageUrl, {
            control: (action) => emu.control.request(action),
            onConsole: (l) => consoleLines.push(l),
        });
        page = h.page;
        let report;
        try {
            report = await page.evaluate(([n, p]) => window.runScenario(n, p), [name, { wsUrl: emu.wsUrl, ...params }]);
        } catch (e) {
            const partial = await page.evaluate(() => window.cbReport()).catch(() => null);
            e.message += `\n--- page report ---\n${JSON.stringify(partial, null, 1)}` +
                `\n--- page console (last lines) ---\n${consoleLines.slice(-40).join('\n')}` +
                `\n--- emulator stderr ---\n${emu.stderr.slice(-3000)}`;
            throw e;
        }
        report.pageErrors = h.pageErrors;
        report.console = consoleLines;
        return report;
    } finally {
        if (page) await page.close().catch(() => {});
    }
}
