// Compares what two WCS clients SENT (C>S frames): message names, field names, JSON types,
// the `data` envelope, and the values of protocol constants. Pure functions, no I/O.

/** JSON type name of a value as it appears on the wire. */
export function jsonType(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    return typeof v; // string | number | boolean | object
}

/**
 * Fields whose VALUE is a protocol constant (same scenario => same value in both clients).
 * Everything else (ids, names, SDP, user agents, credentials) is compared by type only.
 */
export const VALUE_FIELDS = {
    '*': ['clientVersion', 'msePacketizationVersion', 'appKey'],
    connection: ['mediaProviders', 'sipRegisterRequired'],
    publishStream: ['published', 'status', 'mediaProvider'],
    playStream: ['published', 'status', 'mediaProvider', 'record', 'hasVideo', 'hasAudio'],
    unPublishStream: ['published', 'hasVideo', 'hasAudio', 'status', 'record'],
    stopStream: ['published', 'hasVideo', 'hasAudio', 'status', 'record'],
    call: ['incoming', 'status', 'mediaProvider', 'hasAudio', 'hasVideo'],
    answer: ['incoming', 'status', 'mediaProvider', 'hasAudio', 'hasVideo'],
    hold: ['holdForTransfer'],
    sendDtmf: ['type'],
    sessionDebug: ['command'],
};

function valueFieldsOf(message) {
    return new Set([...(VALUE_FIELDS['*'] || []), ...(VALUE_FIELDS[message] || [])]);
}

/**
 * Builds a per-message schema from client frames ({msg} objects as returned by frames.mjs):
 * Map message -> {count, envelopes:Set, fields: Map field -> {count, types:Set, values:Set}}.
 */
export function schemaOf(frames) {
    const out = new Map();
    for (const f of frames) {
        const m = f.msg;
        if (!m || typeof m.message !== 'string') continue;
        let s = out.get(m.message);
        if (!s) {
            s = { count: 0, envelopes: new Set(), fields: new Map(), examples: [] };
            out.set(m.message, s);
        }
        s.count++;
        if (s.examples.length < 3) s.examples.push(`${f.file ? f.file.split('/').pop() : ''}:${f.line ?? ''}`);
        const keys = Object.keys(m).filter((k) => k !== 'message' && k !== 'data');
        let env;
        if (!Array.isArray(m.data)) env = `data:${jsonType(m.data)}`;
        else env = `data:[${m.data.map(jsonType).join(',')}]`;
        if (keys.length) env += ` +${keys.join(',')}`;
        s.envelopes.add(env);
        const payload = Array.isArray(m.data) ? m.data[0] : undefined;
        if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
            const vf = valueFieldsOf(m.message);
            for (const [k, v] of Object.entries(payload)) {
                let fs = s.fields.get(k);
                if (!fs) {
                    fs = { count: 0, types: new Set(), values: new Set() };
                    s.fields.set(k, fs);
                }
                fs.count++;
                fs.types.add(jsonType(v));
                if (vf.has(k)) fs.values.add(JSON.stringify(v));
            }
        }
    }
    return out;
}

const fmtSet = (s) => [...s].sort().join('|');

/**
 * Differences between a reference schema (the official SDK) and a candidate (our client).
 * Each difference: {message, field, kind, reference, candidate}. Kinds:
 *   message-missing  the reference sent this message, the candidate never did
 *   message-extra    the candidate sent a message the reference never did
 *   envelope         `data` shape differs (e.g. [object] vs [null], extra top-level keys)
 *   field-missing    field always/sometimes sent by the reference, never by the candidate
 *   field-extra      field sent by the candidate, never by the reference
 *   field-sometimes  the reference sends the field in every such message, the candidate only in some
 *   type             same field, different JSON type(s)
 *   value            protocol-constant field with different values
 */
export function diffSchemas(ref, cand, { onlyCommonMessages = false } = {}) {
    const diffs = [];
    const messages = new Set([...ref.keys(), ...cand.keys()]);
    for (const message of [...messages].sort()) {
        const r = ref.get(message);
        const c = cand.get(message);
        if (!c) {
            if (!onlyCommonMessages) diffs.push({ message, field: '', kind: 'message-missing', reference: `${r.count} frame(s)`, candidate: '-' });
            continue;
        }
        if (!r) {
            if (!onlyCommonMessages) diffs.push({ message, field: '', kind: 'message-extra', reference: '-', candidate: `${c.count} frame(s)` });
            continue;
        }
        if (fmtSet(r.envelopes) !== fmtSet(c.envelopes)) {
            diffs.push({ message, field: '', kind: 'envelope', reference: fmtSet(r.envelopes), candidate: fmtSet(c.envelopes) });
        }
        const fields = new Set([...r.fields.keys(), ...c.fields.keys()]);
        for (const field of [...fields].sort()) {
            const rf = r.fields.get(field);
            const cf = c.fields.get(field);
            if (!cf) {
                diffs.push({ message, field, kind: 'field-missing', reference: `${fmtSet(rf.types)} (${rf.count}/${r.count})`, candidate: '-' });
            } else if (!rf) {
                diffs.push({ message, field, kind: 'field-extra', reference: '-', candidate: `${fmtSet(cf.types)} (${cf.count}/${c.count})` });
            } else {
                if (rf.count === r.count && cf.count < c.count) {
                    diffs.push({ message, field, kind: 'field-sometimes', reference: `always (${rf.count}/${r.count})`, candidate: `${cf.count}/${c.count}` });
                }
                if (fmtSet(rf.types) !== fmtSet(cf.types)) {
                    diffs.push({ message, field, kind: 'type', reference: fmtSet(rf.types), candidate: fmtSet(cf.types) });
                }
                if (rf.values.size && cf.values.size && fmtSet(rf.values) !== fmtSet(cf.values)) {
                    diffs.push({ message, field, kind: 'value', reference: fmtSet(rf.values), candidate: fmtSet(cf.values) });
                }
            }
        }
    }
    return diffs;
}

/** Does a known-difference entry cover this difference? Entry fields may use "*" as a wildcard. */
function matches(entry, d) {
    const eq = (a, b) => a === undefined || a === '*' || a === b;
    return eq(entry.message, d.message) && eq(entry.field, d.field) && eq(entry.kind, d.kind);
}

/** Splits differences into {known: [d + reason], unexpected: [d]} using the known list. */
export function classify(diffs, known) {
    const out = { known: [], unexpected: [] };
    for (const d of diffs) {
        const k = known.find((e) => matches(e, d));
        if (k) out.known.push({ ...d, reason: k.reason });
        else out.unexpected.push(d);
    }
    return out;
}

/** Plain-text table. */
export function table(rows, columns) {
    const widths = columns.map((c) => Math.max(c.title.length, ...rows.map((r) => String(r[c.key] ?? '').length)));
    const cap = (s, w) => (s.length > w ? s.slice(0, w - 1) + '…' : s);
    const limits = columns.map((c, i) => Math.min(widths[i], c.max || 60));
    const line = (vals) => vals.map((v, i) => cap(String(v ?? ''), limits[i]).padEnd(limits[i])).join(' | ').trimEnd();
    const out = [line(columns.map((c) => c.title)), limits.map((w) => '-'.repeat(w)).join('-|-')];
    for (const r of rows) out.push(line(columns.map((c) => r[c.key])));
    return out.join('\n');
}

/** The sequence of client message names of one connection, pongs/pings/pushLogs left out. */
export function clientSequence(frames, conn) {
    return frames
        .filter((f) => f.dir === 'C>S' && f.msg && (conn === undefined || f.conn === conn))
        .map((f) => f.msg.message)
        .filter((m) => m !== 'pong' && m !== 'ping' && m !== 'pushLogs');
}
