// Records SDK callbacks in arrival order and waits for them.

export class EventLog {
    constructor() {
        this.events = [];
        this.waiters = [];
    }

    push(source, name, data) {
        const ev = { t: Date.now(), source, name, data };
        this.events.push(ev);
        for (const w of this.waiters.slice()) {
            if (w.pred(ev)) {
                this.waiters.splice(this.waiters.indexOf(w), 1);
                clearTimeout(w.timer);
                w.resolve(ev);
            }
        }
        return ev;
    }

    /** Names of the events of one source, in order. */
    names(source) {
        return this.events.filter((e) => e.source === source).map((e) => e.name);
    }

    find(source, name) {
        return this.events.find((e) => e.source === source && e.name === name);
    }

    /** Resolves with the first event (already logged or future) matching source and name. */
    waitFor(source, name, timeoutMs = 5000) {
        const pred = (e) => e.source === source && e.name === name;
        const seen = this.events.find(pred);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve, reject) => {
            const w = { pred, resolve };
            w.timer = setTimeout(() => {
                this.waiters.splice(this.waiters.indexOf(w), 1);
                reject(new Error(`timeout (${timeoutMs} ms) waiting for ${source} ${name}; got so far:\n` +
                    this.dump()));
            }, timeoutMs);
            this.waiters.push(w);
        });
    }

    /** Resolves when `count` events of source+name have arrived. */
    async waitForCount(source, name, count, timeoutMs = 5000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const n = this.events.filter((e) => e.source === source && e.name === name).length;
            if (n >= count) return;
            if (Date.now() > deadline) {
                throw new Error(`timeout waiting for ${count}x ${source} ${name}; got:\n${this.dump()}`);
            }
            await sleep(20);
        }
    }

    dump() {
        return this.events.map((e) => `  ${e.source} ${e.name} ${e.data === undefined ? '' : safeJson(e.data)}`).join('\n');
    }
}

export function safeJson(v) {
    try { return JSON.stringify(v); } catch { return String(v); }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Subscribes to every SESSION_STATUS of an SDK session; `source` names it in the log. */
export function watchSession(Flashphoner, session, log, source = 'session') {
    for (const status of Object.values(Flashphoner.constants.SESSION_STATUS)) {
        session.on(status, (arg1, arg2) => {
            // State callbacks get (session, obj); WARN/DEBUG/APP_DATA get (obj); INCOMING_CALL (call).
            let data = arg1;
            if (arg1 === session) data = arg2;
            log.push(source, status, data);
        });
    }
}

/** Subscribes to every CALL_STATUS of an SDK call. */
export function watchCall(Flashphoner, call, log, source = 'call') {
    for (const status of Object.values(Flashphoner.constants.CALL_STATUS)) {
        call.on(status, (c) => log.push(source, status, { status: c.status(), id: c.id() }));
    }
}
