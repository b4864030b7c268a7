#!/usr/bin/env node
// Compares what callboard-cli SENDS with what the official @flashphoner/websdk 2.0.276 sends:
// message names, field names, JSON types, the `data` envelope and protocol-constant values.
// See README.md ("Frame comparison") for the differences that remain and why.
//
//   node compare-frames.mjs --run
//       Runs the official SDK (Node + headless Chromium) and callboard-cli through the same
//       scenario, each against callboard-emulator --record, then compares the client frames.
//       Also checks the SDK recordings against shared/fixtures/wcs-official-sdk (sanity check of
//       the harness: our SDK runs must send what the captured official runs sent).
//       Needs CALLBOARD_EMULATOR and CALLBOARD_CLI (--sdk-only: skip the CLI part).
//   node compare-frames.mjs --candidate ours.jsonl[,more.jsonl] [--reference ref.jsonl,...]
//       Compares recordings; the reference defaults to the C>S lines of the shared fixtures.
//
// Options: --known FILE (default known-differences.json), --out DIR (recordings of --run),
//          --json FILE (machine-readable report), --scenario FILE (emulator scenario of --run).
// Exit status: 0 no unexpected difference, 1 unexpected differences or failed steps, 2 setup error.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONFORMANCE_DIR, FIXTURE_DIR, artifactsDir, scenarioPath, startEmulator } from './lib/emulator.mjs';
import { readJsonl, clientFrames } from './lib/frames.mjs';
import { schemaOf, diffSchemas, classify, table } from './lib/compare.mjs';

const COLUMNS = [
    { key: 'message', title: 'message', max: 18 },
    { key: 'field', title: 'field', max: 24 },
    { key: 'kind', title: 'difference', max: 15 },
    { key: 'reference', title: 'official SDK', max: 40 },
    { key: 'candidate', title: 'ours', max: 40 },
];

function usage(msg) {
    if (msg) console.error(`compare-frames: ${msg}`);
    console.error('usage: node compare-frames.mjs --run [--sdk-only] | --candidate A.jsonl[,B.jsonl] [--reference R.jsonl,...]');
    process.exit(2);
}

const fixtureFiles = () => readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(FIXTURE_DIR, f));
const list = (v) => (v ? v.split(',').filter(Boolean) : []);

/** Client frames of recordings, without the capture harness' own x-test messages. */
function loadClientFrames(files) {
    return files.flatMap((f) => clientFrames(readJsonl(f))).filter((f) => f.msg.message !== 'x-test');
}

function printSection(title, result, extra = '') {
    console.log(`\n== ${title}`);
    if (extra) console.log(extra);
    if (result.unexpected.length) {
        console.log(`\n${result.unexpected.length} UNEXPECTED difference(s):`);
        console.log(table(result.unexpected, COLUMNS));
    } else {
        console.log('\nno unexpected difference');
    }
    if (result.known.length) {
        console.log(`\n${result.known.length} known difference(s) (README.md explains each):`);
        console.log(table(result.known, [...COLUMNS, { key: 'reason', title: 'reason', max: 70 }]));
    }
}

function loadKnown(file) {
    const known = JSON.parse(readFileSync(file, 'utf8'));
    for (const k of [...known.cli, ...known.captures, ...known.notExercised]) {
        if (!k.reason) throw new Error(`${file}: entry without reason: ${JSON.stringify(k)}`);
    }
    return known;
}

async function main() {
    let opts;
    try {
        ({ values: opts } = parseArgs({
            options: {
                run: { type: 'boolean', default: false },
                'sdk-only': { type: 'boolean', default: false },
                reference: { type: 'string' },
                candidate: { type: 'string' },
                known: { type: 'string', default: path.join(CONFORMANCE_DIR, 'known-differences.json') },
                out: { type: 'string' },
                json: { type: 'string' },
                scenario: { type: 'string', default: scenarioPath('conformance.json') },
                help: { type: 'boolean', short: 'h', default: false },
            },
        }));
    } catch (e) {
        usage(e.message);
    }
    if (opts.help) usage();
    if (!opts.run && !opts.candidate) usage('give --run or --candidate');
    const known = loadKnown(opts.known);
    const report = { sections: [] };
    let failed = false;

    let refFiles = list(opts.reference);
    let candFiles = list(opts.candidate);

    if (opts.run) {
        const outDir = opts.out || artifactsDir('compare');
        mkdirSync(outDir, { recursive: true });
        // 1. The official SDK, one recording emulator for the whole SDK run.
        const { runNodeSessionScenario, runBrowserScenarios } = await import('./lib/sdk-run.mjs');
        const sdkRecord = path.join(outDir, 'sdk.jsonl');
        const emu = await startEmulator({ scenario: opts.scenario, record: sdkRecord, pingInterval: 300 });
        try {
            console.log(`official SDK in Node against ${emu.wsUrl} (recording ${sdkRecord})`);
            await runNodeSessionScenario(emu);
            console.log('official SDK in Chromium: publish, play, outgoing call, incoming call');
            await runBrowserScenarios(emu);
        } finally {
            await emu.stop();
        }
        if (!refFiles.length) refFiles = [sdkRecord];

        // Sanity check of the harness: our SDK runs send what the captured official runs sent.
        const fx = classify(diffSchemas(schemaOf(loadClientFrames(fixtureFiles())), schemaOf(loadClientFrames([sdkRecord])),
            { onlyCommonMessages: true }), known.captures);
        printSection('official SDK (this run) vs shared/fixtures/wcs-official-sdk captures (messages both contain)', fx);
        report.sections.push({ title: 'sdk-vs-fixtures', ...fx });
        if (fx.unexpected.length) failed = true;

        // 2. callboard-cli, one recording emulator per step.
        if (!opts['sdk-only']) {
            const { runCliScenario } = await import('./lib/cli-run.mjs');
            const steps = await runCliScenario({ scenario: opts.scenario, outDir, log: (l) => console.log(l) });
            const rows = steps.map((s) => ({ step: s.step.name, sent: s.sequence.join(' '), exit: s.result.code ?? s.result.signal, problems: s.problems.join('; ') || 'ok' }));
            console.log('\n== callboard-cli steps (client messages sent, pong left out)');
            console.log(table(rows, [
                { key: 'step', title: 'step', max: 15 }, { key: 'sent', title: 'sent', max: 60 },
                { key: 'exit', title: 'exit', max: 6 }, { key: 'problems', title: 'problems', max: 90 }]));
            for (const s of steps.filter((x) => x.problems.length)) {
                failed = true;
                console.log(`\n-- ${s.step.name}: ${s.problems.join('; ')}\n   args: ${s.result.args.join(' ')}` +
                    `\n   stderr: ${s.result.stderr.trim().split('\n').slice(-8).join('\n           ')}`);
            }
            report.cliSteps = rows;
            if (!candFiles.length) candFiles = steps.map((s) => s.record);
        }
    }

    if (candFiles.length) {
        const againstFixtures = !refFiles.length;
        if (againstFixtures) refFiles = fixtureFiles();
        // Against the captures, their scenario and the messages our scenario does not exercise
        // are known differences too.
        const knownHere = againstFixtures ? [...known.cli, ...known.captures, ...known.notExercised] : known.cli;
        const ref = schemaOf(loadClientFrames(refFiles));
        const cand = schemaOf(loadClientFrames(candFiles));
        const res = classify(diffSchemas(ref, cand), knownHere);
        printSection(`callboard-cli (ours) vs official SDK${againstFixtures ? ' captures' : ''}: client frames`,
            res, `reference: ${refFiles.map((f) => path.relative(process.cwd(), f)).join(', ')}\n` +
            `candidate: ${candFiles.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
        report.sections.push({ title: againstFixtures ? 'cli-vs-captures' : 'cli-vs-sdk', ...res });
        if (res.unexpected.length) failed = true;

        if (opts.run && !againstFixtures) {
            // The same CLI frames against the captured official frames.
            const fx = classify(diffSchemas(schemaOf(loadClientFrames(fixtureFiles())), cand),
                [...known.cli, ...known.captures, ...known.notExercised]);
            printSection('callboard-cli (ours) vs shared/fixtures/wcs-official-sdk captures: client frames', fx);
            report.sections.push({ title: 'cli-vs-captures', ...fx });
            if (fx.unexpected.length) failed = true;
        }
        // Known entries that matched nothing: the README may be out of date.
        const unused = known.cli.filter((k) => !res.known.some((d) => d.reason === k.reason));
        if (unused.length && opts.run) {
            console.log(`\nnote: ${unused.length} known-difference entr${unused.length === 1 ? 'y' : 'ies'} matched nothing in this run ` +
                `(fixed? then remove from known-differences.json and README.md):`);
            for (const k of unused) console.log(`  ${k.message} ${k.field || ''} ${k.kind}`);
        }
    }

    if (opts.json) writeFileSync(opts.json, JSON.stringify(report, null, 2));
    console.log(failed ? '\nRESULT: differences need attention (see above)' : '\nRESULT: ok');
    process.exit(failed ? 1 : 0);
}

main().catch((e) => {
    console.error(`compare-frames: ${e.stack || e}`);
    process.exit(2);
});

