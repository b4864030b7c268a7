// Page side of the Chromium conformance tests. Runs one scenario at a time with the official SDK
// (global Flashphoner from /sdk/flashphoner.js) and returns what the SDK reported:
//   events : every SDK callback in arrival order {t, source, name, data}
//   sdp    : every setRemoteDescription / setLocalDescription / createAnswer and its outcome
//   errors : uncaught errors and unhandled promise rejections in the page
// The Node side (../*.test.mjs) asserts on that report.
/* global Flashphoner */
(function () {
    'use strict';
    var events = [];
    var sdp = [];
    var errors = [];
    var waiters = [];
    window.cbReport = function () {
        return { events: events, sdp: sdp, errors: errors };
    };

    function clone(v) {
        try {
            return v === undefined ? null : JSON.parse(JSON.stringify(v));
        } catch (e) {
            return String(v);
        }
    }

    function record(source, name, data) {
        var ev = { t: Date.now(), source: source, name: name, data: clone(data) };
        events.push(ev);
        waiters.slice().forEach(function (w) {
            if (w.test(ev)) {
                waiters.splice(waiters.indexOf(w), 1);
                clearTimeout(w.timer);
                w.resolve(ev);
            }
        });
    }

    function count(source, name) {
        return events.filter(function (e) { return e.source === source && e.name === name; }).length;
    }

    function dump() {
        return events.map(function (e) { return e.source + ' ' + e.name; }).join(', ');
    }

    // Resolves when the n-th (default 1st) event source/name has arrived.
    function waitFor(source, name, timeoutMs, n) {
        n = n || 1;
        timeoutMs = timeoutMs || 10000;
        if (count(source, name) >= n) return Promise.resolve();
        return new Promise(function (resolve, reject) {
            var w = {
                test: function (ev) { return ev.source === source && ev.name === name && count(source, name) >= n; },
                resolve: resolve,
            };
            w.timer = setTimeout(function () {
                waiters.splice(waiters.indexOf(w), 1);
                reject(new Error('timeout ' + timeoutMs + ' ms waiting for ' + source + ' ' + name + ' #' + n +
                    '; events so far: ' + dump() + '; sdp: ' + JSON.stringify(sdp) + '; errors: ' + JSON.stringify(errors)));
            }, timeoutMs);
            waiters.push(w);
        });
    }

    function sleep(ms) {
        return new Promise(function (r) { setTimeout(r, ms); });
    }

    window.addEventListener('error', function (e) {
        errors.push('error: ' + (e.error && e.error.stack || e.message));
    });
    window.addEventListener('unhandledrejection', function (e) {
        var r = e.reason;
        errors.push('unhandledrejection: ' + (r && (r.stack || r.message) || String(r)));
    });

    // Record the outcome of every SDP operation the SDK performs: this is how we know that the
    // SDK (i.e. Chromium) accepted the emulator's answers and offers.
    function instrument(method) {
        var proto = window.RTCPeerConnection.prototype;
        var orig = proto[method];
        proto[method] = function (desc) {
            var pc = this;
            var entry = { op: method, type: desc && desc.type || null };
            if (method === 'setRemoteDescription' && desc && desc.sdp) entry.sdpLines = desc.sdp.split(/\r?\n/).length;
            var p = orig.apply(this, arguments);
            return p.then(function (res) {
                entry.ok = true;
                entry.signalingState = pc.signalingState;
                if (method === 'createAnswer' && res) entry.type = res.type;
                sdp.push(entry);
                return res;
            }, function (err) {
                entry.ok = false;
                entry.error = String(err && err.message || err);
                sdp.push(entry);
                throw err;
            });
        };
    }
    ['setRemoteDescription', 'setLocalDescription', 'createAnswer'].forEach(instrument);

    function display(id) {
        var div = document.createElement('div');
        div.id = id;
        div.style.width = '320px';
        div.style.height = '240px';
        document.getElementById('displays').appendChild(div);
        return div;
    }

    function watchSession(session, source) {
        Object.keys(Flashphoner.constants.SESSION_STATUS).forEach(function (k) {
            var status = Flashphoner.constants.SESSION_STATUS[k];
            session.on(status, function (a, b) {
                if (status === 'INCOMING_CALL') return; // recorded by the scenario that handles it
                record(source || 'session', status, a === session ? b : a);
            });
        });
    }

    function watchStream(stream, source) {
        Object.keys(Flashphoner.constants.STREAM_STATUS).forEach(function (k) {
            var status = Flashphoner.constants.STREAM_STATUS[k];
            stream.on(status, function (s) {
                record(source, status, { status: s.status(), info: s.getInfo() || null, id: s.id(), name: s.name() });
            });
        });
    }

    function watchCall(call, source) {
        Object.keys(Flashphoner.constants.CALL_STATUS).forEach(function (k) {
            var status = Flashphoner.constants.CALL_STATUS[k];
            call.on(status, function (c) {
                record(source, status, { status: c.status(), id: c.id(), info: c.getInfo() || null });
            });
        });
    }

    async function connect(p, extra) {
        var options = Object.assign({ urlServer: p.wsUrl }, extra || {});
        var session = Flashphoner.createSession(options);
        watchSession(session, 'session');
        await waitFor('session', 'ESTABLISHED');
        if (options.sipOptions && options.sipOptions.registerRequired) await waitFor('session', 'REGISTERED');
        return session;
    }

    async function disconnect(session) {
        session.disconnect();
        await waitFor('session', 'DISCONNECTED');
    }

    function sipOptions(p) {
        return {
            login: p.login, authenticationName: p.login, password: p.password, domain: p.domain,
            outboundProxy: p.domain, port: 5060, registerRequired: true,
        };
    }

    var scenarios = {
        // publish -> PUBLISHING -> stop() -> UNPUBLISHED
        publish: async function (p) {
            var session = await connect(p);
            var stream = session.createStream({
                name: p.name, display: display('publish-' + p.name), record: false,
                constraints: { audio: true, video: true },
            });
            watchStream(stream, 'stream');
            stream.publish();
            await waitFor('stream', 'PUBLISHING', 20000);
            await sleep(200);
            stream.stop();
            await waitFor('stream', 'UNPUBLISHED');
            await disconnect(session);
        },

        // publish -> PUBLISHING; control streamFail {name, info} -> FAILED with that info
        streamFail: async function (p) {
            var session = await connect(p);
            var stream = session.createStream({
                name: p.name, display: display('fail-' + p.name), constraints: { audio: true, video: false },
            });
            watchStream(stream, 'stream');
            stream.publish();
            await waitFor('stream', 'PUBLISHING', 20000);
            var reply = await window.cbControl({ action: 'streamFail', name: p.name, info: p.info });
            record('harness', 'control-reply', reply);
            if (!reply || reply.ok !== true) throw new Error('control streamFail failed: ' + JSON.stringify(reply));
            await waitFor('stream', 'FAILED');
            await disconnect(session);
        },

        // play -> PENDING -> PLAYING -> stop() -> STOPPED
        play: async function (p) {
            var session = await connect(p);
            var stream = session.createStream({ name: p.name, display: display('play-' + p.name) });
            watchStream(stream, 'stream');
            stream.play();
            await waitFor('stream', 'PLAYING', 20000);
            await sleep(200);
            stream.stop();
            await waitFor('stream', 'STOPPED');
            await disconnect(session);
        },

        // call -> TRYING -> RING -> ESTABLISHED; hold -> HOLD; unhold -> ESTABLISHED; DTMF;
        // holdForTransfer -> HOLD; transfer -> FINISH
        outgoingCall: async function (p) {
            var session = await connect(p, { sipOptions: sipOptions(p) });
            var call = session.createCall({
                callee: p.callee, visibleName: p.visibleName,
                localVideoDisplay: display('call-local'), remoteVideoDisplay: display('call-remote'),
                constraints: { audio: true, video: false }, receiveVideo: false,
            });
            watchCall(call, 'call');
            call.call();
            await waitFor('call', 'ESTABLISHED', 20000);
            call.hold();
            await waitFor('call', 'HOLD');
            call.unhold();
            await waitFor('call', 'ESTABLISHED', 10000, 2);
            call.sendDTMF('1');
            call.sendDTMF('#', 'INFO');
            await sleep(300);
            record('harness', 'dtmf-sent', { callStatus: call.status() });
            call.holdForTransfer();
            await waitFor('call', 'HOLD', 10000, 2);
            call.transfer(p.transferTarget);
            await waitFor('call', 'FINISH');
            await sleep(300); // anything after FINISH (e.g. a late notifyTransferEvent) shows up in errors
            await disconnect(session);
        },

        // control incomingCall -> INCOMING_CALL, RING; answer -> ESTABLISHED; hangup -> FINISH
        incomingCall: async function (p) {
            var session = await connect(p, { sipOptions: sipOptions(p) });
            var call = null;
            session.on(Flashphoner.constants.SESSION_STATUS.INCOMING_CALL, function (c) {
                call = c;
                watchCall(c, 'call');
                record('session', 'INCOMING_CALL', { id: c.id(), caller: c.caller(), callee: c.callee(), visibleName: c.visibleName(), status: c.status() });
            });
            var reply = await window.cbControl({ action: 'incomingCall', caller: p.caller, callee: p.login, visibleName: p.callerName });
            record('harness', 'control-reply', reply);
            if (!reply || reply.ok !== true) throw new Error('control incomingCall failed: ' + JSON.stringify(reply));
            await waitFor('session', 'INCOMING_CALL');
            await waitFor('call', 'RING');
            call.answer({ localVideoDisplay: display('in-local'), remoteVideoDisplay: display('in-remote') });
            await waitFor('call', 'ESTABLISHED', 20000);
            await sleep(300);
            call.hangup();
            await waitFor('call', 'FINISH');
            await disconnect(session);
        },
    };

    window.runScenario = async function (name, params) {
        events.length = 0;
        sdp.length = 0;
        errors.length = 0;
        var fn = scenarios[name];
        if (!fn) throw new Error('no scenario ' + name);
        await fn(params);
        return window.cbReport();
    };

    Flashphoner.init({ logger: { severity: 'INFO' } }).then(function () {
        record('harness', 'init', { providers: Flashphoner.getMediaProviders() });
        window.harnessReady = true;
    }, function (e) {
        window.harnessError = String(e && e.stack || e);
    });
})();
